//! Editing from the keyboard: modals that collect a change, the save effect that writes it, and
//! what the save's outcome means for the screen.

use crate::tr;
use std::path::PathBuf;

use super::input::TextInput;
use super::seen::{self, LostEdit, Target};
use super::{App, Effect, Screen};
use crate::domain::edit::{Edit, Field};
use crate::domain::{Date, DateChange, Status, StatusKind, parse_progress};
use crate::storage::ContentHash;
use crate::storage::change::Change;
use crate::storage::save::{Conflict, SaveError, Saved};
use chrono::Datelike;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    BlockedReason,
    Progress,
    Note,
    Due,
    /// Why a signed-off measure is reopened, and the status it goes back to.
    Reopen(StatusKind),
}

#[derive(Debug, Clone, PartialEq)]
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
        /// The signer's name, asked for when none is known: never `unknown` in a ledger.
        name: Option<TextInput>,
        /// Asked a second time: the measure is blocked or short of 100 %.
        again: bool,
    },
    /// A colleague changed the same field: what we started from, theirs and ours.
    Conflict {
        target: Target,
        edit: Edit,
        conflicts: Vec<Conflict>,
        /// First row shown: long notes scroll.
        scroll: u16,
    },
    /// `a` / `e` (and a new milestone): one field per line, Tab between them.
    Form(super::ledger::Form),
    /// `x`: retire the selected measure, after a yes that names it.
    ConfirmRemove {
        target: Target,
    },
    /// `m`: the program's milestones.
    Milestones(super::ledger::Milestones),
    /// Edits of ours that a stale save (an editor opened before them) took off the file.
    Lost {
        edits: Vec<LostEdit>,
        selected: usize,
    },
}

impl Modal {
    /// The dialog's measure and the fields whose change on disk it must show while open.
    pub fn watched(&self) -> Option<(&Target, &'static [Field])> {
        const STATUS: &[Field] = &[Field::Status, Field::SignedOff, Field::SignedBy];
        // Every field but the sign-off's two, which only the status dialog changes.
        const ALL_FIELDS: &[Field] = Field::ALL.split_at(6).0;
        match self {
            Modal::StatusPicker { target, .. } | Modal::ConfirmSignOff { target, .. } => {
                Some((target, STATUS))
            }
            Modal::Input { target, kind, .. } => Some((
                target,
                match kind {
                    InputKind::Progress => &[Field::Progress],
                    InputKind::Note => &[Field::Notes],
                    InputKind::Due => &[Field::Revised],
                    InputKind::BlockedReason => &[Field::Status],
                    InputKind::Reopen(_) => STATUS,
                },
            )),
            Modal::ConfirmRemove { target } => Some((target, ALL_FIELDS)),
            Modal::Form(f) => match &f.kind {
                super::ledger::FormKind::Rename { target } => {
                    Some((target, &[Field::Title, Field::Owner]))
                }
                _ => None,
            },
            Modal::Conflict { .. } | Modal::Lost { .. } | Modal::Milestones(_) => None,
        }
    }

    /// The text field the dialog is typing into, if it has one.
    pub fn input_mut(&mut self) -> Option<&mut TextInput> {
        match self {
            Modal::Input { input, .. } => Some(input),
            Modal::Form(f) => f.input_mut(),
            Modal::Milestones(l) => l.date.as_mut().map(|d| &mut d.input),
            Modal::ConfirmSignOff {
                name: Some(input), ..
            } => Some(input),
            _ => None,
        }
    }

    pub fn input(&self) -> Option<&TextInput> {
        match self {
            Modal::Input { input, .. } => Some(input),
            Modal::Form(f) => f.input(),
            Modal::Milestones(l) => l.date.as_ref().map(|d| &d.input),
            Modal::ConfirmSignOff {
                name: Some(input), ..
            } => Some(input),
            _ => None,
        }
    }
}

/// An edit this session made and that still stands: what `u` undoes and what a reload checks
/// for having been overwritten.
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    pub path: PathBuf,
    /// A field edit; empty for a change that grows or shrinks the board.
    pub edit: Edit,
    /// A change that grows or shrinks the board, and the change that undoes it.
    pub grown: Option<(Change, Change)>,
}

