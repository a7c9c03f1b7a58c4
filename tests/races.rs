//! Races a team makes: a colleague saves while a dialog is open, an editor opened earlier saves
//! over several of our edits. A real watcher on a temp folder, the loop driven headless, the
//! colleague writing through the same engine `rectify set` uses.

mod common;

use std::fs;
use std::path::Path;

use common::live::{Live, key, keys, open_at, type_in};
use common::{dark, screen};
use crossterm::event::KeyCode::*;
use rectify::app::{App, Modal, SinceOpened};
use rectify::domain::Measure;
use rectify::domain::edit::{Edit, Field, Value};
use rectify::storage::save::{self, Author};

fn measure(path: &Path, id: &str) -> Measure {
    rectify::storage::load_file(path)
        .program
        .unwrap()
        .measure(id)
        .unwrap()
        .clone()
}

/// A colleague's `rectify set`, in another process as far as the board can tell.
fn colleague(path: &Path, id: &str, make: impl Fn(&Measure) -> Edit) {
    let edit = make(&measure(path, id));
    let who = Author {
        user: "李四".into(),
        at: common::now(),
    };
    save::save(path, None, &edit, &who).unwrap();
}

fn shown(app: &App) -> String {
    screen(app, &dark())
}

/// The conflict dialog's text alone, line by line: not what the screen shows beside it.
fn in_dialog(app: &App) -> String {
    let Some(d) = rectify::app::layout::conflict_dialog(app) else {
        return String::new();
    };
    let b = common::buffer(app, &dark());
    let mut out = String::new();
    for y in d.rect.top()..d.rect.bottom() {
        for x in d.rect.left()..d.rect.right() {
            out.push_str(b[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn dialog_saw_change(app: &App) -> bool {
    app.modal
        .as_ref()
        .and_then(Modal::watched)
        .is_some_and(|(t, f)| matches!(app.since_opened(t, f), SinceOpened::Changed(_)))
}

#[test]
fn a_colleague_saving_progress_while_the_dialog_is_open_is_asked_about_not_overwritten() {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    open_at(&mut live, "ZP-04");
    key(&mut live, Char('p'));
    assert!(shown(live.app()).contains("修改进度"));
    assert_eq!(measure(&board, "ZP-04").progress, 60);

    colleague(&board, "ZP-04", |m| Edit::progress(m, 75));
    live.until("the dialog to show the colleague's change", |app| {
        dialog_saw_change(app) && shown(app).contains("李四")
    });
    let text = shown(live.app());
    assert!(
        text.contains("进度已被改为 75%") && text.contains("打开时为 60%"),
        "{text}"
    );

    for _ in 0..2 {
        key(&mut live, Backspace);
    }
    type_in(&mut live, "70");
    key(&mut live, Enter);
    assert_eq!(
        measure(&board, "ZP-04").progress,
        75,
        "the colleague's value stays"
    );
    let Some(Modal::Conflict { conflicts, .. }) = &live.app().modal else {
        panic!("expected the conflict dialog, got {:?}", live.app().modal);
    };
    assert_eq!(conflicts[0].base, Value::Progress(60));
    assert_eq!(conflicts[0].theirs, Value::Progress(75));
    assert_eq!(conflicts[0].ours, Value::Progress(70));
    let text = shown(live.app());
    assert!(
        text.contains("你打开时：60%") && text.contains("同事的值") && text.contains("你的值：70%"),
        "{text}"
    );
    assert!(text.contains("75%") && text.contains("李四"), "{text}");

    key(&mut live, Char('t'));
    assert_eq!(live.app().modal, None);
    assert_eq!(measure(&board, "ZP-04").progress, 75, "kept theirs");
}

#[test]
fn keeping_mine_after_a_progress_conflict_writes_mine_over_the_value_shown_as_theirs() {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    open_at(&mut live, "ZP-04");
    key(&mut live, Char('p'));
    colleague(&board, "ZP-04", |m| Edit::progress(m, 75));
    for _ in 0..2 {
        key(&mut live, Backspace);
    }
    type_in(&mut live, "70");
    key(&mut live, Enter);
    assert!(matches!(live.app().modal, Some(Modal::Conflict { .. })));
    key(&mut live, Char('m'));
    assert_eq!(measure(&board, "ZP-04").progress, 70);
    assert_eq!(live.app().modal, None);
}

#[test]
fn a_colleague_adding_to_the_note_while_ours_is_open_keeps_both_texts_in_view() {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    open_at(&mut live, "ZP-01");
    let before = measure(&board, "ZP-01").notes;
    key(&mut live, Char('n'));
    let theirs = format!("{before}李四补充：八月再组织两次集群战役，已报部刑侦局备案。");
    colleague(&board, "ZP-01", |m| Edit::note(m, &theirs));
    live.until("the note dialog to show the change", dialog_saw_change);
    type_in(&mut live, "我方补充：九月底前完成评估。");
    key(&mut live, Enter);

    assert_eq!(
        measure(&board, "ZP-01").notes,
        theirs,
        "their sentence is kept"
    );
    let Some(Modal::Conflict { conflicts, .. }) = &live.app().modal else {
        panic!("expected the conflict dialog");
    };
    assert_eq!(conflicts[0].field, Field::Notes);
    // All three texts, each whole, somewhere in the dialog as scrolled.
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&in_dialog(live.app()).replace([' ', '│', '\n'], ""));
        key(&mut live, Down);
    }
    for want in [
        "李四补充：八月再组织两次集群战役，已报部刑侦局备案。",
        "我方补充：九月底前完成评估。",
    ] {
        assert!(seen.contains(want), "{want} not shown: {seen}");
    }
    key(&mut live, Esc);
    assert_eq!(measure(&board, "ZP-01").notes, theirs);
}

#[test]
fn a_colleague_changing_another_field_meanwhile_is_no_conflict() {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    open_at(&mut live, "ZP-04");
    key(&mut live, Char('p'));
    colleague(&board, "ZP-04", |m| {
        Edit::note(m, "李四：已约谈三家运营商。")
    });
    live.until("the reload", |app| {
        app.current_board()
            .and_then(|b| b.program.as_ref())
            .and_then(|p| p.measure("ZP-04"))
            .is_some_and(|m| !m.notes.is_empty())
    });
    assert!(
        !dialog_saw_change(live.app()),
        "the note is not this dialog's field"
    );
    for _ in 0..2 {
        key(&mut live, Backspace);
    }
    type_in(&mut live, "70");
    key(&mut live, Enter);
    let m = measure(&board, "ZP-04");
    assert_eq!(
        (m.progress, m.notes.as_str()),
        (70, "李四：已约谈三家运营商。")
    );
    assert_eq!(live.app().modal, None);
}

#[test]
fn undo_after_a_colleague_changed_the_same_field_asks_instead_of_writing_over_it() {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    open_at(&mut live, "ZP-03");
    key(&mut live, Char('+'));
    assert_eq!(measure(&board, "ZP-03").progress, 60);
    colleague(&board, "ZP-03", |m| Edit::progress(m, 80));
    live.until("the colleague's save", |app| {
        app.current_board()
            .and_then(|b| b.program.as_ref())
            .and_then(|p| p.measure("ZP-03"))
            .is_some_and(|m| m.progress == 80)
    });
    assert_eq!(
        live.app().modal,
        None,
        "a change made knowing ours is no lost edit"
    );
    key(&mut live, Char('u'));
    assert_eq!(
        measure(&board, "ZP-03").progress,
        80,
        "undo did not write over theirs"
    );
    assert!(matches!(live.app().modal, Some(Modal::Conflict { .. })));
}

/// Two of our edits on two measures, then an editor that held the file from before saves.
fn two_edits_then_a_stale_save() -> Live {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    let stale = fs::read_to_string(&board).unwrap();
    open_at(&mut live, "ZP-01");
    key(&mut live, Char('+'));
    keys(&mut live, &[Down, Down, Char('n')]);
    type_in(&mut live, "已复核");
    key(&mut live, Enter);
    assert_eq!(measure(&board, "ZP-01").progress, 65);
    assert_eq!(measure(&board, "ZP-03").notes, "已复核");
    std::thread::sleep(rectify::tui::SETTLE * 5);
    fs::write(&board, stale).unwrap();
    live.until(
        "the lost-edits dialog",
        |app| matches!(&app.modal, Some(Modal::Lost { edits, .. }) if edits.len() == 2),
    );
    live
}

#[test]
fn every_edit_a_stale_save_took_is_offered_back_and_r_restores_them_all() {
    let mut live = two_edits_then_a_stale_save();
    let board = live.path("01-fraud.ron");
    let text = shown(live.app());
    assert!(
        text.contains("[x] ZP-01 进度 55% → 65%（文件中现为：进度 55%）")
            && text.contains("[x] ZP-03 备注 — → “已复核”（文件中现为：备注 —）"),
        "{text}"
    );
    key(&mut live, Char('r'));
    assert_eq!(live.app().modal, None);
    assert_eq!(measure(&board, "ZP-01").progress, 65);
    assert_eq!(measure(&board, "ZP-03").notes, "已复核");
    // Both stand again: undo takes them back one by one.
    assert_eq!(live.app().edits.len(), 2);
}

#[test]
fn the_user_can_pick_which_lost_edits_come_back() {
    let mut live = two_edits_then_a_stale_save();
    let board = live.path("01-fraud.ron");
    keys(&mut live, &[Char(' '), Enter]);
    assert_eq!(live.app().modal, None);
    assert_eq!(
        measure(&board, "ZP-01").progress,
        55,
        "unticked: stays lost"
    );
    assert_eq!(measure(&board, "ZP-03").notes, "已复核");
}

/// The same race through the real binary in a terminal, the colleague being `rectify set` in
/// another process: the dialog says what changed and who did it, and Enter asks.
#[cfg(unix)]
#[test]
fn the_dialog_race_through_the_real_binary() {
    let (_dir, board, mut s) = common::pty::fraud_program_as_zhang();
    s.send("jjjp");
    s.wait_for("修改进度");
    let out = common::rectify_in("zh_CN.UTF-8")
        .args(["set", board.to_str().unwrap(), "ZP-04", "--progress", "75"])
        .args(["--user", "李四"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    s.wait_for("进度已被改为 75%（李四");
    s.send("\x7f\x7f70");
    // Sent in the same write as the digits, the Enter would read as part of a paste.
    std::thread::sleep(std::time::Duration::from_millis(100));
    s.send("\r");
    s.wait_for("你打开时：60%");
    s.wait_for("你的值：70%");
    assert_eq!(measure(&board, "ZP-04").progress, 75);
    s.send("t");
    s.wait_until(
        |scr| !scr.contains("你打开时"),
        "the conflict dialog to close",
    );
    assert_eq!(measure(&board, "ZP-04").progress, 75);
    s.send("q");
    assert!(s.wait_exit());
}
