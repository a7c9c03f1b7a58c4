use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use sha2::{Digest, Sha256};

use super::parse_cache::{self, ParseCache};
use super::validate::validate;
use super::{Diagnostic, Problem, Severity};
use crate::domain::Program;

/// Larger than any real board by two orders of magnitude; a file past it is refused before it
/// is read, so a stray 100 MB file on the share cannot stall the board.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The hash of a file's bytes as read: the version an edit was based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentHash(pub [u8; 32]);

impl ContentHash {
    pub fn of(bytes: &[u8]) -> ContentHash {
        ContentHash(Sha256::digest(bytes).into())
    }
}

/// The outcome of reading one board file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileLoad {
    pub path: PathBuf,
    /// Present when the file has no errors (warnings allowed).
    pub program: Option<Program>,
    pub diagnostics: Vec<Diagnostic>,
    /// Hash of the bytes read; `None` when the file could not be read at all.
    pub hash: Option<ContentHash>,
}

impl FileLoad {
    fn failed(path: &Path, problem: Problem) -> FileLoad {
        FileLoad {
            path: path.to_owned(),
            program: None,
            diagnostics: vec![Diagnostic::file(path, Severity::Error, problem)],
            hash: None,
        }
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.errors().next()
    }
}

/// A board is any `*.ron` file that is not hidden (editors' lock and swap files, `.#x.ron`,
/// `.x.ron.swp`, and our own temp files start with a dot) and is not one of the folder's own
/// files (its settings, its problem list).
pub fn is_board_path(path: &Path) -> bool {
    is_watched_path(path) && !is_folder_file(path)
}

/// The folder's own files: `rectify.ron` and `problems.ron`.
pub fn is_folder_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    crate::domain::folder::NOT_BOARDS.contains(&name)
}

/// What a change in the boards folder may concern: a board or one of the folder's own files.
pub fn is_watched_path(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.starts_with('.')
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

pub fn load_file(path: &Path) -> FileLoad {
    load_file_with(path, None)
}

/// [`load_file`], served from `cache` when it holds the program these bytes parse to.
fn load_file_with(path: &Path, cache: Option<&ParseCache>) -> FileLoad {
    let bytes = match read_bytes(path) {
        Ok(b) => b,
        Err(problem) => return FileLoad::failed(path, problem),
    };
    let hash = ContentHash::of(&bytes);
    let cached = cache
        .filter(|_| bytes.len() >= parse_cache::MIN_BYTES)
        .and_then(|c| c.get(&hash));
    match cached {
        Some(program) => FileLoad {
            path: path.to_owned(),
            program: Some(program),
            diagnostics: Vec::new(),
            hash: Some(hash),
        },
        None => load_hashed(path, &bytes, hash),
    }
}

/// A file's bytes, refused as a whole when it is not a regular file or is over the limit.
pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>, Problem> {
    let meta = fs::metadata(path).map_err(|e| Problem::CannotRead((&e).into()))?;
    if meta.is_dir() {
        return Err(Problem::IsDirectory);
    }
    if !meta.is_file() {
        // Opening a FIFO blocks until someone writes to it, and a device (a link to /dev/zero,
        // a terminal) never ends or blocks: refused before it is opened, or the board hangs.
        return Err(Problem::NotRegularFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        // The file may grow between stat and read: never take more than the limit.
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Problem::CannotRead((&e).into()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A folder file's text without its byte order mark: `Ok(None)` when there is no such file,
/// a diagnostic when it cannot be read or is not UTF-8.
pub(super) fn read_text(path: &Path) -> Result<Option<String>, Diagnostic> {
    if fs::symlink_metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return Ok(None);
    }
    let bytes = read_bytes(path).map_err(|p| Diagnostic::file(path, Severity::Error, p))?;
    match String::from_utf8(bytes) {
        Ok(t) => Ok(Some(match t.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => t,
        })),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let valid = String::from_utf8_lossy(&bytes[..at]).into_owned();
            Err(Diagnostic::at_offset(
                path,
                &valid,
                valid.len(),
                Severity::Error,
                Problem::NotUtf8 { byte: bytes[at] },
            ))
        }
    }
}

/// What ron says about `text` that it cannot read as a `T`, positioned; the value otherwise.
pub(super) fn parse_ron<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
) -> Result<T, Diagnostic> {
    let opts = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    opts.from_str::<T>(text).map_err(|e| {
        // A merge's conflict markers are what a person must see, not the parse error at them.
        let (line, col, problem) = match conflict_marker(text) {
            Some(line) => (line, 1, Problem::MergeConflict),
            None => (
                e.span.start.line,
                e.span.start.col,
                Problem::Syntax(Box::new(e.code)),
            ),
        };
        Diagnostic::at_line_col(path, text, line, col, Severity::Error, problem)
    })
}

fn too_large(bytes: u64) -> Problem {
    Problem::TooLarge {
        bytes,
        limit_mib: MAX_FILE_BYTES / (1024 * 1024),
    }
}

pub fn load_bytes(path: &Path, bytes: &[u8]) -> FileLoad {
    load_hashed(path, bytes, ContentHash::of(bytes))
}

/// [`load_bytes`] of bytes already hashed.
fn load_hashed(path: &Path, bytes: &[u8], hash: ContentHash) -> FileLoad {
    let mut load = match std::str::from_utf8(bytes) {
        // The bytes' hash is the one kept: hashing the text as well would hash it twice.
        Ok(text) => parse_text(path, text),
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let bad = bytes[e.valid_up_to()];
            let d = Diagnostic::at_offset(
                path,
                &valid,
                valid.len(),
                Severity::Error,
                Problem::NotUtf8 { byte: bad },
            );
            FileLoad {
                path: path.to_owned(),
                program: None,
                diagnostics: vec![d],
                hash: None,
            }
        }
    };
    load.hash = Some(hash);
    load
}

