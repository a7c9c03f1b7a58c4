//! Keys and mouse events to actions, and the table the help overlay shows. The overlay reads
//! the same table the tests check against the keymap, so it cannot list a key that does
//! nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::{Action, App, Screen};
use crate::i18n::Lang;

pub fn key(app: &App, k: KeyEvent) -> Option<Action> {
    if k.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && k.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if app.filter.editing {
        return match k.code {
            KeyCode::Esc => Some(Action::FilterCancel),
            KeyCode::Enter => Some(Action::FilterAccept),
            KeyCode::Backspace => Some(Action::FilterBackspace),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Char(c) if !ctrl => Some(Action::FilterChar(c)),
            _ => None,
        };
    }
    if app.help {
        return match k.code {
            KeyCode::Char('?') | KeyCode::Esc => Some(Action::ToggleHelp),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        };
    }
    Some(match k.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Char('u') if ctrl => Action::PageUp,
        KeyCode::Char('d') if ctrl => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        KeyCode::Left | KeyCode::Char('h') => Action::PrevProgram,
        KeyCode::Right | KeyCode::Char('l') => Action::NextProgram,
        KeyCode::Tab => Action::NextScreen,
        KeyCode::BackTab => Action::PrevScreen,
        KeyCode::Enter => Action::Open,
        KeyCode::Esc => Action::Back,
        KeyCode::Char('/') => Action::StartFilter,
        KeyCode::Char('f') => Action::CycleStatusFilter,
        KeyCode::Char('F') => Action::ClearFilters,
        KeyCode::Char('S') => Action::CycleSort,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('q') => Action::Quit,
        _ => return None,
    })
}

pub fn mouse(m: MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::ScrollUp => Some(Action::ScrollUp),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown),
        MouseEventKind::Down(crossterm::event::MouseButton::Left) => {
            Some(Action::Click(m.column, m.row))
        }
        _ => None,
    }
}

/// One line of the help overlay.
pub struct Binding {
    pub keys: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Screens where the key does something; empty means all.
    pub screens: &'static [Screen],
    /// A key press that performs it, for the test that keeps this table honest.
    pub example: KeyCode,
}

impl Binding {
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    pub fn applies(&self, s: Screen) -> bool {
        self.screens.is_empty() || self.screens.contains(&s)
    }
}

const LISTS: &[Screen] = &[Screen::Overview, Screen::Program, Screen::Deadlines];

pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: "↑ ↓  k j",
        zh: "上下选择",
        en: "move the selection",
        screens: LISTS,
        example: KeyCode::Down,
    },
    Binding {
        keys: "PgUp PgDn",
        zh: "翻页",
        en: "page up / down",
        screens: LISTS,
        example: KeyCode::PageDown,
    },
    Binding {
        keys: "Home End  g G",
        zh: "到顶 / 到底",
        en: "first / last row",
        screens: LISTS,
        example: KeyCode::End,
    },
    Binding {
        keys: "Enter",
        zh: "打开所选专项 / 跳转到该措施",
        en: "open the program / jump to the measure",
        screens: &[Screen::Overview, Screen::Deadlines],
        example: KeyCode::Enter,
    },
    Binding {
        keys: "← →  h l",
        zh: "上一个 / 下一个专项",
        en: "previous / next program",
        screens: &[Screen::Program],
        example: KeyCode::Right,
    },
    Binding {
        keys: "S",
        zh: "排序：原顺序 → 期限 → 状态 → 责任单位",
        en: "sort: file → due → status → owner",
        screens: &[Screen::Program],
        example: KeyCode::Char('S'),
    },
    Binding {
        keys: "Tab  Shift-Tab",
        zh: "切换页面",
        en: "next / previous screen",
        screens: &[],
        example: KeyCode::Tab,
    },
    Binding {
        keys: "Esc",
        zh: "返回总览 / 清除筛选",
        en: "back to the overview / clear filters",
        screens: &[],
        example: KeyCode::Esc,
    },
    Binding {
        keys: "/",
        zh: "按文字筛选（标题、责任单位、编号）",
        en: "filter by text (title, owner, id)",
        screens: &[],
        example: KeyCode::Char('/'),
    },
    Binding {
        keys: "f  F",
        zh: "按状态筛选（循环）/ 清除全部筛选",
        en: "filter by status (cycles) / clear filters",
        screens: &[],
        example: KeyCode::Char('f'),
    },
    Binding {
        keys: "鼠标",
        zh: "滚轮滚动，单击选择，再单击打开",
        en: "wheel scrolls, click selects, click again opens",
        screens: &[],
        example: KeyCode::Null,
    },
    Binding {
        keys: "?",
        zh: "显示 / 关闭本帮助",
        en: "show / close this help",
        screens: &[],
        example: KeyCode::Char('?'),
    },
    Binding {
        keys: "q  Ctrl-C",
        zh: "退出",
        en: "quit",
        screens: &[],
        example: KeyCode::Char('q'),
    },
];
