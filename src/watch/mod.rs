//! Directory watcher: file-system activity in, settled and coalesced change notifications out.
//!
//! Editors rarely write a file in place: vim and Emacs rename a temp file over it or back it up
//! and recreate it, VS Code truncates then writes, `git checkout` removes and recreates. So we
//! watch the directory, never the file, and a path we care about counts whatever the event's kind.
//! A path is reported only once it has been quiet for the settle time, so the caller never reads
//! half a save. Network shares send no inotify events at all: poll mode lists and compares.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod share;
pub mod sweep;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant, SystemTime};

use anyhow::Context as _;
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::storage::{ContentHash, MAX_FILE_BYTES, is_watched_path};

/// How often a folder polled without being told (a fallback, a network share) is looked at.
pub const FALLBACK_POLL: Duration = Duration::from_secs(1);
/// Bounds keep a zero interval from spinning and a huge settle from overflowing `Instant`.
const MIN_POLL: Duration = Duration::from_millis(10);
const MAX_DELAY: Duration = Duration::from_secs(3600);
/// A file written without pause must still be reported, this many settle times after its first event.
const CAP_FACTOR: u32 = 4;
/// FAT keeps mtimes in 2 s steps and some SMB servers in 1 s: two saves inside that window can
/// leave length and mtime identical, so while a file's mtime is this fresh only its content can tell.
const HASH_WINDOW: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Native,
    Poll(Duration),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// These watched paths changed (created, modified, removed or renamed to/from), each reported
    /// once after activity on it has been quiet for the settle time. Sorted, deduplicated.
    Changed(Vec<PathBuf>),
    /// The watcher lost track (overflow / rescan flag / watcher error): reload everything.
    Rescan,
    /// Native watching could not start or failed; now polling.
    FellBackToPolling(Fallback),
}

/// Why the watcher polls, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fallback {
    /// The system refused change events; its words.
    NoNative(String),
    /// The folder disappeared (a share unmounted); polled until it is back.
    FolderGone(PathBuf),
}

/// A running watcher. Dropping it stops its thread and, once the drop returns, the sink is
/// never called again (unless it is dropped from inside the sink itself).
pub struct Watcher {
    mode: Mode,
    stop: Sender<Msg>,
    // Only held: dropping it removes the inotify watches.
    _native: Option<notify::RecommendedWatcher>,
    worker: Option<JoinHandle<()>>,
}

impl Watcher {
    /// Watch `dir` (non-recursively) for board files (see [`is_watched_path`]) plus the exact files
    /// in `extra`, which may live elsewhere: their parent directories are watched and filtered.
    /// Board paths are reported as `dir.join(name)`, extra files exactly as given.
    /// `sink` runs on the watcher's thread; it should hand the event on, not block.
    pub fn start(
        dir: &Path,
        extra: &[PathBuf],
        mode: Mode,
        settle: Duration,
        sink: impl Fn(WatchEvent) + Send + 'static,
    ) -> anyhow::Result<Watcher> {
        let meta = fs::metadata(dir).with_context(|| format!("cannot watch {}", dir.display()))?;
        anyhow::ensure!(
            meta.is_dir(),
            "cannot watch {}: not a folder",
            dir.display()
        );
        let (tx, rx) = mpsc::channel();
        let (mode, native, source, first) = match mode {
            Mode::Poll(every) => {
                let every = every.clamp(MIN_POLL, MAX_DELAY);
                let poller = Poller::new(dir, extra, every);
                (Mode::Poll(every), None, Source::Poll(poller), None)
            }
            Mode::Native => match start_native(dir, extra, tx.clone()) {
                Ok((native, targets)) => {
                    (Mode::Native, Some(native), Source::Native(targets), None)
                }
                Err(why) => {
                    let poller = Poller::new(dir, extra, FALLBACK_POLL);
                    let first = Some(WatchEvent::FellBackToPolling(Fallback::NoNative(why)));
                    (Mode::Poll(FALLBACK_POLL), None, Source::Poll(poller), first)
                }
            },
        };
        let worker = Worker {
            rx,
            source,
            dir: dir.to_path_buf(),
            extra: extra.to_vec(),
            pending: Pending::new(settle.min(MAX_DELAY)),
            sink: Box::new(sink),
        };
        let worker = thread::Builder::new()
            .name("rectify-watch".into())
            .spawn(move || worker.run(first))
            .context("cannot start the file watcher thread")?;
        Ok(Watcher {
            mode,
            stop: tx,
            _native: native,
            worker: Some(worker),
        })
    }

