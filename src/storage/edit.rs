//! In-place edits of board text: the bytes of one field change and nothing else. `ron` drops
//! comments when it serialises, so a hand-written board is never rewritten through serde.

use std::cmp::Ordering;
use std::fmt;

use super::cst::{self, Field, Kind, Node};
use crate::domain::Date;
use crate::domain::edit::{Edit, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The measure is not (or no longer) in the file.
    NoMeasure(String),
    /// No milestone at this 1-based place in the file's list.
    NoMilestone(usize),
    /// A measure with this id is already in the file; a second would make edits ambiguous.
    DuplicateId(String),
    /// The measure cannot be put back: the file no longer has a `measures` list, or the
    /// place found for it does not read.
    NoPlace(String),
    /// The span locator could not read the file.
    Syntax(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoMeasure(id) => write!(f, "measure `{id}` is not in the file"),
            EditError::NoMilestone(i) => write!(f, "milestone {i} is not in the file"),
            EditError::DuplicateId(id) => write!(f, "measure `{id}` is already in the file"),
            EditError::NoPlace(id) => write!(f, "no place in the file to put measure `{id}` back"),
            EditError::Syntax(m) => write!(f, "cannot locate fields: {m}"),
        }
    }
}

/// The fields of a measure, a milestone and a board, in the order they are written by
/// convention; a missing field is inserted after the last present field that comes before it,
/// so the file keeps reading naturally.
pub const MEASURE_ORDER: [&str; 10] = [
    "id",
    "title",
    "owner",
    "due",
    "revised",
    "status",
    "progress",
    "notes",
    "signed_off",
    "signed_by",
];
pub const MILESTONE_ORDER: [&str; 3] = ["title", "due", "done"];
pub const PROGRAM_ORDER: [&str; 8] = [
    "id",
    "title",
    "lead",
    "start",
    "due",
    "goal",
    "measures",
    "milestones",
];

/// A struct in a board that an edit addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item<'a> {
    /// A measure, by its id.
    Measure(&'a str),
    /// A milestone, by its 1-based place in the file's list: milestones have no id, and their
    /// place is what a user sees and names.
    Milestone(usize),
}

impl Item<'_> {
    fn find(self, root: &Node) -> Result<&Node, EditError> {
        match self {
            Item::Measure(id) => root
                .measure(id)
                .ok_or_else(|| EditError::NoMeasure(id.to_owned())),
            Item::Milestone(i) => i
                .checked_sub(1)
                .and_then(|k| root.field("milestones")?.value.items().get(k))
                .ok_or(EditError::NoMilestone(i)),
        }
    }

    fn order(self) -> &'static [&'static str] {
        match self {
            Item::Measure(_) => &MEASURE_ORDER,
            Item::Milestone(_) => &MILESTONE_ORDER,
        }
    }
}

/// `text` with `edit` applied to its bytes; everything outside the edited fields is kept.
pub fn apply(text: &str, edit: &Edit) -> Result<String, EditError> {
    let mut out = text.to_owned();
    for c in &edit.changes {
        let appended = match &c.new {
            Value::Dates(dates) => edit_items(&out, &edit.measure, c.field.name(), dates)?,
            _ => None,
        };
        out = match appended {
            Some(t) => t,
            None => set_field(
                &out,
                &edit.measure,
                c.field.name(),
                c.new.to_ron().as_deref(),
            )?,
        };
    }
    Ok(out)
}

/// A revision appends to the `revised` list and its undo takes the last dates off again, so
/// both edit the list in place: comments inside it (why a deadline moved) stay, which
/// replacing the whole list would drop. `None` when neither list is a proper prefix of the
/// other, or when the list would be left empty with nothing else in it; the caller then
/// replaces the value (or removes the field, as it was before a first revision).
fn edit_items(
    text: &str,
    id: &str,
    name: &str,
    dates: &[Date],
) -> Result<Option<String>, EditError> {
    let mut out: Option<String> = None;
    loop {
        let now = out.as_deref().unwrap_or(text);
        let root = locate(now)?;
        let m = Item::Measure(id).find(&root)?;
        let Some(list) = m.field(name).map(|f| &f.value) else {
            return Ok(None);
        };
        let Kind::List { items, close } = &list.kind else {
            return Ok(None);
        };
        let prefix = items
            .iter()
            .zip(dates)
            .all(|(it, d)| it.as_str().and_then(Date::parse) == Some(*d));
        if !prefix {
            return Ok(None);
        }
        match items.len().cmp(&dates.len()) {
            Ordering::Less => {
                return Ok(Some(append_items(
                    now,
                    list,
                    items,
                    *close,
                    &dates[items.len()..],
                )));
            }
            Ordering::Equal => return Ok(Some(now.to_owned())),
            Ordering::Greater if dates.is_empty() && !has_comments(now, list, items) => {
                return Ok(None);
            }
            Ordering::Greater => out = Some(remove_last_item(now, items)),
        }
    }
}

