//! Reading how a board lays out its lists and items: what growing and shrinking a list need
//! to know to leave it looking as it did.

use super::cst::{self, Node};
use super::edit::line_start;

/// The offset of the comma that follows `item` in its list, if one does.
pub(super) fn comma_after(text: &str, item: &Node) -> Option<usize> {
    let at = cst::next_token(text, item.span.end);
    (text.as_bytes().get(at) == Some(&b',')).then_some(at)
}

/// Just past `item` and the comma that follows it, if one does.
pub(super) fn end_with_comma(text: &str, item: &Node) -> usize {
    comma_after(text, item).map_or(item.span.end, |c| c + 1)
}

/// Whether only blanks precede `at` on its line.
pub(super) fn starts_line(text: &str, at: usize) -> bool {
    text[line_start(text, at)..at]
        .chars()
        .all(char::is_whitespace)
}

/// The blanks that begin the line holding `at`.
pub(super) fn indent_of(text: &str, at: usize) -> &str {
    let ls = line_start(text, at);
    let line = &text[ls..at];
    &line[..line.len() - line.trim_start().len()]
}

/// One level of indentation as the file writes it: how far the board's own fields are
/// indented (four spaces, two, a tab), or four spaces for a board written on one line.
pub(super) fn indent_unit(text: &str, root: &Node) -> String {
    match root.fields().first() {
        Some(f) if starts_line(text, f.name_span.start) && f.name_span.start > 0 => {
            let unit = indent_of(text, f.name_span.start);
            if unit.is_empty() { "    " } else { unit }.to_owned()
        }
        _ => "    ".to_owned(),
    }
}

/// The index of the measure `id` in `items`.
pub(super) fn position_of(items: &[Node], id: &str) -> Option<usize> {
    items
        .iter()
        .position(|m| m.field("id").and_then(|f| f.value.as_str()) == Some(id))
}
