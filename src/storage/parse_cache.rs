//! Large boards, parsed once: the program read from a file is kept under the hash of the
//! file's bytes, so the next start reads it back instead of parsing the RON again.
//!
//! - An entry is found only by the hash of the exact bytes the board has now: a changed file
//!   has another hash and is parsed afresh, so an entry can never show an older version.
//! - An entry is trusted only by the build that wrote it (the executable's size and time, the
//!   crate version and [`FORMAT`]): a rebuilt program never reads another's layout.
//! - An entry carries the hash of its own payload: a damaged or half-written entry is a miss,
//!   never a wrong board.
//! - Only clean loads are kept (no error, no warning), so a hit is exactly what a parse
//!   would have given; files under [`MIN_BYTES`] parse faster than an entry reads.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

use super::load::{ContentHash, read_bytes};
use crate::domain::Program;

/// Bumped whenever what an entry holds changes shape.
pub const FORMAT: u32 = 1;

/// Below this a board parses in well under a millisecond: not worth a file of its own.
pub const MIN_BYTES: usize = 64 * 1024;

/// Entries kept at most; the least recently written go first.
const MAX_ENTRIES: usize = 2048;

/// An entry is refused unread past this size: the JSON of the largest board is at most twice
/// its RON (a quote or backslash takes two bytes), so no entry of ours is larger.
pub const MAX_ENTRY_BYTES: u64 = 3 * super::MAX_FILE_BYTES;

/// Leftovers of a write cut short (the app quit while filling) older than this are removed.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// The cache folder and the identity of the build that reads and writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseCache {
    dir: PathBuf,
    build: String,
}

impl ParseCache {
    /// The cache in `dir` for this executable; `None` when the executable cannot be
    /// identified (then no entry could be trusted).
    pub fn for_this_build(dir: PathBuf) -> Option<ParseCache> {
        let exe = std::env::current_exe().ok()?;
        let meta = fs::metadata(exe).ok()?;
        let made = meta
            .modified()
            .ok()?
            .duration_since(SystemTime::UNIX_EPOCH)
            .ok()?;
        Some(ParseCache::with_build(
            dir,
            format!(
                "{}-{}-{}.{:09}",
                env!("CARGO_PKG_VERSION"),
                meta.len(),
                made.as_secs(),
                made.subsec_nanos()
            ),
        ))
    }

    /// The cache in `dir` for the build named `build`.
    pub fn with_build(dir: PathBuf, build: String) -> ParseCache {
        ParseCache { dir, build }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn entry(&self, hash: &ContentHash) -> PathBuf {
        self.dir.join(format!("{}.json", hex(&hash.0)))
    }

    fn header(&self, payload: &[u8]) -> String {
        format!(
            "rectify-parse {FORMAT} {} {}\n",
            self.build,
            hex(&Sha256::digest(payload))
        )
    }

    /// The program parsed from bytes whose hash is `hash`, if this build kept it.
    pub fn get(&self, hash: &ContentHash) -> Option<Program> {
        let path = self.entry(hash);
        let meta = fs::metadata(&path).ok()?;
        // Only a regular file: a FIFO would block the start, a device never end.
        if !meta.is_file() || meta.len() > MAX_ENTRY_BYTES {
            return None;
        }
        let bytes = fs::read(&path).ok()?;
        let newline = bytes.iter().position(|&b| b == b'\n')?;
        let (head, payload) = (&bytes[..=newline], &bytes[newline + 1..]);
        if head != self.header(payload).as_bytes() {
            return None;
        }
        serde_json::from_slice(payload).ok()
    }

    /// Keeps `program` as what bytes hashing to `hash` parse to. Written whole or not at all.
    pub fn put(&self, hash: &ContentHash, program: &Program) -> std::io::Result<()> {
        let payload = serde_json::to_vec(program)?;
        fs::create_dir_all(&self.dir)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".entry-")
            .tempfile_in(&self.dir)?;
        tmp.write_all(self.header(&payload).as_bytes())?;
        tmp.write_all(&payload)?;
        tmp.persist(self.entry(hash)).map_err(|e| e.error)?;
        Ok(())
    }

    /// Whether an entry for `hash` is there (not whether it is usable).
    fn has(&self, hash: &ContentHash) -> bool {
        self.entry(hash).is_file()
    }

    /// Parses each large board of `paths` the cache does not hold yet and keeps it: run off
    /// the first frame's path, after a start that missed. Returns how many were added.
    pub fn fill(&self, paths: &[PathBuf]) -> usize {
        let mut added = 0;
        for path in paths {
            let Ok(bytes) = read_bytes(path) else {
                continue;
            };
            if bytes.len() < MIN_BYTES {
                continue;
            }
            let hash = ContentHash::of(&bytes);
            if self.has(&hash) {
                continue;
            }
            let load = super::load_bytes(path, &bytes);
            if let Some(p) = load.program.filter(|_| load.diagnostics.is_empty())
                && self.put(&hash, &p).is_ok()
            {
                added += 1;
            }
        }
        if added > 0 {
            self.trim(MAX_ENTRIES);
        }
        added
    }

    /// Keeps the `keep` newest entries and removes the rest, and any write cut short.
    pub fn trim(&self, keep: usize) {
        let Ok(read) = fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        let mut entries: Vec<(SystemTime, PathBuf)> = Vec::new();
        for e in read.flatten() {
            let path = e.path();
            let Some(modified) = e.metadata().ok().and_then(|m| m.modified().ok()) else {
                continue;
            };
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(".entry-") {
                if now
                    .duration_since(modified)
                    .is_ok_and(|age| age > STALE_TEMP)
                {
                    let _ = fs::remove_file(&path);
                }
            } else if name.ends_with(".json") {
                entries.push((modified, path));
            }
        }
        if entries.len() <= keep {
            return;
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.0));
        for (_, path) in entries.drain(keep..) {
            let _ = fs::remove_file(path);
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
