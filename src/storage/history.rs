//! The history file: one line per changed field, appended by every save. It only grows, so
//! it is read from its end and only as far as a screen needs: a year of a busy team's edits
//! must not slow the start or fill the memory.

use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::NaiveDateTime;

use crate::domain::edit::{Edit, Field, FieldChange, Value};

pub const HISTORY_FILE: &str = "rectify-history.tsv";
/// The history line that gives an edit's reason (a reopened sign-off) has this in place of a
/// field name.
pub const REASON_FIELD: &str = "reason";

/// How much of the file's end [`read_history`] reads: the last several hundred lines, enough
/// for "who last changed this field" on anything edited lately.
pub const TAIL_BYTES: u64 = 64 * 1024;

/// How far back [`read_measure_history`] looks for one measure's lines before it gives up and
/// says older ones were not read. Bounds the work of one move of the selection.
pub const MEASURE_SCAN_BYTES: u64 = 1024 * 1024;

/// The file is read backwards this much at a time.
const CHUNK: u64 = 64 * 1024;

/// History lines of a change that grows or shrinks the board: time, user, program, item,
/// what was done, and its detail (the exact text added or removed, as a RON string).
pub(super) fn append_lines(
    dir: &Path,
    at: NaiveDateTime,
    user: &str,
    program: &str,
    lines: &[(String, String, String)],
) {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let text: String = lines
        .iter()
        .map(|(item, what, detail)| {
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                at.format("%Y-%m-%dT%H:%M:%S"),
                clean(user),
                clean(program),
                clean(item),
                clean(what),
                clean(detail)
            )
        })
        .collect();
    append(dir, &text);
}

fn append(dir: &Path, text: &str) {
    // History is a record, not the data: a failure to append must not undo a saved edit.
    if let Ok(mut f) = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(HISTORY_FILE))
    {
        let _ = f.write_all(text.as_bytes());
    }
}

/// One line per changed field: time, user, program, measure, field, old → new.
pub(super) fn append_history(
    dir: &Path,
    at: NaiveDateTime,
    user: &str,
    program: &str,
    edit: &Edit,
) {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let line = |field: &str, what: &str| {
        format!(
            "{}\t{}\t{}\t{}\t{field}\t{what}\n",
            at.format("%Y-%m-%dT%H:%M:%S"),
            clean(user),
            clean(program),
            clean(&edit.measure),
        )
    };
    let mut lines = String::new();
    for c in &edit.changes {
        let what = format!("{} → {}", c.old.show(), c.new.show());
        lines.push_str(&line(c.field.name(), &what));
    }
    // A reopened sign-off says why, on a line of its own after the fields it changed.
    if let Some(why) = &edit.reason {
        lines.push_str(&line(REASON_FIELD, &clean(why)));
    }
    // History is a record, not the data: a failure to append must not undo a saved edit.
    if let Ok(mut f) = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(HISTORY_FILE))
    {
        let _ = f.write_all(lines.as_bytes());
    }
}

/// One line of the history file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: String,
    pub user: String,
    pub program: String,
    pub measure: String,
    pub field: String,
    pub change: String,
}

impl HistoryEntry {
    fn from_line(line: &str) -> Option<HistoryEntry> {
        let mut p = line.splitn(6, '\t');
        Some(HistoryEntry {
            at: p.next()?.to_owned(),
            user: p.next()?.to_owned(),
            program: p.next()?.to_owned(),
            measure: p.next()?.to_owned(),
            field: p.next()?.to_owned(),
            change: p.next()?.to_owned(),
        })
    }

    /// The change as data, to be said in the reader's words; `None` for a line written by
    /// hand or by another version that does not read back.
    pub fn parsed(&self) -> Option<FieldChange> {
        let field = Field::from_name(&self.field)?;
        // A note may itself hold ` → `: the split is the one where both sides read back.
        self.change.match_indices(" → ").find_map(|(i, sep)| {
            let old = history_value(field, &self.change[..i])?;
            let new = history_value(field, &self.change[i + sep.len()..])?;
            Some(FieldChange { field, old, new })
        })
    }
}

/// A value as [`Value::show`] wrote it: RON, or `—` for an absent field.
fn history_value(field: Field, s: &str) -> Option<Value> {
    fn read<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
        ron::from_str(s).ok()
    }
    let absent = s == "—";
    Some(match field {
        Field::Status => Value::Status(read(s)?),
        Field::Progress => Value::Progress(read(s)?),
        Field::Notes | Field::SignedBy if absent => Value::Text(None),
        Field::Notes | Field::SignedBy => Value::Text(Some(read(s)?)),
        Field::SignedOff if absent => Value::Date(None),
        Field::SignedOff => Value::Date(Some(read(s)?)),
        Field::Revised if absent => Value::Dates(Vec::new()),
        Field::Revised => Value::Dates(read(s)?),
    })
}

