//! The watcher against real writes in a temp folder, in the ways editors and tools really save.
//! Every test waits for an event through a channel with a timeout; the only fixed waits are
//! "nothing arrives within QUIET" and the short pauses that make time pass between two writes.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use rectify::watch::{Fallback, Mode, WatchEvent, Watcher};

const SETTLE: Duration = Duration::from_millis(100);
const POLL: Duration = Duration::from_millis(50);
const TIMEOUT: Duration = Duration::from_secs(5);
const QUIET: Duration = Duration::from_millis(300);
const OLD: &str = "(id: \"old\")\n";
const NEW: &str = "(id: \"new\", title: \"saved\")\n";

struct Rig {
    // Held so the folder outlives the watcher.
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    rx: Receiver<WatchEvent>,
    watcher: Watcher,
}

impl Rig {
    /// A folder holding `a.ron`, watched in `mode`.
    fn new(mode: Mode) -> Rig {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        fs::write(dir.join("a.ron"), OLD).unwrap();
        let (watcher, rx) = watch(&dir, &[], mode);
        Rig {
            _tmp: tmp,
            dir,
            rx,
            watcher,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Waits until all of `names` were reported and checks nothing else was.
    fn expect_exactly(&self, names: &[&str]) -> Vec<Vec<PathBuf>> {
        let want: Vec<PathBuf> = names.iter().map(|n| self.path(n)).collect();
        let got = changes_until(&self.rx, &want);
        for path in got.iter().flatten() {
            assert!(want.contains(path), "unexpected {path:?} in {got:?}");
        }
        got
    }
}

fn watch(dir: &Path, extra: &[PathBuf], mode: Mode) -> (Watcher, Receiver<WatchEvent>) {
    let (tx, rx) = mpsc::channel();
    let sink = move |event| {
        let _ = tx.send(event);
    };
    (Watcher::start(dir, extra, mode, SETTLE, sink).unwrap(), rx)
}

/// The `Changed` events received until every path in `want` was reported.
fn changes_until(rx: &Receiver<WatchEvent>, want: &[PathBuf]) -> Vec<Vec<PathBuf>> {
    let deadline = Instant::now() + TIMEOUT;
    let mut got: Vec<Vec<PathBuf>> = Vec::new();
    while !want.iter().all(|w| got.iter().flatten().any(|p| p == w)) {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(WatchEvent::Changed(paths)) => {
                assert!(paths.is_sorted(), "unsorted {paths:?}");
                got.push(paths);
            }
            other => panic!("waiting for {want:?} (have {got:?}): got {other:?}"),
        }
    }
    got
}

/// Events that arrive until none has for QUIET.
fn drain(rx: &Receiver<WatchEvent>) -> Vec<WatchEvent> {
    std::iter::from_fn(|| rx.recv_timeout(QUIET).ok()).collect()
}

fn assert_quiet(rx: &Receiver<WatchEvent>) {
    match rx.recv_timeout(QUIET) {
        Err(RecvTimeoutError::Timeout) => {}
        other => panic!("expected no event, got {other:?}"),
    }
}

/// Each scenario runs once per mode: `atomic_rename::native`, `atomic_rename::poll`, ...
macro_rules! both_modes {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn native() {
                super::$name(rectify::watch::Mode::Native)
            }
            #[test]
            fn poll() {
                super::$name(rectify::watch::Mode::Poll(super::POLL))
            }
        }
    )*};
}

both_modes!(
    atomic_rename,
    vim_backup,
    truncate_then_write,
    remove_then_create,
    sed_in_place,
    append,
    create_board,
    delete_board,
    rename_board,
    burst_is_coalesced,
    continuous_writes_still_reported,
    non_board_files_ignored,
    extra_file_in_other_folder,
    reading_is_not_a_change,
    same_length_writes,
    relative_folder_paths,
    folder_removed_means_rescan,
    drop_stops_events,
);

// Symbolic links need privileges on Windows.
#[cfg(unix)]
both_modes!(symlinked_extra_file);

// A thread's context switches are read from Linux's /proc.
#[cfg(target_os = "linux")]
both_modes!(idle_wakeups);

fn atomic_rename(mode: Mode) {
    let rig = Rig::new(mode);
    fs::write(rig.path("a.ron.tmp"), NEW).unwrap();
    fs::rename(rig.path("a.ron.tmp"), rig.path("a.ron")).unwrap();
    rig.expect_exactly(&["a.ron"]);
}

