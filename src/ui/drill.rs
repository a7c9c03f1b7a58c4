//! The measures one owner unit or one problem opens onto, across programs: where each one
//! is, and `Enter` goes there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::table::{self, Col, text};
use super::{short_date, short_date_width};
use crate::app::DrillRow;
use crate::app::layout;
use crate::app::{App, Screen};
use crate::domain::schedule;
use crate::text::{fit, sanitize};
use crate::theme::Theme;

pub fn render(app: &App, screen: Screen, theme: &Theme, frame: &mut Frame, body: Rect) {
    let (t, l) = (app.texts(), app.texts().lists());
    let Some(drill) = app.drill(screen) else {
        return;
    };
    let areas = layout::deadlines(body);
    let rows = app.drill_rows(screen);
    let title = match screen {
        Screen::Owners => (l.unit_title)(&sanitize(&drill.key), rows.len()),
        _ => {
            let name = app
                .problems
                .as_ref()
                .and_then(|p| p.list.as_ref())
                .and_then(|list| list.problems().find(|p| p.id == drill.key))
                .map(|p| sanitize(&p.title))
                .unwrap_or_default();
            (l.problem_title)(&sanitize(&drill.key), &name, rows.len())
        }
    };
    frame.render_widget(
        Span::styled(fit(&title, body.width as usize), theme.title),
        areas.summary,
    );
    let (cols, fitted) = columns(app, &rows, body.width);
    let empty = rows.is_empty().then_some(t.no_match);
    let areas_ = (areas.table_header, areas.rows);
    if !table::head_or_empty(frame, areas_, (&cols, &fitted), theme, empty) {
        return;
    }
    let selected = app.drill_index(screen, &rows);
    let offset = drill.scroll.offset;
    for (y, (n, r)) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(areas.rows.height as usize)
        .enumerate()
    {
        let cells = match r.at.and_then(|at| app.measure_at(at)) {
            Some((p, m)) => {
                let kind = m.status.kind();
                let days = schedule::days_left(m, app.today);
                let late = !m.status.is_finished();
                vec![
                    text(format!(" {}", sanitize(&p.title)), theme.muted),
                    text(sanitize(&m.id), theme.key),
                    text(sanitize(&m.title), theme.text),
                    text(sanitize(&m.owner), theme.muted),
                    text(short_date(m.effective_due(), p), theme.text),
                    if late {
                        text(
                            (t.days_short)(days),
                            theme.deadline(days, false, app.settings.due_soon_days),
                        )
                    } else {
                        text("", theme.muted)
                    },
                    text((t.status)(kind), theme.status(kind)),
                ]
            }
            None => vec![
                text(format!(" {}", sanitize(&r.reference)), theme.muted),
                text("", theme.muted),
                text(l.not_found, theme.overdue),
            ],
        };
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

/// A drill list's columns and their widths at `width` cells: the owner grows with the program
/// and the measure, so a long unit's name is not cut while the program column has room.
pub fn columns(app: &App, rows: &[DrillRow], width: u16) -> (Vec<Col>, Vec<(usize, u16)>) {
    let t = app.texts();
    let due_w = short_date_width(
        rows.iter()
            .filter_map(|r| r.at.and_then(|at| app.measure_at(at)))
            .map(|(p, m)| (m.effective_due(), p)),
    );
    let cols = vec![
        Col::flex(&format!(" {}", t.col_program), 16, 6),
        Col::fixed(
            t.col_id,
            table::id_width(
                rows.iter()
                    .filter_map(|r| r.at.and_then(|at| app.measure_at(at)))
                    .map(|(_, m)| m.id.as_str()),
                6,
            ),
            8,
        ),
        Col::flex(t.col_measure, 16, 10),
        Col::flex(t.col_owner, 12, 5),
        Col::fixed(t.col_due, due_w, 7),
        Col::fixed(t.col_days, 8, 9).right(),
        Col::fixed(t.col_status, t.status_width(), 8),
    ];
    let fitted = table::fit_columns(&cols, width);
    (cols, fitted)
}
