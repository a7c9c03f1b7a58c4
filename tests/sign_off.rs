//! 销号 as a closing act: one confirmation that names who is recorded (asking for the name
//! when none is known), asked again for a blocked or unfinished measure; a signed-off measure
//! locked until it is reopened with a reason. Keys in, save effects out; no disk.

mod common;

use common::*;
use crossterm::event::KeyCode::*;
use rectify::app::{App, Effect, Modal, SaveRequest};
use rectify::domain::Status;
use rectify::domain::edit::{Field, Value};

/// The fraud program open at `id`, the user `user`.
fn at(id: &str, user: &str) -> App {
    let mut app = shipped((160, 45));
    app.settings.user = user.into();
    press(&mut app, &[Enter]);
    while app.measure_sel.as_deref() != Some(id) {
        press(&mut app, &[Down]);
    }
    app
}

fn one_save(effects: Vec<Effect>) -> SaveRequest {
    match effects.as_slice() {
        [Effect::Save(r)] => (**r).clone(),
        other => panic!("expected one save, got {other:?}"),
    }
}

fn new_value(r: &SaveRequest, f: Field) -> Option<Value> {
    r.edit
        .changes
        .iter()
        .find(|c| c.field == f)
        .map(|c| c.new.clone())
}

#[test]
fn the_confirmation_names_the_signer_and_a_finished_measure_is_signed_at_once() {
    // ZP-11: done, 100 %.
    let mut app = at("ZP-11", "张三");
    assert!(press(&mut app, &[Char('o')]).is_empty());
    let text = screen(&app, &dark());
    assert!(
        text.contains("将记录：2023年7月15日，销号人 张三"),
        "{text}"
    );
    let r = one_save(press(&mut app, &[Char('y')]));
    assert_eq!(
        new_value(&r, Field::SignedBy),
        Some(Value::Text(Some("张三".into())))
    );
    assert_eq!(
        new_value(&r, Field::Status),
        Some(Value::Status(Status::SignedOff))
    );
}

#[test]
fn signing_off_an_unfinished_measure_asks_again_with_its_progress_on_screen() {
    let mut app = at("ZP-03", "张三");
    press(&mut app, &[Char('o')]);
    assert!(press(&mut app, &[Char('y')]).is_empty(), "not yet");
    let text = screen(&app, &dark());
    assert!(text.contains("进度为 50%，未到 100%"), "{text}");
    let r = one_save(press(&mut app, &[Char('y')]));
    assert_eq!(
        new_value(&r, Field::Status),
        Some(Value::Status(Status::SignedOff))
    );
}

#[test]
fn signing_off_a_blocked_measure_asks_again_with_the_blocker_on_screen() {
    let mut app = at("ZP-04", "张三");
    // Blocked first, through the picker and its reason.
    press(&mut app, &[Char('s'), Down, Enter]);
    type_text(&mut app, "等待运营商数据");
    let r = one_save(press(&mut app, &[Enter]));
    let zp04 = app.boards[0]
        .program
        .as_mut()
        .unwrap()
        .measures
        .iter_mut()
        .find(|m| m.id == "ZP-04")
        .unwrap();
    r.edit.apply_to(zp04);
    press(&mut app, &[Char('o'), Char('y')]);
    let text = screen(&app, &dark());
    assert!(text.contains("仍处于受阻状态（等待运营商数据）"), "{text}");
    press(&mut app, &[Char('n')]);
    assert_eq!(app.modal, None, "n cancels");
}

#[test]
fn with_no_name_known_the_confirmation_asks_for_one_and_never_writes_unknown() {
    let mut app = at("ZP-11", "");
    press(&mut app, &[Char('o')]);
    assert!(matches!(
        app.modal,
        Some(Modal::ConfirmSignOff { name: Some(_), .. })
    ));
    let text = screen(&app, &dark());
    assert!(text.contains("请在上面填写销号人姓名"), "{text}");
    assert!(press(&mut app, &[Enter]).is_empty(), "no name, no sign-off");
    // `y` is a letter of the name here, not a yes.
    type_text(&mut app, "王五y");
    press(&mut app, &[Backspace]);
    let r = one_save(press(&mut app, &[Enter]));
    assert_eq!(
        new_value(&r, Field::SignedBy),
        Some(Value::Text(Some("王五".into())))
    );
    assert_eq!(app.settings.user, "王五", "asked once a session");
}

#[test]
fn signed_off_in_the_status_picker_goes_through_the_same_confirmation() {
    let mut app = at("ZP-11", "张三");
    press(&mut app, &[Char('s'), Down, Enter]);
    assert!(matches!(app.modal, Some(Modal::ConfirmSignOff { .. })));
    let text = screen(&app, &dark());
    assert!(text.contains("销号人 张三"), "{text}");
}

#[test]
fn a_signed_off_measure_is_locked_against_every_edit_key() {
    // ZP-02 is signed off.
    let mut app = at("ZP-02", "张三");
    for k in [Char('p'), Char('n'), Char('d'), Char('+'), Char('-')] {
        let effects = press(&mut app, &[k]);
        assert!(effects.is_empty(), "{k:?} saved something");
        assert_eq!(app.modal, None, "{k:?} opened a dialog");
        assert_eq!(
            app.notice.as_deref(),
            Some("ZP-02 已销号；如需修改，请先撤销销号（s 选择其他状态并写明原因）"),
            "{k:?}"
        );
    }
    press(&mut app, &[Char('o')]);
    assert_eq!(app.notice.as_deref(), Some("ZP-02 已经销号，未作改动"));
    assert_eq!(app.modal, None);
}

#[test]
fn reopening_asks_for_a_reason_and_drops_the_sign_off_record() {
    let mut app = at("ZP-02", "张三");
    // The picker opens on 已销号; one up is 已完成.
    press(&mut app, &[Char('s'), Up, Enter]);
    let text = screen(&app, &dark());
    assert!(text.contains("撤销销号的原因"), "{text}");
    assert!(press(&mut app, &[Enter]).is_empty(), "a reason is required");
    assert!(screen(&app, &dark()).contains("撤销销号须写明原因"));
    type_text(&mut app, "复核发现台账不全");
    let r = one_save(press(&mut app, &[Enter]));
    assert_eq!(r.edit.reason.as_deref(), Some("复核发现台账不全"));
    assert_eq!(
        new_value(&r, Field::Status),
        Some(Value::Status(Status::Done))
    );
    assert_eq!(new_value(&r, Field::SignedOff), Some(Value::Date(None)));
    assert_eq!(new_value(&r, Field::SignedBy), Some(Value::Text(None)));
}

#[test]
fn a_name_typed_for_an_unfinished_measure_is_not_added_to_by_the_second_yes() {
    // ZP-03 stands at 50 %: the name first, then the second question, answered with `y`.
    let mut app = at("ZP-03", "");
    press(&mut app, &[Char('o')]);
    type_text(&mut app, "王五");
    assert!(press(&mut app, &[Enter]).is_empty());
    let text = screen(&app, &dark());
    assert!(
        text.contains("进度为 50%，未到 100%") && text.contains("销号人 王五"),
        "{text}"
    );
    let r = one_save(press(&mut app, &[Char('y')]));
    assert_eq!(
        new_value(&r, Field::SignedBy),
        Some(Value::Text(Some("王五".into())))
    );
}
