//! What surrounds every screen: tabs, the error banner, the status line, and the message for a
//! terminal too small to hold the board.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::app::layout::{self, MIN_SIZE};
use crate::text::{fit, sanitize, width};
use crate::theme::Theme;

pub fn header(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = app.texts();
    for (r, s) in layout::tabs(app) {
        let style = if s == app.screen {
            theme.tab_active
        } else {
            theme.tab
        };
        let label = fit(&format!(" {} ", s.title(t)), r.width as usize);
        frame.render_widget(Span::styled(label, style), r);
    }
    let ro = if app.settings.read_only {
        format!("{} · ", t.read_only_tag)
    } else {
        String::new()
    };
    let date = (t.date)(app.today);
    // Today's date matters more than the app's name: the name goes first when room is short.
    let choices = [
        format!("{ro}{} · {} {date} ", t.app_title, t.today),
        format!("{ro}{} {date} ", t.today),
        format!("{ro}{date} "),
        format!("{date} "),
    ];
    let tabs_end = layout::tabs(app).last().map_or(0, |(r, _)| r.right());
    let room = area.right().saturating_sub(tabs_end + 2) as usize;
    if room > 0 {
        let right = choices
            .iter()
            .find(|c| width(c) <= room)
            .cloned()
            .unwrap_or_else(|| crate::text::truncate(&choices[3], room));
        let w = width(&right) as u16;
        let r = Rect::new(area.right() - w, area.y, w, 1);
        frame.render_widget(Span::styled(right, theme.muted), r);
    }
}

pub fn banner(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let errors = app.errors();
    let lang = app.settings.lang;
    let lines = area.height as usize;
    for (i, d) in errors.iter().take(lines).enumerate() {
        let brief = sanitize(&format!(" ✗ {}", d.brief(lang)));
        let text = if i + 1 == lines && errors.len() > lines {
            // The count of the errors not shown stays in view: the message is cut instead.
            let t = app.texts();
            let more = (t.aside)(&(t.more_errors)(errors.len() - lines));
            let room = usize::from(area.width).saturating_sub(width(&more));
            format!("{}{more}", crate::text::truncate(&brief, room))
        } else {
            brief
        };
        let r = Rect::new(area.x, area.y + i as u16, area.width, 1);
        let line = fit(&text, area.width as usize);
        frame.render_widget(Span::styled(line, theme.banner_error), r);
    }
}

pub fn status_line(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = app.texts();
    let mut right = String::new();
    if let Some(note) = &app.watch_note {
        right.push_str(&format!(" {} ·", sanitize(note)));
    }
    if let Some(c) = &app.last_change {
        right.push_str(&format!(" {} {} ·", sanitize(&c.file), (t.change)(c.kind)));
    }
    right.push_str(&format!(
        " {} {} ",
        t.data_as_of,
        app.data_as_of.format("%H:%M:%S")
    ));
    let rw = width(&right) as u16;
    let lw = area.width.saturating_sub(rw);
    let label = |s: &str| format!(" {}", (t.labelled)(s, ""));
    let mut left: Vec<Span> = Vec::new();
    if app.filter.editing {
        left.push(Span::styled(label(t.filter_prompt), theme.key));
        left.push(Span::styled(sanitize(&app.filter.text), theme.text));
        left.push(Span::styled("▏", theme.key));
        left.push(Span::styled(format!("   {}", t.hint_filter), theme.muted));
    } else if let Some(n) = &app.notice {
        left.push(Span::styled(format!(" {}", sanitize(n)), theme.due_soon));
    } else if app.filter.is_active() {
        if !app.filter.text.is_empty() {
            left.push(Span::styled(label(t.filter_prompt), theme.key));
            left.push(Span::styled(sanitize(&app.filter.text), theme.text));
        }
        if let Some(s) = app.filter.status {
            left.push(Span::styled(label(t.filter_status), theme.key));
            left.push(Span::styled((t.status)(s), theme.status(s)));
        }
        left.push(Span::styled(format!("   {}", t.filter_clear), theme.muted));
    } else {
        let hint = if app.screen == crate::app::Screen::Program && !app.settings.read_only {
            t.hint_program
        } else {
            t.hint_browse
        };
        // A space before, two between it and the right part.
        let hint = whole_items(hint, usize::from(lw).saturating_sub(3));
        left.push(Span::styled(format!(" {hint}"), theme.muted));
    }
    let mut line = Line::from(left);
    // Cut the left part so the time on the right always shows.
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if width(&text) > lw as usize {
        line = Line::from(Span::styled(fit(&text, lw as usize), theme.muted));
    }
    frame.render_widget(line, Rect::new(area.x, area.y, lw, 1));
    frame.render_widget(
        Span::styled(right, theme.muted),
        Rect::new(area.x + lw, area.y, rw.min(area.width), 1),
    );
}

/// The items of a key hint (separated by two spaces, most important first) that fit in `w`
/// cells: a narrow terminal drops the last ones whole rather than cutting one in half.
fn whole_items(hint: &str, w: usize) -> String {
    let mut out = String::new();
    for item in hint.split("  ") {
        let next = if out.is_empty() {
            item.to_owned()
        } else {
            format!("{out}  {item}")
        };
        if width(&next) > w {
            break;
        }
        out = next;
    }
    out
}

pub fn too_small(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let msg = (app.texts().too_small)(MIN_SIZE, (area.width, area.height));
    let h = 3.min(area.height);
    let r = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(h) / 2,
        area.width,
        h,
    );
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(msg, theme.title)))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        r,
    );
}
