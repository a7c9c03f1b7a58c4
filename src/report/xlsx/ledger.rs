//! The 台账 / Ledger sheet: one row per measure in the CSV ledger's columns, typed; overdue
//! and blocked rows filled, so the rows a meeting asks about stand out on paper too.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::super::ledger_row::{Cell, cells};
use super::super::texts::ReportTexts;
use super::{Fills, Styles, Widths, clean, table_setup, write_date, write_header};
use crate::domain::schedule;
use crate::domain::{Date, Program, StatusKind};

pub fn sheet(
    programs: &[Program],
    today: Date,
    t: &ReportTexts,
    fills: &Fills,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    let header = t.csv_header;
    let mut widths = Widths::new(&header);
    write_header(&mut ws, &header, &mut widths)?;
    let plain = Styles::new(None);
    let overdue = Styles::new(Some(fills.overdue));
    let blocked = Styles::new(Some(fills.blocked));
    let mut row = 0u32;
    for p in programs {
        for m in &p.measures {
            row += 1;
            // Overdue is the louder of the two: a blocked measure past its deadline is late.
            let s = if schedule::is_overdue(m, today) {
                &overdue
            } else if m.status.kind() == StatusKind::Blocked {
                &blocked
            } else {
                &plain
            };
            for (col, cell) in cells(p, m, today, t).into_iter().enumerate() {
                write_cell(&mut ws, row, col, cell, s, &mut widths)?;
            }
        }
    }
    widths.apply(&mut ws)?;
    table_setup(&mut ws, row, header.len() as u16)?;
    Ok(ws)
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: usize,
    cell: Cell,
    s: &Styles,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    let c = col as u16;
    match cell {
        Cell::Text(text) => {
            let text = clean(&text);
            widths.see(col, &text);
            ws.write_string_with_format(row, c, text, &s.text)?;
        }
        Cell::Long(text) => {
            let text = clean(&text);
            widths.see(col, &text);
            ws.write_string_with_format(row, c, text, &s.wrap)?;
        }
        Cell::Date(d) => {
            widths.see(col, "yyyy-mm-dd");
            write_date(ws, row, c, d, &s.date)?;
        }
        // One revision is a date a filter can use; several are read, not computed with.
        Cell::Dates(ds) => match ds[..] {
            [d] => {
                widths.see(col, "yyyy-mm-dd");
                write_date(ws, row, c, d, &s.date)?;
            }
            _ => {
                let text: Vec<String> = ds.iter().map(Date::to_string).collect();
                let text = text.join("; ");
                widths.see(col, &text);
                ws.write_string_with_format(row, c, text, &s.wrap)?;
            }
        },
        Cell::Int(n) => {
            widths.see(col, &n.to_string());
            ws.write_number_with_format(row, c, n as f64, &s.int)?;
        }
        Cell::Percent(p) => {
            widths.see(col, "100%");
            ws.write_number_with_format(row, c, p as f64 / 100.0, &s.pct)?;
        }
        Cell::Blank => {
            ws.write_blank(row, c, &s.text)?;
        }
    }
    Ok(())
}
