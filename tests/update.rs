//! Key sequences → state, with no terminal: what a user does, and what they must see happen.

mod common;

use std::path::PathBuf;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use rectify::app::layout;
use rectify::app::{self, Action, App, DeadlineFilter, Effect, Screen, SortKey, keymap};
use rectify::domain::{Date, StatusKind};

use KeyCode::*;

fn board(n: &str) -> PathBuf {
    PathBuf::from("boards").join(n)
}

fn selected_measure(app: &App) -> &str {
    app.measure_sel.as_deref().unwrap()
}

#[test]
fn arrows_and_enter_open_a_program_and_esc_comes_back() {
    let mut app = shipped((80, 24));
    press(&mut app, &[Down, Char('j'), Enter]);
    assert_eq!(app.screen, Screen::Program);
    assert_eq!(app.program_path, Some(board("03-traffic-reform.ron")));
    assert_eq!(selected_measure(&app), "JG-01");
    press(&mut app, &[Esc]);
    assert_eq!(app.screen, Screen::Overview);
    assert_eq!(app.overview_sel, Some(board("03-traffic-reform.ron")));
    press(&mut app, &[Up, Char('k'), Char('k')]);
    assert_eq!(
        app.overview_sel,
        Some(board("01-fraud.ron")),
        "stops at the top"
    );
}

#[test]
fn tab_cycles_screens_both_ways() {
    let mut app = shipped((80, 24));
    let mut seen = vec![];
    for _ in 0..5 {
        press(&mut app, &[Tab]);
        seen.push(app.screen);
    }
    assert_eq!(
        seen,
        [
            Screen::Program,
            Screen::Deadlines,
            Screen::Owners,
            Screen::Problems,
            Screen::Overview
        ]
    );
    press(&mut app, &[BackTab]);
    assert_eq!(app.screen, Screen::Problems);
}

#[test]
fn h_and_l_step_through_programs() {
    let mut app = shipped((80, 24));
    press(&mut app, &[Enter, Char('l'), Right]);
    assert_eq!(app.program_path, Some(board("03-traffic-reform.ron")));
    press(&mut app, &[Char('h')]);
    assert_eq!(app.program_path, Some(board("02-railway.ron")));
    press(&mut app, &[Left, Left, Left]);
    assert_eq!(app.program_path, Some(board("01-fraud.ron")));
}

#[test]
fn enter_on_a_deadline_jumps_to_that_measure() {
    let mut app = shipped((80, 24));
    press(&mut app, &[BackTab, BackTab, BackTab]);
    assert_eq!(app.screen, Screen::Deadlines);
    // The worst first: 15 days overdue.
    assert_eq!(
        app.deadline_sel,
        Some((board("08-law-enforcement.ron"), "ZF-02".into()))
    );
    press(&mut app, &[Down, Down, Down, Down, Enter]);
    assert_eq!(app.screen, Screen::Program);
    assert_eq!(app.program_path, Some(board("06-rural-traffic.ron")));
    assert_eq!(selected_measure(&app), "NC-03");
}

#[test]
fn text_filter_narrows_every_list_and_esc_clears_it() {
    let mut app = shipped((80, 24));
    press(&mut app, &[Char('/')]);
    type_text(&mut app, "法制局");
    assert!(app.filter.editing);
    let shown = app.overview_rows();
    assert!(!shown.is_empty() && shown.len() < 9, "{shown:?}");
    press(&mut app, &[Enter]);
    assert!(!app.filter.editing);
    press(&mut app, &[Enter]);
    let p = app.current_board().unwrap().program.clone().unwrap();
    for i in app.measure_rows() {
        let m = &p.measures[i];
        assert!(
            m.owner.contains("法制局") || m.title.contains("法制局"),
            "{m:?}"
        );
    }
    press(&mut app, &[Esc, Esc]);
    assert!(!app.filter.is_active());
    assert_eq!(app.overview_rows().len(), 9);
}

#[test]
fn typing_q_into_the_filter_does_not_quit() {
    let mut app = shipped((80, 24));
    press(&mut app, &[Char('/')]);
    let effects = press(&mut app, &[Char('q'), Char('?')]);
    assert!(effects.is_empty());
    assert_eq!(app.filter.text, "q?");
    assert!(!app.help);
    press(&mut app, &[Backspace, Backspace, Backspace]);
    assert_eq!(app.filter.text, "");
}

#[test]
fn f_cycles_through_every_status_then_the_deadline_states_and_back_to_all() {
    let mut app = shipped((80, 24));
    let mut seen = vec![];
    for _ in 0..8 {
        press(&mut app, &[Char('f')]);
        seen.push((app.filter.status, app.filter.deadline));
    }
    let mut want: Vec<_> = StatusKind::ALL.iter().map(|&k| (Some(k), None)).collect();
    want.push((None, Some(DeadlineFilter::Overdue)));
    want.push((None, Some(DeadlineFilter::DueSoon)));
    want.push((None, None));
    assert_eq!(seen, want);
    press(&mut app, &[Char('f'), Char('f'), Char('f'), Enter]);
    let p = app.current_board().unwrap().program.clone().unwrap();
    assert!(
        app.measure_rows()
            .iter()
            .all(|&i| p.measures[i].status.kind() == StatusKind::Blocked)
    );
}

