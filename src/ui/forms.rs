//! The ledger dialogs: a form with one labelled field per line (the wrong one said in red
//! under it), and the milestone list with its date field.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::milestones::{state, style, symbol};
use super::short_date;
use crate::app::App;
use crate::app::input::TextInput;
use crate::app::ledger::{self, FieldKind, Form, FormKind, Milestones};
use crate::i18n::Lang;
use crate::text::{sanitize, truncate, width};
use crate::theme::Theme;
use crate::tr;

fn label(k: FieldKind, lang: Lang) -> String {
    match k {
        FieldKind::Id => tr!(lang, "编号", "Id"),
        FieldKind::Title => tr!(lang, "标题", "Title"),
        FieldKind::Owner => tr!(lang, "责任单位", "Owner unit"),
        FieldKind::Due => tr!(lang, "完成时限", "Deadline"),
        FieldKind::MilestoneTitle => tr!(lang, "节点名称", "Milestone"),
        FieldKind::MilestoneDate => tr!(lang, "日期", "Date"),
    }
}

/// The visible part of a field's text with the cursor in view; the cursor's cell from its start.
fn visible(input: &TextInput, room: usize) -> (String, usize) {
    let text = sanitize(&input.text);
    let cx = input.cursor_x();
    let skip = cx.saturating_sub(room.saturating_sub(1));
    let mut shown = String::new();
    let mut at = 0;
    for ch in text.chars() {
        let cw = width(&ch.to_string());
        if at >= skip && width(&shown) + cw < room {
            shown.push(ch);
        }
        at += cw;
    }
    (shown, cx - skip)
}

