//! The owner-units screen (责任单位): one row per unit across all programs, worst first; or,
//! opened, one unit's measures.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::table::{self, Cell, Col, text};
use crate::app::layout;
use crate::app::{App, Screen};
use crate::domain::StatusKind;
use crate::domain::owners::OwnerRow;
use crate::text::{fit, sanitize};
use crate::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    if app.owner_drill.is_some() {
        return super::drill::render(app, Screen::Owners, theme, frame, body);
    }
    let rows = app.owner_list();
    let selected = app.owner_index(&rows);
    table(
        app,
        &rows,
        Some(selected),
        app.owner_scroll.offset,
        theme,
        frame,
        body,
    );
}

/// Meeting mode's page of owner units: the same table, worst first, nothing selected.
pub fn meeting_page(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    table(app, &app.owner_list(), None, 0, theme, frame, body);
}

fn table(
    app: &App,
    rows: &[OwnerRow],
    selected: Option<usize>,
    offset: usize,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
) {
    let l = app.texts().lists();
    let areas = layout::deadlines(body);
    let late = rows.iter().filter(|r| r.overdue > 0).count();
    frame.render_widget(
        Span::styled(
            fit(&(l.owners_summary)(rows.len(), late), body.width as usize),
            theme.title,
        ),
        areas.summary,
    );
    let (cols, fitted) = columns(app, rows, body.width);
    let empty = rows.is_empty().then_some(l.no_owners);
    let areas_ = (areas.table_header, areas.rows);
    if !table::head_or_empty(frame, areas_, (&cols, &fitted), theme, empty) {
        return;
    }
    for (y, (n, r)) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(areas.rows.height as usize)
        .enumerate()
    {
        // The unit every screen is narrowed to carries a mark, so nobody forgets it.
        let chosen = app.filter.owner.as_deref() == Some(r.unit.as_str());
        let unit = format!(" {}{}", if chosen { "◆ " } else { "" }, sanitize(&r.unit));
        let num = |v: usize, style| text(v.to_string(), if v > 0 { style } else { theme.muted });
        let cells = vec![
            text(unit, if chosen { theme.key } else { theme.text }),
            text(r.measures.to_string(), theme.text),
            num(
                r.count(StatusKind::NotStarted),
                theme.status(StatusKind::NotStarted),
            ),
            num(
                r.count(StatusKind::InProgress),
                theme.status(StatusKind::InProgress),
            ),
            num(
                r.count(StatusKind::Blocked),
                theme.status(StatusKind::Blocked),
            ),
            num(r.count(StatusKind::Done), theme.status(StatusKind::Done)),
            num(
                r.count(StatusKind::SignedOff),
                theme.status(StatusKind::SignedOff),
            ),
            num(r.overdue, theme.overdue),
            num(r.due_soon, theme.due_soon),
            Cell::Gauge(r.completion()),
        ];
        let mut line = table::row(&cols, &fitted, cells, theme.text, theme);
        if Some(n) == selected {
            line = table::select(line, theme.selection);
        }
        frame.render_widget(
            line,
            Rect::new(areas.rows.x, areas.rows.y + y as u16, areas.rows.width, 1),
        );
    }
}

/// The five status counts' columns in the owner-units table.
const STATUS_COLS: std::ops::Range<usize> = 2..7;

/// The owner-units table's columns and their widths at `width` cells.
pub fn columns(app: &App, rows: &[OwnerRow], width: u16) -> (Vec<Col>, Vec<(usize, u16)>) {
    let (t, l) = (app.texts(), app.texts().lists());
    let status = |k: StatusKind| (t.status)(k);
    let count = |h: &str, prio: u8| Col::fixed(h, 4, prio).right();
    // The unit column as wide as the longest name (within reason); the bar takes the rest.
    let unit_w = rows
        .iter()
        .map(|r| crate::text::width(&r.unit) + 3)
        .max()
        .unwrap_or(0)
        .clamp(10, 24) as u16;
    let cols = vec![
        Col::flex(&format!(" {}", l.col_unit), unit_w, 10),
        count(l.col_measures, 7),
        count(status(StatusKind::NotStarted), 3),
        count(status(StatusKind::InProgress), 4),
        count(status(StatusKind::Blocked), 8),
        count(status(StatusKind::Done), 2),
        count(status(StatusKind::SignedOff), 5),
        count(t.col_overdue, 9),
        count(l.col_due_soon, 6),
        Col::flex(l.col_completion, 12, 9),
    ];
    // The five status counts go together, so those shown always add up to the measures.
    let fitted = table::fit_columns_grouped(&cols, width, &[STATUS_COLS]);
    (cols, fitted)
}
