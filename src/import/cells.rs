//! Dates and percentages out of ledger cells: a date cell, an Excel serial number, or text as
//! people type it (the board's own typed-date reader); progress as a percent cell, a number
//! or `65%`.

use chrono::Duration;

use super::table::Value;
use crate::domain::Date;
use crate::domain::parse_progress;

/// Excel's serial day numbers run from 1899-12-30 (day 0, as its 1900 leap-year bug makes it
/// for every date after February 1900). Only numbers in this range are taken for dates: from
/// 1954 to 2119, so a stray count or percentage is never read as one.
const SERIALS: std::ops::RangeInclusive<f64> = 20_000.0..=80_000.0;

/// The date a cell holds; `year` fills in a text date written without one.
pub fn date(v: &Value, year: i32) -> Option<Date> {
    match v {
        Value::Date(d) => Some(*d),
        Value::Number(n) if SERIALS.contains(n) => {
            let epoch = Date::from_ymd(1899, 12, 30)?;
            Some(Date(epoch.0 + Duration::days(n.trunc() as i64)))
        }
        Value::Number(_) | Value::Empty => None,
        Value::Text(s) => {
            let s = s.trim();
            // A date written with its time (`2023-09-30 00:00:00`) is the date.
            Date::parse_typed(s, year)
                .ok()
                .or_else(|| Date::parse_typed(s.split_whitespace().next()?, year).ok())
                .or_else(|| {
                    let n: f64 = s.parse().ok()?;
                    date(&Value::Number(n), year)
                })
        }
    }
}

/// Several dates in one cell (`2023-07-31; 2023-08-31`), oldest first as written; `None` when
/// any part is not a date.
pub fn dates(v: &Value, year: i32) -> Option<Vec<Date>> {
    match v {
        Value::Text(s) => s
            .split([';', '；', ',', '，', '、', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| date(&Value::Text(p.to_owned()), year))
            .collect(),
        Value::Empty => Some(Vec::new()),
        other => date(other, year).map(|d| vec![d]),
    }
}

/// Progress in percent, 0–100. A number from 0 to 1 is a fraction, as a cell formatted `0%`
/// holds it (`0.65` shows as 65 %); above 1 it is the percent itself. `None` when the cell
/// holds something else or is out of range.
pub fn progress(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => from_number(*n),
        Value::Text(s) => parse_progress(s)
            .ok()
            .or_else(|| from_number(s.trim().parse().ok()?)),
        Value::Empty | Value::Date(_) => None,
    }
}

fn from_number(n: f64) -> Option<i64> {
    if n < 0.0 {
        return None;
    }
    let pct = if (0.0..=1.0).contains(&n) {
        n * 100.0
    } else {
        n
    };
    let pct = pct.round();
    (0.0..=100.0).contains(&pct).then_some(pct as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    #[test]
    fn dates_come_in_every_form_people_type() {
        for s in [
            "2023-09-30",
            "2023/9/30",
            "2023.9.30",
            "2023年9月30日",
            "2023-09-30 00:00:00",
        ] {
            assert_eq!(date(&text(s), 2020), Some(d("2023-09-30")), "{s}");
        }
        assert_eq!(date(&text("9月30日"), 2023), Some(d("2023-09-30")));
        assert_eq!(date(&text("尽快"), 2023), None);
        assert_eq!(date(&text("2023-02-30"), 2023), None);
    }

    #[test]
    fn an_excel_serial_number_is_a_date_only_in_a_plausible_range() {
        // 45199 is 2023-09-30 in Excel.
        assert_eq!(date(&Value::Number(45199.0), 2023), Some(d("2023-09-30")));
        assert_eq!(date(&Value::Number(45199.75), 2023), Some(d("2023-09-30")));
        assert_eq!(date(&text("45199"), 2023), Some(d("2023-09-30")));
        assert_eq!(date(&Value::Number(20_000.0), 2023), Some(d("1954-10-03")));
        assert_eq!(date(&Value::Number(80_000.0), 2023), Some(d("2119-01-11")));
        assert_eq!(date(&Value::Number(19_999.0), 2023), None);
        assert_eq!(date(&Value::Number(80_001.0), 2023), None);
        assert_eq!(date(&Value::Number(65.0), 2023), None);
    }

    #[test]
    fn several_revisions_in_one_cell_are_read_in_order() {
        assert_eq!(
            dates(&text("2023-07-31; 2023/8/31"), 2023),
            Some(vec![d("2023-07-31"), d("2023-08-31")])
        );
        assert_eq!(dates(&Value::Empty, 2023), Some(vec![]));
        assert_eq!(dates(&text("2023-07-31；待定"), 2023), None);
    }

    #[test]
    fn progress_as_a_fraction_a_percent_or_text() {
        assert_eq!(progress(&Value::Number(0.65)), Some(65));
        assert_eq!(progress(&Value::Number(0.0)), Some(0));
        assert_eq!(progress(&Value::Number(1.0)), Some(100));
        assert_eq!(progress(&Value::Number(65.0)), Some(65));
        assert_eq!(progress(&Value::Number(100.0)), Some(100));
        assert_eq!(progress(&Value::Number(100.4)), Some(100));
        assert_eq!(progress(&Value::Number(101.0)), None);
        assert_eq!(progress(&Value::Number(-0.1)), None);
        assert_eq!(progress(&text("65%")), Some(65));
        assert_eq!(progress(&text("0.5")), Some(50));
        assert_eq!(progress(&text("过半")), None);
        assert_eq!(progress(&Value::Empty), None);
    }
}