pub fn render_form(app: &App, theme: &Theme, frame: &mut Frame, form: &Form) {
    let lang = app.settings.lang;
    let title = match &form.kind {
        FormKind::Add { .. } => tr!(lang, "新增措施", "Add a measure"),
        FormKind::Rename { target } => {
            let id = &target.measure;
            tr!(
                lang,
                "修改标题和责任单位 · {id}",
                "Edit title and owner · {id}"
            )
        }
        FormKind::Milestone => tr!(lang, "新增时间节点", "Add a milestone"),
    };
    let keys = tr!(
        lang,
        "Tab / Shift-Tab 换项 · → 补全 · Enter 保存 · Esc 取消",
        "Tab / Shift-Tab field · → complete · Enter save · Esc cancel"
    );
    let lw = form
        .fields
        .iter()
        .map(|(k, _)| width(&label(*k, lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let area = frame.area();
    let w = (area.width * 3 / 4)
        .clamp(50, 96)
        .max(width(&keys) as u16 + 4)
        .min(area.width.saturating_sub(2));
    let error_rows = u16::from(form.error.is_some()) * 2;
    let h = form.fields.len() as u16 + 2 + error_rows;
    let r = crate::app::layout::centered(area, w, h);
    let inner = super::modal::frame_dialog(frame, theme, r, &title, &keys);
    let room = (inner.width as usize).saturating_sub(lw);
    for (row, (k, input)) in form.fields.iter().enumerate() {
        let y = inner.y + row as u16;
        if y >= inner.bottom() {
            break;
        }
        let focused = row == form.focus;
        let wrong = form.error.as_ref().is_some_and(|(e, _)| e == k);
        let lstyle = match (wrong, focused) {
            (true, _) => theme.overdue,
            (false, true) => theme.key,
            (false, false) => theme.muted,
        };
        let (shown, cx) = visible(input, room);
        let mut spans = vec![
            Span::styled(super::modal::pad_to(&label(*k, lang), lw), lstyle),
            Span::styled(shown.clone(), theme.text),
        ];
        if focused && let Some(rest) = ledger::completion(app, form) {
            let left = room.saturating_sub(width(&shown) + 1);
            spans.push(Span::styled(truncate(&sanitize(&rest), left), theme.muted));
        }
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect::new(inner.x, y, inner.width, 1),
        );
        if focused {
            frame.set_cursor_position(Position::new(inner.x + (lw + cx) as u16, y));
        }
    }
    if let Some((_, why)) = &form.error {
        let y = inner.y + form.fields.len() as u16 + 1;
        let rest = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
        frame.render_widget(
            Paragraph::new(Span::styled(sanitize(why), theme.overdue)).wrap(Wrap { trim: false }),
            rest,
        );
    }
}

pub fn render_milestones(app: &App, theme: &Theme, frame: &mut Frame, list: &Milestones) {
    let lang = app.settings.lang;
    let t = app.texts();
    let Some(p) = app
        .board_index(&list.path)
        .and_then(|i| app.boards[i].program.as_ref())
    else {
        return;
    };
    let title = format!("{} · {}", t.milestones, p.title);
    let keys = if list.date.is_some() {
        tr!(
            lang,
            "Enter 保存 · Esc 返回列表",
            "Enter save · Esc back to the list"
        )
    } else {
        tr!(
            lang,
            "↑↓ 选择 · Enter 标记达成/未达成 · d 改日期 · a 新增 · Esc 关闭",
            "↑↓ select · Enter reached / not · d new date · a add · Esc close"
        )
    };
    let mut lines: Vec<Line> = p
        .milestones
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let s = state(m, app.today);
            let mark = if i == list.selected { "▶ " } else { "  " };
            let row = if i == list.selected {
                theme.selection
            } else {
                theme.text
            };
            let done = m.done.map_or_else(String::new, |d| {
                let d = short_date(d, p);
                tr!(lang, "（{d} 达成）", " (reached {d})")
            });
            Line::from(vec![
                Span::styled(mark, theme.key),
                Span::styled(format!("{} {} ", i + 1, symbol(s)), style(s, theme)),
                Span::styled(
                    format!("{}  {}{done}", short_date(m.due, p), sanitize(&m.title)),
                    row,
                ),
            ])
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            tr!(
                lang,
                "还没有时间节点：按 a 新增",
                "No milestones yet: a adds one"
            ),
            theme.muted,
        )));
    }
    let field = list.date.as_ref().map(|d| {
        let what = match d.what {
            ledger::DateFor::Reached => tr!(lang, "达成日期：", "Reached on: "),
            ledger::DateFor::Due => tr!(lang, "新的日期：", "New date: "),
        };
        (d, format!("{} {what}", d.index))
    });
    let extra = field
        .as_ref()
        .map_or(0, |(d, _)| 2 + u16::from(d.error.is_some()) * 2);
    let area = frame.area();
    let content = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let w = (content + 6)
        .max(width(&keys) as u16 + 4)
        .clamp(40, 110)
        .min(area.width.saturating_sub(2));
    let h = lines.len() as u16 + 2 + extra;
    let r = crate::app::layout::centered(area, w, h);
    let inner = super::modal::frame_dialog(frame, theme, r, &title, &keys);
    let n = lines.len() as u16;
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(inner.x, inner.y, inner.width, n.min(inner.height)),
    );
    if let Some((d, lab)) = field {
        let y = inner.y + n + 1;
        if y < inner.bottom() {
            let lw = width(&lab);
            let (shown, cx) = visible(&d.input, (inner.width as usize).saturating_sub(lw));
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled(lab, theme.key),
                    Span::styled(shown, theme.text),
                ])),
                Rect::new(inner.x, y, inner.width, 1),
            );
            frame.set_cursor_position(Position::new(inner.x + (lw + cx) as u16, y));
            if let Some(e) = &d.error {
                let rest = Rect::new(
                    inner.x,
                    y + 1,
                    inner.width,
                    inner.bottom().saturating_sub(y + 1),
                );
                frame.render_widget(
                    Paragraph::new(Span::styled(sanitize(e), theme.overdue))
                        .wrap(Wrap { trim: false }),
                    rest,
                );
            }
        }
    }
}