/// Whether anything but the items, commas and blanks lies between the list's brackets.
fn has_comments(text: &str, list: &Node, items: &[Node]) -> bool {
    let mut at = list.span.start + 1;
    let mut rest = String::new();
    for it in items {
        rest.push_str(&text[at..it.span.start]);
        at = it.span.end;
    }
    rest.push_str(&text[at..list.span.end.saturating_sub(1)]);
    rest.chars().any(|c| !(c.is_whitespace() || c == ','))
}

/// The last item goes with its separator; every comment around it stays.
fn remove_last_item(text: &str, items: &[Node]) -> String {
    let Some(last) = items.last() else {
        return text.to_owned();
    };
    let after = cst::next_token(text, last.span.end);
    let comma = text.as_bytes().get(after) == Some(&b',');
    let end = if comma { after + 1 } else { last.span.end };
    let ls = line_start(text, last.span.start);
    // Alone on its line (with its comma): the line goes.
    if text[ls..last.span.start].trim().is_empty()
        && text[end..line_end(text, end)].trim().is_empty()
    {
        return splice(text, ls, line_end(text, end), "");
    }
    // The blanks before it go with it, so `["a", /* c */ "b"]` becomes `["a" /* c */]`.
    let before = text[..last.span.start].trim_end_matches([' ', '\t']).len();
    let prev = items.len().checked_sub(2).map(|i| &items[i]);
    match prev {
        Some(p) if !comma => {
            let sep = cst::next_token(text, p.span.end);
            if text[p.span.end..last.span.start]
                .trim_matches([' ', '\t', ','])
                .is_empty()
            {
                splice(text, p.span.end, last.span.end, "")
            } else {
                // Comments between the two: the item and the comma before it go, not they.
                let without = splice(text, before, last.span.end, "");
                splice(&without, sep, sep + 1, "")
            }
        }
        // The first on its line, before a comment: the comment keeps the item's indentation.
        _ if text[ls..last.span.start].trim().is_empty() => {
            let blanks = text[end..].len() - text[end..].trim_start_matches([' ', '\t']).len();
            splice(text, last.span.start, end + blanks, "")
        }
        _ => splice(text, before, end, ""),
    }
}

/// The new dates go in after the last one in the list, in the list's own style.
fn append_items(text: &str, list: &Node, items: &[Node], close: usize, added: &[Date]) -> String {
    let new: Vec<String> = added.iter().map(|d| format!("\"{d}\"")).collect();
    let Some(last) = items.last() else {
        // An empty list may still hold comments (a withdrawn revision, commented out): the
        // dates go in before the closing bracket, on their own line if it has its own.
        let ls = line_start(text, close);
        if ls > list.span.start && text[ls..close].trim().is_empty() {
            let indent = format!("{}    ", &text[ls..close]);
            let nl = newline(text);
            let lines: String = new.iter().map(|v| format!("{indent}{v},{nl}")).collect();
            return splice(text, ls, ls, &lines);
        }
        return splice(text, close, close, &new.join(", "));
    };
    let after = cst::next_token(text, last.span.end);
    let comma = text.as_bytes().get(after) == Some(&b',');
    let anchor_end = if comma { after + 1 } else { last.span.end };
    let multi_line =
        rest_of_line_is_empty(text, anchor_end) && text[anchor_end..close].contains('\n');
    if multi_line {
        let ls = line_start(text, last.span.start);
        let indent: String = text[ls..last.span.start]
            .chars()
            .take_while(|c| c.is_whitespace())
            .collect();
        let nl = newline(text);
        let lines: String = new.iter().map(|v| format!("{indent}{v},{nl}")).collect();
        let at = line_end(text, anchor_end);
        let with_lines = splice(text, at, at, &lines);
        if comma {
            with_lines
        } else {
            splice(&with_lines, last.span.end, last.span.end, ",")
        }
    } else if comma {
        let added: String = new.iter().map(|v| format!(" {v},")).collect();
        splice(text, anchor_end, anchor_end, &added)
    } else {
        let added: String = new.iter().map(|v| format!(", {v}")).collect();
        splice(text, last.span.end, last.span.end, &added)
    }
}

/// Sets field `name` of measure `id` to the RON text `value`, or removes it for `None`.
pub fn set_field(
    text: &str,
    id: &str,
    name: &str,
    value: Option<&str>,
) -> Result<String, EditError> {
    set_item_field(text, Item::Measure(id), name, value)
}

/// Sets field `name` (`done`, `due`, `title`) of the `index`th milestone (1-based) to the RON
/// text `value`, or removes it for `None`.
pub fn set_milestone_field(
    text: &str,
    index: usize,
    name: &str,
    value: Option<&str>,
) -> Result<String, EditError> {
    set_item_field(text, Item::Milestone(index), name, value)
}

/// Sets field `name` of `item` to the RON text `value`, or removes it for `None`; a new field
/// goes in after its neighbour in the item's conventional order, in the item's style.
pub fn set_item_field(
    text: &str,
    item: Item,
    name: &str,
    value: Option<&str>,
) -> Result<String, EditError> {
    let root = locate(text)?;
    let m = item.find(&root)?;
    Ok(match (m.field(name), value) {
        (Some(f), Some(v)) => splice(text, f.value.span.start, f.value.span.end, v),
        (Some(f), None) => remove(text, m, f),
        (None, Some(v)) => apply_inserts(text, &insert(text, m, item.order(), name, v)),
        (None, None) => text.to_owned(),
    })
}

