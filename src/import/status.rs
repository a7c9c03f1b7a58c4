//! Status words as offices write them in a ledger, mapped to the board's statuses. A word not
//! in the table is reported, never guessed.

use crate::domain::StatusKind;

/// What a status cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    Kind(StatusKind),
    /// 否 in a 是否销号 column: not signed off, and nothing more.
    NotSignedOff,
    /// Nothing written.
    Blank,
    Unknown,
}

const WORDS: &[(&str, StatusKind)] = &[
    ("未启动", StatusKind::NotStarted),
    ("未开始", StatusKind::NotStarted),
    ("推进中", StatusKind::InProgress),
    ("进行中", StatusKind::InProgress),
    ("正在推进", StatusKind::InProgress),
    ("受阻", StatusKind::Blocked),
    ("已完成", StatusKind::Done),
    ("完成", StatusKind::Done),
    ("已销号", StatusKind::SignedOff),
    ("销号", StatusKind::SignedOff),
];

/// A 状态 cell: the office words above, or the board's own words in either language
/// (`InProgress`, `in progress`, `推进中`), as rectify's ledgers write them.
pub fn status_word(cell: &str) -> Said {
    let w: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if w.is_empty() {
        return Said::Blank;
    }
    if let Some((_, k)) = WORDS.iter().find(|(word, _)| *word == w) {
        return Said::Kind(*k);
    }
    StatusKind::parse(cell.trim()).map_or(Said::Unknown, Said::Kind)
}

/// A 是否销号 cell: 是 signs off, 否 does not; else as a 状态 cell (some offices write 已销号
/// there).
pub fn sign_off_word(cell: &str) -> Said {
    match cell.trim() {
        "是" | "√" | "✓" | "yes" | "Yes" | "YES" => Said::Kind(StatusKind::SignedOff),
        "否" | "×" | "no" | "No" | "NO" => Said::NotSignedOff,
        _ => status_word(cell),
    }
}

/// The status a ledger row gives no word for, from its progress: the one inference made, since
/// an empty status cell is a clerk who wrote only a percentage.
pub fn from_progress(progress: i64) -> StatusKind {
    match progress {
        p if p >= 100 => StatusKind::Done,
        p if p > 0 => StatusKind::InProgress,
        _ => StatusKind::NotStarted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_office_word_maps_to_its_status() {
        for (word, kind) in [
            ("未启动", StatusKind::NotStarted),
            ("未开始", StatusKind::NotStarted),
            ("推进中", StatusKind::InProgress),
            ("进行中", StatusKind::InProgress),
            ("正在推进", StatusKind::InProgress),
            ("受阻", StatusKind::Blocked),
            ("已完成", StatusKind::Done),
            ("完成", StatusKind::Done),
            ("已销号", StatusKind::SignedOff),
            ("销号", StatusKind::SignedOff),
        ] {
            assert_eq!(status_word(word), Said::Kind(kind), "{word}");
            assert_eq!(
                status_word(&format!(" {word}\n")),
                Said::Kind(kind),
                "{word}"
            );
        }
    }

    #[test]
    fn the_boards_own_words_come_back_in_both_languages() {
        for k in StatusKind::ALL {
            assert_eq!(status_word(k.ron_name()), Said::Kind(k));
            assert_eq!(status_word(k.label_zh()), Said::Kind(k));
            assert_eq!(status_word(k.label_en()), Said::Kind(k));
        }
    }

    #[test]
    fn an_unknown_word_is_unknown_and_nothing_is_blank() {
        assert_eq!(status_word("搁置"), Said::Unknown);
        assert_eq!(
            status_word("是"),
            Said::Unknown,
            "是 means something only in 是否销号"
        );
        assert_eq!(status_word("完成了"), Said::Unknown);
        assert_eq!(status_word(""), Said::Blank);
        assert_eq!(status_word(" \n"), Said::Blank);
    }

    #[test]
    fn a_sign_off_column_reads_yes_and_no() {
        assert_eq!(sign_off_word("是"), Said::Kind(StatusKind::SignedOff));
        assert_eq!(sign_off_word(" 是 "), Said::Kind(StatusKind::SignedOff));
        assert_eq!(sign_off_word("否"), Said::NotSignedOff);
        assert_eq!(sign_off_word("已销号"), Said::Kind(StatusKind::SignedOff));
        assert_eq!(sign_off_word(""), Said::Blank);
        assert_eq!(sign_off_word("待定"), Said::Unknown);
    }

    #[test]
    fn progress_gives_the_status_at_its_edges() {
        assert_eq!(from_progress(0), StatusKind::NotStarted);
        assert_eq!(from_progress(1), StatusKind::InProgress);
        assert_eq!(from_progress(99), StatusKind::InProgress);
        assert_eq!(from_progress(100), StatusKind::Done);
    }
}
