//! Growing a board in place: a new measure or milestone is written in the style of the items
//! around it (one-line or one field per line, indentation, trailing commas, named `Measure(`
//! or bare `(`, line endings), so the file reads as if the same hand wrote it. Nothing else in
//! the file moves except the comma a predecessor needs.

use std::ops::Range;

use super::cst::{Kind, Node};
use super::edit::{
    EditError, PROGRAM_ORDER, apply_inserts, has_comma, insert, line_end, line_start, locate,
    newline, rest_of_line_is_empty,
};
use super::list::{comma_after, end_with_comma, indent_of, indent_unit, position_of, starts_line};
use crate::domain::edit::{Field, Value, ron_string};
use crate::domain::{Date, Measure, Milestone};

/// The text after an insertion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inserted {
    pub text: String,
    /// The bytes of `text` that are new: the item with its separator and line, and, when the
    /// item before it had no comma, everything from that added comma on. Outside it `text`
    /// is the old text byte for byte.
    pub range: Range<usize>,
}

/// How an item is written.
#[derive(Debug, Clone)]
pub(super) struct Shape {
    /// `Measure`, or `None` for a bare `(…)`.
    name: Option<String>,
    multi_line: bool,
    field_indent: String,
    close_indent: String,
    /// A comma after the last field.
    last_comma: bool,
    /// Blanks inside the parentheses of a one-line item: `Measure( id: … )`.
    pad: String,
}

/// The house style of a new list: measures one field per line, milestones one per line.
#[derive(Debug, Clone, Copy)]
pub(super) enum House {
    Measure,
    Milestone,
}

impl House {
    fn shape(self, item_indent: &str, unit: &str) -> Shape {
        let (name, multi_line) = match self {
            House::Measure => ("Measure", true),
            House::Milestone => ("Milestone", false),
        };
        Shape {
            name: Some(name.to_owned()),
            multi_line,
            field_indent: format!("{item_indent}{unit}"),
            close_indent: item_indent.to_owned(),
            last_comma: multi_line,
            pad: String::new(),
        }
    }
}

impl Shape {
    /// The shape of `item`, a struct already in the list; `fallback` for what it cannot show.
    fn of(text: &str, item: &Node, fallback: Shape) -> Shape {
        let Kind::Struct {
            name,
            fields,
            close,
        } = &item.kind
        else {
            return fallback;
        };
        // A measure or milestone has fields; a struct without any shows nothing to follow.
        let (Some(first), Some(last)) = (fields.first(), fields.last()) else {
            return fallback;
        };
        let item_indent = indent_of(text, item.span.start);
        let opening = &text[item.span.start..first.name_span.start];
        let pad_len = opening.len() - opening.trim_end_matches(' ').len();
        Shape {
            name: name.clone(),
            multi_line: text[item.span.clone()].contains('\n'),
            field_indent: if starts_line(text, first.name_span.start) {
                indent_of(text, first.name_span.start).to_owned()
            } else {
                fallback.field_indent
            },
            close_indent: if starts_line(text, *close) {
                indent_of(text, *close)
            } else {
                item_indent
            }
            .to_owned(),
            last_comma: has_comma(text, last),
            pad: if opening.trim_end().ends_with('(') {
                " ".repeat(pad_len)
            } else {
                String::new()
            },
        }
    }

    fn render(&self, fields: &[(&str, String)], nl: &str) -> String {
        let name = self.name.as_deref().unwrap_or("");
        let parts: Vec<String> = fields.iter().map(|(n, v)| format!("{n}: {v}")).collect();
        let end = if self.last_comma { "," } else { "" };
        if !self.multi_line {
            let pad = &self.pad;
            return format!("{name}({pad}{}{end}{pad})", parts.join(", "));
        }
        let mut s = format!("{name}({nl}");
        for (i, p) in parts.iter().enumerate() {
            let comma = if i + 1 < parts.len() { "," } else { end };
            s.push_str(&format!("{}{p}{comma}{nl}", self.field_indent));
        }
        s.push_str(&format!("{})", self.close_indent));
        s
    }
}

/// `m` written after measure `after` (at the end of the list for `None`), in the style of the
/// measure it follows, or of the first one when it comes first. An empty or absent list gets
/// the house style: `Measure(` with one field per line and trailing commas.
pub fn insert_measure(text: &str, after: Option<&str>, m: &Measure) -> Result<Inserted, EditError> {
    let root = locate(text)?;
    if root.measure(&m.id).is_some() {
        return Err(EditError::DuplicateId(m.id.clone()));
    }
    let place = |items: &[Node]| match after {
        None => Ok(items.len()),
        Some(a) => position_of(items, a)
            .map(|i| i + 1)
            .ok_or_else(|| EditError::NoMeasure(a.to_owned())),
    };
    insert_item(
        text,
        &root,
        "measures",
        place,
        House::Measure,
        &measure_fields(m),
    )
}

/// `ms` in date order: after the last milestone due on or before it, else first. An empty or
/// absent list gets the house style: one `Milestone(…)` per line.
pub fn insert_milestone(text: &str, ms: &Milestone) -> Result<Inserted, EditError> {
    let root = locate(text)?;
    let place = |items: &[Node]| {
        let due = |it: &Node| {
            it.field("due")
                .and_then(|f| f.value.as_str().and_then(Date::parse))
        };
        Ok(items
            .iter()
            .rposition(|it| due(it).is_some_and(|d| d <= ms.due))
            .map_or(0, |i| i + 1))
    };
    let mut fields = vec![
        ("title", ron_string(&ms.title)),
        ("due", format!("\"{}\"", ms.due)),
    ];
    if let Some(done) = ms.done {
        fields.push(("done", format!("\"{done}\"")));
    }
    insert_item(text, &root, "milestones", place, House::Milestone, &fields)
}

