//! Meeting mode: every page at five sizes, the cycle on an injected clock, the keys, marks of
//! what changed since the meeting began, midnight, and nothing editable.

mod common;

use std::time::Duration;

use chrono::{NaiveDateTime, TimeDelta};
use common::*;
use crossterm::event::KeyCode::*;
use insta::assert_snapshot;
use rectify::app::meeting::{Meeting, Page, Since};
use rectify::app::{self, Action, App};
use rectify::theme::Theme;

const CYCLE: u64 = 20;

fn meeting(size: (u16, u16)) -> App {
    let mut app = shipped(size);
    app.settings.read_only = true;
    app.meeting = Some(Meeting::start(&app, now(), CYCLE));
    app
}

fn at(app: &mut App, seconds: i64) {
    app::update(app, Action::Tick(now() + TimeDelta::seconds(seconds)));
}

fn page(app: &App) -> usize {
    app.meeting.as_ref().unwrap().page
}

fn hc() -> Theme {
    Theme::built_in("high-contrast").unwrap()
}

#[test]
fn every_page_at_every_size() {
    for size in [(80, 24), (120, 40), (160, 45), (200, 60), (240, 67)] {
        let (w, h) = size;
        let mut app = meeting(size);
        assert_snapshot!(format!("meeting_overview_{w}x{h}"), screen(&app, &hc()));
        press(&mut app, &[Char('8')]);
        assert_snapshot!(format!("meeting_program_{w}x{h}"), screen(&app, &hc()));
        press(&mut app, &[Char('9'), Right]);
        assert!(matches!(app.meeting_page(), Some(Page::Deadlines)));
        assert_snapshot!(format!("meeting_deadlines_{w}x{h}"), screen(&app, &hc()));
    }
}

#[test]
fn the_cycle_turns_pages_on_its_timer_and_wraps() {
    let mut app = meeting((160, 45));
    let pages = app.meeting_pages().len();
    assert_eq!(pages, 11, "overview, 9 programs, deadlines");
    at(&mut app, 19);
    assert_eq!(page(&app), 0);
    at(&mut app, 20);
    assert_eq!(page(&app), 1);
    assert_eq!(app.meeting.as_ref().unwrap().left(), TimeDelta::seconds(20));
    at(&mut app, 30);
    assert_eq!(app.meeting.as_ref().unwrap().left(), TimeDelta::seconds(10));
    for n in 2..=10 {
        at(&mut app, 20 * n);
    }
    assert_eq!(page(&app), 10);
    assert!(matches!(app.meeting_page(), Some(Page::Deadlines)));
    at(&mut app, 220);
    assert_eq!(page(&app), 0, "back to the overview");
}

#[test]
fn space_pauses_and_resuming_gives_the_page_a_full_turn() {
    let mut app = meeting((160, 45));
    at(&mut app, 15);
    press(&mut app, &[Char(' ')]);
    assert!(app.meeting.as_ref().unwrap().paused);
    at(&mut app, 500);
    assert_eq!(page(&app), 0, "paused: no turning");
    assert!(screen(&app, &hc()).contains("⏸ 已暂停"));
    press(&mut app, &[Char(' ')]);
    at(&mut app, 519);
    assert_eq!(page(&app), 0);
    at(&mut app, 520);
    assert_eq!(page(&app), 1);
}

#[test]
fn arrows_and_numbers_move_by_hand() {
    let mut app = meeting((160, 45));
    press(&mut app, &[Left]);
    assert_eq!(
        page(&app),
        10,
        "left from the overview wraps to the deadlines"
    );
    press(&mut app, &[Right, Right]);
    assert_eq!(page(&app), 1);
    press(&mut app, &[Char('3')]);
    assert_eq!(
        app.meeting_page(),
        Some(Page::Program("boards/03-traffic-reform.ron".into()))
    );
    press(&mut app, &[Char('0')]);
    assert_eq!(page(&app), 3, "there is no tenth program");
    // A page turned by hand gets its full time.
    at(&mut app, 10);
    press(&mut app, &[Right]);
    at(&mut app, 29);
    assert_eq!(page(&app), 4);
}

