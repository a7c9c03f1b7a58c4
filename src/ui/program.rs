//! One program: its figures, the milestone strip, the measures table and the selected measure.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::table::{self, Cell, Col, text};
use super::{milestones, short_date, short_date_width};
use crate::app::layout;
use crate::app::{App, SortKey};
use crate::domain::schedule::{self, Assessment};
use crate::domain::{Measure, Program, Status};
use crate::text::sanitize;
use crate::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let t = app.texts();
    let Some(board) = app.current_board() else {
        return;
    };
    let areas = layout::program(body, app.measure_list().len());
    let (Some(p), Some(a)) = (&board.program, &board.assessment) else {
        frame.render_widget(
            Span::styled(
                format!(" {} — {}", board.file_name(), t.file_broken),
                theme.overdue,
            ),
            areas.info,
        );
        return;
    };
    info(app, theme, frame, areas.info, p, a);
    milestones::render(app, theme, frame, areas.strip, p);
    measures(app, theme, frame, areas.table_header, areas.rows, p);
    detail(app, theme, frame, areas.detail, app.detail_measure());
}

fn info(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, p: &Program, a: &Assessment) {
    let t = app.texts();
    let pct = |v: Option<i64>| v.map_or("—".to_owned(), |v| format!("{v}%"));
    let line1 = Line::from(vec![
        Span::styled(format!(" {} ", sanitize(&p.title)), theme.title),
        Span::styled(
            format!(" {} {} ", a.health.symbol(), (t.health)(a.health)),
            theme.health(a.health),
        ),
        Span::styled(
            format!(
                "  {} {}{}  ·  {} {}  ·  {} {}  ·  {} {}  ·  {} {} → {}",
                t.col_progress,
                pct(a.completion()),
                (t.aside)(&format!("{}/{}", a.finished(), a.total)),
                t.actual,
                pct(a.actual),
                t.expected,
                pct(Some(a.expected)),
                t.lead,
                sanitize(&p.lead),
                t.span,
                short_date(p.start, p),
                short_date(p.due, p),
            ),
            theme.muted,
        ),
    ]);
    let line2 = Line::from(Span::styled(
        format!(" {}", (t.labelled)(t.goal, &sanitize(&p.goal))),
        theme.muted,
    ));
    let w = area.width as usize;
    frame.render_widget(
        Paragraph::new(vec![table::clip(line1, w), table::clip(line2, w)]),
        area,
    );
}

/// The measures table's columns and their widths in `width` cells.
pub(crate) fn columns(app: &App, p: &Program, width: u16) -> (Vec<Col>, Vec<(usize, u16)>) {
    let t = app.texts();
    let mark = |k: SortKey, s: &str| {
        if app.sort == k {
            format!("{s}▾")
        } else {
            s.to_owned()
        }
    };
    let rows = app.measure_list();
    // One more cell for the `*` of a slipped deadline.
    let due_w = short_date_width(rows.iter().map(|&i| (p.measures[i].effective_due(), p))) + 1;
    let cols = vec![
        Col::fixed(
            &format!(" {}", t.col_id),
            table::id_width(rows.iter().map(|&i| p.measures[i].id.as_str()), 6) + 1,
            9,
        ),
        Col::flex(t.col_measure, 14, 10).weight(3),
        Col::flex(&mark(SortKey::Owner, t.col_owner), 12, 6),
        Col::fixed(&mark(SortKey::Due, t.col_due), due_w, 8),
        Col::fixed(t.col_days, 8, 9).right(),
        Col::fixed(&mark(SortKey::Status, t.col_status), t.status_width(), 10),
        Col::fixed(t.detail_progress, 12, 5),
    ];
    let fitted = table::fit_columns(&cols, width);
    (cols, fitted)
}

fn measures(app: &App, theme: &Theme, frame: &mut Frame, header: Rect, area: Rect, p: &Program) {
    let t = app.texts();
    let rows = app.measure_list();
    let (cols, fitted) = columns(app, p, area.width);
    frame.render_widget(table::header(&cols, &fitted, theme.header), header);
    if rows.is_empty() {
        frame.render_widget(Span::styled(format!(" {}", t.no_match), theme.muted), area);
        return;
    }
    let selected = app.measure_index(&rows);
    let due_soon = app.settings.due_soon_days;
    let board_marks = app.current_board().map(|b| &b.marks);
    let empty = Default::default();
    let board_marks = board_marks.unwrap_or(&empty);
    for (y, (n, &mi)) in rows
        .iter()
        .enumerate()
        .skip(app.measure_scroll.offset)
        .take(area.height as usize)
        .enumerate()
    {
        let m = &p.measures[mi];
        let days = schedule::days_left(m, app.today);
        let finished = m.status.is_finished();
        let kind = m.status.kind();
        let slipped = if m.slips() > 0 { "*" } else { "" };
        let id_style = if board_marks.contains_key(&m.id) {
            theme.changed
        } else {
            theme.key
        };
        let cells = vec![
            text(format!(" {}", sanitize(&m.id)), id_style),
            text(sanitize(&m.title), theme.text),
            text(sanitize(&m.owner), theme.muted),
            text(
                format!("{}{slipped}", short_date(m.effective_due(), p)),
                theme.text,
            ),
            text(
                if finished {
                    "—".to_owned()
                } else {
                    (t.days_short)(days)
                },
                theme.deadline(days, finished, due_soon),
            ),
            text((t.status)(kind), theme.status(kind)),
            Cell::Gauge(Some(schedule::effective_progress(m))),
        ];
        let mut line = table::row(&cols, &fitted, cells, theme.text, theme);
        if n == selected {
            line = table::select(line, theme.selection);
        }
        frame.render_widget(line, Rect::new(area.x, area.y + y as u16, area.width, 1));
    }
}

