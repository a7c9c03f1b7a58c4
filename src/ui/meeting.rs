//! Meeting mode: few, large elements for a shared screen, cycling by itself.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::bigtext;
use super::table::{self, Cell, Col, text};
use super::{milestones, short_date, short_date_width};
use crate::app::layout::stack;
use crate::app::meeting::{Meeting, Page, Since};
use crate::app::{App, Bucket};
use crate::domain::schedule::{self, Assessment};
use crate::domain::{Measure, Program, Status, StatusKind};
use crate::text::{fit, sanitize, width};
use crate::theme::Theme;

/// Beyond this the content is centred instead of stretched across a wall-wide terminal.
const MAX_WIDTH: u16 = 200;
/// Lists read best at a line length the eye can follow.
const MAX_LIST: u16 = 150;

/// `area` narrowed to `max` cells, centred.
fn centre(area: Rect, max: u16) -> Rect {
    let w = area.width.min(max);
    Rect {
        x: area.x + (area.width - w) / 2,
        width: w,
        ..area
    }
}

fn scale(area: Rect) -> u16 {
    if area.width >= 200 && area.height >= 55 {
        2
    } else {
        1
    }
}

pub fn render(app: &App, m: &Meeting, theme: &Theme, frame: &mut Frame) {
    let full = frame.area();
    if m.blank {
        // Black, as a projector's blank is: the room looks at the speaker, not the screen.
        for cell in &mut frame.buffer_mut().content {
            cell.reset();
            cell.bg = ratatui::style::Color::Black;
        }
        return;
    }
    let w = full.width.min(MAX_WIDTH);
    let area = Rect::new(full.x + (full.width - w) / 2, full.y, w, full.height);
    let [top, _, body, hint, bar] = stack(area, [Some(1), Some(1), None, Some(1), Some(1)]);
    let page = app.meeting_page().unwrap_or(Page::Overview);
    top_bar(app, m, &page, theme, frame, top);
    match &page {
        Page::Overview => overview(app, m, theme, frame, body),
        Page::Program(path) => {
            if let Some(b) = app.board_index(path).map(|i| &app.boards[i])
                && let (Some(p), Some(a)) = (&b.program, &b.assessment)
            {
                program(app, m, p, a, theme, frame, body);
            }
        }
        Page::Deadlines => deadlines(app, m, theme, frame, body),
        Page::Owners => super::owners::meeting_page(app, theme, frame, body),
    }
    let t = app.texts();
    let hint_text = app
        .notice
        .clone()
        .unwrap_or_else(|| t.meeting_keys.to_owned());
    let banner = app
        .errors()
        .first()
        .map(|d| format!("✗ {}", d.brief(app.settings.lang)));
    let (text_line, style) = match banner {
        Some(b) => (b, theme.banner_error),
        None => (hint_text, theme.muted),
    };
    frame.render_widget(
        Span::styled(
            fit(&format!(" {}", sanitize(&text_line)), hint.width as usize),
            style,
        ),
        hint,
    );
    time_left(m, theme, frame, bar);
}

fn top_bar(app: &App, m: &Meeting, page: &Page, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = app.texts();
    let pages = app.meeting_pages();
    let name = match page {
        Page::Overview => t.tab_overview.to_owned(),
        Page::Program(path) => app
            .board_index(path)
            .map(|i| app.boards[i].title())
            .unwrap_or_default(),
        Page::Deadlines => t.tab_deadlines.to_owned(),
        Page::Owners => t.lists().tab_owners.to_owned(),
    };
    // Paused first: it is what a presenter must not miss.
    let pause = if m.paused {
        format!(" ⏸ {} ·", t.meeting_paused)
    } else {
        String::new()
    };
    let left = format!(
        "{pause} {}/{} {} · {}",
        m.page.min(pages.len() - 1) + 1,
        pages.len(),
        sanitize(&name),
        t.meeting_title,
    );
    let date = if area.width >= 120 {
        format!(
            "{}{}  ",
            (t.date)(app.today),
            super::chrome::example_note(app)
        )
    } else {
        String::new()
    };
    let right = format!(
        " {date}{}  ·  {} {} ",
        m.now.format("%H:%M:%S"),
        t.data_as_of,
        app.data_as_of.format("%H:%M")
    );
    let rw = width(&right) as u16;
    let lw = area.width.saturating_sub(rw);
    let left_style = if m.paused {
        theme.due_soon
    } else {
        theme.title
    };
    frame.render_widget(
        Span::styled(fit(&left, lw as usize), left_style),
        Rect { width: lw, ..area },
    );
    frame.render_widget(
        Span::styled(right, theme.header),
        Rect::new(area.x + lw, area.y, rw.min(area.width), 1),
    );
}

