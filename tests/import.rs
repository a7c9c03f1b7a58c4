//! `rectify import`: office ledgers made here the way offices make them (a merged title row,
//! notes above the header, a program merged down its rows, real date cells beside text dates
//! and serial numbers, a GBK CSV), imported and checked field by field, the unmappable rows
//! reported by row number, and every board written passing `rectify check`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rectify::check;
use rectify::domain::{Date, Measure, Program, Status};
use rectify::i18n::Lang;
use rectify::import::{ImportOptions, run};
use rectify::storage::{self, Severity};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn options(ledger: &Path, dir: &Path) -> ImportOptions {
    ImportOptions {
        ledger: ledger.to_owned(),
        dir: dir.to_owned(),
        sheet: None,
        map: Vec::new(),
        dry_run: false,
        force: false,
        encoding: None,
        lang: Lang::Zh,
        year: 2023,
    }
}

fn boards(dir: &Path) -> Vec<Program> {
    storage::load_dir(dir)
        .unwrap()
        .into_iter()
        .map(|l| l.program.unwrap())
        .collect()
}

fn by_title<'a>(ps: &'a [Program], title: &str) -> &'a Program {
    ps.iter()
        .find(|p| p.title == title)
        .unwrap_or_else(|| panic!("no program {title}"))
}

/// `rectify check` on the folder: no errors.
fn passes_check(dir: &Path) {
    let report = check::check(&[dir.to_owned()]);
    let errors: Vec<String> = report
        .diagnostics()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.render(Lang::En))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(report.exit_code(), 0);
}

/// A ledger as an office keeps it: title and notes merged across the sheet above the header,
/// each program's name merged down its rows (the last row of the second one left blank, not
/// merged), dates as date cells, text in three forms and a serial number, and three rows that
/// cannot be mapped.
fn office_ledger(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("2023年台账").unwrap();
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let pct = Format::new().set_num_format("0%");
    ws.merge_range(0, 0, 0, 7, "2023年专项整治整改措施台账", &plain)
        .unwrap();
    ws.merge_range(
        1,
        0,
        1,
        7,
        "填报单位：某市公安局　　填报日期：2023年7月15日",
        &plain,
    )
    .unwrap();
    let header = [
        "序号",
        "专项名称",
        "整改任务",
        "责任单位",
        "完成时限",
        "完成状态",
        "完成进度",
        "进展情况",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.merge_range(3, 1, 5, 1, "打击电诈", &plain).unwrap();
    ws.merge_range(6, 1, 8, 1, "夏季治安", &plain).unwrap();
    let on = |y, m, dd| ExcelDateTime::from_ymd(y, m, dd).unwrap();
    // Row 4: a date cell and a percent cell.
    ws.write_number(3, 0, 1).unwrap();
    ws.write_string(3, 2, "清理涉诈账户").unwrap();
    ws.write_string(3, 3, "刑侦局").unwrap();
    ws.write_datetime_with_format(3, 4, on(2023, 9, 30), &date)
        .unwrap();
    ws.write_string(3, 5, "推进中").unwrap();
    ws.write_number_with_format(3, 6, 0.5, &pct).unwrap();
    ws.write_string(3, 7, "已清理三成").unwrap();
    // Row 5: a date typed with slashes, progress typed as text.
    ws.write_number(4, 0, 2).unwrap();
    ws.write_string(4, 2, "开展断卡行动").unwrap();
    ws.write_string(4, 3, "网安局").unwrap();
    ws.write_string(4, 4, "2023/10/31").unwrap();
    ws.write_string(4, 5, "已完成").unwrap();
    ws.write_string(4, 6, "100%").unwrap();
    // Row 6: a serial number without a date format; blocked, the notes say why.
    ws.write_number(5, 0, 3).unwrap();
    ws.write_string(5, 2, "建立预警机制").unwrap();
    ws.write_string(5, 3, "刑侦局").unwrap();
    ws.write_number(5, 4, 45291).unwrap();
    ws.write_string(5, 5, "受阻").unwrap();
    ws.write_number(5, 6, 20).unwrap();
    ws.write_string(5, 7, "待有关部门会签").unwrap();
    // Row 7: 2023年8月31日 as text; signed off with no progress written.
    ws.write_number(6, 0, 4).unwrap();
    ws.write_string(6, 2, "夜间巡逻").unwrap();
    ws.write_string(6, 3, "治安局").unwrap();
    ws.write_string(6, 4, "2023年8月31日").unwrap();
    ws.write_string(6, 5, "已销号").unwrap();
    // Row 8: a status word nobody defined.
    ws.write_number(7, 0, 5).unwrap();
    ws.write_string(7, 2, "整治烧烤摊").unwrap();
    ws.write_string(7, 3, "治安局").unwrap();
    ws.write_string(7, 4, "2023.9.15").unwrap();
    ws.write_string(7, 5, "搁置").unwrap();
    // Row 9: a deadline that is no date.
    ws.write_number(8, 0, 6).unwrap();
    ws.write_string(8, 2, "清查出租屋").unwrap();
    ws.write_string(8, 3, "派出所").unwrap();
    ws.write_string(8, 4, "尽快").unwrap();
    ws.write_string(8, 5, "未开始").unwrap();
    // Row 10: the program cell left blank, not merged: the program above.
    ws.write_number(9, 0, 7).unwrap();
    ws.write_string(9, 2, "巡逻防控").unwrap();
    ws.write_string(9, 3, "治安局").unwrap();
    ws.write_datetime_with_format(9, 4, on(2023, 7, 31), &date)
        .unwrap();
    ws.write_string(9, 5, "正在推进").unwrap();
    ws.write_string(9, 6, "30%").unwrap();
    // Row 12: a note under the table.
    ws.write_string(
        11,
        0,
        "注：完成状态填写未开始、推进中、受阻、已完成或已销号。",
    )
    .unwrap();
    wb.save(path).unwrap();
}

fn measure<'a>(p: &'a Program, title: &str) -> &'a Measure {
    p.measures
        .iter()
        .find(|m| m.title == title)
        .unwrap_or_else(|| panic!("no measure {title}"))
}

