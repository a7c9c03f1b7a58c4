//! The edit dialogs: a status picker, a text input with a real cursor, confirmations, and the
//! conflict and lost-edit questions.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::dialog::{self, Role};
use crate::app::layout;
use crate::app::{App, InputKind, Modal};
use crate::domain::StatusKind;
use crate::text::{sanitize, truncate, width};
use crate::theme::Theme;

fn role_style(theme: &Theme, role: Role) -> Style {
    match role {
        Role::Heading => theme.header,
        Role::Label => theme.muted,
        Role::Base => theme.text,
        Role::Theirs => theme.due_soon,
        Role::Ours => theme.key,
        Role::Warning => theme.overdue,
    }
}

fn styled(theme: &Theme, lines: Vec<dialog::Line>) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .map(|l| {
            Line::from(
                l.into_iter()
                    .map(|(role, s)| Span::styled(sanitize(&s), role_style(theme, role)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, modal: &Modal) {
    let t = app.texts();
    let (title, mut lines, keys): (String, Vec<Line>, &str) = match modal {
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
            )
        }
        Modal::Input {
            target,
            kind,
            input: _,
            error,
        } => {
            let label = match kind {
                InputKind::Progress => t.edit_progress,
                InputKind::Note => t.edit_note,
                InputKind::Due => t.edit_due,
                InputKind::BlockedReason => t.edit_reason,
                InputKind::Reopen(_) => t.edit_reopen,
            };
            let mut lines = Vec::new();
            if let Some(e) = error {
                lines.push(Line::from(Span::styled(e.clone(), theme.overdue)));
            }
            (format!("{label} · {}", target.measure), lines, t.modal_keys)
        }
        Modal::ConfirmSignOff {
            target,
            name,
            again,
        } => {
            let lines = styled(
                theme,
                dialog::sign_off_lines(app, target, name.as_ref().map(|n| n.text.as_str()), *again),
            );
            let keys = if name.is_some() {
                t.name_keys
            } else {
                t.confirm_keys
            };
            (
                format!("{} · {}", t.sign_off_title, target.measure),
                lines,
                keys,
            )
        }
        Modal::Conflict {
            target,
            conflicts,
            scroll,
            ..
        } => {
            let Some(d) = layout::conflict_dialog(app) else {
                return;
            };
            let lines = styled(theme, dialog::conflict_lines(app, target, conflicts));
            let title = format!("{} · {}", t.conflict_title, target.measure);
            let inner = frame_dialog(frame, theme, d.rect, &title, t.conflict_keys);
            let scroll = (*scroll).min(d.rows.saturating_sub(d.visible));
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .scroll((scroll, 0)),
                inner,
            );
            return;
        }
        Modal::Form(form) => {
            super::forms::render_form(app, theme, frame, form);
            return;
        }
        Modal::Milestones(list) => {
            super::forms::render_milestones(app, theme, frame, list);
            return;
        }
        Modal::ConfirmRemove { target } => {
            let lang = app.settings.lang;
            let (id, title) = (&target.measure, &target.seen.title);
            let lines = vec![Line::from(Span::styled(
                sanitize(&crate::tr!(
                    lang,
                    "删除措施 {id}「{title}」？删除的原文会记入修改记录，可用 u 恢复。",
                    "Remove measure {id} \"{title}\"? Its text goes to the history; u puts it back."
                )),
                theme.text,
            ))];
            let title = crate::tr!(lang, "删除措施 · {id}", "Remove a measure · {id}");
            (title, lines, t.remove_keys)
        }
        Modal::Lost { edits, selected } => {
            let lines = edits
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mark = if i == *selected { "▶ " } else { "  " };
                    let tick = if l.chosen { "[x] " } else { "[ ] " };
                    let what = dialog::lost_line(app, l);
                    let style = if i == *selected {
                        theme.selection
                    } else {
                        theme.text
                    };
                    Line::from(vec![
                        Span::styled(mark, theme.key),
                        Span::styled(tick, theme.key),
                        Span::styled(sanitize(&what), style),
                    ])
                })
                .collect();
            (t.lost_title.to_owned(), lines, t.lost_keys)
        }
    };
    lines.extend(styled(theme, dialog::disk_note(app, modal)));
    let area = frame.area();
    // As wide as the content asks: the title, the key line, the text; inputs get room to type.
    let content = lines
        .iter()
        .map(|l| l.width())
        .chain([width(&title) + 4, width(keys) + 4])
        .max()
        .unwrap_or(0) as u16
        + 2 * (layout::DIALOG_PAD + 1);
    let w = match modal {
        Modal::Input { .. } => (area.width * 3 / 4).clamp(40, 90),
        _ => content.clamp(30, 100),
    };
    let inner_w = w
        .min(area.width.saturating_sub(2))
        .saturating_sub(2 * (layout::DIALOG_PAD + 1))
        .max(1);
    // A text field has the first row to itself, its label before it; the text below wraps.
    let field = modal.input().map(|input| {
        let label = match modal {
            Modal::ConfirmSignOff { .. } => (t.labelled)(t.signer, ""),
            _ => String::new(),
        };
        (input, label)
    });
    let rows = Paragraph::new(lines.clone())
        .wrap(Wrap { trim: false })
        .line_count(inner_w) as u16
        + u16::from(field.is_some());
    let r = layout::centered(area, w, rows + 2);
    let mut inner = frame_dialog(frame, theme, r, &title, keys);
    if let Some((input, label)) = field {
        // Long text scrolls so the cursor stays in view.
        let text = sanitize(&input.text);
        let lw = width(&label);
        let cx = input.cursor_x();
        let room = (inner.width as usize).saturating_sub(1 + lw);
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
        let row = Rect { height: 1, ..inner };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(label, theme.muted),
                Span::styled(shown, theme.text),
            ])),
            row,
        );
        frame.set_cursor_position(Position::new(inner.x + (lw + cx - skip) as u16, inner.y));
        inner.y += 1;
        inner.height = inner.height.saturating_sub(1);
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Draws a dialog's frame, title and key line over what is behind it; returns where its text
/// goes.
pub(super) fn frame_dialog(
    frame: &mut Frame,
    theme: &Theme,
    r: Rect,
    title: &str,
    keys: &str,
) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.key)
        .title(Span::styled(
            format!(
                " {} ",
                truncate(&sanitize(title), (r.width as usize).saturating_sub(4))
            ),
            theme.title,
        ))
        .title_bottom(Span::styled(format!(" {keys} "), theme.muted));
    let inner = block.inner(r);
    super::clear_popup(frame, r);
    frame.render_widget(block, r);
    Rect {
        x: inner.x + layout::DIALOG_PAD,
        width: inner.width.saturating_sub(2 * layout::DIALOG_PAD),
        ..inner
    }
}

/// Left-aligned in `w` cells, never cut: a form's labels.
pub(super) fn pad_to(s: &str, w: usize) -> String {
    crate::text::pad(s, w)
}
