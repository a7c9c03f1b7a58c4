//! The problem-list screen (问题清单): aspects → problems, each with its state judged from its
//! measures; or, opened, one problem's measures.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::table::{self, Col, text};
use crate::app::layout;
use crate::app::{App, Screen};
use crate::domain::StatusKind;
use crate::domain::problems::ProblemState;
use crate::text::{fit, sanitize};
use crate::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    if app.problem_drill.is_some() {
        return super::drill::render(app, Screen::Problems, theme, frame, body);
    }
    let (t, l) = (app.texts(), app.texts().lists());
    let Some(list) = app.problems.as_ref().and_then(|p| p.list.as_ref()) else {
        return;
    };
    let areas = layout::deadlines(body);
    let rows = app.problem_rows();
    let count = |s| rows.iter().filter(|r| r.status.state == s).count();
    let summary = format!(
        " {} · {} · {}",
        sanitize(&list.title),
        (l.problems_headline)(list.aspects.len(), list.problem_count()),
        (l.problems_summary)(
            count(ProblemState::Finished),
            count(ProblemState::SignedOff),
            count(ProblemState::Open)
        )
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
            l.no_problems
        }
    });
    let areas_ = (areas.table_header, areas.rows);
    if !table::head_or_empty(frame, areas_, (&cols, &fitted), theme, empty) {
        return;
    }
    let selected = app.problem_index(&rows);
    let offset = app.problem_scroll.offset;
    for (y, (n, r)) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(areas.rows.height as usize)
        .enumerate()
    {
        let (Some(a), Some(p)) = (
            list.aspects.get(r.aspect),
            list.aspects
                .get(r.aspect)
                .and_then(|a| a.problems.get(r.problem)),
        ) else {
            continue;
        };
        // The aspect's name on its first row only, like a section heading.
        let first = n == offset || rows[n - 1].aspect != r.aspect;
        let s = &r.status;
        let state_style = match s.state {
            ProblemState::SignedOff => theme.status(StatusKind::SignedOff),
            ProblemState::Finished => theme.status(StatusKind::Done),
            ProblemState::Open if s.overdue > 0 => theme.overdue,
            ProblemState::Open if s.blocked > 0 => theme.status(StatusKind::Blocked),
            ProblemState::Open => theme.status(StatusKind::InProgress),
        };
        let num = |v: usize, style| text(v.to_string(), if v > 0 { style } else { theme.muted });
        let cells = vec![
            table::group_head(first, &sanitize(&a.title), theme.muted),
            text(sanitize(&p.id), theme.key),
            text(sanitize(&p.title), theme.text),
            text(l.problem_state(s.state), state_style),
            text(format!("{}/{}", s.finished, s.measures), theme.text),
            num(s.overdue, theme.overdue),
            num(s.blocked, theme.status(StatusKind::Blocked)),
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

/// The problem list's columns and their widths at `width` cells.
pub fn columns(app: &App, width: u16) -> (Vec<Col>, Vec<(usize, u16)>) {
    let (t, l) = (app.texts(), app.texts().lists());
    let state_w = [
        ProblemState::Open,
        ProblemState::Finished,
        ProblemState::SignedOff,
    ]
    .iter()
    .map(|&s| crate::text::width(l.problem_state(s)))
    .max()
    .unwrap_or(0) as u16;
    let cols = vec![
        Col::flex(&format!(" {}", l.col_aspect), 10, 5),
        Col::fixed(t.col_id, 4, 8),
        Col::flex(l.col_problem, 16, 10),
        Col::fixed(t.col_status, state_w, 9),
        Col::fixed(l.col_measures_done, 5, 7).right(),
        Col::fixed(t.col_overdue, 4, 8).right(),
        Col::fixed(l.col_blocked, 4, 6).right(),
    ];
    let fitted = table::fit_columns(&cols, width);
    (cols, fitted)
}
