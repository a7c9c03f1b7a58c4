//! A program that runs into the next year: its dates outside the year it starts are shown with
//! their year (`2024-01-31*`, not `01-31*`) on every screen that shortens dates, and the date
//! columns still line up with CJK text beside them.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use rectify::app::meeting::Meeting;
use rectify::app::{self, Action, App, Settings};
use rectify::domain::Date;
use rectify::storage;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// November 2023 to June 2024, with deadlines, a revision and milestones in both years.
const WINTER: &str = r#"Program(
    id: "winter",
    title: "冬春治安攻坚",
    lead: "治安管理局",
    start: "2023-11-01",
    due: "2024-06-30",
    goal: "跨年度集中整治",
    measures: [
        Measure(id: "DC-01", title: "清理积压案件", owner: "法制局", due: "2023-12-15", status: Done, progress: 100),
        Measure(id: "DC-02", title: "排查重点场所消防隐患", owner: "消防救援局", due: "2023-12-31", revised: ["2024-01-31"], status: InProgress, progress: 60),
        Measure(id: "DC-03", title: "春运安保专项行动", owner: "铁路公安局", due: "2024-02-20", status: NotStarted),
        Measure(id: "DC-04", title: "冬季道路交通隐患整治", owner: "交通管理局", due: "2024-01-05", status: InProgress, progress: 30),
        Measure(id: "DC-05", title: "完成整改评估报告", owner: "治安管理局", due: "2024-06-30", status: Blocked("待审批")),
    ],
    milestones: [
        Milestone(title: "摸底排查", due: "2023-11-30", done: "2023-11-28"),
        Milestone(title: "春节前整治", due: "2024-02-09"),
        Milestone(title: "总结验收", due: "2024-06-30"),
    ],
)
"#;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// The winter program beside the shipped fraud board (all of 2023), seen on 10 January 2024.
fn app(dir: &Path, size: (u16, u16)) -> App {
    fs::write(dir.join("01-winter.ron"), WINTER).unwrap();
    fs::copy("boards/01-fraud.ron", dir.join("02-fraud.ron")).unwrap();
    let today = day("2024-01-10");
    let now = today.0.and_hms_opt(9, 30, 0).unwrap();
    let mut app = App::new(dir, storage::load_dir(dir), today, now, Settings::default());
    app::update(&mut app, Action::Resize(size.0, size.1));
    app
}

/// The cell where `date` starts on the screen line that shows `row` (a measure's id), for each
/// pair: the same for all when the date column lines up.
fn columns_of(app: &App, pairs: &[(&str, &str)]) -> Vec<usize> {
    let s = screen(app, &dark());
    pairs
        .iter()
        .map(|(row, date)| {
            let line = s
                .lines()
                // The table's row, not the detail pane's title `┌ DC-01 ──`.
                .find(|l| !l.starts_with('┌') && l.contains(&format!(" {row} ")))
                .unwrap_or_else(|| panic!("{row} not on screen:\n{s}"));
            let at = line
                .find(date)
                .unwrap_or_else(|| panic!("{date} not on the line of {row}:\n{s}"));
            unicode_width::UnicodeWidthStr::width(&line[..at])
        })
        .collect()
}

#[test]
fn the_program_screen_shows_other_years_with_their_year_in_one_column() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path(), size);
        press(&mut app, &[KeyCode::Enter]);
        let s = screen(&app, &dark());
        assert!(s.contains("冬春治安攻坚"), "{s}");
        // The start year short, the next year whole, the slip mark after it.
        let cols = columns_of(
            &app,
            &[
                ("DC-01", " 12-15 "),
                ("DC-02", " 2024-01-31* "),
                ("DC-03", " 2024-02-20 "),
                ("DC-05", " 2024-06-30 "),
            ],
        );
        assert!(cols.iter().all(|&c| c == cols[0]), "{cols:?}\n{s}");
        assert!(!s.contains(" 01-31"), "{s}");
        let (w, h) = size;
        assert_snapshot!(format!("program_two_years_{w}x{h}"), s);
    }
}

#[test]
fn the_deadlines_screen_gives_each_date_its_programs_year() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path(), size);
        press(&mut app, &[KeyCode::BackTab]);
        let s = screen(&app, &dark());
        // Fraud's deadlines are in its start year, so short; winter's 2024 ones are whole.
        let cols = columns_of(&app, &[("DC-04", " 2024-01-05 "), ("ZP-01", " 12-31 ")]);
        assert_eq!(cols[0], cols[1], "{s}");
        let (w, h) = size;
        assert_snapshot!(format!("deadlines_two_years_{w}x{h}"), s);
    }
}

#[test]
fn the_milestone_strip_and_the_overview_show_the_year_where_it_differs() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), (160, 45));
    let overview = screen(&app, &dark());
    // Winter's next deadline is in 2024, fraud's missed milestones in its own year.
    assert!(overview.contains("2024-01-31"), "{overview}");
    press(&mut app, &[KeyCode::Enter]);
    let s = screen(&app, &dark());
    for shown in [
        " 11-01 ",
        " 2024-06-30",
        "1✓11-30",
        "2◇2024-02-09",
        "▲ 今天 2024-01-10",
    ] {
        assert!(s.contains(shown), "{shown}:\n{s}");
    }
}

#[test]
fn meeting_mode_shows_the_year_of_the_next_years_deadlines() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), (160, 45));
    app.settings.read_only = true;
    let now = app.today.0.and_hms_opt(9, 30, 0).unwrap();
    app.meeting = Some(Meeting::start(&app, now, 20));
    // The first program's page.
    press(&mut app, &[KeyCode::Char('1')]);
    let s = screen(&app, &dark());
    assert!(s.contains("冬春治安攻坚"), "{s}");
    let cols = columns_of(
        &app,
        &[
            ("DC-01", " 12-15 "),
            ("DC-02", " 2024-01-31 "),
            ("DC-03", " 2024-02-20 "),
        ],
    );
    assert!(cols.iter().all(|&c| c == cols[0]), "{cols:?}\n{s}");
}

#[test]
fn a_program_within_one_year_keeps_its_short_dates() {
    let app = shipped((160, 45));
    let mut app = app;
    press(&mut app, &[KeyCode::BackTab]);
    let s = screen(&app, &dark());
    assert!(!s.contains("2023-"), "{s}");
}

#[test]
fn the_changes_overlay_says_a_slip_into_the_next_year_with_its_year() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), (160, 45));
    let mut snap = snapshot_of(&app, "2023-12-20");
    // At the last meeting DC-02 was still due on 31 December.
    let winter = &mut snap
        .boards
        .iter_mut()
        .find(|b| b.program.id == "winter")
        .unwrap()
        .program;
    let dc2 = winter
        .measures
        .iter_mut()
        .find(|m| m.id == "DC-02")
        .unwrap();
    dc2.revised.clear();
    app.since = Some(snap);
    press(&mut app, &[KeyCode::Char('c')]);
    let s = screen(&app, &dark());
    assert!(s.contains("12-31 → 2024-01-31"), "{s}");
}
