//! Views: pure functions from the app state to a frame. They read the state and never change
//! it; scrolling and selection were settled by `update`.

mod bigtext;
mod chrome;
mod deadlines;
mod drill;
mod forms;
mod help;
mod meeting;
mod milestones;
mod modal;
mod overview;
mod owners;
mod problems;
mod program;
mod since;
mod table;

use chrono::Datelike;
use ratatui::Frame;

use crate::app::layout;
use crate::app::{App, Screen};
use crate::domain::{Date, Program};
use crate::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.text);
    screen(app, theme, frame);
    behind_everything(theme, frame);
}

/// Cells left in the terminal's own colours take the theme's pair instead: a theme's colours
/// were chosen against its own background, and the terminal's may be the opposite shade.
fn behind_everything(theme: &Theme, frame: &mut Frame) {
    let (fg, bg) = (theme.background.fg, theme.background.bg);
    if fg.is_none() && bg.is_none() {
        return;
    }
    for cell in &mut frame.buffer_mut().content {
        if let Some(bg) = bg
            && cell.bg == ratatui::style::Color::Reset
        {
            cell.bg = bg;
        }
        if let Some(fg) = fg
            && cell.fg == ratatui::style::Color::Reset
        {
            cell.fg = fg;
        }
    }
}

fn screen(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if layout::too_small((area.width, area.height)) {
        chrome::too_small(app, theme, frame);
        return;
    }
    if let Some(m) = &app.meeting {
        meeting::render(app, m, theme, frame);
        return;
    }
    let areas = layout::areas(app);
    chrome::header(app, theme, frame, areas.header);
    match app.screen {
        Screen::Overview => overview::render(app, theme, frame, areas.body),
        Screen::Program => program::render(app, theme, frame, areas.body),
        Screen::Deadlines => deadlines::render(app, theme, frame, areas.body),
        Screen::Owners => owners::render(app, theme, frame, areas.body),
        Screen::Problems => problems::render(app, theme, frame, areas.body),
    }
    chrome::banner(app, theme, frame, areas.banner);
    chrome::status_line(app, theme, frame, areas.status);
    if app.show_since {
        since::render(app, theme, frame);
    }
    if app.help {
        help::render(app, theme, frame);
    }
    if let Some(m) = &app.modal {
        modal::render(app, theme, frame, m);
    }
}

/// The columns of the table on screen, by heading, with their widths in cells: what a user
/// sees of the layout, for checking how it grows with the window. The progress bar and the
/// bare percentage that stands in for it share a heading and count as one column.
pub fn column_widths(app: &App) -> Vec<(String, u16)> {
    let width = layout::areas(app).body.width;
    let (cols, fitted) = match app.screen {
        Screen::Overview => overview::columns(app, width),
        Screen::Deadlines => deadlines::columns(app, width),
        Screen::Program => match app.current_board().and_then(|b| b.program.as_ref()) {
            Some(p) => program::columns(app, p, width),
            None => return Vec::new(),
        },
        s @ (Screen::Owners | Screen::Problems) if app.drill(s).is_some() => {
            drill::columns(app, &app.drill_rows(s), width)
        }
        Screen::Owners => owners::columns(app, &app.owner_list(), width),
        Screen::Problems => problems::columns(app, width),
    };
    let mut out: Vec<(String, u16)> = Vec::new();
    for (i, w) in fitted {
        let name = cols[i].header.trim().trim_end_matches('▾').to_owned();
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some(seen) => seen.1 = seen.1.max(w),
            None => out.push((name, w)),
        }
    }
    out
}

/// Clears the area of a popup. A double-width character that starts just left of it would
/// otherwise still be drawn by the terminal over the popup's left border, so it is blanked too.
pub(crate) fn clear_popup(frame: &mut Frame, r: ratatui::layout::Rect) {
    frame.render_widget(ratatui::widgets::Clear, r);
    let buf = frame.buffer_mut();
    for y in r.top()..r.bottom() {
        if r.x > buf.area.x {
            let left = &mut buf[(r.x - 1, y)];
            if crate::text::width(left.symbol()) > 1 {
                left.set_symbol(" ");
            }
        }
    }
}

/// `07-19` for a date in the program's year ([`Program::year`]), `2024-03-31` for any other:
/// compact enough for a table column, the same in both languages, and never a guess at the
/// year, whatever today is.
pub(crate) fn short_date(d: Date, p: &Program) -> String {
    if d.0.year() == p.year() {
        d.0.format("%m-%d").to_string()
    } else {
        d.to_string()
    }
}

/// Cells a column of [`short_date`]s takes: wider only when one of them shows its year, so a
/// table of one year's dates keeps its narrow column.
pub(crate) fn short_date_width<'a>(dates: impl IntoIterator<Item = (Date, &'a Program)>) -> u16 {
    let long = dates.into_iter().any(|(d, p)| d.0.year() != p.year());
    if long { 10 } else { 5 }
}
