//! The board over a million-line history against none: the real release binary in a
//! 160×45 pseudo-terminal over the shipped boards. Prints, for each folder:
//!
//! - **first frame**: from launching the binary until the first program's title and the status
//!   line are on screen (median and minimum over several launches, the two folders taking
//!   turns);
//! - **peak RSS** (`VmHWM`) once the first frame is up, and again after the key presses below;
//! - **key → frame** on the program screen, `j`/`k` between two measures none of whose lines
//!   are near the end of the history: the detail pane's worst case, a backward search up to
//!   its cap on every move (median, p95);
//!
//! and, in process, how long reading the history's tail and one measure's lines take.
//!
//! `cargo bench --bench history` (about a minute, most of it writing the history file).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/figures.rs"]
mod figures;

#[path = "../tests/common/pty.rs"]
mod pty;

#[path = "../tests/common/history.rs"]
mod history;

use std::path::Path;
use std::time::{Duration, Instant};

use figures::{figures, ms};

use rectify::storage::history::{read_history, read_measure_history};

const LINES: u64 = 1_000_000;
const LAUNCHES: usize = 9;
const PRESSES: usize = 40;
const READS: u32 = 20;
const PATIENCE: Duration = Duration::from_secs(60);

/// How long from `start` until `ok` holds for the screen.
fn until(s: &pty::Session, start: Instant, ok: impl Fn(&str) -> bool) -> Duration {
    loop {
        let screen = s.screen();
        if ok(&screen) {
            return start.elapsed();
        }
        assert!(start.elapsed() < PATIENCE, "timed out; screen:\n{screen}");
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn launch(dir: &Path) -> pty::Session {
    pty::Session::start(
        &[dir.to_str().unwrap(), "--today", "2023-07-15"],
        (160, 45),
        &[],
    )
}

fn first_frame(s: &pty::Session, start: Instant) -> Duration {
    until(s, start, |scr| {
        scr.contains("打击治理电信网络诈骗犯罪") && scr.contains("数据截至")
    })
}

/// Peak RSS in MB after the first frame and after `PRESSES` moves on the program screen,
/// with the moves' times.
fn run(dir: &Path) -> (f64, f64, Vec<Duration>) {
    let mut s = launch(dir);
    first_frame(&s, Instant::now());
    let first = s.status_kb("VmHWM:") as f64 / 1024.0;
    s.send("\r");
    until(&s, Instant::now(), |scr| scr.contains("┌ ZP-01"));
    let mut times = Vec::with_capacity(PRESSES);
    for n in 0..PRESSES {
        let (key, want) = if n % 2 == 0 {
            ("j", "┌ ZP-02")
        } else {
            ("k", "┌ ZP-01")
        };
        let start = Instant::now();
        s.send(key);
        times.push(until(&s, start, |scr| scr.contains(want)));
        std::thread::sleep(Duration::from_millis(20));
    }
    let after = s.status_kb("VmHWM:") as f64 / 1024.0;
    s.send("q");
    assert!(s.wait_exit());
    (first, after, times)
}

fn main() {
    // `cargo test` runs benches in test mode without `--bench`; keep that instant.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let (none, big) = (root.path().join("none"), root.path().join("big"));
    for d in [&none, &big] {
        std::fs::create_dir(d).unwrap();
        for e in std::fs::read_dir("boards").unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, d.join(p.file_name().unwrap())).unwrap();
        }
    }
    let size = history::write_big(&big, LINES, &[], &[]);
    println!(
        "\nshipped boards; history: none, and {LINES} lines ({:.1} MB)",
        size as f64 / 1e6
    );

    let (mut firsts_none, mut firsts_big) = (Vec::new(), Vec::new());
    for _ in 0..LAUNCHES {
        for (dir, firsts) in [(&none, &mut firsts_none), (&big, &mut firsts_big)] {
            let start = Instant::now();
            let mut s = launch(dir);
            firsts.push(first_frame(&s, start));
            s.send("q");
            assert!(s.wait_exit());
        }
    }
    let median = |v: &[Duration]| {
        let mut v = v.to_vec();
        v.sort();
        v[v.len() / 2]
    };
    let ratio = ms(median(&firsts_big)) / ms(median(&firsts_none));
    for (name, dir, firsts) in [
        ("no history", &none, firsts_none.clone()),
        ("1M lines", &big, firsts_big.clone()),
    ] {
        let (first, after, keys) = run(dir);
        println!("{name}");
        println!("  first frame       {}", figures(firsts));
        println!("  key j/k → frame   {}", figures(keys));
        println!(
            "  peak RSS (VmHWM)  {first:.1} MB at the first frame, {after:.1} MB after the keys"
        );
    }
    println!("first frame, 1M lines / none: {ratio:.2}× (medians)");

    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..READS {
            f();
        }
        start.elapsed() / READS
    };
    let tail = time(&|| {
        std::hint::black_box(read_history(&big));
    });
    let one = time(&|| {
        std::hint::black_box(read_measure_history(&big, "fraud", "ZP-01", 5));
    });
    println!(
        "in process: the tail {:.2} ms ({} lines); one measure up to the cap {:.2} ms",
        ms(tail),
        read_history(&big).len(),
        ms(one)
    );
}
