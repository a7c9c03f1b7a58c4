//! `rectify set` and the sign-off as a closing act, through the binary: a signed-off measure
//! is locked, reopening needs a reason and says why in the history, a sign-off needs a name
//! and `--force` for unfinished work, and contradictory options are usage errors (exit 2).

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

fn set(file: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["set", file.to_str().unwrap()];
    all.extend_from_slice(args);
    rectify(&all)
}

#[test]
fn a_signed_off_measure_refuses_changes_until_reopened() {
    let (_d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    for args in [
        &["ZP-02", "--progress", "90"][..],
        &["ZP-02", "--note", "补充"],
        &["ZP-02", "--due", "2023-12-31"],
        &["ZP-02", "--status", "done"],
    ] {
        let (code, _, err) = set(&file, &[args, &["--user", "张三"]].concat());
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(
            err.contains("ZP-02 已销号；如需修改，请先用 --reopen --reason \"原因\" 撤销销号"),
            "{err}"
        );
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), before, "untouched");
}

#[test]
fn signing_off_again_changes_nothing_and_says_so() {
    let (_d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let (code, out, _) = set(&file, &["ZP-02", "--sign-off", "--user", "李四"]);
    assert_eq!(code, 0);
    assert!(out.contains("ZP-02 已经销号，未作改动"), "{out}");
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn reopening_takes_a_reason_drops_the_sign_off_and_records_why() {
    let (d, file) = board();
    let (code, out, err) = set(
        &file,
        &[
            "ZP-02",
            "--reopen",
            "--reason",
            "复核发现台账不全",
            "--user",
            "李四",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("状态 已销号（2023年7月5日，部主题教育办） → 推进中"),
        "{out}"
    );
    let text = fs::read_to_string(&file).unwrap();
    let zp02 = &text[text.find("\"ZP-02\"").unwrap()..text.find("\"ZP-03\"").unwrap()];
    assert!(zp02.contains("status: InProgress,"), "{zp02}");
    assert!(
        !zp02.contains("signed_off") && !zp02.contains("signed_by"),
        "{zp02}"
    );
    let history = fs::read_to_string(d.path().join("rectify-history.tsv")).unwrap();
    assert!(
        history.contains("\t李四\tfraud\tZP-02\tsigned_by\t\"部主题教育办\" → —\n"),
        "{history}"
    );
    assert!(
        history.contains("\t李四\tfraud\tZP-02\treason\t复核发现台账不全\n"),
        "{history}"
    );
    // Now it can change again.
    let (code, _, err) = set(&file, &["ZP-02", "--progress", "90", "--user", "李四"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn reopening_what_is_not_signed_off_is_refused() {
    let (_d, file) = board();
    let (code, _, err) = set(
        &file,
        &["ZP-03", "--reopen", "--reason", "x", "--user", "李四"],
    );
    assert_eq!(code, 1);
    assert!(err.contains("ZP-03 尚未销号，无需撤销"), "{err}");
}

#[test]
fn a_sign_off_needs_a_name_and_never_records_unknown() {
    let (_d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let out = common::rectify_in("zh_CN.UTF-8")
        .args(["set", file.to_str().unwrap(), "ZP-11", "--sign-off"])
        .env_remove("RECTIFY_USER")
        .env_remove("USER")
        .env_remove("USERNAME")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("不知道销号人是谁：请用 --user 写明姓名"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn signing_off_unfinished_work_needs_force() {
    let (_d, file) = board();
    let (code, _, err) = set(&file, &["ZP-03", "--sign-off", "--user", "张三"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("ZP-03 进度为 50%，未到 100%；确要销号请加 --force"),
        "{err}"
    );
    let (code, _, err) = set(
        &file,
        &[
            "ZP-03",
            "--sign-off",
            "--force",
            "--user",
            "张三",
            "--today",
            "2023-07-15",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("signed_by: \"张三\"")
    );
    // With the progress set to 100 in the same command, nothing is doubtful.
    let (code, _, err) = set(
        &file,
        &["ZP-04", "--progress", "100", "--sign-off", "--user", "张三"],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn contradictory_options_are_usage_errors() {
    let (_d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    for args in [
        &["ZP-03", "--status", "in-progress", "--sign-off"][..],
        &["ZP-02", "--reopen", "--reason", "x", "--sign-off"],
        &["ZP-02", "--reopen"],
        &[
            "ZP-02",
            "--reopen",
            "--reason",
            "x",
            "--status",
            "signed-off",
        ],
    ] {
        let (code, _, err) = set(&file, &[args, &["--user", "张三"]].concat());
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn english_messages_for_the_closing_act() {
    let (_d, file) = board();
    let (code, _, err) = set(
        &file,
        &["ZP-02", "--progress", "90", "--lang", "en", "--user", "a"],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("ZP-02 is signed off; reopen it first with --reopen --reason \"why\""),
        "{err}"
    );
}
