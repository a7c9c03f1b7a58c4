//! When the folder itself misbehaves: deleted and re-created under the running board, a board
//! replaced by a directory, a full disk and a read-only filesystem at the moment of a save.
//! The board keeps its last good view and says what is wrong; no file is damaged.

mod common;

use rectify::i18n::{Lang, ZH};
use std::fs;
use std::path::Path;
#[cfg(unix)]
use std::path::PathBuf;
#[cfg(unix)]
use std::process::Command;
use std::time::Duration;

use common::live::Live;
#[cfg(unix)]
use common::live::key;
#[cfg(unix)]
use crossterm::event::KeyCode::*;

fn fraud_title(live: &Live) -> Option<String> {
    live.title("ZP-01")
}

fn folder_vanishes_and_comes_back(poll: Option<Duration>) {
    let mut live = Live::start(poll);
    let dir = live.dir.path().to_owned();
    fs::remove_dir_all(&dir).unwrap();
    live.until("the folder error", |app| app.dir_error.is_some());
    let msg = live.app().dir_error.clone().unwrap().message(Lang::En);
    assert!(msg.starts_with("the boards folder cannot be read"), "{msg}");
    assert_eq!(
        live.app().boards.len(),
        2,
        "the last good data stays on screen"
    );
    assert!(live.app().boards.iter().all(|b| b.program.is_some()));
    let gone = (ZH.folder_gone)(&dir.display().to_string());
    let polling = live.app().watch_note.clone();
    if poll.is_none() {
        // inotify cannot see the folder come back: the watcher polls, and says why.
        live.until("the note that the folder went away", |app| {
            app.watch_note.as_deref() == Some(&format!("轮询（{gone}）"))
        });
    }

    fs::create_dir(&dir).unwrap();
    for f in ["01-fraud.ron", "02-railway.ron"] {
        let text = fs::read_to_string(Path::new("boards").join(f)).unwrap();
        fs::write(
            dir.join(f),
            text.replacen("组织各地刑侦部门", "恢复后：组织各地刑侦部门", 1),
        )
        .unwrap();
    }
    live.until("the folder back", |app| app.dir_error.is_none());
    live.until("the new data", |app| {
        app.boards[0]
            .program
            .as_ref()
            .and_then(|p| p.measure("ZP-01"))
            .is_some_and(|m| m.title.starts_with("恢复后"))
    });
    assert!(fraud_title(&live).unwrap().starts_with("恢复后"));
    assert!(live.app().errors().is_empty());
    // Back: the status line no longer says it is gone; it still says it polls.
    let note = live.app().watch_note.clone();
    match poll {
        None => assert_eq!(note.as_deref(), Some("轮询"), "{note:?}"),
        Some(_) => assert_eq!(note, polling, "polling as asked, as before"),
    }
    let text = common::screen(live.app(), &common::dark());
    let status = text.lines().last().unwrap();
    assert!(!status.contains("已不存在"), "{status}");
}

#[test]
fn a_folder_deleted_and_recreated_under_the_board_native() {
    folder_vanishes_and_comes_back(None);
}

#[test]
fn a_folder_deleted_and_recreated_under_the_board_polling() {
    folder_vanishes_and_comes_back(Some(Duration::from_millis(100)));
}

#[test]
fn a_board_replaced_by_a_directory_keeps_its_last_data_and_is_named() {
    let mut live = Live::start(None);
    let p = live.path("01-fraud.ron");
    fs::remove_file(&p).unwrap();
    fs::create_dir(&p).unwrap();
    live.until("the error", |app| !app.errors().is_empty());
    let e = live.app().errors()[0].clone();
    assert_eq!(e.path, p);
    assert_eq!(e.message(Lang::En), "is a directory, not a board file");
    assert!(fraud_title(&live).is_some(), "the last good data stays");
}

/// A tmpfs of its own, unmounted when dropped.
#[cfg(unix)]
struct Mount(PathBuf);

#[cfg(unix)]
impl Mount {
    /// `None` where mounting is not allowed (not root): these drills need a real full disk and
    /// a real read-only filesystem, which only a mount gives.
    fn tmpfs(size: &str) -> Option<(tempfile::TempDir, Mount)> {
        let holder = tempfile::tempdir().unwrap();
        let at = holder.path().join("m");
        fs::create_dir(&at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&at)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            assert!(
                !nix::unistd::geteuid().is_root(),
                "root could not mount a tmpfs"
            );
            eprintln!("skipped: mounting needs root");
            return None;
        }
        Some((holder, Mount(at)))
    }
}

#[cfg(unix)]
impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A live board over boards copied into `dir`, the fraud program open on ZP-03.
#[cfg(unix)]
fn board_in(dir: &Path) -> Live {
    let mut live = Live::start_in(dir, None);
    for k in [Enter, Down, Down] {
        key(&mut live, k);
    }
    live
}

#[cfg(unix)]
fn refused_and_intact(live: &mut Live, want: &str) {
    let file = live.path("01-fraud.ron");
    let before = fs::read(&file).unwrap();
    key(live, Char('+'));
    let notice = live.app().notice.clone().unwrap_or_default();
    assert!(notice.starts_with("未保存："), "{notice}");
    assert!(notice.contains(want), "{notice}");
    assert_eq!(fs::read(&file).unwrap(), before, "the board is intact");
    let p = live.app().boards[0].program.as_ref().unwrap();
    assert_eq!(
        p.measure("ZP-03").unwrap().progress,
        50,
        "the screen shows what is on disk"
    );
    // The board runs on.
    key(live, Down);
    assert_eq!(live.app().measure_sel.as_deref(), Some("ZP-04"));
    let leftovers: Vec<_> = fs::read_dir(live.dir_path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temp file left behind: {leftovers:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_full_disk_refuses_the_edit_and_leaves_the_file_intact() {
    let Some((_holder, m)) = Mount::tmpfs("512k") else {
        return;
    };
    let mut live = board_in(&m.0);
    // Fill what is left of the disk.
    let mut filler = fs::File::create(m.0.join("filler.bin")).unwrap();
    let chunk = vec![0u8; 4096];
    while std::io::Write::write_all(&mut filler, &chunk).is_ok() {}
    drop(filler);
    refused_and_intact(&mut live, "无法写入");
}

#[cfg(unix)]
#[test]
fn a_read_only_filesystem_refuses_the_edit_with_a_word() {
    let Some((_holder, m)) = Mount::tmpfs("4m") else {
        return;
    };
    let mut live = board_in(&m.0);
    let ok = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&m.0)
        .status()
        .unwrap();
    assert!(ok.success());
    refused_and_intact(&mut live, "文件或文件夹只读");
}
