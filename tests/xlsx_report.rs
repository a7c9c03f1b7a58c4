//! `report --format xlsx` read back by calamine, as another program would read it: sheet names
//! in both languages, deadlines as date cells, progress as numbers, the header frozen and
//! filtered (read from the sheet's XML inside the zip), the print set-up; then the round trip:
//! the workbook imported gives back the same programs and measures.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rectify::domain::{Date, Program};
use rectify::i18n::Lang;
use rectify::import::{ImportOptions, run};
use rectify::report::xlsx::{self, XlsxOptions};
use rectify::storage;

fn today() -> Date {
    Date::parse("2023-07-15").unwrap()
}

fn shipped() -> Vec<Program> {
    storage::load_dir(Path::new("boards"))
        .unwrap()
        .into_iter()
        .map(|l| l.program.unwrap())
        .collect()
}

fn workbook(lang: Lang) -> Vec<u8> {
    xlsx::render(&shipped(), today(), lang, &XlsxOptions::default()).unwrap()
}

fn date_of(c: &Data) -> Option<Date> {
    match c {
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Date::from_ymd(y.into(), m.into(), d.into())
        }
        _ => None,
    }
}

/// The XML of a part of the workbook's zip.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The first element of `xml` that starts with `start`, up to its `>`.
fn element<'a>(xml: &'a str, start: &str) -> &'a str {
    let at = xml.find(start).unwrap_or_else(|| panic!("no {start}"));
    let end = xml[at..].find('>').unwrap();
    &xml[at..=at + end]
}

#[test]
fn sheet_names_are_in_the_reports_language() {
    for (lang, names) in [
        (Lang::Zh, ["总览", "台账", "时间节点", "按责任单位"]),
        (
            Lang::En,
            ["Summary", "Ledger", "Milestones", "By owner unit"],
        ),
    ] {
        let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(workbook(lang))).unwrap();
        assert_eq!(wb.sheet_names(), names);
    }
}

#[test]
fn the_ledger_holds_dates_as_dates_and_figures_as_numbers() {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(workbook(Lang::Zh))).unwrap();
    let r = wb.worksheet_range("台账").unwrap();
    let rows: Vec<&[Data]> = r.rows().collect();
    let measures: usize = shipped().iter().map(|p| p.measures.len()).sum();
    assert_eq!(rows.len(), measures + 1, "a header and one row per measure");
    assert_eq!(rows[0][0], Data::String("专项编号 (program_id)".into()));
    let row = |id: &str| {
        *rows
            .iter()
            .find(|r| r[2] == Data::String(id.into()))
            .unwrap_or_else(|| panic!("{id}"))
    };
    let zp10 = row("ZP-10");
    assert_eq!(date_of(&zp10[5]), Date::parse("2023-06-30"), "due");
    assert_eq!(date_of(&zp10[6]), Date::parse("2023-08-31"), "revised");
    assert_eq!(date_of(&zp10[7]), Date::parse("2023-08-31"), "in force");
    assert_eq!(zp10[8], Data::Float(1.0), "slips");
    assert_eq!(zp10[12], Data::Float(0.7), "progress, shown 70%");
    assert_eq!(zp10[16], Data::Float(47.0), "days left");
    let zp02 = row("ZP-02");
    assert_eq!(date_of(&zp02[14]), Date::parse("2023-07-05"), "signed off");
    assert_eq!(zp02[16], Data::Empty, "finished work counts no days");
    assert_eq!(zp02[9], Data::String("已销号".into()));

    let summary = wb.worksheet_range("总览").unwrap();
    let first: Vec<&[Data]> = summary.rows().collect();
    assert_eq!(first[1][0], Data::String("fraud".into()));
    assert_eq!(first[1][3], Data::Float(12.0), "measures");
    let milestones = wb.worksheet_range("时间节点").unwrap();
    let ms: Vec<&[Data]> = milestones.rows().collect();
    assert!(
        date_of(&ms[1][4]).is_some(),
        "a milestone's day is a date cell"
    );
}

