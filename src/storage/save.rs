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

use super::change::Change;
pub use super::history::{HISTORY_FILE, HistoryEntry, REASON_FIELD, read_history};
use super::history::{append_history, append_lines};
use super::{ContentHash, Diagnostic, edit, load_text};
use crate::domain::Program;
use crate::domain::edit::{Edit, Field, Value};

pub const LOCK_FILE: &str = ".rectify.lock";
/// A save's temp file is `.rectify-XXXXXX.tmp`, beside the board it replaces.
const TEMP_PREFIX: &str = ".rectify-";
const TEMP_SUFFIX: &str = ".tmp";

/// A successful write.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub program: Program,
    /// Hash of the bytes now on disk, so the watcher's report of our own write is recognised.
    pub hash: ContentHash,
    /// The file had changed since the edit was made; the edit went onto the newer version.
    pub rebased: bool,
    /// For a change that grows or shrinks the board: the change that undoes it exactly.
    pub undo: Option<Change>,
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
    /// A measure with this id is already in the file.
    Duplicate(String),
    /// The measure was changed by someone since the user saw it (a removal is refused).
    Changed(String),
    /// No milestone with this number in the file.
    NoMilestone(usize),
    /// The milestone was changed by someone since the user saw it.
    MilestoneChanged(usize),
    /// The file changed since the change to undo: putting its old text back would lose that.
    Moved,
    /// The edited text did not parse to the expected board: nothing was written.
    Refused(Refusal),
    /// Another program holds the file open (Windows: Excel, a virus scanner, a sync client)
    /// through every try of the rename; the path and the system's words.
    InUse(String),
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

/// A board read for writing, under the folder's lock.
struct Opened {
    dir: PathBuf,
    meta: fs::Metadata,
    _lock: Lock,
    hash: ContentHash,
    text: String,
    program: Program,
}

/// Takes the lock and reads the board as it is now: the version every check is made against.
fn open(path: &Path) -> Result<Opened, SaveError> {
    let dir = folder(path);
    let meta = fs::metadata(path).map_err(|e| SaveError::Io(format!("{}: {e}", path.display())))?;
    if meta.permissions().readonly() {
        return Err(SaveError::ReadOnly(path.display().to_string()));
    }
    let lock = Lock::take(&dir);
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
    Ok(Opened {
        dir,
        meta,
        _lock: lock,
        hash,
        text,
        program,
    })
}

/// Applies `edit` to the board at `path`. `base` is the hash of the version the user saw;
/// `None` means "whatever is there now" (the command line, which reads the file itself).
pub fn save(
    path: &Path,
    base: Option<ContentHash>,
    edit: &Edit,
    who: &Author,
) -> Result<Saved, SaveError> {
    let Opened {
        dir,
        meta,
        _lock,
        hash,
        text,
        program,
    } = open(path)?;
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
            undo: None,
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
    sweep_temp_files(&dir, who.at);
    append_history(&dir, who.at, &who.user, &program.id, &effective);
    Ok(Saved {
        program: expected,
        hash: ContentHash::of(new_text.as_bytes()),
        rebased,
        undo: None,
    })
}

/// Writes a change that grows, shrinks or dates the board (see [`Change`]); a field edit goes
/// through [`save`]. The same lock, re-read, check, re-parse and atomic write; `undo` of the
/// result is the change that puts the file back.
pub fn save_change(path: &Path, change: &Change, who: &Author) -> Result<Saved, SaveError> {
    let Opened {
        dir,
        meta,
        _lock,
        hash,
        text,
        program,
    } = open(path)?;
    let planned = super::change::plan(&text, &program, hash, change)?;
    let reread = load_text(path, &planned.text);
    if reread.program.as_ref() != Some(&planned.expected) {
        let first = reread.first_error().cloned().map(Box::new);
        return Err(SaveError::Refused(Refusal::Reread(first)));
    }
    write_atomic(path, &dir, planned.text.as_bytes(), &meta)?;
    append_lines(&dir, who.at, &who.user, &program.id, &planned.history);
    Ok(Saved {
        program: planned.expected,
        hash: ContentHash::of(planned.text.as_bytes()),
        rebased: false,
        undo: Some(planned.undo),
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
    write_via_temp(path, dir, bytes, Some(meta.permissions()))
}

/// Replaces the file `path` with `bytes`, whole or not at all, keeping its permissions: a
/// reader (git, a colleague's board) never sees half of it.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let meta = fs::metadata(path).map_err(|e| SaveError::Io(format!("{}: {e}", path.display())))?;
    write_atomic(path, &folder(path), bytes, &meta)
}

/// Creates the file `path` holding `bytes`, whole or not at all, and never over a file that is
/// there: a new board a running board may pick up the moment it appears. The file gets the
/// permissions a new file gets in its folder.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_via_temp(path, &folder(path), bytes, None)
}

/// Replaces the file `path` with `bytes` (or creates it), whole or not at all, under the
/// folder's lock so no colleague's save lands half-way: `rectify import --force`. An existing
/// file keeps its permissions.
pub fn write_over(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let dir = folder(path);
    let _lock = Lock::take(&dir);
    match fs::metadata(path) {
        Ok(meta) => write_via_temp(path, &dir, bytes, Some(meta.permissions())),
        Err(_) => write_via_temp(path, &dir, bytes, None),
    }
}