/// vim with `backupcopy=no`: probe file 4913, original renamed to a backup, new file written.
fn vim_backup(mode: Mode) {
    let rig = Rig::new(mode);
    File::create(rig.path("4913")).unwrap();
    fs::remove_file(rig.path("4913")).unwrap();
    fs::rename(rig.path("a.ron"), rig.path("a.ron~")).unwrap();
    fs::write(rig.path("a.ron"), NEW).unwrap();
    fs::remove_file(rig.path("a.ron~")).unwrap();
    rig.expect_exactly(&["a.ron"]);
}

/// VS Code: truncate, then write a moment later. The empty file must not be reported on its own.
fn truncate_then_write(mode: Mode) {
    let rig = Rig::new(mode);
    let mut file = OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(rig.path("a.ron"))
        .unwrap();
    thread::sleep(Duration::from_millis(20));
    file.write_all(NEW.as_bytes()).unwrap();
    drop(file);
    rig.expect_exactly(&["a.ron"]);
    assert_eq!(fs::read_to_string(rig.path("a.ron")).unwrap(), NEW);
    assert_eq!(drain(&rig.rx), vec![]);
}

/// `git checkout`: the file is removed and created again.
fn remove_then_create(mode: Mode) {
    let rig = Rig::new(mode);
    fs::remove_file(rig.path("a.ron")).unwrap();
    fs::write(rig.path("a.ron"), NEW).unwrap();
    rig.expect_exactly(&["a.ron"]);
}

/// `sed -i`: a temp file in the same folder renamed over the original.
fn sed_in_place(mode: Mode) {
    let rig = Rig::new(mode);
    fs::write(rig.path("sedX4bQ2r"), NEW).unwrap();
    fs::rename(rig.path("sedX4bQ2r"), rig.path("a.ron")).unwrap();
    rig.expect_exactly(&["a.ron"]);
}

fn append(mode: Mode) {
    let rig = Rig::new(mode);
    let mut file = OpenOptions::new()
        .append(true)
        .open(rig.path("a.ron"))
        .unwrap();
    file.write_all(b"// appended\n").unwrap();
    drop(file);
    rig.expect_exactly(&["a.ron"]);
}

fn create_board(mode: Mode) {
    let rig = Rig::new(mode);
    fs::write(rig.path("b.ron"), NEW).unwrap();
    rig.expect_exactly(&["b.ron"]);
}

fn delete_board(mode: Mode) {
    let rig = Rig::new(mode);
    fs::remove_file(rig.path("a.ron")).unwrap();
    rig.expect_exactly(&["a.ron"]);
}

fn rename_board(mode: Mode) {
    let rig = Rig::new(mode);
    fs::rename(rig.path("a.ron"), rig.path("b.ron")).unwrap();
    rig.expect_exactly(&["a.ron", "b.ron"]);
}

fn burst_is_coalesced(mode: Mode) {
    let rig = Rig::new(mode);
    for i in 0..20 {
        fs::write(rig.path("a.ron"), "x".repeat(i + 1)).unwrap();
        thread::sleep(Duration::from_millis(2));
    }
    let first = rig.expect_exactly(&["a.ron"]);
    let later = drain(&rig.rx);
    let total = first.len() + later.len();
    assert!(
        total <= 2,
        "{total} events for one burst: {first:?} then {later:?}"
    );
}

