//! A one-line text input whose cursor moves by character and is drawn by display width, so
//! Chinese typed through an input method edits as expected.

use crate::text::{sanitize, width};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    pub text: String,
    /// Position in characters, 0..=len.
    pub cursor: usize,
}

impl TextInput {
    pub fn new(text: &str) -> TextInput {
        TextInput {
            text: text.to_owned(),
            cursor: text.chars().count(),
        }
    }

    fn byte(&self, char_pos: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_pos)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        // Control characters would end up in a shared file; tabs and newlines included.
        if c.is_control() {
            return;
        }
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Pasted text at the cursor, as one line: see [`one_line`].
    pub fn insert_str(&mut self, s: &str) {
        let line = one_line(s);
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &line);
        self.cursor += line.chars().count();
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Ctrl-U, as in a shell: everything before the cursor goes.
    pub fn kill_to_start(&mut self) {
        let at = self.byte(self.cursor);
        self.text.replace_range(..at, "");
        self.cursor = 0;
    }

    /// Ctrl-K: everything from the cursor on goes.
    pub fn kill_to_end(&mut self) {
        let at = self.byte(self.cursor);
        self.text.truncate(at);
    }

    /// Cells from the start of the text to the cursor.
    pub fn cursor_x(&self) -> usize {
        width(&self.text[..self.byte(self.cursor)])
    }
}

/// Pasted text for a one-line field: each line break or tab one space, and what
/// [`sanitize`] keeps out of the terminal kept out of the field too, so nothing pasted from a
/// web page or a spreadsheet writes a character the board's own check would warn about.
/// The note is a one-line field as well: the file could hold a line break, but the board shows
/// a note on one line and the loader warns about one.
pub fn one_line(s: &str) -> String {
    let spaced: String = s
        .replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .collect();
    sanitize(&spaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_moves_by_character_and_is_placed_by_width() {
        let mut t = TextInput::new("进度ab");
        assert_eq!(t.cursor_x(), 6);
        t.left();
        t.left();
        assert_eq!(t.cursor_x(), 4);
        t.insert('过');
        t.insert('半');
        assert_eq!(t.text, "进度过半ab");
        assert_eq!(t.cursor_x(), 8);
        t.backspace();
        t.home();
        t.delete();
        assert_eq!(t.text, "度过ab");
        t.insert('\u{1b}');
        assert_eq!(t.text, "度过ab");
        t.end();
        t.right();
        assert_eq!(t.cursor, 4);
    }

    #[test]
    fn a_paste_lands_whole_on_one_line_at_the_cursor() {
        let mut t = TextInput::new("进度ab");
        t.left();
        t.insert_str("第一行\r\n第二行\tq\n\u{200b}\u{1b}[2J");
        assert_eq!(t.text, "进度a第一行 第二行 q [2Jb");
        // The cursor is after the paste, so typing goes on from there.
        t.insert('!');
        assert_eq!(t.text, "进度a第一行 第二行 q [2J!b");
    }
}
