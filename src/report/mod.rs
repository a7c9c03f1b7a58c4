//! Reports: the ledger out of the terminal, for people who never open one.
//!
//! Each format is a pure function of the programs and the day (`today` is an input, never
//! read from the clock here), so the same boards on the same day always give the same bytes.
//! [`run`] is the command-line glue: it loads the boards, reports broken files and writes.

// Boards and snapshots are other people's files: nothing here may panic on them.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod changes;
pub mod csv;
pub mod html;
pub mod json;
pub mod ledger_row;
pub mod lists;
pub mod markdown;
pub mod run;
pub mod since;
pub mod snapshot;
pub mod summary;
pub mod texts;
mod timeline;
pub mod xlsx;

use serde::{Deserialize, Serialize};

use crate::domain::{Status, StatusKind};

/// A status as the JSON report and snapshots keep it: the file word for tools, the Chinese label
/// for people, and the reason when blocked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusView {
    /// The word written in board files: `NotStarted`, `InProgress`, `Blocked`, `Done`,
    /// `SignedOff`.
    pub code: String,
    pub label: String,
    pub reason: Option<String>,
}

impl StatusView {
    pub fn of(s: &Status) -> StatusView {
        StatusView {
            code: s.kind().ron_name().to_owned(),
            label: s.kind().label_zh().to_owned(),
            reason: match s {
                Status::Blocked(r) => Some(r.clone()),
                _ => None,
            },
        }
    }
}

impl StatusView {
    /// The label in the report's language; the stored one for a file word this version does
    /// not know.
    pub fn label_in(&self, ui: &crate::i18n::Texts) -> &str {
        StatusKind::ALL
            .into_iter()
            .find(|k| k.ron_name() == self.code)
            .map_or(self.label.as_str(), |k| (ui.status)(k))
    }
}
