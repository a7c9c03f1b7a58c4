//! The real binary in a pseudo-terminal, text with line breaks and command letters pasted into
//! every text field: once as a bracketed paste, once as the bare keys a terminal without
//! bracketed paste sends. No command runs; the text lands whole in the field, and is saved
//! whole or refused whole.
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::pty::Session;

/// What a terminal with bracketed paste on sends for a paste.
fn bracketed(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

/// A person's own key after a paste comes well after the paste's burst.
fn pause() {
    std::thread::sleep(Duration::from_millis(60));
}

struct Board {
    _dir: tempfile::TempDir,
    file: PathBuf,
    s: Session,
}

/// The fraud program open on ZP-01 (in progress, 55 %, with a note).
fn open() -> Board {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("01-fraud.ron");
    std::fs::copy("boards/01-fraud.ron", &file).unwrap();
    let mut s = Session::start(
        &[dir.path().to_str().unwrap(), "--today", "2023-07-15"],
        (120, 30),
        &[],
    );
    s.wait_for("打击治理电信网络诈骗犯罪");
    s.send("\r");
    s.wait_for("ZP-01");
    s.wait_for("55%");
    Board { _dir: dir, file, s }
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

/// Clears the open field, pastes `first` bracketed and `second` as bare keys, and waits until
/// the field shows `shown`: all of both, line breaks as spaces, nothing taken as a command.
fn paste_into_field(b: &mut Board, first: &str, second: &str, shown: &str) {
    b.s.send("\x15"); // Ctrl-U: the field starts empty.
    pause();
    b.s.send(&bracketed(first));
    pause();
    b.s.send(second);
    b.s.wait_for(shown);
    pause();
}

#[test]
fn pasted_lines_are_text_in_every_dialog_and_never_commands() {
    let mut b = open();
    let original = read(&b.file);

    // Progress and a revised deadline: a pasted value with commands after it is no number and
    // no date, so nothing is saved; the dialog says why and stays until Esc.
    for (key, title, first, second, shown, why) in [
        (
            "p",
            "修改进度",
            "8\nq",
            "0\ru\r",
            "8 q0 u",
            "进度“8 q0 u”无效",
        ),
        (
            "d",
            "调整期限",
            "2023-12-31\nq",
            "o\ry",
            "2023-12-31 qo y",
            "日期“2023-12-31 qo y”无效",
        ),
    ] {
        b.s.send(key);
        b.s.wait_for(title);
        paste_into_field(&mut b, first, second, shown);
        b.s.send("\r");
        b.s.wait_for(why);
        b.s.send("\x1b");
        b.s.wait_until(|scr| !scr.contains(title), "the dialog to close");
        pause();
    }
    assert_eq!(read(&b.file), original, "nothing refused was written");

    // The note: saved whole, on one line.
    b.s.send("n");
    b.s.wait_for("修改备注");
    paste_into_field(&mut b, "复核 q\r\nuo", "y\rq 完成", "复核 q uoy q 完成");
    b.s.send("\r");
    b.s.wait_for("已保存");
    let text = read(&b.file);
    assert!(
        text.contains("            notes: \"复核 q uoy q 完成\",\n"),
        "{text}"
    );
    pause();

    // A blocked reason, behind the status picker.
    b.s.send("s");
    b.s.wait_for("▶ 推进中");
    b.s.send("j");
    b.s.wait_for("▶ 受阻");
    pause();
    b.s.send("\r");
    b.s.wait_for("受阻原因");
    paste_into_field(&mut b, "等待 q\no y", "n\ru", "等待 q o yn u");
    b.s.send("\r");
    b.s.wait_until(
        |scr| !scr.contains("受阻原因 · ZP-01"),
        "the dialog to close",
    );
    b.s.wait_for("已保存");
    let text = read(&b.file);
    assert!(
        text.contains("            status: Blocked(\"等待 q o yn u\"),\n"),
        "{text}"
    );

    // Only those two fields moved: no sign-off, no undo, no other measure touched.
    let changed: Vec<(&str, &str)> = original
        .lines()
        .zip(text.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(!text.contains("signed_off: \"2023-07-15\""), "{text}");

    // Still running: none of the pasted `q`s quit.
    b.s.send("q");
    assert!(b.s.wait_exit());
    let raw = b.s.wait_raw("\x1b[?1049l");
    let has = |needle: &str| raw.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(has("\x1b[?2004h"), "bracketed paste switched on");
    assert!(has("\x1b[?2004l"), "and off again on the way out");
}

#[test]
fn pasted_lines_in_the_filter_are_filter_text() {
    let mut b = open();
    b.s.send("/");
    b.s.wait_for("筛选");
    pause();
    b.s.send(&bracketed("ZP-0\nq"));
    b.s.wait_for("ZP-0 q");
    pause();
    b.s.send("o\ry\rq");
    b.s.wait_for("ZP-0 qo y q");
    pause();
    // Esc leaves the filter; the app runs on, and the board is as it was.
    b.s.send("\x1b");
    b.s.wait_until(|scr| !scr.contains("ZP-0 q"), "the filter to clear");
    b.s.wait_for("ZP-01");
    assert_eq!(read(&b.file), read(Path::new("boards/01-fraud.ron")));
    pause();
    b.s.send("q");
    assert!(b.s.wait_exit());
}
