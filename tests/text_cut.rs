//! Text cut and padded for a column never overflows it as ratatui actually draws it: each
//! result is rendered into a ratatui `Buffer` and the cells it took are counted there, for
//! text made of emoji with variation selectors, ZWJ families, combining marks, CJK and ASCII.

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use rectify::text::{fit, fit_right, pad, truncate, width};

/// Pieces a board's text can be made of; several are one grapheme of many characters.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "7",
    " ",
    "-",
    "整",
    "改",
    "措",
    "施",
    "，",
    "ｶ",
    "ﾞ",
    "e\u{301}",
    "a\u{308}\u{323}",
    "\u{301}",
    "n\u{303}",
    "\u{2764}\u{fe0f}",
    "\u{263a}\u{fe0f}",
    "\u{2714}\u{fe0f}",
    "#\u{fe0f}\u{20e3}",
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}",
    "\u{1f3f3}\u{fe0f}\u{200d}\u{1f308}",
    "\u{1f44d}\u{1f3fd}",
    "\u{1f1e8}\u{1f1f3}",
    "\u{1f600}",
    "\u{2026}",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
}

/// Draws `s` from the left edge of a one-row buffer `cols` wide, as a widget would, and returns
/// the buffer and the column after the last cell drawn.
fn draw(s: &str, cols: usize) -> (Buffer, usize) {
    let mut buf = Buffer::empty(Rect::new(0, 0, cols as u16, 1));
    let (x, _) = buf.set_stringn(0, 0, s, usize::MAX, Style::default());
    (buf, usize::from(x))
}

/// Cells `s` takes when drawn with room to spare.
fn drawn_width(s: &str) -> usize {
    draw(s, width(s) + 16).1
}

/// What a column `cols` wide shows of `s`: every cell's symbol.
fn cells(s: &str, cols: usize) -> Vec<String> {
    let (buf, _) = draw(s, cols);
    buf.content()
        .iter()
        .map(|c| c.symbol().to_owned())
        .collect()
}

/// Nothing of `s` is lost in a column `cols` wide: it draws there exactly as it draws with room.
fn fits_whole(s: &str, cols: usize) -> bool {
    let wide = cells(s, cols + 16);
    drawn_width(s) <= cols && cells(s, cols) == wide[..cols]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_cut_text_fits_its_column_and_keeps_whole_graphemes(s in text(), max in 0usize..30) {
        let t = truncate(&s, max);
        prop_assert!(fits_whole(&t, max), "{s:?} cut to {max}: {t:?} draws {} cells", drawn_width(&t));
        prop_assert_eq!(width(&t), drawn_width(&t), "measured as drawn: {:?}", t);
        if drawn_width(&s) <= max {
            prop_assert_eq!(&t, &s, "a text that fits is left alone");
        } else if max > 0 {
            let kept = t.strip_suffix('\u{2026}').unwrap_or_default();
            prop_assert!(s.starts_with(kept), "{t:?} is the start of {s:?}");
            // The cut is between graphemes, and takes as much as fits beside the ellipsis.
            let rest = &s[kept.len()..];
            let next = unicode_segmentation::UnicodeSegmentation::graphemes(rest, true)
                .next()
                .unwrap_or_default();
            prop_assert!(
                unicode_segmentation::UnicodeSegmentation::graphemes(s.as_str(), true)
                    .scan(0, |at, g| { *at += g.len(); Some(*at) })
                    .any(|at| at == kept.len()) || kept.is_empty(),
                "{kept:?} ends inside a grapheme of {s:?}"
            );
            prop_assert!(width(kept) + width(next) > max - 1, "{kept:?} could have kept {next:?}");
        }
    }

    #[test]
    fn padded_text_fills_its_column_exactly(s in text(), w in 0usize..30) {
        for (how, t) in [("fit", fit(&s, w)), ("fit_right", fit_right(&s, w))] {
            prop_assert!(fits_whole(&t, w), "{how}({s:?}, {w}) = {t:?}");
            prop_assert_eq!(drawn_width(&t), w, "{}({:?}, {}) = {:?}", how, s, w, t);
        }
        let p = pad(&s, w);
        prop_assert_eq!(drawn_width(&p), drawn_width(&s).max(w), "pad({:?}, {}) = {:?}", s, w, p);
        prop_assert!(p.starts_with(s.as_str()), "pad never cuts");
    }
}

#[test]
fn an_emoji_sequence_is_one_symbol_and_never_split() {
    let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
    // Counted per character the family would take eight cells; ratatui draws it in two.
    assert_eq!(width(family), 2);
    assert_eq!(
        width(&format!("{family}{family}")),
        drawn_width(&format!("{family}{family}"))
    );
    assert_eq!(
        truncate(&format!("{family}{family}ab"), 4),
        format!("{family}\u{2026}")
    );
    assert_eq!(
        truncate(&format!("{family}{family}ab"), 3),
        format!("{family}\u{2026}")
    );
    // A heart with its emoji selector is wide; a combining accent stays on its letter.
    assert_eq!(width("\u{2764}\u{fe0f}"), 2);
    assert_eq!(truncate("cafe\u{301}s", 5), "cafe\u{301}s");
    assert_eq!(truncate("cafe\u{301}s", 4), "caf\u{2026}");
    assert_eq!(truncate("e\u{301}\u{301}xyz", 2), "e\u{301}\u{301}\u{2026}");
}
