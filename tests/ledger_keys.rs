//! The ledger grown and shrunk from the board, on real files: `a` adds a measure through a
//! form that says which field is wrong, `e` renames, `x` retires (and `u` puts back the same
//! bytes, `Ctrl-R` takes it out again), `m` marks milestones reached, re-dates and adds them.

mod common;

use std::fs;
use std::path::Path;

use common::live::{Live, chord, key, keys, open_at, type_in};
use common::{dark, screen};
use crossterm::event::KeyCode::*;
use crossterm::event::KeyModifiers;
use rectify::app::{App, Modal};
use rectify::domain::Program;

fn program(path: &Path) -> Program {
    rectify::storage::load_file(path).program.unwrap()
}

fn shown(app: &App) -> String {
    screen(app, &dark())
}

#[test]
fn a_adds_a_measure_after_the_selected_one_and_says_which_field_is_wrong() {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    let before = fs::read_to_string(&board).unwrap();
    open_at(&mut live, "ZP-02");
    key(&mut live, Char('a'));
    let text = shown(live.app());
    assert!(
        text.contains("新增措施") && text.contains("ZP-13"),
        "{text}"
    );

    key(&mut live, Enter);
    assert!(shown(live.app()).contains("标题：不能为空"));
    assert_eq!(
        fs::read_to_string(&board).unwrap(),
        before,
        "nothing written"
    );

    type_in(&mut live, "建立反诈宣传员队伍");
    key(&mut live, Tab);
    type_in(&mut live, "刑事");
    key(&mut live, Right); // takes the completion
    key(&mut live, Tab);
    type_in(&mut live, "9月31日");
    key(&mut live, Enter);
    let text = shown(live.app());
    assert!(
        text.contains("完成时限：") && text.contains("9月只有30天"),
        "{text}"
    );
    keys(&mut live, &[Backspace, Backspace, Backspace]);
    type_in(&mut live, "30日");
    // The id taken already is refused by name, whatever else is right.
    keys(&mut live, &[BackTab, BackTab, BackTab]);
    for _ in 0..5 {
        key(&mut live, Backspace);
    }
    type_in(&mut live, "ZP-01");
    key(&mut live, Enter);
    assert!(shown(live.app()).contains("编号：ZP-01 已被使用"));
    keys(&mut live, &[Backspace, Backspace]);
    type_in(&mut live, "13");
    key(&mut live, Enter);

    assert_eq!(live.app().modal, None);
    let p = program(&board);
    let ids: Vec<&str> = p.measures.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(&ids[..4], &["ZP-01", "ZP-02", "ZP-13", "ZP-03"]);
    let m = p.measure("ZP-13").unwrap();
    assert_eq!(m.owner, "刑事侦查局");
    assert_eq!(m.due.to_string(), "2023-09-30");
    assert_eq!(live.app().measure_sel.as_deref(), Some("ZP-13"));
    // Written in the neighbours' style: one field per line, with the same indentation.
    assert!(fs::read_to_string(&board).unwrap().contains(
        "        Measure(\n            id: \"ZP-13\",\n            title: \"建立反诈宣传员队伍\",\n"
    ),);
    // Undo takes it out to the byte; redo puts it back.
    key(&mut live, Char('u'));
    assert_eq!(fs::read_to_string(&board).unwrap(), before);
    chord(&mut live, Char('r'), KeyModifiers::CONTROL);
    assert!(program(&board).measure("ZP-13").is_some());
}

#[test]
fn x_retires_a_measure_after_a_yes_and_u_puts_back_the_same_bytes() {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    let before = fs::read_to_string(&board).unwrap();
    open_at(&mut live, "ZP-03");
    key(&mut live, Char('x'));
    let text = shown(live.app());
    assert!(
        text.contains("删除措施 ZP-03「深入开展“云剑”专项行动"),
        "{text}"
    );
    key(&mut live, Char('n'));
    assert_eq!(fs::read_to_string(&board).unwrap(), before, "n keeps it");
    keys(&mut live, &[Char('x'), Char('y')]);
    assert!(program(&board).measure("ZP-03").is_none());
    let history = fs::read_to_string(live.path("rectify-history.tsv")).unwrap();
    assert!(history.contains("\tZP-03\tremoved\t"), "{history}");
    key(&mut live, Char('u'));
    assert_eq!(
        fs::read_to_string(&board).unwrap(),
        before,
        "the same bytes back"
    );
    chord(&mut live, Char('r'), KeyModifiers::CONTROL);
    assert!(program(&board).measure("ZP-03").is_none(), "redone");
}