#[test]
fn an_office_xlsx_ledger_becomes_one_board_per_program_field_by_field() {
    let tmp = tempfile::tempdir().unwrap();
    let ledger = tmp.path().join("台账.xlsx");
    office_ledger(&ledger);
    let out = tmp.path().join("boards");
    std::fs::create_dir(&out).unwrap();
    let done = run(&options(&ledger, &out));
    assert_eq!(done.code, 0, "{:?}", done.err);

    let ps = boards(&out);
    assert_eq!(ps.len(), 2);
    let fraud = by_title(&ps, "打击电诈");
    assert_eq!(fraud.id, "program-a");
    assert_eq!(fraud.lead, "刑侦局", "the most frequent owner");
    assert_eq!((fraud.start, fraud.due), (d("2023-09-30"), d("2023-12-31")));
    let ids: Vec<&str> = fraud.measures.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["PA-01", "PA-02", "PA-03"], "序号 1, 2, 3 are no ids");

    let m = measure(fraud, "清理涉诈账户");
    assert_eq!(
        (
            m.owner.as_str(),
            m.due,
            &m.status,
            m.progress,
            m.notes.as_str()
        ),
        (
            "刑侦局",
            d("2023-09-30"),
            &Status::InProgress,
            50,
            "已清理三成"
        )
    );
    let m = measure(fraud, "开展断卡行动");
    assert_eq!(
        (m.due, &m.status, m.progress),
        (d("2023-10-31"), &Status::Done, 100)
    );
    let m = measure(fraud, "建立预警机制");
    assert_eq!(m.due, d("2023-12-31"), "Excel's serial 45291");
    assert_eq!(m.status, Status::Blocked("待有关部门会签".into()));
    assert_eq!(
        (m.progress, m.notes.as_str()),
        (20, ""),
        "the notes became the reason"
    );

    let summer = by_title(&ps, "夏季治安");
    assert_eq!(summer.id, "program-b");
    let titles: Vec<&str> = summer.measures.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["夜间巡逻", "巡逻防控"]);
    let m = measure(summer, "夜间巡逻");
    assert_eq!(
        (m.due, &m.status, m.progress),
        (d("2023-08-31"), &Status::SignedOff, 100)
    );
    let m = measure(summer, "巡逻防控");
    assert_eq!(
        (m.due, &m.status, m.progress),
        (d("2023-07-31"), &Status::InProgress, 30)
    );
    assert_eq!(
        (summer.start, summer.due),
        (d("2023-07-31"), d("2023-08-31"))
    );

    // Every row left out is said, with its sheet and row number as Excel shows them.
    let err = done.err.join("\n");
    assert!(
        err.contains("［2023年台账］第 8 行未导入：状态“搁置”无法识别"),
        "{err}"
    );
    assert!(
        err.contains("第 9 行未导入：完成时限“尽快”不是日期"),
        "{err}"
    );
    assert!(err.contains("第 12 行未导入：没有整改措施内容"), "{err}");
    assert_eq!(done.err.len(), 3, "{err}");
    passes_check(&out);

    // The inference is marked in the file for whoever checks it.
    let text = std::fs::read_to_string(out.join("program-a.ron")).unwrap();
    assert!(text.contains("由 rectify import 从台账推断"));
    assert!(text.contains("inferred by rectify import"));
}

