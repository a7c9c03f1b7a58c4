//! The words of the dialogs that report a colleague's change: the note an open dialog shows
//! when its field changed on disk, and the conflict's three values. Built here, as text with
//! roles, because both the view (which styles it) and `update` (which scrolls it and must know
//! how long it is) need the same lines.

use super::seen::{DiskChange, SinceOpened, Target};
use super::{App, Modal};
use crate::describe;
use crate::domain::SignOffDoubt;
use crate::domain::edit::Field;
use crate::i18n::Lang;
use crate::storage::save::{Conflict, HistoryEntry};
use crate::tr;

/// What a piece of a dialog's line is, for the view to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Heading,
    Label,
    /// The value the user started from.
    Base,
    /// A colleague's value.
    Theirs,
    /// The user's own value.
    Ours,
    Warning,
}

pub type Line = Vec<(Role, String)>;

/// `张三，2026-11-30 21:40`: who saved, and when, as the history file recorded it.
fn by(h: &HistoryEntry, lang: Lang) -> String {
    let at = h.at.replace('T', " ");
    let at = at.get(..16).unwrap_or(&at);
    let user = &h.user;
    tr!(lang, "{user}，{at}", "{user}, {at}")
}

fn disk_line(c: &DiskChange, lang: Lang) -> Line {
    let field = describe::field(c.field, lang);
    let (now, seen) = (
        describe::value(&c.now, lang),
        describe::value(&c.seen, lang),
    );
    // A note's old text is the one in the field being edited: said again it only buries the
    // colleague's.
    let text = match &c.by {
        Some(h) if c.field == Field::Notes => {
            let who = by(h, lang);
            tr!(
                lang,
                "⚠ 打开后，{field}已被改为（{who}）：{now}",
                "⚠ Since you opened this, {field} was changed ({who}) to: {now}"
            )
        }
        None if c.field == Field::Notes => tr!(
            lang,
            "⚠ 打开后，{field}已在文件中被改为：{now}",
            "⚠ Since you opened this, {field} was changed in the file to: {now}"
        ),
        Some(h) => {
            let who = by(h, lang);
            tr!(
                lang,
                "⚠ 打开后，{field}已被改为 {now}（{who}；打开时为 {seen}）",
                "⚠ Since you opened this, {field} was changed to {now} ({who}; it was {seen})"
            )
        }
        None => tr!(
            lang,
            "⚠ 打开后，{field}已在文件中被改为 {now}（打开时为 {seen}）",
            "⚠ Since you opened this, {field} was changed in the file to {now} (it was {seen})"
        ),
    };
    vec![(Role::Warning, text)]
}

/// The lines an open edit dialog adds when its measure changed on disk since it opened.
/// Enter then asks which value to keep rather than writing over the colleague's.
pub fn disk_note(app: &App, modal: &Modal) -> Vec<Line> {
    let lang = app.settings.lang;
    let Some((target, fields)) = modal.watched() else {
        return Vec::new();
    };
    match app.since_opened(target, fields) {
        SinceOpened::Same => Vec::new(),
        SinceOpened::Gone => vec![vec![(
            Role::Warning,
            tr!(
                lang,
                "⚠ 此措施已不在文件中，无法保存",
                "⚠ This measure is no longer in the file; it cannot be saved"
            ),
        )]],
        SinceOpened::Changed(cs) => {
            let mut lines: Vec<Line> = cs.iter().map(|c| disk_line(c, lang)).collect();
            lines.push(vec![(
                Role::Label,
                tr!(
                    lang,
                    "  按 Enter 时会请你决定保留哪个值",
                    "  Enter will ask you which value to keep"
                ),
            )]);
            lines
        }
    }
}

