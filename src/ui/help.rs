//! The help overlay: every key of the current screen, from the keymap's own table.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::App;
use crate::app::layout::help_dialog;
use crate::text::fit;
use crate::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let t = app.texts();
    let lang = app.settings.lang;
    let dialog = help_dialog(app);
    let key_w = dialog.key_w;
    let r = dialog.rect;
    // Where the keys do not all fit, the list scrolls, and the bottom line says so.
    let scroll = app.help_scroll.min(dialog.scroll_max());
    let more = dialog.rows > dialog.visible;
    let close = if more {
        format!(" {} · {} ", t.help_close, t.help_more)
    } else {
        format!(" {} ", t.help_close)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.key)
        .title(Span::styled(
            format!(" {} · {} ", t.help_title, app.screen.title(t)),
            theme.title,
        ))
        .title_bottom(Span::styled(close, theme.muted));
    let inner_w = r.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = dialog
        .bindings
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
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .style(theme.text)
            .scroll((scroll, 0)),
        r,
    );
}
