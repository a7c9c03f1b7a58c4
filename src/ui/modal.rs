//! The edit dialogs: a status picker, a text input with a real cursor, confirmations, and the
//! conflict and lost-edit questions.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::{App, InputKind, Modal};
use crate::describe;
use crate::domain::StatusKind;
use crate::text::{sanitize, truncate, width};
use crate::theme::Theme;

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2));
    let h = h.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, modal: &Modal) {
    let t = app.texts();
    let lang = app.settings.lang;
    let (title, mut lines, keys, h): (String, Vec<Line>, &str, u16) = match modal {
        Modal::StatusPicker { target, selected } => {
            let lines = StatusKind::ALL
                .iter()
                .enumerate()
                .map(|(i, &k)| {
                    let mark = if i == *selected { "▶ " } else { "  " };
                    let style = if i == *selected {
                        theme.selection
                    } else {
                        theme.text
                    };
                    Line::from(vec![
                        Span::styled(mark, theme.key),
                        Span::styled((t.status)(k), theme.status(k).patch(style)),
                    ])
                })
                .collect();
            (
                format!("{} · {}", t.edit_status, target.measure),
                lines,
                t.picker_keys,
                7,
            )
        }
        Modal::Input {
            target,
            kind,
            input,
            error,
        } => {
            let label = match kind {
                InputKind::Progress => t.edit_progress,
                InputKind::Note => t.edit_note,
                InputKind::Due => t.edit_due,
                InputKind::BlockedReason => t.edit_reason,
            };
            let mut lines = vec![Line::from(Span::styled(sanitize(&input.text), theme.text))];
            if let Some(e) = error {
                lines.push(Line::from(Span::styled(e.clone(), theme.overdue)));
            }
            (
                format!("{label} · {}", target.measure),
                lines,
                t.modal_keys,
                6,
            )
        }
        Modal::ConfirmSignOff { target } => (
            format!("{} · {}", t.sign_off_title, target.measure),
            vec![Line::from(Span::styled(t.confirm_sign_off, theme.text))],
            t.confirm_keys,
            5,
        ),
        Modal::Conflict {
            target, conflicts, ..
        } => {
            let mut lines = Vec::new();
            for c in conflicts {
                lines.push(Line::from(Span::styled(
                    describe::field(c.field, lang),
                    theme.header,
                )));
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("  {}", (t.labelled)(t.conflict_theirs, "")),
                        theme.muted,
                    ),
                    Span::styled(sanitize(&describe::value(&c.theirs, lang)), theme.due_soon),
                ]));
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("  {}", (t.labelled)(t.conflict_ours, "")),
                        theme.muted,
                    ),
                    Span::styled(sanitize(&describe::value(&c.ours, lang)), theme.key),
                ]));
            }
            let h = lines.len() as u16 + 4;
            (
                format!("{} · {}", t.conflict_title, target.measure),
                lines,
                t.conflict_keys,
                h,
            )
        }
        Modal::Lost { target, edit } => {
            let lines = vec![Line::from(Span::styled(
                sanitize(&describe::edit(edit, lang)),
                theme.key,
            ))];
            (
                format!("{} · {}", t.lost_title, target.measure),
                lines,
                t.lost_keys,
                6,
            )
        }
    };
    let area = frame.area();
    // As wide as the content asks: the title, the key line, the text; inputs get room to type.
    let content = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| width(&s.content)).sum::<usize>())
        .chain([width(&title) + 4, width(keys) + 4])
        .max()
        .unwrap_or(0) as u16
        + 4;
    let w = match modal {
        Modal::Input { .. } => (area.width * 3 / 4).clamp(40, 90),
        _ => content.clamp(30, 100),
    };
    let r = centered(area, w, h);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.key)
        .title(Span::styled(
            format!(" {} ", truncate(&sanitize(&title), w as usize - 4)),
            theme.title,
        ))
        .title_bottom(Span::styled(format!(" {keys} "), theme.muted));
    let inner = block.inner(r);
    super::clear_popup(frame, r);
    frame.render_widget(block, r);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    if let Modal::Input { input, .. } = modal {
        // Long text scrolls so the cursor stays in view.
        let text = sanitize(&input.text);
        let cx = input.cursor_x();
        let room = inner.width.saturating_sub(1) as usize;
        let skip = cx.saturating_sub(room);
        let mut shown = String::new();
        let mut at = 0;
        for ch in text.chars() {
            let cw = width(&ch.to_string());
            if at >= skip && width(&shown) + cw <= room {
                shown.push(ch);
            }
            at += cw;
        }
        lines[0] = Line::from(Span::styled(shown, theme.text));
        frame.set_cursor_position(Position::new(inner.x + (cx - skip) as u16, inner.y));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
