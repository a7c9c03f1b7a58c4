//! The board and `rectify check` agree: a date the checker would warn about (a revision earlier
//! than the deadline it replaces, a date outside the program) is asked about in the dialog,
//! and written only on a second Enter with the same value. Keys in, save effects out; no disk.

mod common;

use common::*;
use crossterm::event::KeyCode::*;
use rectify::app::{self, Action, App, Effect, Modal, SaveRequest};
use rectify::domain::edit::{Field, Value};
use rectify::storage::change::Change;

fn one_save(effects: Vec<Effect>) -> SaveRequest {
    match effects.as_slice() {
        [Effect::Save(r)] => (**r).clone(),
        other => panic!("expected one save, got {other:?}"),
    }
}

/// What the open dialog's error line says.
fn asked(app: &App) -> String {
    match &app.modal {
        Some(Modal::Input { error, .. }) => error.clone(),
        Some(Modal::Form(f)) => f.error.as_ref().map(|(_, why)| why.clone()),
        Some(Modal::Milestones(l)) => l.date.as_ref().and_then(|d| d.error.clone()),
        other => panic!("no dialog open: {other:?}"),
    }
    .unwrap_or_default()
}

fn retype(app: &mut App, text: &str) {
    app::update(app, Action::ModalKillToStart);
    type_text(app, text);
}

#[test]
fn an_earlier_revision_is_asked_about_once_and_written_on_the_second_enter() {
    // ZP-03 is due 2023-10-31.
    let mut app = on_zp03();
    press(&mut app, &[Char('d')]);
    retype(&mut app, "2023-09-30");
    assert!(press(&mut app, &[Enter]).is_empty(), "not written yet");
    assert_eq!(
        asked(&app),
        "⚠ 新期限 2023-09-30 早于原期限 2023-10-31；再按 Enter 确认写入"
    );
    let text = screen(&app, &dark());
    assert!(text.contains("早于原期限 2023-10-31"), "{text}");
    let r = one_save(press(&mut app, &[Enter]));
    let c = &r.edit.changes[0];
    assert_eq!(c.field, Field::Revised);
    assert_eq!(c.new, Value::Dates(vec![date("2023-09-30")]));
}

#[test]
fn a_different_value_after_the_question_is_asked_about_again() {
    let mut app = on_zp03();
    press(&mut app, &[Char('d')]);
    retype(&mut app, "2024-01-31");
    assert!(press(&mut app, &[Enter]).is_empty());
    assert!(
        asked(&app).contains("日期 2024-01-31 晚于专项方案自身的期限 2023-12-31"),
        "{}",
        asked(&app)
    );
    retype(&mut app, "2023-08-31");
    assert!(
        press(&mut app, &[Enter]).is_empty(),
        "a new value, a new question"
    );
    assert!(asked(&app).contains("新期限 2023-08-31"), "{}", asked(&app));
    one_save(press(&mut app, &[Enter]));
}

#[test]
fn a_later_deadline_inside_the_program_is_written_at_once() {
    let mut app = on_zp03();
    press(&mut app, &[Char('d')]);
    retype(&mut app, "2023-11-30");
    one_save(press(&mut app, &[Enter]));
}

#[test]
fn the_question_is_in_english_for_english_readers() {
    let mut app = on_zp03();
    app.settings.lang = rectify::i18n::Lang::En;
    press(&mut app, &[Char('d')]);
    retype(&mut app, "2023-09-30");
    assert!(press(&mut app, &[Enter]).is_empty());
    assert_eq!(
        asked(&app),
        "⚠ the new deadline 2023-09-30 is earlier than the one it replaces (2023-10-31); \
         press Enter again to write it"
    );
}

#[test]
fn a_new_measure_due_after_the_program_is_asked_about_then_added() {
    let mut app = on_zp03();
    press(&mut app, &[Char('a')]);
    type_text(&mut app, "新增措施");
    press(&mut app, &[Tab]);
    type_text(&mut app, "刑事侦查局");
    press(&mut app, &[Tab]);
    type_text(&mut app, "2024-03-31");
    assert!(press(&mut app, &[Enter]).is_empty());
    assert!(
        asked(&app).contains("2024-03-31 晚于专项方案自身的期限 2023-12-31"),
        "{}",
        asked(&app)
    );
    let r = one_save(press(&mut app, &[Enter]));
    match r.change {
        Some(Change::AddMeasure { measure, .. }) => assert_eq!(measure.due, date("2024-03-31")),
        other => panic!("expected a new measure, got {other:?}"),
    }
}

#[test]
fn a_milestone_moved_outside_the_program_is_asked_about_then_moved() {
    let mut app = on_zp03();
    press(&mut app, &[Char('m'), Char('d')]);
    retype(&mut app, "2024-01-15");
    assert!(press(&mut app, &[Enter]).is_empty());
    assert!(asked(&app).contains("2024-01-15 晚于"), "{}", asked(&app));
    let r = one_save(press(&mut app, &[Enter]));
    match r.change {
        Some(Change::Milestone { new, .. }) => assert_eq!(new.due, date("2024-01-15")),
        other => panic!("expected a milestone change, got {other:?}"),
    }
}

#[test]
fn a_new_milestone_before_the_program_starts_is_asked_about_then_added() {
    let mut app = on_zp03();
    press(&mut app, &[Char('m'), Char('a')]);
    type_text(&mut app, "动员部署");
    press(&mut app, &[Tab]);
    type_text(&mut app, "2023-03-20");
    assert!(press(&mut app, &[Enter]).is_empty());
    assert!(
        asked(&app).contains("2023-03-20 早于专项方案开始日期 2023-04-01"),
        "{}",
        asked(&app)
    );
    let r = one_save(press(&mut app, &[Enter]));
    match r.change {
        Some(Change::AddMilestone { milestone }) => {
            assert_eq!(milestone.due, date("2023-03-20"))
        }
        other => panic!("expected a new milestone, got {other:?}"),
    }
}