    /// Which mode is actually running (Native, or Poll after a fallback).
    pub fn mode(&self) -> &Mode {
        &self.mode
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.stop.send(Msg::Stop);
        if let Some(worker) = self.worker.take()
            && worker.thread().id() != thread::current().id()
        {
            let _ = worker.join();
        }
    }
}

impl fmt::Debug for Watcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watcher")
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

fn start_native(
    dir: &Path,
    extra: &[PathBuf],
    tx: Sender<Msg>,
) -> Result<(notify::RecommendedWatcher, Targets), String> {
    let targets = Targets::new(dir, extra)?;
    let mut native = notify::recommended_watcher(move |res| {
        let _ = tx.send(Msg::Fs(res));
    })
    .map_err(|e| format!("cannot start watching files: {e}"))?;
    for spot in &targets.spots {
        native
            .watch(&spot.canon, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", spot.given.display()))?;
    }
    Ok((native, targets))
}

enum Msg {
    Fs(notify::Result<notify::Event>),
    Stop,
}

enum Source {
    Native(Targets),
    Poll(Poller),
}

struct Worker {
    rx: Receiver<Msg>,
    source: Source,
    dir: PathBuf,
    extra: Vec<PathBuf>,
    pending: Pending,
    sink: Box<dyn Fn(WatchEvent) + Send>,
}

impl Worker {
    fn run(mut self, first: Option<WatchEvent>) {
        if let Some(event) = first {
            (self.sink)(event);
        }
        loop {
            let poll_at = match &self.source {
                Source::Poll(poller) => Some(poller.next),
                Source::Native(_) => None,
            };
            // With nothing pending in native mode this blocks outright: an idle board never wakes.
            let msg = match [self.pending.wake_at(), poll_at]
                .into_iter()
                .flatten()
                .min()
            {
                None => self.rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(at) => self
                    .rx
                    .recv_timeout(at.saturating_duration_since(Instant::now())),
            };
            let now = Instant::now();
            match msg {
                Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(Msg::Fs(res)) => self.on_native(res, now),
                Err(RecvTimeoutError::Timeout) => {}
            }
            // inotify watches die with their folder, and nothing tells when a new one appears
            // under the same name (a share remounted, a folder restored): poll until it is back.
            if matches!(self.source, Source::Native(_)) && !self.dir.is_dir() {
                self.source = Source::Poll(Poller::new(&self.dir, &self.extra, FALLBACK_POLL));
                (self.sink)(WatchEvent::FellBackToPolling(Fallback::FolderGone(
                    self.dir.clone(),
                )));
                self.pending.touch(Key::Rescan, now);
            }
            if let Source::Poll(poller) = &mut self.source
                && now >= poller.next
            {
                for key in poller.scan() {
                    self.pending.touch(key, now);
                }
                poller.next = now + poller.every;
            }
            if let Some(event) = self.pending.take_due(now) {
                (self.sink)(event);
            }
        }
    }

    fn on_native(&mut self, res: notify::Result<notify::Event>, now: Instant) {
        let Source::Native(targets) = &self.source else {
            return;
        };
        let event = match res {
            Ok(event) => event,
            Err(_) => return self.pending.touch(Key::Rescan, now),
        };
        if event.need_rescan() {
            self.pending.touch(Key::Rescan, now);
        }
        // inotify also reports opens and reads; our own reload after a change would come back
        // as a change and loop forever.
        if let EventKind::Access(kind) = event.kind
            && kind != AccessKind::Close(AccessMode::Write)
        {
            return;
        }
        let mut keys = Vec::new();
        for path in &event.paths {
            targets.map(path, &mut keys);
        }
        for key in keys {
            self.pending.touch(key, now);
        }
    }
}

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Rescan,
    Path(PathBuf),
}

