//! Choosing the id of a new measure in the board's own numbering.

/// The next free id after `ids` in their own pattern: the most common prefix before a trailing
/// number (ties go to the prefix used last, as a file grows at its end), the highest number
/// there plus one, zero-padded as wide as the widest: `ZP-09` → `ZP-10`, `A1` → `A2`,
/// `JG-99` → `JG-100`. Only the last number counts, so sub-numbered ids go on at their level:
/// `M-1.3` → `M-1.4`. Without numbered ids the prefix comes from the program id
/// (`rural-traffic` → `RT-01`, `fraud` → `FR-01`). Never an id already in `ids`.
pub fn next_id(ids: &[&str], program: &str) -> String {
    let numbered: Vec<(&str, &str)> = ids.iter().filter_map(|id| split_number(id)).collect();
    let mut best: Option<(&str, usize, usize)> = None; // prefix, count, last position
    for (i, (prefix, _)) in numbered.iter().enumerate() {
        let count = numbered.iter().filter(|(p, _)| p == prefix).count();
        if best.is_none_or(|(_, c, _)| count >= c) {
            best = Some((prefix, count, i));
        }
    }
    // Never an id already there: one equal to the result would share its prefix (which ends
    // before the digits) and so carry a number above the highest.
    let (prefix, number) = match best {
        Some((prefix, _, _)) => {
            let group = numbered.iter().filter(|(p, _)| *p == prefix);
            let width = group.clone().map(|(_, d)| d.len()).max().unwrap_or(1);
            let top = group
                .map(|(_, d)| *d)
                .max_by_key(|d| {
                    let t = d.trim_start_matches('0');
                    (t.len(), t)
                })
                .unwrap_or("0");
            (prefix.to_owned(), pad(&increment(top), width))
        }
        None => (default_prefix(program), "01".to_owned()),
    };
    format!("{prefix}{number}")
}

/// `id` split before its trailing ASCII digits, if it ends in any.
fn split_number(id: &str) -> Option<(&str, &str)> {
    let digits = id.bytes().rev().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| id.split_at(id.len() - digits))
}

/// A decimal digit string plus one, as long as it was unless it carries over: `09` → `10`,
/// `99` → `100`. Works on text, so no id is too long for it.
fn increment(digits: &str) -> String {
    let mut out: Vec<u8> = digits.bytes().collect();
    for b in out.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return String::from_utf8_lossy(&out).into_owned();
        }
    }
    format!("1{}", String::from_utf8_lossy(&out))
}

fn pad(digits: &str, width: usize) -> String {
    format!("{digits:0>width$}")
}

/// Initials of the program id's words, or its first two letters when it is one word.
fn default_prefix(program: &str) -> String {
    let words: Vec<&str> = program
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let letters: String = if words.len() > 1 {
        words.iter().filter_map(|w| w.chars().next()).collect()
    } else {
        words.first().map_or("", |w| w).chars().take(2).collect()
    };
    let letters = letters.to_ascii_uppercase();
    if letters.is_empty() {
        "M-".to_owned()
    } else {
        format!("{letters}-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continues_the_files_numbering() {
        assert_eq!(next_id(&["ZP-11", "ZP-12"], "fraud"), "ZP-13");
        assert_eq!(next_id(&["ZP-08", "ZP-09"], "fraud"), "ZP-10");
        assert_eq!(next_id(&["A1", "A2"], "x"), "A3");
        assert_eq!(next_id(&["A9"], "x"), "A10");
        assert_eq!(next_id(&["JG-99", "JG-07"], "x"), "JG-100");
        assert_eq!(next_id(&["M-1.2", "M-1.3"], "x"), "M-1.4");
        // Numbers out of order and of mixed padding: the highest, as wide as the widest.
        assert_eq!(next_id(&["T-3", "T-010", "T-2"], "x"), "T-011");
    }

    #[test]
    fn mixed_patterns_follow_the_most_common_prefix() {
        assert_eq!(next_id(&["X-9", "ZP-01", "ZP-02", "misc"], "x"), "ZP-03");
        // A tie goes to the prefix used last.
        assert_eq!(next_id(&["A-1", "B-7"], "x"), "B-8");
        assert_eq!(next_id(&["B-7", "A-1"], "x"), "A-2");
    }

    #[test]
    fn without_numbered_ids_the_program_names_the_prefix() {
        assert_eq!(next_id(&[], "rural-traffic"), "RT-01");
        assert_eq!(next_id(&[], "fraud"), "FR-01");
        assert_eq!(next_id(&["总结"], "专项"), "M-01");
        assert_eq!(next_id(&["FR-01x"], "fraud"), "FR-01");
    }

    #[test]
    fn never_returns_an_id_already_there() {
        assert_eq!(next_id(&["RT-01", "misc"], "rural-traffic"), "RT-02");
        let ids = ["A-1", "A-2", "A-3", "B-1", "B-2", "B-3"];
        let next = next_id(&ids, "x");
        assert!(!ids.contains(&next.as_str()), "{next}");
        assert_eq!(next, "B-4");
        assert_eq!(increment("999"), "1000");
    }
}
