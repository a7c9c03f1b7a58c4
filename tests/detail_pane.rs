//! The detail pane under the measures: a long title wraps inside it, and what does not fit is
//! reached by scrolling, not lost.

mod common;

use common::*;
use crossterm::event::KeyCode::*;

#[test]
fn a_long_title_wraps_and_the_other_fields_are_a_scroll_away() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("boards/01-fraud.ron").unwrap();
    let long = "组织各地刑侦部门开展反诈集群战役".repeat(8);
    let text = text.replacen("组织各地刑侦部门开展反诈集群战役", &long, 1);
    std::fs::write(dir.path().join("01-fraud.ron"), text).unwrap();
    let mut app = app_from(dir.path(), (80, 24));
    press(&mut app, &[Enter]);
    let b = buffer(&app, &dark());
    let pane_top = (0..24)
        .find(|&y| b[(0, y)].symbol() == "┌")
        .expect("the detail pane");
    let shown = screen(&app, &dark());
    let pane: Vec<&str> = shown.lines().skip(pane_top as usize).collect();
    // The title wraps inside the pane, each line starting at the pane's text column.
    assert!(pane[1].starts_with("│ 组织各地刑侦部门"), "{shown}");
    assert!(pane[2].starts_with("│ "), "{shown}");
    assert!(
        pane[0].contains(" J K "),
        "the pane says it scrolls: {shown}"
    );
    assert!(
        !shown.contains("备注："),
        "the notes are below the fold: {shown}"
    );
    for _ in 0..10 {
        press(&mut app, &[Char('J')]);
    }
    let shown = screen(&app, &dark());
    assert!(shown.contains("备注：主题教育开展以来"), "{shown}");
    assert!(shown.contains("责任单位：刑事侦查局"), "{shown}");
    // Another measure starts at its top.
    press(&mut app, &[Down]);
    let shown = screen(&app, &dark());
    assert!(shown.contains("│ 健全“四专两合力”"), "{shown}");
}
