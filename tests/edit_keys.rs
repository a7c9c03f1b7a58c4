//! Editing keys → modals → save effects, and what a save's outcome does to the screen. No disk:
//! the effects are checked, and save outcomes are fed back as the loop would.

mod common;

use common::*;
use crossterm::event::KeyCode::{self, *};
use rectify::app::{self, Action, App, Effect, Modal, SaveReport, SaveRequest};
use rectify::domain::Status;
use rectify::domain::edit::{Field, Value};
use rectify::storage::save::Saved;

fn the_save(effects: Vec<Effect>) -> SaveRequest {
    match effects.as_slice() {
        [Effect::Save(r)] => (**r).clone(),
        other => panic!("expected one save, got {other:?}"),
    }
}

fn changes(r: &SaveRequest) -> Vec<(Field, Value, Value)> {
    r.edit
        .changes
        .iter()
        .map(|c| (c.field, c.old.clone(), c.new.clone()))
        .collect()
}

/// Feeds a successful save back, as the loop does after writing.
fn saved_ok(app: &mut App, request: SaveRequest) {
    let mut program = app.current_board().unwrap().program.clone().unwrap();
    let m = program
        .measures
        .iter_mut()
        .find(|m| m.id == request.edit.measure)
        .unwrap();
    request.edit.apply_to(m);
    let report = SaveReport {
        request,
        result: Ok(Saved {
            program,
            hash: rectify::storage::ContentHash([7; 32]),
            rebased: false,
            undo: None,
        }),
    };
    app::update(app, Action::Saved(Box::new(report)));
}

#[test]
fn s_picks_a_status_and_saves_it_on_the_version_seen() {
    let mut app = on_zp03();
    press(&mut app, &[Char('s')]);
    assert!(matches!(
        app.modal,
        Some(Modal::StatusPicker { selected: 1, .. })
    ));
    press(&mut app, &[Down, Down]);
    let r = the_save(press(&mut app, &[Enter]));
    assert_eq!(r.path, std::path::PathBuf::from("boards/01-fraud.ron"));
    assert_eq!(r.base, app.current_board().unwrap().hash);
    assert_eq!(
        changes(&r),
        vec![(
            Field::Status,
            Value::Status(Status::InProgress),
            Value::Status(Status::Done)
        )]
    );
    assert_eq!(app.modal, None);
}

#[test]
fn blocked_asks_for_a_reason_and_will_not_take_an_empty_one() {
    let mut app = on_zp03();
    press(&mut app, &[Char('s'), Down, Enter]);
    assert!(matches!(app.modal, Some(Modal::Input { .. })));
    assert!(
        press(&mut app, &[Enter]).is_empty(),
        "no save without a reason"
    );
    let Some(Modal::Input { error, .. }) = &app.modal else {
        panic!()
    };
    assert_eq!(error.as_deref(), Some("请写明受阻原因"));
    type_text(&mut app, "等待省厅批复");
    let r = the_save(press(&mut app, &[Enter]));
    assert_eq!(
        r.edit.changes[0].new,
        Value::Status(Status::Blocked("等待省厅批复".into()))
    );
}

#[test]
fn p_takes_a_number_and_refuses_anything_else() {
    let mut app = on_zp03();
    press(&mut app, &[Char('p'), Backspace, Backspace]);
    type_text(&mut app, "150");
    assert!(press(&mut app, &[Enter]).is_empty());
    let Some(Modal::Input { error, .. }) = &app.modal else {
        panic!()
    };
    assert_eq!(
        error.as_deref(),
        Some("进度“150”超出范围：请写 0 到 100 的整数，如 65 或 65%")
    );
    press(&mut app, &[Backspace, Backspace, Backspace]);
    type_text(&mut app, "75");
    let r = the_save(press(&mut app, &[Enter]));
    assert_eq!(
        changes(&r),
        vec![(Field::Progress, Value::Progress(50), Value::Progress(75))]
    );
}

fn ctrl(app: &mut App, c: char) {
    let k = crossterm::event::KeyEvent::new(Char(c), crossterm::event::KeyModifiers::CONTROL);
    if let Some(a) = app::keymap::key(app, k) {
        app::update(app, a);
    }
}

