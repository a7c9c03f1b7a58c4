//! Reports and "since last meeting": the four formats on the shipped boards at a pinned date,
//! the CSV and JSON read back by their own parsers, the HTML checked for anything fetched from
//! outside, and a snapshot followed by scripted edits through the real binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rectify::domain::{Date, Program};
use rectify::i18n::Lang::{En, Zh};
use rectify::report::json::{self, JsonReport};
use rectify::report::since::{self, Changes, Presence};
use rectify::report::snapshot::{Snapshot, SnapshotBoard};
use rectify::report::{csv as ledger, html, markdown};
use rectify::storage;

const TODAY: &str = "2023-07-15";

fn today() -> Date {
    Date::parse(TODAY).unwrap()
}

fn programs_in(dir: &Path) -> Vec<Program> {
    storage::load_dir(dir)
        .unwrap()
        .into_iter()
        .map(|l| l.program.unwrap())
        .collect()
}

fn shipped() -> Vec<Program> {
    programs_in(Path::new("boards"))
}

/// The shipped folder's problem list, checked against the shipped programs.
fn shipped_problems() -> rectify::domain::problems::ProblemList {
    let programs = shipped();
    let refs: Vec<&Program> = programs.iter().collect();
    let load = rectify::storage::problem_list::load_problems(Path::new("boards"), &refs).unwrap();
    assert!(load.diagnostics.is_empty(), "{:?}", load.diagnostics);
    load.list.unwrap()
}

fn rectify(args: &[&str]) -> Output {
    rectify_with(args, "zh_CN.UTF-8")
}

/// The binary with `LANG` set, and nothing else from the developer's locale or config.
fn rectify_with(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rectify"))
        // Hermetic: no developer config reaches the binary under test.
        .env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn copy_boards(to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir("boards").unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "ron") {
            fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
}

// ---- CSV: the ledger ---------------------------------------------------------------------

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r.records().map(Result::unwrap).collect();
    (header, rows)
}

fn column(header: &[String], key: &str) -> usize {
    header
        .iter()
        .position(|h| h.ends_with(&format!("({key})")))
        .unwrap_or_else(|| panic!("no column {key} in {header:?}"))
}

#[test]
fn csv_has_one_row_per_measure_with_every_field() {
    for (lang, words) in [("zh", CSV_ZH), ("en", CSV_EN)] {
        csv_ledger_in(lang, &words);
    }
}

/// The words a ledger's cells are read in: signed off, in progress, overdue yes and no.
const CSV_ZH: [&str; 4] = ["已销号", "推进中", "是", "否"];
const CSV_EN: [&str; 4] = ["signed off", "in progress", "yes", "no"];

fn csv_ledger_in(lang: &str, [signed_off, in_progress, yes, no]: &[&str; 4]) {
    let out = rectify(&[
        "report", "--format", "csv", "--today", TODAY, "--lang", lang,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!out.stdout.starts_with(ledger::UTF8_BOM));
    let (header, rows) = read_csv(&out.stdout);
    let expected = ledger::header(if lang == "en" { En } else { Zh });
    assert_eq!(header, expected);
    // The same key closes each column in both languages, for scripts.
    for (h, zh) in header.iter().zip(ledger::header(Zh)) {
        assert_eq!(h.rsplit(' ').next(), zh.rsplit(' ').next());
    }
    assert_eq!(rows.len(), 99, "one row per measure of the shipped boards");
    let programs: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| &r[column(&header, "program_id")])
        .collect();
    assert_eq!(programs.len(), 9);

    let find = |id: &str| {
        rows.iter()
            .find(|r| &r[column(&header, "measure_id")] == id)
            .unwrap_or_else(|| panic!("no row for {id}"))
    };
    let get = |row: &csv::StringRecord, key: &str| row[column(&header, key)].to_owned();

    let zp02 = find("ZP-02");
    assert_eq!(get(zp02, "program_id"), "fraud");
    assert_eq!(get(zp02, "program"), "打击治理电信网络诈骗犯罪");
    assert_eq!(get(zp02, "title"), "健全“四专两合力”专门机构和专业队伍");
    assert_eq!(get(zp02, "owner"), "刑事侦查局");
    assert_eq!(get(zp02, "due"), "2023-06-30");
    assert_eq!(get(zp02, "status"), *signed_off);
    assert_eq!(get(zp02, "status_code"), "SignedOff");
    assert_eq!(get(zp02, "signed_off"), "2023-07-05");
    assert_eq!(get(zp02, "signed_by"), "部主题教育办");
    assert_eq!(get(zp02, "progress"), "100");
    assert_eq!(
        get(zp02, "notes"),
        "各省级公安机关反诈中心实体化运行全面到位。"
    );
    assert_eq!(
        get(zp02, "days_left"),
        "",
        "finished work has no deadline left to count down to"
    );
    assert_eq!(get(zp02, "overdue"), *no, "finished work is never overdue");

    let zp10 = find("ZP-10");
    assert_eq!(get(zp10, "due"), "2023-06-30");
    assert_eq!(get(zp10, "revised"), "2023-08-31");
    assert_eq!(get(zp10, "effective_due"), "2023-08-31");
    assert_eq!(get(zp10, "slips"), "1");
    assert_eq!(get(zp10, "days_left"), "47");
    assert_eq!(get(zp10, "signed_off"), "");

    let zf02 = find("ZF-02");
    assert_eq!(get(zf02, "overdue"), *yes);
    assert_eq!(get(zf02, "days_left"), "-15");
    assert_eq!(get(zf02, "status"), *in_progress);
}