pub(super) fn locate(text: &str) -> Result<Node, EditError> {
    cst::parse(text).map_err(|e| EditError::Syntax(e.message))
}

/// Applies insertions given as `(offset, text)` in increasing order of offset.
pub(super) fn apply_inserts(text: &str, inserts: &[(usize, String)]) -> String {
    let mut s = text.to_owned();
    for (at, with) in inserts.iter().rev() {
        s.insert_str(*at, with);
    }
    s
}

pub(super) fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
    let mut s = String::with_capacity(text.len() + with.len());
    s.push_str(&text[..start]);
    s.push_str(with);
    s.push_str(&text[end..]);
    s
}

pub(super) fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Just past the end of the line holding `at` (after its `\n`), or the end of the text.
pub(super) fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

pub(super) fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// Whether only blanks or a line comment follow `at` on its line.
pub(super) fn rest_of_line_is_empty(text: &str, at: usize) -> bool {
    let rest = &text[at..line_end(text, at)];
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n") || rest.starts_with("//")
}

fn struct_parts(m: &Node) -> (&[Field], usize) {
    match &m.kind {
        Kind::Struct { fields, close, .. } => (fields, *close),
        _ => (&[], m.span.end),
    }
}

pub(super) fn has_comma(text: &str, f: &Field) -> bool {
    text[f.value.span.end..f.end].contains(',')
}

/// Where and what to insert so that `m` gains field `name: value`, as `(offset, text)` pairs in
/// increasing order of offset: callers that must know the changed range (a new list field)
/// read it from them.
pub(super) fn insert(
    text: &str,
    m: &Node,
    order: &[&str],
    name: &str,
    value: &str,
) -> Vec<(usize, String)> {
    let (fields, close) = struct_parts(m);
    let rank = |n: &str| order.iter().position(|o| *o == n).unwrap_or(order.len());
    let anchor = fields
        .iter()
        .rev()
        .find(|f| rank(&f.name) < rank(name))
        .or(fields.last());
    let Some(anchor) = anchor else {
        return vec![(close, format!("{name}: {value}"))];
    };
    // One field per line when the anchor ends its line; otherwise the struct is on one line.
    let multi_line =
        rest_of_line_is_empty(text, anchor.end) && text[anchor.end..close].contains('\n');
    if multi_line {
        let ls = line_start(text, anchor.name_span.start);
        let indent: String = text[ls..anchor.name_span.start]
            .chars()
            .take_while(|c| c.is_whitespace())
            .collect();
        let nl = newline(text);
        let line = (
            line_end(text, anchor.end),
            format!("{indent}{name}: {value},{nl}"),
        );
        if has_comma(text, anchor) {
            vec![line]
        } else {
            vec![(anchor.value.span.end, ",".to_owned()), line]
        }
    } else if has_comma(text, anchor) {
        vec![(anchor.end, format!(" {name}: {value},"))]
    } else {
        vec![(anchor.value.span.end, format!(", {name}: {value}"))]
    }
}

fn remove(text: &str, m: &Node, f: &Field) -> String {
    let (fields, _) = struct_parts(m);
    let ls = line_start(text, f.name_span.start);
    let alone = text[ls..f.name_span.start].trim().is_empty() && rest_of_line_is_empty(text, f.end);
    if alone {
        return splice(text, ls, line_end(text, f.end), "");
    }
    if has_comma(text, f) {
        let after = text[f.end..].len() - text[f.end..].trim_start_matches(' ').len();
        // Before a closing bracket, the space that separated the field from its neighbour goes
        // with it; elsewhere the space that follows it.
        if text[f.end + after..].starts_with([')', ']']) {
            let before = text[..f.name_span.start].len()
                - text[..f.name_span.start].trim_end_matches(' ').len();
            return splice(text, f.name_span.start - before, f.end, "");
        }
        return splice(text, f.name_span.start, f.end + after, "");
    }
    // The last field, without a comma of its own: the comma before it goes with it.
    let i = fields
        .iter()
        .position(|x| x.name_span == f.name_span)
        .unwrap_or(0);
    let Some(prev) = i.checked_sub(1).map(|p| &fields[p]) else {
        return splice(text, f.name_span.start, f.value.span.end, "");
    };
    let between = &text[prev.value.span.end..f.name_span.start];
    if between.trim_matches([' ', '\t', ',']).is_empty() || !has_comma(text, prev) {
        return splice(text, prev.value.span.end, f.value.span.end, "");
    }
    // Comments or line breaks sit between the two (a comment line above the field): only
    // the comma and the field go, the comments stay.
    let without = splice(text, f.name_span.start, f.value.span.end, "");
    splice(&without, prev.end - 1, prev.end, "")
}