/// Per key: when its burst began and when it will be due.
struct Pending {
    settle: Duration,
    slack: Duration,
    keys: BTreeMap<Key, (Instant, Instant)>,
}

impl Pending {
    fn new(settle: Duration) -> Pending {
        Pending {
            settle,
            slack: settle / 10,
            keys: BTreeMap::new(),
        }
    }

    fn touch(&mut self, key: Key, now: Instant) {
        let (began, due) = self.keys.entry(key).or_insert((now, now));
        *due = (now + self.settle).min(*began + self.settle * CAP_FACTOR);
    }

    /// The earliest due time, stretched to any key due just after it, so that both halves of a
    /// rename (or a `git checkout` of many files) arrive in one `Changed`.
    fn wake_at(&self) -> Option<Instant> {
        let first = self.keys.values().map(|&(_, due)| due).min()?;
        self.keys
            .values()
            .map(|&(_, due)| due)
            .filter(|&due| due <= first + self.slack)
            .max()
    }

    fn take_due(&mut self, now: Instant) -> Option<WatchEvent> {
        if self.wake_at().is_none_or(|at| at > now) {
            return None;
        }
        let (mut rescan, mut paths) = (false, Vec::new());
        self.keys.retain(|key, &mut (_, due)| {
            if due > now {
                return true;
            }
            match key {
                Key::Rescan => rescan = true,
                Key::Path(path) => paths.push(path.clone()),
            }
            false
        });
        // A full reload covers the single paths.
        match (rescan, paths.is_empty()) {
            (true, _) => Some(WatchEvent::Rescan),
            (false, false) => Some(WatchEvent::Changed(paths)),
            (false, true) => None,
        }
    }
}

/// The directories watched natively, keyed by canonical path: that is the form notify reports
/// back, whatever form (relative, `..`, symlinked) the caller used.
struct Targets {
    spots: Vec<Spot>,
}

struct Spot {
    canon: PathBuf,
    /// The caller's form of the directory, for reporting board paths.
    given: PathBuf,
    boards: bool,
    /// File name in this directory → the path as the caller gave it.
    files: Vec<(OsString, PathBuf)>,
}

impl Targets {
    fn new(dir: &Path, extra: &[PathBuf]) -> Result<Targets, String> {
        let mut targets = Targets { spots: Vec::new() };
        targets.spot(dir)?.boards = true;
        for file in extra {
            let Some(name) = file.file_name() else {
                continue;
            };
            targets
                .spot(parent_of(file))?
                .files
                .push((name.to_owned(), file.clone()));
            // A symlinked theme (dotfiles) changes where the link points, not where it sits.
            if let Ok(real) = fs::canonicalize(file)
                && let Some(real_name) = real.file_name()
            {
                let entry = (real_name.to_owned(), file.clone());
                let spot = targets.spot(parent_of(&real))?;
                if !spot.files.contains(&entry) {
                    spot.files.push(entry);
                }
            }
        }
        Ok(targets)
    }

    fn spot(&mut self, dir: &Path) -> Result<&mut Spot, String> {
        let canon =
            fs::canonicalize(dir).map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        let index = match self.spots.iter().position(|spot| spot.canon == canon) {
            Some(index) => index,
            None => {
                let given = dir.to_path_buf();
                self.spots.push(Spot {
                    canon,
                    given,
                    boards: false,
                    files: Vec::new(),
                });
                self.spots.len() - 1
            }
        };
        Ok(&mut self.spots[index])
    }

