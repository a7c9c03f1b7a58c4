//! The domain's values as a user meets them: dates as board files write them, status words as
//! a user types them, and edits as the history and undo keep them.

use rectify::domain::edit::{Edit, Field, Value};
use rectify::domain::{Date, Measure, Program, Status, StatusKind};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn measure(status: Status) -> Measure {
    Measure {
        id: "ZP-01".into(),
        title: "开展电信网络诈骗线索排查".into(),
        owner: "刑侦局".into(),
        due: d("2023-06-30"),
        revised: vec![],
        status,
        progress: 40,
        notes: String::new(),
        signed_off: None,
        signed_by: None,
    }
}

const TODAY: &str = "2023-07-15";

#[test]
fn a_date_short_of_its_zero_padding_is_refused_even_when_its_dashes_sit_right() {
    // `2023-07-5` has its dashes at the places of `2023-07-05`; only its length gives it away.
    assert_eq!(Date::parse("2023-07-5"), None);
    assert_eq!(Date::parse("2023-07-05"), Date::from_ymd(2023, 7, 5));
    assert_eq!(Date::parse("2023/07/05"), None);
}

#[test]
fn a_date_is_written_back_as_it_is_read() {
    let date = d("2023-07-05");
    assert_eq!(date.to_string(), "2023-07-05");
    assert_eq!(
        serde_json::to_string(&date).unwrap(),
        r#""2023-07-05""#.to_owned()
    );
    assert_eq!(
        serde_json::from_str::<Date>(r#""2023-07-05""#).unwrap(),
        date
    );
}

#[test]
fn a_date_given_as_a_number_says_how_dates_are_written() {
    let err = serde_json::from_str::<Date>("20230705").unwrap_err();
    assert!(
        err.to_string().contains("a date written \"YYYY-MM-DD\""),
        "{err}"
    );
}

#[test]
fn status_words_in_both_languages_and_as_files_write_them() {
    let words: Vec<_> = StatusKind::ALL
        .into_iter()
        .map(|k| (k.ron_name(), k.label_zh(), k.label_en()))
        .collect();
    assert_eq!(
        words,
        [
            ("NotStarted", "未开始", "not started"),
            ("InProgress", "推进中", "in progress"),
            ("Blocked", "受阻", "blocked"),
            ("Done", "已完成", "done"),
            ("SignedOff", "已销号", "signed off"),
        ]
    );
    for k in StatusKind::ALL {
        assert_eq!(StatusKind::parse(k.label_en()), Some(k));
        assert_eq!(StatusKind::parse(k.label_zh()), Some(k));
    }
    assert_eq!(StatusKind::parse("sign-off"), Some(StatusKind::SignedOff));
    assert_eq!(StatusKind::parse("销号"), Some(StatusKind::SignedOff));
    assert_eq!(StatusKind::parse("doingg"), None);
    assert_eq!(StatusKind::parse(""), None);
}

#[test]
fn only_done_and_signed_off_are_finished() {
    let finished: Vec<_> = StatusKind::ALL
        .into_iter()
        .filter(|k| k.is_finished())
        .collect();
    assert_eq!(finished, [StatusKind::Done, StatusKind::SignedOff]);
    assert!(!Status::Blocked("等待".into()).is_finished());
    assert!(Status::SignedOff.is_finished());
}

#[test]
fn a_measure_is_found_by_its_id_only() {
    let mut other = measure(Status::Done);
    other.id = "ZP-02".into();
    let p = Program {
        id: "fraud".into(),
        title: "电信网络诈骗专项整治".into(),
        lead: "刑侦局".into(),
        start: d("2023-04-01"),
        due: d("2023-12-31"),
        goal: String::new(),
        measures: vec![measure(Status::InProgress), other],
        milestones: vec![],
    };
    assert_eq!(p.measure("ZP-02").map(|m| &m.status), Some(&Status::Done));
    assert!(p.measure("ZP-03").is_none());
}

#[test]
fn every_field_is_known_by_the_name_board_files_give_it() {
    let fields = [
        (Field::Status, "status"),
        (Field::Progress, "progress"),
        (Field::Notes, "notes"),
        (Field::Revised, "revised"),
        (Field::SignedOff, "signed_off"),
        (Field::SignedBy, "signed_by"),
    ];
    for (field, name) in fields {
        assert_eq!(field.name(), name);
        assert_eq!(Field::from_name(name), Some(field));
    }
    assert_eq!(Field::from_name("due"), None);
}

#[test]
fn the_history_shows_an_absent_field_as_a_dash_and_a_value_as_files_write_it() {
    assert_eq!(Value::Date(None).show(), "—");
    assert_eq!(Value::Text(None).show(), "—");
    assert_eq!(Value::Dates(vec![]).show(), "—");
    assert_eq!(Value::Date(Some(d(TODAY))).show(), "\"2023-07-15\"");
    assert_eq!(Value::Progress(40).show(), "40");
    assert_eq!(
        Value::Dates(vec![d("2023-08-31"), d("2023-09-30")]).show(),
        "[\"2023-08-31\", \"2023-09-30\"]"
    );
    assert_eq!(
        Value::Status(Status::Blocked("等\"批复\"".into())).show(),
        "Blocked(\"等\\\"批复\\\"\")"
    );
}

#[test]
fn reopening_a_signed_off_measure_drops_its_sign_off_day_and_signer() {
    let mut m = measure(Status::SignedOff);
    m.signed_off = Some(d("2023-07-01"));
    m.signed_by = Some("李四".into());
    let e = Edit::status(&m, Status::InProgress, d(TODAY), "张三");
    e.apply_to(&mut m);
    assert_eq!(m.status, Status::InProgress);
    assert_eq!(m.signed_off, None);
    assert_eq!(m.signed_by, None);
}

#[test]
fn a_status_change_on_open_work_changes_the_status_alone() {
    let m = measure(Status::InProgress);
    let e = Edit::status(&m, Status::Done, d(TODAY), "张三");
    let fields: Vec<_> = e.changes.iter().map(|c| c.field).collect();
    assert_eq!(fields, [Field::Status]);
}

#[test]
fn signing_off_through_the_status_records_the_day_and_who() {
    let mut m = measure(Status::Done);
    Edit::status(&m, Status::SignedOff, d(TODAY), "张三").apply_to(&mut m);
    assert_eq!(m.status, Status::SignedOff);
    assert_eq!(m.signed_off, Some(d(TODAY)));
    assert_eq!(m.signed_by.as_deref(), Some("张三"));
}

#[test]
fn an_edit_that_changes_nothing_is_empty_and_one_that_does_is_not() {
    let m = measure(Status::InProgress);
    assert!(Edit::revise(&m, d("2023-06-30")).is_empty());
    assert!(Edit::progress(&m, 40).is_empty());
    assert!(Edit::note(&m, "  ").is_empty());
    assert!(!Edit::progress(&m, 41).is_empty());
    assert!(!Edit::revise(&m, d("2023-08-31")).is_empty());
}

#[test]
fn undoing_every_kind_of_edit_restores_the_measure() {
    let before = measure(Status::InProgress);
    let edits = [
        Edit::status(&before, Status::Blocked("等待".into()), d(TODAY), "张三"),
        Edit::progress(&before, 300),
        Edit::note(&before, "已约谈 "),
        Edit::revise(&before, d("2023-08-31")),
        Edit::sign_off(&before, d(TODAY), "张三"),
    ];
    for e in edits {
        let mut m = before.clone();
        e.apply_to(&mut m);
        assert_ne!(m, before, "{e:?}");
        e.inverse().apply_to(&mut m);
        assert_eq!(m, before, "{e:?}");
    }
    let mut m = before.clone();
    Edit::progress(&before, 300).apply_to(&mut m);
    assert_eq!(m.progress, 100);
    Edit::note(&before, "已约谈 ").apply_to(&mut m);
    assert_eq!(m.notes, "已约谈");
}

#[test]
fn a_text_is_written_as_a_ron_string_with_cjk_kept_and_controls_escaped() {
    let note = Value::Text(Some("进度\"过半\"\\\n\t\u{1b}[2J".into()));
    assert_eq!(note.show(), r#""进度\"过半\"\\\n\t\u{1b}[2J""#);
    assert_eq!(Value::Text(Some("完成\r".into())).show(), r#""完成\r""#);
}
