//! The terminal's own background, as it answers an OSC 11 query: which built-in theme suits
//! a user who named none.

/// Whether a background is dark or light.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    Dark,
    Light,
}

impl Shade {
    /// The built-in theme made for this shade.
    pub fn theme(self) -> &'static str {
        match self {
            Shade::Dark => "dark",
            Shade::Light => "light",
        }
    }
}

/// The shade in a terminal's answer to `ESC ] 11 ; ? BEL`, found anywhere in `reply` (other
/// answers may come before or after it): `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or
/// `ESC \`, each component one to four hex digits. `None` when there is no such answer.
pub fn from_osc11(reply: &[u8]) -> Option<Shade> {
    let start = reply.windows(4).position(|w| w == b"]11;")? + 4;
    let rest = &reply[start..];
    let end = rest
        .iter()
        .position(|&b| b == 0x07 || b == 0x1b)
        .unwrap_or(rest.len());
    let body = std::str::from_utf8(&rest[..end]).ok()?;
    let rgb = body
        .strip_prefix("rgb:")
        .or_else(|| body.strip_prefix("rgba:"))?;
    let mut parts = rgb.split('/').map(|h| -> Option<f64> {
        if h.is_empty() || h.len() > 4 {
            return None;
        }
        let v = u32::from_str_radix(h, 16).ok()?;
        let max = (1u32 << (4 * h.len() as u32)) - 1;
        Some(f64::from(v) / f64::from(max))
    });
    let (r, g, b) = (parts.next()??, parts.next()??, parts.next()??);
    let lin = |c: f64| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            // The pure-Rust pow: `powf` is the C maths library's, a whole library loaded at
            // every start for this one call (see the note on `log2` in main.rs).
            libm::pow((c + 0.055) / 1.055, 2.4)
        }
    };
    let luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    // Mid-grey (#767676) and darker read as dark: light text is the better match there.
    Some(if luminance > 0.18 {
        Shade::Light
    } else {
        Shade::Dark
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminals_answers_are_read_whatever_their_form() {
        // xterm: four digits, ended by BEL.
        assert_eq!(
            from_osc11(b"\x1b]11;rgb:ffff/ffff/ffff\x07"),
            Some(Shade::Light)
        );
        // Ended by ESC \, after the device attributes' answer.
        assert_eq!(
            from_osc11(b"\x1b[?62;22c\x1b]11;rgb:1e1e/1e1e/2e2e\x1b\\"),
            Some(Shade::Dark)
        );
        // Two digits (rxvt), Solarized light and dark.
        assert_eq!(from_osc11(b"\x1b]11;rgb:fd/f6/e3\x07"), Some(Shade::Light));
        assert_eq!(from_osc11(b"\x1b]11;rgb:00/2b/36\x07"), Some(Shade::Dark));
        assert_eq!(
            from_osc11(b"\x1b]11;rgba:0000/0000/0000/ffff\x07"),
            Some(Shade::Dark)
        );
    }

    #[test]
    fn no_answer_or_a_garbled_one_is_none() {
        assert_eq!(from_osc11(b""), None);
        assert_eq!(from_osc11(b"\x1b[?62;22c"), None);
        assert_eq!(from_osc11(b"\x1b]11;rgb:zz/00/00\x07"), None);
        assert_eq!(from_osc11(b"\x1b]11;rgb:ffff/ffff\x07"), None);
        assert_eq!(from_osc11(b"\x1b]11;rgb:fffff/0/0\x07"), None);
        assert_eq!(from_osc11(b"\x1b]11;"), None);
    }
}
