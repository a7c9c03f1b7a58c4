//! Hot reload, end to end without a terminal: real writes in a temp folder in every save style
//! editors and tools use, a real watcher, and the app state waited on with a timeout.

mod common;

use rectify::i18n::Lang;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::live::{Live, key};
use rectify::app::{ChangeKind, Screen};
use rectify::tui;

const TITLE: &str = "组织各地刑侦部门开展反诈集群战役";

fn fraud_with(title: &str) -> String {
    fs::read_to_string("boards/01-fraud.ron")
        .unwrap()
        .replacen(TITLE, title, 1)
}

type Save = fn(&Path, &str, &str);

fn rename_over(p: &Path, text: &str, _title: &str) {
    let tmp = p.with_file_name(".01-fraud.ron.tmp");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, p).unwrap();
}

fn vim_backup(p: &Path, text: &str, _title: &str) {
    let backup = p.with_file_name("01-fraud.ron~");
    fs::rename(p, &backup).unwrap();
    fs::write(p, text).unwrap();
    fs::remove_file(backup).unwrap();
}

fn truncate_then_write(p: &Path, text: &str, _title: &str) {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(p)
        .unwrap();
    f.flush().unwrap();
    // Long enough for the watcher to settle and the app to read the empty file.
    std::thread::sleep(Duration::from_millis(150));
    f.write_all(text.as_bytes()).unwrap();
}

fn remove_then_create(p: &Path, text: &str, _title: &str) {
    fs::remove_file(p).unwrap();
    fs::write(p, text).unwrap();
}

fn sed_in_place(p: &Path, _text: &str, title: &str) {
    // Replaces whatever ZP-01's title is now, the way a script would.
    let script = format!("s/title: \"{TITLE}[^\"]*\"/title: \"{title}\"/");
    let ok = Command::new("sed")
        .arg("-i")
        .arg(script)
        .arg(p)
        .status()
        .unwrap();
    assert!(ok.success());
}

fn shell_redirect(p: &Path, text: &str, _title: &str) {
    let src = p.with_file_name("source.txt");
    fs::write(&src, text).unwrap();
    let cmd = format!("cat '{}' > '{}'", src.display(), p.display());
    assert!(
        Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .status()
            .unwrap()
            .success()
    );
}

/// Every way of saving, those that need a Unix shell's tools only there.
fn styles() -> Vec<(&'static str, Save)> {
    let mut styles: Vec<(&'static str, Save)> = vec![
        ("write a temp file and rename it over", rename_over),
        ("vim: move to a backup, write anew", vim_backup),
        ("VS Code: truncate, then write", truncate_then_write),
        ("git checkout: remove, then create", remove_then_create),
    ];
    if cfg!(unix) {
        styles.push(("sed -i", sed_in_place));
        styles.push(("shell >", shell_redirect));
    }
    styles
}

fn every_save_style_shows_the_new_data(poll: Option<Duration>) {
    let mut live = Live::start(poll);
    for (n, (style, save)) in styles().into_iter().enumerate() {
        let new_title = format!("{TITLE}（第{n}次修改）");
        live.saw_error = false;
        // The save runs beside the loop, as a colleague's editor does, so the app can read
        // the file half-way through it.
        let (path, text, title) = (
            live.path("01-fraud.ron"),
            fraud_with(&new_title),
            new_title.clone(),
        );
        let saving = std::thread::spawn(move || save(&path, &text, &title));
        live.until(style, |app| {
            app.boards.iter().any(|b| {
                b.program
                    .as_ref()
                    .and_then(|p| p.measure("ZP-01"))
                    .is_some_and(|m| m.title == new_title)
            })
        });
        saving.join().unwrap();
        assert!(!live.saw_error, "{style}: an error flashed during the save");
        assert_eq!(live.app().boards.len(), 2, "{style}");
        let change = live.app().last_change.clone().unwrap();
        assert_eq!(change.file, "01-fraud.ron", "{style}");
        let b = &live.app().boards[0];
        assert!(
            b.marks.contains_key("ZP-01"),
            "{style}: the changed row is marked"
        );
        assert!(
            !b.marks.contains_key("ZP-02"),
            "{style}: only the changed row"
        );
    }
}

#[test]
fn every_save_style_shows_the_new_data_native() {
    every_save_style_shows_the_new_data(None);
}

#[test]
fn every_save_style_shows_the_new_data_polling() {
    every_save_style_shows_the_new_data(Some(Duration::from_millis(100)));
}

#[test]
fn an_append_is_noticed_without_error() {
    let mut live = Live::start(None);
    let p = live.path("01-fraud.ron");
    let mut f = fs::OpenOptions::new().append(true).open(&p).unwrap();
    writeln!(f, "// 追加的备注").unwrap();
    live.until("the append", |app| app.last_change.is_some());
    assert!(live.app().errors().is_empty());
}

