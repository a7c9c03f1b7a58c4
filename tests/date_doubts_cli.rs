//! The shell and `rectify check` agree: `set --due`, `add` and `set --milestone` refuse a date
//! the checker would warn about (exit 1, the file untouched, the warning and how to write it
//! anyway), and write it with `--force`, after which `check` warns about exactly that.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::rectify;

fn board() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("01-fraud.ron");
    fs::copy("boards/01-fraud.ron", &file).unwrap();
    (dir, file)
}

fn run(cmd: &str, file: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec![cmd, file.to_str().unwrap(), "--user", "张三"];
    all.extend_from_slice(args);
    rectify(&all)
}

/// Refused without `--force`, leaving the file as it was, with `said` on stderr; written with it.
fn refused_then_forced(cmd: &str, args: &[&str], said: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let (code, out, err) = run(cmd, &file, args);
    assert_eq!(code, 1, "{cmd} {args:?}: {out}{err}");
    assert!(err.contains(said), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), before, "untouched");
    let (code, _, err) = run(cmd, &file, &[args, &["--force"]].concat());
    assert_eq!(code, 0, "{cmd} {args:?} --force: {err}");
    assert_ne!(fs::read_to_string(&file).unwrap(), before, "written");
    (dir, file)
}

/// What `rectify check` says of `file`.
fn check(file: &Path) -> String {
    let (_, out, err) = rectify(&["check", file.to_str().unwrap()]);
    format!("{out}{err}")
}

#[test]
fn set_refuses_an_earlier_deadline_without_force_and_check_warns_of_it_after() {
    // ZP-03 is due 2023-10-31.
    let (_d, file) = refused_then_forced(
        "set",
        &["ZP-03", "--due", "2023-09-30"],
        "新期限 2023-09-30 早于原期限 2023-10-31；确需写入请加 --force",
    );
    let said = check(&file);
    assert!(
        said.contains("调整后的期限 2023-09-30 早于被调整的期限 2023-10-31"),
        "{said}"
    );
}

#[test]
fn add_refuses_a_measure_due_after_the_program_in_the_readers_language() {
    let (_d, file) = refused_then_forced(
        "add",
        &[
            "--title",
            "清理涉诈账户",
            "--owner",
            "刑侦局",
            "--due",
            "2024-03-31",
            "--lang",
            "en",
        ],
        "2024-03-31 is after the program's own deadline (2023-12-31); add --force to write it anyway",
    );
    let said = check(&file);
    assert!(said.contains("晚于专项方案自身的期限 2023-12-31"), "{said}");
}

#[test]
fn add_refuses_a_milestone_before_the_program_starts() {
    let (_d, file) = refused_then_forced(
        "add",
        &["--milestone", "动员部署", "--due", "2023-03-20"],
        "日期 2023-03-20 早于专项方案开始日期 2023-04-01；确需写入请加 --force",
    );
    let said = check(&file);
    assert!(
        said.contains("时间节点“动员部署”的日期 2023-03-20 早于专项方案开始日期 2023-04-01"),
        "{said}"
    );
}

#[test]
fn set_refuses_moving_a_milestone_past_the_program() {
    let (_d, file) = refused_then_forced(
        "set",
        &["--milestone", "3", "--due", "2024-01-15"],
        "日期 2024-01-15 晚于专项方案自身的期限 2023-12-31；确需写入请加 --force",
    );
    let said = check(&file);
    assert!(
        said.contains("的日期 2024-01-15 晚于专项方案自身的期限"),
        "{said}"
    );
}

#[test]
fn a_date_inside_the_program_needs_no_force() {
    let (_d, file) = board();
    let (code, _, err) = run("set", &file, &["ZP-03", "--due", "2023-11-30"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run("set", &file, &["--milestone", "3", "--due", "2023-09-15"]);
    assert_eq!(code, 0, "{err}");
    assert!(check(&file).contains("警告 0 个"), "{}", check(&file));
}
