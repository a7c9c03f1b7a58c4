//! Writing an edit back: safely against colleagues, editors, crashes and full disks.
//!
//! 1. Serialise our own processes (several people's boards, `rectify set` in scripts) with a
//!    lock on `.rectify.lock` beside the boards, a file that is never replaced.
//! 2. Re-read the board. If it is not the version the edit was made on, apply the edit to the
//!    new text as long as the edited fields still hold what the user saw; otherwise refuse with
//!    both values (a conflict). Locks do not bind editors or every network share; this check
//!    does.
//! 3. Edit only the fields' bytes, then re-parse: the result must be the old board plus exactly
//!    this change, or nothing is written.
//! 4. Write a temp file in the same folder, keep the board's permissions, fsync, rename over
//!    the board, fsync the folder: a reader sees the old file or the new one, never half.
//! 5. Append one line per changed field to the history file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::{ContentHash, Diagnostic, edit, load_text};
use crate::describe;
use crate::domain::Program;
use crate::domain::edit::{Edit, Field, FieldChange, Value};
use crate::i18n::Lang;
use crate::tr;

pub const LOCK_FILE: &str = ".rectify.lock";
pub const HISTORY_FILE: &str = "rectify-history.tsv";
/// The history line that gives an edit's reason (a reopened sign-off) has this in place of a
/// field name.
pub const REASON_FIELD: &str = "reason";

/// A successful write.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub program: Program,
    /// Hash of the bytes now on disk, so the watcher's report of our own write is recognised.
    pub hash: ContentHash,
    /// The file had changed since the edit was made; the edit went onto the newer version.
    pub rebased: bool,
}

/// A field a colleague changed since the user saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub field: Field,
    /// What the user saw.
    pub base: Value,
    /// What the user wants.
    pub ours: Value,
    /// What the file holds now.
    pub theirs: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Conflict(Vec<Conflict>),
    /// The file or folder refuses writes; the path and the system's words.
    ReadOnly(String),
    /// The board has an error now; editing it would guess at a broken file.
    Broken(Box<Diagnostic>),
    NoMeasure(String),
    /// The edited text did not parse to the expected board: nothing was written.
    Refused(Refusal),
    /// The path and the system's words.
    Io(String),
}

/// Why a save was refused before writing. These guard against the editor's own mistakes;
/// a user should never meet them, but if one does it must say what happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    NotUtf8,
    /// The span locator could not place the edit (its own English words: an internal error).
    Locate(String),
    /// The edited text reads back wrong: with its first error, if it has one.
    Reread(Option<Box<Diagnostic>>),
}

impl SaveError {
    /// What went wrong, in the reader's language.
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            SaveError::Conflict(cs) => {
                let parts: Vec<String> = cs
                    .iter()
                    .map(|c| {
                        (t.conflict_line)(
                            &describe::field(c.field, lang),
                            &describe::value(&c.theirs, lang),
                            &describe::value(&c.base, lang),
                            &describe::value(&c.ours, lang),
                        )
                    })
                    .collect();
                let (title, parts) = (t.conflict_title, parts.join(&tr!(lang, "；", "; ")));
                // The title already holds a colon in Chinese: a full stop, not a second one.
                tr!(lang, "{title}。{parts}", "{title}: {parts}")
            }
            SaveError::ReadOnly(d) => format!("{}{}", t.save_read_only, (t.aside)(d)),
            SaveError::Broken(d) => format!("{} {}", t.save_broken, d.headline(lang)),
            SaveError::NoMeasure(id) => format!("{id} {}", t.save_no_measure),
            SaveError::Refused(r) => {
                let why = match r {
                    Refusal::NotUtf8 => t.not_utf8.to_owned(),
                    Refusal::Locate(m) => m.clone(),
                    Refusal::Reread(Some(d)) => d.headline(lang),
                    Refusal::Reread(None) => t.save_differs.to_owned(),
                };
                format!("{}{}", t.save_refused, (t.aside)(&why))
            }
            SaveError::Io(d) => format!("{}{}", t.save_io, (t.aside)(d)),
        }
    }
}

/// Who saves, and when: for the history file.
#[derive(Debug, Clone)]
pub struct Author {
    pub user: String,
    pub at: NaiveDateTime,
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Holds the lock on the folder's lock file until dropped.
struct Lock(Option<fs::File>);

impl Lock {
    fn take(dir: &Path) -> Lock {
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE));
        // No lock file (a read-only folder): the write below fails with a clear message, and
        // the hash check still guards against lost updates.
        Lock(file.ok().filter(|f| f.lock().is_ok()))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        if let Some(f) = &self.0 {
            let _ = f.unlock();
        }
    }
}