#[test]
fn e_renames_a_measure_and_changes_its_owner() {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    open_at(&mut live, "ZP-04");
    key(&mut live, Char('e'));
    type_in(&mut live, "（第二阶段）");
    key(&mut live, Tab);
    chord(&mut live, Char('u'), KeyModifiers::CONTROL);
    type_in(&mut live, "网络安全保卫局");
    key(&mut live, Enter);
    let m = program(&board).measure("ZP-04").unwrap().clone();
    assert_eq!(
        m.title,
        "开展“断卡”行动，整治涉诈电话卡和银行卡（第二阶段）"
    );
    assert_eq!(m.owner, "网络安全保卫局");
}

#[test]
fn m_marks_a_milestone_reached_re_dates_one_and_adds_one_in_date_order() {
    let mut live = Live::start(None);
    let board = live.path("01-fraud.ron");
    key(&mut live, Enter);
    key(&mut live, Char('m'));
    let text = shown(live.app());
    assert!(text.contains("专项行动中期评估"), "{text}");
    // The third is not reached: Enter asks the day, today by default.
    keys(&mut live, &[Down, Down, Enter]);
    assert!(shown(live.app()).contains("达成日期：2023-07-15"));
    key(&mut live, Enter);
    let p = program(&board);
    assert_eq!(
        p.milestones[2].done.map(|d| d.to_string()).as_deref(),
        Some("2023-07-15")
    );
    assert!(
        matches!(live.app().modal, Some(Modal::Milestones(_))),
        "the list stays"
    );
    // Enter again on it: not reached.
    key(&mut live, Enter);
    assert_eq!(program(&board).milestones[2].done, None);
    // d: a new date, typed as people type it; a wrong one says why.
    keys(&mut live, &[Down, Char('d')]);
    chord(&mut live, Char('u'), KeyModifiers::CONTROL);
    type_in(&mut live, "10月32日");
    key(&mut live, Enter);
    assert!(shown(live.app()).contains("10月只有31天"));
    keys(&mut live, &[Backspace, Backspace, Backspace]);
    type_in(&mut live, "15日");
    key(&mut live, Enter);
    assert_eq!(program(&board).milestones[3].due.to_string(), "2023-10-15");
    // a: a new one, in date order.
    key(&mut live, Char('a'));
    type_in(&mut live, "全面复盘");
    key(&mut live, Tab);
    type_in(&mut live, "2023/11/15");
    key(&mut live, Enter);
    let titles: Vec<String> = program(&board)
        .milestones
        .iter()
        .map(|m| m.title.clone())
        .collect();
    assert_eq!(titles[4], "全面复盘");
    assert_eq!(titles.len(), 6);
    // The strip behind shows it at once.
    key(&mut live, Esc);
    assert!(shown(live.app()).contains("全面复盘") || shown(live.app()).contains("5◇11-15"));
}

/// Through the real binary in a terminal: a measure added with `a`, a milestone marked
/// reached with `m`, both in the file on disk.
#[cfg(unix)]
#[test]
fn adding_a_measure_and_reaching_a_milestone_through_the_real_binary() {
    use common::pty::Session;
    use std::time::Duration;
    let (_dir, board, mut s) = common::pty::fraud_program_as_zhang();
    // Keys a person types, each a moment apart: not a paste.
    let typed = |s: &mut Session, text: &str| {
        s.send(text);
        std::thread::sleep(Duration::from_millis(60));
    };
    typed(&mut s, "a");
    s.wait_for("新增措施");
    typed(&mut s, "建立反诈宣传员队伍");
    typed(&mut s, "\t");
    typed(&mut s, "刑事侦查局");
    typed(&mut s, "\t");
    typed(&mut s, "2023年9月30日");
    typed(&mut s, "\r");
    s.wait_for("已保存：新增措施 ZP-13「建立反诈宣传员队伍」");
    let p = program(&board);
    assert_eq!(p.measure("ZP-13").unwrap().due.to_string(), "2023-09-30");
    typed(&mut s, "m");
    s.wait_for("专项行动中期评估");
    typed(&mut s, "j");
    typed(&mut s, "j");
    typed(&mut s, "\r");
    s.wait_for("达成日期：2023-07-15");
    typed(&mut s, "\r");
    s.wait_for("已达成（2023年7月15日）");
    assert_eq!(
        program(&board).milestones[2]
            .done
            .map(|d| d.to_string())
            .as_deref(),
        Some("2023-07-15")
    );
    typed(&mut s, "\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.send("q");
    assert!(s.wait_exit());
}
