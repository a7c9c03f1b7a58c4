//! The 总览 / Summary, 时间节点 / Milestones and 按责任单位 / By owner unit sheets.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::super::summary::{self, HEALTHS, MilestoneState, Totals};
use super::super::texts::ReportTexts;
use super::{Styles, Widths, clean, table_setup, write_date, write_header};
use crate::domain::owners::OwnerRow;
use crate::domain::{Date, Program, StatusKind};
use crate::i18n::Lang;
use crate::text::sanitize;

/// A row of the summary: its text and figures, the completion a percentage.
enum Val {
    Text(String),
    Int(usize),
    Pct(Option<i64>),
}

fn write_row(
    ws: &mut Worksheet,
    row: u32,
    vals: Vec<Val>,
    s: &Styles,
    bold: Option<&Format>,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    for (col, v) in vals.into_iter().enumerate() {
        let c = col as u16;
        match v {
            Val::Text(text) => {
                widths.see(col, &text);
                ws.write_string_with_format(row, c, text, bold.unwrap_or(&s.text))?;
            }
            Val::Int(n) => {
                widths.see(col, &n.to_string());
                ws.write_number_with_format(row, c, n as f64, &s.int)?;
            }
            Val::Pct(Some(p)) => {
                widths.see(col, "100%");
                ws.write_number_with_format(row, c, p as f64 / 100.0, &s.pct)?;
            }
            // No measures: neither 0 % nor 100 % would be true.
            Val::Pct(None) => {
                ws.write_string_with_format(row, c, "—", &s.text)?;
            }
        }
    }
    Ok(())
}

/// One row per program with the markdown summary's figures, and the totals.
pub fn summary(
    programs: &[Program],
    today: Date,
    window_days: i64,
    t: &ReportTexts,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    let due_soon = (t.col_due_soon)(window_days);
    let header = [
        t.col_program_id,
        t.col_program,
        t.col_lead,
        t.col_measures,
        t.col_completion,
        t.col_signed_off,
        t.col_overdue,
        &due_soon,
        t.col_blocked,
        t.col_health,
    ];
    let mut widths = Widths::new(&header);
    write_header(&mut ws, &header, &mut widths)?;
    let s = Styles::new(None);
    let figures = summary::figures(programs, today, window_days);
    let mut row = 0u32;
    for f in &figures {
        row += 1;
        let a = &f.assessment;
        let vals = vec![
            Val::Text(clean(&f.program.id)),
            Val::Text(clean(&f.program.title)),
            Val::Text(clean(&f.program.lead)),
            Val::Int(a.total),
            Val::Pct(a.completion()),
            Val::Int(a.count(StatusKind::SignedOff)),
            Val::Int(a.overdue),
            Val::Int(a.due_soon),
            Val::Int(a.count(StatusKind::Blocked)),
            Val::Text(format!("{} {}", a.health.symbol(), (t.ui.health)(a.health))),
        ];
        write_row(&mut ws, row, vals, &s, None, &mut widths)?;
    }
    let totals = Totals::of(&figures, window_days);
    let blocked: usize = figures
        .iter()
        .map(|f| f.assessment.count(StatusKind::Blocked))
        .sum();
    let mix: Vec<String> = HEALTHS
        .iter()
        .map(|h| format!("{}{}", h.symbol(), totals.health_count(*h)))
        .collect();
    row += 1;
    let bold = Styles::new(None).text.set_bold();
    let vals = vec![
        Val::Text(t.total.to_owned()),
        Val::Text(String::new()),
        Val::Text(String::new()),
        Val::Int(totals.measures),
        Val::Pct(totals.completion()),
        Val::Int(totals.signed_off),
        Val::Int(totals.overdue),
        Val::Int(totals.due_soon),
        Val::Int(blocked),
        Val::Text(mix.join(" ")),
    ];
    write_row(&mut ws, row, vals, &s, Some(&bold), &mut widths)?;
    // The note on how completion is counted, under the table, outside the filter.
    ws.write_string(row + 2, 0, (t.note)())?;
    widths.apply(&mut ws)?;
    // The totals row stays out of the filter's range: sorting must not move it among programs.
    table_setup(&mut ws, row - 1, header.len() as u16)?;
    Ok(ws)
}

/// One row per milestone with its state on the day.
pub fn milestones(
    programs: &[Program],
    today: Date,
    t: &ReportTexts,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    let header = [
        t.col_program_id,
        t.col_program,
        t.col_seq,
        t.col_milestone,
        t.col_planned,
        t.col_reached,
        t.col_state,
        t.col_note,
    ];
    let mut widths = Widths::new(&header);
    write_header(&mut ws, &header, &mut widths)?;
    let s = Styles::new(None);
    let mut row = 0u32;
    for p in programs {
        for (i, ms) in p.milestones.iter().enumerate() {
            row += 1;
            let state = MilestoneState::of(ms, today);
            let texts = [
                (0, clean(&p.id)),
                (1, clean(&p.title)),
                (3, sanitize(&ms.title)),
                (
                    6,
                    format!("{} {}", state.symbol(), (t.milestone_state)(state)),
                ),
                (7, summary::milestone_note(ms, today, t).trim().to_owned()),
            ];
            for (col, text) in texts {
                widths.see(col, &text);
                ws.write_string_with_format(row, col as u16, text, &s.text)?;
            }
            ws.write_number_with_format(row, 2, (i + 1) as f64, &s.int)?;
            widths.see(4, "yyyy-mm-dd");
            write_date(&mut ws, row, 4, ms.due, &s.date)?;
            match ms.done {
                Some(d) => write_date(&mut ws, row, 5, d, &s.date)?,
                None => {
                    ws.write_blank(row, 5, &s.date)?;
                }
            }
        }
    }
    widths.apply(&mut ws)?;
    table_setup(&mut ws, row, header.len() as u16)?;
    Ok(ws)
}

/// One row per owner unit, worst first: the same table as the other reports' 按责任单位.
pub fn by_owner(rows: &[OwnerRow], lang: Lang) -> Result<Worksheet, XlsxError> {
    let (t, l) = (lang.texts(), lang.lists());
    let mut ws = Worksheet::new();
    let mut header = vec![l.col_unit, l.col_measures];
    header.extend(StatusKind::ALL.iter().map(|&k| (t.status)(k)));
    header.extend([t.col_overdue, l.col_due_soon, l.col_completion]);
    let mut widths = Widths::new(&header);
    write_header(&mut ws, &header, &mut widths)?;
    let s = Styles::new(None);
    for (i, r) in rows.iter().enumerate() {
        let mut vals = vec![Val::Text(clean(&r.unit)), Val::Int(r.measures)];
        vals.extend(StatusKind::ALL.iter().map(|&k| Val::Int(r.count(k))));
        vals.extend([
            Val::Int(r.overdue),
            Val::Int(r.due_soon),
            Val::Pct(r.completion()),
        ]);
        write_row(&mut ws, i as u32 + 1, vals, &s, None, &mut widths)?;
    }
    widths.apply(&mut ws)?;
    table_setup(&mut ws, rows.len() as u32, header.len() as u16)?;
    Ok(ws)
}