/// Saves ZP-01 with an unknown status and waits for the banner; returns the file and its
/// good text.
fn break_the_fraud_board(live: &mut Live) -> (std::path::PathBuf, String) {
    let p = live.path("01-fraud.ron");
    let good = fs::read_to_string(&p).unwrap();
    fs::write(&p, good.replacen("status: InProgress", "status: Doingg", 1)).unwrap();
    live.until("the banner", |app| !app.errors().is_empty());
    (p, good)
}

#[test]
fn a_broken_edit_keeps_the_data_shows_the_banner_and_the_fix_clears_it() {
    let mut live = Live::start(None);
    let (p, good) = break_the_fraud_board(&mut live);
    let err = live.app().errors()[0].clone();
    assert!(err.path.ends_with("01-fraud.ron"));
    assert_eq!((err.line, err.col), (17, 21));
    assert!(err.message(Lang::En).starts_with("unknown status `Doingg`"));
    assert_eq!(
        live.title("ZP-01").as_deref(),
        Some(TITLE),
        "last good data kept"
    );
    assert_eq!(
        live.app().last_change.as_ref().unwrap().kind,
        ChangeKind::Broken
    );

    fs::write(&p, good.replacen(TITLE, "修好了", 1)).unwrap();
    live.until("the fix", |app| app.errors().is_empty());
    assert_eq!(live.title("ZP-01").as_deref(), Some("修好了"));
    assert_eq!(
        live.app().last_change.as_ref().unwrap().kind,
        ChangeKind::Fixed
    );
}

#[test]
fn new_files_appear_deleted_ones_go_and_a_rename_is_both() {
    let mut live = Live::start(None);
    fs::copy(
        "boards/03-traffic-reform.ron",
        live.path("03-traffic-reform.ron"),
    )
    .unwrap();
    live.until("the new program", |app| app.boards.len() == 3);
    assert_eq!(
        live.app().last_change.as_ref().unwrap().kind,
        ChangeKind::Added
    );

    fs::remove_file(live.path("02-railway.ron")).unwrap();
    live.until("the removal", |app| app.boards.len() == 2);
    assert_eq!(
        live.app().last_change.as_ref().unwrap().kind,
        ChangeKind::Removed
    );

    fs::rename(
        live.path("03-traffic-reform.ron"),
        live.path("09-renamed.ron"),
    )
    .unwrap();
    live.until("the rename", |app| {
        app.boards
            .iter()
            .any(|b| b.path.ends_with("09-renamed.ron"))
            && !app
                .boards
                .iter()
                .any(|b| b.path.ends_with("03-traffic-reform.ron"))
    });
    assert_eq!(live.app().boards.len(), 2);
}

#[test]
fn selection_screen_and_filter_survive_a_reload() {
    let mut live = Live::start(None);
    let app = &mut live.driver.session.app;
    use rectify::app::{Action, update};
    update(app, Action::Open);
    for _ in 0..4 {
        update(app, Action::Down);
    }
    update(app, Action::CycleStatusFilter);
    update(app, Action::CycleStatusFilter);
    let before = (
        app.screen,
        app.measure_sel.clone(),
        app.filter.clone(),
        app.measure_scroll,
    );
    assert_eq!(before.0, Screen::Program);
    let sel = before.1.clone().unwrap();
    // A colleague inserts a measure above the selection.
    let text = fs::read_to_string(live.path("01-fraud.ron")).unwrap();
    let extra = "        Measure(id: \"ZP-00\", title: \"新增措施\", owner: \"刑事侦查局\", due: \"2023-09-01\", status: InProgress),\n";
    let at = text.find("        Measure(").unwrap();
    fs::write(
        live.path("01-fraud.ron"),
        format!("{}{extra}{}", &text[..at], &text[at..]),
    )
    .unwrap();
    live.until("the new measure", |app| {
        app.current_board()
            .and_then(|b| b.program.as_ref())
            .is_some_and(|p| p.measure("ZP-00").is_some())
    });
    let app = live.app();
    assert_eq!(app.screen, Screen::Program);
    assert_eq!(app.measure_sel.as_deref(), Some(sel.as_str()));
    assert_eq!(app.filter, before.2);
}

#[test]
fn polling_catches_two_changes_within_one_second() {
    let mut live = Live::start(Some(Duration::from_millis(100)));
    let p = live.path("01-fraud.ron");
    // Same length both times: only the content tells them apart.
    for title in ["第一次修改甲", "第二次修改乙"] {
        fs::write(&p, fraud_with(title)).unwrap();
        live.until(title, |app| {
            app.boards[0]
                .program
                .as_ref()
                .and_then(|p| p.measure("ZP-01"))
                .is_some_and(|m| m.title == title)
        });
    }
}

fn progress(p: &Path, id: &str) -> i64 {
    rectify::storage::load_file(p)
        .program
        .unwrap()
        .measure(id)
        .unwrap()
        .progress
}

