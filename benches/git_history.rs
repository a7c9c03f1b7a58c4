//! What reading git costs the board, in process, over a repository whose board file has
//! [`COMMITS`] commits (each moving one measure's progress, by one of three authors) among as
//! many commits of another file. Prints:
//!
//! - **walk**: finding the file's commits from `HEAD` (bounded at the pane's few hundred);
//! - **first answer**: the detail pane's git lines for a measure with an empty cache (walk,
//!   read and parse the versions, compare them);
//! - **next measure**: the same for another measure of the same file, the cache warm (what a
//!   move of the selection costs);
//! - **at HEAD~10**: the boards folder read at a revision (`--since HEAD~10`);
//! - **commit**: `--git-commit`'s commit of one saved file, the index updated.
//!
//! `cargo bench --bench git_history` (some seconds, most of it making the repository).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/figures.rs"]
mod figures;

use std::fs;
use std::time::{Duration, Instant};

use figures::figures;

use chrono::NaiveDateTime;
use rectify::git::Repo;
use rectify::git::commit::Committer;
use rectify::storage::git_history::{Cache, measure_changes};

const COMMITS: usize = 600;
const RUNS: usize = 15;

fn timed(mut f: impl FnMut()) -> Vec<Duration> {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    gix::init(tmp.path()).unwrap();
    let boards = tmp.path().join("boards");
    fs::create_dir(&boards).unwrap();
    let file = boards.join("01-fraud.ron");
    let other = tmp.path().join("notes.txt");
    let original = fs::read_to_string("boards/01-fraud.ron").unwrap();
    fs::write(&file, &original).unwrap();
    let repo = Repo::discover(&boards).unwrap();
    let start = NaiveDateTime::parse_from_str("2023-01-01 08:00", "%Y-%m-%d %H:%M").unwrap();
    let made = Instant::now();
    for i in 0..COMMITS {
        let at = start + chrono::TimeDelta::minutes(i as i64 * 10);
        let who = ["张三", "李四", "王五"][i % 3];
        let progress = format!("progress: {},", i % 100);
        // ZP-03 holds `progress: 50,`; each commit gives it another value.
        let text = original.replacen("progress: 50,", &progress, 1);
        let text = text.replacen("\"ZP-03\"", &format!("\"ZP-03\" /* {i} */"), 1);
        fs::write(&file, text).unwrap();
        repo.commit_file(&file, &Committer { name: who, at }, "step")
            .unwrap();
        fs::write(&other, format!("{i}\n")).unwrap();
        repo.commit_file(&other, &Committer { name: who, at }, "notes")
            .unwrap();
    }
    println!(
        "repository: {} commits ({COMMITS} of the board) made in {:.1} s",
        COMMITS * 2,
        made.elapsed().as_secs_f64()
    );
    let rel = repo.relative(&file).unwrap();
    let walk = timed(|| {
        let n = repo.file_commits(&rel).unwrap().len();
        assert_eq!(n, rectify::git::log::MAX_FILE_COMMITS);
    });
    println!("walk           {}", figures(walk));
    let first = timed(|| {
        let lines = measure_changes(&repo, &file, "ZP-03", 5, &mut Cache::default()).unwrap();
        assert_eq!(lines.len(), 5);
    });
    println!("first answer   {}", figures(first));
    // ZP-01 never changes: the worst case, every version of the bounded history compared.
    let mut cache = Cache::default();
    measure_changes(&repo, &file, "ZP-03", 5, &mut cache).unwrap();
    let whole = timed(|| {
        measure_changes(&repo, &file, "ZP-01", 5, &mut Cache::default()).unwrap();
    });
    println!("unchanged, cold {}", figures(whole));
    let next = timed(|| {
        measure_changes(&repo, &file, "ZP-01", 5, &mut cache).unwrap();
    });
    println!("next measure   {}", figures(next));
    let at_rev = timed(|| {
        let f = repo.folder_at("HEAD~10", &boards).unwrap();
        assert_eq!(f.files.len(), 1);
    });
    println!("at HEAD~10     {}", figures(at_rev));
    let mut i = 0;
    let commit = timed(|| {
        i += 1;
        fs::write(&other, format!("again {i}\n")).unwrap();
        let at = start + chrono::TimeDelta::days(30);
        repo.commit_file(&other, &Committer { name: "赵六", at }, "bench")
            .unwrap();
    });
    println!("commit         {}", figures(commit));
}
