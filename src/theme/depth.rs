//! How many colours the terminal can show, and every colour brought within them. Themes are
//! written in 24-bit colour; a terminal that did not say it shows 24-bit colour (PuTTY, macOS
//! Terminal, tmux without `Tc`) draws such escapes wrongly or not at all.

use ratatui::style::Color;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// `COLORTERM` says `truecolor` or `24bit`.
    TrueColor,
    /// The xterm 256-colour palette: what nearly every terminal shows.
    Palette256,
    /// The Linux console's 16 colours.
    Basic16,
}

impl Depth {
    /// From the values of `COLORTERM` and `TERM`.
    pub fn from_env(colorterm: Option<&str>, term: Option<&str>) -> Depth {
        if term == Some("linux") {
            Depth::Basic16
        } else if colorterm
            .is_some_and(|c| c.eq_ignore_ascii_case("truecolor") || c.eq_ignore_ascii_case("24bit"))
        {
            Depth::TrueColor
        } else {
            Depth::Palette256
        }
    }

    /// `c` as this terminal can show it: the nearest palette entry of those it has.
    pub fn convert(self, c: Color) -> Color {
        match (self, c) {
            (Depth::TrueColor, c) => c,
            (Depth::Palette256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256((r, g, b))),
            (Depth::Basic16, Color::Rgb(r, g, b)) => nearest_16((r, g, b)),
            (Depth::Basic16, Color::Indexed(i)) if i >= 16 => nearest_16(rgb_of_256(i)),
            (Depth::Basic16, Color::Indexed(i)) => BASIC[usize::from(i)].0,
            (_, c) => c,
        }
    }
}

/// The levels of each channel in the 6×6×6 cube (entries 16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The 16 colours with the values xterm gives them.
const BASIC: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2) as u32;
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

/// The colour of palette entry `i` (16–255).
fn rgb_of_256(i: u8) -> (u8, u8, u8) {
    if i >= 232 {
        let v = 8 + 10 * (i - 232);
        return (v, v, v);
    }
    let i = i.saturating_sub(16);
    (
        CUBE[usize::from(i / 36)],
        CUBE[usize::from(i / 6 % 6)],
        CUBE[usize::from(i % 6)],
    )
}

/// The nearest of entries 16–255 (the cube and the grey ramp; the first 16 differ from one
/// terminal to the next, so they are never chosen for a 24-bit colour).
fn nearest_256(c: (u8, u8, u8)) -> u8 {
    let level = |v: u8| {
        (0..CUBE.len())
            .min_by_key(|&n| (i32::from(CUBE[n]) - i32::from(v)).abs())
            .unwrap_or(0) as u8
    };
    let cube = 16 + 36 * level(c.0) + 6 * level(c.1) + level(c.2);
    let grey = (232..=255u8)
        .min_by_key(|&i| distance(rgb_of_256(i), c))
        .unwrap_or(232);
    if distance(rgb_of_256(grey), c) < distance(rgb_of_256(cube), c) {
        grey
    } else {
        cube
    }
}

