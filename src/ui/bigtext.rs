//! Figures in block digits, readable from the back of a meeting room.

/// 3×5 glyphs; `#` is a filled cell.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => [" # ", "## ", " # ", " # ", "###"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", "###", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", "  #", "  #", "  #"],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        '%' => ["# #", "  #", " # ", "#  ", "# #"],
        '/' => ["  #", "  #", " # ", "#  ", "#  "],
        '-' => ["   ", "   ", "###", "   ", "   "],
        _ => ["   ", "   ", "   ", "   ", "   "],
    }
}

pub const HEIGHT: u16 = 5;

/// The lines of `text` in block digits, each glyph `scale` times as wide and high.
pub fn lines(text: &str, scale: u16) -> Vec<String> {
    let s = scale.max(1) as usize;
    let mut out = vec![String::new(); HEIGHT as usize * s];
    for (i, c) in text.chars().enumerate() {
        let g = glyph(c);
        for (row, pattern) in g.iter().enumerate() {
            for r in 0..s {
                let line = &mut out[row * s + r];
                if i > 0 {
                    line.push_str(&" ".repeat(s));
                }
                for cell in pattern.chars() {
                    let fill = if cell == '#' { "█" } else { " " };
                    line.push_str(&fill.repeat(s));
                }
            }
        }
    }
    out
}

/// Cells wide `text` is at `scale`.
pub fn width(text: &str, scale: u16) -> u16 {
    let n = text.chars().count() as u16;
    (n * 4).saturating_sub(1) * scale.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_drawn_in_blocks_and_scale() {
        assert_eq!(lines("1", 1), vec![" █ ", "██ ", " █ ", " █ ", "███"]);
        assert_eq!(lines("26%", 2).len(), 10);
        assert_eq!(
            crate::text::width(&lines("26%", 2)[0]) as u16,
            width("26%", 2)
        );
    }
}
