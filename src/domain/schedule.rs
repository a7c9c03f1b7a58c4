//! Schedule rules, all pure functions of `today`.
//!
//! - **days left**: whole days from `today` to the deadline in force (the last revision, or the
//!   original). 0 means due today; negative means past due.
//! - **overdue**: past the deadline in force (days left < 0) and neither done nor signed off.
//!   Due today is not overdue yet.
//! - **due soon**: not finished and 0 ≤ days left ≤ the window (default 7 days).
//! - **completion**: measures done or signed off ÷ all measures. A program with no measures has
//!   no completion (shown as "—"), not 0 % and not 100 %.
//! - **actual progress**: the mean of the measures' progress, counting done and signed off as
//!   100 %.
//! - **expected progress**: the share of the program's span (start → due) that has elapsed by
//!   `today`, 0 % before the start and 100 % from the due date on.
//! - **health**, the first rule that matches:
//!   1. *off track* — the program is past its due date with work unfinished, or at least
//!      [`OFF_TRACK_OVERDUE`] measures are overdue, or actual progress is more than
//!      [`OFF_TRACK_LAG`] points behind expected;
//!   2. *at risk* — any measure is overdue or blocked, a milestone is past its date and not
//!      reached, or actual progress is more than [`AT_RISK_LAG`] points behind expected;
//!   3. *on track* — otherwise.

use super::{Date, Measure, Program, StatusKind};

pub const DEFAULT_DUE_SOON_DAYS: i64 = 7;
pub const OFF_TRACK_OVERDUE: usize = 3;
pub const OFF_TRACK_LAG: i64 = 25;
pub const AT_RISK_LAG: i64 = 10;

pub fn days_left(m: &Measure, today: Date) -> i64 {
    today.days_until(m.effective_due())
}

pub fn is_overdue(m: &Measure, today: Date) -> bool {
    !m.status.is_finished() && days_left(m, today) < 0
}

pub fn is_due_soon(m: &Measure, today: Date, window_days: i64) -> bool {
    let d = days_left(m, today);
    !m.status.is_finished() && (0..=window_days).contains(&d)
}

/// Progress of one measure as it counts towards the program: finished work is 100 %.
pub fn effective_progress(m: &Measure) -> i64 {
    if m.status.is_finished() {
        100
    } else {
        m.progress.clamp(0, 100)
    }
}

/// Percent of the program's span elapsed by `today`, 0–100.
pub fn expected_progress(p: &Program, today: Date) -> i64 {
    let span = p.start.days_until(p.due);
    let elapsed = p.start.days_until(today);
    if span <= 0 {
        return if elapsed >= 0 { 100 } else { 0 };
    }
    (elapsed * 100 / span).clamp(0, 100)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Health {
    OnTrack,
    AtRisk,
    OffTrack,
}

impl Health {
    pub fn label_zh(self) -> &'static str {
        match self {
            Health::OnTrack => "正常",
            Health::AtRisk => "有风险",
            Health::OffTrack => "滞后",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Health::OnTrack => "on track",
            Health::AtRisk => "at risk",
            Health::OffTrack => "off track",
        }
    }
    /// A shape as well as a colour, so the verdict never rests on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Health::OnTrack => "●",
            Health::AtRisk => "▲",
            Health::OffTrack => "■",
        }
    }
}

/// What the next dated thing is: a measure's deadline or a milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextKind {
    Measure(String),
    Milestone(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextDeadline {
    pub date: Date,
    pub days_left: i64,
    pub what: NextKind,
    /// The title of the measure or milestone.
    pub title: String,
}

/// Everything the screens show about one program on one day, computed in one pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub total: usize,
    pub by_status: [usize; 5],
    pub overdue: usize,
    pub due_soon: usize,
    pub milestones_missed: usize,
    pub milestones_done: usize,
    /// Mean effective progress, 0–100; `None` with no measures.
    pub actual: Option<i64>,
    pub expected: i64,
    pub health: Health,
    pub next: Option<NextDeadline>,
}

impl Assessment {
    pub fn count(&self, k: StatusKind) -> usize {
        self.by_status[k as usize]
    }

    pub fn finished(&self) -> usize {
        self.count(StatusKind::Done) + self.count(StatusKind::SignedOff)
    }

    /// Completion in percent (finished ÷ all), `None` with no measures.
    pub fn completion(&self) -> Option<i64> {
        percent(self.finished(), self.total)
    }
}

/// Whole percent, rounded down so that 99.6 % never shows as a finished 100 %.
pub fn percent(part: usize, whole: usize) -> Option<i64> {
    (whole > 0).then(|| (part as i64 * 100) / whole as i64)
}

pub fn assess(p: &Program, today: Date, due_soon_days: i64) -> Assessment {
    let mut by_status = [0usize; 5];
    let (mut overdue, mut due_soon, mut progress_sum) = (0, 0, 0i64);
    let mut next: Option<NextDeadline> = None;
    let mut consider = |date: Date, what: NextKind, title: &str| {
        let days = today.days_until(date);
        if days >= 0 && next.as_ref().is_none_or(|n| date < n.date) {
            next = Some(NextDeadline {
                date,
                days_left: days,
                what,
                title: title.to_owned(),
            });
        }
    };
    for m in &p.measures {
        by_status[m.status.kind() as usize] += 1;
        overdue += usize::from(is_overdue(m, today));
        due_soon += usize::from(is_due_soon(m, today, due_soon_days));
        progress_sum += effective_progress(m);
        if !m.status.is_finished() {
            consider(m.effective_due(), NextKind::Measure(m.id.clone()), &m.title);
        }
    }
    let mut milestones_missed = 0;
    let mut milestones_done = 0;
    for ms in &p.milestones {
        if ms.done.is_some() {
            milestones_done += 1;
        } else {
            if today.days_until(ms.due) < 0 {
                milestones_missed += 1;
            }
            consider(ms.due, NextKind::Milestone(ms.title.clone()), &ms.title);
        }
    }
    let total = p.measures.len();
    let actual = (total > 0).then(|| progress_sum / total as i64);
    let expected = expected_progress(p, today);
    let lag = actual.map_or(0, |a| expected - a);
    let finished = by_status[StatusKind::Done as usize] + by_status[StatusKind::SignedOff as usize];
    let past_due_unfinished = today.days_until(p.due) < 0 && finished < total;
    let blocked = by_status[StatusKind::Blocked as usize];
    let health = if past_due_unfinished || overdue >= OFF_TRACK_OVERDUE || lag > OFF_TRACK_LAG {
        Health::OffTrack
    } else if overdue > 0 || blocked > 0 || milestones_missed > 0 || lag > AT_RISK_LAG {
        Health::AtRisk
    } else {
        Health::OnTrack
    };
    Assessment {
        total,
        by_status,
        overdue,
        due_soon,
        milestones_missed,
        milestones_done,
        actual,
        expected,
        health,
        next,
    }
}
