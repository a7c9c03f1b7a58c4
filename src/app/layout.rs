//! Screen geometry as pure functions of the terminal size and the state. The views draw into
//! these rectangles and `update` uses the same ones to scroll and to hit-test clicks, so the
//! two can never disagree.

use ratatui::layout::{Constraint, Layout, Rect};

use super::{App, Screen};
use crate::text::width;

/// Below this the layout cannot show a useful board.
pub const MIN_SIZE: (u16, u16) = (60, 16);
const MAX_BANNER_LINES: usize = 3;

pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub body: Rect,
    pub banner: Rect,
    pub status: Rect,
}

pub fn banner_lines(errors: usize) -> u16 {
    errors.min(MAX_BANNER_LINES) as u16
}

pub fn areas(app: &App) -> Areas {
    let full = Rect::new(0, 0, app.size.0, app.size.1);
    let [header, body, banner, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(banner_lines(app.errors().len())),
        Constraint::Length(1),
    ])
    .areas(full);
    Areas {
        header,
        body,
        banner,
        status,
    }
}

/// The tab labels' cells in the header, left to right.
pub fn tabs(app: &App) -> Vec<(Rect, Screen)> {
    let header = areas(app).header;
    let mut x = header.x + 1;
    Screen::ALL
        .iter()
        .map(|&s| {
            let w = width(s.title(app.texts())) as u16 + 2;
            let r = Rect::new(x, header.y, w, 1).intersection(header);
            x += w + 1;
            (r, s)
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverviewAreas {
    pub totals: Rect,
    pub table_header: Rect,
    pub rows: Rect,
    /// The "needs attention" list below the table, when there is room for it.
    pub attention: Option<Rect>,
}

pub fn overview(body: Rect, n_rows: usize) -> OverviewAreas {
    let line = |y: u16| Rect::new(body.x, y, body.width, 1).intersection(body);
    let avail = body.height.saturating_sub(3);
    let rows_h = (n_rows.max(1) as u16).min(avail);
    let rest = avail - rows_h;
    let attention = (rest >= 6)
        .then(|| Rect::new(body.x, body.y + 4 + rows_h, body.width, rest - 1).intersection(body));
    OverviewAreas {
        totals: line(body.y),
        table_header: line(body.y + 2),
        rows: Rect::new(body.x, body.y + 3, body.width, rows_h).intersection(body),
        attention,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgramAreas {
    pub info: Rect,
    pub strip: Rect,
    pub table_header: Rect,
    pub rows: Rect,
    pub detail: Rect,
}

/// The program screen. The detail pane sits under the table at every size: beside it, the
/// table would lose columns the moment the window grew wide enough for the pane. It takes a
/// share of the height that grows with the window, and the rows the table's `n_rows` leave
/// empty; it always leaves the table some rows.
pub fn program(body: Rect, n_rows: usize) -> ProgramAreas {
    // A short window keeps the measure rows and gives up the milestone strip first.
    let strip_h = if body.height >= 20 { 4 } else { 0 };
    let [info, strip, rest] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(strip_h),
        Constraint::Fill(1),
    ])
    .areas(body);
    let unused = rest
        .height
        .saturating_sub(1 + u16::try_from(n_rows).unwrap_or(u16::MAX));
    let detail_h = (7 + rest.height.saturating_sub(20) / 3)
        .max(unused)
        .min(rest.height.saturating_sub(4));
    let [table, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_h)]).areas(rest);
    let [table_header, rows] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(table);
    ProgramAreas {
        info,
        strip,
        table_header,
        rows,
        detail,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAreas {
    pub summary: Rect,
    pub table_header: Rect,
    pub rows: Rect,
}

pub fn deadlines(body: Rect) -> ListAreas {
    let [summary, _, table_header, rows] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(body);
    ListAreas {
        summary,
        table_header,
        rows,
    }
}

/// Where a screen's selectable rows are drawn.
pub fn list_rows(app: &App, screen: Screen) -> Rect {
    let body = areas(app).body;
    match screen {
        Screen::Overview => overview(body, app.overview_list().len()).rows,
        Screen::Program => program(body, app.measure_list().len()).rows,
        Screen::Deadlines => deadlines(body).rows,
    }
}

/// The conflict dialog: where it is drawn, and how many rows its body takes wrapped to that
/// width against how many fit, so `update` scrolls long notes exactly as far as the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConflictDialog {
    pub rect: Rect,
    pub rows: u16,
    pub visible: u16,
}

/// Cells a dialog keeps between its border and its text, each side.
pub const DIALOG_PAD: u16 = 1;

pub fn conflict_dialog(app: &App) -> Option<ConflictDialog> {
    let Some(super::Modal::Conflict {
        target, conflicts, ..
    }) = &app.modal
    else {
        return None;
    };
    let t = app.texts();
    let lines = super::dialog::conflict_lines(app, target, conflicts);
    let plain: Vec<ratatui::text::Line> = lines
        .iter()
        .map(|l| {
            let s: String = l.iter().map(|(_, s)| crate::text::sanitize(s)).collect();
            ratatui::text::Line::from(s)
        })
        .collect();
    let title = width(t.conflict_title) + width(&target.measure) + 3;
    let natural = plain
        .iter()
        .map(|l| l.width())
        .chain([title, width(t.conflict_keys)])
        .max()
        .unwrap_or(0) as u16
        + 2 * (DIALOG_PAD + 1);
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let w = natural.clamp(30, 100).min(area.width.saturating_sub(2));
    let inner_w = w.saturating_sub(2 * (DIALOG_PAD + 1)).max(1);
    let rows = ratatui::widgets::Paragraph::new(plain)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .line_count(inner_w) as u16;
    let h = (rows + 2).min(area.height.saturating_sub(2));
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Some(ConflictDialog {
        rect,
        rows,
        visible: h.saturating_sub(2),
    })
}

/// How far the conflict dialog's body can scroll.
pub fn conflict_scroll_max(app: &App) -> u16 {
    conflict_dialog(app).map_or(0, |d| d.rows.saturating_sub(d.visible))
}
