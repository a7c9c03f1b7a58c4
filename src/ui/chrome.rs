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
        let title = s.title(t);
        let label = if usize::from(r.width) > crate::text::width(title) {
            fit(&format!(" {title} "), r.width as usize)
        } else {
            fit(title, r.width as usize)
        };
        frame.render_widget(Span::styled(label, style), r);
    }
    let ro = if app.settings.read_only {
        format!("{} · ", t.read_only_tag)
    } else {
        String::new()
    };
    let l = t.lists();
    let date = (t.date)(app.today);
    // A board narrowed to one unit says so where the eye goes first.
    let owner = app
        .filter
        .owner
        .as_deref()
        .map(|u| format!("{} · ", (t.labelled)(l.owner_filter, &sanitize(u))))
        .unwrap_or_default();
    let title = match app.settings.lang {
        crate::i18n::Lang::Zh => app.settings.title.as_deref(),
        crate::i18n::Lang::En => app.settings.title_en.as_deref(),
    }
    .map_or(t.app_title.to_owned(), sanitize);
    // The data's own date, not today's, for archived or example data: said as such.
    let day = match app.settings.day {
        crate::app::DaySource::Today => format!("{} {date}", t.today),
        crate::app::DaySource::AsOf { .. } => format!("{} {date}", l.as_of),
    };
    let example = example_note(app);
    // The date matters more than the title: the title goes first when room is short, then
    // the word before the date.
    let choices = [
        format!("{ro}{owner}{title} · {day}{example} "),
        format!("{ro}{owner}{day}{example} "),
        // Example data stays said before the word for the date goes: nobody must take it
        // for the office's own.
        format!("{ro}{owner}{date}{example} "),
        format!("{ro}{owner}{day} "),
        format!("{ro}{owner}{date} "),
        format!("{owner}{date} "),
        format!("{date} "),
    ];
    let tabs_end = layout::tabs(app).last().map_or(0, |(r, _)| r.right());
    let room = area.right().saturating_sub(tabs_end + 2) as usize;
    if room > 0 {
        let right = choices
            .iter()
            .find(|c| width(c) <= room)
            .cloned()
            .unwrap_or_else(|| crate::text::truncate(&choices[6], room));
        let w = width(&right) as u16;
        let r = Rect::new(area.right() - w, area.y, w, 1);
        frame.render_widget(Span::styled(right, theme.muted), r);
    }
}

/// ` · 示例数据` after the date where the boards are the shipped examples, else nothing: said
/// wherever the date is, so nobody takes the figures for the office's own.
pub fn example_note(app: &App) -> String {
    match app.settings.day {
        crate::app::DaySource::AsOf { example: true } => {
            format!(" · {}", app.texts().lists().example_data)
        }
        _ => String::new(),
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
        let l = t.lists();
        if let Some(d) = app.filter.deadline {
            let (word, style) = match d {
                crate::app::DeadlineFilter::Overdue => (t.bucket_overdue.to_owned(), theme.overdue),
                crate::app::DeadlineFilter::DueSoon => {
                    ((l.due_within)(app.settings.due_soon_days), theme.due_soon)
                }
            };
            left.push(Span::styled(label(l.deadline_filter), theme.key));
            left.push(Span::styled(word, style));
        }
        if let Some(u) = &app.filter.owner {
            left.push(Span::styled(label(l.owner_filter), theme.key));
            left.push(Span::styled(sanitize(u), theme.text));
        }
        left.push(Span::styled(format!("   {}", t.filter_clear), theme.muted));
    } else {
        let hint = match app.screen {
            crate::app::Screen::Program if !app.settings.read_only => t.hint_program,
            s @ (crate::app::Screen::Owners | crate::app::Screen::Problems) => {
                if app.drill(s).is_some() {
                    t.lists().hint_drill
                } else if s == crate::app::Screen::Owners {
                    t.lists().hint_owners
                } else {
                    t.hint_browse
                }
            }
            _ => t.hint_browse,
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
