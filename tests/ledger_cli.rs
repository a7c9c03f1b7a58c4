//! `rectify add`, `remove`, `new` and `set --milestone` through the binary: each change lands
//! in the file and nowhere else, passes `rectify check`, refusals leave the file untouched with
//! exit 1 and a message in the reader's words, and a contradictory command line exits 2.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{date, rectify};
use rectify::domain::{Program, Status};
use rectify::storage;

fn board() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("01-fraud.ron");
    fs::copy("boards/01-fraud.ron", &file).unwrap();
    (dir, file)
}

fn run(cmd: &str, file: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec![cmd, file.to_str().unwrap()];
    all.extend_from_slice(args);
    rectify(&all)
}

fn loaded(file: &Path) -> Program {
    let load = storage::load_file(file);
    load.program
        .unwrap_or_else(|| panic!("{:?}", load.diagnostics))
}

/// `rectify check` finds nothing wrong with `file`.
fn checks(file: &Path) {
    let (code, out, err) = rectify(&["check", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("错误 0 个，警告 0 个"), "{out}");
}

/// Every run of bytes that, put into `before` at one place, makes `after`: empty when `after`
/// differs from `before` anywhere else. (A run next to text like its own can stand at several
/// places.)
fn insertions(before: &str, after: &str) -> Vec<String> {
    let Some(extra) = after.len().checked_sub(before.len()) else {
        return Vec::new();
    };
    let (b, a) = (before.as_bytes(), after.as_bytes());
    (0..=b.len())
        .filter(|&k| after.is_char_boundary(k) && after.is_char_boundary(k + extra))
        .filter(|&k| a[..k] == b[..k] && a[k + extra..] == b[k..])
        .map(|k| after[k..k + extra].to_owned())
        .collect()
}

/// The one run put into `before` to make `after` that holds a whole `item`, and nothing else
/// changed.
fn added_item(before: &str, after: &str, item: &str) -> String {
    let runs = insertions(before, after);
    runs.iter()
        .find(|r| r.trim_start().starts_with(item) && r.matches(item).count() == 1)
        .unwrap_or_else(|| panic!("no single {item} put in: {runs:?}"))
        .clone()
}

/// The options `base` with those in `over` (`--flag value` pairs, or a flag alone) given instead.
fn with<'a>(base: &[(&'a str, &'a str)], over: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = base
        .iter()
        .filter(|(flag, _)| !over.contains(flag))
        .flat_map(|(flag, value)| [*flag, *value])
        .collect();
    out.extend_from_slice(over);
    out
}

fn ids(p: &Program) -> Vec<&str> {
    p.measures.iter().map(|m| m.id.as_str()).collect()
}

