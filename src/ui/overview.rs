//! All programs at a glance, the totals a meeting asks for first, and what needs attention.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::short_date;
use super::table::{self, Cell, Col, text};
use crate::app::layout;
use crate::app::{App, Bucket};
use crate::domain::schedule::NextKind;
use crate::domain::{Date, Status, StatusKind};
use crate::text::{fit, sanitize, width};
use crate::theme::Theme;

/// "6 个方面 · 24 项问题 · " before the totals, when the folder has a problem list.
fn problems_headline(app: &App) -> String {
    let l = app.texts().lists();
    app.problems
        .as_ref()
        .and_then(|p| p.list.as_ref())
        .map(|list| {
            format!(
                "{} · ",
                (l.problems_headline)(list.aspects.len(), list.problem_count())
            )
        })
        .unwrap_or_default()
}

/// Where the five status counts sit among the columns.
const STATUS_COLS: std::ops::Range<usize> = 6..11;

/// The table's columns and their widths in `width` cells.
pub(crate) fn columns(app: &App, width: u16) -> (Vec<Col>, Vec<(usize, u16)>) {
    let t = app.texts();
    let mut cols = vec![
        Col::fixed(&format!(" {}", t.col_health), t.health_width() + 1, 10),
        // Room for most programs' names in full, even before the table grows.
        Col::flex(t.col_program, 24, 10).weight(2),
        // Gives way before the status counts: a meeting asks for those first.
        Col::flex(t.col_lead, 12, 2),
        Col::fixed(t.col_progress, 10, 6),
        Col::fixed(t.col_progress, 4, 9).right(),
        Col::fixed(t.col_total, 4, 8).right(),
    ];
    for k in StatusKind::ALL {
        cols.push(Col::fixed((t.status)(k), 6, 3).right());
    }
    cols.push(Col::fixed(t.col_overdue, 4, 9).right());
    cols.push(Col::flex(t.col_next, 19, 7).weight(2));
    // The status counts go together, so those shown always add up to the total beside them.
    let fitted = table::fit_columns_grouped(&cols, width, &[STATUS_COLS]);
    // One progress column is enough: show the bare percentage only when the bar is gone, and
    // the bar takes the percentage's room with it.
    let fitted: Vec<(usize, u16)> = if fitted.iter().any(|&(i, _)| i == 3) {
        let spare: u16 = fitted
            .iter()
            .filter(|&&(i, _)| i == 4)
            .map(|&(_, w)| w + 1)
            .sum();
        let mut f: Vec<_> = fitted.into_iter().filter(|&(i, _)| i != 4).collect();
        if let Some(c) = f.iter_mut().find(|(i, _)| *i == 3) {
            c.1 += spare;
        }
        f
    } else {
        fitted
    };
    (cols, fitted)
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let t = app.texts();
    let rows = app.overview_list();
    let areas = layout::overview(body, rows.len());
    let totals = (t.totals)(&app.totals());
    let with_problems = format!(" {}{totals}", problems_headline(app));
    // The problem list's count gives way before the totals lose a figure.
    let line = if crate::text::width(&with_problems) <= body.width as usize {
        with_problems
    } else {
        format!(" {totals}")
    };
    frame.render_widget(
        Span::styled(fit(&line, body.width as usize), theme.title),
        areas.totals,
    );
    let (cols, fitted) = columns(app, body.width);
    frame.render_widget(
        table::header(&cols, &fitted, theme.header),
        areas.table_header,
    );

    if rows.is_empty() {
        let msg = if app.boards.is_empty() {
            t.no_boards
        } else {
            t.no_match
        };
        frame.render_widget(Span::styled(format!(" {msg}"), theme.muted), areas.rows);
    }
    let selected = app.overview_index(&rows);
    let visible = rows
        .iter()
        .enumerate()
        .skip(app.overview_scroll.offset)
        .take(areas.rows.height as usize);
    for (y, (n, &bi)) in visible.enumerate() {
        let b = &app.boards[bi];
        let mut cells = Vec::new();
        match (&b.program, &b.assessment) {
            (Some(p), Some(a)) => {
                let broken = if b.error.is_some() { "✗" } else { " " };
                cells.push(text(
                    format!("{broken}{} {}", a.health.symbol(), (t.health)(a.health)),
                    theme.health(a.health),
                ));
                let title_style = if b.marks.is_empty() {
                    theme.text
                } else {
                    theme.changed
                };
                cells.push(text(sanitize(&p.title), title_style));
                cells.push(text(sanitize(&p.lead), theme.muted));
                cells.push(Cell::Gauge(a.completion()));
                cells.push(text(
                    a.completion().map_or("—".into(), |c| format!("{c}%")),
                    theme.text,
                ));
                cells.push(text(a.total.to_string(), theme.text));
                for k in StatusKind::ALL {
                    let c = a.count(k);
                    let st = if c == 0 { theme.muted } else { theme.status(k) };
                    cells.push(text(c.to_string(), st));
                }
                let od = if a.overdue > 0 {
                    theme.overdue
                } else {
                    theme.muted
                };
                cells.push(text(a.overdue.to_string(), od));
                cells.push(match &a.next {
                    Some(nx) => {
                        let mark = match nx.what {
                            NextKind::Milestone(_) => "◆",
                            NextKind::Measure(_) => "",
                        };
                        text(
                            format!(
                                "{} {} {mark}{}",
                                short_date(nx.date, p),
                                (t.days_short)(nx.days_left),
                                sanitize(&nx.title)
                            ),
                            theme.deadline(nx.days_left, false, app.settings.due_soon_days),
                        )
                    }
                    None => text("—", theme.muted),
                });
            }
            _ => {
                cells.push(text(" ✗", theme.overdue));
                cells.push(text(
                    format!("{} — {}", b.file_name(), t.file_broken),
                    theme.overdue,
                ));
            }
        }
        let base = if n == selected {
            theme.selection
        } else {
            theme.text
        };
        let mut line = table::row(&cols, &fitted, cells, base, theme);
        if n == selected {
            line = table::select(line, theme.selection);
        }
        let r = Rect::new(areas.rows.x, areas.rows.y + y as u16, areas.rows.width, 1);
        frame.render_widget(line, r);
    }
    if let Some(att) = areas.attention {
        let mut lines = vec![Line::from(Span::styled(
            format!(" {}", (t.attention)(app.settings.due_soon_days)),
            theme.header,
        ))];
        lines.extend(attention(
            app,
            theme,
            att.width,
            att.height.saturating_sub(1),
        ));
        frame.render_widget(Paragraph::new(lines), att);
    }
}

