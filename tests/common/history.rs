#![allow(dead_code)]
//! History files as a busy team's year of edits leaves them: for the tests and the benchmark
//! that hold the board to its bounds over a large one.

use std::io::Write;
use std::path::Path;

use rectify::storage::save::HISTORY_FILE;

/// One history line as a save writes it, the `n`th second after the start of July 2023.
pub fn line(n: u64, user: &str, program: &str, measure: &str, change: &str) -> String {
    let at = chrono::NaiveDate::from_ymd_opt(2023, 7, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        + chrono::TimeDelta::seconds(n as i64);
    format!(
        "{}\t{user}\t{program}\t{measure}\tprogress\t{change}\n",
        at.format("%Y-%m-%dT%H:%M:%S")
    )
}

/// Writes `lines` lines into `dir`'s history file: progress changes by several users over
/// thousands of measures of program `fraud` that are not on any board, so the shipped
/// measures' own lines (`first` before them, `last` after) are the only ones a pane may show.
/// Returns the file's size in bytes.
pub fn write_big(dir: &Path, lines: u64, first: &[String], last: &[String]) -> u64 {
    let file = std::fs::File::create(dir.join(HISTORY_FILE)).unwrap();
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    for l in first {
        w.write_all(l.as_bytes()).unwrap();
    }
    let users = ["张三", "李四", "王五", "赵六"];
    for n in 0..lines {
        let m = format!("X-{:04}", n % 5000);
        let p = n % 100;
        let l = line(
            n,
            users[(n % 4) as usize],
            "fraud",
            &m,
            &format!("{p} → {}", p + 1),
        );
        w.write_all(l.as_bytes()).unwrap();
    }
    for l in last {
        w.write_all(l.as_bytes()).unwrap();
    }
    w.flush().unwrap();
    std::fs::metadata(dir.join(HISTORY_FILE)).unwrap().len()
}
