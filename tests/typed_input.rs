//! Values as people type them: every accepted form of a date and a progress, the edges, and
//! the words a refusal is given in both languages.

use proptest::prelude::*;
use rectify::describe;
use rectify::domain::{Date, DateError, ProgressError, parse_progress};
use rectify::i18n::Lang;

fn ymd(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

#[test]
fn every_accepted_date_form_reads_as_the_same_day() {
    let want = ymd(2023, 7, 15);
    for typed in [
        "2023-07-15",
        "2023-7-15",
        "2023/7/15",
        "2023/07/15",
        "2023.7.15",
        "2023年7月15日",
        "2023年07月15日",
        "2023年7月15",
        "2023年7月15号",
        "7-15",
        "07-15",
        "7/15",
        "7月15日",
        "7月15",
        "7月15号",
        // Full width, as a Chinese input method gives it.
        "２０２３年７月１５日",
        "２０２３－０７－１５",
        "２０２３／７／１５",
        "２０２３．７．１５",
        "2023。7。15",
        "７月１５日",
        "７／１５",
        // Mixed full and half width.
        "２０23-7-１５",
        "2023年７月15日",
        // Blanks around it and between the parts.
        "  2023-07-15  ",
        "\u{3000}7月15日\u{3000}",
        "\t2023 年 7 月 15 日\n",
        "2023 - 7 - 15",
    ] {
        assert_eq!(Date::parse_typed(typed, 2023), Ok(want), "{typed:?}");
    }
}

#[test]
fn a_date_without_a_year_takes_the_year_given() {
    assert_eq!(Date::parse_typed("7-15", 2024), Ok(ymd(2024, 7, 15)));
    assert_eq!(Date::parse_typed("3月31日", 2024), Ok(ymd(2024, 3, 31)));
    // A year written wins over the one given.
    assert_eq!(Date::parse_typed("2025/1/2", 2024), Ok(ymd(2025, 1, 2)));
}

#[test]
fn the_29th_of_february_exists_only_in_leap_years() {
    assert_eq!(Date::parse_typed("2024-02-29", 2023), Ok(ymd(2024, 2, 29)));
    assert_eq!(Date::parse_typed("2月29日", 2024), Ok(ymd(2024, 2, 29)));
    assert_eq!(Date::parse_typed("2000-2-29", 2023), Ok(ymd(2000, 2, 29)));
    let no = |year| DateError::NoSuchDay {
        year,
        month: 2,
        days: 28,
    };
    assert_eq!(Date::parse_typed("2023-02-29", 2024), Err(no(2023)));
    assert_eq!(Date::parse_typed("2月29日", 2023), Err(no(2023)));
    assert_eq!(Date::parse_typed("1900/2/29", 2023), Err(no(1900)));
}

#[test]
fn dates_that_do_not_exist_are_refused_with_the_reason() {
    let cases = [
        ("2023-13-01", DateError::NoSuchMonth { month: 13 }),
        ("13月1日", DateError::NoSuchMonth { month: 13 }),
        ("2023-0-10", DateError::NoSuchMonth { month: 0 }),
        (
            "2023-7-32",
            DateError::NoSuchDay {
                year: 2023,
                month: 7,
                days: 31,
            },
        ),
        (
            "4月31日",
            DateError::NoSuchDay {
                year: 2023,
                month: 4,
                days: 30,
            },
        ),
        (
            "2023-07-00",
            DateError::NoSuchDay {
                year: 2023,
                month: 7,
                days: 31,
            },
        ),
    ];
    for (typed, want) in cases {
        assert_eq!(Date::parse_typed(typed, 2023), Err(want), "{typed:?}");
    }
}

#[test]
fn other_shapes_are_not_dates() {
    assert_eq!(Date::parse_typed("", 2023), Err(DateError::Empty));
    assert_eq!(
        Date::parse_typed(" \u{3000}\t", 2023),
        Err(DateError::Empty)
    );
    for typed in [
        "2023-07/15",         // two different separators
        "2023年7-15",         // mixed forms
        "23-7-15",            // a two-digit year
        "02023-7-15",         // five digits
        "2023-007-15",        // a three-digit month
        "2023-7-015",         // a three-digit day
        "20230715",           // no separators
        "7.15",               // a decimal, not a date
        "7-15-2023",          // the year last
        "2023-7-15-",         // a trailing separator
        "2023-7",             // no day
        "7月",                // no day
        "2023年7月15日日",    // a doubled mark
        "十月一日",           // Chinese numerals
        "2023-07-15T10:00",   // a time
        "today",              // a word
        "2023 7 15",          // blanks alone do not separate
        "99999999999999-1-1", // a huge number
        "1-99999999999999",
        "2023-7-15\u{200b}", // an invisible character
    ] {
        assert_eq!(
            Date::parse_typed(typed, 2023),
            Err(DateError::Form),
            "{typed:?}"
        );
    }
}

#[test]
fn the_file_form_stays_strict() {
    assert_eq!(Date::parse("2023-7-15"), None);
    assert_eq!(Date::parse("2023年7月15日"), None);
}

#[test]
fn progress_as_typed() {
    for (typed, want) in [
        ("65", 65),
        ("65%", 65),
        ("65 %", 65),
        ("６５", 65),
        ("６５％", 65),
        ("6５%", 65),
        (" 65 ", 65),
        ("\u{3000}６５％\u{3000}", 65),
        ("0", 0),
        ("0%", 0),
        ("100", 100),
        ("100%", 100),
        ("007", 7),
    ] {
        assert_eq!(parse_progress(typed), Ok(want), "{typed:?}");
    }
}

#[test]
fn progress_edges_are_refused_with_the_reason() {
    assert_eq!(parse_progress(""), Err(ProgressError::Empty));
    assert_eq!(parse_progress("  "), Err(ProgressError::Empty));
    for typed in [
        "101",
        "-1",
        "-0100",
        "１０１％",
        "99999999999999999999999999",
        "-99999999999999999999999999",
    ] {
        assert_eq!(
            parse_progress(typed),
            Err(ProgressError::OutOfRange),
            "{typed:?}"
        );
    }
    for typed in [
        "65%%",
        "%",
        "%65",
        "6.5",
        "65.0",
        "+65",
        "--1",
        "6 5",
        "abc",
        "六十五",
        "0x10",
        "-",
    ] {
        assert_eq!(
            parse_progress(typed),
            Err(ProgressError::NotWhole),
            "{typed:?}"
        );
    }
}

#[test]
fn a_refused_date_lists_the_accepted_forms_in_either_language() {
    let e = Date::parse_typed("2023-13-01", 2023).unwrap_err();
    assert_eq!(
        describe::date_error("2023-13-01", e, Lang::Zh),
        "日期“2023-13-01”无效（没有13月）：可写 2023-07-15、2023/7/15、2023年7月15日，或 7-15、7月15日（按方案年份）"
    );
    assert_eq!(
        describe::date_error("2023-13-01", e, Lang::En),
        "invalid date \"2023-13-01\" (there is no month 13): write 2023-07-15, 2023/7/15, 2023年7月15日, or 7-15, 7月15日 (in the program's year)"
    );
    let e = Date::parse_typed(" 2月29日 ", 2023).unwrap_err();
    assert_eq!(
        describe::date_error(" 2月29日 ", e, Lang::Zh),
        "日期“2月29日”无效（2023年2月只有28天）：可写 2023-07-15、2023/7/15、2023年7月15日，或 7-15、7月15日（按方案年份）"
    );
    assert!(
        describe::date_error("2月29日", e, Lang::En)
            .starts_with("invalid date \"2月29日\" (February 2023 has 28 days): write 2023-07-15")
    );
    let e = Date::parse_typed("next week", 2023).unwrap_err();
    assert!(
        describe::date_error("next week", e, Lang::Zh)
            .starts_with("日期“next week”无效：可写 2023-07-15")
    );
    let e = Date::parse_typed("", 2023).unwrap_err();
    assert!(describe::date_error("", e, Lang::Zh).starts_with("请输入日期：可写 2023-07-15"));
    assert!(describe::date_error("", e, Lang::En).starts_with("enter a date: write 2023-07-15"));
}

#[test]
fn a_refused_progress_says_what_to_write_in_either_language() {
    let said = |typed: &str, lang| {
        describe::progress_error(typed, parse_progress(typed).unwrap_err(), lang)
    };
    assert_eq!(
        said("101", Lang::Zh),
        "进度“101”超出范围：请写 0 到 100 的整数，如 65 或 65%"
    );
    assert_eq!(
        said("101", Lang::En),
        "progress \"101\" is out of range: write a whole number from 0 to 100, such as 65 or 65%"
    );
    assert_eq!(
        said("65%%", Lang::Zh),
        "进度“65%%”无效：请写 0 到 100 的整数，如 65 或 65%"
    );
    assert_eq!(
        said("6.5", Lang::En),
        "invalid progress \"6.5\": write a whole number from 0 to 100, such as 65 or 65%"
    );
    assert_eq!(
        said(" ", Lang::Zh),
        "请输入进度：请写 0 到 100 的整数，如 65 或 65%"
    );
}

/// `s` with its ASCII digits and punctuation as the full-width forms a Chinese IME types.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xfee0).unwrap(),
            c => c,
        })
        .collect()
}

