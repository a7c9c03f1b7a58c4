//! Pastes from terminals that cannot bracket them arrive as keys, faster than anyone types.
//! Such a burst is text: the Enter of a pasted line break must not confirm the dialog it is
//! pasted into, or everything after it reaches the board as commands (a pasted `q` quits).
//!
//! The event loop measures the gaps; the rule here takes them as input, so it is pure.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Action, App};

/// Keys closer together than this are one burst. Pasted keys are read in one go and come
/// microseconds apart; the fastest typist's keys, and a held key's repeats, are 25 ms or more
/// apart. Kept short so that a quick key after the screen changed is never taken for a paste.
pub const GAP: Duration = Duration::from_millis(5);

/// What the burst so far means for the next key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Burst {
    /// The previous key, within [`GAP`], was typed text: a character, or a line break or tab
    /// inside a run of characters.
    text: bool,
    /// A key of this burst confirmed a dialog or the filter: a paste that began with a line
    /// break. The rest of the burst is that paste's text, with no field left to take it.
    swallow: bool,
}

impl Burst {
    /// The action a key stands for, given what the keymap made of it and the time since the
    /// previous key (`None` for the first key).
    pub fn key(
        &mut self,
        app: &App,
        k: &KeyEvent,
        gap: Option<Duration>,
        action: Option<Action>,
    ) -> Option<Action> {
        if gap.is_none_or(|g| g >= GAP) {
            *self = Burst::default();
        }
        if self.swallow {
            return None;
        }
        let typed = matches!(k.code, KeyCode::Char(_))
            && !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let breaks = matches!(k.code, KeyCode::Enter | KeyCode::Tab);
        let out = if self.text {
            in_text(app, k, breaks, action)
        } else {
            action
        };
        self.text = typed || (self.text && breaks);
        self.swallow = matches!(out, Some(Action::ModalAccept | Action::FilterAccept));
        out
    }
}

/// A key that follows typed text within the burst: a line break or tab goes into the field
/// being typed in as a space, and no key but Esc decides a dialog.
fn in_text(app: &App, k: &KeyEvent, breaks: bool, action: Option<Action>) -> Option<Action> {
    let typing = app
        .modal
        .as_ref()
        .map_or(app.filter.editing, |m| m.input().is_some());
    match action {
        _ if breaks && typing => Some(Action::Paste(" ".to_owned())),
        Some(Action::ModalAccept | Action::ModalCancel | Action::ModalAll)
            if k.code != KeyCode::Esc =>
        {
            None
        }
        a => a,
    }
}
