//! Editing from the keyboard: modals that collect a change, the save effect that writes it, and
//! what the save's outcome means for the screen.

use crate::tr;
use std::path::PathBuf;

use super::input::TextInput;
use super::{App, Effect, Screen};
use crate::domain::edit::Edit;
use crate::domain::{Date, Measure, Status, StatusKind};
use crate::storage::ContentHash;
use crate::storage::save::{Conflict, SaveError, Saved};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    BlockedReason,
    Progress,
    Note,
    Due,
}

/// The measure a modal acts on, fixed when it opens: a reload must not redirect an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub path: PathBuf,
    pub measure: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    StatusPicker {
        target: Target,
        selected: usize,
    },
    Input {
        target: Target,
        kind: InputKind,
        input: TextInput,
        error: Option<String>,
    },
    ConfirmSignOff {
        target: Target,
    },
    /// A colleague changed the same field: theirs and ours side by side.
    Conflict {
        target: Target,
        edit: Edit,
        conflicts: Vec<Conflict>,
    },
    /// Our earlier edit was overwritten by an editor opened before it.
    Lost {
        target: Target,
        edit: Edit,
    },
}

/// An edit this session made and that still stands: what `u` undoes and what a reload checks
/// for having been overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    pub path: PathBuf,
    pub edit: Edit,
}

/// A save the loop is asked to perform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub path: PathBuf,
    /// The version the user saw; `None` writes over whatever is there (after a conflict, when
    /// the user chose their own value).
    pub base: Option<ContentHash>,
    pub edit: Edit,
    pub undo: bool,
}

/// What the loop reports back.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveReport {
    pub request: SaveRequest,
    pub result: Result<Saved, SaveError>,
}

impl App {
    fn target(&self) -> Option<(Target, &Measure)> {
        if self.screen != Screen::Program {
            return None;
        }
        let b = self.current_board()?;
        let id = self.measure_sel.as_ref()?;
        let m = b.program.as_ref()?.measure(id)?;
        Some((
            Target {
                path: b.path.clone(),
                measure: id.clone(),
            },
            m,
        ))
    }

    fn measure_at(&self, t: &Target) -> Option<&Measure> {
        let i = self.board_index(&t.path)?;
        self.boards[i].program.as_ref()?.measure(&t.measure)
    }

    fn save(&self, t: &Target, edit: Edit, undo: bool) -> Vec<Effect> {
        if edit.is_empty() {
            return Vec::new();
        }
        let base = self.board_index(&t.path).and_then(|i| self.boards[i].hash);
        vec![Effect::Save(SaveRequest {
            path: t.path.clone(),
            base,
            edit,
            undo,
        })]
    }

    /// Edits are refused in read-only mode with a word, never silently.
    fn editable(&mut self) -> bool {
        if self.settings.read_only {
            self.notice = Some(self.texts().read_only.to_owned());
        }
        !self.settings.read_only
    }
}

pub fn open_status(app: &mut App) {
    if !app.editable() {
        return;
    }
    if let Some((target, m)) = app.target() {
        let selected = StatusKind::ALL
            .iter()
            .position(|&k| k == m.status.kind())
            .unwrap_or(0);
        app.modal = Some(Modal::StatusPicker { target, selected });
    }
}

pub fn open_input(app: &mut App, kind: InputKind) {
    if !app.editable() {
        return;
    }
    if let Some((target, m)) = app.target() {
        let start = match kind {
            InputKind::Progress => m.progress.to_string(),
            InputKind::Note => m.notes.clone(),
            InputKind::Due => m.effective_due().to_string(),
            InputKind::BlockedReason => match &m.status {
                Status::Blocked(r) => r.clone(),
                _ => String::new(),
            },
        };
        app.modal = Some(Modal::Input {
            target,
            kind,
            input: TextInput::new(&start),
            error: None,
        });
    }
}

pub fn open_sign_off(app: &mut App) {
    if !app.editable() {
        return;
    }
    if let Some((target, m)) = app.target() {
        if m.status == Status::SignedOff {
            app.notice = Some(format!("{} {}", m.id, app.texts().already_signed_off));
        } else {
            app.modal = Some(Modal::ConfirmSignOff { target });
        }
    }
}

pub fn step_progress(app: &mut App, delta: i64) -> Vec<Effect> {
    if !app.editable() {
        return Vec::new();
    }
    match app.target() {
        Some((t, m)) => {
            let e = Edit::progress(m, m.progress + delta);
            app.save(&t, e, false)
        }
        None => Vec::new(),
    }
}

pub fn undo(app: &mut App) -> Vec<Effect> {
    if !app.editable() {
        return Vec::new();
    }
    match app.edits.pop() {
        Some(made) => {
            let t = Target {
                path: made.path,
                measure: made.edit.measure.clone(),
            };
            app.save(&t, made.edit.inverse(), true)
        }
        None => {
            app.notice = Some(app.texts().nothing_to_undo.to_owned());
            Vec::new()
        }
    }
}

