//! Growing and shrinking the ledger from the board: `a` adds a measure, `e` renames it or
//! changes its owner, `x` retires it, `m` lists the milestones to mark reached, re-date or add.
//! Forms check every field and say which one is wrong and why before anything is written.

use std::path::PathBuf;

use super::edit::Modal;
use super::input::TextInput;
use super::seen::Target;
use super::{App, Effect, Screen};
use crate::domain::edit::Edit;
use crate::domain::{Date, DateChange, Measure, Milestone, Status, next_id};
use crate::storage::change::Change;
use crate::tr;

/// A form's fields, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Id,
    Title,
    Owner,
    Due,
    MilestoneTitle,
    MilestoneDate,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    /// A new measure, after the one selected (at the end when none is).
    Add { after: Option<String> },
    /// The selected measure's title and owner.
    Rename { target: Box<Target> },
    /// A new milestone, from the milestone list.
    Milestone,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub path: PathBuf,
    pub kind: FormKind,
    pub fields: Vec<(FieldKind, TextInput)>,
    pub focus: usize,
    /// The field that is wrong, and why.
    pub error: Option<(FieldKind, String)>,
}

/// `m`: the program's milestones, and a date being asked for one of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestones {
    pub path: PathBuf,
    pub selected: usize,
    pub date: Option<MilestoneDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFor {
    Reached,
    Due,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneDate {
    /// 1-based, as on the strip.
    pub index: usize,
    pub seen: Milestone,
    pub what: DateFor,
    pub input: TextInput,
    pub error: Option<String>,
}

impl Form {
    pub fn input(&self) -> Option<&TextInput> {
        self.fields.get(self.focus).map(|(_, i)| i)
    }

    pub fn input_mut(&mut self) -> Option<&mut TextInput> {
        self.fields.get_mut(self.focus).map(|(_, i)| i)
    }

    fn text(&self, k: FieldKind) -> &str {
        self.fields
            .iter()
            .find(|(f, _)| *f == k)
            .map_or("", |(_, i)| i.text.trim())
    }

    /// Tab and Shift-Tab: the next or previous field, round.
    pub fn step(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }
}

/// Owner units used anywhere in the folder, most used first: what the owner field completes.
pub fn owners(app: &App) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in app
        .boards
        .iter()
        .filter_map(|b| b.program.as_ref())
        .flat_map(|p| &p.measures)
    {
        for unit in m.owner.split(['、', ',', '，']).map(str::trim) {
            if unit.is_empty() {
                continue;
            }
            match counts.iter_mut().find(|(u, _)| u == unit) {
                Some((_, n)) => *n += 1,
                None => counts.push((unit.to_owned(), 1)),
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.into_iter().map(|(u, _)| u).collect()
}

/// What the owner field would complete to: the rest of the most used unit that starts with
/// what is typed after the last separator, if any.
pub fn completion(app: &App, form: &Form) -> Option<String> {
    let (kind, input) = form.fields.get(form.focus)?;
    if *kind != FieldKind::Owner || input.cursor != input.text.chars().count() {
        return None;
    }
    let last = input
        .text
        .rsplit(['、', ',', '，'])
        .next()
        .unwrap_or("")
        .trim_start();
    if last.is_empty() {
        return None;
    }
    owners(app)
        .into_iter()
        .find(|u| u.starts_with(last) && u.len() > last.len())
        .map(|u| u[last.len()..].to_owned())
}

fn program_screen(app: &mut App) -> Option<(PathBuf, &crate::domain::Program)> {
    if app.screen != Screen::Program || app.settings.read_only {
        if app.settings.read_only {
            app.notice = Some(app.texts().read_only.to_owned());
        }
        return None;
    }
    let b = app.current_board()?;
    Some((b.path.clone(), b.program.as_ref()?))
}

/// `a`: a form for a new measure, the id already the next free one in the file's pattern.
pub fn open_add(app: &mut App) {
    let after = app.measure_sel.clone();
    let Some((path, p)) = program_screen(app) else {
        return;
    };
    let ids: Vec<&str> = p.measures.iter().map(|m| m.id.as_str()).collect();
    let id = next_id(&ids, &p.id);
    app.modal = Some(Modal::Form(Form {
        path,
        kind: FormKind::Add { after },
        fields: vec![
            (FieldKind::Id, TextInput::new(&id)),
            (FieldKind::Title, TextInput::default()),
            (FieldKind::Owner, TextInput::default()),
            (FieldKind::Due, TextInput::default()),
        ],
        focus: 1,
        error: None,
    }));
}

/// `e`: the selected measure's title and owner.
pub fn open_rename(app: &mut App) {
    if program_screen(app).is_none() {
        return;
    }
    let Some(target) = app.target() else { return };
    let fields = vec![
        (FieldKind::Title, TextInput::new(&target.seen.title)),
        (FieldKind::Owner, TextInput::new(&target.seen.owner)),
    ];
    app.modal = Some(Modal::Form(Form {
        path: target.path.clone(),
        kind: FormKind::Rename {
            target: Box::new(target),
        },
        fields,
        focus: 0,
        error: None,
    }));
}

/// `x`: retire the selected measure, after a yes that names it.
pub fn open_remove(app: &mut App) {
    if program_screen(app).is_none() {
        return;
    }
    if let Some(target) = app.target() {
        app.modal = Some(Modal::ConfirmRemove { target });
    }
}

/// `m`: the program's milestones.
pub fn open_milestones(app: &mut App) {
    if app.screen != Screen::Program {
        return;
    }
    if let Some(b) = app.current_board() {
        let path = b.path.clone();
        app.modal = Some(Modal::Milestones(Milestones {
            path,
            selected: 0,
            date: None,
        }));
    }
}

fn program_of<'a>(app: &'a App, path: &std::path::Path) -> Option<&'a crate::domain::Program> {
    app.board_index(path)
        .and_then(|i| app.boards[i].program.as_ref())
}

/// Why a form's field is wrong, said with the field's name; `None` when all are right.
fn check(app: &App, form: &Form) -> Result<Measure, (FieldKind, String)> {
    let lang = app.settings.lang;
    let program = program_of(app, &form.path);
    let year = program.map_or(app.today.0.year(), |p| p.year());
    let id = form.text(FieldKind::Id);
    let title = form.text(FieldKind::Title);
    let owner = form.text(FieldKind::Owner);
    let due = form.text(FieldKind::Due);
    if id.is_empty() {
        return Err((
            FieldKind::Id,
            tr!(lang, "编号：不能为空", "id: must not be empty"),
        ));
    }
    if id
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"')
    {
        return Err((
            FieldKind::Id,
            tr!(
                lang,
                "编号：不能含空格或引号，如 ZP-13",
                "id: no spaces or quotes, e.g. ZP-13"
            ),
        ));
    }
    if program.is_some_and(|p| p.measure(id).is_some()) {
        return Err((
            FieldKind::Id,
            tr!(lang, "编号：{id} 已被使用", "id: {id} is already used"),
        ));
    }
    if title.is_empty() {
        return Err((
            FieldKind::Title,
            tr!(lang, "标题：不能为空", "title: must not be empty"),
        ));
    }
    if owner.is_empty() {
        return Err((
            FieldKind::Owner,
            tr!(lang, "责任单位：不能为空", "owner unit: must not be empty"),
        ));
    }
    let due = Date::parse_typed(due, year).map_err(|e| {
        let why = crate::describe::date_error(due, e, lang);
        (
            FieldKind::Due,
            tr!(lang, "完成时限：{why}", "deadline: {why}"),
        )
    })?;
    Ok(Measure {
        id: id.to_owned(),
        title: title.to_owned(),
        owner: owner.to_owned(),
        due,
        revised: Vec::new(),
        status: Status::NotStarted,
        progress: 0,
        notes: String::new(),
        signed_off: None,
        signed_by: None,
    })
}

use chrono::Datelike;

/// Enter in a form: saved when every field is right, otherwise the first wrong field is
/// focused and said.
pub fn accept_form(app: &mut App, mut form: Form) -> Vec<Effect> {
    let lang = app.settings.lang;
    let fail = |app: &mut App, mut form: Form, (k, why): (FieldKind, String)| {
        form.focus = form.fields.iter().position(|(f, _)| *f == k).unwrap_or(0);
        form.error = Some((k, why));
        app.modal = Some(Modal::Form(form));
        Vec::new()
    };
    match &form.kind {
        FormKind::Add { after } => match check(app, &form) {
            Ok(m) => {
                let change = DateChange::NewMeasure { due: m.due };
                if let Some(q) = super::doubt::question(app, &form.path, change, shown(&form)) {
                    return fail(app, form, (FieldKind::Due, q));
                }
                let id = m.id.clone();
                let after = after.clone();
                app.save_change(&form.path, &id, Change::AddMeasure { measure: m, after })
            }
            Err(e) => fail(app, form, e),
        },
        FormKind::Rename { target } => {
            let (title, owner) = (form.text(FieldKind::Title), form.text(FieldKind::Owner));
            if title.is_empty() {
                let e = tr!(lang, "标题：不能为空", "title: must not be empty");
                return fail(app, form, (FieldKind::Title, e));
            }
            if owner.is_empty() {
                let e = tr!(lang, "责任单位：不能为空", "owner unit: must not be empty");
                return fail(app, form, (FieldKind::Owner, e));
            }
            let e = Edit::rename(&target.seen, title, owner);
            let (path, base) = (target.path.clone(), target.base);
            app.save_on(&path, base, e, false)
        }
        FormKind::Milestone => {
            let title = form.text(FieldKind::MilestoneTitle).to_owned();
            if title.is_empty() {
                let e = tr!(lang, "节点名称：不能为空", "title: must not be empty");
                return fail(app, form, (FieldKind::MilestoneTitle, e));
            }
            let year = program_of(app, &form.path).map_or(app.today.0.year(), |p| p.year());
            let typed = form.text(FieldKind::MilestoneDate).to_owned();
            match Date::parse_typed(&typed, year) {
                Ok(due) => {
                    let change = DateChange::Milestone { due };
                    if let Some(q) = super::doubt::question(app, &form.path, change, shown(&form)) {
                        return fail(app, form, (FieldKind::MilestoneDate, q));
                    }
                    let effects = app.save_change(
                        &form.path,
                        "",
                        Change::AddMilestone {
                            milestone: Milestone {
                                title,
                                due,
                                done: None,
                            },
                        },
                    );
                    form.error = None;
                    app.modal = Some(back_to_list(&form.path));
                    effects
                }
                Err(e) => {
                    let why = crate::describe::date_error(&typed, e, lang);
                    let e = tr!(lang, "日期：{why}", "date: {why}");
                    fail(app, form, (FieldKind::MilestoneDate, e))
                }
            }
        }
    }
}

/// What the form's error line says now: a question asked there is answered by Enter.
fn shown(form: &Form) -> Option<&str> {
    form.error.as_ref().map(|(_, why)| why.as_str())
}

fn back_to_list(path: &std::path::Path) -> Modal {
    Modal::Milestones(Milestones {
        path: path.to_owned(),
        selected: 0,
        date: None,
    })
}

/// `y` on the removal question.
pub fn accept_remove(app: &mut App, target: Target) -> Vec<Effect> {
    app.save_change(
        &target.path,
        &target.measure,
        Change::RemoveMeasure {
            measure: target.seen,
        },
    )
}

/// Enter in the milestone list: a milestone not reached asks the day it was (today by
/// default); one reached goes back to not reached. Enter in the date field saves it.
pub fn accept_milestones(app: &mut App, mut list: Milestones) -> Vec<Effect> {
    let lang = app.settings.lang;
    let year = program_of(app, &list.path).map_or(app.today.0.year(), |p| p.year());
    if let Some(mut d) = list.date.take() {
        let typed = d.input.text.trim().to_owned();
        return match Date::parse_typed(&typed, year) {
            Ok(day)
                if d.what == DateFor::Due
                    && let Some(q) = super::doubt::question(
                        app,
                        &list.path,
                        DateChange::Milestone { due: day },
                        d.error.as_deref(),
                    ) =>
            {
                d.error = Some(q);
                list.date = Some(d);
                app.modal = Some(Modal::Milestones(list));
                Vec::new()
            }
            Ok(day) => {
                let new = match d.what {
                    DateFor::Reached => Milestone {
                        done: Some(day),
                        ..d.seen.clone()
                    },
                    DateFor::Due => Milestone {
                        due: day,
                        ..d.seen.clone()
                    },
                };
                let change = Change::Milestone {
                    index: d.index,
                    seen: d.seen,
                    new,
                };
                let effects = app.save_change(&list.path, "", change);
                app.modal = Some(Modal::Milestones(list));
                effects
            }
            Err(e) => {
                d.error = Some(crate::describe::date_error(&typed, e, lang));
                list.date = Some(d);
                app.modal = Some(Modal::Milestones(list));
                Vec::new()
            }
        };
    }
    let Some(seen) = program_of(app, &list.path).and_then(|p| p.milestones.get(list.selected))
    else {
        app.modal = Some(Modal::Milestones(list));
        return Vec::new();
    };
    let seen = seen.clone();
    let index = list.selected + 1;
    if seen.done.is_some() {
        let change = Change::Milestone {
            index,
            new: Milestone {
                done: None,
                ..seen.clone()
            },
            seen,
        };
        let effects = app.save_change(&list.path, "", change);
        app.modal = Some(Modal::Milestones(list));
        return effects;
    }
    let today = app.today.to_string();
    list.date = Some(MilestoneDate {
        index,
        seen,
        what: DateFor::Reached,
        input: TextInput::new(&today),
        error: None,
    });
    app.modal = Some(Modal::Milestones(list));
    Vec::new()
}

/// `d` in the milestone list: a new date for the selected milestone.
pub fn milestone_due(app: &mut App) {
    let Some(Modal::Milestones(list)) = &app.modal else {
        return;
    };
    if list.date.is_some() {
        return;
    }
    let Some(seen) = program_of(app, &list.path)
        .and_then(|p| p.milestones.get(list.selected))
        .cloned()
    else {
        return;
    };
    let index = list.selected + 1;
    if let Some(Modal::Milestones(list)) = &mut app.modal {
        list.date = Some(MilestoneDate {
            index,
            input: TextInput::new(&seen.due.to_string()),
            seen,
            what: DateFor::Due,
            error: None,
        });
    }
}

/// `a` in the milestone list: a form for a new one.
pub fn milestone_add(app: &mut App) {
    let Some(Modal::Milestones(list)) = &app.modal else {
        return;
    };
    if list.date.is_some() {
        return;
    }
    let path = list.path.clone();
    app.modal = Some(Modal::Form(Form {
        path,
        kind: FormKind::Milestone,
        fields: vec![
            (FieldKind::MilestoneTitle, TextInput::default()),
            (FieldKind::MilestoneDate, TextInput::default()),
        ],
        focus: 0,
        error: None,
    }));
}

/// ↑ ↓ in the milestone list.
pub fn step_milestones(app: &mut App, down: bool) {
    let n = match &app.modal {
        Some(Modal::Milestones(l)) => program_of(app, &l.path).map_or(0, |p| p.milestones.len()),
        _ => return,
    };
    if let Some(Modal::Milestones(l)) = &mut app.modal
        && l.date.is_none()
    {
        l.selected = if down {
            (l.selected + 1).min(n.saturating_sub(1))
        } else {
            l.selected.saturating_sub(1)
        };
    }
}

/// `→` in the owner field at its end takes the completion; elsewhere it moves the cursor.
pub fn right(app: &mut App) {
    let done = match &app.modal {
        Some(Modal::Form(f)) => completion(app, f),
        _ => None,
    };
    if let Some(m) = &mut app.modal
        && let Some(input) = m.input_mut()
    {
        match done {
            Some(rest) => rest.chars().for_each(|c| input.insert(c)),
            None => input.right(),
        }
    }
}
