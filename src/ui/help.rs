//! The help overlay: every key of the current screen, from the keymap's own table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::App;
use crate::app::keymap::BINDINGS;
use crate::text::{fit, width};
use crate::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let t = app.texts();
    let bindings: Vec<_> = BINDINGS.iter().filter(|b| b.applies(app.screen)).collect();
    let lang = app.settings.lang;
    let key_w = bindings
        .iter()
        .map(|b| width(b.keys(lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let text_w = bindings
        .iter()
        .map(|b| width(b.text(app.settings.lang)))
        .max()
        .unwrap_or(0);
    let area = frame.area();
    let w = ((key_w + text_w + 4) as u16).min(area.width.saturating_sub(2));
    let own = if app.settings.keys.is_empty() {
        0
    } else {
        app.settings.keys.len() + 1
    };
    let h = ((bindings.len() + own) as u16 + 2).min(area.height.saturating_sub(2));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.key)
        .title(Span::styled(
            format!(" {} · {} ", t.help_title, app.screen.title(t)),
            theme.title,
        ))
        .title_bottom(Span::styled(format!(" {} ", t.help_close), theme.muted));
    let inner_w = w.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {}", fit(b.keys(lang), key_w - 1)), theme.key),
                Span::styled(
                    fit(b.text(app.settings.lang), inner_w.saturating_sub(key_w)),
                    theme.text,
                ),
            ])
        })
        .collect();
    // The user's own keys from the config file, which take precedence over the ones above.
    if !app.settings.keys.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {}", t.own_keys),
            theme.header,
        )));
        for b in &app.settings.keys {
            lines.push(Line::from(vec![
                Span::styled(format!(" {}", fit(&b.key, key_w - 1)), theme.key),
                Span::styled(fit(&b.action, inner_w.saturating_sub(key_w)), theme.text),
            ]));
        }
    }
    super::clear_popup(frame, r);
    frame.render_widget(Paragraph::new(lines).block(block).style(theme.text), r);
}