#[test]
fn an_editor_opened_before_our_edit_overwrites_it_and_the_app_offers_it_again() {
    use crossterm::event::KeyCode::*;
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    // A colleague's editor holds the file as it was before our edit.
    let stale = fs::read_to_string(&board).unwrap();
    for k in [Enter, Down, Down, Char('+')] {
        key(&mut live, k);
    }
    assert_eq!(progress(&board, "ZP-03"), 60, "our edit is on disk at once");

    // Our own write must not come back as someone else's change. Events arrive in order, so
    // once a later change elsewhere is seen, ours has been processed too; the pause keeps the
    // two writes out of one settle window, where the watcher would rightly report them together.
    std::thread::sleep(tui::SETTLE * 5);
    let rail = live.path("02-railway.ron");
    let text = fs::read_to_string(&rail).unwrap();
    fs::write(
        &rail,
        text.replacen("打击站车霸座", "打击站车霸座（改）", 1),
    )
    .unwrap();
    live.until("the colleague's other change", |app| {
        app.last_change
            .as_ref()
            .is_some_and(|c| c.file == "02-railway.ron")
    });
    assert!(
        live.app().boards[0].marks.is_empty(),
        "our write is not marked as theirs"
    );
    assert!(
        live.reported.iter().all(|r| !r.starts_with("01-fraud.ron")),
        "our own write was reported as a change: {:?}",
        live.reported
    );
    assert_eq!(live.app().modal, None);

    // The stale editor saves.
    fs::write(&board, &stale).unwrap();
    live.until("the lost-edit question", |app| {
        matches!(app.modal, Some(rectify::app::Modal::Lost { .. }))
    });
    key(&mut live, Char('r'));
    assert_eq!(progress(&board, "ZP-03"), 60, "applied again");
    assert_eq!(live.app().modal, None);
}

/// The bottom row of the screen, as the user reads it.
fn status_line(live: &Live) -> String {
    let screen = common::screen(live.app(), &common::dark());
    screen.lines().last().unwrap_or_default().to_owned()
}

#[test]
fn a_file_broken_then_put_back_exactly_clears_the_status_line_too() {
    let mut live = Live::start(None);
    let (p, good) = break_the_fraud_board(&mut live);
    assert!(
        status_line(&live).contains("01-fraud.ron 有错误"),
        "{}",
        status_line(&live)
    );

    // The same bytes as before, as an editor's undo gives them back.
    fs::write(&p, &good).unwrap();
    live.until("the banner to go", |app| app.errors().is_empty());
    let status = status_line(&live);
    assert!(!status.contains("有错误"), "{status}");
    assert!(status.contains("01-fraud.ron 已修复"), "{status}");
    assert_eq!(live.title("ZP-01").as_deref(), Some(TITLE));
}

#[test]
fn a_reloaded_file_that_takes_another_boards_program_id_is_refused() {
    let mut live = Live::start(None);
    let rail = live.path("02-railway.ron");
    let text = fs::read_to_string(&rail).unwrap();
    let rail_title = rectify::storage::load_file(&rail).program.unwrap().title;
    let rail_id = rectify::storage::load_file(&rail).program.unwrap().id;
    fs::write(
        &rail,
        text.replacen(&format!("id: \"{rail_id}\""), "id: \"fraud\"", 1),
    )
    .unwrap();
    live.until("the banner", |app| !app.errors().is_empty());
    let errors = live.app().errors();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].path.ends_with("02-railway.ron"));
    assert!(
        errors[0]
            .message(Lang::Zh)
            .contains("专项编号 `fraud` 已被"),
        "{}",
        errors[0].message(Lang::Zh)
    );
    // The board that held the id keeps showing, and the refused file its last good data.
    assert_eq!(live.title("ZP-01").as_deref(), Some(TITLE));
    let programs: Vec<(String, String)> = live
        .app()
        .boards
        .iter()
        .map(|b| {
            let p = b.program.as_ref().unwrap();
            (p.id.clone(), p.title.clone())
        })
        .collect();
    assert_eq!(
        programs,
        vec![
            ("fraud".to_owned(), programs[0].1.clone()),
            (rail_id.clone(), rail_title)
        ]
    );
    let screen = common::screen(live.app(), &common::dark());
    assert!(screen.contains("02-railway.ron"), "{screen}");

    // Its own id back: the banner goes.
    fs::write(&rail, &text).unwrap();
    live.until("the banner to go", |app| app.errors().is_empty());
}

#[test]
fn a_new_file_with_a_taken_program_id_is_refused_and_the_first_stays() {
    let mut live = Live::start(None);
    fs::copy("boards/01-fraud.ron", live.path("00-copy.ron")).unwrap();
    live.until("the new file", |app| app.boards.len() == 3);
    let errors = live.app().errors();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].path.ends_with("00-copy.ron"));
    let holder = live
        .app()
        .boards
        .iter()
        .find(|b| b.path.ends_with("01-fraud.ron"))
        .unwrap();
    assert!(holder.error.is_none() && holder.program.is_some());
}