fn detail(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, m: Option<&Measure>) {
    let t = app.texts();
    let Some(m) = m else { return };
    let block = Block::default()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(theme.border)
        .title(Span::styled(format!(" {} ", sanitize(&m.id)), theme.key));
    let inner = block.inner(area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let label = |s: &str| Span::styled((t.labelled)(s, ""), theme.muted);
    let kind = m.status.kind();
    let days = schedule::days_left(m, app.today);
    let finished = m.status.is_finished();
    let mut lines = vec![Line::from(Span::styled(sanitize(&m.title), theme.title))];
    lines.push(Line::from(vec![
        Span::styled((t.status)(kind), theme.status(kind)),
        Span::styled(
            format!(
                "  ·  {} {}%",
                t.detail_progress,
                schedule::effective_progress(m)
            ),
            theme.text,
        ),
        Span::styled(
            if finished {
                String::new()
            } else {
                format!("  ·  {}", (t.days_left)(days))
            },
            theme.deadline(days, finished, app.settings.due_soon_days),
        ),
    ]));
    lines.push(Line::from(vec![
        label(t.detail_owner),
        Span::styled(sanitize(&m.owner), theme.text),
    ]));
    let due = vec![
        label(t.detail_due),
        Span::styled((t.date)(m.due), theme.text),
    ];
    match m.revised.last() {
        None => lines.push(Line::from(due)),
        Some(r) => {
            let revised = vec![
                label(t.detail_revised),
                Span::styled((t.date)(*r), theme.due_soon),
                Span::styled((t.aside)(&(t.revised_times)(m.slips())), theme.muted),
            ];
            // One line when both deadlines fit; else the revised one on a line of its own,
            // rather than a date broken in two by the wrap.
            let arrow = |s: &str| Span::styled(s.to_owned(), theme.muted);
            let one: usize = due.iter().chain(&revised).map(|s| s.width()).sum();
            if one + 5 <= usize::from(inner.width) {
                lines.push(Line::from([due, vec![arrow("  →  ")], revised].concat()));
            } else {
                lines.push(Line::from(due));
                lines.push(Line::from([vec![arrow("→ ")], revised].concat()));
            }
        }
    }
    if let Status::Blocked(reason) = &m.status {
        lines.push(Line::from(vec![
            label(t.detail_blocked),
            Span::styled(sanitize(reason), theme.status(kind)),
        ]));
    }
    if m.signed_off.is_some() || m.signed_by.is_some() {
        let when = m.signed_off.map(|d| (t.date)(d)).unwrap_or_default();
        let who = m.signed_by.as_deref().map(sanitize).unwrap_or_default();
        lines.push(Line::from(Span::styled(
            (t.signed_off_line)(&when, &who),
            theme.status(crate::domain::StatusKind::SignedOff),
        )));
    }
    let (lines_of_m, older_unread) = app.measure_history(m);
    let mut history = crate::describe::history(lines_of_m.into_iter(), app.settings.lang);
    history.truncate(crate::app::history::PANE_SAVES);
    if !m.notes.is_empty() {
        lines.push(Line::from(vec![
            label(t.detail_notes),
            Span::styled(sanitize(&m.notes), theme.text),
        ]));
    }
    if !history.is_empty() || older_unread {
        lines.push(Line::from(Span::styled(t.history, theme.header)));
        for (at, user, what) in history {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", sanitize(&at)), theme.muted),
                Span::styled(format!("{} ", sanitize(&user)), theme.key),
                Span::styled(sanitize(&what), theme.text),
            ]));
        }
        if older_unread {
            lines.push(Line::from(Span::styled(
                t.history_older_unread,
                theme.muted,
            )));
        }
    }
    // A long title or note wraps inside the pane; what does not fit is a `J` away.
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = u16::try_from(para.line_count(inner.width)).unwrap_or(u16::MAX);
    let max = total.saturating_sub(inner.height);
    let scroll = if app.detail_scroll.0 == m.id {
        app.detail_scroll.1.min(max)
    } else {
        0
    };
    let block = if max > 0 {
        let where_ = format!(" {}/{} J K ", scroll + 1, max + 1);
        block.title(ratatui::text::Line::from(Span::styled(where_, theme.muted)).right_aligned())
    } else {
        block
    };
    frame.render_widget(block, area);
    frame.render_widget(para.scroll((scroll, 0)), inner);
}
