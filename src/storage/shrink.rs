//! Retiring a measure in place, and putting it back byte for byte (undo).
//!
//! What goes with a measure:
//! - on its own lines (the shipped style): those whole lines, the trailing comment on its last
//!   line included, and the comment lines directly above it when they are its own, that is
//!   when nothing else sits under them: the measure is followed by a blank line, a comment or
//!   the end of the list. Comment lines above a measure that another measure follows directly
//!   head a group (`// 打击`) and stay;
//! - side by side on one line: the measure with its comma and the blanks that separate it;
//! - the last measure of a list written without a trailing comma also takes the comma before
//!   it (when only blanks lie between), so the list keeps its style and an inserted measure
//!   removed again gives back the bytes there were before.

use super::cst::{self, Node};
use super::edit::rest_of_line_is_empty;
use super::edit::{EditError, apply_inserts, line_end, line_start, locate, splice};
use super::list::{comma_after, end_with_comma, position_of, starts_line};

/// The text after a removal, and what undo needs to put the measure back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub text: String,
    pub cut: Cut,
}

/// The bytes a removal took out and where they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// The removed measure's id.
    pub id: String,
    pub bytes: String,
    /// Where `bytes` began, in the text before and after the removal alike.
    pub offset: usize,
    /// The measure that preceded it in the list, if any.
    pub after: Option<String>,
    /// The text on either side of `offset` after the removal: the bytes go back there only
    /// while it is still there (edits before it may have moved it).
    pub context: (String, String),
}

/// How much text on each side of a cut identifies the place.
const CONTEXT: usize = 80;

/// `text` without measure `id`; see the module notes for what goes with it.
pub fn remove_measure(text: &str, id: &str) -> Result<Removed, EditError> {
    let root = locate(text)?;
    let list = root.field("measures").map(|f| &f.value);
    let items = list.map_or(&[][..], Node::items);
    let (Some(list), Some(i)) = (list, position_of(items, id)) else {
        return Err(EditError::NoMeasure(id.to_owned()));
    };
    let range = cut_range(text, list, items, i);
    let new = splice(text, range.start, range.end, "");
    let context = around(&new, range.start);
    let after = i
        .checked_sub(1)
        .and_then(|p| items[p].field("id"))
        .and_then(|f| f.value.as_str())
        .map(str::to_owned);
    Ok(Removed {
        cut: Cut {
            id: id.to_owned(),
            bytes: text[range.clone()].to_owned(),
            offset: range.start,
            after,
            context,
        },
        text: new,
    })
}

/// `text` with the cut measure back: where it was when the text around that place is
/// unchanged (then, if nothing else changed, the file is byte for byte what it was), else after the measure that preceded it (at
/// the end of the list when that one is gone too), or at the list's start when it was first.
pub fn restore_measure(text: &str, cut: &Cut) -> Result<String, EditError> {
    let root = locate(text)?;
    if root.measure(&cut.id).is_some() {
        return Err(EditError::DuplicateId(cut.id.clone()));
    }
    if let Some(at) = old_place(text, cut) {
        let back = splice(text, at, at, &cut.bytes);
        if follows(&back, cut) == Some(true) {
            return Ok(back);
        }
    }
    let list = root
        .field("measures")
        .map(|f| &f.value)
        .ok_or_else(|| EditError::NoPlace(cut.id.clone()))?;
    let back = apply_inserts(text, &elsewhere(text, list, cut));
    match follows(&back, cut) {
        Some(_) => Ok(back),
        None => Err(EditError::NoPlace(cut.id.clone())),
    }
}

/// Where the text around the cut still is: at its offset, or, when edits before it moved it,
/// the one place it now occurs.
fn old_place(text: &str, cut: &Cut) -> Option<usize> {
    let (before, after) = &cut.context;
    let around = format!("{before}{after}");
    let spots: Vec<usize> = text
        .match_indices(&around)
        .map(|(i, _)| i + before.len())
        .collect();
    match spots.as_slice() {
        _ if spots.contains(&cut.offset) => Some(cut.offset),
        [one] => Some(*one),
        _ => None,
    }
}