#[test]
fn shift_s_sorts_by_due_status_and_owner() {
    let mut app = shipped((80, 24));
    press(&mut app, &[Enter, Char('S')]);
    assert_eq!(app.sort, SortKey::Due);
    let p = app.current_board().unwrap().program.clone().unwrap();
    let dues: Vec<Date> = app
        .measure_rows()
        .iter()
        .map(|&i| p.measures[i].effective_due())
        .collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    press(&mut app, &[Char('S'), Char('S')]);
    assert_eq!(app.sort, SortKey::Owner);
    let owners: Vec<&str> = app
        .measure_rows()
        .iter()
        .map(|&i| p.measures[i].owner.as_str())
        .collect();
    assert!(owners.windows(2).all(|w| w[0] <= w[1]), "{owners:?}");
    press(&mut app, &[Char('S')]);
    assert_eq!(app.sort, SortKey::File);
}

#[test]
fn selection_survives_sorting_by_id() {
    let mut app = shipped((80, 24));
    press(&mut app, &[Enter, Down, Down, Down]);
    let before = selected_measure(&app).to_owned();
    press(&mut app, &[Char('S'), Char('S')]);
    assert_eq!(selected_measure(&app), before);
}

#[test]
fn help_opens_swallows_other_keys_and_closes() {
    let mut app = shipped((80, 24));
    press(&mut app, &[Char('?')]);
    assert!(app.help);
    press(&mut app, &[Down, Enter, Tab]);
    assert_eq!(app.screen, Screen::Overview);
    assert_eq!(app.overview_sel, Some(board("01-fraud.ron")));
    press(&mut app, &[Esc]);
    assert!(!app.help);
}

/// At 80×24 the program screen has more keys than rows: the help says so and scrolls to the
/// last of them (quit), and back; its keys move the list, never the board under it.
#[test]
fn a_help_taller_than_the_terminal_scrolls_to_its_last_key() {
    let mut app = shipped((80, 24));
    press(&mut app, &[Enter, Char('?')]);
    let selected = selected_measure(&app).to_owned();
    let top = screen(&app, &dark());
    assert!(top.contains("↑↓ 查看更多"), "{top}");
    assert!(top.contains("上下选择") && !top.contains("退出"), "{top}");
    press(&mut app, &[End]);
    let bottom = screen(&app, &dark());
    let last = keymap::help_lines()
        .filter(|b| b.applies(Screen::Program))
        .last()
        .unwrap();
    assert!(
        bottom.contains("q  Ctrl-C") && bottom.contains(last.zh),
        "{bottom}"
    );
    assert!(!bottom.contains("上下选择"), "{bottom}");
    // Past the end it stays at the end: one step up shows the line above the last again.
    press(&mut app, &[Down, Down, Down, Up]);
    assert_ne!(screen(&app, &dark()), bottom);
    press(&mut app, &[Char('G')]);
    assert_eq!(screen(&app, &dark()), bottom);
    press(&mut app, &[Home]);
    assert_eq!(screen(&app, &dark()), top);
    // A page is the rows the box shows: more than the two lines it is short of here.
    press(&mut app, &[PageDown]);
    assert_eq!(screen(&app, &dark()), bottom);
    press(&mut app, &[PageUp]);
    assert_eq!(screen(&app, &dark()), top);
    assert_eq!(selected_measure(&app), selected);
    // Closed and opened again, it starts at the top.
    press(&mut app, &[End, Esc, Char('?')]);
    assert_eq!(screen(&app, &dark()), top);
    // Where every key fits, there is nothing to scroll and no hint.
    let mut wide = shipped((160, 45));
    press(&mut wide, &[Enter, Char('?')]);
    let all = screen(&wide, &dark());
    assert!(!all.contains("查看更多") && all.contains("退出"), "{all}");
    press(&mut wide, &[End]);
    assert_eq!(screen(&wide, &dark()), all);
}