/// A save the loop is asked to perform.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveRequest {
    pub path: PathBuf,
    /// The version the user saw; `None` writes over whatever is there (after a conflict, when
    /// the user chose their own value).
    pub base: Option<ContentHash>,
    pub edit: Edit,
    /// A change that grows or shrinks the board (then `edit` only names the measure).
    pub change: Option<Change>,
    pub undo: bool,
    /// The session's edit this save undoes or redoes: where it goes once the save is done.
    pub made: Option<Box<Made>>,
}

/// What the loop reports back.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveReport {
    pub request: SaveRequest,
    pub result: Result<Saved, SaveError>,
}

impl App {
    /// The selected measure as shown now, with the file version it came from.
    pub(super) fn target(&self) -> Option<Target> {
        if self.screen != Screen::Program {
            return None;
        }
        let b = self.current_board()?;
        let id = self.measure_sel.as_ref()?;
        let m = b.program.as_ref()?.measure(id)?;
        Some(Target {
            path: b.path.clone(),
            measure: id.clone(),
            seen: m.clone(),
            base: b.hash,
        })
    }

    /// The hash of the version of `path` on screen now.
    fn hash_now(&self, path: &std::path::Path) -> Option<ContentHash> {
        self.board_index(path).and_then(|i| self.boards[i].hash)
    }

    /// A save of `edit`, made on what the user saw: `base` is that version, and the edit's
    /// old values are what it showed, so the save refuses to write over a newer value.
    pub(super) fn save_on(
        &self,
        path: &std::path::Path,
        base: Option<ContentHash>,
        edit: Edit,
        undo: bool,
    ) -> Vec<Effect> {
        if edit.is_empty() {
            return Vec::new();
        }
        vec![Effect::Save(Box::new(SaveRequest {
            path: path.to_owned(),
            base,
            edit,
            change: None,
            undo,
            made: None,
        }))]
    }

    /// A save of a change that grows or shrinks the board; `id` names the measure it is about.
    pub(super) fn save_change(
        &self,
        path: &std::path::Path,
        id: &str,
        change: Change,
    ) -> Vec<Effect> {
        vec![Effect::Save(Box::new(SaveRequest {
            path: path.to_owned(),
            base: self.hash_now(path),
            edit: Edit {
                measure: id.to_owned(),
                ..Edit::default()
            },
            change: Some(change),
            undo: false,
            made: None,
        }))]
    }