/// Whether the cut measure sits right after the one it followed; `None` when it is not in
/// `text` (or `text` does not read).
fn follows(text: &str, cut: &Cut) -> Option<bool> {
    let root = cst::parse(text).ok()?;
    let items = root.field("measures")?.value.items();
    let i = position_of(items, &cut.id)?;
    let prev = i
        .checked_sub(1)
        .and_then(|p| items[p].field("id"))
        .and_then(|f| f.value.as_str());
    Some(prev == cut.after.as_deref())
}

/// Where the bytes go when the text around their old place changed, as insertions.
fn elsewhere(text: &str, list: &Node, cut: &Cut) -> Vec<(usize, String)> {
    let items = list.items();
    let bytes = cut.bytes.as_str();
    let sep_before = bytes.starts_with(',');
    let lines = bytes.ends_with('\n');
    let anchor = cut
        .after
        .as_deref()
        .map(|a| position_of(items, a).map_or(items.last(), |i| items.get(i)));
    let Some(Some(a)) = anchor else {
        let open = list.span.start + 1;
        let bytes = bytes.strip_prefix(',').unwrap_or(bytes);
        let at = if lines || sep_before {
            line_end(text, open)
        } else {
            cst::next_token(text, open)
        };
        return vec![(at, bytes.to_owned())];
    };
    let end = end_with_comma(text, a);
    let at = if sep_before {
        a.span.end
    } else if lines {
        line_end(text, end)
    } else if bytes.starts_with(char::is_whitespace) {
        end
    } else {
        cst::next_token(text, end)
    };
    let mut inserts = Vec::new();
    if comma_after(text, a).is_none() && !sep_before {
        inserts.push((a.span.end, ",".to_owned()));
    }
    inserts.push((at, bytes.to_owned()));
    inserts
}

pub(super) fn cut_range(
    text: &str,
    list: &Node,
    items: &[Node],
    i: usize,
) -> std::ops::Range<usize> {
    let item = &items[i];
    let comma = comma_after(text, item);
    let item_end = end_with_comma(text, item);
    let prev = i.checked_sub(1).map(|p| &items[p]);
    let own_lines = starts_line(text, item.span.start)
        && line_start(text, item.span.start) > list.span.start
        && rest_of_line_is_empty(text, item_end);
    if own_lines {
        let end = line_end(text, item_end);
        let from = prev.map_or(list.span.start + 1, |p| end_with_comma(text, p));
        let start = own_comments_start(text, from, item, end);
        if let (None, Some(p)) = (comma, prev)
            && text[p.span.end..start]
                .chars()
                .all(|c| c.is_whitespace() || c == ',')
        {
            let line_break = if text[..end].ends_with("\r\n") {
                2
            } else {
                usize::from(text[..end].ends_with('\n'))
            };
            return p.span.end..end - line_break;
        }
        return start..end;
    }
    match (comma, prev) {
        (Some(_), _) => {
            let rest = &text[item_end..];
            let blanks_after = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            if rest[blanks_after..].starts_with(']') {
                let before = &text[..item.span.start];
                let blanks_before = before.len() - before.trim_end_matches([' ', '\t']).len();
                item.span.start - blanks_before..item_end
            } else {
                item.span.start..item_end + blanks_after
            }
        }
        (None, Some(p)) if !text[p.span.end..item.span.start].contains('/') => {
            p.span.end..item.span.end
        }
        (None, _) => item.span.clone(),
    }
}

/// Where a measure on its own lines begins, its own comment lines included (`end`: just past
/// its last line; `from`: just past what precedes it in the list).
fn own_comments_start(text: &str, from: usize, item: &Node, end: usize) -> usize {
    let ls = line_start(text, item.span.start);
    let next = text[end..line_end(text, end)].trim_start();
    let alone = next.is_empty()
        || next.starts_with("//")
        || next.starts_with("/*")
        || next.starts_with(']');
    if !alone {
        return ls;
    }
    let lines: Vec<_> = cst::comments(text, from)
        .into_iter()
        .filter(|r| text[r.start..].starts_with("//") && starts_line(text, r.start))
        .collect();
    let mut start = ls;
    while let Some(r) = lines.iter().find(|r| r.end == start) {
        start = line_start(text, r.start);
    }
    start
}

/// Up to [`CONTEXT`] bytes on each side of `at`, cut at character boundaries.
fn around(text: &str, at: usize) -> (String, String) {
    let mut a = at.saturating_sub(CONTEXT);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (at + CONTEXT).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    (text[a..at].to_owned(), text[at..b].to_owned())
}