/// A measure's fields in the conventional order, defaults left out as the shipped boards do.
fn measure_fields(m: &Measure) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("id", ron_string(&m.id)),
        ("title", ron_string(&m.title)),
        ("owner", ron_string(&m.owner)),
        ("due", format!("\"{}\"", m.due)),
    ];
    let optional = [
        Field::Revised,
        Field::Status,
        Field::Progress,
        Field::Notes,
        Field::SignedOff,
        Field::SignedBy,
    ];
    for f in optional {
        let v = f.get(m);
        if v == Value::Progress(0) {
            continue;
        }
        if let Some(ron) = v.to_ron() {
            fields.push((f.name(), ron));
        }
    }
    fields
}

/// Inserts an item into the list field `list` of the board, at the index `place` chooses
/// from the items there; an absent list is added as a field in the conventional order.
fn insert_item(
    text: &str,
    root: &Node,
    list: &str,
    place: impl FnOnce(&[Node]) -> Result<usize, EditError>,
    house: House,
    fields: &[(&str, String)],
) -> Result<Inserted, EditError> {
    let unit = indent_unit(text, root);
    let nl = newline(text);
    let inserts = match root.field(list) {
        Some(f) => {
            let at = place(f.value.items())?;
            let body = |shape: &Shape| shape.render(fields, nl);
            into_list(text, &f.value, at, &unit, house, body)?
        }
        None => {
            place(&[])?;
            let base = root
                .fields()
                .first()
                .map_or("", |f| indent_of(text, f.name_span.start));
            let item_indent = format!("{base}{unit}");
            let body = house.shape(&item_indent, &unit).render(fields, nl);
            let value = format!("[{nl}{item_indent}{body},{nl}{base}]");
            insert(text, root, &PROGRAM_ORDER, list, &value)
        }
    };
    Ok(inserted(text, &inserts))
}

fn inserted(text: &str, inserts: &[(usize, String)]) -> Inserted {
    let start = inserts.first().map_or(0, |(at, _)| *at);
    let last = inserts.last().map_or(0, |(at, _)| *at);
    let added: usize = inserts.iter().map(|(_, s)| s.len()).sum();
    Inserted {
        text: apply_inserts(text, inserts),
        range: start..last + added,
    }
}

/// The insertions that put an item at index `at` of `list`, the item written by `body` in the
/// shape of its neighbour (the item before it, or the first one).
pub(super) fn into_list(
    text: &str,
    list: &Node,
    at: usize,
    unit: &str,
    house: House,
    body: impl FnOnce(&Shape) -> String,
) -> Result<Vec<(usize, String)>, EditError> {
    let Kind::List { items, close } = &list.kind else {
        return Err(EditError::Syntax("expected a list".to_owned()));
    };
    let nl = newline(text);
    let shape_of = |item: &Node| {
        let indent = indent_of(text, item.span.start);
        Shape::of(text, item, house.shape(indent, unit))
    };
    if let Some(anchor) = at.checked_sub(1).and_then(|p| items.get(p)) {
        let body = body(&shape_of(anchor));
        let comma = comma_after(text, anchor);
        let anchor_end = end_with_comma(text, anchor);
        let own_lines =
            starts_line(text, anchor.span.start) && rest_of_line_is_empty(text, anchor_end);
        return Ok(match (own_lines, comma) {
            (true, _) => {
                let indent = indent_of(text, anchor.span.start);
                let sep = if comma.is_some() { "," } else { "" };
                let line = (
                    line_end(text, anchor_end),
                    format!("{indent}{body}{sep}{nl}"),
                );
                match comma {
                    Some(_) => vec![line],
                    None => vec![(anchor.span.end, ",".to_owned()), line],
                }
            }
            (false, Some(c)) => vec![(c + 1, format!(" {body},"))],
            (false, None) => vec![(anchor.span.end, format!(", {body}"))],
        });
    }
    if let Some(first) = items.first() {
        let body = body(&shape_of(first));
        return Ok(if starts_line(text, first.span.start) {
            let indent = indent_of(text, first.span.start);
            vec![(
                line_start(text, first.span.start),
                format!("{indent}{body},{nl}"),
            )]
        } else {
            vec![(first.span.start, format!("{body}, "))]
        });
    }
    // An empty list, perhaps holding comments: the item goes just before the closing bracket,
    // on its own line.
    let ls = line_start(text, *close);
    if ls > list.span.start && text[ls..*close].chars().all(char::is_whitespace) {
        let indent = format!("{}{unit}", &text[ls..*close]);
        let body = body(&house.shape(&indent, unit));
        return Ok(vec![(ls, format!("{indent}{body},{nl}"))]);
    }
    let base = indent_of(text, list.span.start);
    let indent = format!("{base}{unit}");
    let body = body(&house.shape(&indent, unit));
    Ok(vec![(*close, format!("{nl}{indent}{body},{nl}{base}"))])
}