    /// An edit made at once on what is on screen now (`+`, `-`, undo, putting edits back).
    fn save_now(&self, path: &std::path::Path, edit: Edit, undo: bool) -> Vec<Effect> {
        self.save_on(path, self.hash_now(path), edit, undo)
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
    if let Some(target) = app.target() {
        let selected = StatusKind::ALL
            .iter()
            .position(|&k| k == target.seen.status.kind())
            .unwrap_or(0);
        app.modal = Some(Modal::StatusPicker { target, selected });
    }
}

pub fn open_input(app: &mut App, kind: InputKind) {
    if !app.editable() {
        return;
    }
    if let Some(target) = app.target().filter(|t| app.unlocked(t)) {
        let m = &target.seen;
        let start = match kind {
            InputKind::Progress => m.progress.to_string(),
            InputKind::Note => m.notes.clone(),
            InputKind::Due => m.effective_due().to_string(),
            InputKind::Reopen(_) => String::new(),
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
    if let Some(target) = app.target() {
        confirm_sign_off(app, target);
    }
}

/// `o`, or "signed off" in the status picker: one confirmation that names who is recorded,
/// asking for the name when none is known. Signing off again changes nothing, and says so.
fn confirm_sign_off(app: &mut App, target: Target) {
    if target.seen.status == Status::SignedOff {
        app.notice = Some(format!(
            "{} {}",
            target.measure,
            app.texts().already_signed_off
        ));
        return;
    }
    let name = app.settings.user.trim().is_empty().then(TextInput::default);
    app.modal = Some(Modal::ConfirmSignOff {
        target,
        name,
        again: false,
    });
}

/// The measure is not closed by a sign-off; if it is, the user is told how to reopen it.
impl App {
    fn unlocked(&mut self, t: &Target) -> bool {
        let open = t.seen.status != Status::SignedOff;
        if !open {
            self.notice = Some(format!("{} {}", t.measure, self.texts().locked));
        }
        open
    }
}

pub fn step_progress(app: &mut App, delta: i64) -> Vec<Effect> {
    if !app.editable() {
        return Vec::new();
    }
    match app.target().filter(|t| app.unlocked(t)) {
        Some(t) => {
            let e = Edit::progress(&t.seen, t.seen.progress + delta);
            app.save_on(&t.path, t.base, e, false)
        }
        None => Vec::new(),
    }
}

pub fn undo(app: &mut App) -> Vec<Effect> {
    if !app.editable() {
        return Vec::new();
    }
    let Some(made) = app.edits.pop() else {
        app.notice = Some(app.texts().nothing_to_undo.to_owned());
        return Vec::new();
    };
    let mut effects = match &made.grown {
        Some((_, undo)) => app.save_change(&made.path, &made.edit.measure, undo.clone()),
        None => app.save_now(&made.path, made.edit.inverse(), true),
    };
    for e in &mut effects {
        let Effect::Save(r) = e else { continue };
        r.undo = true;
        r.made = Some(Box::new(made.clone()));
    }
    effects
}

/// `Ctrl-R`: what `u` undid, done again, on what the file holds now.
pub fn redo(app: &mut App) -> Vec<Effect> {
    if !app.editable() {
        return Vec::new();
    }
    let Some(made) = app.redo.pop() else {
        app.notice = Some(app.texts().nothing_to_redo.to_owned());
        return Vec::new();
    };
    let mut effects = match &made.grown {
        Some((change, _)) => app.save_change(&made.path, &made.edit.measure, change.clone()),
        None => app.save_now(&made.path, made.edit.clone(), false),
    };
    for e in &mut effects {
        let Effect::Save(r) = e else { continue };
        r.made = Some(Box::new(made.clone()));
    }
    effects
}

/// Enter in a modal: the change it collected becomes a save, made on what the dialog showed.
pub fn accept(app: &mut App) -> Vec<Effect> {
    let Some(modal) = app.modal.take() else {
        return Vec::new();
    };
    let (today, user) = (app.today, app.settings.user.clone());
    match modal {
        Modal::StatusPicker { target, selected } => {
            let m = &target.seen;
            let kind = StatusKind::ALL
                .get(selected)
                .copied()
                .unwrap_or(StatusKind::Blocked);
            if kind == StatusKind::SignedOff {
                confirm_sign_off(app, target);
                return Vec::new();
            }
            if m.status == Status::SignedOff {
                app.modal = Some(Modal::Input {
                    target,
                    kind: InputKind::Reopen(kind),
                    input: TextInput::default(),
                    error: None,
                });
                return Vec::new();
            }
            let status = match kind {
                StatusKind::NotStarted => Status::NotStarted,
                StatusKind::InProgress => Status::InProgress,
                StatusKind::Done | StatusKind::SignedOff => Status::Done,
                StatusKind::Blocked => {
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
            app.save_on(&target.path, target.base, e, false)
        }
        Modal::Input {
            target,
            kind,
            input,
            error,
        } => {
            let m = &target.seen;
            let (t, lang) = (app.texts(), app.settings.lang);
            let text = input.text.trim();
            // A date typed without its year is in the program's year.
            let year = app
                .board_index(&target.path)
                .and_then(|i| app.boards[i].program.as_ref())
                .map_or(today.0.year(), |p| p.year());
            let edit: Result<Edit, String> = match kind {
                InputKind::Progress => parse_progress(text)
                    .map(|p| Edit::progress(m, p))
                    .map_err(|e| crate::describe::progress_error(text, e, lang)),
                InputKind::Note => Ok(Edit::note(m, text)),
                InputKind::Due => Date::parse_typed(text, year)
                    .map_err(|e| crate::describe::date_error(text, e, lang))
                    .and_then(|to| {
                        let change = DateChange::Revise { measure: m, to };
                        match super::doubt::question(app, &target.path, change, error.as_deref()) {
                            Some(q) => Err(q),
                            None => Ok(Edit::revise(m, to)),
                        }
                    }),
                InputKind::Reopen(_) if text.is_empty() => Err(t.need_reopen_reason.to_owned()),
                InputKind::Reopen(kind) => {
                    let to = match kind {
                        StatusKind::NotStarted => Status::NotStarted,
                        StatusKind::Blocked => Status::Blocked(text.to_owned()),
                        StatusKind::Done => Status::Done,
                        _ => Status::InProgress,
                    };
                    Ok(Edit::reopen(m, to, text, today, &user))
                }
                InputKind::BlockedReason if text.is_empty() => Err(t.need_reason.to_owned()),
                InputKind::BlockedReason => Ok(Edit::status(
                    m,
                    Status::Blocked(text.to_owned()),
                    today,
                    &user,
                )),
            };
            match edit {
                Ok(e) => app.save_on(&target.path, target.base, e, false),
                Err(msg) => {
                    app.modal = Some(Modal::Input {
                        target,
                        kind,
                        input,
                        error: Some(msg),
                    });
                    Vec::new()
                }
            }
        }
        Modal::ConfirmSignOff {
            target,
            name,
            again,
        } => {
            let signer = match &name {
                Some(input) => input.text.trim().to_owned(),
                None => user,
            };
            if signer.is_empty() {
                app.modal = Some(Modal::ConfirmSignOff {
                    target,
                    name,
                    again,
                });
                return Vec::new();
            }
            if name.is_some() {
                // Asked once a session: the name stands for this session's later edits too,
                // and from here the dialog shows it rather than taking keys into it, so the
                // `y` of a second question is an answer, not a letter of the name.
                app.settings.user = signer.clone();
            }
            if target.seen.sign_off_doubt().is_some() && !again {
                // The fact that makes it doubtful, on screen before a second yes.
                app.modal = Some(Modal::ConfirmSignOff {
                    target,
                    name: None,
                    again: true,
                });
                return Vec::new();
            }
            let e = Edit::sign_off(&target.seen, today, &signer);
            app.save_on(&target.path, target.base, e, false)
        }
        // Keep mine, knowingly: over the values the dialog showed as theirs, and no others.
        // Should the field change yet again meanwhile, that is a new conflict.
        Modal::Conflict {
            target,
            mut edit,
            conflicts,
            ..
        } => {
            for c in &mut edit.changes {
                if let Some(k) = conflicts.iter().find(|k| k.field == c.field) {
                    c.old = k.theirs.clone();
                }
            }
            let base = app.hash_now(&target.path).or(target.base);
            app.save_on(&target.path, base, edit, false)
        }
        Modal::Form(form) => super::ledger::accept_form(app, form),
        Modal::ConfirmRemove { target } => super::ledger::accept_remove(app, target),
        Modal::Milestones(list) => super::ledger::accept_milestones(app, list),
        // Put the chosen ones back, on top of what the file holds now.
        Modal::Lost { edits, .. } => seen::restore(app, &edits)
            .into_iter()
            .flat_map(|(path, edit)| app.save_now(&path, edit, false))
            .collect(),
    }
}

/// `r` in the lost-edits dialog: every one of them back.
pub fn restore_all(app: &mut App) -> Vec<Effect> {
    if let Some(Modal::Lost { edits, .. }) = &mut app.modal {
        for e in edits.iter_mut() {
            e.chosen = !e.gone;
        }
    }
    accept(app)
}

/// Space in the lost-edits dialog: tick or untick the selected edit.
pub fn toggle(app: &mut App) {
    if let Some(Modal::Lost { edits, selected }) = &mut app.modal
        && let Some(e) = edits.get_mut(*selected)
    {
        e.chosen = !e.chosen && !e.gone;
    }
}

/// ↑ ↓ in a dialog: the status picker's choice, the lost edit selected, or the conflict's
/// long text scrolled (clamped by the view, which knows how much there is).
pub fn step(app: &mut App, down: bool) {
    let max = super::layout::conflict_scroll_max(app);
    match &mut app.modal {
        Some(Modal::StatusPicker { selected, .. }) => {
            let n = StatusKind::ALL.len();
            *selected = if down {
                (*selected + 1) % n
            } else {
                (*selected + n - 1) % n
            };
        }
        Some(Modal::Lost { edits, selected }) => {
            let last = edits.len().saturating_sub(1);
            *selected = if down {
                (*selected + 1).min(last)
            } else {
                selected.saturating_sub(1)
            };
        }
        Some(Modal::Conflict { scroll, .. }) => {
            *scroll = if down {
                (*scroll + 1).min(max)
            } else {
                scroll.saturating_sub(1).min(max)
            };
        }
        _ => {}
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
            let lang = app.settings.lang;
            // An undone change is said as what was done, not as the change that undid it.
            let said = match (&request.made, request.undo) {
                (Some(made), true) => made.grown.as_ref().map(|(c, _)| c),
                _ => None,
            };
            let what = match said.or(request.change.as_ref()) {
                Some(c) => crate::describe::board_change(c, lang),
                None => crate::describe::edit(&request.edit, lang),
            };
            let done = if request.undo { t.undone } else { t.saved };
            let mut msg = tr!(lang, "{done}{what}", "{done} {what}");
            if saved.rebased {
                msg.push_str(t.merged);
            }
            app.notice = Some(msg);
            let redoing = request.made.is_some() && !request.undo;
            match (request.undo, request.made) {
                // Undone: it can be redone.
                (true, Some(made)) => app.redo.push(*made),
                (true, None) => {}
                (false, _) => {
                    if let Some(Change::AddMeasure { measure, .. }) = &request.change {
                        app.measure_sel = Some(measure.id.clone());
                    }
                    app.edits.push(Made {
                        path: request.path,
                        grown: request.change.zip(saved.undo),
                        edit: request.edit,
                    });
                    // A new edit starts a new line of history: what was undone before it
                    // cannot be redone on top of it.
                    if !redoing {
                        app.redo.clear();
                    }
                }
            }
        }
        Err(SaveError::Conflict(conflicts)) => {
            let Some(seen) = app
                .board_index(&request.path)
                .and_then(|i| app.boards[i].program.as_ref())
                .and_then(|p| p.measure(&request.edit.measure))
                .cloned()
            else {
                return;
            };
            app.modal = Some(Modal::Conflict {
                target: Target {
                    base: app.hash_now(&request.path),
                    path: request.path,
                    measure: request.edit.measure.clone(),
                    seen,
                },
                edit: request.edit,
                conflicts,
                scroll: 0,
            });
        }
        Err(e) => {
            // Not undone (or redone): it stays where it was, to try again.
            match (request.undo, request.made) {
                (true, Some(made)) => app.edits.push(*made),
                (false, Some(made)) => app.redo.push(*made),
                _ => {}
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

/// After a reload: edits this session made to `path` that the file no longer holds were taken
/// away by a stale save, typically an editor opened before them. All of them are offered
/// back, in one list; one already on screen takes the new ones in, and while another dialog is
/// open they wait for it to close.
pub fn check_lost(app: &mut App, path: &std::path::Path) {
    let lost = seen::take_lost(app, path);
    app.lost.extend(lost);
    offer_lost(app);
}

/// Shows the waiting lost edits once no other dialog is in the way.
pub fn offer_lost(app: &mut App) {
    if app.lost.is_empty() {
        return;
    }
    match &mut app.modal {
        None => {
            app.modal = Some(Modal::Lost {
                edits: std::mem::take(&mut app.lost),
                selected: 0,
            })
        }
        Some(Modal::Lost { edits, .. }) => edits.append(&mut app.lost),
        Some(_) => {}
    }
}
