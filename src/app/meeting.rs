//! Meeting mode: pages that cycle by themselves on a shared screen, and what changed since the
//! meeting started. Driven by the clock the loop passes in, so tests pin time.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{NaiveDateTime, TimeDelta};

use super::App;
use crate::domain::schedule;
use crate::domain::{Measure, StatusKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Overview,
    Program(PathBuf),
    Deadlines,
}

/// A measure as it stood when the meeting began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    status: StatusKind,
    overdue: bool,
}

/// What happened to a measure since the meeting began, most newsworthy first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Since {
    SignedOff,
    Overdue,
    StatusChanged,
    New,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub page: usize,
    pub paused: bool,
    /// The screen is blanked (`b` or `.`); the cycle waits, as while paused.
    pub blank: bool,
    pub cycle: TimeDelta,
    /// When the page on screen appeared (moved on while paused, so the page keeps its time).
    pub page_since: NaiveDateTime,
    pub now: NaiveDateTime,
    pub started: NaiveDateTime,
    baseline: HashMap<(String, String), Seen>,
}

fn seen(m: &Measure, today: crate::domain::Date) -> Seen {
    Seen {
        status: m.status.kind(),
        overdue: schedule::is_overdue(m, today),
    }
}

impl Meeting {
    pub fn start(app: &App, now: NaiveDateTime, cycle_seconds: u64) -> Meeting {
        let mut baseline = HashMap::new();
        for p in app.boards.iter().filter_map(|b| b.program.as_ref()) {
            for m in &p.measures {
                baseline.insert((p.id.clone(), m.id.clone()), seen(m, app.today));
            }
        }
        Meeting {
            page: 0,
            paused: false,
            blank: false,
            cycle: TimeDelta::seconds(cycle_seconds as i64),
            page_since: now,
            now,
            started: now,
            baseline,
        }
    }

    /// Seconds the current page has left, for the indicator.
    pub fn left(&self) -> TimeDelta {
        (self.cycle - (self.now - self.page_since)).max(TimeDelta::zero())
    }

    pub fn since(&self, program: &str, m: &Measure, today: crate::domain::Date) -> Option<Since> {
        let now = seen(m, today);
        let Some(before) = self.baseline.get(&(program.to_owned(), m.id.clone())) else {
            return Some(Since::New);
        };
        if now.status == StatusKind::SignedOff && before.status != StatusKind::SignedOff {
            Some(Since::SignedOff)
        } else if now.overdue && !before.overdue {
            Some(Since::Overdue)
        } else if now.status != before.status {
            Some(Since::StatusChanged)
        } else {
            None
        }
    }
}

impl App {
    /// The cycle: the overview, each program that has data, the deadlines.
    pub fn meeting_pages(&self) -> Vec<Page> {
        let mut pages = vec![Page::Overview];
        pages.extend(
            self.boards
                .iter()
                .filter(|b| b.program.is_some())
                .map(|b| Page::Program(b.path.clone())),
        );
        pages.push(Page::Deadlines);
        pages
    }

    pub fn meeting_page(&self) -> Option<Page> {
        let m = self.meeting.as_ref()?;
        let pages = self.meeting_pages();
        pages.get(m.page.min(pages.len() - 1)).cloned()
    }
}

fn go(app: &mut App, page: usize) {
    let n = app.meeting_pages().len();
    if let Some(m) = &mut app.meeting {
        m.page = page % n;
        m.page_since = m.now;
    }
}

pub fn step(app: &mut App, dir: isize) {
    let n = app.meeting_pages().len() as isize;
    if let Some(m) = &app.meeting {
        let next = (m.page as isize + dir).rem_euclid(n) as usize;
        go(app, next);
    }
}

/// Number keys: 1 is the first program.
pub fn jump(app: &mut App, program: usize) {
    if program >= 1 && program + 1 < app.meeting_pages().len() {
        go(app, program);
    }
}

pub fn toggle_pause(app: &mut App) {
    if let Some(m) = &mut app.meeting {
        m.paused = !m.paused;
        // Resuming gives the page a fresh full turn; the audience was reading it.
        m.page_since = m.now;
    }
}

pub fn toggle_blank(app: &mut App) {
    if let Some(m) = &mut app.meeting {
        m.blank = !m.blank;
        // Back from a blank, the page gets its full time: nobody saw it meanwhile.
        m.page_since = m.now;
    }
}

/// The clock moved on: the page turns when its time is up, unless paused or blanked.
pub fn tick(app: &mut App, now: NaiveDateTime) {
    let Some(m) = &mut app.meeting else { return };
    m.now = now;
    if m.paused || m.blank {
        m.page_since = now;
        return;
    }
    if now - m.page_since >= m.cycle {
        let next = m.page + 1;
        go(app, next);
    }
    // The page list can shrink under a reload; never point past its end.
    let n = app.meeting_pages().len();
    if let Some(m) = &mut app.meeting {
        m.page = m.page.min(n - 1);
    }
}