#[test]
fn existing_boards_are_kept_unless_forced_and_a_dry_run_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let ledger = tmp.path().join("台账.xlsx");
    office_ledger(&ledger);
    let out = tmp.path().join("boards");
    std::fs::create_dir(&out).unwrap();

    let mut o = options(&ledger, &out);
    o.dry_run = true;
    let done = run(&o);
    assert_eq!(done.code, 0);
    assert!(
        done.out
            .iter()
            .any(|l| l.contains("将新建“打击电诈”，3 条整改措施")),
        "{:?}",
        done.out
    );
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        0,
        "a dry run writes nothing"
    );

    o.dry_run = false;
    assert_eq!(run(&o).code, 0);
    let path = out.join("program-a.ron");
    std::fs::write(&path, "// a colleague's board\n").unwrap();
    let again = run(&o);
    assert_eq!(again.code, 1, "nothing imported: both boards are there");
    assert!(
        again.err.iter().any(|l| l.contains("已存在，未覆盖")),
        "{:?}",
        again.err
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "// a colleague's board\n"
    );

    o.force = true;
    let forced = run(&o);
    assert_eq!(forced.code, 0);
    assert!(
        forced.out.iter().any(|l| l.contains("已覆盖为“打击电诈”")),
        "a replaced board is not called new: {:?}",
        forced.out
    );
    assert!(std::fs::read_to_string(&path).unwrap().contains("打击电诈"));
    passes_check(&out);
}

#[test]
fn a_folder_that_does_not_exist_yet_is_made_and_the_last_line_counts_what_came_in() {
    let tmp = tempfile::tempdir().unwrap();
    let ledger = tmp.path().join("台账.xlsx");
    office_ledger(&ledger);
    let out = tmp.path().join("新建的看板").join("boards");
    let done = run(&options(&ledger, &out));
    assert_eq!(done.code, 0, "{:?}", done.err);
    assert_eq!(boards(&out).len(), 2);
    passes_check(&out);
    let last = done.out.last().unwrap();
    let measures: usize = boards(&out).iter().map(|p| p.measures.len()).sum();
    let skipped = done.err.iter().filter(|l| l.contains("行未导入")).count();
    assert!(skipped > 0, "the fixture has rows that cannot be mapped");
    assert_eq!(
        last,
        &format!("共 2 个专项、{measures} 条整改措施；另有 {skipped} 行未导入，见上")
    );
}