#[test]
fn edit_keys_only_say_read_only() {
    let mut app = meeting((160, 45));
    press(&mut app, &[Char('8')]);
    for k in [
        Char('s'),
        Char('p'),
        Char('n'),
        Char('o'),
        Char('d'),
        Char('u'),
        Char('+'),
        Char('-'),
    ] {
        app.notice = None;
        assert!(press(&mut app, &[k]).is_empty(), "{k:?}");
        assert_eq!(app.modal, None);
        assert_eq!(app.notice.as_deref(), Some("会议模式为只读，不能修改"));
    }
}

#[test]
fn what_changed_since_the_meeting_began_is_marked() {
    let mut app = meeting((160, 45));
    // A colleague signs off ZF-05 and starts ZF-10 during the meeting.
    let path = std::path::PathBuf::from("boards/08-law-enforcement.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text
        .replacen(
            "id: \"ZF-05\",",
            "id: \"ZF-05\", signed_off: \"2023-07-15\", signed_by: \"李四\",",
            1,
        )
        .replacen(
            "due: \"2023-07-20\",\n            status: InProgress,",
            "due: \"2023-07-20\",\n            status: SignedOff,",
            1,
        );
    let load = rectify::storage::load_text(&path, &changed);
    assert!(load.program.is_some(), "{:?}", load.diagnostics);
    let reload = app::Reload {
        path: path.clone(),
        load: Some(load),
        settled: true,
    };
    app::update(&mut app, Action::Reloaded(vec![reload], now()));
    let m = app.meeting.as_ref().unwrap();
    let p = app.boards[7].program.as_ref().unwrap();
    assert_eq!(
        m.since(&p.id, p.measure("ZF-05").unwrap(), app.today),
        Some(Since::SignedOff)
    );
    assert_eq!(m.since(&p.id, p.measure("ZF-02").unwrap(), app.today), None);
    assert!(screen(&app, &hc()).contains("会议开始以来：★新销号 1 · ⚠新逾期 0"));
    // Time passes: ZF-06's neighbours fall due.
    app::update(
        &mut app,
        Action::Today(rectify::domain::Date::parse("2023-07-21").unwrap()),
    );
    let m = app.meeting.as_ref().unwrap();
    let p = app.boards[5].program.as_ref().unwrap();
    assert_eq!(
        m.since(&p.id, p.measure("NC-03").unwrap(), app.today),
        Some(Since::Overdue)
    );
    press(&mut app, &[Char('6')]);
    assert!(screen(&app, &hc()).contains("⚠新逾期"));
}

#[test]
fn the_day_rolls_over_at_midnight() {
    use std::sync::{Arc, Mutex};
    let args = rectify::cli::BoardArgs {
        read_only: true,
        ..rectify::cli::BoardArgs::new("boards")
    };
    let evening: NaiveDateTime = today().0.and_hms_opt(23, 59, 58).unwrap();
    let mut session = rectify::tui::prepare(&args, evening).unwrap();
    session.app.meeting = Some(Meeting::start(&session.app, evening, CYCLE));
    let mut driver = rectify::tui::Driver::new(session, false);
    let clock = Arc::new(Mutex::new(evening));
    let c = clock.clone();
    driver.clock = Box::new(move || *c.lock().unwrap());
    assert_eq!(driver.session.app.today, today());
    assert!(
        driver.wait().unwrap() <= Duration::from_secs(1),
        "the clock on screen ticks"
    );
    let overdue_before = driver.session.app.totals().overdue;
    *clock.lock().unwrap() = evening + TimeDelta::seconds(3);
    driver.step(Err(std::sync::mpsc::RecvTimeoutError::Timeout));
    let next = rectify::domain::Date::parse("2023-07-16").unwrap();
    assert_eq!(driver.session.app.today, next);
    assert_eq!(
        driver
            .session
            .app
            .meeting
            .as_ref()
            .unwrap()
            .now
            .format("%H:%M:%S")
            .to_string(),
        "00:00:01"
    );
    assert!(driver.session.app.totals().overdue >= overdue_before);
    assert!(screen(&driver.session.app, &hc()).contains("00:00:01"));
}

#[cfg(unix)]
#[test]
fn the_real_binary_cycles_and_leaves_the_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir("boards").unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let before: Vec<Vec<u8>> = (1..=9)
        .map(|_| ())
        .zip(std::fs::read_dir(dir.path()).unwrap())
        .map(|(_, e)| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let mut s = common::pty::Session::start(
        &[
            "meeting",
            dir.path().to_str().unwrap(),
            "--today",
            "2023-07-15",
            "--cycle",
            "3",
        ],
        (120, 40),
        &[],
    );
    s.wait_for("1/11 总览");
    s.wait_for("2/11 打击治理电信网络诈骗犯罪");
    s.send("spnodu+-");
    s.wait_for("会议模式为只读");
    s.send("q");
    assert!(s.wait_exit());
    let after: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(before.len(), 9);
    assert_eq!(after.len(), 9, "no file added (no history, no lock)");
    let mut b = before;
    let mut a = after;
    b.sort();
    a.sort();
    assert_eq!(a, b, "no board changed");
}

#[test]
fn a_clicker_turns_pages_and_blanks_the_screen() {
    let mut app = meeting((80, 24));
    press(&mut app, &[PageDown, PageDown]);
    assert_eq!(page(&app), 2);
    press(&mut app, &[PageUp]);
    assert_eq!(page(&app), 1);
    for blank in [Char('b'), Char('.')] {
        press(&mut app, &[blank]);
        let text = screen(&app, &hc());
        assert!(text.trim().is_empty(), "{text}");
        // The cycle waits while the screen is blank.
        at(&mut app, 500);
        assert_eq!(page(&app), 1);
        // Any key brings the screen back, and does only that.
        press(&mut app, &[Right]);
        assert_eq!(page(&app), 1);
        assert!(screen(&app, &hc()).contains("打击治理电信网络诈骗犯罪"));
    }
}

/// The deadlines page's figures count what its list shows: each row, or how many more.
#[test]
fn the_lists_add_up_to_the_figures_above_them() {
    for size in [(80, 24), (120, 40), (240, 67)] {
        let mut app = meeting(size);
        press(&mut app, &[Left]);
        let text = screen(&app, &hc());
        let rows = app.deadline_rows().len();
        let listed = text
            .lines()
            .filter(|l| {
                // A row names its measure: two capitals, a dash, two digits (`ZF-02`).
                let c: Vec<char> = l.chars().collect();
                c.windows(5).any(|w| {
                    w[0].is_ascii_uppercase()
                        && w[1].is_ascii_uppercase()
                        && w[2] == '-'
                        && w[3].is_ascii_digit()
                        && w[4].is_ascii_digit()
                })
            })
            .count();
        let more: usize = text
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("另有 ")?
                    .strip_suffix(" 项")?
                    .parse()
                    .ok()
            })
            .unwrap_or(0);
        assert_eq!(listed + more, rows, "{size:?}\n{text}");
        if size == (240, 67) {
            assert_eq!(more, 0, "a large screen lists them all:\n{text}");
        }
    }
}

#[test]
fn blocked_reasons_and_owners_show_at_every_size() {
    for size in [(80, 24), (120, 40), (160, 45), (240, 67)] {
        let mut app = meeting(size);
        press(&mut app, &[Char('9')]);
        let text = screen(&app, &hc());
        assert!(text.contains("受阻原因：机构编制调整"), "{size:?}\n{text}");
        assert!(text.contains("责任单位"), "{size:?}\n{text}");
        // The overview page lists it too, with its reason.
        let app = meeting(size);
        let text = screen(&app, &hc());
        assert!(text.contains("需要关注"), "{size:?}\n{text}");
        assert!(text.contains("JW-05"), "{size:?}\n{text}");
    }
}