pub fn load_text(path: &Path, text: &str) -> FileLoad {
    let mut load = parse_text(path, text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    load.hash = Some(ContentHash::of(text.as_bytes()));
    load
}

/// [`load_text`] without the hash, which the caller sets.
fn parse_text(path: &Path, text: &str) -> FileLoad {
    // Windows editors like to start UTF-8 files with a byte order mark; it is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (program, diagnostics) = match parse_ron::<Program>(path, text) {
        Err(d) => (None, vec![d]),
        Ok(p) => {
            let diags = validate(path, text, &p);
            let ok = diags.iter().all(|d| d.severity != Severity::Error);
            (ok.then_some(p), diags)
        }
    };
    FileLoad {
        path: path.to_owned(),
        program,
        diagnostics,
        hash: None,
    }
}

/// The 1-based line of the first `<<<<<<<` conflict marker, if any.
fn conflict_marker(text: &str) -> Option<usize> {
    text.lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .map(|i| i + 1)
}

/// Every board in `dir`, sorted by file name, each read on its own: a broken file costs only
/// itself. Fails only when the directory itself cannot be listed.
// A `Diagnostic` passes clippy's 128 bytes only where paths are larger (Windows); it is
// returned once per folder read, so its size costs nothing worth a box.
#[cfg_attr(windows, allow(clippy::result_large_err))]
pub fn load_dir(dir: &Path) -> Result<Vec<FileLoad>, Diagnostic> {
    load_dir_with(dir, None)
}

/// [`load_dir`], with large boards served from `cache` where it holds them.
#[cfg_attr(windows, allow(clippy::result_large_err))]
pub fn load_dir_cached(dir: &Path, cache: &ParseCache) -> Result<Vec<FileLoad>, Diagnostic> {
    load_dir_with(dir, Some(cache))
}

#[cfg_attr(windows, allow(clippy::result_large_err))]
fn load_dir_with(dir: &Path, cache: Option<&ParseCache>) -> Result<Vec<FileLoad>, Diagnostic> {
    let entries = fs::read_dir(dir).map_err(|e| {
        Diagnostic::file(dir, Severity::Error, Problem::FolderUnreadable((&e).into()))
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_board_path(p))
        .collect();
    paths.sort();
    let mut loads = load_files(&paths, cache);
    mark_duplicate_programs(&mut loads);
    Ok(loads)
}

/// [`load_file`] for each path, in order. Many files are read and parsed on a few threads
/// at once: a folder of hundreds of large boards is then ready in a fraction of the time,
/// and the result is the same as reading them one by one.
fn load_files(paths: &[PathBuf], cache: Option<&ParseCache>) -> Vec<FileLoad> {
    // Below a megabyte in all, threads (and the memory arenas they bring) are not worth it.
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let in_order = || paths.iter().map(|p| load_file_with(p, cache)).collect();
    if bytes < 1024 * 1024 {
        return in_order();
    }
    // Asked only for a large folder: the answer costs seven system calls (cgroup files).
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4)
        .min(paths.len());
    if threads < 2 {
        return in_order();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, FileLoad)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(p) = paths.get(i) else { break };
                        mine.push((i, load_file_with(p, cache)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    if done.len() != paths.len() {
        // A worker died (it cannot panic on a file's content, but be sure): read in order.
        return in_order();
    }
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, l)| l).collect()
}

/// Two files claiming one program id would make edits and history ambiguous: the later file
/// (by name) is refused.
pub fn mark_duplicate_programs(loads: &mut [FileLoad]) {
    let mut seen: Vec<(String, PathBuf)> = Vec::new();
    for load in loads.iter_mut() {
        let Some(p) = &load.program else { continue };
        if let Some((_, first)) = seen.iter().find(|(id, _)| *id == p.id) {
            refuse_duplicate(load, first);
        } else {
            seen.push((p.id.clone(), load.path.clone()));
        }
    }
}

/// Refuses `load`'s program because the file at `other` already holds its id.
pub fn refuse_duplicate(load: &mut FileLoad, other: &Path) {
    let Some(p) = load.program.take() else { return };
    load.diagnostics.push(Diagnostic::file(
        &load.path,
        Severity::Error,
        Problem::DuplicateProgram {
            id: p.id,
            other: other.display().to_string(),
        },
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boards_are_ron_files_in_any_case_and_never_hidden() {
        for name in ["01-fraud.ron", "01-FRAUD.RON", "Fraud.Ron", "整改.rOn"] {
            assert!(is_board_path(Path::new(name)), "{name}");
        }
        for name in [
            ".01-fraud.ron",
            ".RECTIFY-1.RON",
            "fraud.ron.swp",
            "fraud.ronx",
            "ron",
        ] {
            assert!(!is_board_path(Path::new(name)), "{name}");
        }
    }
}
