//! Ctrl-Z hands the terminal back to the shell (the loop restores it and stops the process);
//! the key itself changes nothing on the board. Verified by hand in tmux: `fg` redraws it.
#![cfg(unix)]

mod common;

use common::live::{Live, chord, key};
use crossterm::event::{KeyCode, KeyModifiers};
use rectify::tui::Step;

#[test]
fn ctrl_z_suspends_and_changes_nothing_on_the_board() {
    let mut live = Live::start(None);
    key(&mut live, KeyCode::Enter);
    key(&mut live, KeyCode::Char('j'));
    let (screen, selected) = (live.app().screen, live.app().measure_scroll.offset);
    let before = common::screen(live.app(), &common::dark());
    assert_eq!(
        chord(&mut live, KeyCode::Char('z'), KeyModifiers::CONTROL),
        Step::Suspend
    );
    assert_eq!(live.app().screen, screen);
    assert_eq!(live.app().measure_scroll.offset, selected);
    assert_eq!(common::screen(live.app(), &common::dark()), before);
    // A plain `z` is no suspension.
    assert_ne!(
        chord(&mut live, KeyCode::Char('z'), KeyModifiers::NONE),
        Step::Suspend
    );
}

#[test]
fn ctrl_z_suspends_while_a_field_is_being_edited_too() {
    let mut live = Live::start(None);
    key(&mut live, KeyCode::Enter);
    key(&mut live, KeyCode::Char('p'));
    let modal = live.app().modal.clone();
    assert!(modal.is_some());
    assert_eq!(
        chord(&mut live, KeyCode::Char('z'), KeyModifiers::CONTROL),
        Step::Suspend
    );
    assert_eq!(live.app().modal, modal);
}

/// The help says how to suspend, on every screen, since the key works on every screen.
#[test]
fn the_help_names_ctrl_z() {
    for screens in [0, 1, 2] {
        let mut app = common::shipped((120, 40));
        for _ in 0..screens {
            common::press(&mut app, &[KeyCode::Tab]);
        }
        common::press(&mut app, &[KeyCode::Char('?')]);
        let shown = common::screen(&app, &common::dark());
        assert!(
            shown.contains("Ctrl-Z") && shown.contains("暂停，回到命令行"),
            "{shown}"
        );
    }
}