#[test]
fn csv_bom_is_the_utf8_mark_and_nothing_else_changes() {
    let plain = rectify(&["report", "--format", "csv", "--today", TODAY]);
    let bom = rectify(&["report", "--format", "csv", "--bom", "--today", TODAY]);
    assert!(bom.status.success());
    assert_eq!(&bom.stdout[..3], &[0xEF, 0xBB, 0xBF]);
    assert_eq!(&bom.stdout[3..], &plain.stdout[..]);
}

#[test]
fn csv_quotes_and_defuses_hostile_text() {
    let programs = programs_in(Path::new("tests/fixtures/report/hostile"));
    let bytes = ledger::render(&programs, today(), false, Zh).unwrap();
    let (header, rows) = read_csv(&bytes);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    // Commas and quotes survive the round trip; a line break does not split the row.
    assert_eq!(&row[column(&header, "notes")], "备注,带逗号\"引号\"");
    assert_eq!(&row[column(&header, "title")], "第一行 第二行|列");
    // A spreadsheet would run this as a formula without the apostrophe.
    assert_eq!(&row[column(&header, "owner")], "'=HYPERLINK(\"x\")");
}

// ---- JSON --------------------------------------------------------------------------------

#[test]
fn json_round_trips_into_the_report_structs() {
    let programs = shipped();
    let text = json::render(&programs, today(), None).unwrap();
    let back: JsonReport = serde_json::from_str(&text).unwrap();
    assert_eq!(back, json::build(&programs, today(), None));
    assert_eq!(back.schema_version, 1);
    assert_eq!(back.today, today());
    assert_eq!(back.totals.programs, 9);
    assert_eq!(back.totals.measures, 99);
    let n: usize = back.programs.iter().map(|p| p.measures.len()).sum();
    assert_eq!(n, 99);

    let fraud = &back.programs[0];
    assert_eq!(fraud.id, "fraud");
    assert_eq!(fraud.assessment.completion, Some(25));
    let zp10 = fraud.measures.iter().find(|m| m.id == "ZP-10").unwrap();
    assert_eq!(zp10.effective_due, Date::parse("2023-08-31").unwrap());
    assert_eq!((zp10.slips, zp10.days_left, zp10.overdue), (1, 47, false));
    assert_eq!(zp10.status.code, "InProgress");
    assert_eq!(back.since, None);

    // Every key is present even without a value: the shape does not depend on the data.
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(raw["since"].is_null());
    assert!(raw["programs"][0]["measures"][0]["signed_off"].is_null());
}

#[test]
fn json_from_the_binary_is_the_library_report() {
    let out = rectify(&["report", "--format", "json", "--today", TODAY]);
    assert!(out.status.success());
    let back: JsonReport = serde_json::from_slice(&out.stdout).unwrap();
    let list = shipped_problems();
    assert_eq!(
        back,
        json::build_full(&shipped(), Some(&list), today(), 7, None)
    );
    assert_eq!(back.problem_list.as_ref().unwrap().problems.len(), 24);
    assert_eq!(back.owners[0].unit, "法制局", "the unit most overdue first");
}

