//! The figures every format shows, computed once from the programs and the day, so the
//! Markdown, HTML and JSON reports can never disagree about a number.

use super::texts::ReportTexts;
use crate::domain::schedule::{self, Assessment, Health};
use crate::domain::{Date, Measure, Milestone, Program, StatusKind};

/// One program with its assessment on the report's day.
pub struct ProgramFigures<'a> {
    pub program: &'a Program,
    pub assessment: Assessment,
}

/// Each program judged on `today`, "due soon" meaning within `window_days`.
pub fn figures(programs: &[Program], today: Date, window_days: i64) -> Vec<ProgramFigures<'_>> {
    programs
        .iter()
        .map(|program| ProgramFigures {
            program,
            assessment: schedule::assess(program, today, window_days),
        })
        .collect()
}

/// The line a meeting asks for first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub programs: usize,
    pub measures: usize,
    pub finished: usize,
    pub signed_off: usize,
    pub overdue: usize,
    pub due_soon: usize,
    /// The due-soon window the figures were judged by, in days.
    pub due_soon_days: i64,
    /// Programs on track, at risk, off track.
    pub health: [usize; 3],
}

impl Totals {
    pub fn of(figures: &[ProgramFigures<'_>], window_days: i64) -> Totals {
        let mut t = Totals {
            programs: figures.len(),
            due_soon_days: window_days,
            ..Totals::default()
        };
        for f in figures {
            let a = &f.assessment;
            t.measures += a.total;
            t.finished += a.finished();
            t.signed_off += a.count(StatusKind::SignedOff);
            t.overdue += a.overdue;
            t.due_soon += a.due_soon;
            t.health[a.health as usize] += 1;
        }
        t
    }

    pub fn completion(&self) -> Option<i64> {
        schedule::percent(self.finished, self.measures)
    }

    pub fn health_count(&self, h: Health) -> usize {
        self.health[h as usize]
    }
}

pub const HEALTHS: [Health; 3] = [Health::OnTrack, Health::AtRisk, Health::OffTrack];

/// A measure that needs attention, with where it belongs.
pub struct Flagged<'a> {
    pub program: &'a Program,
    pub measure: &'a Measure,
    pub days_left: i64,
}

/// Overdue measures, the longest overdue first; ties keep board order.
pub fn overdue(programs: &[Program], today: Date) -> Vec<Flagged<'_>> {
    flagged(programs, today, |m| schedule::is_overdue(m, today))
}

/// Unfinished measures due within the window, the nearest first.
pub fn due_soon(programs: &[Program], today: Date, window_days: i64) -> Vec<Flagged<'_>> {
    flagged(programs, today, |m| {
        schedule::is_due_soon(m, today, window_days)
    })
}

/// Blocked measures, the nearest deadline first: what a meeting must unblock.
pub fn blocked(programs: &[Program], today: Date) -> Vec<Flagged<'_>> {
    flagged(programs, today, |m| m.status.kind() == StatusKind::Blocked)
}

/// Why a measure is blocked, as its board says; empty for one that is not.
pub fn blocked_reason(m: &Measure) -> &str {
    match &m.status {
        crate::domain::Status::Blocked(r) => r,
        _ => "",
    }
}

fn flagged<'a>(
    programs: &'a [Program],
    today: Date,
    keep: impl Fn(&Measure) -> bool,
) -> Vec<Flagged<'a>> {
    let mut out: Vec<Flagged<'a>> = programs
        .iter()
        .flat_map(|p| p.measures.iter().map(move |m| (p, m)))
        .filter(|(_, m)| keep(m))
        .map(|(program, measure)| Flagged {
            program,
            measure,
            days_left: schedule::days_left(measure, today),
        })
        .collect();
    // A stable sort: equal deadlines stay in the order the boards list them.
    out.sort_by_key(|f| f.days_left);
    out
}

/// Where a milestone stands on the report's day, as the board's milestone strip shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneState {
    Reached,
    Missed,
    Ahead,
}

impl MilestoneState {
    pub fn of(ms: &Milestone, today: Date) -> MilestoneState {
        if ms.done.is_some() {
            MilestoneState::Reached
        } else if today.days_until(ms.due) < 0 {
            MilestoneState::Missed
        } else {
            MilestoneState::Ahead
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            MilestoneState::Reached => "✓",
            MilestoneState::Missed => "✗",
            MilestoneState::Ahead => "◇",
        }
    }

    /// The word in the JSON report.
    pub fn code(self) -> &'static str {
        match self {
            MilestoneState::Reached => "reached",
            MilestoneState::Missed => "missed",
            MilestoneState::Ahead => "ahead",
        }
    }
}

/// What a meeting asks next about a milestone: how late it was reached, or how far off it is.
pub fn milestone_note(ms: &Milestone, today: Date, t: &ReportTexts) -> String {
    match ms.done {
        Some(done) if done > ms.due => (t.late_by)(ms.due.days_until(done)),
        Some(_) => String::new(),
        None => (t.ui.aside)(&(t.ui.days_left)(today.days_until(ms.due))),
    }
}

/// The health word other tools match on in the JSON report.
pub fn health_code(h: Health) -> &'static str {
    match h {
        Health::OnTrack => "on_track",
        Health::AtRisk => "at_risk",
        Health::OffTrack => "off_track",
    }
}

/// `25%`, or `—` for a program with no measures (neither 0 % nor 100 % would be true).
pub fn pct(p: Option<i64>) -> String {
    p.map_or_else(|| "—".to_owned(), |p| format!("{p}%"))
}

/// How the deadline in force moved, when it did: a slip is what a meeting asks about.
pub fn revision_note(m: &Measure, t: &ReportTexts) -> Option<String> {
    match m.slips() {
        0 => None,
        n => Some((t.revised_note)(&(t.table_date)(m.due), n)),
    }
}
