//! The terminal's output: everything a frame writes leaves in one system call.
//!
//! Behind ratatui's crossterm backend, stdout is a line writer with a 1 KB buffer, and the
//! backend flushes after the cursor commands too: a full frame at 160×45 left in about 25
//! writes, and the terminal could show half a frame in between. Here every write is kept in
//! memory, the backend's own flushes are ignored, and the loop sends the whole frame once it is
//! drawn.

use std::io::{self, Write};

/// A writer that holds bytes until [`FrameOut::send`]; its `flush` does nothing, so a backend
/// that flushes after every cursor command cannot split a frame.
pub struct FrameOut<W: Write> {
    pending: Vec<u8>,
    out: W,
}

/// A full 160×45 frame with colours is some tens of kilobytes: reserved once, kept for every
/// later frame.
const FIRST_CAPACITY: usize = 64 * 1024;

impl<W: Write> FrameOut<W> {
    pub fn new(out: W) -> FrameOut<W> {
        FrameOut {
            pending: Vec::with_capacity(FIRST_CAPACITY),
            out,
        }
    }

    /// Writes what the frame queued, in one `write` when the terminal takes it all at once.
    pub fn send(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let result = self
            .out
            .write_all(&self.pending)
            .and_then(|()| self.out.flush());
        // A frame that failed to leave is not sent again with the next one.
        self.pending.clear();
        result
    }
}

/// What the terminal's own drop writes (showing the cursor again, after a panic too) still
/// reaches the terminal.
impl<W: Write> Drop for FrameOut<W> {
    fn drop(&mut self) {
        let _ = self.send();
    }
}

impl<W: Write> Write for FrameOut<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.pending.extend_from_slice(buf);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::widgets::Paragraph;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    /// Counts the writes that reach the terminal, so a test can tell one frame from many.
    #[derive(Default)]
    struct Counted {
        writes: usize,
        bytes: Vec<u8>,
    }

    impl Write for Counted {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.writes += 1;
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_full_frame_with_a_visible_cursor_leaves_in_one_write() {
        let backend = CrosstermBackend::new(FrameOut::new(Counted::default()));
        // A wide screen of CJK text: several kilobytes, past stdout's 1 KB line buffer.
        let viewport = Viewport::Fixed(Rect::new(0, 0, 160, 45));
        let mut term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
        term.draw(|f| {
            let text = "整改措施进度看板 ".repeat(400);
            f.render_widget(
                Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: false }),
                f.area(),
            );
            // An edit dialog shows the cursor: show + move are two more flushes in the backend.
            f.set_cursor_position((3, 4));
        })
        .unwrap();
        let out = term.backend_mut().writer_mut();
        assert_eq!(out.out.writes, 0, "nothing leaves before the frame is sent");
        out.send().unwrap();
        assert_eq!(out.out.writes, 1);
        assert!(out.out.bytes.len() > 4096, "a whole frame");
        // The one write holds the whole screen, as a terminal shows it.
        let mut screen = vt100::Parser::new(45, 160, 0);
        screen.process(&out.out.bytes);
        let shown = screen.screen().contents();
        assert!(
            shown.starts_with("整改措施进度看板 整改措施进度看板"),
            "{shown}"
        );
        // Every word made it, the last rows too (lines wrap inside words).
        assert_eq!(shown.matches('整').count(), 400);
        assert_eq!(shown.matches('板').count(), 400);
        assert_eq!(screen.screen().cursor_position(), (4, 3));
        out.send().unwrap();
        assert_eq!(out.out.writes, 1, "an empty frame writes nothing");
    }
}
