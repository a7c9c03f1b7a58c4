//! What each list shows, derived from the state on demand: filtered, sorted, keyed.

use std::path::PathBuf;

use super::App;
use crate::domain::schedule::{self, percent};
use crate::domain::{Measure, Program};
use crate::i18n::Totals;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// As written in the file: the order its authors chose.
    File,
    Due,
    Status,
    Owner,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::File => SortKey::Due,
            SortKey::Due => SortKey::Status,
            SortKey::Status => SortKey::Owner,
            SortKey::Owner => SortKey::File,
        }
    }
}

/// Where a deadline row stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bucket {
    Overdue,
    Week,
    Month,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineRow {
    pub board: usize,
    pub measure: usize,
    pub bucket: Bucket,
    pub days_left: i64,
}

impl DeadlineRow {
    pub fn key(&self, app: &App) -> (PathBuf, String) {
        let b = &app.boards[self.board];
        let id = b
            .program
            .as_ref()
            .map(|p| p.measures[self.measure].id.clone())
            .unwrap_or_default();
        (b.path.clone(), id)
    }
}

fn contains_ci(hay: &str, needle_lower: &str) -> bool {
    hay.to_lowercase().contains(needle_lower)
}

impl App {
    fn text_filter(&self) -> String {
        self.filter.text.trim().to_lowercase()
    }

    /// Whether a measure passes the current text and status filters.
    pub fn matches(&self, m: &Measure) -> bool {
        self.measure_matches(m, &self.text_filter())
    }

    fn measure_matches(&self, m: &Measure, needle: &str) -> bool {
        let text_ok = needle.is_empty()
            || contains_ci(&m.title, needle)
            || contains_ci(&m.owner, needle)
            || contains_ci(&m.id, needle);
        text_ok && self.filter.status.is_none_or(|s| m.status.kind() == s)
    }

    /// Boards on the overview, in file order. The text filter matches a program's title, lead
    /// unit or id, or any of its measures.
    pub fn overview_rows(&self) -> Vec<usize> {
        let needle = self.text_filter();
        (0..self.boards.len())
            .filter(|&i| {
                if !self.filter.is_active() {
                    return true;
                }
                let Some(p) = &self.boards[i].program else {
                    return needle.is_empty() && self.filter.status.is_none();
                };
                let own = !needle.is_empty()
                    && self.filter.status.is_none()
                    && (contains_ci(&p.title, &needle)
                        || contains_ci(&p.lead, &needle)
                        || contains_ci(&p.id, &needle));
                own || p.measures.iter().any(|m| self.measure_matches(m, &needle))
            })
            .collect()
    }

    /// Measures of the open program that pass the filter, in the chosen order.
    pub fn measure_rows(&self) -> Vec<usize> {
        let Some(p) = self.current_board().and_then(|b| b.program.as_ref()) else {
            return Vec::new();
        };
        let needle = self.text_filter();
        let mut rows: Vec<usize> = (0..p.measures.len())
            .filter(|&i| self.measure_matches(&p.measures[i], &needle))
            .collect();
        sort_measures(&mut rows, p, self.sort);
        rows
    }

    /// The ledger of what needs attention across all programs: overdue first, then due within
    /// the due-soon window, then within 30 days; nearest first within each.
    pub fn deadline_rows(&self) -> Vec<DeadlineRow> {
        let needle = self.text_filter();
        let week = self.settings.due_soon_days;
        let mut rows = Vec::new();
        for (bi, b) in self.boards.iter().enumerate() {
            let Some(p) = &b.program else { continue };
            for (mi, m) in p.measures.iter().enumerate() {
                if m.status.is_finished() || !self.measure_matches(m, &needle) {
                    continue;
                }
                let days_left = schedule::days_left(m, self.today);
                let bucket = match days_left {
                    d if d < 0 => Bucket::Overdue,
                    d if d <= week => Bucket::Week,
                    d if d <= 30 => Bucket::Month,
                    _ => continue,
                };
                rows.push(DeadlineRow {
                    board: bi,
                    measure: mi,
                    bucket,
                    days_left,
                });
            }
        }
        rows.sort_by_key(|r| (r.bucket, r.days_left, r.board, r.measure));
        rows
    }

    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            programs: 0,
            measures: 0,
            finished_pct: None,
            signed_off: 0,
            overdue: 0,
            due_soon: 0,
        };
        let mut finished = 0;
        for a in self.boards.iter().filter_map(|b| b.assessment.as_ref()) {
            t.programs += 1;
            t.measures += a.total;
            finished += a.finished();
            t.signed_off += a.count(crate::domain::StatusKind::SignedOff);
            t.overdue += a.overdue;
            t.due_soon += a.due_soon;
        }
        t.finished_pct = percent(finished, t.measures);
        t
    }

    pub fn overview_index(&self, rows: &[usize]) -> usize {
        self.overview_sel
            .as_ref()
            .and_then(|p| rows.iter().position(|&i| &self.boards[i].path == p))
            .unwrap_or(0)
    }

    pub fn measure_index(&self, rows: &[usize]) -> usize {
        let Some(p) = self.current_board().and_then(|b| b.program.as_ref()) else {
            return 0;
        };
        self.measure_sel
            .as_ref()
            .and_then(|id| rows.iter().position(|&i| &p.measures[i].id == id))
            .unwrap_or(0)
    }

    pub fn deadline_index(&self, rows: &[DeadlineRow]) -> usize {
        self.deadline_sel
            .as_ref()
            .and_then(|k| rows.iter().position(|r| &r.key(self) == k))
            .unwrap_or(0)
    }
}

fn sort_measures(rows: &mut [usize], p: &Program, key: SortKey) {
    let m = |i: &usize| &p.measures[*i];
    match key {
        SortKey::File => {}
        SortKey::Due => rows.sort_by_key(|i| m(i).effective_due()),
        // Open work before finished work, most urgent state first.
        SortKey::Status => rows.sort_by_key(|i| {
            use crate::domain::StatusKind::*;
            let rank = match m(i).status.kind() {
                Blocked => 0,
                InProgress => 1,
                NotStarted => 2,
                Done => 3,
                SignedOff => 4,
            };
            (rank, m(i).effective_due())
        }),
        SortKey::Owner => rows.sort_by(|a, b| {
            m(a).owner
                .cmp(&m(b).owner)
                .then(m(a).effective_due().cmp(&m(b).effective_due()))
        }),
    }
}