/// Applies `edit` to the board at `path`. `base` is the hash of the version the user saw;
/// `None` means "whatever is there now" (the command line, which reads the file itself).
pub fn save(
    path: &Path,
    base: Option<ContentHash>,
    edit: &Edit,
    who: &Author,
) -> Result<Saved, SaveError> {
    let dir = folder(path);
    let meta = fs::metadata(path).map_err(|e| SaveError::Io(format!("{}: {e}", path.display())))?;
    if meta.permissions().readonly() {
        return Err(SaveError::ReadOnly(path.display().to_string()));
    }
    let _lock = Lock::take(&dir);
    let bytes = fs::read(path).map_err(|e| SaveError::Io(format!("{}: {e}", path.display())))?;
    let hash = ContentHash::of(&bytes);
    let text = String::from_utf8(bytes).map_err(|_| SaveError::Refused(Refusal::NotUtf8))?;
    let current = load_text(path, &text);
    let Some(program) = current.program else {
        let d = current.first_error().cloned().unwrap_or_else(|| {
            Diagnostic::file(path, super::Severity::Error, super::Problem::Unreadable)
        });
        return Err(SaveError::Broken(Box::new(d)));
    };
    let measure = program
        .measure(&edit.measure)
        .ok_or_else(|| SaveError::NoMeasure(edit.measure.clone()))?;

    let rebased = base.is_some_and(|b| b != hash);
    let mut effective = edit.clone();
    // With a base, every field must still hold what the user saw, even when the file is the
    // version they saw: an undo or a re-applied edit carries values from earlier, and a
    // colleague's later value must not be written over unseen.
    if base.is_some() {
        let mut conflicts = Vec::new();
        effective.changes.retain(|c| {
            let now = c.field.get(measure);
            if now == c.new {
                return false; // Someone already made the same change.
            }
            if now != c.old {
                conflicts.push(Conflict {
                    field: c.field,
                    base: c.old.clone(),
                    ours: c.new.clone(),
                    theirs: now,
                });
            }
            true
        });
        if !conflicts.is_empty() {
            return Err(SaveError::Conflict(conflicts));
        }
    }
    if effective.is_empty() {
        return Ok(Saved {
            program,
            hash,
            rebased,
        });
    }

    let new_text = edit::apply(&text, &effective)
        .map_err(|e| SaveError::Refused(Refusal::Locate(e.to_string())))?;
    let expected = expected_program(&program, &effective);
    let reread = load_text(path, &new_text);
    if reread.program.as_ref() != Some(&expected) {
        let first = reread.first_error().cloned().map(Box::new);
        return Err(SaveError::Refused(Refusal::Reread(first)));
    }
    write_atomic(path, &dir, new_text.as_bytes(), &meta)?;
    append_history(&dir, who, &program.id, &effective);
    Ok(Saved {
        program: expected,
        hash: ContentHash::of(new_text.as_bytes()),
        rebased,
    })
}

fn expected_program(p: &Program, edit: &Edit) -> Program {
    let mut p = p.clone();
    if let Some(m) = p.measures.iter_mut().find(|m| m.id == edit.measure) {
        edit.apply_to(m);
    }
    p
}

fn write_atomic(
    path: &Path,
    dir: &Path,
    bytes: &[u8],
    meta: &fs::Metadata,
) -> Result<(), SaveError> {
    let io = |e: std::io::Error| {
        if matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ) {
            SaveError::ReadOnly(format!("{}: {e}", dir.display()))
        } else {
            SaveError::Io(format!("{}: {e}", path.display()))
        }
    };
    // Hidden and not `.ron`: never mistaken for a board, by us or by a colleague's board.
    let mut tmp = tempfile::Builder::new()
        .prefix(".rectify-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file()
        .set_permissions(meta.permissions())
        .map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    // The rename itself must reach the disk too.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// One line per changed field: time, user, program, measure, field, old → new.
fn append_history(dir: &Path, who: &Author, program: &str, edit: &Edit) {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut lines = String::new();
    for c in &edit.changes {
        lines.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{} → {}\n",
            who.at.format("%Y-%m-%dT%H:%M:%S"),
            clean(&who.user),
            clean(program),
            clean(&edit.measure),
            c.field.name(),
            c.old.show(),
            c.new.show()
        ));
    }
    // A reopened sign-off says why, on a line of its own after the fields it changed.
    if let Some(why) = &edit.reason {
        lines.push_str(&format!(
            "{}\t{}\t{}\t{}\t{REASON_FIELD}\t{}\n",
            who.at.format("%Y-%m-%dT%H:%M:%S"),
            clean(&who.user),
            clean(program),
            clean(&edit.measure),
            clean(why)
        ));
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

pub fn read_history(dir: &Path) -> Vec<HistoryEntry> {
    let Ok(text) = fs::read_to_string(dir.join(HISTORY_FILE)) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|l| {
            let mut p = l.splitn(6, '\t');
            Some(HistoryEntry {
                at: p.next()?.to_owned(),
                user: p.next()?.to_owned(),
                program: p.next()?.to_owned(),
                measure: p.next()?.to_owned(),
                field: p.next()?.to_owned(),
                change: p.next()?.to_owned(),
            })
        })
        .collect()
}