fn nearest_16(c: (u8, u8, u8)) -> Color {
    BASIC
        .iter()
        .min_by_key(|(_, rgb)| distance(*rgb, c))
        .map_or(Color::Reset, |(color, _)| *color)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_terminal_that_says_so_gets_24_bit_colour() {
        let d = Depth::from_env;
        assert_eq!(
            d(Some("truecolor"), Some("xterm-256color")),
            Depth::TrueColor
        );
        assert_eq!(d(Some("24bit"), Some("xterm")), Depth::TrueColor);
        assert_eq!(d(None, Some("xterm-256color")), Depth::Palette256);
        assert_eq!(d(Some(""), Some("screen")), Depth::Palette256);
        assert_eq!(d(Some("yes"), None), Depth::Palette256);
        assert_eq!(d(None, Some("linux")), Depth::Basic16);
        assert_eq!(d(Some("truecolor"), Some("linux")), Depth::Basic16);
    }

    #[test]
    fn every_palette_colour_maps_to_itself() {
        for i in 16..=255u8 {
            let (r, g, b) = rgb_of_256(i);
            assert_eq!(
                Depth::Palette256.convert(Color::Rgb(r, g, b)),
                Color::Indexed(i),
                "{i} = {r},{g},{b}"
            );
        }
    }

    #[test]
    fn colours_between_palette_entries_go_to_the_nearest() {
        let p = |r, g, b| Depth::Palette256.convert(Color::Rgb(r, g, b));
        // The ends of the cube and of the grey ramp.
        assert_eq!(p(0, 0, 0), Color::Indexed(16));
        assert_eq!(p(255, 255, 255), Color::Indexed(231));
        assert_eq!(p(4, 4, 4), Color::Indexed(16));
        assert_eq!(p(5, 5, 5), Color::Indexed(232));
        assert_eq!(p(238, 238, 238), Color::Indexed(255));
        assert_eq!(p(250, 250, 250), Color::Indexed(231));
        // Half-way between cube levels 0 and 95 in one channel: the lower one up to 47.
        assert_eq!(p(47, 255, 0), Color::Indexed(46));
        assert_eq!(p(48, 255, 0), Color::Indexed(82));
        // A dark red is nearer a dark grey than black.
        assert_eq!(p(47, 0, 0), Color::Indexed(233));
        assert_eq!(p(255, 0, 0), Color::Indexed(196));
        // A grey a little off the ramp is still grey, not a tinted cube entry.
        assert_eq!(p(100, 101, 99), Color::Indexed(241));
        // Named and already-indexed colours are left to the terminal.
        assert_eq!(Depth::Palette256.convert(Color::Red), Color::Red);
        assert_eq!(
            Depth::Palette256.convert(Color::Indexed(3)),
            Color::Indexed(3)
        );
        assert_eq!(
            Depth::TrueColor.convert(Color::Rgb(1, 2, 3)),
            Color::Rgb(1, 2, 3)
        );
    }

    #[test]
    fn the_linux_console_gets_the_nearest_of_sixteen() {
        let b = |c| Depth::Basic16.convert(c);
        assert_eq!(b(Color::Rgb(0, 0, 0)), Color::Black);
        assert_eq!(b(Color::Rgb(255, 255, 255)), Color::White);
        assert_eq!(b(Color::Rgb(220, 30, 30)), Color::Red);
        assert_eq!(b(Color::Rgb(250, 10, 10)), Color::LightRed);
        assert_eq!(b(Color::Rgb(120, 120, 130)), Color::DarkGray);
        assert_eq!(b(Color::Indexed(1)), Color::Red);
        assert_eq!(b(Color::Indexed(15)), Color::White);
        assert_eq!(b(Color::Indexed(196)), Color::LightRed);
        assert_eq!(b(Color::Indexed(232)), Color::Black);
        assert_eq!(b(Color::Indexed(255)), Color::Gray);
        assert_eq!(b(Color::Yellow), Color::Yellow);
    }

    /// A built-in theme on a 256-colour terminal sends no 24-bit colour, and its colours that
    /// are palette entries stay exactly themselves.
    #[test]
    fn built_in_themes_send_only_palette_colours_in_256_colours() {
        for (name, _) in crate::theme::BUILT_IN {
            let mut theme = crate::theme::Theme::built_in(name).unwrap();
            let mut shown = theme.clone().for_depth(Depth::Palette256);
            for (s, t) in theme.styles_mut().zip(shown.styles_mut()) {
                for (c, d) in [
                    (s.fg, t.fg),
                    (s.bg, t.bg),
                    (s.underline_color, t.underline_color),
                ] {
                    assert!(!matches!(d, Some(Color::Rgb(..))), "{name}: {d:?}");
                    if let (Some(Color::Rgb(r, g, b)), Some(Color::Indexed(i))) = (c, d)
                        && i >= 16
                        && (16..=255).any(|j| rgb_of_256(j) == (r, g, b))
                    {
                        assert_eq!(rgb_of_256(i), (r, g, b), "{name}");
                    }
                }
            }
        }
    }
}
