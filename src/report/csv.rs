//! The ledger (台账) as CSV: one row per measure with every field and its program, for Excel
//! and WPS. Written by the `csv` crate, so commas, quotes and line breaks in a title are
//! quoted rather than breaking the row.

use super::ledger_row::{COLUMNS, Cell, cells};
use super::texts::{ReportTexts, texts};
use crate::domain::{Date, Measure, Program};
use crate::i18n::Lang;
use crate::text::sanitize;

/// Excel and WPS read a CSV file as the local code page (GBK in China) unless it starts with
/// this mark; with it, Chinese text opens right.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The header row: words for the people who open the file, each with its English key in
/// parentheses (`状态 (status)`, `Status (status)`) for scripts that match on a column, whatever
/// the language.
pub fn header(lang: Lang) -> [&'static str; 18] {
    texts(lang).csv_header
}

/// The ledger with its header in `lang` and the status and overdue cells, which people read, in
/// it too; dates stay `YYYY-MM-DD`, which every spreadsheet reads as a date.
pub fn render(
    programs: &[Program],
    today: Date,
    bom: bool,
    lang: Lang,
) -> Result<Vec<u8>, csv::Error> {
    let t = texts(lang);
    let mut buf = Vec::new();
    if bom {
        buf.extend_from_slice(UTF8_BOM);
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(buf);
    w.write_record(t.csv_header)?;
    for p in programs {
        for m in &p.measures {
            w.write_record(row(p, m, today, t))?;
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The shared ledger row as CSV fields: dates `YYYY-MM-DD`, revisions joined by `;`.
fn row(p: &Program, m: &Measure, today: Date, t: &ReportTexts) -> [String; COLUMNS] {
    cells(p, m, today, t).map(|c| match c {
        Cell::Text(s) | Cell::Long(s) => text(&s),
        Cell::Date(d) => d.to_string(),
        Cell::Dates(ds) => ds.iter().map(Date::to_string).collect::<Vec<_>>().join(";"),
        Cell::Int(n) | Cell::Percent(n) => n.to_string(),
        Cell::Blank => String::new(),
    })
}

/// Text from a board: one line without control or invisible characters, and never read as a
/// formula — a spreadsheet runs a cell starting with `=`, `+`, `-` or `@`, so such a text gets
/// the apostrophe that makes Excel and WPS show it as typed.
fn text(s: &str) -> String {
    let clean = sanitize(s);
    if clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean
    }
}