fn typed(app: &App) -> String {
    match &app.modal {
        Some(Modal::Input { input, .. }) => input.text.clone(),
        other => panic!("no text field: {other:?}"),
    }
}

#[test]
fn text_fields_take_a_shells_line_keys_and_no_chord_types_a_letter() {
    let mut app = on_zp03();
    press(&mut app, &[Char('n')]);
    type_text(&mut app, "已完成收网");
    ctrl(&mut app, 'x');
    assert_eq!(typed(&app), "已完成收网", "ctrl-x typed nothing");
    press(&mut app, &[Left, Left]);
    ctrl(&mut app, 'k');
    assert_eq!(typed(&app), "已完成");
    ctrl(&mut app, 'a');
    type_text(&mut app, "均");
    assert_eq!(typed(&app), "均已完成");
    ctrl(&mut app, 'e');
    type_text(&mut app, "。");
    ctrl(&mut app, 'u');
    assert_eq!(typed(&app), "", "ctrl-u clears what is before the cursor");
    type_text(&mut app, "80");
    assert_eq!(typed(&app), "80");
    // The filter line too: ctrl-u starts it again instead of typing a `u`.
    press(&mut app, &[Esc, Esc, Char('/')]);
    type_text(&mut app, "反诈");
    ctrl(&mut app, 'u');
    assert_eq!(app.filter.text, "");
}

#[test]
fn plus_and_minus_step_progress_by_ten_within_bounds() {
    let mut app = on_zp03();
    let r = the_save(press(&mut app, &[Char('+')]));
    assert_eq!(r.edit.changes[0].new, Value::Progress(60));
    let r = the_save(press(&mut app, &[Char('-')]));
    assert_eq!(r.edit.changes[0].new, Value::Progress(40));
    // ZP-02 is at 100: `+` has nothing to do.
    press(&mut app, &[Up]);
    assert!(press(&mut app, &[Char('+')]).is_empty());
}

#[test]
fn n_edits_the_notes_with_a_cursor_that_handles_chinese() {
    let mut app = on_zp03();
    press(&mut app, &[Char('n')]);
    type_text(&mut app, "收网");
    press(&mut app, &[Left, Left]);
    type_text(&mut app, "已");
    press(&mut app, &[End]);
    type_text(&mut app, "。");
    let r = the_save(press(&mut app, &[Enter]));
    assert_eq!(r.edit.changes[0].new, Value::Text(Some("已收网。".into())));
}

#[test]
fn o_signs_off_today_as_the_user_after_a_yes() {
    let mut app = on_zp03();
    press(&mut app, &[Char('o')]);
    assert!(matches!(app.modal, Some(Modal::ConfirmSignOff { .. })));
    assert!(press(&mut app, &[Char('n')]).is_empty());
    assert_eq!(app.modal, None);
    press(&mut app, &[Char('o')]);
    // ZP-03 is at 50 %: the second yes is to that fact.
    assert!(press(&mut app, &[Char('y')]).is_empty());
    let r = the_save(press(&mut app, &[Char('y')]));
    assert_eq!(
        changes(&r),
        vec![
            (
                Field::Status,
                Value::Status(Status::InProgress),
                Value::Status(Status::SignedOff)
            ),
            (
                Field::SignedOff,
                Value::Date(None),
                Value::Date(Some(today()))
            ),
            (
                Field::SignedBy,
                Value::Text(None),
                Value::Text(Some("张三".into()))
            ),
        ]
    );
}

#[test]
fn d_revises_the_deadline_keeping_the_original() {
    let mut app = on_zp03();
    press(&mut app, &[Char('d')]);
    for _ in 0..10 {
        press(&mut app, &[Backspace]);
    }
    type_text(&mut app, "2023-11-30");
    let r = the_save(press(&mut app, &[Enter]));
    let d = rectify::domain::Date::parse("2023-11-30").unwrap();
    assert_eq!(
        changes(&r),
        vec![(Field::Revised, Value::Dates(vec![]), Value::Dates(vec![d]))]
    );
}