/// One line of the attention list: what kind of trouble, and where.
enum Trouble {
    Blocked(String),
    Late(i64),
    DueSoon(i64),
    MilestoneMissed(Date),
}

/// Blocked, overdue and due-this-week measures and missed milestones across all programs: the
/// first things a meeting asks about, most serious first. At most `max` lines `width` cells
/// wide; when there are more, the last says how many are left out.
pub(super) fn attention(app: &App, theme: &Theme, cols: u16, max: u16) -> Vec<Line<'static>> {
    let t = app.texts();
    // The same programs and measures the filter leaves in the table above.
    let shown = app.overview_list();
    let programs = || {
        shown
            .iter()
            .filter_map(|&bi| app.boards[bi].program.as_ref().map(|p| (bi, p)))
    };
    // Built lazily, most serious first, and only as far as the panel has lines: with many
    // boards there are thousands of candidates and a dozen lines.
    let needle = &app.needle();
    let blocked = programs().flat_map(|(bi, p)| {
        p.measures
            .iter()
            .enumerate()
            .filter_map(move |(mi, m)| match &m.status {
                Status::Blocked(r) if app.measure_matches(m, needle) => {
                    Some((bi, mi, Trouble::Blocked(r.clone())))
                }
                _ => None,
            })
    });
    let deadlines = app.deadline_list();
    let late = deadlines.iter().filter_map(|r| match r.bucket {
        Bucket::Overdue => Some((r.board, r.measure, Trouble::Late(r.days_left))),
        Bucket::Week => Some((r.board, r.measure, Trouble::DueSoon(r.days_left))),
        Bucket::Month => None,
    });
    let unfiltered = !app.filter.is_active();
    let missed = programs().filter(|_| unfiltered).flat_map(|(bi, p)| {
        p.milestones
            .iter()
            .enumerate()
            .filter(|(_, ms)| ms.done.is_none() && ms.due < app.today)
            .map(move |(ki, ms)| (bi, ki, Trouble::MilestoneMissed(ms.due)))
    });
    let mut items = blocked.chain(late).chain(missed);
    // Wide enough for the longest kind of tag in this language, `milestone missed 06-30`.
    let tag_w = 17.max(width(t.milestone_missed) + 6);
    // The program's name grows with the room, up to what most names need.
    let name_w = (16 + usize::from(cols.saturating_sub(100)) / 8).min(30);
    let mut lines = Vec::new();
    let max = usize::from(max);
    while let Some((bi, idx, trouble)) = items.next() {
        if lines.len() + 1 == max {
            // One line left: the last item if it is the last, else how many are left.
            let rest = 1 + items.by_ref().count();
            if rest > 1 {
                lines.push(Line::from(Span::styled(
                    format!("  {}", (t.and_more)(rest)),
                    theme.muted,
                )));
                break;
            }
        } else if lines.len() >= max {
            break;
        }
        let Some(p) = &app.boards[bi].program else {
            continue;
        };
        let measure = |i: usize| &p.measures[i];
        let (tag, style, id, title, extra) = match &trouble {
            Trouble::MilestoneMissed(due) => (
                format!("{} {}", t.milestone_missed, short_date(*due, p)),
                theme.milestone_missed,
                "◆".to_owned(),
                p.milestones[idx].title.clone(),
                String::new(),
            ),
            Trouble::Blocked(reason) => (
                (t.status)(StatusKind::Blocked).to_owned(),
                theme.status(StatusKind::Blocked),
                measure(idx).id.clone(),
                measure(idx).title.clone(),
                format!(
                    " · {} · {}",
                    sanitize(&measure(idx).owner),
                    (t.labelled)(t.detail_blocked, &sanitize(reason))
                ),
            ),
            Trouble::Late(d) | Trouble::DueSoon(d) => (
                (t.days_left)(*d),
                if *d < 0 {
                    theme.overdue
                } else {
                    theme.due_soon
                },
                measure(idx).id.clone(),
                measure(idx).title.clone(),
                format!(" · {}", sanitize(&measure(idx).owner)),
            ),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", fit(&tag, tag_w)), style),
            Span::styled(
                format!("{} ", fit(&sanitize(&p.title), name_w)),
                theme.muted,
            ),
            Span::styled(format!("{} ", sanitize(&id)), theme.key),
            Span::styled(sanitize(&title), theme.text),
            Span::styled(extra, theme.muted),
        ]));
    }
    lines
        .into_iter()
        .map(|l| table::clip(l, cols as usize))
        .collect()
}
