//! The office ledger in and out at scale: 40 programs of 50 measures (2000 rows), written as an
//! xlsx workbook, then read back by `rectify import` (a dry run: the plan, every board's text
//! built and read back, nothing written), and the same ledger as a GBK CSV. Prints the median
//! and minimum of each, in ms.
//!
//! `cargo bench --bench ledger_io`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use rectify::domain::{Date, Measure, Milestone, Program, Status};
use rectify::i18n::Lang;
use rectify::import::{ImportOptions, run};
use rectify::report::{csv, xlsx};

const PROGRAMS: usize = 40;
const MEASURES: usize = 50;
const RUNS: usize = 7;

fn program(p: usize) -> Program {
    let day = |m: u32, d: u32| Date::from_ymd(2023, m, d).unwrap();
    let measures = (0..MEASURES)
        .map(|i| Measure {
            id: format!("P{p:02}-{i:02}"),
            title: format!("第{p}项方案的第{i}条整改措施：清理整治相关突出问题并建立长效机制"),
            owner: format!("第{}责任单位", i % 7),
            due: day(1 + (i % 12) as u32, 1 + (i % 28) as u32),
            revised: if i % 9 == 0 {
                vec![day(12, 31)]
            } else {
                vec![]
            },
            status: match i % 5 {
                0 => Status::NotStarted,
                1 => Status::InProgress,
                2 => Status::Blocked("待有关部门会签".into()),
                3 => Status::Done,
                _ => Status::SignedOff,
            },
            progress: (i % 5 * 25) as i64,
            notes: if i % 3 == 0 {
                "按月报送进展".into()
            } else {
                String::new()
            },
            signed_off: (i % 5 == 4).then(|| day(12, 1)),
            signed_by: (i % 5 == 4).then(|| "督导组".to_owned()),
        })
        .collect();
    Program {
        id: format!("program-{p:02}"),
        title: format!("第{p}项专项整治方案"),
        lead: "第0责任单位".into(),
        start: day(1, 1),
        due: day(12, 31),
        goal: String::new(),
        measures,
        milestones: vec![Milestone {
            title: "中期评估".into(),
            due: day(6, 30),
            done: None,
        }],
    }
}

fn time(mut f: impl FnMut()) -> String {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    format!(
        "median {:>8.1} ms  min {:>8.1} ms  (n={RUNS})",
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    )
}

fn import(ledger: &Path, dir: &Path) {
    let done = run(&ImportOptions {
        ledger: ledger.to_owned(),
        dir: dir.to_owned(),
        sheet: None,
        map: Vec::new(),
        dry_run: true,
        force: false,
        encoding: None,
        lang: Lang::Zh,
        year: 2023,
    });
    assert_eq!(done.code, 0, "{:?}", done.err);
}

fn main() {
    let programs: Vec<Program> = (0..PROGRAMS).map(program).collect();
    let today = Date::from_ymd(2023, 7, 15).unwrap();
    let rows = PROGRAMS * MEASURES;
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("ledger.xlsx");
    let sheet = tmp.path().join("ledger.csv");
    let out = tmp.path().join("boards");
    std::fs::create_dir(&out).unwrap();

    let mut bytes = Vec::new();
    let write = time(|| {
        bytes = xlsx::render(&programs, today, Lang::Zh, &xlsx::XlsxOptions::default()).unwrap();
    });
    std::fs::write(&book, &bytes).unwrap();
    println!(
        "report --format xlsx, {rows} rows ({} KB):  {write}",
        bytes.len() / 1024
    );

    println!(
        "import xlsx, {rows} rows (dry run):       {}",
        time(|| import(&book, &out))
    );

    let text = csv::render(&programs, today, false, Lang::Zh).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(std::str::from_utf8(&text).unwrap());
    std::fs::write(&sheet, &gbk).unwrap();
    println!(
        "import GBK csv, {rows} rows (dry run):    {}",
        time(|| import(&sheet, &out))
    );
}