/// Debounce alone would wait forever on a file written without pause; the cap reports it anyway.
fn continuous_writes_still_reported(mode: Mode) {
    let rig = Rig::new(mode);
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (path, stop) = (rig.path("a.ron"), stop.clone());
        thread::spawn(move || {
            let mut file = OpenOptions::new().append(true).open(path).unwrap();
            let end = Instant::now() + TIMEOUT;
            while !stop.load(Ordering::Relaxed) && Instant::now() < end {
                file.write_all(b"// more\n").unwrap();
                thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let started = Instant::now();
    let event = rig.rx.recv_timeout(TIMEOUT);
    let still_writing = !writer.is_finished();
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    assert_eq!(event, Ok(WatchEvent::Changed(vec![rig.path("a.ron")])));
    assert!(still_writing, "reported only after {:?}", started.elapsed());
}

fn non_board_files_ignored(mode: Mode) {
    let rig = Rig::new(mode);
    for name in [
        "notes.txt",
        ".01.ron.swp",
        "4913",
        ".hidden.ron",
        "a.ron.bak",
    ] {
        fs::write(rig.path(name), NEW).unwrap();
    }
    fs::remove_file(rig.path("4913")).unwrap();
    assert_quiet(&rig.rx);
}

/// A theme file elsewhere is reported by the path the caller gave; its neighbours are not.
fn extra_file_in_other_folder(mode: Mode) {
    let boards = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let themes = config.path().join("themes");
    fs::create_dir(&themes).unwrap();
    let theme = themes.join("mine.ron");
    fs::write(&theme, OLD).unwrap();
    let (_watcher, rx) = watch(boards.path(), std::slice::from_ref(&theme), mode);
    fs::write(themes.join("other.ron"), NEW).unwrap();
    fs::write(themes.join("mine.ron.tmp"), NEW).unwrap();
    fs::rename(themes.join("mine.ron.tmp"), &theme).unwrap();
    let got = changes_until(&rx, std::slice::from_ref(&theme));
    assert!(got.iter().flatten().all(|p| *p == theme), "{got:?}");
}

/// A theme linked from a dotfiles folder changes where the link points, not where it sits.
#[cfg(unix)]
fn symlinked_extra_file(mode: Mode) {
    let boards = tempfile::tempdir().unwrap();
    let dotfiles = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let real = dotfiles.path().join("theme.ron");
    fs::write(&real, OLD).unwrap();
    let link = config.path().join("theme.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (_watcher, rx) = watch(boards.path(), std::slice::from_ref(&link), mode);
    fs::write(dotfiles.path().join("theme.ron.tmp"), NEW).unwrap();
    fs::rename(dotfiles.path().join("theme.ron.tmp"), &real).unwrap();
    let got = changes_until(&rx, std::slice::from_ref(&link));
    assert!(got.iter().flatten().all(|p| *p == link), "{got:?}");
}

/// The caller re-reads a board after each change; if reading counted as one it would loop.
fn reading_is_not_a_change(mode: Mode) {
    let rig = Rig::new(mode);
    for _ in 0..3 {
        fs::read_dir(&rig.dir).unwrap().for_each(drop);
        fs::read_to_string(rig.path("a.ron")).unwrap();
    }
    assert_quiet(&rig.rx);
}

/// Two saves of the same length right after each other are both seen, even when a coarse
/// file system would give them the same mtime.
fn same_length_writes(mode: Mode) {
    let rig = Rig::new(mode);
    fs::write(rig.path("a.ron"), "AAAA").unwrap();
    rig.expect_exactly(&["a.ron"]);
    fs::write(rig.path("a.ron"), "BBBB").unwrap();
    rig.expect_exactly(&["a.ron"]);
}

/// The caller gives a relative folder; events name files as `read_dir` of that folder does.
fn relative_folder_paths(mode: Mode) {
    let tmp = tempfile::tempdir().unwrap();
    let cwd = std::env::current_dir().unwrap();
    let mut relative: PathBuf = cwd.components().skip(1).map(|_| "..").collect();
    relative.push(tmp.path().strip_prefix("/").unwrap());
    assert!(relative.is_relative());
    fs::write(tmp.path().join("a.ron"), OLD).unwrap();
    let (_watcher, rx) = watch(&relative, &[], mode);
    fs::write(tmp.path().join("a.ron"), NEW).unwrap();
    let listed: Vec<PathBuf> = fs::read_dir(&relative)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    changes_until(&rx, &listed);
}

/// A vanished folder means "re-read everything"; in native mode the watcher also switches to
/// polling, since inotify cannot see the folder come back.
fn folder_removed_means_rescan(mode: Mode) {
    let native = matches!(mode, Mode::Native);
    let rig = Rig::new(mode);
    fs::remove_dir_all(&rig.dir).unwrap();
    let deadline = Instant::now() + TIMEOUT;
    let mut fell_back = false;
    loop {
        match rig
            .rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            Ok(WatchEvent::Rescan) => break,
            Ok(WatchEvent::Changed(paths)) => assert_eq!(paths, vec![rig.path("a.ron")]),
            Ok(WatchEvent::FellBackToPolling(why)) if native => {
                assert_eq!(why, Fallback::FolderGone(rig.dir.clone()));
                fell_back = true;
            }
            other => panic!("waiting for Rescan: got {other:?}"),
        }
    }
    assert_eq!(fell_back, native);
}

/// After the drop returns, the watcher's thread is gone: it has dropped the sink (and its
/// sender), so the channel reports disconnection instead of any event.
fn drop_stops_events(mode: Mode) {
    let Rig {
        _tmp,
        dir,
        rx,
        watcher,
    } = Rig::new(mode);
    drop(watcher);
    fs::write(dir.join("a.ron"), NEW).unwrap();
    fs::write(dir.join("b.ron"), NEW).unwrap();
    assert_eq!(rx.recv_timeout(QUIET), Err(RecvTimeoutError::Disconnected));
}

/// Rule 10, idle costs nothing: with nothing pending, a native watcher's thread sleeps until
/// the kernel has news, so its count of voluntary context switches stands still. Poll mode is
/// the control that shows the count does move for a thread that wakes.
#[cfg(target_os = "linux")]
fn idle_wakeups(mode: Mode) {
    let tmp = tempfile::tempdir().unwrap();
    let (tx, rx) = mpsc::channel();
    // The sink runs on the watcher's thread: it tells us which task to look at.
    let sink = move |event| {
        let task = fs::read_link("/proc/thread-self").unwrap();
        let _ = tx.send((event, Path::new("/proc").join(task)));
    };
    let _watcher = Watcher::start(tmp.path(), &[], mode, SETTLE, sink).unwrap();
    fs::write(tmp.path().join("a.ron"), NEW).unwrap();
    let (event, task) = rx.recv_timeout(TIMEOUT).unwrap();
    assert!(matches!(event, WatchEvent::Changed(_)), "{event:?}");
    let field = |file: &str, key: &str| -> String {
        let text = fs::read_to_string(task.join(file)).unwrap();
        let value = text.lines().find_map(|l| l.strip_prefix(key)).unwrap();
        value.trim().to_owned()
    };
    // Wait for the thread to be back asleep in its channel after delivering the event.
    let deadline = Instant::now() + TIMEOUT;
    while !field("status", "State:").starts_with('S') {
        assert!(
            Instant::now() < deadline,
            "watcher thread never went to sleep"
        );
        thread::sleep(Duration::from_millis(1));
    }
    let before: u64 = field("status", "voluntary_ctxt_switches:").parse().unwrap();
    match rx.recv_timeout(QUIET) {
        Err(RecvTimeoutError::Timeout) => {}
        other => panic!("expected no event, got {other:?}"),
    }
    let after: u64 = field("status", "voluntary_ctxt_switches:").parse().unwrap();
    match mode {
        Mode::Native => assert_eq!(after, before, "idle native watcher woke up"),
        Mode::Poll(_) => assert!(after >= before + 3, "poll thread: {before} -> {after}"),
    }
}

#[test]
fn native_mode_reports_native() {
    let rig = Rig::new(Mode::Native);
    assert_eq!(rig.watcher.mode(), &Mode::Native);
}

#[test]
fn poll_mode_sees_same_length_same_mtime_rewrite() {
    let rig = Rig::new(Mode::Poll(POLL));
    fs::write(rig.path("a.ron"), "AAAA").unwrap();
    rig.expect_exactly(&["a.ron"]);
    let mtime = fs::metadata(rig.path("a.ron")).unwrap().modified().unwrap();
    // As on a file system with whole-second mtimes: same length, same mtime, new content.
    // Prepared aside and renamed in, so the poller never sees a state in between.
    let mut file = File::create(rig.path("a.ron.tmp")).unwrap();
    file.write_all(b"BBBB").unwrap();
    file.set_modified(mtime).unwrap();
    drop(file);
    fs::rename(rig.path("a.ron.tmp"), rig.path("a.ron")).unwrap();
    assert_eq!(
        fs::metadata(rig.path("a.ron")).unwrap().modified().unwrap(),
        mtime
    );
    rig.expect_exactly(&["a.ron"]);
}

#[test]
fn failed_native_start_falls_back_to_polling() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.ron"), OLD).unwrap();
    let missing = tmp.path().join("no-such-folder").join("theme.ron");
    let (watcher, rx) = watch(tmp.path(), &[missing], Mode::Native);
    assert_eq!(watcher.mode(), &Mode::Poll(Duration::from_secs(1)));
    match rx.recv_timeout(TIMEOUT) {
        Ok(WatchEvent::FellBackToPolling(Fallback::NoNative(why))) => {
            assert!(why.contains("no-such-folder"), "{why}")
        }
        other => panic!("expected FellBackToPolling, got {other:?}"),
    }
    fs::write(tmp.path().join("a.ron"), NEW).unwrap();
    changes_until(&rx, &[tmp.path().join("a.ron")]);
}

#[test]
fn start_refuses_a_missing_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("boards");
    assert!(Watcher::start(&missing, &[], Mode::Native, SETTLE, |_| {}).is_err());
    assert!(Watcher::start(&missing, &[], Mode::Poll(POLL), SETTLE, |_| {}).is_err());
}
