//! Folders whose change events miss other machines' writes: a FUSE mount is polled without
//! being told, and under native watching a change no event reported is found by the safety
//! check, read, and said to have been missed.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant, SystemTime};

use common::live::Live;
use rectify::cli::BoardArgs;
use rectify::tui::{self, Driver};
use rectify::watch::sweep::Sweep;

/// A bindfs mount of `src` on `mnt`, unmounted when dropped (a failing test included).
struct Mount {
    mnt: PathBuf,
}

impl Mount {
    /// `None`, said on stderr, where the machine cannot mount FUSE.
    fn bind(src: &Path, mnt: &Path) -> Option<Mount> {
        if !Path::new("/dev/fuse").exists() {
            eprintln!("SKIPPED: no /dev/fuse on this machine; the FUSE share test did not run");
            return None;
        }
        match Command::new("bindfs").arg(src).arg(mnt).status() {
            Ok(s) if s.success() => Some(Mount {
                mnt: mnt.to_path_buf(),
            }),
            Ok(s) => {
                eprintln!("SKIPPED: bindfs could not mount ({s}); the FUSE share test did not run");
                None
            }
            Err(e) => {
                eprintln!(
                    "SKIPPED: bindfs is not installed ({e}; apt-get install bindfs fuse3); the FUSE share test did not run"
                );
                None
            }
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let unmounted = Command::new("fusermount")
            .arg("-u")
            .arg(&self.mnt)
            .status()
            .is_ok_and(|s| s.success());
        if !unmounted {
            let _ = Command::new("umount").arg(&self.mnt).status();
        }
    }
}

#[test]
fn a_colleagues_change_beyond_a_fuse_mount_shows_without_flags() {
    let root = tempfile::tempdir().unwrap();
    let (src, mnt) = (root.path().join("src"), root.path().join("mnt"));
    fs::create_dir(&src).unwrap();
    fs::create_dir(&mnt).unwrap();
    let Some(_mount) = Mount::bind(&src, &mnt) else {
        return;
    };
    // Started as a user would: no --poll, no --native.
    let mut live = Live::start_in(&mnt, None);
    let note = live.app().watch_note.clone().unwrap_or_default();
    assert!(note.starts_with("网络共享，轮询"), "{note}");
    assert!(note.contains("FUSE"), "{note}");
    // The colleague writes on the far side of the mount, where this machine's inotify on the
    // mount hears nothing.
    let name = live.dir_path().file_name().unwrap().to_owned();
    let far = src.join(name).join("01-fraud.ron");
    let text = fs::read_to_string(&far).unwrap();
    fs::write(
        &far,
        text.replace("组织各地刑侦部门开展反诈集群战役", "远端改过的标题"),
    )
    .unwrap();
    live.until("the far side's change", |app| {
        app.boards
            .iter()
            .filter_map(|b| b.program.as_ref())
            .any(|p| {
                p.measure("ZP-01")
                    .is_some_and(|m| m.title == "远端改过的标题")
            })
    });
    // `--native` is taken at its word: change events, and nothing said about a share.
    let args = BoardArgs {
        native: true,
        ..BoardArgs::new(live.dir_path())
    };
    let mut session = tui::prepare(&args, common::now()).unwrap();
    let (tx, _rx) = std::sync::mpsc::channel();
    let native = tui::start_watcher(&args, &mut session, tx).unwrap();
    assert_eq!(*native.mode(), rectify::watch::Mode::Native);
    assert_eq!(session.app.watch_note, None);
    drop(native);
    drop(live);
}

/// A board with no watcher at all (every event lost) and the safety check on a short period.
fn blind_board(dir: &Path) -> Driver {
    fs::copy("boards/01-fraud.ron", dir.join("01-fraud.ron")).unwrap();
    let args = BoardArgs {
        today: Some(common::today()),
        ..BoardArgs::new(dir)
    };
    let session = tui::prepare(&args, common::now()).unwrap();
    let mut driver = Driver::new(session, true);
    driver.sweep = Some(Sweep::new(dir, Duration::from_millis(50), Instant::now()));
    driver
}

#[test]
fn under_native_watching_a_change_no_event_reported_is_read_and_said_missed() {
    let dir = tempfile::tempdir().unwrap();
    let mut driver = blind_board(dir.path());
    let path = dir.path().join("01-fraud.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("progress: 55,", "progress: 66,")).unwrap();
    // Written a while ago as far as the check can tell: not a save still settling.
    let f = fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(60))
        .unwrap();
    drop(f);
    let progress = |d: &Driver| {
        d.session.app.boards[0]
            .program
            .as_ref()
            .and_then(|p| p.measure("ZP-01"))
            .map(|m| m.progress)
    };
    assert_eq!(progress(&driver), Some(55));
    let deadline = Instant::now() + Duration::from_secs(10);
    while progress(&driver) != Some(66) {
        assert!(
            Instant::now() < deadline,
            "the check never found the change"
        );
        // The loop sleeps no longer than the check's period.
        let wait = driver.wait().expect("a check is always ahead");
        assert!(wait <= Duration::from_millis(50), "{wait:?}");
        std::thread::sleep(wait);
        driver.step(Err(RecvTimeoutError::Timeout));
    }
    let notice = driver.session.app.notice.clone().unwrap_or_default();
    assert_eq!(notice, "文件监视漏报了 01-fraud.ron 的变化，已重新读取");
}

#[test]
fn with_nothing_changed_the_check_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut driver = blind_board(dir.path());
    for _ in 0..3 {
        std::thread::sleep(driver.wait().unwrap());
        driver.step(Err(RecvTimeoutError::Timeout));
    }
    assert_eq!(driver.session.app.notice, None);
}