fn any_date() -> impl Strategy<Value = Date> {
    // Every day of four-digit years: the forms write the year with four digits.
    let first = ymd(1000, 1, 1);
    let days = first.days_until(ymd(9999, 12, 31));
    (0..=days).prop_map(move |n| first.add_days(n))
}

proptest! {
    #[test]
    fn every_date_written_in_each_accepted_form_reads_back(d in any_date(), other in 1000i32..=9999) {
        use chrono::Datelike;
        let (y, m, n) = (d.0.year(), d.0.month(), d.0.day());
        let with_year = [
            d.to_string(),
            format!("{y}-{m}-{n}"),
            format!("{y}/{m}/{n}"),
            format!("{y}/{m:02}/{n:02}"),
            format!("{y}.{m}.{n}"),
            format!("{y}年{m}月{n}日"),
            format!("{y}年{m:02}月{n:02}日"),
        ];
        let without = [
            format!("{m}-{n}"),
            format!("{m:02}-{n:02}"),
            format!("{m}/{n}"),
            format!("{m}月{n}日"),
        ];
        for form in with_year.iter().chain(&without) {
            for typed in [form.clone(), full_width(form), format!(" {form}\u{3000}")] {
                prop_assert_eq!(Date::parse_typed(&typed, y), Ok(d), "{:?}", typed);
            }
        }
        // A year written is kept whatever the program's year.
        for form in &with_year {
            prop_assert_eq!(Date::parse_typed(form, other), Ok(d), "{:?}", form);
        }
    }

    #[test]
    fn progress_reads_back_in_each_form(p in 0i64..=100) {
        for typed in [p.to_string(), format!("{p}%"), full_width(&format!("{p}%")), full_width(&p.to_string())] {
            prop_assert_eq!(parse_progress(&typed), Ok(p), "{:?}", typed);
        }
    }

    #[test]
    fn any_text_is_a_date_or_a_reason_never_a_panic(s in "\\PC{0,24}", year in any::<i32>()) {
        let _ = Date::parse_typed(&s, year);
        let _ = parse_progress(&s);
    }
}
