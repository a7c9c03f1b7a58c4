//! The changes overlay: what moved since the snapshot of the last meeting, program by program.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::short_date;
use super::table::clip;
use crate::app::App;
use crate::domain::{Date, StatusKind};
use crate::i18n::Texts;
use crate::report::since::{self, MeasureRef};
use crate::text::{fit, sanitize};
use crate::theme::Theme;

/// One change: its tag in a column as wide as the language's widest tag, then the measure.
fn item(
    t: &Texts,
    tag: &str,
    style: Style,
    m: &MeasureRef,
    detail: String,
    theme: &Theme,
) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("  {} ", fit(tag, usize::from(t.since_width().max(10)))),
            style,
        ),
        Span::styled(format!("{} ", sanitize(&m.id)), theme.key),
        Span::styled(sanitize(&m.title), theme.text),
        Span::styled(detail, theme.muted),
    ])
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let Some(snapshot) = &app.since else { return };
    let t = app.texts();
    let programs: Vec<_> = app
        .boards
        .iter()
        .filter_map(|b| b.program.clone())
        .collect();
    let changes = since::diff(snapshot, &programs, app.today);
    let status =
        |code: &str| StatusKind::parse(code).map_or(code.to_owned(), |k| (t.status)(k).to_owned());
    let mut lines = Vec::new();
    for p in changes.programs.iter().filter(|p| !p.is_empty()) {
        // A program gone from the folder has no start year to shorten its dates by.
        let program = programs.iter().find(|q| q.id == p.id);
        let short = |d: Date| program.map_or_else(|| d.to_string(), |q| short_date(d, q));
        lines.push(Line::from(Span::styled(sanitize(&p.title), theme.header)));
        for s in &p.signed_off {
            let by = s.by.as_deref().map(sanitize).unwrap_or_default();
            let on = s.on.map(short).unwrap_or_default();
            lines.push(item(
                t,
                t.since_signed_off,
                theme.status(StatusKind::SignedOff),
                &s.measure,
                format!("  {on} {by}"),
                theme,
            ));
        }
        for o in &p.newly_overdue {
            lines.push(item(
                t,
                t.since_overdue,
                theme.overdue,
                &o.measure,
                format!("  {}", (t.days_left)(-o.days_overdue)),
                theme,
            ));
        }
        for c in &p.status_changes {
            let detail = format!("  {} → {}", status(&c.from.code), status(&c.to.code));
            lines.push(item(
                t,
                t.since_status,
                theme.changed,
                &c.measure,
                detail,
                theme,
            ));
        }
        for d in &p.deadline_changes {
            let detail = format!(
                "  {} → {}{}",
                short(d.from),
                short(d.to),
                (t.aside)(&(t.revised_times)(d.slips))
            );
            lines.push(item(
                t,
                t.since_slip,
                theme.due_soon,
                &d.measure,
                detail,
                theme,
            ));
        }
        for a in &p.added {
            lines.push(item(
                t,
                t.since_new,
                theme.changed,
                &a.measure,
                String::new(),
                theme,
            ));
        }
        for r in &p.removed {
            lines.push(item(
                t,
                t.since_removed,
                theme.muted,
                r,
                String::new(),
                theme,
            ));
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(t.since_nothing, theme.muted)));
    }
    let area = frame.area();
    let w = area.width.saturating_sub(4).min(120);
    let r = crate::app::layout::centered(area, w, lines.len() as u16 + 2);
    let title = format!(
        " {} · {} → {} ",
        t.since_title,
        (t.date)(changes.snapshot_taken),
        (t.date)(changes.today)
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.key)
        .title(Span::styled(title, theme.title))
        .title_bottom(Span::styled(" c / Esc ", theme.muted));
    let inner_w = w.saturating_sub(3) as usize;
    let shown = r.height.saturating_sub(2) as usize;
    let total = lines.len();
    let mut lines: Vec<Line> = lines
        .into_iter()
        .take(shown)
        .map(|l| clip(l, inner_w))
        .collect();
    if total > shown
        && let Some(last) = lines.last_mut()
    {
        *last = Line::from(Span::styled(
            format!("… +{}", total - shown + 1),
            theme.muted,
        ));
    }
    super::clear_popup(frame, r);
    frame.render_widget(Paragraph::new(lines).block(block), r);
}
