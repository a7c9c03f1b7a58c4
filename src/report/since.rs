//! What changed since a snapshot: the "since last meeting" list. A pure function of the old
//! state, the boards now and today, so the interactive board can show the same list.

use serde::{Deserialize, Serialize};

use super::StatusView;
use super::snapshot::Snapshot;
use crate::domain::schedule;
use crate::domain::{Date, Measure, Program, StatusKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changes {
    /// The day the snapshot was taken: "overdue then" is judged on it.
    pub snapshot_taken: Date,
    pub today: Date,
    /// Only programs with a change, in board order; programs gone since come last.
    pub programs: Vec<ProgramChanges>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.programs.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// In the snapshot and now.
    Kept,
    /// Not in the snapshot: every measure is listed as new.
    Added,
    /// In the snapshot, no board holds it now: every measure is listed as removed.
    Removed,
    /// In the snapshot, but its file has errors now, so it could not be compared.
    Unreadable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramChanges {
    pub id: String,
    pub title: String,
    pub presence: Presence,
    pub signed_off: Vec<SignedOff>,
    pub newly_overdue: Vec<NewlyOverdue>,
    /// Status changes other than a sign-off, which has its own list.
    pub status_changes: Vec<StatusChange>,
    pub deadline_changes: Vec<DeadlineChange>,
    pub added: Vec<Added>,
    pub removed: Vec<MeasureRef>,
}

impl ProgramChanges {
    fn new(p: &Program, presence: Presence) -> ProgramChanges {
        ProgramChanges {
            id: p.id.clone(),
            title: p.title.clone(),
            presence,
            signed_off: Vec::new(),
            newly_overdue: Vec::new(),
            status_changes: Vec::new(),
            deadline_changes: Vec::new(),
            added: Vec::new(),
            removed: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.presence == Presence::Kept
            && self.signed_off.is_empty()
            && self.newly_overdue.is_empty()
            && self.status_changes.is_empty()
            && self.deadline_changes.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureRef {
    pub id: String,
    pub title: String,
    pub owner: String,
}

impl From<&Measure> for MeasureRef {
    fn from(m: &Measure) -> MeasureRef {
        MeasureRef {
            id: m.id.clone(),
            title: m.title.clone(),
            owner: m.owner.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedOff {
    #[serde(flatten)]
    pub measure: MeasureRef,
    pub on: Option<Date>,
    pub by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewlyOverdue {
    #[serde(flatten)]
    pub measure: MeasureRef,
    pub due: Date,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    #[serde(flatten)]
    pub measure: MeasureRef,
    pub from: StatusView,
    pub to: StatusView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineChange {
    #[serde(flatten)]
    pub measure: MeasureRef,
    /// The deadline in force at the snapshot, and now.
    pub from: Date,
    pub to: Date,
    /// Revisions added since the snapshot, oldest first.
    pub new_revisions: Vec<Date>,
    /// Slips in all, now.
    pub slips: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Added {
    #[serde(flatten)]
    pub measure: MeasureRef,
    pub due: Date,
    pub status: StatusView,
    pub overdue: bool,
}

/// Everything that changed between `old` (judged on the day it was taken) and `new` (judged on
/// `today`), matched by program id and measure id.
pub fn diff(old: &Snapshot, new: &[Program], today: Date) -> Changes {
    let mut programs = Vec::new();
    for p in new {
        let c = match old.program(&p.id) {
            Some(o) => compare(o, p, old.taken, today),
            None => {
                let mut c = ProgramChanges::new(p, Presence::Added);
                c.added = p.measures.iter().map(|m| added(m, today)).collect();
                c
            }
        };
        if !c.is_empty() {
            programs.push(c);
        }
    }
    for b in &old.boards {
        if !new.iter().any(|p| p.id == b.program.id) {
            let mut c = ProgramChanges::new(&b.program, Presence::Removed);
            c.removed = b.program.measures.iter().map(MeasureRef::from).collect();
            programs.push(c);
        }
    }
    Changes {
        snapshot_taken: old.taken,
        today,
        programs,
    }
}

/// A program that is gone only because its file is broken now has not been removed: say that
/// it could not be compared rather than list its measures as deleted.
pub fn mark_unreadable(changes: &mut Changes, old: &Snapshot, broken_files: &[String]) {
    for c in &mut changes.programs {
        let broken = old
            .boards
            .iter()
            .any(|b| b.program.id == c.id && broken_files.contains(&b.file));
        if c.presence == Presence::Removed && broken {
            c.presence = Presence::Unreadable;
            c.removed.clear();
        }
    }
}

fn added(m: &Measure, today: Date) -> Added {
    Added {
        measure: m.into(),
        due: m.effective_due(),
        status: StatusView::of(&m.status),
        overdue: schedule::is_overdue(m, today),
    }
}

fn compare(old: &Program, new: &Program, then: Date, today: Date) -> ProgramChanges {
    let mut c = ProgramChanges::new(new, Presence::Kept);
    for m in &new.measures {
        let Some(o) = old.measure(&m.id) else {
            c.added.push(added(m, today));
            continue;
        };
        let signed_now = m.status.kind() == StatusKind::SignedOff;
        if signed_now && o.status.kind() != StatusKind::SignedOff {
            c.signed_off.push(SignedOff {
                measure: m.into(),
                on: m.signed_off,
                by: m.signed_by.clone(),
            });
        } else if o.status != m.status {
            c.status_changes.push(StatusChange {
                measure: m.into(),
                from: StatusView::of(&o.status),
                to: StatusView::of(&m.status),
            });
        }
        if schedule::is_overdue(m, today) && !schedule::is_overdue(o, then) {
            c.newly_overdue.push(NewlyOverdue {
                measure: m.into(),
                due: m.effective_due(),
                days_overdue: -schedule::days_left(m, today),
            });
        }
        if o.revised != m.revised || o.due != m.due {
            // Revisions are appended, so the new ones are what follows the old list; a list
            // edited by hand in the middle shows all of its revisions as new.
            let new_revisions = match m.revised.strip_prefix(o.revised.as_slice()) {
                Some(tail) => tail.to_vec(),
                None => m.revised.clone(),
            };
            c.deadline_changes.push(DeadlineChange {
                measure: m.into(),
                from: o.effective_due(),
                to: m.effective_due(),
                new_revisions,
                slips: m.slips(),
            });
        }
    }
    c.removed = old
        .measures
        .iter()
        .filter(|o| new.measure(&o.id).is_none())
        .map(MeasureRef::from)
        .collect();
    c
}
