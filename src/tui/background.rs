//! Asks the terminal for its background colour (OSC 11) before the board takes the screen,
//! so a user who named no theme gets the one made for their terminal's shade. The question is
//! followed by one every terminal answers (device attributes, DA1): when that answer comes
//! first or alone, there will be no other, and nobody waits for the time limit.

use std::time::Duration;

use crate::theme::shade::{self, Shade};

/// The terminal's shade, or `None` when it does not say within `wait`, or is no terminal.
#[cfg(unix)]
pub fn query(wait: Duration) -> Option<Shade> {
    use std::io::{IsTerminal, Read, Write};
    use std::os::fd::AsRawFd;
    use std::time::Instant;

    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return None;
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return None;
    }
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    // Raw, so the answer is neither echoed nor held back for a line end.
    crossterm::terminal::enable_raw_mode().ok()?;
    let mut got = Vec::new();
    if tty.write_all(b"\x1b]11;?\x07\x1b[c").is_ok() && tty.flush().is_ok() {
        let deadline = Instant::now() + wait;
        while !answered_da1(&got) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            let mut fd = libc::pollfd {
                fd: tty.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = i32::try_from(left.as_millis()).unwrap_or(i32::MAX).max(1);
            // SAFETY: one valid pollfd, for a descriptor `tty` holds open.
            let ready = unsafe { libc::poll(&mut fd, 1, ms) };
            if ready <= 0 {
                break;
            }
            let mut buf = [0u8; 256];
            match tty.read(&mut buf) {
                Ok(n) if n > 0 => got.extend_from_slice(&buf[..n]),
                _ => break,
            }
        }
    }
    let _ = crossterm::terminal::disable_raw_mode();
    shade::from_osc11(&got)
}

#[cfg(not(unix))]
pub fn query(_wait: Duration) -> Option<Shade> {
    None
}

/// The device attributes' answer, `ESC [ ? … c`, has arrived: nothing more is coming.
fn answered_da1(got: &[u8]) -> bool {
    got.windows(3).enumerate().any(|(i, w)| {
        w == b"\x1b[?"
            && got[i + 3..]
                .iter()
                .find(|b| !(b.is_ascii_digit() || **b == b';'))
                == Some(&b'c')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_attributes_answer_ends_the_wait() {
        assert!(answered_da1(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;22c"));
        assert!(answered_da1(b"\x1b[?1;2c"));
        assert!(!answered_da1(b"\x1b[?62;2"));
        assert!(!answered_da1(b"\x1b]11;rgb:0/0/0\x07"));
    }
}