/// The user's own keys come after the built-in ones, under their heading; in a short
/// terminal the help scrolls down to the last of them, and no further.
#[test]
fn the_users_own_keys_are_the_end_of_a_scrolled_help() {
    let keys: std::collections::BTreeMap<String, String> = [
        ("x", "quit"),
        ("ctrl-n", "next_screen"),
        ("ctrl-p", "prev_screen"),
    ]
    .into_iter()
    .map(|(k, a)| (k.to_owned(), a.to_owned()))
    .collect();
    let mut app = shipped((80, 24));
    app.settings.keys = rectify::config::bindings(&keys, std::path::Path::new("c.ron")).unwrap();
    press(&mut app, &[Enter, Char('?')]);
    let d = layout::help_dialog(&app);
    let built_in = keymap::help_lines()
        .filter(|b| b.applies(Screen::Program))
        .count();
    // Every built-in line, the heading and the three keys.
    assert_eq!(usize::from(d.rows), built_in + 1 + 3);
    assert_eq!(d.visible, 24 - 4);
    press(&mut app, &[End]);
    assert_eq!(app.help_scroll, d.rows - d.visible);
    let end = screen(&app, &dark());
    let lines: Vec<&str> = end.lines().collect();
    // The box's last line above its bottom border is the last own key.
    let bottom = lines
        .iter()
        .position(|l| l.contains("按 ? 或 Esc 关闭"))
        .unwrap();
    assert!(
        lines[bottom - 1].contains(" x ") || lines[bottom - 1].contains("x  "),
        "{end}"
    );
    assert!(end.contains("自定义按键（配置文件）"), "{end}");
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = shipped((80, 24));
    assert_eq!(press(&mut app, &[Char('q')]), vec![Effect::Quit]);
    let ctrl_c = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
    press(&mut app, &[Char('/')]);
    let a = keymap::key(&app, ctrl_c).unwrap();
    assert_eq!(app::update(&mut app, a), vec![Effect::Quit]);
}

fn visible(app: &App, index: usize, scroll: usize) -> bool {
    let h = layout::list_rows(app, app.screen).height as usize;
    (scroll..scroll + h).contains(&index)
}

#[test]
fn the_selection_stays_on_screen_and_survives_a_resize() {
    let mut app = shipped((80, 24));
    press(&mut app, &[BackTab, BackTab, BackTab, End]);
    let rows = app.deadline_rows();
    let last = rows.len() - 1;
    assert_eq!(app.deadline_index(&rows), last);
    assert!(app.deadline_scroll.offset > 0);
    assert!(visible(&app, last, app.deadline_scroll.offset));
    let key = app.deadline_sel.clone();
    for (w, h) in [(200, 60), (60, 16), (80, 24)] {
        app::update(&mut app, Action::Resize(w, h));
        assert_eq!(app.deadline_sel, key);
        assert!(visible(&app, last, app.deadline_scroll.offset), "{w}x{h}");
    }
    press(&mut app, &[Home]);
    assert_eq!(app.deadline_scroll.offset, 0);
}

fn click(app: &mut App, x: u16, y: u16) {
    let m = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    let a = keymap::mouse(m).unwrap();
    app::update(app, a);
}

#[test]
fn a_click_selects_a_row_and_a_second_click_opens_it() {
    let mut app = shipped((160, 45));
    let rows = layout::list_rows(&app, Screen::Overview);
    click(&mut app, 20, rows.y + 4);
    assert_eq!(app.overview_sel, Some(board("05-food-drug-env.ron")));
    assert_eq!(app.screen, Screen::Overview);
    click(&mut app, 20, rows.y + 4);
    assert_eq!(app.screen, Screen::Program);
    assert_eq!(app.program_path, Some(board("05-food-drug-env.ron")));
}

#[test]
fn a_click_on_a_tab_switches_screens() {
    let mut app = shipped((160, 45));
    let (r, _) = layout::tabs(&app)
        .into_iter()
        .find(|(_, s)| *s == Screen::Deadlines)
        .unwrap();
    click(&mut app, r.x + 1, r.y);
    assert_eq!(app.screen, Screen::Deadlines);
}

#[test]
fn the_wheel_scrolls_the_list() {
    let mut app = shipped((160, 45));
    let wheel = |kind| MouseEvent {
        kind,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    };
    let a = keymap::mouse(wheel(MouseEventKind::ScrollDown)).unwrap();
    app::update(&mut app, a);
    assert_eq!(app.overview_sel, Some(board("04-vice.ron")));
    assert_eq!(keymap::mouse(wheel(MouseEventKind::Moved)), None);
}

#[test]
fn a_new_day_reassesses_every_program() {
    let mut app = shipped((80, 24));
    assert_eq!(app.totals().overdue, 4);
    app::update(&mut app, Action::Today(Date::parse("2023-07-21").unwrap()));
    assert_eq!(app.today, Date::parse("2023-07-21").unwrap());
    // NC-03 (07-18), ZP-07 (07-19) and ZF-05 (07-20) have now passed too.
    assert_eq!(app.totals().overdue, 7);
}

#[test]
fn every_key_the_help_lists_does_something_on_its_screens() {
    for b in keymap::BINDINGS {
        if b.example == Null {
            continue;
        }
        for screen in [Screen::Overview, Screen::Program, Screen::Deadlines] {
            if !b.applies(screen) {
                continue;
            }
            let mut app = shipped((80, 24));
            app::update(&mut app, Action::Open);
            while app.screen != screen {
                app::update(&mut app, Action::NextScreen);
            }
            assert!(
                keymap::key(&app, key(b.example)).is_some(),
                "{} on {screen:?}",
                b.keys
            );
        }
    }
}

#[test]
fn a_notice_stays_through_a_resize_and_goes_at_the_next_key() {
    let mut app = shipped((80, 24));
    app.notice = Some("theme fell back".into());
    app::update(&mut app, Action::Resize(100, 30));
    assert!(app.notice.is_some());
    press(&mut app, &[Down]);
    assert_eq!(app.notice, None);
}
