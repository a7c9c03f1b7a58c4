use serde::{Deserialize, Serialize};

use super::Date;

/// One special rectification program (专项整治方案): one board file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Program")]
pub struct Program {
    /// Stable identifier, used in links, history and reports; not shown as a title.
    pub id: String,
    pub title: String,
    /// Lead unit (牵头单位).
    pub lead: String,
    pub start: Date,
    pub due: Date,
    /// One line: what the program must achieve.
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

/// One rectification measure (整改措施): a task with an owner, a deadline and a status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Measure")]
pub struct Measure {
    /// Unique within its board; edits and history refer to it.
    pub id: String,
    pub title: String,
    /// Owner unit (责任单位).
    pub owner: String,
    /// The deadline as first set. Never changed by a revision, so slips stay visible.
    pub due: Date,
    /// Revised deadlines, oldest first; the last one is in force.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revised: Vec<Date>,
    pub status: Status,
    /// Percent, 0–100. Kept wide here so that `300` is a validation message, not a parse error.
    #[serde(default)]
    pub progress: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Day the measure was signed off (销号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_off: Option<Date>,
    /// Who checked and signed it off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
}

/// A dated point the program must reach (时间节点).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Milestone")]
pub struct Milestone {
    pub title: String,
    pub due: Date,
    /// The day it was reached, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    NotStarted,
    InProgress,
    /// Work cannot go on; the reason says what it waits for.
    Blocked(String),
    Done,
    /// 销号: done *and* checked, struck off the list.
    SignedOff,
}

/// The status without its payload: what filters, counts and themes key on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusKind {
    NotStarted,
    InProgress,
    Blocked,
    Done,
    SignedOff,
}

impl StatusKind {
    pub const ALL: [StatusKind; 5] = [
        StatusKind::NotStarted,
        StatusKind::InProgress,
        StatusKind::Blocked,
        StatusKind::Done,
        StatusKind::SignedOff,
    ];

    /// The word written in board files.
    pub fn ron_name(self) -> &'static str {
        match self {
            StatusKind::NotStarted => "NotStarted",
            StatusKind::InProgress => "InProgress",
            StatusKind::Blocked => "Blocked",
            StatusKind::Done => "Done",
            StatusKind::SignedOff => "SignedOff",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            StatusKind::NotStarted => "未开始",
            StatusKind::InProgress => "推进中",
            StatusKind::Blocked => "受阻",
            StatusKind::Done => "已完成",
            StatusKind::SignedOff => "已销号",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            StatusKind::NotStarted => "not started",
            StatusKind::InProgress => "in progress",
            StatusKind::Blocked => "blocked",
            StatusKind::Done => "done",
            StatusKind::SignedOff => "signed off",
        }
    }

    /// Accepts the file word, the English label (with `-`/`_`/space) or the Chinese label.
    pub fn parse(s: &str) -> Option<StatusKind> {
        let norm: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect();
        StatusKind::ALL.into_iter().find(|k| {
            norm == k.ron_name().to_lowercase()
                || s == k.label_zh()
                || (k == &StatusKind::SignedOff && (norm == "signoff" || s == "销号"))
        })
    }

    /// Finished work: counts towards completion and is never overdue.
    pub fn is_finished(self) -> bool {
        matches!(self, StatusKind::Done | StatusKind::SignedOff)
    }
}

impl Status {
    pub fn kind(&self) -> StatusKind {
        match self {
            Status::NotStarted => StatusKind::NotStarted,
            Status::InProgress => StatusKind::InProgress,
            Status::Blocked(_) => StatusKind::Blocked,
            Status::Done => StatusKind::Done,
            Status::SignedOff => StatusKind::SignedOff,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.kind().is_finished()
    }
}

/// What makes signing a measure off doubtful: work is blocked, or not at 100 %.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignOffDoubt {
    Blocked(String),
    Short(i64),
}

impl Measure {
    /// Signing off is confirmed once more, with this fact said, when there is one.
    pub fn sign_off_doubt(&self) -> Option<SignOffDoubt> {
        match &self.status {
            Status::Blocked(why) => Some(SignOffDoubt::Blocked(why.clone())),
            _ if self.progress < 100 => Some(SignOffDoubt::Short(self.progress)),
            _ => None,
        }
    }

    /// The deadline in force: the last revision, or the original.
    pub fn effective_due(&self) -> Date {
        self.revised.last().copied().unwrap_or(self.due)
    }

    /// How many times the deadline was pushed back.
    pub fn slips(&self) -> usize {
        self.revised.len()
    }
}

impl Program {
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The program's own year, the one it starts in: a date typed without a year falls in it,
    /// and tables write its dates without the year. A program that runs into the next year
    /// shows those dates whole, so a bare `03-31` never needs guessing.
    pub fn year(&self) -> i32 {
        chrono::Datelike::year(&self.start.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_are_accepted_in_every_form_a_user_types() {
        assert_eq!(StatusKind::parse("SignedOff"), Some(StatusKind::SignedOff));
        assert_eq!(StatusKind::parse("signed-off"), Some(StatusKind::SignedOff));
        assert_eq!(StatusKind::parse("销号"), Some(StatusKind::SignedOff));
        assert_eq!(
            StatusKind::parse("in progress"),
            Some(StatusKind::InProgress)
        );
        assert_eq!(StatusKind::parse("受阻"), Some(StatusKind::Blocked));
        assert_eq!(StatusKind::parse("doingg"), None);
    }
}
