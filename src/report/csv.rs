//! The ledger (台账) as CSV: one row per measure with every field and its program, for Excel
//! and WPS. Written by the `csv` crate, so commas, quotes and line breaks in a title are
//! quoted rather than breaking the row.

use crate::domain::schedule;
use crate::domain::{Date, Measure, Program, Status};
use crate::text::sanitize;

/// Excel and WPS read a CSV file as the local code page (GBK in China) unless it starts with
/// this mark; with it, Chinese text opens right.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Chinese for the people who open the file, the English key in parentheses for scripts that
/// match on a column.
pub const HEADER: [&str; 18] = [
    "专项编号 (program_id)",
    "专项整治方案 (program)",
    "措施编号 (measure_id)",
    "整改措施 (title)",
    "责任单位 (owner)",
    "原定期限 (due)",
    "调整后期限 (revised)",
    "现行期限 (effective_due)",
    "调整次数 (slips)",
    "状态 (status)",
    "状态代码 (status_code)",
    "受阻原因 (blocked_reason)",
    "进度 (progress)",
    "备注 (notes)",
    "销号日期 (signed_off)",
    "销号人 (signed_by)",
    "剩余天数 (days_left)",
    "是否逾期 (overdue)",
];

pub fn render(programs: &[Program], today: Date, bom: bool) -> Result<Vec<u8>, csv::Error> {
    let mut buf = Vec::new();
    if bom {
        buf.extend_from_slice(UTF8_BOM);
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(buf);
    w.write_record(HEADER)?;
    for p in programs {
        for m in &p.measures {
            w.write_record(row(p, m, today))?;
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

fn row(p: &Program, m: &Measure, today: Date) -> [String; 18] {
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
        m.status.kind().label_zh().to_owned(),
        m.status.kind().ron_name().to_owned(),
        reason,
        m.progress.to_string(),
        text(&m.notes),
        m.signed_off.map(|d| d.to_string()).unwrap_or_default(),
        m.signed_by.as_deref().map(text).unwrap_or_default(),
        schedule::days_left(m, today).to_string(),
        if schedule::is_overdue(m, today) {
            "是"
        } else {
            "否"
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
