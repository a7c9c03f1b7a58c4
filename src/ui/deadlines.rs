//! The ledger of what is due across all programs: overdue first, then this week, then this
//! month.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::table::{self, Col, text};
use super::{short_date, short_date_width};
use crate::app::layout;
use crate::app::{App, Bucket};
use crate::text::{fit, sanitize};
use crate::theme::Theme;

/// The table's columns and their widths in `width` cells.
pub(crate) fn columns(app: &App, width: u16) -> (Vec<Col>, Vec<(usize, u16)>) {
    let t = app.texts();
    let (due_w, id_w) = app.deadline_extent(|rows| {
        let due_w = short_date_width(rows.iter().filter_map(|r| {
            let p = app.boards[r.board].program.as_ref()?;
            Some((p.measures[r.measure].effective_due(), p))
        }));
        let ids = rows.iter().filter_map(|r| {
            let p = app.boards[r.board].program.as_ref()?;
            Some(p.measures[r.measure].id.as_str())
        });
        (due_w, table::id_width(ids, 5))
    });
    let cols = vec![
        // The group's name, after a space.
        Col::fixed("", t.bucket_width(app.settings.due_soon_days) + 1, 9),
        Col::flex(t.col_program, 10, 6),
        Col::fixed(t.col_id, id_w, 8),
        Col::flex(t.col_measure, 14, 10).weight(3),
        Col::flex(t.col_owner, 12, 5),
        Col::fixed(t.col_due, due_w, 7),
        Col::fixed(t.col_days, 8, 9).right(),
        Col::fixed(t.col_status, t.status_width(), 8),
    ];
    let fitted = table::fit_columns(&cols, width);
    (cols, fitted)
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let t = app.texts();
    let areas = layout::deadlines(body);
    let rows = app.deadline_list();
    let count = |b| rows.iter().filter(|r| r.bucket == b).count();
    let week = (t.bucket_week)(app.settings.due_soon_days);
    let summary = format!(
        " {} {}  ·  {} {}  ·  {} {}",
        t.bucket_overdue,
        count(Bucket::Overdue),
        week,
        count(Bucket::Week),
        t.bucket_month,
        count(Bucket::Month)
    );
    frame.render_widget(
        Span::styled(fit(&summary, body.width as usize), theme.title),
        areas.summary,
    );
    let (cols, fitted) = columns(app, body.width);
    let empty = rows.is_empty().then(|| {
        if app.filter.is_active() {
            t.no_match
        } else {
            t.no_deadlines
        }
    });
    let areas_ = (areas.table_header, areas.rows);
    if !table::head_or_empty(frame, areas_, (&cols, &fitted), theme, empty) {
        return;
    }
    let selected = app.deadline_index(&rows);
    let offset = app.deadline_scroll.offset;
    for (y, (n, r)) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(areas.rows.height as usize)
        .enumerate()
    {
        let b = &app.boards[r.board];
        let Some(p) = &b.program else { continue };
        let m = &p.measures[r.measure];
        // The group's name on its first row only, like a section heading.
        let first = n == offset || rows[n - 1].bucket != r.bucket;
        let (label, style) = match r.bucket {
            Bucket::Overdue => (t.bucket_overdue, theme.overdue),
            Bucket::Week => (week.as_str(), theme.due_soon),
            Bucket::Month => (t.bucket_month, theme.due_later),
        };
        let kind = m.status.kind();
        let cells = vec![
            table::group_head(first, label, style),
            text(sanitize(&p.title), theme.muted),
            text(sanitize(&m.id), theme.key),
            text(sanitize(&m.title), theme.text),
            text(sanitize(&m.owner), theme.muted),
            text(short_date(m.effective_due(), p), theme.text),
            text(
                (t.days_short)(r.days_left),
                theme.deadline(r.days_left, false, app.settings.due_soon_days),
            ),
            text((t.status)(kind), theme.status(kind)),
        ];
        let mut line = table::row(&cols, &fitted, cells, theme.text, theme);
        if n == selected {
            line = table::select(line, theme.selection);
        }
        frame.render_widget(
            line,
            Rect::new(areas.rows.x, areas.rows.y + y as u16, areas.rows.width, 1),
        );
    }
}