    fn map(&self, path: &Path, keys: &mut Vec<Key>) {
        // The folder itself was removed, moved or changed: every path in it may be stale.
        if self.spots.iter().any(|spot| spot.canon == path) {
            return keys.push(Key::Rescan);
        }
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return;
        };
        for spot in self.spots.iter().filter(|spot| spot.canon == parent) {
            if spot.boards && is_watched_path(path) {
                keys.push(Key::Path(spot.given.join(name)));
            }
            let files = spot.files.iter().filter(|(file, _)| file == name);
            keys.extend(files.map(|(_, given)| Key::Path(given.clone())));
        }
    }
}

fn parent_of(file: &Path) -> &Path {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

struct Poller {
    dir: PathBuf,
    extra: Vec<PathBuf>,
    every: Duration,
    next: Instant,
    files: HashMap<PathBuf, Seen>,
    listed: bool,
}

struct Seen {
    len: u64,
    mtime: Option<SystemTime>,
    /// Only kept while the mtime is fresh; older files are never read.
    hash: Option<ContentHash>,
}

impl Poller {
    /// The first scan is the baseline, taken before `start` returns so no later write is missed.
    fn new(dir: &Path, extra: &[PathBuf], every: Duration) -> Poller {
        let mut poller = Poller {
            dir: dir.to_path_buf(),
            extra: extra.to_vec(),
            every,
            next: Instant::now() + every,
            files: HashMap::new(),
            listed: true,
        };
        poller.scan();
        poller
    }

    fn scan(&mut self) -> Vec<Key> {
        let now = SystemTime::now();
        let mut keys = Vec::new();
        let mut paths: BTreeSet<PathBuf> = self.extra.iter().cloned().collect();
        match list_boards(&self.dir) {
            Ok(boards) => {
                self.listed = true;
                let gone: Vec<PathBuf> = (self.files.keys())
                    .filter(|path| !boards.contains(*path) && !self.extra.contains(path))
                    .cloned()
                    .collect();
                for path in gone {
                    self.files.remove(&path);
                    keys.push(Key::Path(path));
                }
                paths.extend(boards);
            }
            // An unreachable share says nothing about its files: keep what we know, and ask for
            // one full reload so the caller can show the error.
            Err(_) => {
                if std::mem::replace(&mut self.listed, false) {
                    keys.push(Key::Rescan);
                }
            }
        }
        for path in paths {
            if self.check(&path, now) {
                keys.push(Key::Path(path));
            }
        }
        keys
    }

    /// Whether `path` changed since the last look.
    fn check(&mut self, path: &Path, now: SystemTime) -> bool {
        let meta = match fs::metadata(path) {
            Ok(meta) if meta.is_file() => meta,
            _ => return self.files.remove(path).is_some(),
        };
        let (len, mtime) = (meta.len(), meta.modified().ok());
        // A future mtime (clock skew on a share) counts as fresh; it ages out like any other.
        let fresh =
            mtime.is_none_or(|t| now.duration_since(t).map_or(true, |age| age < HASH_WINDOW));
        let hash = || {
            (fresh && len <= MAX_FILE_BYTES)
                .then(|| hash_file(path))
                .flatten()
        };
        match self.files.get_mut(path) {
            Some(seen) if seen.len == len && seen.mtime == mtime => {
                let Some(now_hash) = hash() else { return false };
                let before = seen.hash.replace(now_hash);
                before.is_some_and(|before| before != now_hash)
            }
            _ => {
                let seen = Seen {
                    len,
                    mtime,
                    hash: hash(),
                };
                self.files.insert(path.to_path_buf(), seen);
                true
            }
        }
    }
}

fn list_boards(dir: &Path) -> io::Result<BTreeSet<PathBuf>> {
    let mut boards = BTreeSet::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name();
        if is_watched_path(Path::new(&name)) {
            boards.insert(dir.join(name));
        }
    }
    Ok(boards)
}

fn hash_file(path: &Path) -> Option<ContentHash> {
    fs::read(path).ok().map(|bytes| ContentHash::of(&bytes))
}
