//! The owner-units and problem-list screens on the shipped boards at a pinned date: what they
//! list, where Enter goes, the owner filter every screen obeys, the deadline filter, and the
//! screens themselves at every size in both languages.

mod common;

use common::*;
use crossterm::event::KeyCode::{self, *};
use insta::assert_snapshot;
use rectify::app::{self, Action, App, DeadlineFilter, Screen};
use rectify::domain::owners::names_unit;
use rectify::domain::schedule;
use rectify::i18n::Lang;

const SIZES: [(u16, u16); 5] = [(80, 24), (120, 40), (160, 45), (200, 60), (240, 67)];

fn owners_screen(size: (u16, u16)) -> App {
    let mut app = shipped(size);
    press(&mut app, &[BackTab, BackTab]);
    assert_eq!(app.screen, Screen::Owners);
    app
}

fn problems_screen(size: (u16, u16)) -> App {
    let mut app = shipped(size);
    press(&mut app, &[BackTab]);
    assert_eq!(app.screen, Screen::Problems);
    app
}

#[test]
fn the_unit_most_behind_comes_first_and_enter_lists_its_measures_across_programs() {
    let mut app = owners_screen((160, 45));
    let rows = app.owner_rows();
    assert_eq!(rows.len(), 16);
    assert_eq!(rows[0].unit, "法制局", "two overdue: the most");
    assert_eq!((rows[0].overdue, rows[0].measures), (2, 9));
    assert_eq!(rows[1].unit, "政治部", "one overdue and one blocked");
    assert_eq!(rows.last().unwrap().unit, "新闻宣传局", "all signed off");
    // 各省级公安机关 has measures in eight programs.
    press(&mut app, &[Down, Down, Enter]);
    let drill = app.drill_rows(Screen::Owners);
    assert_eq!(drill.len(), 20);
    let programs: std::collections::BTreeSet<usize> =
        drill.iter().map(|r| r.at.unwrap().0).collect();
    assert_eq!(programs.len(), 8);
    assert!(drill.iter().all(|r| {
        let (_, m) = app.measure_at(r.at.unwrap()).unwrap();
        names_unit(&m.owner, "各省级公安机关")
    }));
    // Overdue first: ZF-02, 15 days late.
    assert_eq!(drill[0].reference, "law-enforcement/ZF-02");
    let s = screen(&app, &dark());
    assert!(s.contains("各省级公安机关 的整改措施（20 项）"), "{s}");
    assert!(s.contains("执法规范化建设和"), "the program column: {s}");
}

#[test]
fn enter_on_a_units_measure_opens_it_in_its_program_and_esc_goes_back() {
    let mut app = owners_screen((120, 40));
    press(&mut app, &[Down, Enter, Down, Down]);
    let want = app.drill_rows(Screen::Owners)[2].reference.clone();
    assert_eq!(want, "policing-reform/JW-08");
    press(&mut app, &[Enter]);
    assert_eq!(app.screen, Screen::Program);
    assert_eq!(
        app.program_path,
        Some("boards/09-policing-reform.ron".into())
    );
    assert_eq!(app.measure_sel.as_deref(), Some("JW-08"));
    // Esc goes back to the list the measure was opened from, still open where it was.
    press(&mut app, &[Esc]);
    assert_eq!(app.screen, Screen::Owners);
    assert!(app.owner_drill.is_some());
    press(&mut app, &[Enter]);
    assert_eq!(app.measure_sel.as_deref(), Some("JW-08"));
    // Back on the owner units, the unit's list is still open; Esc closes it, then leaves.
    press(&mut app, &[Tab, Tab]);
    assert_eq!(app.screen, Screen::Owners);
    assert!(app.owner_drill.is_some());
    press(&mut app, &[Esc]);
    assert!(app.owner_drill.is_none());
    assert_eq!(app.owner_sel.as_deref(), Some("政治部"));
    press(&mut app, &[Esc]);
    assert_eq!(app.screen, Screen::Overview);
}

