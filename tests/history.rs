//! The history file read from its end: over a year of edits the board starts as it does over
//! none, holds only the newest lines, and the detail pane still finds a measure's saves or
//! says that older ones were not read.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::history::{line, write_big};
use common::live::{Live, key};
use rectify::storage::history::{
    HistoryEntry, MEASURE_SCAN_BYTES, TAIL_BYTES, read_history, read_measure_history,
};
use rectify::storage::save::HISTORY_FILE;

const LINES: u64 = 1_000_000;

/// ZP-03's saves at the very end of the big file, oldest first; the fourth changed two fields.
fn recent() -> Vec<String> {
    let mut v = Vec::new();
    for (i, user) in ["甲", "乙", "丙", "丁", "戊", "己", "庚"]
        .iter()
        .enumerate()
    {
        let n = 2 * LINES + i as u64 * 60;
        v.push(line(
            n,
            user,
            "fraud",
            "ZP-03",
            &format!("{} → {}", i * 10, i * 10 + 10),
        ));
        if i == 3 {
            let note = line(n, user, "fraud", "ZP-03", "\"旧\" → \"新\"");
            v.push(note.replace("progress", "notes"));
        }
    }
    v
}

/// Folders with the fraud board: one with a million-line history (ZP-01 edited only at its
/// start, ZP-03 at its end), one with none. Made once under the build's temp folder and kept
/// there for the next run: 60 MB is too much to write on every run or to leave in /tmp.
fn folders() -> &'static (PathBuf, PathBuf, u64) {
    static F: OnceLock<(PathBuf, PathBuf, u64)> = OnceLock::new();
    F.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let root = tmp.join(format!("history-{LINES}-lines"));
        if !root.exists() {
            let new = tempfile::tempdir_in(tmp).unwrap();
            for d in ["big", "none"] {
                fs::create_dir(new.path().join(d)).unwrap();
                fs::copy(
                    "boards/01-fraud.ron",
                    new.path().join(d).join("01-fraud.ron"),
                )
                .unwrap();
            }
            let old = vec![line(0, "甲", "fraud", "ZP-01", "0 → 10")];
            write_big(&new.path().join("big"), LINES, &old, &recent());
            // Whole or not at all, should another run be making it too.
            let made = new.keep();
            if fs::rename(&made, &root).is_err() {
                fs::remove_dir_all(&made).unwrap();
            }
        }
        let (big, none) = (root.join("big"), root.join("none"));
        let size = fs::metadata(big.join(HISTORY_FILE)).unwrap().len();
        (big, none, size)
    })
}

fn entry(l: &str) -> HistoryEntry {
    let f: Vec<&str> = l.trim_end_matches('\n').splitn(6, '\t').collect();
    HistoryEntry {
        at: f[0].into(),
        user: f[1].into(),
        program: f[2].into(),
        measure: f[3].into(),
        field: f[4].into(),
        change: f[5].into(),
    }
}

fn bytes(e: &HistoryEntry) -> usize {
    [&e.at, &e.user, &e.program, &e.measure, &e.field, &e.change]
        .iter()
        .map(|s| s.len() + 1)
        .sum()
}

#[test]
fn the_board_keeps_the_newest_few_hundred_lines_of_a_million() {
    let (big, _, size) = folders();
    assert!(*size > 50_000_000, "{size}");
    let tail = read_history(big);
    let want: Vec<HistoryEntry> = recent().iter().map(|l| entry(l)).collect();
    assert_eq!(
        tail[tail.len() - want.len()..],
        want[..],
        "newest kept, in order"
    );
    assert!(tail.len() > 500, "{} lines", tail.len());
    let held: usize = tail.iter().map(bytes).sum();
    assert!(held as u64 <= TAIL_BYTES, "{held} bytes held");
    // Whole lines only, the first too: every one reads back as a change.
    assert!(tail.iter().all(|e| e.parsed().is_some()), "{:?}", tail[0]);
}

#[test]
fn the_detail_pane_gets_a_measures_last_saves_from_the_end_of_a_million_lines() {
    let (big, _, _) = folders();
    let h = read_measure_history(big, "fraud", "ZP-03", 5);
    let all = recent();
    // Seven saves, one of two lines: the last five are the last six lines.
    let want: Vec<HistoryEntry> = all[all.len() - 6..].iter().map(|l| entry(l)).collect();
    assert_eq!(h.entries, want);
    assert!(!h.older_unread);
    let shown = rectify::describe::history(h.entries.iter(), rectify::i18n::Lang::Zh);
    assert_eq!(shown.len(), 5);
    assert_eq!(shown[0].1, "庚");
}

#[test]
fn a_measure_edited_only_long_ago_says_older_lines_were_not_read() {
    let (big, _, _) = folders();
    let h = read_measure_history(big, "fraud", "ZP-01", 5);
    assert!(h.entries.is_empty());
    assert!(h.older_unread);
    // A measure never edited, in a file read to its start: nothing, and nothing left out.
    let (_, none, _) = folders();
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(HISTORY_FILE),
        line(0, "甲", "fraud", "ZP-01", "0 → 1"),
    )
    .unwrap();
    for d in [none.as_path(), dir.path()] {
        let h = read_measure_history(d, "fraud", "ZP-02", 5);
        assert!(h.entries.is_empty() && !h.older_unread, "{}", d.display());
    }
}