/// The most recent lines of the history file, oldest first: those in its last
/// [`TAIL_BYTES`], however long the file.
pub fn read_history(dir: &Path) -> Vec<HistoryEntry> {
    let mut lines = Vec::new();
    scan_back(&dir.join(HISTORY_FILE), TAIL_BYTES, "", |line| {
        lines.extend(HistoryEntry::from_line(line));
        true
    });
    lines.reverse();
    lines
}

/// One measure's most recent lines, for the detail pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureHistory {
    pub program: String,
    pub measure: String,
    /// Oldest first, as in the file.
    pub entries: Vec<HistoryEntry>,
    /// The search stopped at [`MEASURE_SCAN_BYTES`] before the start of the file and before
    /// it found as many saves as were asked for: older lines for this measure may exist.
    pub older_unread: bool,
}

/// The lines of measure `measure` of program `program` from the last `saves` saves that
/// changed it (the lines of one save share its time and user), read backwards from the end
/// of the file no further than [`MEASURE_SCAN_BYTES`].
pub fn read_measure_history(
    dir: &Path,
    program: &str,
    measure: &str,
    saves: usize,
) -> MeasureHistory {
    let mut entries: Vec<HistoryEntry> = Vec::new();
    let mut found = 0;
    let mut enough = false;
    // Most lines are other measures': only those holding the two columns are looked at.
    let needle = format!("\t{program}\t{measure}\t");
    let whole = scan_back(
        &dir.join(HISTORY_FILE),
        MEASURE_SCAN_BYTES,
        &needle,
        |line| {
            let mut cols = line.split('\t').skip(2);
            if cols.next() != Some(program) || cols.next() != Some(measure) {
                return true;
            }
            let Some(e) = HistoryEntry::from_line(line) else {
                return true;
            };
            let same_save = entries
                .last()
                .is_some_and(|l| l.at == e.at && l.user == e.user);
            if !same_save {
                if found == saves {
                    enough = true;
                    return false;
                }
                found += 1;
            }
            entries.push(e);
            true
        },
    );
    entries.reverse();
    MeasureHistory {
        program: program.to_owned(),
        measure: measure.to_owned(),
        entries,
        older_unread: !whole && !enough,
    }
}

/// Gives the file's lines that hold `needle` to `each`, newest first, until it returns
/// `false` or `cap` bytes have been read. Returns whether the start of the file was reached. A
/// line cut by the cap is not given; a missing file is an empty one.
fn scan_back(path: &Path, cap: u64, needle: &str, mut each: impl FnMut(&str) -> bool) -> bool {
    let Ok(mut f) = fs::File::open(path) else {
        return true;
    };
    let mut pos = f.metadata().map_or(0, |m| m.len());
    // The start of the newest line seen so far, whose beginning lies further back.
    let mut carry: Vec<u8> = Vec::new();
    let mut read = 0;
    while pos > 0 && read < cap {
        let n = CHUNK.min(pos).min(cap - read);
        pos -= n;
        read += n;
        let mut buf = vec![0; n as usize];
        if f.seek(SeekFrom::Start(pos)).is_err() || f.read_exact(&mut buf).is_err() {
            // Shortened while being read: what was read stands.
            return false;
        }
        buf.append(&mut carry);
        let whole_from = if pos == 0 {
            0
        } else {
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => i + 1,
                None => {
                    carry = buf;
                    continue;
                }
            }
        };
        let text = String::from_utf8_lossy(&buf[whole_from..]);
        if !lines_back(&text, needle, &mut each) {
            return false;
        }
        buf.truncate(whole_from);
        carry = buf;
    }
    pos == 0
}

/// The lines of `text` that hold `needle`, newest first, to `each` while it returns `true`.
fn lines_back(text: &str, needle: &str, each: &mut impl FnMut(&str) -> bool) -> bool {
    let mut give = |line: &str| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        line.is_empty() || each(line)
    };
    if needle.is_empty() {
        return text.split('\n').rev().all(&mut give);
    }
    // A search over the whole text skips the lines without the needle at memory speed.
    let mut end = text.len();
    while let Some(at) = text[..end].rfind(needle) {
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let stop = text[at..end].find('\n').map_or(end, |i| at + i);
        if !give(&text[start..stop]) {
            return false;
        }
        end = start;
    }
    true
}
