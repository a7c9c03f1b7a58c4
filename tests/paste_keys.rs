//! Pasted text is text: a bracketed paste goes whole into the field being typed in and is
//! nothing elsewhere, and a burst of keys from a terminal that cannot bracket a paste never
//! confirms a dialog. No terminal and no clock: the gaps between keys are given.

mod common;

use std::time::Duration;

use common::*;
use crossterm::event::KeyCode::{self, *};
use rectify::app::burst::{Burst, GAP};
use rectify::app::{self, Action, App, Modal};

fn ms(n: u64) -> Option<Duration> {
    Some(Duration::from_millis(n))
}

/// Keys with the time since the one before, through the keymap and the burst rule as the loop
/// sends them; returns every action that reached `update`.
fn play(app: &mut App, keys: &[(KeyCode, Option<Duration>)]) -> Vec<Action> {
    let mut burst = Burst::default();
    let mut out = Vec::new();
    for &(code, gap) in keys {
        let k = key(code);
        let action = app::keymap::key(app, k);
        if let Some(a) = burst.key(app, &k, gap, action) {
            out.push(a.clone());
            app::update(app, a);
        }
    }
    out
}

/// Text as the keys a terminal sends for it, each `gap` after the one before.
fn keys(s: &str, gap: Option<Duration>) -> Vec<(KeyCode, Option<Duration>)> {
    s.chars()
        .map(|c| match c {
            '\n' => (Enter, gap),
            '\t' => (Tab, gap),
            c => (Char(c), gap),
        })
        .collect()
}

fn field(app: &App) -> Option<&str> {
    match &app.modal {
        Some(Modal::Input { input, .. }) => Some(&input.text),
        _ => None,
    }
}

const PASTE: &str = "整改到位 q\r\nuo\ty\n";

#[test]
fn a_paste_lands_whole_in_each_text_dialog() {
    for open in [
        Action::EditNote,
        Action::EditProgress,
        Action::ReviseDue,
        Action::EditStatus,
    ] {
        let mut app = on_zp03();
        app::update(&mut app, open.clone());
        if open == Action::EditStatus {
            // Blocked asks for a reason in a text dialog.
            press(&mut app, &[Down, Enter]);
        }
        let before = field(&app).unwrap_or_else(|| panic!("{open:?}")).to_owned();
        let effects = app::update(&mut app, Action::Paste(PASTE.into()));
        assert!(effects.is_empty(), "{open:?}: {effects:?}");
        assert_eq!(
            field(&app),
            Some(format!("{before}整改到位 q uo y ").as_str()),
            "{open:?}"
        );
    }
}

#[test]
fn a_paste_goes_into_the_filter_being_typed_and_nowhere_else() {
    let mut app = on_zp03();
    app::update(&mut app, Action::StartFilter);
    app::update(&mut app, Action::Paste("ZP\n-0".into()));
    assert_eq!(app.filter.text, "ZP -0");
    assert!(app.filter.editing);

    // On the board, in the help and in a question, a paste is nothing at all.
    let mut app = on_zp03();
    let board = app.clone();
    assert!(app::update(&mut app, Action::Paste("qoy".into())).is_empty());
    assert_eq!(app.modal, board.modal);
    assert_eq!(app.filter, board.filter);
    assert_eq!(app.measure_sel, board.measure_sel);
    press(&mut app, &[Char('o')]);
    let asked = app.modal.clone();
    assert!(app::update(&mut app, Action::Paste("y\n".into())).is_empty());
    assert_eq!(app.modal, asked);
}

#[test]
fn an_enter_in_a_burst_of_text_is_a_space_and_the_dialog_stays_open() {
    let mut app = on_zp03();
    app::update(&mut app, Action::EditNote);
    let before = field(&app).unwrap().to_owned();
    let burst = [vec![(Char('x'), ms(900))], keys("yz\nq\to", ms(0))].concat();
    let got = play(&mut app, &burst);
    assert!(!got.contains(&Action::ModalAccept), "{got:?}");
    assert_eq!(field(&app), Some(format!("{before}xyz q o").as_str()));
}

#[test]
fn an_enter_typed_after_a_pause_confirms() {
    let mut app = on_zp03();
    app::update(&mut app, Action::EditProgress);
    // A quick typist: keys 60 ms apart, and the Enter no sooner than the gap allows.
    let typed = [
        vec![(Backspace, ms(300)), (Backspace, ms(60))],
        keys("75", ms(60)),
        vec![(Enter, Some(GAP))],
    ]
    .concat();
    let got = play(&mut app, &typed);
    assert_eq!(got.last(), Some(&Action::ModalAccept));
    assert_eq!(app.modal, None, "accepted: 75 is a valid progress");
}

#[test]
fn the_filter_typed_in_a_burst_keeps_its_line_break_as_a_space() {
    let mut app = on_zp03();
    let burst = [vec![(Char('/'), None)], keys("ZP\nq", ms(1))].concat();
    let got = play(&mut app, &burst);
    assert_eq!(app.filter.text, "ZP q");
    assert!(app.filter.editing);
    assert!(!got.contains(&Action::Quit), "{got:?}");
}

#[test]
fn a_burst_never_answers_a_question() {
    // `o` asks whether to sign off; a `y`, `n` or Enter right behind it was pasted, not meant.
    for answer in [Char('y'), Enter, Char('n')] {
        let mut app = on_zp03();
        play(&mut app, &[(Char('o'), None), (answer, ms(2))]);
        assert!(
            matches!(app.modal, Some(Modal::ConfirmSignOff { .. })),
            "{answer:?}: {:?}",
            app.modal
        );
        // Esc closes it, burst or not.
        play(&mut app, &[(Char('x'), None), (Esc, ms(1))]);
        assert_eq!(app.modal, None);
    }
}

#[test]
fn a_paste_that_starts_with_a_line_break_sends_nothing_after_it() {
    // Nothing typed before the Enter, so it confirms; the pasted rest has no field left.
    let mut app = on_zp03();
    app::update(&mut app, Action::EditNote);
    let burst = [vec![(Enter, ms(500))], keys("qo", ms(0))].concat();
    let got = play(&mut app, &burst);
    assert_eq!(got, vec![Action::ModalAccept]);
    // Once the burst is over, keys are commands again.
    let got = play(&mut app, &[(Char('j'), ms(40))]);
    assert_eq!(got, vec![Action::Down]);
}

#[test]
fn keys_on_the_board_still_act_in_a_burst() {
    let mut app = shipped((160, 45));
    let got = play(&mut app, &keys("jj\n", ms(0)));
    assert_eq!(got, vec![Action::Down, Action::Down, Action::Open]);
}

#[test]
fn the_signers_name_is_a_text_field_too() {
    // With no name known, signing off asks for one: a paste goes there, and its line break
    // does not confirm the sign-off.
    let mut app = on_zp03();
    app.settings.user.clear();
    press(&mut app, &[Char('o')]);
    app::update(&mut app, Action::Paste("王五\ny".into()));
    let name = app
        .modal
        .as_ref()
        .and_then(Modal::input)
        .map(|i| i.text.clone());
    assert_eq!(name.as_deref(), Some("王五 y"));
    let got = play(&mut app, &[(Char('x'), ms(300)), (Enter, ms(1))]);
    assert_eq!(got, vec![Action::ModalChar('x'), Action::Paste(" ".into())]);
    assert!(matches!(app.modal, Some(Modal::ConfirmSignOff { .. })));
}