/// Lines of every length, a note longer than a read and Windows line ends among them: read
/// backwards they are the same lines as read from the start.
#[test]
fn reading_backwards_gives_the_lines_a_forward_read_gives() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for n in 0..2500u64 {
        let m = ["ZP-01", "ZP-02", "ZP-03"][(n % 3) as usize];
        let change = match (n % 997, n % 19) {
            (0, _) => format!("\"{}\" → \"短\"", "长".repeat(30_000 + n as usize)),
            (_, 1) => "1 → 2".to_owned(),
            (_, k) => format!("\"{}\" → \"x\"", "备注".repeat(k as usize)),
        };
        let l = line(n / 2, ["甲", "乙"][(n % 2) as usize], "fraud", m, &change);
        text.push_str(&if n % 5 == 0 {
            l.replace('\n', "\r\n")
        } else {
            l
        });
    }
    assert!((text.len() as u64) < MEASURE_SCAN_BYTES);
    fs::write(dir.path().join(HISTORY_FILE), &text).unwrap();
    let forward: Vec<HistoryEntry> = text.lines().map(entry).collect();

    let tail = read_history(dir.path());
    assert!(!tail.is_empty());
    assert_eq!(tail[..], forward[forward.len() - tail.len()..]);

    for m in ["ZP-01", "ZP-02"] {
        let h = read_measure_history(dir.path(), "fraud", m, 5);
        let mine: Vec<HistoryEntry> = forward.iter().filter(|e| e.measure == m).cloned().collect();
        assert_eq!(h.entries[..], mine[mine.len() - 5..], "{m}");
        let all = read_measure_history(dir.path(), "fraud", m, usize::MAX);
        assert_eq!(all.entries, mine, "{m}");
        assert!(!all.older_unread);
    }
}

#[test]
fn the_pane_says_when_older_lines_of_its_measure_were_not_read() {
    use crossterm::event::KeyCode::*;
    let mut live = Live::start(None);
    // ZP-01's one edit, then more than the pane may read of other measures' edits.
    let old = vec![line(0, "甲", "fraud", "ZP-01", "0 → 10")];
    let more = vec![line(9_000_000, "乙", "fraud", "ZP-02", "0 → 5")];
    let lines = MEASURE_SCAN_BYTES / 40;
    write_big(live.dir_path(), lines, &old, &more);
    live.until("the history file read", |app| {
        app.history.last().is_some_and(|e| e.measure == "ZP-02")
    });
    key(&mut live, Enter);
    let screen = common::screen(live.app(), &common::dark());
    assert!(screen.contains("更早的记录未读取"), "{screen}");
    // ZP-02's one recent edit shows, and that there may be older ones.
    key(&mut live, Down);
    let screen = common::screen(live.app(), &common::dark());
    let edit = screen.find("乙 进度 0% → 5%").expect(&screen);
    assert!(screen[edit..].contains("更早的记录未读取"), "{screen}");
}

/// Peak memory (VmHWM) of the real binary once it shows its first frame, and again once the
/// program screen shows ZP-03's details (with `expect` in them), over `dir`.
#[cfg(target_os = "linux")]
fn peak_kb(dir: &Path, expect: &str) -> (u64, u64) {
    let mut s = common::pty::Session::start(
        &[dir.to_str().unwrap(), "--today", "2023-07-15"],
        (120, 40),
        &[],
    );
    s.wait_for("打击治理电信网络诈骗犯罪");
    s.wait_for("数据截至");
    let first = s.status_kb("VmHWM:");
    s.send("\r");
    s.wait_for("ZP-01");
    s.send("jj");
    s.wait_for("┌ ZP-03");
    s.wait_for(expect);
    let detail = s.status_kb("VmHWM:");
    s.send("q");
    assert!(s.wait_exit());
    (first, detail)
}

/// Memory is measured, time is not: the bound on the first frame's time is the benchmark's
/// (`cargo bench --bench history`). What this holds is that a million lines of history cost
/// the running board no more than a few MB at its peak, where reading them all would cost
/// hundreds.
#[test]
#[cfg(target_os = "linux")]
fn a_million_line_history_costs_the_running_board_only_a_few_mb() {
    let (big, none, _) = folders();
    // Each screen against the same screen without history: the program screen and its
    // detail pane run code the first frame does not, and its pages count in the peak too.
    let (none_first, none_detail) = peak_kb(none, "责任单位");
    let (big_first, big_detail) = peak_kb(big, "庚");
    let budget = 4 * 1024;
    assert!(
        big_first <= none_first + budget && big_detail <= none_detail + budget,
        "peak kB: no history {none_first} at the first frame, {none_detail} with ZP-03's \
         details; a million lines {big_first} and {big_detail}"
    );
}
