//! Text from board files on its way to the terminal: made safe, then measured and cut by
//! the cells ratatui's buffer gives it, so CJK, emoji and accented text align and a cut text
//! never spills out of its column.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

const TAB_WIDTH: usize = 4;

/// Characters that must never reach the terminal: C0/C1 controls (ESC starts escape
/// sequences), every format character (Unicode category Cf: bidi controls reorder text, and
/// tag characters hide it as well as zero-width spaces do, so no hand-picked subset is enough)
/// and the line and paragraph separators, which break a row like a newline.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}')
}

pub fn has_unsafe_chars(s: &str) -> bool {
    s.chars().any(|c| c != '\t' && is_unsafe(c))
}

/// A one-line, terminal-safe copy: tabs become spaces, line breaks a space, and every other
/// control or format character is dropped.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(|c| c == '\t' || is_unsafe(c)) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => {
                let w = width(&out);
                out.extend(std::iter::repeat_n(' ', TAB_WIDTH - w % TAB_WIDTH));
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters that are a grapheme of their own whatever stands beside them (no combining
/// marks, joiners, prepended or spacing marks, no zero-width characters) and whose width does
/// not depend on a neighbour: printable ASCII, Latin letters, punctuation, symbols, box
/// drawing and blocks, CJK punctuation and ideographs, full-width forms. Board text is almost
/// entirely these.
pub fn stands_alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{00A1}'..='\u{00AC}'
        | '\u{00AE}'..='\u{02FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{2BFF}'
        | '\u{3001}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF60}')
}

/// Cells a grapheme cluster takes as ratatui's `Buffer::set_stringn` draws it: one holding a
/// control character is skipped there, so it takes none; otherwise ratatui's own measure, which
/// counts an emoji sequence (VS16, ZWJ, skin tone) as one symbol and a combining mark as part of
/// its base. Measuring per character instead overcounts a ZWJ family by six cells.
fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// The symbols ratatui draws `s` as, each with the cells it takes. Board text is almost all
/// characters that stand alone, measured one by one: segmenting every string into graphemes
/// made drawing a screen 40–70 % slower (`benches/scale`, render_cpu), so only other text
/// pays for it.
fn symbols(s: &str) -> impl Iterator<Item = (&str, usize)> {
    let plain = s.chars().all(stands_alone);
    let chars = plain.then(|| {
        s.char_indices()
            .map(move |(i, c)| (&s[i..i + c.len_utf8()], c.width().unwrap_or(0)))
    });
    let graphemes = (!plain).then(|| s.graphemes(true).map(|g| (g, grapheme_width(g))));
    chars
        .into_iter()
        .flatten()
        .chain(graphemes.into_iter().flatten())
}

/// Display width in terminal cells, as ratatui will draw `s`.
pub fn width(s: &str) -> usize {
    // Ids, dates, numbers and English are ASCII: one cell a byte.
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    symbols(s).map(|(_, w)| w).sum()
}

/// `s` cut to at most `max` cells, ending in `…` when anything was cut. Cuts between grapheme
/// clusters, so an emoji sequence or an accented letter is kept whole or dropped whole, and
/// never leaves half of a double-width one.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for (g, w) in symbols(s) {
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut or padded with spaces to exactly `w` cells.
pub fn fit(s: &str, w: usize) -> String {
    let mut t = truncate(s, w);
    let tw = width(&t);
    t.extend(std::iter::repeat_n(' ', w.saturating_sub(tw)));
    t
}

/// Padded with spaces to at least `w` cells, never cut: for columns in plain-text output
/// where a long value may push the next column but must not lose its end.
pub fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// Right-aligned in exactly `w` cells.
pub fn fit_right(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let pad = w.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_never_survive() {
        let hostile = "标题\x1b]0;owned\x07\x1b[2J\u{202E}evil\u{200B}";
        let safe = sanitize(hostile);
        assert!(!safe.chars().any(is_unsafe), "{safe:?}");
        assert_eq!(safe, "标题]0;owned[2Jevil");
    }

    #[test]
    fn cuts_cjk_by_cells_with_an_ellipsis() {
        assert_eq!(truncate("打击治理电信网络诈骗犯罪", 9), "打击治理…");
        assert_eq!(width(&truncate("打击治理电信网络诈骗犯罪", 9)), 9);
        // An odd width cannot hold half a character: one cell is left empty instead.
        assert_eq!(fit("电信网络", 6), "电信… ");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit_right("12", 4), "  12");
    }

    #[test]
    fn a_character_that_stands_alone_is_measured_as_ratatui_draws_it() {
        let alone = ('\0'..=char::MAX).filter(|&c| stands_alone(c));
        for c in alone {
            let s = c.to_string();
            assert_eq!(width(&s), usize::from(s.cell_width()), "{c:?}");
            for n in ['a', '中', '，', c] {
                let beside = format!("{n}{c}{n}");
                assert_eq!(beside.graphemes(true).count(), 3, "{beside:?}");
            }
        }
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(sanitize("a\tb"), "a   b");
    }
}
