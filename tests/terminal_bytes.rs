//! What the terminal shows is what the views drew: every screen is drawn through the real
//! crossterm backend, frame after frame as a session moves between screens, and the bytes are
//! played into a terminal emulator (`vt100`). A cell drawn where a double-width character
//! already took two columns makes the terminal and ratatui disagree about the row from there
//! on, and the diff of the next frame then leaves characters of the old screen behind.

mod common;

use common::*;
use crossterm::event::KeyCode;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use rectify::app::App;

#[path = "../examples/genboards.rs"]
mod genboards;

/// Cells the terminal cannot show as drawn: something other than a blank in the second
/// column of a double-width character.
fn hidden_cells(b: &ratatui::buffer::Buffer) -> Vec<(u16, u16, String)> {
    let mut out = Vec::new();
    for y in 0..b.area.height {
        let mut x = 0;
        while x < b.area.width {
            let w = unicode_width::UnicodeWidthStr::width(b[(x, y)].symbol()).max(1) as u16;
            for k in 1..w {
                if x + k < b.area.width && b[(x + k, y)].symbol() != " " {
                    out.push((x + k, y, b[(x + k, y)].symbol().to_owned()));
                }
            }
            x += w;
        }
    }
    out
}

/// A terminal of `w` × `h` whose frames go, as the real backend writes them, into a buffer.
fn byte_terminal(w: u16, h: u16) -> Terminal<CrosstermBackend<Vec<u8>>> {
    let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
    Terminal::with_options(
        CrosstermBackend::new(Vec::new()),
        TerminalOptions { viewport },
    )
    .unwrap()
}

fn session(app: &mut App, steps: &[&[KeyCode]]) {
    let theme = dark();
    let (w, h) = app.size;
    let mut term = byte_terminal(w, h);
    let mut vt = vt100::Parser::new(h, w, 0);
    for (n, keys) in steps.iter().enumerate() {
        press(app, keys);
        let drawn = term
            .draw(|f| rectify::ui::render(app, &theme, f))
            .unwrap()
            .buffer
            .clone();
        let hidden = hidden_cells(&drawn);
        let out = term.backend_mut().writer_mut();
        vt.process(out);
        out.clear();
        let shown: Vec<String> = vt
            .screen()
            .rows(0, w)
            .map(|r| r.trim_end().to_owned())
            .collect();
        let text = text_of(&drawn);
        let want: Vec<&str> = text.lines().map(str::trim_end).collect();
        for (y, (s, d)) in shown.iter().zip(&want).enumerate() {
            assert_eq!(
                s, d,
                "{w}×{h}, step {n} {keys:?}: row {y} differs on the terminal; cells under wide characters: {hidden:?}"
            );
        }
        assert!(hidden.is_empty(), "{w}×{h}, step {n} {keys:?}: {hidden:?}");
    }
}

const TOUR: &[&[KeyCode]] = &[
    &[],
    &[KeyCode::Tab],
    &[KeyCode::Tab],
    &[KeyCode::Tab],
    &[KeyCode::Tab],
    &[KeyCode::Char('j')],
    &[KeyCode::Enter],
    &[KeyCode::Char('j'), KeyCode::Char('j')],
    &[KeyCode::Esc],
    &[KeyCode::Char('f')],
    &[KeyCode::Tab],
    &[KeyCode::Char('f')],
    &[KeyCode::Tab],
    &[KeyCode::Char('f')],
    &[KeyCode::Tab],
    &[KeyCode::Char('F')],
    &[KeyCode::Tab],
    &[KeyCode::Char('?')],
    &[KeyCode::Esc],
    &[KeyCode::Tab],
    &[KeyCode::Tab],
];

#[test]
fn the_shipped_boards_reach_the_terminal_as_drawn() {
    for size in [(80, 24), (120, 40), (160, 45), (200, 60)] {
        session(&mut shipped(size), TOUR);
    }
}

#[test]
fn generated_boards_reach_the_terminal_as_drawn() {
    let dir = tempfile::tempdir().unwrap();
    genboards::generate(dir.path(), 9, 1000, 1).unwrap();
    for size in [(80, 24), (160, 45)] {
        session(&mut app_from(dir.path(), size), TOUR);
    }
}

/// The emulator the pty tests and the e2e bench read the screen with shows a frame the same
/// however the terminal's reads cut it: in reads of one byte (a cut everywhere) up to seven.
#[cfg(unix)]
#[test]
fn the_emulator_shows_a_frame_the_same_however_its_reads_are_cut() {
    let mut app = shipped((80, 24));
    let theme = dark();
    let mut term = byte_terminal(80, 24);
    let mut frames = Vec::new();
    for keys in [&[][..], &[KeyCode::Tab], &[KeyCode::Tab]] {
        press(&mut app, keys);
        term.draw(|f| rectify::ui::render(&app, &theme, f)).unwrap();
        frames.push(std::mem::take(term.backend_mut().writer_mut()));
    }
    let bytes = frames.concat();
    let whole = {
        let mut vt = vt100::Parser::new(24, 80, 0);
        vt.process(&bytes);
        vt.screen().contents()
    };
    assert!(whole.contains("已逾期") && whole.contains('·'), "{whole}");
    // Reads of one to seven bytes, and a read ending after the first byte of each two-byte
    // character (`·`): the cut that made the emulator swallow the space after it.
    let mut cuts: Vec<Vec<usize>> = (1..=7)
        .map(|n| (n..bytes.len()).step_by(n).collect())
        .collect();
    for (i, b) in bytes.iter().enumerate() {
        if (0xC0..=0xDF).contains(b) {
            cuts.push(vec![i + 1]);
        }
    }
    assert!(cuts.len() > 7, "no two-byte character in the frames");
    for cut in cuts {
        let mut vt = vt100::Parser::new(24, 80, 0);
        let mut feed = common::pty::WholeChars::default();
        let mut last = 0;
        for &c in &cut {
            feed.feed(&mut vt, &bytes[last..c]);
            last = c;
        }
        feed.feed(&mut vt, &bytes[last..]);
        assert_eq!(
            vt.screen().contents(),
            whole,
            "read cut at {:?}",
            &cut[..cut.len().min(3)]
        );
    }
}

/// The e2e bench's session on its large folder (9 programs × 1,000 measures): the program
/// screen's selection moved, every status filter, then every screen over and over.
#[test]
fn a_long_session_on_a_large_folder_reaches_the_terminal_as_drawn() {
    let dir = tempfile::tempdir().unwrap();
    genboards::generate(dir.path(), 9, 1000, 1).unwrap();
    let mut steps: Vec<&[KeyCode]> = vec![&[], &[KeyCode::Enter], &[KeyCode::Char('j')]];
    for n in 0..60 {
        steps.push(if n % 2 == 0 {
            &[KeyCode::Char('k')]
        } else {
            &[KeyCode::Char('j')]
        });
    }
    steps.push(&[KeyCode::Char('k')]);
    for _ in 0..70 {
        steps.push(&[KeyCode::Char('f')]);
    }
    steps.push(&[KeyCode::Char('F')]);
    for _ in 0..70 {
        steps.push(&[KeyCode::Tab]);
    }
    session(&mut app_from(dir.path(), (160, 45)), &steps);
}