#[test]
fn space_narrows_every_screen_to_one_unit_and_f_clears_it() {
    let mut app = owners_screen((160, 45));
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.filter.owner.as_deref(), Some("法制局"));
    assert!(
        screen(&app, &dark())
            .lines()
            .next()
            .unwrap()
            .contains("责任单位：法制局")
    );
    // The overview: only the programs with work of 法制局.
    press(&mut app, &[Tab]);
    assert_eq!(app.screen, Screen::Problems);
    let problems = app.problem_rows();
    assert_eq!(problems.len(), 4, "P17–P20 list measures of 法制局");
    press(&mut app, &[Tab]);
    assert_eq!(app.screen, Screen::Overview);
    let overview = app.overview_rows();
    assert_eq!(overview.len(), 1, "{overview:?}");
    press(&mut app, &[Enter]);
    let p = app.current_board().unwrap().program.clone().unwrap();
    let rows = app.measure_rows();
    assert_eq!(rows.len(), 9);
    assert!(
        rows.iter()
            .all(|&i| names_unit(&p.measures[i].owner, "法制局"))
    );
    press(&mut app, &[Tab]);
    assert!(app.deadline_rows().iter().all(|r| {
        let m = &app.boards[r.board].program.as_ref().unwrap().measures[r.measure];
        names_unit(&m.owner, "法制局")
    }));
    // Space again on the same unit takes the filter off; F clears it anywhere.
    press(&mut app, &[Tab]);
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.filter.owner, None);
    press(&mut app, &[Char(' '), Tab, Tab, Char('F')]);
    assert_eq!(app.filter.owner, None);
    assert_eq!(app.overview_rows().len(), 9);
}

#[test]
fn f_past_the_statuses_shows_the_overdue_then_the_due_soon() {
    let mut app = shipped((160, 45));
    press(&mut app, &[BackTab, BackTab, BackTab]);
    for _ in 0..6 {
        press(&mut app, &[Char('f')]);
    }
    assert_eq!(app.filter.deadline, Some(DeadlineFilter::Overdue));
    let overdue = app.deadline_rows();
    assert_eq!(overdue.len(), 4);
    assert!(overdue.iter().all(|r| r.days_left < 0));
    let s = screen(&app, &dark());
    assert!(s.lines().last().unwrap().contains("期限：已逾期"), "{s}");
    press(&mut app, &[Char('f')]);
    assert_eq!(app.filter.deadline, Some(DeadlineFilter::DueSoon));
    let soon = app.deadline_rows();
    assert_eq!(soon.len(), 4);
    assert!(soon.iter().all(|r| (0..=7).contains(&r.days_left)));
    assert!(screen(&app, &dark()).contains("期限：7天内到期"));
    // The program screen obeys it too: due soon in the fraud program is ZP-07 alone.
    press(&mut app, &[Esc, Enter]);
    let p = app.current_board().unwrap().program.clone().unwrap();
    let ids: Vec<&str> = app
        .measure_rows()
        .iter()
        .map(|&i| p.measures[i].id.as_str())
        .collect();
    assert_eq!(ids, ["ZP-07"]);
    assert!(schedule::is_due_soon(
        p.measure("ZP-07").unwrap(),
        app.today,
        7
    ));
}

