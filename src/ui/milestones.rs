//! The milestone strip: the program's span on a time axis, each milestone placed by its date
//! with its state, and a marker for today.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::short_date;
use crate::app::App;
use crate::domain::{Date, Milestone, Program};
use crate::text::{sanitize, width};
use crate::theme::Theme;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Done,
    Missed,
    Upcoming,
}

fn state(m: &Milestone, today: Date) -> State {
    match m.done {
        Some(_) => State::Done,
        None if m.due < today => State::Missed,
        None => State::Upcoming,
    }
}

/// A symbol as well as a colour for each state.
fn symbol(s: State) -> &'static str {
    match s {
        State::Done => "✓",
        State::Missed => "✗",
        State::Upcoming => "◇",
    }
}

fn style(s: State, theme: &Theme) -> Style {
    match s {
        State::Done => theme.milestone_done,
        State::Missed => theme.milestone_missed,
        State::Upcoming => theme.milestone_upcoming,
    }
}

/// Column of `d` on an axis of `len` cells spanning start..=due.
fn column(p: &Program, d: Date, len: usize) -> usize {
    let span = p.start.days_until(p.due).max(1);
    let at = p.start.days_until(d).clamp(0, span);
    ((at * (len as i64 - 1) + span / 2) / span) as usize
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, p: &Program) {
    let t = app.texts();
    let w = area.width as usize;
    let left = format!(" {} ", short_date(p.start, p));
    let right = format!(" {}", short_date(p.due, p));
    let len = w.saturating_sub(width(&left) + width(&right) + 1);
    if len < 10 {
        return;
    }
    // The axis, then milestones (numbered) and today drawn over it.
    let mut cells: Vec<(String, Style)> = vec![("─".to_owned(), theme.border); len];
    let today_col = (p.start..=p.due)
        .contains(&app.today)
        .then(|| column(p, app.today, len));
    if let Some(c) = today_col {
        cells[c] = ("┃".to_owned(), theme.today_marker);
    }
    let title = Span::styled(format!(" {}", t.milestones), theme.header);
    let mut legend = vec![Span::raw(" ")];
    for (i, m) in p.milestones.iter().enumerate() {
        let s = state(m, app.today);
        let mut c = column(p, m.due, len);
        // Two milestones on one cell: move the later one right while there is room.
        while c + 1 < len && cells[c].0.chars().all(|ch| ch.is_ascii_digit()) {
            c += 1;
        }
        let n = ((i + 1) % 10).to_string();
        cells[c] = (
            n.clone(),
            style(s, theme).add_modifier(ratatui::style::Modifier::BOLD),
        );
        legend.push(Span::styled(
            format!("{n}{}{} ", symbol(s), short_date(m.due, p)),
            style(s, theme),
        ));
        legend.push(Span::styled(
            format!("{}   ", sanitize(&m.title)),
            theme.text,
        ));
    }
    let mut axis = vec![Span::styled(left.clone(), theme.muted)];
    axis.extend(cells.into_iter().map(|(s, st)| Span::styled(s, st)));
    axis.push(Span::styled(right, theme.muted));

    let mut marker = String::new();
    if let Some(c) = today_col {
        let label = format!("▲ {} {}", t.today, short_date(app.today, p));
        let start = (width(&left) + c).min(w.saturating_sub(width(&label)));
        marker = format!("{}{label}", " ".repeat(start));
    }
    let lines = vec![
        Line::from(title),
        Line::from(axis),
        Line::from(Span::styled(marker, theme.today_marker)),
        super::table::clip(Line::from(legend), w),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}
