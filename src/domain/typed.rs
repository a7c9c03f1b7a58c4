//! Values as people type them into a dialog or a shell, not as board files spell them: progress
//! `65`, `65%`, `６５％`; dates `2023-07-15`, `2023/7/15`, `2023.7.15`, `2023年7月15日`, and
//! without a year `7-15`, `7/15`, `7月15日`. A Chinese input method gives full-width digits and
//! punctuation, so those count as their ASCII twins. Files keep the one strict form
//! ([`Date::parse`]); this is only for input.

use chrono::{Datelike, NaiveDate};

use super::Date;

/// Why a typed date was refused. The words are chosen in `describe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Nothing but blanks.
    Empty,
    /// Not one of the accepted forms.
    Form,
    /// An accepted form, but a month outside 1–12.
    NoSuchMonth { month: u32 },
    /// An accepted form, but past the month's last day (or day 0): `days` the month has.
    NoSuchDay { year: i32, month: u32, days: u32 },
}

/// Why a typed progress was refused. The words are chosen in `describe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressError {
    Empty,
    /// Not a whole number (`6.5`, `abc`, `65%%`).
    NotWhole,
    /// A whole number outside 0–100 (`101`, `-1`, `99999999999999999999`).
    OutOfRange,
}

/// Full-width ASCII (U+FF01–FF5E) and the ideographic space as their ASCII twins; the IME's
/// full stop `。` as `.`, since `2023。7。15` is what typing `2023.7.15` in Chinese mode gives.
fn half_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '。' => '.',
        c => c,
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    /// A run of digits; `None` when too long for any date (a huge number is refused, not
    /// wrapped).
    Num {
        value: Option<u32>,
        digits: usize,
    },
    Mark(char),
}

/// Digit runs and single marks; blanks only separate. `None` for a character no form has.
fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = text.chars().map(half_width).peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '0'..='9' => {
                let mut run = String::from(c);
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    run.push(d);
                }
                out.push(Token::Num {
                    value: run.parse().ok(),
                    digits: run.len(),
                });
            }
            '-' | '/' | '.' | '年' | '月' | '日' | '号' => out.push(Token::Mark(c)),
            _ => return None,
        }
    }
    Some(out)
}

/// Year, month and day as written, before checking that the day exists. A year has four
/// digits; a month or a day one or two, so `2023715` or `007-15` is no date.
fn fields(ts: &[Token], default_year: i32) -> Option<(i32, u32, u32)> {
    let num = |t: &Token, max_digits: usize| match *t {
        Token::Num { value, digits } if digits <= max_digits => value,
        _ => None,
    };
    let year = |t: &Token| match *t {
        Token::Num { value, digits: 4 } => value.and_then(|v| i32::try_from(v).ok()),
        _ => None,
    };
    let ymd = |y: &Token, m: &Token, d: &Token| Some((year(y)?, num(m, 2)?, num(d, 2)?));
    let md = |m: &Token, d: &Token| Some((default_year, num(m, 2)?, num(d, 2)?));
    use Token::Mark;
    match ts {
        [y, Mark(a), m, Mark(b), d] if a == b && matches!(a, '-' | '/' | '.') => ymd(y, m, d),
        [y, Mark('年'), m, Mark('月'), d]
        | [y, Mark('年'), m, Mark('月'), d, Mark('日' | '号')] => ymd(y, m, d),
        [m, Mark('-' | '/'), d] | [m, Mark('月'), d] | [m, Mark('月'), d, Mark('日' | '号')] => {
            md(m, d)
        }
        _ => None,
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        year.checked_add(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt())
        .map_or(31, |last| last.day())
}

impl Date {
    /// A date as a person types it; `default_year` (the program's year) fills in a date typed
    /// without one. Blanks around it are ignored.
    pub fn parse_typed(text: &str, default_year: i32) -> Result<Date, DateError> {
        let ts = tokens(text).ok_or(DateError::Form)?;
        if ts.is_empty() {
            return Err(DateError::Empty);
        }
        let (year, month, day) = fields(&ts, default_year).ok_or(DateError::Form)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::NoSuchMonth { month });
        }
        Date::from_ymd(year, month, day).ok_or(DateError::NoSuchDay {
            year,
            month,
            days: days_in_month(year, month),
        })
    }
}

/// Progress in percent as a person types it: `65`, `65%`, full-width `６５％`; 0–100.
pub fn parse_progress(text: &str) -> Result<i64, ProgressError> {
    let half: String = text.chars().map(half_width).collect();
    let t = half.trim();
    if t.is_empty() {
        return Err(ProgressError::Empty);
    }
    let t = t.strip_suffix('%').map_or(t, str::trim_end);
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ProgressError::NotWhole);
    }
    // A number too long for i64 is still a number, and far out of range.
    match digits.parse::<i64>() {
        Ok(p) if !negative && p <= 100 => Ok(p),
        _ => Err(ProgressError::OutOfRange),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_punctuation_becomes_ascii() {
        let s: String = "２０２３－０７／１５．％　"
            .chars()
            .map(half_width)
            .collect();
        assert_eq!(s, "2023-07/15.% ");
    }

    #[test]
    fn a_huge_digit_run_is_a_number_too_long_not_a_wrapped_one() {
        assert_eq!(
            tokens("99999999999"),
            Some(vec![Token::Num {
                value: None,
                digits: 11
            }])
        );
    }

    #[test]
    fn months_have_their_lengths() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(days_in_month(2023, 12), 31);
        assert_eq!(days_in_month(2023, 4), 30);
    }
}