#[test]
fn problems_list_their_state_and_enter_jumps_to_a_measure() {
    let mut app = problems_screen((160, 45));
    let rows = app.problem_rows();
    assert_eq!(rows.len(), 24);
    let state = |id: &str| {
        let r = rows.iter().find(|r| app.problem_id(r) == Some(id)).unwrap();
        r.status
    };
    use rectify::domain::problems::ProblemState::*;
    assert_eq!(state("P03").state, SignedOff);
    assert_eq!(state("P06").state, Finished);
    assert_eq!((state("P23").state, state("P23").blocked), (Open, 1));
    assert_eq!((state("P17").overdue, state("P17").finished), (1, 1));
    press(&mut app, &[Down, Down, Enter]);
    let drill = app.drill_rows(Screen::Problems);
    let refs: Vec<&str> = drill.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(refs, ["fraud/ZP-02", "fraud/ZP-08"]);
    press(&mut app, &[Down, Enter]);
    assert_eq!(app.screen, Screen::Program);
    assert_eq!(app.measure_sel.as_deref(), Some("ZP-08"));
    press(&mut app, &[Esc]);
    assert_eq!(
        app.screen,
        Screen::Problems,
        "Esc goes back to the problem's measures"
    );
    assert!(app.problem_drill.is_some());
    press(&mut app, &[Esc, Esc]);
    assert_eq!(app.screen, Screen::Overview);
}

#[test]
fn the_problem_list_screen_is_there_only_when_the_folder_has_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("boards/01-fraud.ron", dir.path().join("01-fraud.ron")).unwrap();
    let mut app = app_from(dir.path(), (120, 40));
    assert_eq!(
        app.screens(),
        [
            Screen::Overview,
            Screen::Program,
            Screen::Deadlines,
            Screen::Owners
        ]
    );
    assert!(!screen(&app, &dark()).contains("问题清单"));
    assert!(!screen(&app, &dark()).contains("个方面"));
    // The file arrives: the screen and the headline with it; it goes: both go.
    std::fs::copy("boards/problems.ron", dir.path().join("problems.ron")).unwrap();
    let a = rectify::tui::read_problems(&app);
    app::update(&mut app, a);
    assert_eq!(app.screens().len(), 5);
    // Only the fraud board is here: the other programs' references are errors, shown.
    let errors = app.errors();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].path.ends_with("problems.ron"));
    press(&mut app, &[BackTab]);
    assert_eq!(app.screen, Screen::Problems);
    std::fs::remove_file(dir.path().join("problems.ron")).unwrap();
    let a = rectify::tui::read_problems(&app);
    app::update(&mut app, a);
    assert_eq!(app.screen, Screen::Overview);
    assert_eq!(app.screens().len(), 4);
    assert!(app.errors().is_empty());
}

#[test]
fn a_broken_problem_list_keeps_the_last_good_one_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["01-fraud.ron", "problems.ron"] {
        std::fs::copy(format!("boards/{f}"), dir.path().join(f)).unwrap();
    }
    let mut app = app_from(dir.path(), (120, 40));
    let before = app.problems.as_ref().unwrap().list.clone();
    assert!(before.is_some());
    std::fs::write(dir.path().join("problems.ron"), "Problems(title: ").unwrap();
    let a = rectify::tui::read_problems(&app);
    app::update(&mut app, a);
    let p = app.problems.as_ref().unwrap();
    assert_eq!(p.list, before);
    let e = p.error.as_ref().unwrap();
    assert_eq!((e.line, e.col), (1, 16));
    assert!(screen(&app, &dark()).contains("problems.ron:1:16"));
}

#[test]
fn a_click_on_the_tab_opens_the_owner_units() {
    let mut app = shipped((160, 45));
    let (r, _) = rectify::app::layout::tabs(&app)
        .into_iter()
        .find(|(_, s)| *s == Screen::Owners)
        .unwrap();
    app::update(&mut app, Action::Click(r.x + 1, r.y));
    assert_eq!(app.screen, Screen::Owners);
}

fn snap(name: &str, app: &App) {
    let (w, h) = app.size;
    let lang = match app.settings.lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    };
    assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen(app, &dark()));
}

#[test]
fn snapshots_of_both_screens_and_their_lists_at_every_size_in_both_languages() {
    for size in SIZES {
        for lang in [Lang::Zh, Lang::En] {
            let on = |keys: &[KeyCode]| {
                let mut app = shipped(size);
                app.settings.lang = lang;
                press(&mut app, keys);
                app
            };
            snap("owners", &on(&[BackTab, BackTab]));
            snap(
                "owner_measures",
                &on(&[BackTab, BackTab, Down, Down, Enter]),
            );
            snap("problems", &on(&[BackTab]));
            snap("problem_measures", &on(&[BackTab, End, Enter]));
        }
    }
}

