//! `rectify set` takes dates and progress as people type them, a date without a year in the
//! year of the program's start, and refuses anything else with the forms it would take.

mod common;

use common::rectify;

use std::fs;
use std::path::{Path, PathBuf};

use rectify::domain::{Date, Program};
use rectify::storage::load_file;

/// The shipped fraud board (start 2023-04-01), with its start moved to `start` when given.
fn board(dir: &Path, start: Option<&str>) -> PathBuf {
    let p = dir.join("01-fraud.ron");
    let text = fs::read_to_string("boards/01-fraud.ron").unwrap();
    let text = match start {
        Some(s) => text.replacen("start: \"2023-04-01\"", &format!("start: \"{s}\""), 1),
        None => text,
    };
    fs::write(&p, text).unwrap();
    p
}

fn program(p: &Path) -> Program {
    let load = load_file(p);
    load.program
        .unwrap_or_else(|| panic!("{:?}", load.diagnostics))
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn a_deadline_in_chinese_is_written_in_the_file_form() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path(), None);
    let path = p.to_str().unwrap();
    let (code, out, err) = rectify(&["set", path, "ZP-04", "--due", "2023年10月31日"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.trim_end(),
        format!("{path}: ZP-04 调整后期限 — → 2023年10月31日")
    );
    assert!(
        fs::read_to_string(&p)
            .unwrap()
            .contains("due: \"2023-09-30\",\n            revised: [\"2023-10-31\"],"),
        "the file keeps its one date form"
    );
}

#[test]
fn every_form_of_a_deadline_and_a_progress_lands_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path(), None);
    let path = p.to_str().unwrap();
    let mut want = Vec::new();
    for (typed, d) in [
        ("2023-11-01", "2023-11-01"),
        ("2023-11-2", "2023-11-02"),
        ("2023/11/3", "2023-11-03"),
        ("2023.11.4", "2023-11-04"),
        ("２０２３年１１月５日", "2023-11-05"),
        (" 11-6 ", "2023-11-06"),
        ("11/7", "2023-11-07"),
        ("11月8日", "2023-11-08"),
        ("１１／９", "2023-11-09"),
    ] {
        let (code, _, err) = rectify(&["set", path, "ZP-04", "--due", typed]);
        assert_eq!(code, 0, "{typed:?}: {err}");
        want.push(day(d));
    }
    assert_eq!(program(&p).measure("ZP-04").unwrap().revised, want);
    for (typed, n) in [
        ("65", 65),
        ("66%", 66),
        ("６７", 67),
        ("６８％", 68),
        (" 0 ", 0),
        ("100", 100),
    ] {
        let (code, _, err) = rectify(&["set", path, "ZP-04", "--progress", typed]);
        assert_eq!(code, 0, "{typed:?}: {err}");
        assert_eq!(
            program(&p).measure("ZP-04").unwrap().progress,
            n,
            "{typed:?}"
        );
    }
}

#[test]
fn a_date_without_a_year_is_in_the_year_the_program_starts() {
    let dir = tempfile::tempdir().unwrap();
    // A program from December 2022 to the end of 2023: a date without a year is in 2022.
    let p = board(dir.path(), Some("2022-12-01"));
    let path = p.to_str().unwrap();
    let (code, _, err) = rectify(&[
        "set",
        path,
        "ZP-04",
        "--sign-off",
        "--force",
        "--today",
        "12月20日",
        "--user",
        "张三",
    ]);
    assert_eq!(code, 0, "{err}");
    // Earlier than ZP-05's deadline, so written only with --force.
    let (code, _, err) = rectify(&["set", path, "ZP-05", "--due", "3-31", "--force"]);
    assert_eq!(code, 0, "{err}");
    let prog = program(&p);
    assert_eq!(
        prog.measure("ZP-04").unwrap().signed_off,
        Some(day("2022-12-20"))
    );
    assert_eq!(
        prog.measure("ZP-05").unwrap().revised.last(),
        Some(&day("2022-03-31"))
    );
    // 29 February without a year: only a leap program year has it.
    let (code, _, err) = rectify(&["set", path, "ZP-05", "--due", "2月29日", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(err.contains("(February 2022 has 28 days)"), "{err}");
    let leap = board(dir.path(), Some("2020-01-01"));
    let leap_path = leap.to_str().unwrap();
    let (code, _, err) = rectify(&["set", leap_path, "ZP-05", "--due", "2月29日", "--force"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        program(&leap).measure("ZP-05").unwrap().revised.last(),
        Some(&day("2020-02-29"))
    );
}

#[test]
fn a_bad_value_exits_1_listing_the_accepted_forms_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path(), None);
    let path = p.to_str().unwrap();
    let before = fs::read_to_string(&p).unwrap();
    let zh_forms = "可写 2023-07-15、2023/7/15、2023年7月15日，或 7-15、7月15日（按方案年份）";
    let en_forms =
        "write 2023-07-15, 2023/7/15, 2023年7月15日, or 7-15, 7月15日 (in the program's year)";
    let cases: [(&[&str], String, String); 6] = [
        (
            &["--due", "2023-13-01"],
            format!("--due：日期“2023-13-01”无效（没有13月）：{zh_forms}"),
            format!("--due: invalid date \"2023-13-01\" (there is no month 13): {en_forms}"),
        ),
        (
            &["--due", "下周五"],
            format!("--due：日期“下周五”无效：{zh_forms}"),
            format!("--due: invalid date \"下周五\": {en_forms}"),
        ),
        (
            &["--due", ""],
            format!("--due：请输入日期：{zh_forms}"),
            format!("--due: enter a date: {en_forms}"),
        ),
        (
            &["--sign-off", "--today", "2023-7-32"],
            format!("--today：日期“2023-7-32”无效（2023年7月只有31天）：{zh_forms}"),
            format!("--today: invalid date \"2023-7-32\" (July 2023 has 31 days): {en_forms}"),
        ),
        (
            &["--progress", "65%%"],
            "--progress：进度“65%%”无效：请写 0 到 100 的整数，如 65 或 65%".to_owned(),
            "--progress: invalid progress \"65%%\": write a whole number from 0 to 100, such as 65 or 65%".to_owned(),
        ),
        (
            &["--progress", "-1"],
            "--progress：进度“-1”超出范围：请写 0 到 100 的整数，如 65 或 65%".to_owned(),
            "--progress: progress \"-1\" is out of range: write a whole number from 0 to 100, such as 65 or 65%".to_owned(),
        ),
    ];
    for (extra, zh, en) in cases {
        for (lang, want) in [("zh", &zh), ("en", &en)] {
            let mut args = vec!["set", path, "ZP-04", "--lang", lang];
            args.extend_from_slice(extra);
            let (code, out, err) = rectify(&args);
            assert_eq!(code, 1, "{extra:?}: {out}");
            assert_eq!(err.trim_end(), format!("rectify set: {want}"), "{extra:?}");
        }
    }
    assert_eq!(fs::read_to_string(&p).unwrap(), before);
}