#[test]
fn json_keeps_text_exact_but_terminal_safe() {
    let programs = programs_in(Path::new("tests/fixtures/report/hostile"));
    let text = json::render(&programs, today(), None).unwrap();
    assert!(
        !text.contains('\x1b') && !text.contains('\u{202E}'),
        "{text}"
    );
    assert!(
        text.contains(r#""lead": "法制局\u001b[31m\u202e""#),
        "{text}"
    );
    let back: JsonReport = serde_json::from_str(&text).unwrap();
    assert_eq!(back.programs[0].lead, programs[0].lead);
    assert_eq!(back, json::build(&programs, today(), None));
}

// ---- Markdown and HTML -------------------------------------------------------------------

#[test]
fn markdown_on_the_shipped_boards() {
    insta::assert_snapshot!(
        "markdown_shipped",
        markdown::render_full(&shipped(), Some(&shipped_problems()), today(), 7, None, Zh)
    );
}

#[test]
fn html_on_the_shipped_boards() {
    insta::assert_snapshot!(
        "html_shipped",
        html::render_full(&shipped(), Some(&shipped_problems()), today(), 7, None, Zh)
    );
}

#[test]
fn markdown_from_the_binary_is_the_default_format() {
    let out = rectify(&["report", "--today", TODAY]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        markdown::render_full(&shipped(), Some(&shipped_problems()), today(), 7, None, Zh)
    );
}

#[test]
fn html_is_self_contained() {
    let page = html::render(&shipped(), today(), None, Zh);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<html lang=\"zh-CN\">"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    let lower = page.to_lowercase();
    for bad in [
        "http:",
        "https:",
        "src=\"//",
        "href=\"//",
        "src='//",
        "href='//",
        "<link",
        "<script",
        "@import",
        "url(",
        "<img",
        "<iframe",
        "<object",
        "<embed",
    ] {
        assert!(!lower.contains(bad), "the page refers outside: {bad}");
    }
    // Every href stays on the page.
    for (i, _) in lower.match_indices("href=\"") {
        assert!(lower[i + 6..].starts_with('#'), "{}", &lower[i..i + 40]);
    }
    // A progress bar per program, a timeline per program with milestones.
    assert_eq!(page.matches("<svg class=\"bar\"").count(), 9 + 1);
    assert_eq!(page.matches("<svg class=\"timeline\"").count(), 9);
    assert!(page.contains("@media print"));
}

#[test]
fn hostile_text_is_escaped_in_markdown_and_html() {
    let programs = programs_in(Path::new("tests/fixtures/report/hostile"));
    let md = markdown::render(&programs, today(), None, Zh);
    assert!(md.contains("标题\\|带竖线 \\<script\\>"), "{md}");
    assert!(md.contains("| 第一行 第二行\\|列 |"), "{md}");
    assert!(!md.contains('\x1b') && !md.contains('\u{202E}'));
    // Every row has as many column breaks as one of the report's tables: 10 (owner units),
    // 8, 6 or 4 columns.
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        let breaks = line.matches('|').count() - line.matches("\\|").count();
        assert!(
            [11, 9, 7, 5].contains(&breaks),
            "a cell broke the table: {line}"
        );
    }
    let page = html::render(&programs, today(), None, Zh);
    assert!(!page.contains("<script>") && !page.contains("<b>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    assert!(!page.contains('\x1b') && !page.contains('\u{202E}'));
}

// ---- Through the binary ------------------------------------------------------------------

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let tmp = tempfile::tempdir().unwrap();
    for (format, name) in [
        ("markdown", "r.md"),
        ("csv", "r.csv"),
        ("json", "r.json"),
        ("html", "r.html"),
    ] {
        let file = tmp.path().join(name);
        let out = rectify(&[
            "report",
            "--format",
            format,
            "--today",
            TODAY,
            "-o",
            file.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
        assert!(fs::metadata(&file).unwrap().len() > 1000, "{format}");
    }
    let md = fs::read_to_string(tmp.path().join("r.md")).unwrap();
    assert_eq!(
        md,
        markdown::render_full(&shipped(), Some(&shipped_problems()), today(), 7, None, Zh)
    );
}

#[test]
fn a_broken_board_is_reported_and_the_others_still_are() {
    let out = rectify(&["report", "tests/fixtures/report/mixed", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("tests/fixtures/report/mixed/02-broken.ron:6:5: 错误：条目之间缺少逗号 `,`"),
        "{err}"
    );
    let md = stdout(&out);
    assert!(
        md.contains("| 示例专项 | 法制局 | 2 | 50% | 1 | 1 | 0 | ▲ 有风险 |"),
        "{md}"
    );
    assert!(!md.contains("有错误的专项"));

    let csv_out = rectify(&["report", "tests/fixtures/report/mixed", "--format", "csv"]);
    assert_eq!(csv_out.status.code(), Some(0));
    assert_eq!(read_csv(&csv_out.stdout).1.len(), 2);
}

#[test]
fn nothing_readable_is_a_failure() {
    let tmp = tempfile::tempdir().unwrap();
    let out = rectify(&["report", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("中没有可以读取的看板（无法生成报告）"));
    assert!(out.stdout.is_empty());
    let out = rectify(&[
        "snapshot",
        tmp.path().to_str().unwrap(),
        "-o",
        "x",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no board could be read in"));
    assert!(stderr(&out).contains("(nothing to snapshot)"));

    let missing = tmp.path().join("nope");
    let out = rectify(&["report", missing.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read the boards folder"));

    fs::copy(
        "tests/fixtures/report/mixed/02-broken.ron",
        tmp.path().join("02-broken.ron"),
    )
    .unwrap();
    let out = rectify(&[
        "report",
        tmp.path().to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("02-broken.ron:6:5: error:"));
}

#[test]
fn impossible_requests_are_usage_errors() {
    for args in [
        &["report", "--format", "pdf"][..],
        &["report", "--today", "2023-7-15"],
        &["report", "--bom"],
        &["report", "--format", "html", "--bom"],
        &["report", "--format", "csv", "--since", "x.json"],
        &["snapshot"],
    ] {
        let out = rectify(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_bad_snapshot_is_a_clear_failure() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        (
            "missing.json",
            None,
            "cannot read the snapshot",
            "无法读取快照",
        ),
        (
            "other.json",
            Some("{\"a\": 1}"),
            "not a rectify snapshot",
            "不是 rectify 快照",
        ),
        (
            "text.json",
            Some("hello"),
            "not a rectify snapshot (JSON)",
            "不是 rectify 快照（JSON 有误）",
        ),
        (
            "future.json",
            Some("{\"format\": \"rectify-snapshot\", \"version\": 9}"),
            "snapshot version 9 is not supported",
            "不支持版本为 9 的快照",
        ),
    ];
    for (name, content, en, zh) in cases {
        let path = tmp.path().join(name);
        if let Some(c) = content {
            fs::write(&path, c).unwrap();
        }
        for (lang, message) in [("en", en), ("zh", zh)] {
            let out = rectify(&["report", "--since", path.to_str().unwrap(), "--lang", lang]);
            assert_eq!(out.status.code(), Some(1), "{name}");
            assert!(stderr(&out).contains(message), "{name}: {}", stderr(&out));
            assert!(out.stdout.is_empty());
        }
    }
}

// ---- Snapshot and --since ----------------------------------------------------------------

fn snapshot_of(dir: &Path, file: &Path, day: &str) {
    let out = rectify(&[
        "snapshot",
        dir.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
        "--today",
        day,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

fn set(file: &Path, args: &[&str]) {
    let mut all = vec!["set", file.to_str().unwrap()];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--user", "张三"]);
    let out = rectify(&all);
    assert!(out.status.success(), "set {args:?}: {}", stderr(&out));
}

/// One line per change, so a test can say exactly which changes there are and no others.
fn lines(c: &Changes) -> Vec<String> {
    let mut out = Vec::new();
    for p in &c.programs {
        let id = &p.id;
        if p.presence != Presence::Kept {
            out.push(format!("{id} program {:?}", p.presence));
        }
        for s in &p.signed_off {
            out.push(format!(
                "{id} signed_off {} {} {}",
                s.measure.id,
                s.on.map(|d| d.to_string()).unwrap_or_default(),
                s.by.clone().unwrap_or_default()
            ));
        }
        for o in &p.newly_overdue {
            out.push(format!(
                "{id} overdue {} {} {}",
                o.measure.id, o.due, o.days_overdue
            ));
        }
        for s in &p.status_changes {
            out.push(format!(
                "{id} status {} {} -> {} {}",
                s.measure.id,
                s.from.code,
                s.to.code,
                s.to.reason.clone().unwrap_or_default()
            ));
        }
        for d in &p.deadline_changes {
            let new: Vec<String> = d.new_revisions.iter().map(Date::to_string).collect();
            out.push(format!(
                "{id} deadline {} {} -> {} [{}] slips {}",
                d.measure.id,
                d.from,
                d.to,
                new.join(","),
                d.slips
            ));
        }
        for a in &p.added {
            out.push(format!(
                "{id} added {} {} overdue={}",
                a.measure.id, a.due, a.overdue
            ));
        }
        for r in &p.removed {
            out.push(format!("{id} removed {}", r.id));
        }
    }
    out
}

const NEW_MEASURE: &str = r#"        Measure(
            id: "SY-13",
            title: "建立食药环案件线索跨部门移交台账",
            owner: "食品药品犯罪侦查局",
            due: "2023-10-31",
            status: NotStarted,
        ),
"#;

const REMOVED_MEASURE: &str = r#"        Measure(
            id: "HD-11",
            title: "开展“黄赌毒”整治成效评估问效",
            owner: "治安管理局",
            due: "2023-12-20",
            status: NotStarted,
        ),
"#;

/// The shipped boards copied, a snapshot on the 15th, then one of each kind of change.
fn edited_since_snapshot() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("boards");
    copy_boards(&dir);
    let snap = tmp.path().join("meeting-0715.json");
    snapshot_of(&dir, &snap, TODAY);

    set(
        &dir.join("01-fraud.ron"),
        &["ZP-07", "--sign-off", "--force", "--today", "2023-07-18"],
    );
    set(
        &dir.join("01-fraud.ron"),
        &["ZP-03", "--status", "blocked", "--reason", "等待境外协查"],
    );
    set(
        &dir.join("02-railway.ron"),
        &["TL-08", "--due", "2023-08-31"],
    );

    let vice = dir.join("04-vice.ron");
    let text = fs::read_to_string(&vice).unwrap();
    assert_eq!(text.matches(REMOVED_MEASURE).count(), 1);
    fs::write(&vice, text.replace(REMOVED_MEASURE, "")).unwrap();

    let food = dir.join("05-food-drug-env.ron");
    let text = fs::read_to_string(&food).unwrap();
    let at = text.find("    ],\n    milestones:").unwrap();
    fs::write(
        &food,
        format!("{}{NEW_MEASURE}{}", &text[..at], &text[at..]),
    )
    .unwrap();

    (tmp, dir, snap)
}

#[test]
fn since_lists_exactly_the_scripted_changes() {
    let (_tmp, dir, snap) = edited_since_snapshot();
    // Four days on, NC-03 (due the 18th) has become overdue; ZF-02 and the others were
    // overdue already at the snapshot and are not news.
    // Four days on, the report in each format and language.
    let report = |format: &str, lang: &str| {
        let out = rectify(&[
            "report",
            dir.to_str().unwrap(),
            "--format",
            format,
            "--today",
            "2023-07-19",
            "--since",
            snap.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let json: JsonReport = serde_json::from_str(&report("json", "zh")).unwrap();
    let changes = json.since.unwrap();
    assert_eq!(changes.snapshot_taken, today());
    assert_eq!(changes.today, Date::parse("2023-07-19").unwrap());
    assert_eq!(
        lines(&changes),
        [
            "fraud signed_off ZP-07 2023-07-18 张三",
            "fraud status ZP-03 InProgress -> Blocked 等待境外协查",
            "railway deadline TL-08 2023-07-25 -> 2023-08-31 [2023-08-31] slips 1",
            "vice removed HD-11",
            "food-drug-env added SY-13 2023-10-31 overdue=false",
            "rural-traffic overdue NC-03 2023-07-18 1",
        ]
    );

    let md = report("markdown", "zh");
    assert_eq!(
        change_lines(&md, "## 自上次会议以来的变化"),
        [
            "- 新销号：ZP-07 完善国家反诈中心精准预警劝阻工作机制（2023年7月18日，张三）",
            "- 状态变更：ZP-03 深入开展“云剑”专项行动，集中收网打击诈骗团伙：推进中 → 受阻（等待境外协查）",
            "- 期限调整：TL-08 完成暑运重点线路站车治安防控部署：2023年7月25日 → 2023年8月31日（累计调整1次）",
            "- 删除措施：HD-11 开展“黄赌毒”整治成效评估问效",
            "- 新增措施：SY-13 建立食药环案件线索跨部门移交台账（食品药品犯罪侦查局，期限 2023年10月31日，未开始）",
            "- 新逾期：NC-03 会同交通运输农业农村部门建立隐患共治机制（交通管理局，期限 2023年7月18日，逾期1天）",
        ]
    );

    // The same changes for an English reader: our words in English, the boards' as written.
    let md = report("markdown", "en");
    assert!(
        md.contains("Compared with the snapshot of 15 Jul 2023, as of 19 Jul 2023."),
        "{md}"
    );
    assert_eq!(
        change_lines(&md, "## Changes since the last meeting"),
        [
            "- Signed off: ZP-07 完善国家反诈中心精准预警劝阻工作机制 (18 Jul 2023, by 张三)",
            "- Status changed: ZP-03 深入开展“云剑”专项行动，集中收网打击诈骗团伙: in progress → blocked (等待境外协查)",
            "- Deadline revised: TL-08 完成暑运重点线路站车治安防控部署: 25 Jul 2023 → 31 Aug 2023 (revised once so far)",
            "- Measure removed: HD-11 开展“黄赌毒”整治成效评估问效",
            "- New measure: SY-13 建立食药环案件线索跨部门移交台账 (食品药品犯罪侦查局, due 31 Oct 2023, not started)",
            "- Newly overdue: NC-03 会同交通运输农业农村部门建立隐患共治机制 (交通管理局, due 18 Jul 2023, 1 day late)",
        ]
    );

    let page = report("html", "zh");
    assert!(page.contains("<h2>自上次会议以来的变化</h2>"));
    assert_eq!(page.matches("<li><span class=\"tag\">").count(), 6);

    let page = report("html", "en");
    assert!(page.contains("<h2>Changes since the last meeting</h2>"));
    assert!(page.contains(
        "<li><span class=\"tag\">Newly overdue</span> NC-03 会同交通运输农业农村部门建立隐患共治机制 (交通管理局, due 18 Jul 2023, <span class=\"late\">1 day late</span>)</li>"
    ));
    assert_eq!(page.matches("<li><span class=\"tag\">").count(), 6);
}

/// The list items of a report's changes section, found by its heading.
fn change_lines<'a>(md: &'a str, heading: &str) -> Vec<&'a str> {
    md.split(heading)
        .nth(1)
        .unwrap_or_else(|| panic!("no {heading} in {md}"))
        .split("\n## ")
        .next()
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("- "))
        .collect()
}

#[test]
fn since_a_snapshot_of_the_same_boards_nothing_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = tmp.path().join("s.json");
    snapshot_of(Path::new("boards"), &snap, TODAY);
    let out = rectify(&[
        "report",
        "--today",
        TODAY,
        "--since",
        snap.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(stdout(&out).contains(
        "## 自上次会议以来的变化\n\n与 2023年7月15日 的快照相比，截至 2023年7月15日。\n\n没有变化。\n"
    ));
}

#[test]
fn snapshot_file_reads_back_as_the_boards() {
    let tmp = tempfile::tempdir().unwrap();
    let snap = tmp.path().join("s.json");
    for (lang, said) in [
        ("en", ": 9 programs, 99 measures as of 15 Jul 2023\n"),
        (
            "zh",
            "：9 个专项整治方案，99 条整改措施，数据截至 2023年7月15日\n",
        ),
    ] {
        let out = rectify(&[
            "snapshot",
            "boards",
            "-o",
            snap.to_str().unwrap(),
            "--today",
            TODAY,
            "--lang",
            lang,
        ]);
        assert!(out.status.success());
        assert_eq!(stdout(&out), format!("{}{said}", snap.display()));
    }
    let back = Snapshot::read(&fs::read_to_string(&snap).unwrap()).unwrap();
    assert_eq!(back.taken, today());
    assert_eq!(back.boards[0].file, "01-fraud.ron");
    let programs: Vec<Program> = back.boards.into_iter().map(|b| b.program).collect();
    assert_eq!(programs, shipped());
}

#[test]
fn a_program_whose_file_broke_is_not_called_removed() {
    let (_tmp, dir, snap) = edited_since_snapshot();
    fs::write(dir.join("03-traffic-reform.ron"), "Program(").unwrap();
    let out = rectify(&[
        "report",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--today",
        "2023-07-19",
        "--since",
        snap.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("03-traffic-reform.ron:1:"));
    let c = serde_json::from_slice::<JsonReport>(&out.stdout)
        .unwrap()
        .since
        .unwrap();
    let traffic = c
        .programs
        .iter()
        .find(|p| p.id == "traffic-reform")
        .unwrap();
    assert_eq!(traffic.presence, Presence::Unreadable);
    assert!(traffic.removed.is_empty());
}

#[test]
fn added_and_removed_programs_list_their_measures() {
    let programs = shipped();
    let old = Snapshot {
        taken: today(),
        boards: programs[..8]
            .iter()
            .map(|p| SnapshotBoard {
                file: format!("{}.ron", p.id),
                program: p.clone(),
            })
            .collect(),
    };
    let mut now = programs.clone();
    now.remove(0);
    let c = since::diff(&old, &now, today());
    let l = lines(&c);
    assert_eq!(l[0], "policing-reform program Added");
    assert_eq!(l.iter().filter(|x| x.contains(" added ")).count(), 10);
    assert!(l.contains(&"fraud program Removed".to_owned()));
    assert_eq!(l.iter().filter(|x| x.contains(" removed ")).count(), 12);
}

#[test]
fn an_empty_program_and_a_day_past_the_span_still_render() {
    let d = |s| Date::parse(s).unwrap();
    let mut p = shipped().remove(1);
    p.measures.clear();
    let empty = Program {
        id: "empty".into(),
        title: "空专项".into(),
        milestones: Vec::new(),
        ..p.clone()
    };
    let programs = vec![p, empty];
    let late = d("2024-03-01");
    let md = markdown::render(&programs, late, None, Zh);
    assert!(
        md.contains("| 空专项 | 铁路公安局 | 0 | — | 0 | 0 | 0 | ● 正常 |"),
        "{md}"
    );
    assert!(md.contains("无时间节点。"));
    let page = html::render(&programs, late, None, Zh);
    assert!(
        page.contains("今天 2024-03-01 →"),
        "today past the axis is pinned to its end"
    );
    assert!(page.contains("<p>无时间节点。</p>"));
    let report = json::build(&programs, late, None);
    assert_eq!(report.programs[1].assessment.completion, None);
    assert_eq!(report.totals.completion, None);
}

// ---- In both languages -------------------------------------------------------------------

#[test]
fn markdown_on_the_shipped_boards_in_english() {
    insta::assert_snapshot!(
        "markdown_shipped_en",
        markdown::render_full(&shipped(), Some(&shipped_problems()), today(), 7, None, En)
    );
}

#[test]
fn html_on_the_shipped_boards_in_english() {
    insta::assert_snapshot!(
        "html_shipped_en",
        html::render_full(&shipped(), Some(&shipped_problems()), today(), 7, None, En)
    );
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

fn first_cjk(s: &str) -> Option<&str> {
    let i = s.find(is_cjk)?;
    let line_start = s[..i].rfind('\n').map_or(0, |n| n + 1);
    Some(s[line_start..].lines().next().unwrap_or(""))
}

#[test]
fn the_language_follows_the_flag_then_the_locale() {
    let report = |args: &[&str], lang: &str| {
        let mut all = vec!["report", "--today", TODAY];
        all.extend_from_slice(args);
        let out = rectify_with(&all, lang);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let en = markdown::render_full(&shipped(), Some(&shipped_problems()), today(), 7, None, En);
    let zh = markdown::render_full(&shipped(), Some(&shipped_problems()), today(), 7, None, Zh);
    assert_eq!(report(&["--lang", "en"], "zh_CN.UTF-8"), en);
    assert_eq!(report(&[], "en_US.UTF-8"), en);
    assert_eq!(report(&["--lang", "zh"], "en_US.UTF-8"), zh);
    assert_eq!(report(&[], "zh_CN.UTF-8"), zh);
    // The C locale names no language: Chinese, the language of the people the board is for.
    assert_eq!(report(&[], "C.UTF-8"), zh);

    let page = report(&["--format", "html"], "en_US.UTF-8");
    assert!(page.contains("<html lang=\"en\">"));
    assert_eq!(
        page,
        html::render_full(&shipped(), Some(&shipped_problems()), today(), 7, None, En)
    );

    // The command's own messages too.
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("r.md");
    let out = rectify_with(
        &["report", "--today", TODAY, "-o", file.to_str().unwrap()],
        "en_US.UTF-8",
    );
    assert_eq!(
        stderr(&out),
        format!(
            "rectify report: wrote {} (9 programs, as of 15 Jul 2023)\n",
            file.display()
        )
    );
    let out = rectify_with(
        &["report", "--today", TODAY, "-o", file.to_str().unwrap()],
        "zh_CN.UTF-8",
    );
    assert_eq!(
        stderr(&out),
        format!(
            "rectify report: 已写入 {}（9 个专项整治方案，数据截至 2023年7月15日）\n",
            file.display()
        )
    );
    for (lang, message) in [
        ("en_US.UTF-8", "rectify report: --bom is for --format csv"),
        ("zh_CN.UTF-8", "rectify report: --bom 只用于 --format csv"),
    ] {
        let out = rectify_with(&["report", "--bom"], lang);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).starts_with(message), "{}", stderr(&out));
    }
}

/// The ASCII-only board, and a snapshot of it as it might have stood two weeks before, with
/// one of every kind of change since.
fn ascii_with_changes() -> (Vec<Program>, Changes) {
    let programs = programs_in(Path::new("tests/fixtures/report/ascii"));
    let mut then = programs[0].clone();
    let m = |p: &Program, id: &str| p.measures.iter().position(|m| m.id == id).unwrap();
    // R-01 signed off since, R-02's deadline moved (and it is overdue now), R-03 blocked since,
    // R-04 is new, and a measure was removed.
    let i = m(&then, "R-01");
    then.measures[i].status = rectify::domain::Status::Done;
    then.measures[i].signed_off = None;
    let i = m(&then, "R-02");
    then.measures[i].revised.clear();
    then.measures[i].due = Date::parse("2023-07-14").unwrap();
    let i = m(&then, "R-03");
    then.measures[i].status = rectify::domain::Status::InProgress;
    then.measures.retain(|m| m.id != "R-04");
    let mut gone = then.measures[0].clone();
    gone.id = "R-09".into();
    gone.title = "Close the old depot".into();
    then.measures.push(gone);
    let removed_program = Program {
        id: "bridges".into(),
        title: "Bridge inspections".into(),
        ..then.clone()
    };
    let broken_program = Program {
        id: "tunnels".into(),
        title: "Tunnel lighting".into(),
        ..then.clone()
    };
    let board = |p: &Program, file: &str| SnapshotBoard {
        file: file.into(),
        program: p.clone(),
    };
    let old = Snapshot {
        taken: Date::parse("2023-07-01").unwrap(),
        boards: vec![
            board(&then, "01-roads.ron"),
            board(&removed_program, "02-bridges.ron"),
            board(&broken_program, "03-tunnels.ron"),
        ],
    };
    let mut now = programs.clone();
    now.push(Program {
        id: "signals".into(),
        title: "Traffic signals".into(),
        ..programs[0].clone()
    });
    let mut changes = since::diff(&old, &now, today());
    since::mark_unreadable(&mut changes, &old, &["03-tunnels.ron".to_owned()]);
    (now, changes)
}

#[test]
fn english_reports_say_nothing_in_chinese() {
    let (programs, changes) = ascii_with_changes();
    let kinds: Vec<Presence> = changes.programs.iter().map(|p| p.presence).collect();
    assert_eq!(
        kinds,
        [
            Presence::Kept,
            Presence::Added,
            Presence::Removed,
            Presence::Unreadable
        ]
    );
    let roads = &changes.programs[0];
    assert!(
        [
            roads.signed_off.len(),
            roads.newly_overdue.len(),
            roads.status_changes.len(),
            roads.deadline_changes.len(),
            roads.added.len(),
            roads.removed.len()
        ]
        .iter()
        .all(|&n| n == 1),
        "one change of every kind: {}",
        lines(&changes).join("\n")
    );
    // Before, within and after the programs' span, so every timeline label is drawn.
    let days = ["2023-03-01", TODAY, "2024-03-01"].map(|d| Date::parse(d).unwrap());
    let none = Changes {
        programs: Vec::new(),
        ..changes.clone()
    };
    for day in days {
        for since in [None, Some(&changes), Some(&none)] {
            let md = markdown::render(&programs, day, since, En);
            assert_eq!(first_cjk(&md), None, "markdown on {day}:\n{md}");
            let page = html::render(&programs, day, since, En);
            assert_eq!(first_cjk(&page), None, "html on {day}");
        }
    }
    let md = markdown::render(&programs, today(), Some(&changes), En);
    for words in [
        "(new program)",
        "(program removed)",
        "(its file has errors; not compared)",
        "- Signed off: R-01 Draft the work plan (2 Jun 2023, by Inspection team)",
        "- Status changed: R-03 Fit guard rails: in progress → blocked (waiting for funds)",
        "- Deadline revised: R-02 Survey black spots: 14 Jul 2023 → 10 Jul 2023 (revised once so far)",
        "- Newly overdue: R-02 Survey black spots (Provincial bureaus, due 10 Jul 2023, 5 days late)",
        "- New measure: R-04 Train village wardens (Rural Affairs Office, due 30 Sep 2023, not started)",
        "- Measure removed: R-09 Close the old depot",
    ] {
        assert!(md.contains(words), "{words}\n{md}");
    }
    let none_md = markdown::render(&programs, today(), Some(&none), En);
    assert!(none_md.contains("\nNo changes.\n"));

    let bytes = ledger::render(&programs, today(), true, En).unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(first_cjk(&text), None, "{text}");

    // What the commands themselves say.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("boards");
    fs::create_dir(&dir).unwrap();
    fs::copy(
        "tests/fixtures/report/ascii/01-roads.ron",
        dir.join("01-roads.ron"),
    )
    .unwrap();
    fs::write(dir.join("02-broken.ron"), "Program(").unwrap();
    let snap = tmp.path().join("s.json");
    let d = dir.to_str().unwrap();
    let s = snap.to_str().unwrap();
    let runs = [
        rectify_with(&["snapshot", d, "-o", s, "--today", TODAY], "en_US.UTF-8"),
        rectify_with(
            &["report", d, "--since", s, "--format", "html", "-o", s],
            "en_US.UTF-8",
        ),
        rectify_with(
            &["report", d, "--format", "csv", "--since", s],
            "en_US.UTF-8",
        ),
        rectify_with(&["report", d, "--since", s], "en_US.UTF-8"),
        rectify_with(&["report", d, "-o", d], "en_US.UTF-8"),
    ];
    for out in &runs {
        // The loader's own diagnostics (`path:line:col: error: …`) are worded elsewhere.
        let ours: String = stderr(out)
            .lines()
            .chain(stdout(out).lines())
            .filter(|l| l.starts_with("rectify ") || l.starts_with(s))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(!ours.is_empty());
        assert_eq!(first_cjk(&ours), None, "{ours}");
    }
    assert!(stderr(&runs[0]).contains("1 of 2 board files has errors and is left out"));
    assert!(stdout(&runs[0]).contains(": 1 program, 6 measures as of 15 Jul 2023"));
    assert!(stderr(&runs[3]).contains("not a rectify snapshot"));
}

#[test]
fn every_report_text_is_there_in_both_languages() {
    use rectify::report::texts::{EN, ZH};
    assert_eq!(ZH.strings().len(), EN.strings().len());
    for (name, s) in ZH.strings().into_iter().chain(EN.strings()) {
        assert!(!s.is_empty() || name == "tag_gap", "{name} is empty");
    }
    for lang in [Zh, En] {
        let header = ledger::header(lang);
        assert!(header.iter().all(|h| h.ends_with(')')), "{header:?}");
    }
}