#[test]
fn the_owner_table_and_a_units_list_follow_a_colleagues_save() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir("boards").unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let mut app = app_from(dir.path(), (160, 45));
    press(&mut app, &[BackTab, BackTab]);
    assert_eq!(app.screen, Screen::Owners);
    assert_eq!(app.owner_list()[0].unit, "法制局");
    press(&mut app, &[Enter]);
    let listed = app.drill_rows(Screen::Owners).len();
    assert_eq!(listed, 9);
    assert!(screen(&app, &dark()).contains("法制局"));
    // A colleague hands the law-enforcement program's work to another unit and saves.
    let path = dir.path().join("08-law-enforcement.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("owner: \"法制局\"", "owner: \"督察审计局\""),
    )
    .unwrap();
    let reload = app::Reload {
        path: path.clone(),
        load: Some(rectify::storage::load_file(&path)),
        settled: true,
    };
    app::update(&mut app, Action::Reloaded(vec![reload], now()));
    let units: Vec<String> = app.owner_list().iter().map(|r| r.unit.clone()).collect();
    assert!(!units.contains(&"法制局".to_owned()), "{units:?}");
    assert_eq!(units[0], "督察审计局", "it took the two overdue measures");
    assert!(
        app.drill_rows(Screen::Owners).is_empty(),
        "the open unit has no measures left"
    );
    press(&mut app, &[Esc]);
    assert!(screen(&app, &dark()).contains("督察审计局"));
}

