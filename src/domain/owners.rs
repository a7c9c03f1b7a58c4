//! Owner units (责任单位) across programs: who is behind, whichever program the work is in.
//!
//! - A measure's owner may name several units, separated by `、` `,` `，` `；` or `;`: the
//!   measure counts once for each of them (and once only, however often a unit is named).
//! - A unit's row counts its measures by status, the overdue ones and those due within the
//!   due-soon window (the schedule rules of [`super::schedule`]), and its completion.
//! - Rows are worst first: most overdue, then most blocked, then lowest completion; the unit's
//!   name breaks ties, so the order never depends on the order of the files.

use super::schedule::{is_due_soon, is_overdue, percent};
use super::{Date, Measure, Program, StatusKind};

/// What separates the units of one owner field, as people write lists of units.
pub const SEPARATORS: [char; 5] = ['、', ',', '，', '；', ';'];

/// The units an owner field names, trimmed, each once, in the order written.
pub fn units(owner: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    units_into(owner, &mut out);
    out
}

/// [`units`] into a buffer the caller reuses (cleared first): no allocation per measure.
fn units_into<'s>(owner: &'s str, out: &mut Vec<&'s str>) {
    out.clear();
    for u in owner.split(SEPARATORS).map(str::trim) {
        if !u.is_empty() && !out.contains(&u) {
            out.push(u);
        }
    }
}

/// Whether `owner` names `unit` among its units.
pub fn names_unit(owner: &str, unit: &str) -> bool {
    owner.split(SEPARATORS).any(|u| u.trim() == unit)
}

/// One owner unit's measures across all programs, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerRow {
    pub unit: String,
    pub measures: usize,
    pub by_status: [usize; 5],
    pub overdue: usize,
    pub due_soon: usize,
}

impl OwnerRow {
    fn new(unit: &str) -> OwnerRow {
        OwnerRow {
            unit: unit.to_owned(),
            measures: 0,
            by_status: [0; 5],
            overdue: 0,
            due_soon: 0,
        }
    }

    pub fn count(&self, k: StatusKind) -> usize {
        self.by_status[k as usize]
    }

    pub fn finished(&self) -> usize {
        self.count(StatusKind::Done) + self.count(StatusKind::SignedOff)
    }

    /// Finished ÷ all, in whole percent rounded down.
    pub fn completion(&self) -> Option<i64> {
        percent(self.finished(), self.measures)
    }

    fn add(&mut self, m: &Measure, today: Date, window_days: i64) {
        self.measures += 1;
        self.by_status[m.status.kind() as usize] += 1;
        self.overdue += usize::from(is_overdue(m, today));
        self.due_soon += usize::from(is_due_soon(m, today, window_days));
    }
}

/// Every owner unit of `programs`, worst first (see the module comment).
pub fn owner_rows<'a>(
    programs: impl IntoIterator<Item = &'a Program>,
    today: Date,
    window_days: i64,
) -> Vec<OwnerRow> {
    let mut rows: Vec<OwnerRow> = Vec::new();
    // Keyed by the names borrowed from the boards: the screen redraws this from 100,000
    // measures on each key, and a String per measure was most of that cost.
    let mut index: std::collections::HashMap<&'a str, usize> = Default::default();
    // One buffer for every measure's units, not a Vec each.
    let mut named: Vec<&'a str> = Vec::new();
    for p in programs {
        for m in &p.measures {
            units_into(&m.owner, &mut named);
            for &u in &named {
                let i = *index.entry(u).or_insert_with(|| {
                    rows.push(OwnerRow::new(u));
                    rows.len() - 1
                });
                rows[i].add(m, today, window_days);
            }
        }
    }
    rows.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(
                b.count(StatusKind::Blocked)
                    .cmp(&a.count(StatusKind::Blocked)),
            )
            .then(a.completion().cmp(&b.completion()))
            .then_with(|| a.unit.cmp(&b.unit))
    });
    rows
}

/// The measures of `unit`, as (program, measure) indices into `programs`: open work first,
/// nearest deadline first, then finished work; file order breaks ties.
pub fn unit_measures(programs: &[&Program], unit: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (pi, p) in programs.iter().enumerate() {
        for (mi, m) in p.measures.iter().enumerate() {
            if names_unit(&m.owner, unit) {
                out.push((pi, mi));
            }
        }
    }
    out.sort_by_key(|&(pi, mi)| {
        let m = &programs[pi].measures[mi];
        (m.status.is_finished(), m.effective_due(), pi, mi)
    });
    out
}