/// The conflict dialog's body: for each field, the value the user started from, the
/// colleague's (with who and when, from the history) and the user's own, each in full.
pub fn conflict_lines(app: &App, target: &Target, conflicts: &[Conflict]) -> Vec<Line> {
    let lang = app.settings.lang;
    let t = app.texts();
    let mut lines = Vec::new();
    for c in conflicts {
        lines.push(vec![(Role::Heading, describe::field(c.field, lang))]);
        let who = app
            .who_set(&target.path, &target.measure, c.field, &c.theirs)
            .map(|h| (t.aside)(&by(h, lang)))
            .unwrap_or_default();
        let rows = [
            (
                tr!(lang, "你打开时", "when you opened it"),
                &c.base,
                Role::Base,
            ),
            (
                format!("{}{who}", t.conflict_theirs),
                &c.theirs,
                Role::Theirs,
            ),
            (t.conflict_ours.to_owned(), &c.ours, Role::Ours),
        ];
        // Texts stand on lines of their own, so each starts at the margin and reads whole.
        let own_line = c.field == Field::Notes;
        for (label, value, role) in rows {
            let label = (Role::Label, format!("  {}", (t.labelled)(&label, "")));
            let value = (role, describe::value(value, lang));
            if own_line {
                lines.push(vec![label]);
                lines.push(vec![(value.0, format!("    {}", value.1))]);
            } else {
                lines.push(vec![label, value]);
            }
        }
    }
    lines
}

/// One line of the lost-edits list: our edit, and what the file holds now in its place, so
/// putting it back is a choice made knowing what it replaces.
pub fn lost_line(app: &App, l: &super::LostEdit) -> String {
    let lang = app.settings.lang;
    let t = app.texts();
    let mut what = describe::edit(&l.edit, lang);
    let now = app
        .board_index(&l.path)
        .and_then(|i| app.boards[i].program.as_ref())
        .and_then(|p| p.measure(&l.edit.measure));
    match now {
        None => what.push_str(&(t.aside)(t.lost_gone)),
        Some(m) => {
            let parts: Vec<String> = l
                .edit
                .changes
                .iter()
                .filter(|c| c.field.get(m) != c.new)
                .map(|c| {
                    let (f, v) = (
                        describe::field(c.field, lang),
                        describe::value(&c.field.get(m), lang),
                    );
                    tr!(lang, "{f} {v}", "{f} {v}")
                })
                .collect();
            if !parts.is_empty() {
                let parts = parts.join(&tr!(lang, "，", ", "));
                what.push_str(&(t.aside)(&tr!(
                    lang,
                    "文件中现为：{parts}",
                    "the file now has: {parts}"
                )));
            }
        }
    }
    what
}

/// The sign-off confirmation: the day and the name that will be recorded; then, asked again,
/// the fact that makes it doubtful.
pub fn sign_off_lines(app: &App, target: &Target, name: Option<&str>, again: bool) -> Vec<Line> {
    let lang = app.settings.lang;
    let t = app.texts();
    let id = &target.measure;
    let day = (t.date)(app.today);
    let mut lines = Vec::new();
    match name {
        None => {
            let who = &app.settings.user;
            lines.push(vec![(
                Role::Base,
                tr!(
                    lang,
                    "确认将 {id} 销号？将记录：{day}，销号人 {who}",
                    "Sign {id} off? Recorded: {day}, signed off by {who}"
                ),
            )]);
        }
        Some(_) => lines.push(vec![(
            Role::Base,
            tr!(
                lang,
                "↑ 请在上面填写销号人姓名。确认将 {id} 销号？将记录今天（{day}）和这个姓名。",
                "↑ Type the signer's name above. Sign {id} off? Today ({day}) and that name are recorded."
            ),
        )]),
    }
    if again {
        let fact = match target.seen.sign_off_doubt() {
            Some(SignOffDoubt::Blocked(why)) => tr!(
                lang,
                "⚠ 此措施仍处于受阻状态（{why}）。确定仍要销号吗？",
                "⚠ This measure is still blocked ({why}). Sign it off all the same?"
            ),
            Some(SignOffDoubt::Short(p)) => tr!(
                lang,
                "⚠ 此措施进度为 {p}%，未到 100%。确定仍要销号吗？",
                "⚠ This measure is at {p}%, not 100%. Sign it off all the same?"
            ),
            None => String::new(),
        };
        lines.push(vec![(Role::Warning, fact)]);
    }
    lines
}
