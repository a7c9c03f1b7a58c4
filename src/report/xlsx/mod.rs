//! The report as an Excel workbook (`report --format xlsx`), for the office that keeps its
//! ledger (台账) in Excel or WPS: 总览 / Summary, 台账 / Ledger, 时间节点 / Milestones and, once
//! that view exists, 按责任单位 / By owner unit. Dates are real date cells, figures real
//! numbers, so the clerk's own filters, sums and sorts work on them. Pure, like every format:
//! the same boards on the same day give the same workbook.

mod ledger;
mod sheets;

use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::texts::texts;
use crate::domain::{Date, Program};
use crate::i18n::Lang;
use crate::text::{sanitize, width};

/// Row fills in RGB (`0xRRGGBB`): the theme's meaning colours, tinted for paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fills {
    pub overdue: u32,
    pub blocked: u32,
}

impl Default for Fills {
    /// The built-in themes' red, pale for overdue and paler for blocked.
    fn default() -> Fills {
        Fills::from_colors(Some((0xd7, 0, 0)), Some((0xd7, 0, 0)))
    }
}

impl Fills {
    /// Fills from the theme's overdue and blocked colours: a full-strength terminal colour would
    /// drown black text on paper, so each is mixed with white. Blocked is the paler of the two,
    /// so the rows stay apart when a theme gives both meanings one colour. A colour that is not
    /// RGB (a named terminal colour) falls back to the built-in red.
    pub fn from_colors(overdue: Option<(u8, u8, u8)>, blocked: Option<(u8, u8, u8)>) -> Fills {
        let red = (0xd7, 0, 0);
        Fills {
            overdue: tint(overdue.unwrap_or(red), 0.28),
            blocked: tint(blocked.unwrap_or(red), 0.14),
        }
    }
}

/// `c` at `strength` over white.
fn tint((r, g, b): (u8, u8, u8), strength: f64) -> u32 {
    let mix = |c: u8| (255.0 - (255.0 - f64::from(c)) * strength).round() as u32;
    (mix(r) << 16) | (mix(g) << 8) | mix(b)
}

/// What the workbook needs besides the boards and the day.
#[derive(Debug, Clone)]
pub struct XlsxOptions {
    pub fills: Fills,
    /// How many days ahead "due soon" looks.
    pub due_soon_days: i64,
}

impl Default for XlsxOptions {
    fn default() -> XlsxOptions {
        XlsxOptions {
            fills: Fills::default(),
            due_soon_days: crate::domain::schedule::DEFAULT_DUE_SOON_DAYS,
        }
    }
}

pub fn render(
    programs: &[Program],
    today: Date,
    lang: Lang,
    opts: &XlsxOptions,
) -> Result<Vec<u8>, XlsxError> {
    let t = texts(lang);
    let mut wb = Workbook::new();
    let page_head = format!(
        "&C{} · {}",
        header_footer(t.title),
        header_footer(&(t.prose_date)(today))
    );
    let mut add = |mut ws: Worksheet, name: &str| -> Result<(), XlsxError> {
        ws.set_name(name)?;
        ws.set_header(&page_head);
        ws.set_footer("&C&P / &N");
        wb.push_worksheet(ws);
        Ok(())
    };
    add(
        sheets::summary(programs, today, opts.due_soon_days, t)?,
        t.sheet_summary,
    )?;
    add(
        ledger::sheet(programs, today, t, &opts.fills)?,
        t.sheet_ledger,
    )?;
    add(sheets::milestones(programs, today, t)?, t.sheet_milestones)?;
    add(
        sheets::by_owner(
            &crate::domain::owners::owner_rows(programs, today, opts.due_soon_days),
            lang,
        )?,
        t.sheet_by_owner,
    )?;
    wb.save_to_buffer()
}

/// `&` starts a code in a page header or footer: a literal one is doubled.
fn header_footer(s: &str) -> String {
    s.replace('&', "&&")
}

/// The cell styles of one kind of row: plain, or filled for an overdue or blocked measure.
pub(super) struct Styles {
    pub text: Format,
    pub wrap: Format,
    pub date: Format,
    pub int: Format,
    pub pct: Format,
}

