//! Every built-in theme is readable on a dark and on a light terminal: each cell the views draw
//! is measured against what is behind it (WCAG 2 contrast ratio), with the terminal's own
//! default colours (`Color::Reset`) taken once as a dark pair and once as a light one.

mod common;

use common::*;
use crossterm::event::KeyCode::{self, *};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use rectify::app::App;
use rectify::app::meeting::Meeting;
use rectify::theme::{BUILT_IN, Theme};

/// What a terminal shows for `Color::Reset`: (foreground, background).
type Pair = ([u8; 3], [u8; 3]);
const DARK_TERMINAL: Pair = ([0xe5, 0xe5, 0xe5], [0x00, 0x00, 0x00]);
const LIGHT_TERMINAL: Pair = ([0x00, 0x00, 0x00], [0xff, 0xff, 0xff]);

/// xterm's palette for the sixteen named colours, the 6×6×6 cube and the grey ramp.
fn rgb(c: Color, reset: [u8; 3]) -> [u8; 3] {
    const ANSI: [[u8; 3]; 16] = [
        [0, 0, 0],
        [205, 0, 0],
        [0, 205, 0],
        [205, 205, 0],
        [0, 0, 238],
        [205, 0, 205],
        [0, 205, 205],
        [229, 229, 229],
        [127, 127, 127],
        [255, 0, 0],
        [0, 255, 0],
        [255, 255, 0],
        [92, 92, 255],
        [255, 0, 255],
        [0, 255, 255],
        [255, 255, 255],
    ];
    let indexed = |i: u8| -> [u8; 3] {
        match i {
            0..=15 => ANSI[i as usize],
            16..=231 => {
                let i = i - 16;
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                [level(i / 36), level((i / 6) % 6), level(i % 6)]
            }
            _ => {
                let v = 8 + 10 * (i - 232);
                [v, v, v]
            }
        }
    };
    match c {
        Color::Reset => reset,
        Color::Black => indexed(0),
        Color::Red => indexed(1),
        Color::Green => indexed(2),
        Color::Yellow => indexed(3),
        Color::Blue => indexed(4),
        Color::Magenta => indexed(5),
        Color::Cyan => indexed(6),
        Color::Gray => indexed(7),
        Color::DarkGray => indexed(8),
        Color::LightRed => indexed(9),
        Color::LightGreen => indexed(10),
        Color::LightYellow => indexed(11),
        Color::LightBlue => indexed(12),
        Color::LightMagenta => indexed(13),
        Color::LightCyan => indexed(14),
        Color::White => indexed(15),
        Color::Indexed(i) => indexed(i),
        Color::Rgb(r, g, b) => [r, g, b],
    }
}

fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn the_ratio_is_wcags() {
    assert!((ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    assert!((ratio([0x77, 0x77, 0x77], [255, 255, 255]) - 4.48).abs() < 0.01);
    assert_eq!(rgb(Color::Indexed(196), [0; 3]), [255, 0, 0]);
    assert_eq!(rgb(Color::Indexed(244), [0; 3]), [128, 128, 128]);
}

/// Lines, frames and the empty part of a bar: decoration, not something to read. They are held
/// to the 3:1 that WCAG asks of graphics only where they carry meaning, and not at all where
/// the text beside them says the same (the percentage after a bar).
fn kind(symbol: &str) -> Option<f64> {
    let c = symbol.chars().next()?;
    match c {
        ' ' => None,
        '░' | '─' | '│' | '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╰'
        | '╯' => None,
        '█' | '━' | '▀' | '▄' | '▌' | '▐' | '◆' | '◇' | '●' | '▲' | '■' => {
            Some(3.0)
        }
        _ => Some(0.0),
    }
}

/// Every cell with something to read whose contrast falls below what `theme` must reach.
fn poor_cells(b: &Buffer, terminal: Pair, text_min: f64) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..b.area.height {
        let mut line_hits = 0;
        for x in 0..b.area.width {
            let cell = &b[(x, y)];
            let Some(graphic_min) = kind(cell.symbol()) else {
                continue;
            };
            let need = if graphic_min > 0.0 {
                graphic_min
            } else {
                text_min
            };
            let mut fg = rgb(cell.fg, terminal.0);
            let mut bg = rgb(cell.bg, terminal.1);
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let r = ratio(fg, bg);
            if r < need && line_hits < 3 {
                line_hits += 1;
                out.push(format!(
                    "`{}` at {x},{y}: {:?} on {:?} is {r:.2}:1 (needs {need})",
                    cell.symbol(),
                    cell.fg,
                    cell.bg
                ));
            }
        }
    }
    out
}

/// The screens, popups and meeting pages a user sees, each as the keys that lead there.
fn screens(size: (u16, u16)) -> Vec<(String, App)> {
    let cases: &[(&str, &[KeyCode])] = &[
        ("overview", &[]),
        ("overview, help", &[Char('?')]),
        ("program", &[Enter]),
        ("program, lagging", &[End, Up, Enter]),
        ("program, blocked selected", &[End, Enter, Down]),
        ("program, status form", &[Enter, Char('s')]),
        ("program, note form", &[Enter, Char('n')]),
        ("program, sign-off", &[Enter, Char('o')]),
        ("program, milestones", &[Enter, Char('m')]),
        ("deadlines", &[Tab, Tab]),
        ("deadlines, second row", &[Tab, Tab, Down]),
        ("owner units", &[Tab, Tab, Tab]),
        ("owner units, a unit's measures", &[Tab, Tab, Tab, Enter]),
        ("owner units, unit filter", &[Tab, Tab, Tab, Char(' ')]),
        ("problem list", &[BackTab]),
        (
            "problem list, a problem's measures",
            &[BackTab, Down, Enter],
        ),
        ("changes", &[Char('c')]),
        ("filter typing", &[Char('/'), Char('局')]),
    ];
    let mut out = Vec::new();
    for (name, keys) in cases {
        let mut app = shipped(size);
        press(&mut app, keys);
        out.push((name.to_string(), app));
    }
    let broken = with_broken_files(size, rectify::i18n::Lang::Zh, 1);
    out.push(("error banner".into(), broken));
    for (name, keys) in [
        ("meeting overview", &[][..]),
        ("meeting program", &[Char('8')]),
        ("meeting owner units", &[Left]),
        ("meeting deadlines", &[Left, Left]),
    ] {
        let mut app = shipped(size);
        app.settings.read_only = true;
        app.meeting = Some(Meeting::start(&app, now(), 20));
        press(&mut app, keys);
        out.push((name.into(), app));
    }
    out
}

#[test]
fn every_theme_is_readable_on_dark_and_light_terminals() {
    let mut failures = Vec::new();
    for (name, _) in BUILT_IN {
        let theme = Theme::built_in(name).unwrap();
        let min = if name == "high-contrast" { 7.0 } else { 4.5 };
        for size in [(80, 24), (160, 45), (240, 67)] {
            for (screen, app) in screens(size) {
                let b = buffer(&app, &theme);
                for (terminal, pair) in [("dark", DARK_TERMINAL), ("light", LIGHT_TERMINAL)] {
                    for poor in poor_cells(&b, pair, min).into_iter().take(4) {
                        failures.push(format!(
                            "{name} on a {terminal} terminal, {screen} {size:?}: {poor}"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} poor cells:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