#[test]
fn the_header_is_frozen_filtered_and_printed_on_every_landscape_a4_page() {
    let bytes = workbook(Lang::Zh);
    let ledger = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(
        ledger.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        )
    );
    assert!(
        ledger.contains(r#"<autoFilter ref="A1:R100"/>"#),
        "18 columns, 99 measures under the header"
    );
    let setup = element(&ledger, "<pageSetup ");
    for attr in [
        r#"paperSize="9""#,
        r#"orientation="landscape""#,
        r#"fitToHeight="0""#,
    ] {
        assert!(setup.contains(attr), "{setup}");
    }
    assert!(
        ledger.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
        "fitted to the page width"
    );
    let workbook_xml = part(&bytes, "xl/workbook.xml");
    assert!(
        workbook_xml.contains("_xlnm.Print_Titles"),
        "the header row repeats"
    );
    assert!(workbook_xml.contains("台账!$1:$1"));
    // Overdue rows are filled: the one fill besides the header's grey and the blocked one.
    let styles = part(&bytes, "xl/styles.xml");
    let fills = xlsx::Fills::default();
    assert!(styles.contains(&format!("FF{:06X}", fills.overdue)));
    assert!(styles.contains(&format!("FF{:06X}", fills.blocked)));
}

#[test]
fn a_cjk_column_is_twice_as_wide_as_its_characters() {
    let bytes = workbook(Lang::Zh);
    let ledger = part(&bytes, "xl/worksheets/sheet2.xml");
    // The owner column (E) is sized to its widest unit name, 食品药品犯罪侦查局: nine
    // characters, eighteen columns wide, plus the margin of two (the file adds its padding).
    let owner = shipped()
        .iter()
        .flat_map(|p| p.measures.iter().map(|m| rectify::text::width(&m.owner)))
        .max()
        .unwrap();
    assert_eq!(owner, 18);
    let col = element(&ledger, r#"<col min="5" max="5" "#);
    assert!(col.contains(&format!(r#"width="{}."#, owner + 2)), "{col}");
}

/// The measures as the round trip must keep them.
fn essence(p: &Program) -> Vec<String> {
    p.measures
        .iter()
        .map(|m| {
            format!(
                "{}|{}|{}|{}|{:?}|{:?}|{}|{}|{:?}|{:?}",
                m.id,
                m.title,
                m.owner,
                m.due,
                m.revised,
                m.status,
                m.progress,
                m.notes,
                m.signed_off,
                m.signed_by
            )
        })
        .collect()
}

#[test]
fn a_report_imported_gives_back_the_same_programs_and_measures() {
    for lang in [Lang::Zh, Lang::En] {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("ledger.xlsx");
        std::fs::write(&file, workbook(lang)).unwrap();
        let out = tmp.path().join("boards");
        std::fs::create_dir(&out).unwrap();
        let done = run(&ImportOptions {
            ledger: file,
            dir: out.clone(),
            sheet: None,
            map: Vec::new(),
            dry_run: false,
            force: false,
            encoding: None,
            lang,
            year: 2023,
        });
        assert_eq!(done.code, 0, "{:?}", done.err);
        assert!(done.err.is_empty(), "every row maps: {:?}", done.err);
        let back: Vec<Program> = storage::load_dir(&out)
            .unwrap()
            .into_iter()
            .map(|l| l.program.unwrap())
            .collect();
        let original = shipped();
        assert_eq!(back.len(), original.len());
        for p in &original {
            let q = back.iter().find(|q| q.id == p.id).unwrap();
            assert_eq!(q.title, p.title);
            assert_eq!(essence(q), essence(p), "{}", p.id);
        }
    }
}

#[test]
fn the_owner_unit_sheet_holds_the_same_table_as_the_other_reports() {
    for (lang, name) in [(Lang::Zh, "按责任单位"), (Lang::En, "By owner unit")] {
        let bytes = xlsx::render(&shipped(), today(), lang, &XlsxOptions::default()).unwrap();
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        assert_eq!(wb.sheet_names()[3], name);
        let sheet = wb.worksheet_range(name).unwrap();
        let table = rectify::report::lists::owner_table(&shipped(), today(), 7, lang);
        let rows: Vec<&[Data]> = sheet.rows().collect();
        let head: Vec<String> = rows[0].iter().map(|d| d.to_string()).collect();
        let want: Vec<&str> = table.head.iter().map(|(h, _)| *h).collect();
        assert_eq!(head, want);
        assert_eq!(rows.len() - 1, table.rows.len());
        assert!(table.rows.len() > 10, "the shipped boards name many units");
        for (cells, want) in rows[1..].iter().zip(&table.rows) {
            let got: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(i, d)| match d {
                    // Counts are numbers, completion a fraction shown with a % format.
                    Data::Float(f) if i == cells.len() - 1 => format!("{}%", (f * 100.0).round()),
                    Data::Float(f) => format!("{f}"),
                    Data::Empty => "—".to_owned(),
                    d => d.to_string(),
                })
                .collect();
            assert_eq!(&got, want);
        }
    }
}
