//! The ledger (台账) as CSV: one row per measure with every field and its program, for Excel
//! and WPS. Written by the `csv` crate, so commas, quotes and line breaks in a title are
//! quoted rather than breaking the row.

use super::texts::{ReportTexts, texts};
use crate::domain::schedule;
use crate::domain::{Date, Measure, Program, Status};
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

fn row(p: &Program, m: &Measure, today: Date, t: &ReportTexts) -> [String; 18] {
    let revised: Vec<String> = m.revised.iter().map(Date::to_string).collect();
    let reason = match &m.status {
        Status::Blocked(r) => text(r),
        _ => String::new(),
    };
    [
        text(&p.id),
        text(&p.title),
        text(&m.id),
        text(&m.title),
        text(&m.owner),
        m.due.to_string(),
        revised.join(";"),
        m.effective_due().to_string(),
        m.slips().to_string(),
        (t.ui.status)(m.status.kind()).to_owned(),
        m.status.kind().ron_name().to_owned(),
        reason,
        m.progress.to_string(),
        text(&m.notes),
        m.signed_off.map(|d| d.to_string()).unwrap_or_default(),
        m.signed_by.as_deref().map(text).unwrap_or_default(),
        schedule::days_left(m, today).to_string(),
        if schedule::is_overdue(m, today) {
            t.yes
        } else {
            t.no
        }
        .to_owned(),
    ]
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