/// A slim bar that shrinks as the page's time runs out.
fn time_left(m: &Meeting, theme: &Theme, frame: &mut Frame, area: Rect) {
    let total = m.cycle.num_milliseconds().max(1);
    let left = m.left().num_milliseconds();
    let filled = (area.width as i64 * left / total) as usize;
    let rest = area.width as usize - filled.min(area.width as usize);
    let style = if m.paused { theme.muted } else { theme.key };
    frame.render_widget(
        Line::from(vec![
            Span::styled("━".repeat(filled.min(area.width as usize)), style),
            Span::styled("─".repeat(rest), theme.border),
        ]),
        area,
    );
}

/// Big figures side by side, each with its label under it, centred in `area`.
fn figures(
    items: &[(String, &str, Style)],
    scale: u16,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> u16 {
    let gap = 6 * scale;
    let widths: Vec<u16> = items
        .iter()
        .map(|(v, l, _)| bigtext::width(v, scale).max(width(l) as u16))
        .collect();
    let total: u16 = widths.iter().sum::<u16>() + gap * (items.len() as u16).saturating_sub(1);
    let h = bigtext::HEIGHT * scale + 1;
    if total > area.width || h > area.height {
        // Too narrow for blocks: one plain line of the same figures.
        let line: Vec<Span> = items
            .iter()
            .flat_map(|(v, l, st)| {
                [
                    Span::styled(format!("{l} "), theme.muted),
                    Span::styled(format!("{v}   "), *st),
                ]
            })
            .collect();
        frame.render_widget(
            Paragraph::new(Line::from(line)).alignment(Alignment::Center),
            area,
        );
        return 1;
    }
    let mut x = area.x + (area.width - total) / 2;
    for ((v, l, st), w) in items.iter().zip(widths) {
        let lines: Vec<Line> = bigtext::lines(v, scale)
            .into_iter()
            .map(|s| Line::from(Span::styled(s, *st)))
            .collect();
        let bw = bigtext::width(v, scale);
        let r = Rect::new(x + (w - bw) / 2, area.y, bw, bigtext::HEIGHT * scale);
        frame.render_widget(Paragraph::new(lines), r);
        let lr = Rect::new(x, area.y + bigtext::HEIGHT * scale, w, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(*l, theme.title)).alignment(Alignment::Center),
            lr,
        );
        x += w + gap;
    }
    h
}

fn pct(v: Option<i64>) -> String {
    v.map_or("-".to_owned(), |v| format!("{v}%"))
}

fn since_tag(app: &App, s: Option<Since>, theme: &Theme) -> Cell {
    let t = app.texts();
    match s {
        Some(Since::SignedOff) => text(t.since_signed_off, theme.changed),
        Some(Since::Overdue) => text(t.since_overdue, theme.overdue),
        Some(Since::StatusChanged) => text(t.since_status, theme.changed),
        Some(Since::New) => text(t.since_new, theme.changed),
        None => Cell::Empty,
    }
}

/// Below this many rows the big figures give their room to the lists, as one line.
const ROOM_FOR_BIG_FIGURES: u16 = 30;

/// Where the figures go: the whole body when it has room for block digits, else one line.
fn figure_room(body: Rect) -> Rect {
    if body.height < ROOM_FOR_BIG_FIGURES {
        Rect { height: 1, ..body }
    } else {
        body
    }
}