#[test]
fn a_folders_due_soon_window_is_named_and_counted_alike_on_the_board_and_in_every_report() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir("boards").unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let settings = dir.path().join("rectify.ron");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text.replace("due_soon_days: 7", "due_soon_days: 14"),
    )
    .unwrap();

    // The window as the binary resolves it: flags, then the folder's file, then the config.
    let mut app = App::new(
        dir.path(),
        rectify::storage::load_dir(dir.path()),
        today(),
        now(),
        app::Settings {
            due_soon_days: 14,
            ..app::Settings::default()
        },
    );
    app::update(&mut app, Action::Resize(160, 45));
    let soon = app.totals().due_soon;
    let week = app
        .deadline_rows()
        .iter()
        .filter(|r| r.bucket == app::Bucket::Week)
        .count();
    assert!(
        soon > 4,
        "a 14-day window holds more than the 7-day one's 4: {soon}"
    );
    let board = screen(&app, &dark());
    assert!(board.contains(&format!("14天内到期 {soon}")), "{board}");
    assert!(!board.contains("7天内"), "{board}");
    press(&mut app, &[Tab, Tab]);
    assert_eq!(app.screen, Screen::Deadlines);
    let deadlines = screen(&app, &dark());
    assert!(
        deadlines.contains(&format!("14天内到期 {week}")),
        "{deadlines}"
    );

    let path = dir.path().to_str().unwrap();
    let report = |format: &str| {
        let (code, out, err) = rectify(&["report", path, "--format", format]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let md = report("markdown");
    assert!(md.contains(&format!("14天内到期 {soon} 条")), "{md}");
    assert!(
        md.contains(&format!("## 14天内到期的措施（{soon} 条）")),
        "{md}"
    );
    assert!(!md.contains("7天内"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&report("json")).unwrap();
    assert_eq!(json["due_soon_days"], 14);
    assert_eq!(json["totals"]["due_soon"], soon);
    assert!(report("html").contains(&format!("14天内到期的措施（{soon} 条）")));
}

#[test]
fn a_long_measure_id_is_shown_whole_on_every_list() {
    let dir = tempfile::tempdir().unwrap();
    let fraud = std::fs::read_to_string("boards/01-fraud.ron").unwrap();
    // An imported ledger's numbering: ZP-07 is due in four days, owned by 刑事侦查局.
    let fraud = fraud.replace("id: \"ZP-07\"", "id: \"2023-ZP-0007\"");
    std::fs::write(dir.path().join("01-fraud.ron"), fraud).unwrap();
    let mut app = app_from(dir.path(), (160, 45));
    press(&mut app, &[Tab, Tab]);
    assert_eq!(app.screen, Screen::Deadlines);
    let deadlines = screen(&app, &dark());
    assert!(deadlines.contains(" 2023-ZP-0007 "), "{deadlines}");
    press(&mut app, &[Tab]);
    assert_eq!(app.screen, Screen::Owners);
    let row = app
        .owner_list()
        .iter()
        .position(|r| r.unit == "刑事侦查局")
        .unwrap();
    for _ in 0..row {
        press(&mut app, &[Down]);
    }
    press(&mut app, &[Enter]);
    let unit = screen(&app, &dark());
    assert!(unit.contains("2023-ZP-0007 "), "{unit}");
    press(&mut app, &[Esc, BackTab, BackTab]);
    assert_eq!(app.screen, Screen::Program);
    let program = screen(&app, &dark());
    assert!(program.contains(" 2023-ZP-0007 "), "{program}");
}

#[test]
fn the_deadline_tables_id_column_widens_for_a_long_id_a_colleague_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("01-fraud.ron");
    std::fs::copy("boards/01-fraud.ron", &path).unwrap();
    let mut app = app_from(dir.path(), (160, 45));
    press(&mut app, &[Tab, Tab]);
    assert_eq!(app.screen, Screen::Deadlines);
    assert!(screen(&app, &dark()).contains(" ZP-07 "));
    // The column's width is kept with the list between frames; a save must renew it.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("id: \"ZP-07\"", "id: \"2023-ZP-0007\"")).unwrap();
    let reload = app::Reload {
        path: path.clone(),
        load: Some(rectify::storage::load_file(&path)),
        settled: true,
    };
    app::update(&mut app, Action::Reloaded(vec![reload], now()));
    let deadlines = screen(&app, &dark());
    assert!(deadlines.contains(" 2023-ZP-0007 "), "{deadlines}");
}

/// The lists are kept between frames (a key at 100,000 measures would otherwise count them
/// all again): the same list while nothing changes, a new one when the filter changes.
#[test]
fn a_list_is_worked_out_once_until_the_boards_or_the_filter_change() {
    let mut app = app_from(std::path::Path::new("boards"), (160, 45));
    let first = app.deadline_list();
    assert!(std::sync::Arc::ptr_eq(&first, &app.deadline_list()));
    let owners = app.owner_list();
    assert!(std::sync::Arc::ptr_eq(&owners, &app.owner_list()));
    press(&mut app, &[Tab, Tab]);
    assert_eq!(app.screen, Screen::Deadlines);
    assert!(std::sync::Arc::ptr_eq(&first, &app.deadline_list()));
    press(&mut app, &[KeyCode::Char('f')]);
    assert!(!std::sync::Arc::ptr_eq(&first, &app.deadline_list()));
}

/// A board read again is told apart by the hash of its bytes even where its measures sit at
/// the very address the old ones did (an allocator may hand the same memory back).
#[test]
fn a_changed_board_at_the_same_address_is_not_taken_for_the_old_one() {
    let mut app = app_from(std::path::Path::new("boards"), (160, 45));
    let before = app.deadline_list().len();
    let (b, m) = {
        let r = &app.deadline_list()[0];
        (r.board, r.measure)
    };
    // Finish the first overdue measure in place, as a new read of its file would have it.
    let board = &mut app.boards[b];
    let program = board.program.as_mut().unwrap();
    program.measures[m].status = rectify::domain::Status::Done;
    board.hash = Some(rectify::storage::ContentHash::of(b"another version"));
    assert_eq!(app.deadline_list().len(), before - 1);
}
