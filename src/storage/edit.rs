//! In-place edits of board text: the bytes of one field change and nothing else. `ron` drops
//! comments when it serialises, so a hand-written board is never rewritten through serde.

use std::fmt;

use super::cst::{self, Field, Kind, Node};
use crate::domain::edit::Edit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The measure is not (or no longer) in the file.
    NoMeasure(String),
    /// The span locator could not read the file.
    Syntax(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoMeasure(id) => write!(f, "measure `{id}` is not in the file"),
            EditError::Syntax(m) => write!(f, "cannot locate fields: {m}"),
        }
    }
}

/// The order fields are written in by convention; a missing field is inserted after the last
/// present field that comes before it, so the file keeps reading naturally.
const ORDER: [&str; 10] = [
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

/// `text` with `edit` applied to its bytes; everything outside the edited fields is kept.
pub fn apply(text: &str, edit: &Edit) -> Result<String, EditError> {
    let mut out = text.to_owned();
    for c in &edit.changes {
        out = set_field(
            &out,
            &edit.measure,
            c.field.name(),
            c.new.to_ron().as_deref(),
        )?;
    }
    Ok(out)
}

/// Sets field `name` of measure `id` to the RON text `value`, or removes it for `None`.
pub fn set_field(
    text: &str,
    id: &str,
    name: &str,
    value: Option<&str>,
) -> Result<String, EditError> {
    let root = cst::parse(text).map_err(|e| EditError::Syntax(e.message))?;
    let m = root
        .measure(id)
        .ok_or_else(|| EditError::NoMeasure(id.to_owned()))?;
    Ok(match (m.field(name), value) {
        (Some(f), Some(v)) => splice(text, f.value.span.start, f.value.span.end, v),
        (Some(f), None) => remove(text, m, f),
        (None, Some(v)) => insert(text, m, name, v),
        (None, None) => text.to_owned(),
    })
}

fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
    let mut s = String::with_capacity(text.len() + with.len());
    s.push_str(&text[..start]);
    s.push_str(with);
    s.push_str(&text[end..]);
    s
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Just past the end of the line holding `at` (after its `\n`), or the end of the text.
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// Whether only blanks or a line comment follow `at` on its line.
fn rest_of_line_is_empty(text: &str, at: usize) -> bool {
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

fn has_comma(text: &str, f: &Field) -> bool {
    text[f.value.span.end..f.end].contains(',')
}

fn insert(text: &str, m: &Node, name: &str, value: &str) -> String {
    let (fields, close) = struct_parts(m);
    let rank = |n: &str| ORDER.iter().position(|o| *o == n).unwrap_or(ORDER.len());
    let anchor = fields
        .iter()
        .rev()
        .find(|f| rank(&f.name) < rank(name))
        .or(fields.last());
    let Some(anchor) = anchor else {
        return splice(text, close, close, &format!("{name}: {value}"));
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
        let at = line_end(text, anchor.end);
        let line = format!("{indent}{name}: {value},{nl}");
        let with_line = splice(text, at, at, &line);
        if has_comma(text, anchor) {
            with_line
        } else {
            splice(
                &with_line,
                anchor.value.span.end,
                anchor.value.span.end,
                ",",
            )
        }
    } else if has_comma(text, anchor) {
        splice(text, anchor.end, anchor.end, &format!(" {name}: {value},"))
    } else {
        let at = anchor.value.span.end;
        splice(text, at, at, &format!(", {name}: {value}"))
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
    // The last field of a one-line struct: take the comma before it with it.
    let i = fields
        .iter()
        .position(|x| x.name_span == f.name_span)
        .unwrap_or(0);
    let from = if i > 0 {
        fields[i - 1].value.span.end
    } else {
        f.name_span.start
    };
    splice(text, from, f.value.span.end, "")
}
