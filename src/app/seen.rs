//! What the user saw, and what changed on disk since. An edit is made on the values a dialog
//! showed when it opened, so a colleague's save while it is open is noticed (shown in the
//! dialog at once, a conflict on Enter), never written over. And an edit this session made
//! that a stale save took away is noticed on the reload that brought it.

use std::path::{Path, PathBuf};

use super::App;
use crate::domain::Measure;
use crate::domain::edit::{Edit, Field, Value};
use crate::storage::ContentHash;
use crate::storage::save::HistoryEntry;

/// The measure a dialog acts on, fixed when it opens: a reload must not redirect an edit, nor
/// silently change the value it started from.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub path: PathBuf,
    pub measure: String,
    /// The measure as the dialog showed it: the edit's "old" values come from here.
    pub seen: Measure,
    /// The file version `seen` was read from.
    pub base: Option<ContentHash>,
}

/// A field that changed on disk since the dialog opened.
#[derive(Debug, Clone, PartialEq)]
pub struct DiskChange {
    pub field: Field,
    pub seen: Value,
    pub now: Value,
    /// The history line that recorded the change, when a rectify save made it.
    pub by: Option<HistoryEntry>,
}

/// What became of the measure behind a dialog since it opened.
#[derive(Debug, Clone, PartialEq)]
pub enum SinceOpened {
    Same,
    Changed(Vec<DiskChange>),
    /// The measure is no longer in the file (or the file is gone).
    Gone,
}

impl App {
    /// The program id of the board at `path`, for matching history lines.
    fn program_id(&self, path: &Path) -> Option<&str> {
        let i = self.board_index(path)?;
        self.boards[i].program.as_ref().map(|p| p.id.as_str())
    }

    /// The newest history line that set `field` of `measure` to `value`: who did it, and when.
    pub fn who_set(
        &self,
        path: &Path,
        measure: &str,
        field: Field,
        value: &Value,
    ) -> Option<&HistoryEntry> {
        let program = self.program_id(path)?;
        self.history.iter().rev().find(|h| {
            h.program == program
                && h.measure == measure
                && h.field == field.name()
                && h.parsed().is_some_and(|c| &c.new == value)
        })
    }

    /// The dialog's fields compared with the board as now read.
    pub fn since_opened(&self, target: &Target, fields: &[Field]) -> SinceOpened {
        let Some(now) = self
            .board_index(&target.path)
            .and_then(|i| self.boards[i].program.as_ref())
            .and_then(|p| p.measure(&target.measure))
        else {
            return SinceOpened::Gone;
        };
        let changes: Vec<DiskChange> = fields
            .iter()
            .filter_map(|&f| {
                let (seen, now) = (f.get(&target.seen), f.get(now));
                (seen != now).then(|| DiskChange {
                    field: f,
                    by: self
                        .who_set(&target.path, &target.measure, f, &now)
                        .cloned(),
                    seen,
                    now,
                })
            })
            .collect();
        if changes.is_empty() {
            SinceOpened::Same
        } else {
            SinceOpened::Changed(changes)
        }
    }
}

/// An edit this session made that a later save took off the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LostEdit {
    pub path: PathBuf,
    pub edit: Edit,
    /// Ticked to be put back.
    pub chosen: bool,
    /// The measure is no longer in the file: nothing to put it back on.
    pub gone: bool,
}

/// The edits of this session to `path` that the file, as now read, no longer holds, taken off
/// the undo list. A field counts as taken away when it no longer holds our last value and no
/// history line shows someone changing it *from* our value: a save made knowing our value is
/// a colleague's decision, one made without it (an editor opened before our edit) lost ours.
pub fn take_lost(app: &mut App, path: &Path) -> Vec<LostEdit> {
    let Some(program) = app
        .board_index(path)
        .and_then(|i| app.boards[i].program.as_ref())
    else {
        return Vec::new();
    };
    // Our last value of each field we touched, in the order we touched them.
    let mut last: Vec<(&str, Field, &Value)> = Vec::new();
    for made in app.edits.iter().filter(|m| m.path == path) {
        for c in &made.edit.changes {
            let key = (made.edit.measure.as_str(), c.field);
            match last.iter_mut().find(|(m, f, _)| (*m, *f) == key) {
                Some(slot) => slot.2 = &c.new,
                None => last.push((key.0, key.1, &c.new)),
            }
        }
    }
    let taken: Vec<(String, Field)> = last
        .iter()
        .filter(|(id, field, ours)| match program.measure(id) {
            None => true,
            Some(m) => {
                let now = field.get(m);
                now != **ours && !informed(app, program.id.as_str(), id, *field, ours)
            }
        })
        .map(|(id, f, _)| ((*id).to_owned(), *f))
        .collect();
    if taken.is_empty() {
        return Vec::new();
    }
    let touches = |e: &Edit| {
        e.changes.iter().any(|c| {
            taken
                .iter()
                .any(|(id, f)| *id == e.measure && *f == c.field)
        })
    };
    let mut lost = Vec::new();
    let mut kept = Vec::new();
    for made in std::mem::take(&mut app.edits) {
        if made.path == path && touches(&made.edit) {
            let gone = program.measure(&made.edit.measure).is_none();
            lost.push(LostEdit {
                path: made.path,
                edit: made.edit,
                chosen: !gone,
                gone,
            });
        } else {
            kept.push(made);
        }
    }
    app.edits = kept;
    lost
}

/// Someone changed `field` from our value after we set it: whatever came after was built on
/// ours, so it is theirs to keep. Read newest first, down to our own line.
fn informed(app: &App, program: &str, measure: &str, field: Field, ours: &Value) -> bool {
    let user = app.settings.user.as_str();
    for h in app.history.iter().rev() {
        if h.program != program || h.measure != measure || h.field != field.name() {
            continue;
        }
        let Some(c) = h.parsed() else { continue };
        if &c.old == ours && &c.new != ours {
            return true;
        }
        if &c.new == ours && h.user == user {
            return false;
        }
    }
    false
}

/// The chosen lost edits as one edit per measure, on top of what each measure holds now: a
/// field changed twice gets its last value, and a field that already holds it is left alone.
pub fn restore(app: &App, lost: &[LostEdit]) -> Vec<(PathBuf, Edit)> {
    let mut out: Vec<(PathBuf, Edit)> = Vec::new();
    for l in lost.iter().filter(|l| l.chosen && !l.gone) {
        let Some(m) = app
            .board_index(&l.path)
            .and_then(|i| app.boards[i].program.as_ref())
            .and_then(|p| p.measure(&l.edit.measure))
        else {
            continue;
        };
        let at = match out
            .iter()
            .position(|(p, e)| *p == l.path && e.measure == l.edit.measure)
        {
            Some(i) => i,
            None => {
                out.push((
                    l.path.clone(),
                    Edit {
                        measure: l.edit.measure.clone(),
                        ..Edit::default()
                    },
                ));
                out.len() - 1
            }
        };
        let edit = &mut out[at].1;
        for c in &l.edit.changes {
            match edit.changes.iter_mut().find(|x| x.field == c.field) {
                Some(x) => x.new = c.new.clone(),
                None => edit.changes.push(crate::domain::edit::FieldChange {
                    field: c.field,
                    old: c.field.get(m),
                    new: c.new.clone(),
                }),
            }
        }
    }
    for (_, e) in &mut out {
        e.changes.retain(|c| c.old != c.new);
    }
    out.retain(|(_, e)| !e.is_empty());
    out
}