fn overview(app: &App, m: &Meeting, theme: &Theme, frame: &mut Frame, body: Rect) {
    let t = app.texts();
    let s = scale(frame.area());
    let tot = app.totals();
    let od = if tot.overdue > 0 {
        theme.overdue
    } else {
        theme.finished
    };
    let items = [
        (pct(tot.finished_pct), t.meeting_done, theme.gauge_filled),
        (
            tot.signed_off.to_string(),
            t.meeting_signed_off,
            theme.status(StatusKind::SignedOff),
        ),
        (tot.overdue.to_string(), t.meeting_overdue, od),
        (tot.measures.to_string(), t.meeting_measures, theme.text),
    ];
    let used = figures(&items, s, theme, frame, figure_room(body));
    // What moved since the meeting began, the first thing people ask after the totals.
    let mut counts = [0usize; 4];
    for b in &app.boards {
        let Some(p) = &b.program else { continue };
        for ms in &p.measures {
            if let Some(k) = m.since(&p.id, ms, app.today) {
                counts[k as usize] += 1;
            }
        }
    }
    let counted = format!(
        "{} {} · {} {} · {} {} · {} {}",
        t.since_signed_off,
        counts[0],
        t.since_overdue,
        counts[1],
        t.since_status,
        counts[2],
        t.since_new,
        counts[3]
    );
    let since = (t.labelled)(t.meeting_since, &counted);
    let sy = body.y + used + 1;
    if sy < body.bottom() {
        frame.render_widget(
            Paragraph::new(Span::styled(since, theme.header)).alignment(Alignment::Center),
            Rect::new(body.x, sy, body.width, 1),
        );
    }
    let list = centre(
        Rect::new(
            body.x,
            sy + 2,
            body.width,
            body.bottom().saturating_sub(sy + 2),
        ),
        MAX_LIST,
    );
    let rows: Vec<usize> = (0..app.boards.len())
        .filter(|&i| app.boards[i].program.is_some())
        .collect();
    // What needs attention goes under the programs; the programs spread out only when that
    // list fits all the same.
    let trouble = super::overview::attention(app, theme, list.width, u16::MAX).len();
    let spacing = if list.height as usize >= rows.len() * 2 + 2 + trouble {
        2
    } else {
        1
    };
    let cols = [
        Col::fixed("", t.health_width() + 2, 10),
        Col::flex("", 26, 10).weight(2),
        Col::flex("", 16, 6),
        Col::fixed("", 10, 8),
    ];
    let fitted = table::fit_columns(&cols, list.width.saturating_sub(4));
    for (n, &bi) in rows.iter().enumerate() {
        let y = list.y + (n * spacing) as u16;
        if y >= list.bottom() {
            break;
        }
        let b = &app.boards[bi];
        let (Some(p), Some(a)) = (&b.program, &b.assessment) else {
            continue;
        };
        let od = if a.overdue > 0 {
            theme.overdue
        } else {
            theme.muted
        };
        let cells = vec![
            text(
                format!("{} {}", a.health.symbol(), (t.health)(a.health)),
                theme.health(a.health),
            ),
            text(format!("{}  {}", n + 1, sanitize(&p.title)), theme.title),
            Cell::Gauge(a.completion()),
            text(format!("{} {}", t.meeting_overdue, a.overdue), od),
        ];
        let line = table::row(&cols, &fitted, cells, theme.text, theme);
        frame.render_widget(
            line,
            Rect::new(list.x + 2, y, list.width.saturating_sub(4), 1),
        );
    }
    let att_y = list.y + (rows.len() * spacing) as u16 + 1;
    if att_y + 1 < list.bottom() {
        let area = Rect::new(list.x, att_y, list.width, list.bottom() - att_y);
        let mut lines = vec![Line::from(Span::styled(
            format!(" {}", (t.attention)(app.settings.due_soon_days)),
            theme.header,
        ))];
        lines.extend(super::overview::attention(
            app,
            theme,
            area.width,
            area.height - 1,
        ));
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// Measures a meeting should see first: what changed, what is late or stuck, what is due.
fn urgency(app: &App, m: &Meeting, p: &Program, ms: &Measure) -> (u8, i64) {
    let days = schedule::days_left(ms, app.today);
    let rank = if m.since(&p.id, ms, app.today).is_some() {
        0
    } else if schedule::is_overdue(ms, app.today) {
        1
    } else if ms.status.kind() == StatusKind::Blocked {
        2
    } else if schedule::is_due_soon(ms, app.today, app.settings.due_soon_days) {
        3
    } else if ms.status.is_finished() {
        5
    } else {
        4
    };
    (rank, days)
}

fn measure_rows(
    app: &App,
    m: &Meeting,
    rows: &[(&Program, &Measure)],
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    with_program: bool,
) {
    let t = app.texts();
    let due_w = short_date_width(rows.iter().map(|&(p, ms)| (ms.effective_due(), p)));
    // The mark of what changed since the meeting began takes room only when there is one, and
    // the program only when the rows come from several.
    let marked = rows
        .iter()
        .any(|(p, ms)| m.since(&p.id, ms, app.today).is_some());
    let wanted = [marked, with_program, true, true, true, true, true, true];
    let keep = |i: usize| wanted[i];
    let all = [
        Col::fixed("", t.since_width().max(10), 10),
        Col::flex(t.col_program, 14, 5),
        Col::fixed(t.col_id, 6, 7),
        Col::flex(t.col_measure, 18, 10).weight(3),
        // Who answers for it stays at every size: the meeting asks them.
        Col::flex(t.col_owner, 12, 8),
        Col::fixed(t.col_due, due_w, 6),
        Col::fixed(t.col_days, 8, 9).right(),
        Col::fixed(t.col_status, t.status_width(), 9),
    ];
    let cols: Vec<Col> = all
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| keep(i).then_some(c))
        .collect();
    let title_col = (0..3).filter(|&i| keep(i)).count();
    let fitted = table::fit_columns(&cols, area.width.saturating_sub(2));
    frame.render_widget(
        table::header(&cols, &fitted, theme.header),
        Rect::new(area.x + 1, area.y, area.width.saturating_sub(2), 1),
    );
    let room = usize::from(area.height.saturating_sub(1));
    // A blocked measure takes a second line for what blocks it.
    let lines_of = |ms: &Measure| 1 + usize::from(matches!(ms.status, Status::Blocked(_)));
    let mut y = area.y + 1;
    let mut used = 0;
    for (n, (p, ms)) in rows.iter().enumerate() {
        let need = lines_of(ms);
        let rest: usize = rows[n..].iter().map(|(_, ms)| lines_of(ms)).sum();
        if used + rest > room && used + need + 1 > room {
            let more = (t.and_more)(rows.len() - n);
            frame.render_widget(
                Span::styled(format!("  {more}"), theme.muted),
                Rect::new(area.x + 1, y, area.width.saturating_sub(2), 1),
            );
            break;
        }
        used += need;
        let days = schedule::days_left(ms, app.today);
        let fin = ms.status.is_finished();
        let kind = ms.status.kind();
        let cells = [
            since_tag(app, m.since(&p.id, ms, app.today), theme),
            text(sanitize(&p.title), theme.muted),
            text(sanitize(&ms.id), theme.key),
            text(sanitize(&ms.title), theme.text),
            text(sanitize(&ms.owner), theme.muted),
            text(short_date(ms.effective_due(), p), theme.text),
            text(
                if fin {
                    "—".to_owned()
                } else {
                    (t.days_short)(days)
                },
                theme.deadline(days, fin, app.settings.due_soon_days),
            ),
            text((t.status)(kind), theme.status(kind)),
        ];
        let cells = cells
            .into_iter()
            .enumerate()
            .filter_map(|(i, c)| keep(i).then_some(c))
            .collect();
        let line = table::row(&cols, &fitted, cells, theme.text, theme);
        let row = |y| Rect::new(area.x + 1, y, area.width.saturating_sub(2), 1);
        frame.render_widget(line, row(y));
        y += 1;
        if let Status::Blocked(reason) = &ms.status {
            // Under the measure's title, where the eye already is.
            let indent: u16 = fitted
                .iter()
                .take_while(|(i, _)| *i != title_col)
                .map(|(_, w)| w + 1)
                .sum();
            let said = (t.labelled)(t.detail_blocked, &sanitize(reason));
            let r = row(y);
            let r = Rect {
                x: r.x + indent.min(r.width),
                width: r.width.saturating_sub(indent),
                ..r
            };
            frame.render_widget(
                Span::styled(
                    fit(&format!("↳ {said}"), r.width as usize),
                    theme.status(kind),
                ),
                r,
            );
            y += 1;
        }
    }
}

fn program(
    app: &App,
    m: &Meeting,
    p: &Program,
    a: &Assessment,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
) {
    let t = app.texts();
    let s = scale(frame.area());
    let head = Line::from(vec![
        Span::styled(format!("{} ", sanitize(&p.title)), theme.title),
        Span::styled(
            format!(" {} {} ", a.health.symbol(), (t.health)(a.health)),
            theme.health(a.health),
        ),
        Span::styled(format!("  {} {}", t.lead, sanitize(&p.lead)), theme.muted),
    ]);
    frame.render_widget(
        Paragraph::new(head).alignment(Alignment::Center),
        Rect { height: 1, ..body },
    );
    let od = if a.overdue > 0 {
        theme.overdue
    } else {
        theme.finished
    };
    let items = [
        (pct(a.completion()), t.meeting_done, theme.gauge_filled),
        (
            a.count(StatusKind::SignedOff).to_string(),
            t.meeting_signed_off,
            theme.status(StatusKind::SignedOff),
        ),
        (a.overdue.to_string(), t.meeting_overdue, od),
    ];
    let fig = Rect::new(
        body.x,
        body.y + 2,
        body.width,
        body.height.saturating_sub(2),
    );
    let used = figures(&items, s, theme, frame, figure_room(fig));
    let strip = centre(
        Rect::new(
            body.x + 1,
            fig.y + used + 1,
            body.width.saturating_sub(2),
            4,
        ),
        MAX_LIST,
    );
    if strip.bottom() <= body.bottom() {
        milestones::render(app, theme, frame, strip, p);
    }
    let list_y = strip.bottom() + 1;
    let list = centre(
        Rect::new(
            body.x,
            list_y,
            body.width,
            body.bottom().saturating_sub(list_y),
        ),
        MAX_LIST,
    );
    let mut rows: Vec<(&Program, &Measure)> = p.measures.iter().map(|ms| (p, ms)).collect();
    rows.sort_by_key(|(p, ms)| urgency(app, m, p, ms));
    measure_rows(app, m, &rows, theme, frame, list, false);
}

fn deadlines(app: &App, m: &Meeting, theme: &Theme, frame: &mut Frame, body: Rect) {
    let t = app.texts();
    let s = scale(frame.area());
    let rows = app.deadline_rows();
    let count = |b| rows.iter().filter(|r| r.bucket == b).count();
    let od = count(Bucket::Overdue);
    let week = (t.bucket_week)(app.settings.due_soon_days);
    let items = [
        (
            od.to_string(),
            t.bucket_overdue,
            if od > 0 {
                theme.overdue
            } else {
                theme.finished
            },
        ),
        (
            count(Bucket::Week).to_string(),
            week.as_str(),
            theme.due_soon,
        ),
        (count(Bucket::Month).to_string(), t.bucket_month, theme.text),
    ];
    let used = figures(&items, s, theme, frame, figure_room(body));
    let list = centre(
        Rect::new(
            body.x,
            body.y + used + 1,
            body.width,
            body.height.saturating_sub(used + 1),
        ),
        MAX_LIST,
    );
    // Every bucket the figures above count, most urgent first; what does not fit is counted.
    let pairs: Vec<(&Program, &Measure)> = rows
        .iter()
        .filter_map(|r| {
            let p = app.boards[r.board].program.as_ref()?;
            Some((p, &p.measures[r.measure]))
        })
        .collect();
    measure_rows(app, m, &pairs, theme, frame, list, true);
}