/// Enter in a modal: the change it collected becomes a save.
pub fn accept(app: &mut App) -> Vec<Effect> {
    let Some(modal) = app.modal.take() else {
        return Vec::new();
    };
    let (today, user) = (app.today, app.settings.user.clone());
    match modal {
        Modal::StatusPicker { target, selected } => {
            let Some(m) = app.measure_at(&target) else {
                return Vec::new();
            };
            let status = match StatusKind::ALL.get(selected) {
                Some(StatusKind::NotStarted) => Status::NotStarted,
                Some(StatusKind::InProgress) => Status::InProgress,
                Some(StatusKind::Done) => Status::Done,
                Some(StatusKind::SignedOff) => Status::SignedOff,
                Some(StatusKind::Blocked) | None => {
                    let reason = match &m.status {
                        Status::Blocked(r) => r.clone(),
                        _ => String::new(),
                    };
                    app.modal = Some(Modal::Input {
                        target,
                        kind: InputKind::BlockedReason,
                        input: TextInput::new(&reason),
                        error: None,
                    });
                    return Vec::new();
                }
            };
            let e = Edit::status(m, status, today, &user);
            app.save(&target, e, false)
        }
        Modal::Input {
            target,
            kind,
            input,
            ..
        } => {
            let Some(m) = app.measure_at(&target) else {
                return Vec::new();
            };
            let t = app.texts();
            let text = input.text.trim();
            let edit = match kind {
                InputKind::Progress => text
                    .parse::<i64>()
                    .ok()
                    .filter(|p| (0..=100).contains(p))
                    .map(|p| Edit::progress(m, p))
                    .ok_or(t.bad_progress),
                InputKind::Note => Ok(Edit::note(m, text)),
                InputKind::Due => Date::parse(text)
                    .map(|d| Edit::revise(m, d))
                    .ok_or(t.bad_date),
                InputKind::BlockedReason if text.is_empty() => Err(t.need_reason),
                InputKind::BlockedReason => Ok(Edit::status(
                    m,
                    Status::Blocked(text.to_owned()),
                    today,
                    &user,
                )),
            };
            match edit {
                Ok(e) => app.save(&target, e, false),
                Err(msg) => {
                    app.modal = Some(Modal::Input {
                        target,
                        kind,
                        input,
                        error: Some(msg.to_owned()),
                    });
                    Vec::new()
                }
            }
        }
        Modal::ConfirmSignOff { target } => match app.measure_at(&target) {
            Some(m) => {
                let e = Edit::sign_off(m, today, &user);
                app.save(&target, e, false)
            }
            None => Vec::new(),
        },
        // Keep mine: write our values over theirs, knowingly.
        Modal::Conflict { target, edit, .. } => vec![Effect::Save(SaveRequest {
            path: target.path,
            base: None,
            edit,
            undo: false,
        })],
        // Apply again, on top of what the file holds now.
        Modal::Lost { target, edit } => match app.measure_at(&target) {
            Some(m) => {
                let mut again = edit.clone();
                for c in &mut again.changes {
                    c.old = c.field.get(m);
                }
                again.changes.retain(|c| c.old != c.new);
                app.save(&target, again, false)
            }
            None => Vec::new(),
        },
    }
}

/// The loop wrote (or failed to write) an edit.
pub fn saved(app: &mut App, report: SaveReport) {
    let SaveReport { request, result } = report;
    let t = app.texts();
    match result {
        Ok(saved) => {
            let (today, days) = (app.today, app.settings.due_soon_days);
            if let Some(i) = app.board_index(&request.path) {
                let b = &mut app.boards[i];
                b.program = Some(saved.program);
                b.hash = Some(saved.hash);
                b.error = None;
                b.reassess(today, days);
            }
            let what = crate::describe::edit(&request.edit, app.settings.lang);
            let done = if request.undo { t.undone } else { t.saved };
            let mut msg = tr!(app.settings.lang, "{done}{what}", "{done} {what}");
            if saved.rebased {
                msg.push_str(t.merged);
            }
            app.notice = Some(msg);
            if !request.undo {
                app.edits.push(Made {
                    path: request.path,
                    edit: request.edit,
                });
            }
        }
        Err(SaveError::Conflict(conflicts)) => {
            app.modal = Some(Modal::Conflict {
                target: Target {
                    path: request.path,
                    measure: request.edit.measure.clone(),
                },
                edit: request.edit,
                conflicts,
            });
        }
        Err(e) => {
            if request.undo {
                // Not undone: it stays on the stack to try again.
                app.edits.push(Made {
                    path: request.path,
                    edit: request.edit.inverse(),
                });
            }
            let (not_saved, why) = (t.not_saved, e.text(app.settings.lang));
            app.notice = Some(tr!(
                app.settings.lang,
                "{not_saved}{why}",
                "{not_saved} {why}"
            ));
        }
    }
}

/// After a reload: edits this session made to `path` that the file no longer holds were
/// overwritten, typically by an editor opened before them. The first one is offered again.
pub fn check_lost(app: &mut App, path: &std::path::Path) {
    let Some(i) = app.board_index(path) else {
        return;
    };
    let Some(p) = app.boards[i].program.as_ref() else {
        return;
    };
    let mut lost = None;
    app.edits.retain(|made| {
        if made.path != path {
            return true;
        }
        let gone = match p.measure(&made.edit.measure) {
            Some(m) => made.edit.changes.iter().any(|c| c.field.get(m) != c.new),
            None => true,
        };
        if gone && lost.is_none() {
            lost = Some(made.edit.clone());
        }
        !gone
    });
    if let Some(edit) = lost
        && app.modal.is_none()
    {
        app.modal = Some(Modal::Lost {
            target: Target {
                path: path.to_owned(),
                measure: edit.measure.clone(),
            },
            edit,
        });
    }
}