#[test]
fn add_puts_the_measure_after_the_one_named_and_changes_nothing_else() {
    let (_d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let (code, out, err) = run(
        "add",
        &file,
        &[
            "--id",
            "ZP-20",
            "--title",
            "回访受骗群众",
            "--owner",
            "反诈中心",
            "--due",
            "10月31日",
            "--status",
            "推进中",
            "--progress",
            "２０％",
            "--note",
            "先回访重点地区",
            "--after",
            "ZP-03",
            "--user",
            "张三",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("新增措施 ZP-20“回访受骗群众”（责任单位：反诈中心，期限 2023年10月31日，推进中，进度 20%）"),
        "{out}"
    );
    let p = loaded(&file);
    let pos = ids(&p).iter().position(|id| *id == "ZP-20").unwrap();
    assert_eq!(ids(&p)[pos - 1], "ZP-03");
    let m = &p.measures[pos];
    assert_eq!(m.title, "回访受骗群众");
    assert_eq!(m.owner, "反诈中心");
    assert_eq!(m.due, date("2023-10-31"));
    assert_eq!(m.status, Status::InProgress);
    assert_eq!(m.progress, 20);
    assert_eq!(m.notes, "先回访重点地区");
    let added = added_item(&before, &fs::read_to_string(&file).unwrap(), "Measure(");
    assert!(
        added.contains("\"ZP-20\"") && added.contains("回访受骗群众"),
        "{added}"
    );
    let old = loaded(Path::new("boards/01-fraud.ron"));
    let mut without = p.clone();
    without.measures.remove(pos);
    assert_eq!(without, old, "the other measures are as they were");
    checks(&file);
}

#[test]
fn add_without_an_id_takes_the_next_in_the_files_numbering_and_says_which() {
    let (_d, file) = board();
    let old = loaded(&file);
    let next = rectify::domain::next_id(&ids(&old), &old.id);
    assert!(!ids(&old).contains(&next.as_str()));
    let (code, out, err) = run(
        "add",
        &file,
        &[
            "--title",
            "清理涉诈账户",
            "--owner",
            "刑侦局",
            "--due",
            "9-30",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("（编号自动取为 {next}）")), "{out}");
    let p = loaded(&file);
    let last = p.measures.last().unwrap();
    assert_eq!(last.id, next);
    assert_eq!(
        (last.status.clone(), last.progress),
        (Status::NotStarted, 0)
    );
    assert_eq!(last.due, date("2023-09-30"));
    checks(&file);
    let (code, out, _) = run(
        "add",
        &file,
        &[
            "--title",
            "再一条",
            "--owner",
            "刑侦局",
            "--due",
            "9-30",
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 0);
    let again = rectify::domain::next_id(&ids(&p), &p.id);
    assert_ne!(again, next);
    assert!(out.contains(&format!("(id chosen: {again})")), "{out}");
}

#[test]
fn add_refuses_a_duplicate_id_bad_values_and_empty_fields_leaving_the_file_untouched() {
    let (_d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let base = [("--title", "标题"), ("--owner", "单位"), ("--due", "9-30")];
    let cases: &[(&[&str], &str)] = &[
        (&["--id", "ZP-03"], "文件中已有编号为 ZP-03 的措施"),
        (
            &["--due", "2023-13-01"],
            "--due：日期“2023-13-01”无效（没有13月）",
        ),
        (&["--progress", "101"], "--progress：进度“101”超出范围"),
        (&["--title", "  "], "--title 不能为空"),
        (&["--owner", ""], "--owner 不能为空"),
        (&["--id", " "], "--id 不能为空"),
        (&["--status", "blocked"], "--status blocked 需要用 --reason"),
        (
            &["--reason", "待审批"],
            "--reason 只能与 --status blocked 一起使用",
        ),
        (
            &["--status", "signed-off"],
            "再用 rectify set --sign-off 销号",
        ),
        (&["--status", "doingg"], "doingg"),
        (&["--after", "ZP-99"], "中没有措施 `ZP-99`"),
    ];
    for (args, says) in cases {
        let (code, out, err) = run("add", &file, &with(&base, args));
        assert_eq!(code, 1, "{args:?}: {out}{err}");
        assert!(err.contains(says), "{args:?}: want {says:?}\n{err}");
        assert!(out.is_empty(), "{out}");
        assert_eq!(fs::read_to_string(&file).unwrap(), before, "{args:?}");
    }
    let (code, _, err) = run(
        "add",
        &file,
        &with(&base, &["--id", "ZP-03", "--lang", "en"]),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("the file already has a measure with id ZP-03"),
        "{err}"
    );
}

#[test]
fn a_blocked_measure_is_added_with_its_reason() {
    let (_d, file) = board();
    let (code, _, err) = run(
        "add",
        &file,
        &[
            "--id",
            "ZP-13",
            "--title",
            "标题",
            "--owner",
            "单位",
            "--due",
            "9-30",
            "--status",
            "blocked",
            "--reason",
            "待审批",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let p = loaded(&file);
    assert_eq!(
        p.measure("ZP-13").unwrap().status,
        Status::Blocked("待审批".into())
    );
    checks(&file);
}

#[test]
fn add_milestone_goes_in_date_order() {
    let (_d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let old = loaded(&file);
    let (code, out, err) = run(
        "add",
        &file,
        &["--milestone", "暑期攻势总结", "--due", "2023年9月15日"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("新增时间节点“暑期攻势总结”（计划日期 2023年9月15日）"),
        "{out}"
    );
    let p = loaded(&file);
    let dues: Vec<_> = p.milestones.iter().map(|m| m.due).collect();
    assert!(dues.is_sorted(), "{dues:?}");
    let at = p
        .milestones
        .iter()
        .position(|m| m.title == "暑期攻势总结")
        .unwrap();
    assert_eq!(p.milestones[at].due, date("2023-09-15"));
    assert_eq!(p.milestones[at].done, None);
    let mut without = p.clone();
    without.milestones.remove(at);
    assert_eq!(without, old);
    let added = added_item(&before, &fs::read_to_string(&file).unwrap(), "Milestone(");
    assert!(added.contains("暑期攻势总结"), "{added}");
    checks(&file);
}

#[test]
fn remove_retires_the_measure_says_which_and_keeps_its_exact_text_in_the_history() {
    let (d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let old = loaded(&file);
    let zp07 = old.measure("ZP-07").unwrap().clone();
    let (code, out, err) = run("remove", &file, &["ZP-07", "--user", "李四"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!("删除措施 ZP-07“{}”", zp07.title)),
        "{out}"
    );
    let after = fs::read_to_string(&file).unwrap();
    let p = loaded(&file);
    assert_eq!(p.measure("ZP-07"), None);
    let mut expected = old.clone();
    expected.measures.retain(|m| m.id != "ZP-07");
    assert_eq!(p, expected);
    let history = rectify::storage::save::read_history(d.path());
    let line = history.iter().find(|h| h.measure == "ZP-07").unwrap();
    assert_eq!(line.user, "李四");
    assert_eq!(line.field, "removed");
    let kept: String = ron::from_str(&line.change).unwrap();
    assert!(
        insertions(&after, &before).contains(&kept),
        "the history holds the removed bytes exactly: {kept:?}"
    );
    assert!(kept.contains("\"ZP-07\"") && kept.matches("Measure(").count() == 1);
    checks(&file);
    let (code, _, err) = run("remove", &file, &["ZP-07"]);
    assert_eq!(code, 1);
    assert!(err.contains("中没有措施 `ZP-07`"), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), after);
}

#[test]
fn a_milestone_is_reached_unreached_and_moved_by_number_or_title() {
    let (_d, file) = board();
    let (code, out, err) = run("set", &file, &["--milestone", "3", "--done", "8-20"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("时间节点 3“专项行动中期评估”：达成日期 — → 2023年8月20日"),
        "{out}"
    );
    assert_eq!(loaded(&file).milestones[2].done, Some(date("2023-08-20")));
    checks(&file);

    let before = fs::read_to_string(&file).unwrap();
    let (code, out, _) = run("set", &file, &["--milestone", "3", "--done", "2023-08-20"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("时间节点 3“专项行动中期评估”已是所要求的值，未写入"),
        "{out}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), before);

    let (code, _, err) = run(
        "set",
        &file,
        &["--milestone", "专项行动中期评估", "--not-done"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(loaded(&file).milestones[2].done, None);

    let old = loaded(&file);
    let (code, out, err) = run(
        "set",
        &file,
        &[
            "--milestone",
            "“断卡”“断流”行动阶段收网",
            "--due",
            "10-15",
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("planned 30 Sep 2023 → 15 Oct 2023"), "{out}");
    let p = loaded(&file);
    assert_eq!(p.milestones[3].due, date("2023-10-15"));
    let mut back = p.clone();
    back.milestones[3].due = old.milestones[3].due;
    assert_eq!(back, old, "nothing else moved");
    checks(&file);
}

#[test]
fn a_milestone_change_refuses_unknown_milestones_and_bad_dates() {
    let (_d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--milestone", "9", "--done", "7-1"],
            "文件中没有第 9 个时间节点",
        ),
        (
            &["--milestone", "0", "--done", "7-1"],
            "文件中没有第 0 个时间节点",
        ),
        (
            &["--milestone", "不存在", "--done", "7-1"],
            "没有名为“不存在”的时间节点",
        ),
        (
            &["--milestone", "3", "--done", "2月30日"],
            "--done：日期“2月30日”无效（2023年2月只有28天）",
        ),
        (&["--milestone", "3"], "请给出 --done、--not-done 或 --due"),
    ];
    for (args, says) in cases {
        let (code, _, err) = run("set", &file, args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: want {says:?}\n{err}");
        assert_eq!(fs::read_to_string(&file).unwrap(), before);
    }
}

#[test]
fn contradictory_command_lines_are_usage_errors() {
    let (_d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let cases: &[(&str, &[&str])] = &[
        ("set", &[]),
        ("set", &["ZP-03", "--milestone", "3", "--done", "7-1"]),
        ("set", &["--milestone", "3", "--done", "7-1", "--not-done"]),
        ("set", &["ZP-03", "--done", "7-1"]),
        ("set", &["--milestone", "3", "--progress", "50"]),
        ("add", &["--title", "t", "--owner", "o"]),
        ("add", &["--due", "9-30", "--owner", "o"]),
        (
            "add",
            &["--milestone", "m", "--due", "9-30", "--owner", "o"],
        ),
        ("remove", &[]),
        ("new", &["--title", "t"]),
    ];
    for (cmd, args) in cases {
        let (code, out, err) = run(cmd, &file, args);
        assert_eq!(code, 2, "{cmd} {args:?}: {out}{err}");
        assert!(err.starts_with("rectify"), "{err}");
        assert_eq!(fs::read_to_string(&file).unwrap(), before);
    }
}

fn new_board(file: &Path, extra: &[&str]) -> (i32, String, String) {
    let args = [
        ("--id", "campus"),
        ("--title", "校园安全专项整治"),
        ("--lead", "治安局"),
        ("--start", "2023-08-01"),
        ("--due", "2023年12月31日"),
    ];
    run("new", file, &with(&args, extra))
}

#[test]
fn new_writes_a_board_that_checks_and_grows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("10-campus.ron");
    let (code, out, err) = new_board(&file, &["--goal", "消除校园周边安全隐患"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "新建方案 campus“校园安全专项整治”（牵头单位：治安局，2023年8月1日至2023年12月31日）"
        ),
        "{out}"
    );
    let p = loaded(&file);
    assert_eq!(
        (
            p.id.as_str(),
            p.title.as_str(),
            p.lead.as_str(),
            p.goal.as_str()
        ),
        (
            "campus",
            "校园安全专项整治",
            "治安局",
            "消除校园周边安全隐患"
        )
    );
    assert_eq!((p.start, p.due), (date("2023-08-01"), date("2023-12-31")));
    assert!(p.measures.is_empty() && p.milestones.is_empty());
    checks(&file);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["10-campus.ron"], "no temp file left");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&file).unwrap().permissions().mode();
        assert_ne!(mode & 0o044, 0, "colleagues may read it: {mode:o}");
    }

    let (code, out, err) = run(
        "add",
        &file,
        &[
            "--title",
            "排查校园周边",
            "--owner",
            "治安局",
            "--due",
            "9-30",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("（编号自动取为 CA-01）"), "{out}");
    let (code, _, err) = run("add", &file, &["--milestone", "开学检查", "--due", "9-1"]);
    assert_eq!(code, 0, "{err}");
    let p = loaded(&file);
    assert_eq!(p.measures.len(), 1);
    assert_eq!(p.milestones.len(), 1);
    checks(&file);
}

#[test]
fn new_refuses_an_existing_file_a_start_after_the_due_date_and_empty_fields() {
    let (d, file) = board();
    let before = fs::read_to_string(&file).unwrap();
    let (code, _, err) = new_board(&file, &[]);
    assert_eq!(code, 1);
    assert!(err.contains("已存在，未作改动"), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), before);

    let fresh = d.path().join("11-new.ron");
    let cases: &[(&[&str], &str)] = &[
        (
            &["--start", "2024-01-01"],
            "开始日期 2024年1月1日 晚于完成期限 2023年12月31日",
        ),
        (&["--lead", " "], "--lead 不能为空"),
        (&["--title", ""], "--title 不能为空"),
        (&["--due", "13-01"], "--due：日期“13-01”无效（没有13月）"),
        (&["--id", "fraud"], "已使用方案编号 fraud"),
    ];
    for (args, says) in cases {
        let (code, _, err) = new_board(&fresh, args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: want {says:?}\n{err}");
        assert!(!fresh.exists(), "{args:?}: nothing written");
    }
    let (code, _, err) = new_board(&d.path().join("notes.txt"), &[]);
    assert_eq!(code, 1);
    assert!(err.contains(".ron"), "{err}");
    let (code, _, err) = new_board(&fresh, &["--start", "2024-01-01", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("the start, 1 Jan 2024, is after the due date, 31 Dec 2023"),
        "{err}"
    );
}

#[test]
fn a_due_date_without_a_year_falls_in_the_starts_year() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("12-next.ron");
    let (code, _, err) = new_board(&file, &["--start", "2024-03-01", "--due", "6月30日"]);
    assert_eq!(code, 0, "{err}");
    let p = loaded(&file);
    assert_eq!((p.start, p.due), (date("2024-03-01"), date("2024-06-30")));
    checks(&file);
}