#[test]
fn u_undoes_the_last_saved_edit_through_the_same_save() {
    let mut app = on_zp03();
    press(&mut app, &[Char('u')]);
    assert_eq!(app.notice.as_deref(), Some("本次没有可撤销的修改"));
    let r = the_save(press(&mut app, &[Char('+')]));
    saved_ok(&mut app, r);
    assert_eq!(
        app.current_board()
            .unwrap()
            .program
            .as_ref()
            .unwrap()
            .measure("ZP-03")
            .unwrap()
            .progress,
        60
    );
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("已保存：ZP-03 进度 50% → 60%")
    );
    let undo = the_save(press(&mut app, &[Char('u')]));
    assert!(undo.undo);
    assert_eq!(
        changes(&undo),
        vec![(Field::Progress, Value::Progress(60), Value::Progress(50))]
    );
}

#[test]
fn a_conflict_shows_both_values_and_m_writes_mine_over_theirs() {
    let mut app = on_zp03();
    let request = the_save(press(&mut app, &[Char('+')]));
    progress_conflict(&mut app, request);
    assert!(matches!(app.modal, Some(Modal::Conflict { .. })));
    let text = screen(&app, &dark());
    assert!(
        text.contains("同事的值：90") && text.contains("你的值：60"),
        "{text}"
    );
    let r = the_save(press(&mut app, &[Char('m')]));
    // Over theirs, knowingly: the colleague's 90 is now the value the edit replaces, so a
    // third change arriving meanwhile is a new conflict rather than written over unseen.
    assert!(r.base.is_some());
    assert_eq!(
        changes(&r),
        vec![(Field::Progress, Value::Progress(90), Value::Progress(60))]
    );
}

#[test]
fn read_only_refuses_every_edit_key_with_a_word() {
    let mut app = on_zp03();
    app.settings.read_only = true;
    for k in [
        Char('s'),
        Char('p'),
        Char('+'),
        Char('n'),
        Char('o'),
        Char('d'),
        Char('u'),
    ] {
        app.notice = None;
        let effects = press(&mut app, &[k]);
        assert!(effects.is_empty(), "{k:?}");
        assert_eq!(app.modal, None, "{k:?}");
        assert_eq!(app.notice.as_deref(), Some("只读模式：不能修改"), "{k:?}");
    }
}

#[test]
fn esc_in_any_dialog_cancels_without_saving() {
    let mut app = on_zp03();
    for k in [Char('s'), Char('p'), Char('n'), Char('o'), Char('d')] {
        press(&mut app, &[k]);
        assert!(app.modal.is_some(), "{k:?}");
        assert!(press(&mut app, &[KeyCode::Esc]).is_empty());
        assert_eq!(app.modal, None);
    }
}

#[test]
fn edit_keys_do_nothing_outside_the_program_screen() {
    let mut app = shipped((160, 45));
    for k in [Char('s'), Char('p'), Char('o'), Char('u')] {
        assert!(press(&mut app, &[k]).is_empty());
        assert_eq!(app.modal, None);
    }
}

#[test]
fn dialogs_take_values_as_people_type_them_and_say_what_forms_they_take() {
    let mut app = on_zp03();
    press(
        &mut app,
        &[Char('p'), KeyCode::Backspace, KeyCode::Backspace],
    );
    type_text(&mut app, "６５％");
    let r = the_save(press(&mut app, &[Enter]));
    assert_eq!(
        changes(&r),
        vec![(Field::Progress, Value::Progress(50), Value::Progress(65))]
    );
    press(&mut app, &[Char('d')]);
    app::update(&mut app, Action::ModalKillToStart);
    type_text(&mut app, "11月30日");
    let r = the_save(press(&mut app, &[Enter]));
    assert_eq!(
        changes(&r)[0].2,
        Value::Dates(vec![rectify::domain::Date::parse("2023-11-30").unwrap()]),
        "a date without its year is in the program's year"
    );
    press(&mut app, &[Char('d')]);
    app::update(&mut app, Action::ModalKillToStart);
    type_text(&mut app, "2023-13-01");
    assert!(press(&mut app, &[Enter]).is_empty());
    let text = screen(&app, &dark());
    assert!(
        text.contains("没有13月")
            && text.contains("2023/7/15")
            && text.contains("7月15日（按方案年份）"),
        "{text}"
    );
}
