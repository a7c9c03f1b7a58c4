//! One measure as a ledger row (台账): the cells the CSV and the xlsx ledger share, typed so
//! that each format writes a date as a date and a figure as a number, and neither can drift
//! from the other's columns.

use super::texts::ReportTexts;
use crate::domain::schedule;
use crate::domain::{Date, Measure, Program, Status};

/// The number of ledger columns, as [`ReportTexts::csv_header`] names them.
pub const COLUMNS: usize = 18;

/// A ledger cell before a format writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from a board or our own words; formats sanitise it.
    Text(String),
    /// Text a reader reads in full (a title, a reason, notes): the xlsx wraps it.
    Long(String),
    Date(Date),
    /// Revised deadlines, oldest first.
    Dates(Vec<Date>),
    Int(i64),
    /// Progress in percent, 0–100.
    Percent(i64),
    Blank,
}

/// The ledger row of measure `m` of program `p` on `today`, in the columns of
/// [`ReportTexts::csv_header`].
pub fn cells(p: &Program, m: &Measure, today: Date, t: &ReportTexts) -> [Cell; COLUMNS] {
    let reason = match &m.status {
        Status::Blocked(r) => Cell::Long(r.clone()),
        _ => Cell::Blank,
    };
    let finished = m.status.is_finished();
    [
        Cell::Text(p.id.clone()),
        Cell::Text(p.title.clone()),
        Cell::Text(m.id.clone()),
        Cell::Long(m.title.clone()),
        Cell::Text(m.owner.clone()),
        Cell::Date(m.due),
        if m.revised.is_empty() {
            Cell::Blank
        } else {
            Cell::Dates(m.revised.clone())
        },
        Cell::Date(m.effective_due()),
        Cell::Int(m.slips() as i64),
        Cell::Text((t.ui.status)(m.status.kind()).to_owned()),
        Cell::Text(m.status.kind().ron_name().to_owned()),
        reason,
        Cell::Percent(m.progress),
        Cell::Long(m.notes.clone()),
        m.signed_off.map_or(Cell::Blank, Cell::Date),
        m.signed_by.clone().map_or(Cell::Blank, Cell::Text),
        // Finished work has no deadline left to count down to.
        if finished {
            Cell::Blank
        } else {
            Cell::Int(schedule::days_left(m, today))
        },
        Cell::Text(
            if schedule::is_overdue(m, today) {
                t.yes
            } else {
                t.no
            }
            .to_owned(),
        ),
    ]
}
