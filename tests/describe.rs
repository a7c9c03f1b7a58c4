//! Edits are reported in the reader's words — the board's labels and the language's dates —
//! wherever they appear: the notice after a save, `rectify set`, the history pane.

mod common;

use std::fs;

use chrono::NaiveDateTime;
use common::*;
use rectify::describe;
use rectify::domain::Status;
use rectify::domain::edit::Edit;
use rectify::i18n::Lang;
use rectify::storage::load_file;
use rectify::storage::save::{self, Author};

fn zp03() -> rectify::domain::Measure {
    let p = load_file(std::path::Path::new("boards/01-fraud.ron"))
        .program
        .unwrap();
    p.measure("ZP-03").unwrap().clone()
}

#[test]
fn a_sign_off_says_its_date_and_signer_with_the_status() {
    let e = Edit::sign_off(&zp03(), today(), "张三");
    assert_eq!(
        describe::edit(&e, Lang::Zh),
        "ZP-03 状态 推进中 → 已销号（2023年7月15日，张三）"
    );
    assert_eq!(
        describe::edit(&e, Lang::En),
        "ZP-03 status in progress → signed off (15 Jul 2023, by 张三)"
    );
    let blocked = Edit::status(&zp03(), Status::Blocked("等待会签".into()), today(), "张三");
    assert_eq!(
        describe::edit(&blocked, Lang::Zh),
        "ZP-03 状态 推进中 → 受阻（等待会签）"
    );
    let due = Edit::revise(&zp03(), rectify::domain::Date::parse("2023-11-30").unwrap());
    assert_eq!(
        describe::edit(&due, Lang::En),
        "ZP-03 revised deadline — → 30 Nov 2023"
    );
}

#[test]
fn the_history_pane_reads_the_file_back_into_words() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("01-fraud.ron");
    fs::copy("boards/01-fraud.ron", &p).unwrap();
    let at = |t: &str| Author {
        user: "李四".into(),
        at: NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S").unwrap(),
    };
    let m = zp03();
    // A note that itself holds the separator the history file uses.
    save::save(
        &p,
        None,
        &Edit::note(&m, "甲 → 乙"),
        &at("2023-07-15 09:30:00"),
    )
    .unwrap();
    save::save(
        &p,
        None,
        &Edit::progress(&m, 80),
        &at("2023-07-15 09:31:00"),
    )
    .unwrap();
    let m = load_file(&p)
        .program
        .unwrap()
        .measure("ZP-03")
        .unwrap()
        .clone();
    let sign = Edit::sign_off(&m, today(), "李四");
    save::save(&p, None, &sign, &at("2023-07-15 09:32:00")).unwrap();
    let history = save::read_history(dir.path());
    let said: Vec<String> = history
        .iter()
        .map(|h| describe::change(&h.parsed().unwrap(), Lang::Zh))
        .collect();
    assert_eq!(said[1], "进度 50% → 80%");
    assert!(
        said[0].starts_with("备注 ") && said[0].ends_with("→ “甲 → 乙”"),
        "{}",
        said[0]
    );

    // On screen, in the program's detail pane.
    let mut app = app_from(dir.path(), (160, 45));
    app.history = history;
    press(&mut app, &[crossterm::event::KeyCode::Enter]);
    for _ in 0..2 {
        press(&mut app, &[crossterm::event::KeyCode::Down]);
    }
    let text = screen(&app, &dark());
    assert!(text.contains("09:31:00 李四 进度 50% → 80%"), "{text}");
    // The three lines a sign-off writes read as one entry, newest first.
    let sign_line = text.find("09:32:00 李四 状态 推进中 →").expect(&text);
    assert!(text.contains("已销号（2023年7月15日，李四）"), "{text}");
    assert!(sign_line < text.find("09:31:00").unwrap());
    assert!(!text.contains("销号人"), "{text}");
    assert!(!text.contains("progress 50 → 80"), "{text}");
}