impl Styles {
    pub fn new(fill: Option<u32>) -> Styles {
        let base = || {
            let f = Format::new()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xbfbfbf));
            match fill {
                Some(c) => f.set_background_color(Color::RGB(c)),
                None => f,
            }
        };
        Styles {
            text: base(),
            wrap: base().set_text_wrap(),
            date: base()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Left),
            int: base().set_num_format("0"),
            pct: base().set_num_format("0%"),
        }
    }
}

/// The header row's style: bold on grey, wrapped, so a long header keeps its column narrow.
pub(super) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xbfbfbf))
        .set_background_color(Color::RGB(0xf2f2f2))
}

/// Column widths from what the cells hold, in display width (a CJK character is two): the
/// widest cell plus a margin, at least the header's widest word, at most `MAX_WIDTH`, beyond
/// which text wraps.
pub(super) struct Widths(Vec<usize>);

/// Columns wider than this wrap their text; the page is landscape A4 fitted to its width.
const MAX_WIDTH: usize = 48;

impl Widths {
    pub fn new(header: &[&str]) -> Widths {
        // A header wraps at its spaces: its widest word is what it needs.
        Widths(
            header
                .iter()
                .map(|h| h.split(' ').map(width).max().unwrap_or(0))
                .collect(),
        )
    }

    pub fn see(&mut self, col: usize, text: &str) {
        if let Some(w) = self.0.get_mut(col) {
            *w = (*w).max(text.lines().map(width).max().unwrap_or(0));
        }
    }

    pub fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for (col, w) in self.0.iter().enumerate() {
            let w = (*w).clamp(4, MAX_WIDTH) + 2;
            ws.set_column_width(col as u16, w as f64)?;
        }
        Ok(())
    }
}

/// Frozen header row with an autofilter on it, and a print set-up for a landscape A4 page
/// fitted to its width with the header on every page.
pub(super) fn table_setup(ws: &mut Worksheet, rows: u32, cols: u16) -> Result<(), XlsxError> {
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.max(1), cols.saturating_sub(1))?;
    ws.set_landscape();
    // 9 is A4 in the paper codes of the file format.
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

pub(super) fn write_header(
    ws: &mut Worksheet,
    header: &[&str],
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    let f = header_format();
    // Two lines, for headers that wrap at their space (`原定期限 (due)`): a spreadsheet sizes
    // a row to its wrapped text only when it recalculates, which a print does not wait for.
    ws.set_row_height(0, 30)?;
    for (col, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &f)?;
        widths.see(col, "");
    }
    Ok(())
}

/// A board's text for a cell: one line, no control or invisible characters. A cell written as
/// a string is never read as a formula, so no apostrophe is needed as in the CSV.
pub(super) fn clean(s: &str) -> String {
    sanitize(s)
}

/// `d` as a date cell; a year Excel cannot hold (before 1900) goes in as its text.
pub(super) fn write_date(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    d: Date,
    f: &Format,
) -> Result<(), XlsxError> {
    use chrono::Datelike;
    let (y, m, day) = (d.0.year(), d.0.month(), d.0.day());
    let cell = u16::try_from(y)
        .ok()
        .and_then(|y| ExcelDateTime::from_ymd(y, m as u8, day as u8).ok());
    match cell {
        Some(c) => ws.write_datetime_with_format(row, col, &c, f)?,
        None => ws.write_string_with_format(row, col, d.to_string(), f)?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tint_is_the_colour_mixed_with_white() {
        assert_eq!(tint((0, 0, 0), 0.0), 0xffffff);
        assert_eq!(tint((0, 0, 0), 1.0), 0x000000);
        assert_eq!(tint((0xd7, 0, 0), 1.0), 0xd70000);
        assert_eq!(tint((0, 0xff, 0), 0.5), 0x80ff80);
    }

    #[test]
    fn a_page_header_keeps_a_literal_ampersand() {
        assert_eq!(header_footer("R&D"), "R&&D");
    }
}
