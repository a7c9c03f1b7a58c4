//! `c` on the board: what changed since the snapshot of the last meeting.

mod common;

use common::*;
use crossterm::event::KeyCode::*;

#[test]
fn c_lists_what_changed_since_the_snapshot_and_esc_closes_it() {
    let mut app = shipped((160, 45));
    let mut snap = snapshot_of(&app, "2023-07-15");
    // At the snapshot, ZP-02 was still in progress: it has been signed off since.
    let p = &mut snap.boards[0].program;
    let zp2 = p.measures.iter_mut().find(|m| m.id == "ZP-02").unwrap();
    zp2.status = rectify::domain::Status::InProgress;
    zp2.signed_off = None;
    app.since = Some(snap);
    press(&mut app, &[Char('c')]);
    assert!(app.show_since);
    let text = screen(&app, &dark());
    assert!(
        text.contains("自上次会议以来的变化 · 2023年7月15日 → 2023年7月15日"),
        "{text}"
    );
    assert!(
        text.contains("★新销号    ZP-02 健全“四专两合力”专门机构和专业队伍  07-05 部主题教育办"),
        "{text}"
    );
    assert_eq!(text.matches("★新销号").count(), 1, "nothing else changed");
    press(&mut app, &[Esc]);
    assert!(!app.show_since);
}

#[test]
fn c_without_a_snapshot_says_how_to_get_one() {
    let mut app = shipped((160, 45));
    press(&mut app, &[Char('c')]);
    assert!(!app.show_since);
    assert!(app.notice.as_deref().unwrap().contains("rectify snapshot"));
}

#[test]
fn the_board_refuses_a_bad_snapshot_before_taking_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("x.json");
    std::fs::write(&bad, "{}").unwrap();
    for (locale, want) in [
        ("en_US.UTF-8", "not a rectify snapshot"),
        ("zh_CN.UTF-8", "不是 rectify 快照"),
    ] {
        let out = rectify_in(locale)
            .args(["--since", bad.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{err}");
        let screen = String::from_utf8_lossy(&out.stdout);
        assert!(
            !screen.contains("\x1b[?1049h"),
            "the terminal was not taken"
        );
    }
}
