use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A calendar day as written in board files: `"2023-07-15"`.
///
/// A newtype rather than bare `NaiveDate` so that a wrong date in a file gets a message in the
/// user's terms ("invalid date `2023-02-30`") instead of chrono's parser jargon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        // Exactly YYYY-MM-DD: chrono alone would also accept `2023-7-5`, which then could not be
        // written back the way it was read.
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Date)
    }

    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        (other.0 - self.0).num_days()
    }

    pub fn add_days(self, days: i64) -> Date {
        Date(
            self.0
                .checked_add_signed(chrono::Duration::days(days))
                .unwrap_or(self.0),
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// serde's errors carry only a string; the loader finds the bad text after this prefix and
/// words the error in the reader's language.
pub const INVALID_DATE: &str = "invalid date: ";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written \"YYYY-MM-DD\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                Date::parse(s).ok_or_else(|| E::custom(format!("{INVALID_DATE}{s}")))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_the_written_form() {
        assert_eq!(Date::parse("2023-07-15"), Date::from_ymd(2023, 7, 15));
        assert_eq!(Date::parse("2023-7-15"), None);
        assert_eq!(Date::parse("2023-02-30"), None);
        assert_eq!(Date::parse("2023-07-15 "), None);
        assert_eq!(Date::parse("２０２３-07-15"), None);
    }

    #[test]
    fn counts_days_across_months() {
        let a = Date::parse("2023-06-30").unwrap();
        let b = Date::parse("2023-07-02").unwrap();
        assert_eq!(a.days_until(b), 2);
        assert_eq!(b.days_until(a), -2);
        assert_eq!(a.add_days(2), b);
    }
}