/// Writes `bytes` to a temp file in `dir`, syncs it and renames it to `path`: over the old file
/// with its permissions `keep`, or, without them, only where no file is.
fn write_via_temp(
    path: &Path,
    dir: &Path,
    bytes: &[u8],
    keep: Option<fs::Permissions>,
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
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // A temp file is private by default; a new board is for colleagues too (the umask still
    // applies).
    #[cfg(unix)]
    if keep.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    if let Some(p) = &keep {
        tmp.as_file().set_permissions(p.clone()).map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    let mut tmp = Some(tmp);
    let renamed = retry_while_busy(
        RENAME_TRIES,
        || {
            let Some(t) = tmp.take() else {
                return Err(std::io::Error::other("temp file lost"));
            };
            let persisted = match keep {
                Some(_) => t.persist(path).map(drop),
                None => t.persist_noclobber(path).map(drop),
            };
            persisted.map_err(|e| {
                tmp = Some(e.file);
                e.error
            })
        },
        held_by_another,
        || std::thread::sleep(RENAME_PAUSE),
    );
    renamed.map_err(|e| {
        if held_by_another(&e) {
            SaveError::InUse(format!("{}: {e}", path.display()))
        } else {
            io(e)
        }
    })?;
    // The rename itself must reach the disk too.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A rename over a file another program holds open fails on Windows until it lets go, which a
/// virus scanner or a sync client does within moments: so many tries, this far apart.
const RENAME_TRIES: u32 = 5;
const RENAME_PAUSE: std::time::Duration = std::time::Duration::from_millis(50);

/// Runs `attempt` until it succeeds, fails otherwise than `busy`, or has been busy `tries`
/// times, with `pause` between tries; the last error is returned.
fn retry_while_busy<E>(
    tries: u32,
    mut attempt: impl FnMut() -> Result<(), E>,
    busy: impl Fn(&E) -> bool,
    mut pause: impl FnMut(),
) -> Result<(), E> {
    let mut left = tries.max(1);
    loop {
        match attempt() {
            Err(e) if busy(&e) && left > 1 => {
                left -= 1;
                pause();
            }
            done => return done,
        }
    }
}

/// Whether the system refused because another program holds the file: on Windows a sharing or
/// lock violation, or access denied, which a rename meets while the target is open elsewhere.
/// Unix lets a rename replace an open file, and its error numbers mean other things.
fn held_by_another(e: &std::io::Error) -> bool {
    cfg!(windows) && e.raw_os_error().is_some_and(windows_held_code)
}

/// ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
fn windows_held_code(code: i32) -> bool {
    matches!(code, 5 | 32 | 33)
}

/// How old a temp file of ours must be before a save takes it for a crash's leftover. A
/// younger one may be another writer's save in progress (a slow share, a large board).
pub const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes our own temp files (`.rectify-*.tmp`) left in `dir` by a save that never finished.
/// Nothing else in the folder is touched; a file that cannot be removed is left for the next.
fn sweep_temp_files(dir: &Path, now: NaiveDateTime) {
    use chrono::TimeZone;
    let Some(now) = chrono::Local.from_local_datetime(&now).earliest() else {
        return;
    };
    let Some(cutoff) = std::time::SystemTime::from(now).checked_sub(STALE_TEMP) else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let stale = e
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .is_some_and(|t| t < cutoff);
        if stale {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rename that meets a held file `busy_for` times, then goes through.
    fn run(busy_for: u32, other_error_at: Option<u32>) -> (Result<(), i32>, u32, u32) {
        let (mut tries, mut pauses) = (0, 0);
        let r = retry_while_busy(
            RENAME_TRIES,
            || {
                tries += 1;
                if other_error_at == Some(tries) {
                    Err(0)
                } else if tries <= busy_for {
                    Err(32)
                } else {
                    Ok(())
                }
            },
            |&code| windows_held_code(code),
            || pauses += 1,
        );
        (r, tries, pauses)
    }

    #[test]
    fn a_file_held_for_a_moment_is_saved_after_a_pause_or_two() {
        assert_eq!(run(0, None), (Ok(()), 1, 0));
        assert_eq!(run(2, None), (Ok(()), 3, 2));
        assert_eq!(
            run(RENAME_TRIES - 1, None),
            (Ok(()), RENAME_TRIES, RENAME_TRIES - 1)
        );
    }

    #[test]
    fn a_file_held_throughout_is_given_up_after_the_last_try() {
        assert_eq!(
            run(u32::MAX, None),
            (Err(32), RENAME_TRIES, RENAME_TRIES - 1)
        );
    }

    #[test]
    fn another_error_is_not_retried() {
        assert_eq!(run(u32::MAX, Some(2)), (Err(0), 2, 1));
        assert_eq!(run(0, Some(1)), (Err(0), 1, 0));
    }

    #[test]
    fn sharing_lock_and_access_errors_are_a_held_file_and_nothing_else_is() {
        for code in [5, 32, 33] {
            assert!(windows_held_code(code), "{code}");
        }
        for code in [0, 2, 3, 4, 6, 31, 34, 183] {
            assert!(!windows_held_code(code), "{code}");
        }
        // On Unix 32 is a broken pipe: never taken for a held file.
        let epipe = std::io::Error::from_raw_os_error(32);
        assert_eq!(held_by_another(&epipe), cfg!(windows));
    }
}
