//! Time from a completed write of a board file to the updated frame on screen, through the real
//! binary in a pseudo-terminal, in native and poll mode. Prints median and p95.
//!
//! `cargo bench --bench reload_latency`

#[path = "../tests/common/pty.rs"]
mod pty;

use std::time::{Duration, Instant};

const WRITES: usize = 60;
const TITLE: &str = "打击治理电信网络诈骗犯罪";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// `spread`: writes start at evenly spread phases of this period, as real edits arrive at any
/// moment of a poll interval rather than just after a poll.
fn measure(label: &str, extra: &[&str], spread: Duration) {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir("boards").unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let board = dir.path().join("01-fraud.ron");
    let original = std::fs::read_to_string(&board).unwrap();
    let mut args = vec![dir.path().to_str().unwrap(), "--today", "2023-07-15"];
    args.extend_from_slice(extra);
    let mut s = pty::Session::start(&args, (160, 45), &[]);
    s.wait_for(TITLE);
    let mut times = Vec::with_capacity(WRITES);
    for n in 0..WRITES {
        let marker = format!("反诈专项第{n:03}版");
        let text = original.replacen(TITLE, &marker, 1);
        // A complete, atomic save: the moment it is done is when the clock starts.
        let tmp = dir.path().join(".01-fraud.ron.tmp");
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, &board).unwrap();
        let start = Instant::now();
        loop {
            if s.screen().contains(&marker) {
                times.push(start.elapsed());
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{label}: no update"
            );
            std::thread::sleep(Duration::from_micros(500));
        }
        // Golden-ratio steps spread the phases evenly without a pattern.
        let phase = (n as f64 * 0.618_034).fract();
        std::thread::sleep(Duration::from_millis(30) + spread.mul_f64(phase));
    }
    s.send("q");
    s.wait_exit();
    times.sort();
    println!(
        "{label:<24} writes {WRITES}  median {:>6.1} ms  p95 {:>6.1} ms  min {:>6.1} ms  max {:>6.1} ms",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
    );
}

fn main() {
    // `cargo test` runs benches in test mode with `--bench` absent; keep that instant.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    println!("write → updated frame, 9 boards, 160×45 pseudo-terminal");
    measure("native (inotify)", &[], Duration::from_millis(50));
    measure("poll every 1 s", &["--poll"], Duration::from_secs(1));
    measure(
        "poll every 250 ms",
        &["--poll=250ms"],
        Duration::from_millis(250),
    );
}