#[test]
fn a_gbk_csv_with_a_sign_off_column_keeps_its_ids() {
    let text = "专项整治方案,编号,整改措施,牵头单位,截止时间,是否销号,销号日期,备注\r\n\
                反诈专项,FZ-01,清理涉诈账户,刑侦局,2023-09-30,否,,进展顺利\r\n\
                反诈专项,FZ-02,开展断卡行动,网安局,2023/10/31,是,2023/11/2,已验收\r\n\
                反诈专项,FZ-03,建立预警机制,刑侦局,2023年11月30日,否,,\r\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the fixture is really GBK"
    );
    let tmp = tempfile::tempdir().unwrap();
    let ledger = tmp.path().join("ledger.csv");
    std::fs::write(&ledger, &gbk).unwrap();
    for encoding in [None, Some("gbk"), Some("GB18030")] {
        let out = tmp.path().join(format!("out-{encoding:?}"));
        std::fs::create_dir(&out).unwrap();
        let mut o = options(&ledger, &out);
        o.encoding = encoding.map(str::to_owned);
        let done = run(&o);
        assert_eq!(done.code, 0, "{:?}", done.err);
        assert!(done.err.is_empty(), "{:?}", done.err);
        let ps = boards(&out);
        let p = by_title(&ps, "反诈专项");
        let ids: Vec<&str> = p.measures.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["FZ-01", "FZ-02", "FZ-03"]);
        let m = &p.measures[0];
        assert_eq!(
            (m.owner.as_str(), m.due, &m.status, m.notes.as_str()),
            ("刑侦局", d("2023-09-30"), &Status::NotStarted, "进展顺利")
        );
        let m = &p.measures[1];
        assert_eq!(
            (&m.status, m.signed_off, m.progress),
            (&Status::SignedOff, Some(d("2023-11-02")), 100)
        );
        assert_eq!(p.measures[2].due, d("2023-11-30"));
        passes_check(&out);
    }
}

#[test]
fn an_unknown_header_is_settled_with_map_and_a_bad_map_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let ledger = tmp.path().join("l.csv");
    std::fs::write(
        &ledger,
        "工作举措,要求时间,责任单位\n夜间巡逻,2023-08-31,治安局\n",
    )
    .unwrap();
    let out = tmp.path().join("b");
    std::fs::create_dir(&out).unwrap();
    let mut o = options(&ledger, &out);
    let done = run(&o);
    assert_eq!(done.code, 1, "no header row, nothing imported");
    assert!(
        done.err.iter().any(|l| l.contains("找不到表头行")),
        "{:?}",
        done.err
    );
    o.map = vec!["工作举措=measure".into(), "要求时间=due".into()];
    let done = run(&o);
    assert_eq!(done.code, 0, "{:?}", done.err);
    let ps = boards(&out);
    assert_eq!(ps[0].measures[0].title, "夜间巡逻");
    // Without a program column the file's name titles the one program.
    assert_eq!(ps[0].title, "l");
    o.map = vec!["工作举措=task-ish".into()];
    assert_eq!(run(&o).code, 2);
}

fn rectify(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_binary_says_what_it_created_and_fails_when_nothing_could_be() {
    let tmp = tempfile::tempdir().unwrap();
    let ledger = tmp.path().join("台账.xlsx");
    office_ledger(&ledger);
    let out: PathBuf = tmp.path().join("boards");
    std::fs::create_dir(&out).unwrap();
    let o = rectify(&[
        "import",
        ledger.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let said = String::from_utf8(o.stdout).unwrap();
    assert!(said.contains("created \"打击电诈\", 3 measures"), "{said}");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("[2023年台账] row 8 not imported: status \"搁置\""),
        "{err}"
    );

    let empty = tmp.path().join("empty.csv");
    std::fs::write(&empty, "a,b\n1,2\n").unwrap();
    let o = rectify(&[
        "import",
        empty.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8(o.stderr)
            .unwrap()
            .contains("nothing could be imported")
    );

    let o = rectify(&["import", "nowhere.docx", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8(o.stderr)
            .unwrap()
            .contains("cannot read a .docx file")
    );
}
