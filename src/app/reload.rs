//! Fresh reads of board files entering the app: a changed program replaces only itself, a new
//! file appears, a deleted one disappears, and a broken read never costs the last good view.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{NaiveDateTime, TimeDelta};

use super::{App, Board, Effect};
use crate::domain::{ChangeKind, Measure, Program};
use crate::storage::FileLoad;

/// How long a changed row stays marked.
pub const MARK_SECONDS: i64 = 30;

/// One file's new state, read by the event loop.
#[derive(Debug, Clone, PartialEq)]
pub struct Reload {
    pub path: PathBuf,
    /// `None`: the file is gone.
    pub load: Option<FileLoad>,
    /// A second read, a while after a broken one, that found the same bytes. A first read that
    /// fails is not shown yet: it may be an editor's half-written save.
    pub settled: bool,
}

/// What changed in the last reload, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastChange {
    pub file: String,
    pub at: NaiveDateTime,
    pub kind: ChangeKind,
}

fn changed_measures(old: &Program, new: &Program) -> Vec<String> {
    let before: HashMap<&str, &Measure> = old.measures.iter().map(|m| (m.id.as_str(), m)).collect();
    new.measures
        .iter()
        .filter(|m| before.get(m.id.as_str()) != Some(m))
        .map(|m| m.id.clone())
        .collect()
}

pub fn apply(app: &mut App, reloads: Vec<Reload>, at: NaiveDateTime) -> Vec<Effect> {
    let mut effects = Vec::new();
    let (today, days) = (app.today, app.settings.due_soon_days);
    // Where each list stood, so a vanished selection lands on its neighbour, not on the top.
    let measure_pos = app.measure_index(&app.measure_list());
    for r in reloads {
        let name = r
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let idx = app.board_index(&r.path);
        let mut load = r.load;
        let duplicate = load.as_mut().is_some_and(|l| refuse_taken_id(app, l));
        let change = match (load, idx) {
            (None, None) => continue,
            (None, Some(i)) => {
                app.boards.remove(i);
                ChangeKind::Removed
            }
            // A program id taken by another file is not a half-written save: say it now.
            (Some(load), _) if load.program.is_none() && !r.settled && !duplicate => {
                effects.push(Effect::Recheck(r.path.clone(), load.hash));
                continue;
            }
            (Some(load), None) => {
                let broken = load.program.is_none();
                let b = Board::from_load(load, today, days);
                let pos = app.boards.partition_point(|x| x.path < b.path);
                app.boards.insert(pos, b);
                if broken {
                    ChangeKind::Broken
                } else {
                    ChangeKind::Added
                }
            }
            // Our own write coming back through the watcher: nothing changed by anyone.
            (Some(load), Some(i))
                if load.program.is_some()
                    && load.hash.is_some()
                    && load.hash == app.boards[i].hash =>
            {
                app.boards[i].error = None;
                continue;
            }
            (Some(load), Some(i)) => {
                let b = &mut app.boards[i];
                let was_broken = b.error.is_some();
                // A good read replaces the program: the old one is moved out to compare with
                // rather than copied. A broken read keeps it in place (and changes nothing).
                let old = if load.program.is_some() {
                    b.program.take()
                } else {
                    None
                };
                b.apply(load, today, days);
                match (&old, &b.program, b.error.is_some()) {
                    (_, _, true) => ChangeKind::Broken,
                    (Some(o), Some(n), false) => {
                        for id in changed_measures(o, n) {
                            b.marks.insert(id, at);
                        }
                        if was_broken {
                            ChangeKind::Fixed
                        } else {
                            ChangeKind::Updated
                        }
                    }
                    _ => ChangeKind::Fixed,
                }
            }
        };
        if change == ChangeKind::Updated {
            super::edit::check_lost(app, &r.path);
        }
        app.last_change = Some(LastChange {
            file: name,
            at,
            kind: change,
        });
        // A broken read changed nothing on screen: the data is as old as it was.
        if change != ChangeKind::Broken {
            app.data_as_of = at;
        }
    }
    restate_last_change(app);
    // The measure that was selected may be gone: keep the cursor where it was.
    let rows = app.measure_list();
    if let Some(p) = app.current_board().and_then(|b| b.program.as_ref())
        && !app
            .measure_sel
            .as_ref()
            .is_some_and(|id| rows.iter().any(|&i| &p.measures[i].id == id))
    {
        let i = measure_pos.min(rows.len().saturating_sub(1));
        app.measure_sel = rows.get(i).map(|&m| p.measures[m].id.clone());
    }
    effects
}

/// A file that now claims the program id another board holds is refused, as on a full load;
/// the board that holds it keeps showing. Returns whether `load` was refused.
fn refuse_taken_id(app: &App, load: &mut FileLoad) -> bool {
    let Some(id) = load.program.as_ref().map(|p| &p.id) else {
        return false;
    };
    let holder = app
        .boards
        .iter()
        .find(|b| b.path != load.path && b.program.as_ref().is_some_and(|p| &p.id == id));
    match holder {
        Some(b) => {
            crate::storage::refuse_duplicate(load, &b.path);
            true
        }
        None => false,
    }
}

/// The status line's word for the last changed file follows that board's state now: a file
/// broken and then put back exactly as it was reads well again, though no new version came.
fn restate_last_change(app: &mut App) {
    let Some(c) = &mut app.last_change else {
        return;
    };
    let named = |b: &&Board| {
        b.path
            .file_name()
            .is_some_and(|n| n.to_string_lossy() == c.file)
    };
    let Some(broken) = app.boards.iter().find(named).map(|b| b.error.is_some()) else {
        return;
    };
    c.kind = match (c.kind, broken) {
        (ChangeKind::Broken, false) => ChangeKind::Fixed,
        (ChangeKind::Updated | ChangeKind::Added | ChangeKind::Fixed, true) => ChangeKind::Broken,
        (kind, _) => kind,
    };
}

/// Drops marks older than [`MARK_SECONDS`]; returns when the next one expires, if any.
pub fn expire_marks(app: &mut App, now: NaiveDateTime) -> Option<NaiveDateTime> {
    let ttl = TimeDelta::seconds(MARK_SECONDS);
    let mut next: Option<NaiveDateTime> = None;
    for b in &mut app.boards {
        b.marks.retain(|_, at| *at + ttl > now);
        for at in b.marks.values() {
            let end = *at + ttl;
            next = Some(next.map_or(end, |n| n.min(end)));
        }
    }
    next
}
