//! The detail pane's share of the history file. The file only grows, so the pane's lines are
//! read on demand for the measure it shows; the event loop does the reading (the app never
//! touches the disk) whenever [`App::history_wanted`] names another measure than the one read.

use super::{App, Screen};
use crate::domain::Measure;
use crate::storage::history::HistoryEntry;

/// How many saves of a measure the detail pane lists.
pub const PANE_SAVES: usize = 5;

/// A measure's changes as git's history tells them (commits by anyone, at any site), in the
/// history file's form so the pane says both the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitLines {
    pub program: String,
    pub measure: String,
    /// Oldest first.
    pub lines: Vec<HistoryEntry>,
}

impl App {
    /// The measure the program screen's detail pane shows.
    pub fn detail_measure(&self) -> Option<&Measure> {
        let p = self.current_board()?.program.as_ref()?;
        let rows = self.measure_list();
        rows.get(self.measure_index(&rows)).map(|&i| &p.measures[i])
    }

    /// The program and measure whose history the screen shows now, if any.
    pub fn history_wanted(&self) -> Option<(&str, &str)> {
        if self.meeting.is_some() || self.screen != Screen::Program {
            return None;
        }
        let p = self.current_board()?.program.as_ref()?;
        Some((&p.id, &self.detail_measure()?.id))
    }

    /// Measure `m`'s history lines in the open program, oldest first, and whether older ones
    /// may exist that were not read: the history file's, merged with git's when the worker
    /// has answered for this measure. A save committed with `--git-commit` is in both, with
    /// the same time and change, and is listed once.
    pub fn measure_history(&self, m: &Measure) -> (Vec<&HistoryEntry>, bool) {
        let (mut local, older_unread) = self.local_history(m);
        let program = self
            .current_board()
            .and_then(|b| b.program.as_ref())
            .map(|p| p.id.as_str());
        if let Some(g) = &self.git_history
            && Some(g.program.as_str()) == program
            && g.measure == m.id
        {
            let same = |a: &HistoryEntry, b: &HistoryEntry| {
                a.at == b.at && a.field == b.field && a.change == b.change
            };
            let fresh: Vec<&HistoryEntry> = g
                .lines
                .iter()
                .filter(|h| !local.iter().any(|l| same(l, h)))
                .collect();
            local.extend(fresh);
            // Both are oldest first; a stable sort keeps each save's lines together.
            local.sort_by(|a, b| a.at.cmp(&b.at));
        }
        (local, older_unread)
    }

    /// Measure `m`'s lines from the history file. From the read made for it when there is one;
    /// else (before the loop has read, and in tests without a disk) from the file's tail.
    fn local_history(&self, m: &Measure) -> (Vec<&HistoryEntry>, bool) {
        let program = self
            .current_board()
            .and_then(|b| b.program.as_ref())
            .map(|p| p.id.as_str());
        match &self.detail_history {
            Some(h) if Some(h.program.as_str()) == program && h.measure == m.id => {
                (h.entries.iter().collect(), h.older_unread)
            }
            _ => {
                let lines = self
                    .history
                    .iter()
                    .filter(|h| h.measure == m.id && program.is_some_and(|id| id == h.program));
                (lines.collect(), false)
            }
        }
    }
}
