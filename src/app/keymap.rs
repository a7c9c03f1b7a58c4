//! Keys and mouse events to actions, and the table the help overlay shows. The overlay reads
//! the same table the tests check against the keymap, so it cannot list a key that does
//! nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::{Action, App, Modal, Screen};
use crate::i18n::Lang;

/// The action a config file means by a name in `config::ACTION_NAMES`. The config layer
/// checks names and the app resolves them, so the settings never name an app type.
pub fn action_named(name: &str) -> Option<Action> {
    Some(match name {
        "up" => Action::Up,
        "down" => Action::Down,
        "page_up" => Action::PageUp,
        "page_down" => Action::PageDown,
        "top" => Action::Top,
        "bottom" => Action::Bottom,
        "prev_program" => Action::PrevProgram,
        "next_program" => Action::NextProgram,
        "next_screen" => Action::NextScreen,
        "prev_screen" => Action::PrevScreen,
        "open" => Action::Open,
        "back" => Action::Back,
        "filter" => Action::StartFilter,
        "status_filter" => Action::CycleStatusFilter,
        "clear_filters" => Action::ClearFilters,
        "sort" => Action::CycleSort,
        "help" => Action::ToggleHelp,
        "changes" => Action::ToggleSince,
        "quit" => Action::Quit,
        "edit_status" => Action::EditStatus,
        "edit_progress" => Action::EditProgress,
        "progress_up" => Action::StepProgress(10),
        "progress_down" => Action::StepProgress(-10),
        "edit_note" => Action::EditNote,
        "sign_off" => Action::SignOff,
        "revise_due" => Action::ReviseDue,
        "undo" => Action::Undo,
        _ => return None,
    })
}

pub fn key(app: &App, k: KeyEvent) -> Option<Action> {
    if k.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && k.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if let Some(m) = &app.meeting {
        // A blanked screen comes back on any key, the way a projector's blank does; the key
        // does nothing else, so nobody turns a page by accident while the room looks away.
        if m.blank {
            return Some(Action::MeetingBlank);
        }
        return meeting_key(k.code);
    }
    if let Some(modal) = &app.modal {
        return modal_key(modal, k.code, k.modifiers);
    }
    if app.filter.editing {
        return match k.code {
            KeyCode::Esc => Some(Action::FilterCancel),
            KeyCode::Enter => Some(Action::FilterAccept),
            KeyCode::Backspace => Some(Action::FilterBackspace),
            KeyCode::Char('u') if ctrl => Some(Action::FilterClearText),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Char(c) if !ctrl => Some(Action::FilterChar(c)),
            _ => None,
        };
    }
    // The user's own bindings come first, so they can take over a built-in key.
    if !app.help
        && let Some(b) = app
            .settings
            .keys
            .iter()
            .find(|b| b.combo.matches(k.code, k.modifiers))
    {
        return action_named(&b.action);
    }
    if app.help {
        return match k.code {
            KeyCode::Char('?') | KeyCode::Esc => Some(Action::ToggleHelp),
            KeyCode::Char('q') => Some(Action::Quit),
            // Where the keys do not all fit, the list scrolls.
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::PageDown),
            KeyCode::Home | KeyCode::Char('g') => Some(Action::Top),
            KeyCode::End | KeyCode::Char('G') => Some(Action::Bottom),
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
        KeyCode::Char(' ') if app.screen == Screen::Owners => Action::OwnerFilter,
        KeyCode::Char('J') if app.screen == Screen::Program => Action::DetailScroll(1),
        KeyCode::Char('K') if app.screen == Screen::Program => Action::DetailScroll(-1),
        KeyCode::Char('s') if app.screen == Screen::Program => Action::EditStatus,
        KeyCode::Char('p') if app.screen == Screen::Program => Action::EditProgress,
        KeyCode::Char('+' | '=') if app.screen == Screen::Program => Action::StepProgress(10),
        KeyCode::Char('-') if app.screen == Screen::Program => Action::StepProgress(-10),
        KeyCode::Char('n') if app.screen == Screen::Program => Action::EditNote,
        KeyCode::Char('o') if app.screen == Screen::Program => Action::SignOff,
        KeyCode::Char('d') if app.screen == Screen::Program => Action::ReviseDue,
        KeyCode::Char('u') if app.screen == Screen::Program => Action::Undo,
        KeyCode::Char('r') if ctrl && app.screen == Screen::Program => Action::Redo,
        KeyCode::Char('a') if app.screen == Screen::Program => Action::AddMeasure,
        KeyCode::Char('e') if app.screen == Screen::Program => Action::EditMeasure,
        KeyCode::Char('x') if app.screen == Screen::Program => Action::RemoveMeasure,
        KeyCode::Char('m') if app.screen == Screen::Program => Action::OpenMilestones,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('c') => Action::ToggleSince,
        KeyCode::Char('q') => Action::Quit,
        _ => return None,
    })
}

/// Meeting mode has no editing actions at all: read-only by construction. The edit keys only
/// say so, so nobody wonders why nothing happened.
fn meeting_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char(' ') => Some(Action::MeetingPause),
        // A presenter's clicker sends `b` or `.` for its blank-screen button.
        KeyCode::Char('b' | '.') => Some(Action::MeetingBlank),
        KeyCode::Right | KeyCode::Char('l') | KeyCode::PageDown => Some(Action::MeetingStep(1)),
        KeyCode::Left | KeyCode::Char('h') | KeyCode::PageUp => Some(Action::MeetingStep(-1)),
        KeyCode::Char(c @ '1'..='9') => Some(Action::MeetingJump(c as usize - '0' as usize)),
        KeyCode::Char('0') => Some(Action::MeetingJump(10)),
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('s' | 'p' | 'n' | 'o' | 'd' | 'u' | '+' | '-' | 'a' | 'e' | 'x' | 'm') => {
            Some(Action::ReadOnlyKey)
        }
        _ => None,
    }
}

/// Keys while a modal is open: it has them all, so nothing behind it changes by accident.
fn modal_key(modal: &Modal, code: KeyCode, mods: KeyModifiers) -> Option<Action> {
    // Text fields take the editing keys of a shell's line; no other chord types a letter.
    let chord = mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match (modal, code) {
        (_, KeyCode::Esc) => Some(Action::ModalCancel),
        (Modal::Form(_), KeyCode::Tab) => Some(Action::ModalNextField),
        (Modal::Form(_), KeyCode::BackTab) => Some(Action::ModalPrevField),
        (m, KeyCode::Char(c)) if chord && m.input().is_some() => match c {
            'a' if mods.contains(KeyModifiers::CONTROL) => Some(Action::ModalHome),
            'e' if mods.contains(KeyModifiers::CONTROL) => Some(Action::ModalEnd),
            'u' if mods.contains(KeyModifiers::CONTROL) => Some(Action::ModalKillToStart),
            'k' if mods.contains(KeyModifiers::CONTROL) => Some(Action::ModalKillToEnd),
            _ => None,
        },
        (m, c) if m.input().is_some() => match c {
            KeyCode::Enter => Some(Action::ModalAccept),
            KeyCode::Backspace => Some(Action::ModalBackspace),
            KeyCode::Delete => Some(Action::ModalDelete),
            KeyCode::Left => Some(Action::ModalLeft),
            KeyCode::Right => Some(Action::ModalRight),
            KeyCode::Home => Some(Action::ModalHome),
            KeyCode::End => Some(Action::ModalEnd),
            KeyCode::Char(ch) => Some(Action::ModalChar(ch)),
            _ => None,
        },
        (Modal::StatusPicker { .. }, c) => match c {
            KeyCode::Up | KeyCode::Char('k') => Some(Action::ModalUp),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::ModalDown),
            KeyCode::Enter => Some(Action::ModalAccept),
            _ => None,
        },
        (Modal::ConfirmSignOff { .. }, KeyCode::Enter | KeyCode::Char('y')) => {
            Some(Action::ModalAccept)
        }
        (Modal::ConfirmSignOff { .. }, KeyCode::Char('n')) => Some(Action::ModalCancel),
        (Modal::Conflict { .. }, KeyCode::Char('m')) => Some(Action::ModalAccept),
        (Modal::Conflict { .. }, KeyCode::Char('t')) => Some(Action::ModalCancel),
        (Modal::Conflict { .. } | Modal::Lost { .. }, KeyCode::Up | KeyCode::Char('k')) => {
            Some(Action::ModalUp)
        }
        (Modal::Conflict { .. } | Modal::Lost { .. }, KeyCode::Down | KeyCode::Char('j')) => {
            Some(Action::ModalDown)
        }
        (Modal::ConfirmRemove { .. }, KeyCode::Char('y')) => Some(Action::ModalAccept),
        (Modal::ConfirmRemove { .. }, KeyCode::Char('n')) => Some(Action::ModalCancel),
        (Modal::Milestones(_), c) => match c {
            KeyCode::Up | KeyCode::Char('k') => Some(Action::ModalUp),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::ModalDown),
            KeyCode::Enter => Some(Action::ModalAccept),
            KeyCode::Char('d') => Some(Action::MilestoneDue),
            KeyCode::Char('a') => Some(Action::MilestoneAdd),
            _ => None,
        },
        (Modal::Lost { .. }, KeyCode::Char(' ')) => Some(Action::ModalToggle),
        (Modal::Lost { .. }, KeyCode::Char('r')) => Some(Action::ModalAll),
        (Modal::Lost { .. }, KeyCode::Enter) => Some(Action::ModalAccept),
        _ => None,
    }
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
    /// Key names are the same in both languages but for the mouse.
    pub fn keys(&self, lang: Lang) -> &'static str {
        match (lang, self.example) {
            (Lang::Zh, KeyCode::Null) => "鼠标",
            (Lang::Zh, KeyCode::Char(' ')) => "空格",
            _ => self.keys,
        }
    }

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

const fn bind(
    keys: &'static str,
    zh: &'static str,
    en: &'static str,
    screens: &'static [Screen],
    example: KeyCode,
) -> Binding {
    Binding {
        keys,
        zh,
        en,
        screens,
        example,
    }
}

const LISTS: &[Screen] = &[
    Screen::Overview,
    Screen::Program,
    Screen::Deadlines,
    Screen::Owners,
    Screen::Problems,
];
const PROGRAM: &[Screen] = &[Screen::Program];
const ALL: &[Screen] = &[];

/// Ctrl-Z, on Unix only: the loop stops the process, not the keymap, so it is not in
/// [`BINDINGS`], whose every key the keymap answers.
pub const SUSPEND: Binding = bind(
    "Ctrl-Z",
    "暂停，回到命令行（fg 继续）",
    "suspend to the shell (fg resumes)",
    ALL,
    KeyCode::Char('z'),
);

/// The lines of the help overlay: [`BINDINGS`], and Ctrl-Z where the terminal can stop.
pub fn help_lines() -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().chain(cfg!(unix).then_some(&SUSPEND))
}

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind("↑ ↓  k j", "上下选择", "move the selection", LISTS, KeyCode::Down),
    bind("PgUp PgDn g G", "翻页 / 到顶 / 到底", "page up / down, first / last row", LISTS, KeyCode::PageDown),
    bind("Enter", "打开所选专项 / 跳转到该措施", "open the program / jump to the measure", &[Screen::Overview, Screen::Deadlines], KeyCode::Enter),
    bind("Enter", "查看该单位（该问题）的措施，再按跳转到该措施", "the unit's (problem's) measures; again: go to the measure", &[Screen::Owners, Screen::Problems], KeyCode::Enter),
    bind("Space", "各页面只看该责任单位（再按取消，F 清除）", "every screen shows only this unit (again: all; F clears)", &[Screen::Owners], KeyCode::Char(' ')),
    bind("← →  h l", "上一个 / 下一个专项", "previous / next program", PROGRAM, KeyCode::Right),
    bind("S", "排序：原顺序 → 期限 → 状态 → 责任单位", "sort: file → due → status → owner", PROGRAM, KeyCode::Char('S')),
    bind("J K", "下方详情向下 / 向上滚动", "scroll the detail pane down / up", PROGRAM, KeyCode::Char('J')),
    bind("s", "修改状态（受阻须写明原因）", "change the status (blocked asks why)", PROGRAM, KeyCode::Char('s')),
    bind("p  + -", "修改进度 / 进度加减10", "set the progress / ±10 points", PROGRAM, KeyCode::Char('p')),
    bind("n", "修改备注", "edit the notes", PROGRAM, KeyCode::Char('n')),
    bind("o", "销号（记录日期和销号人）", "sign off (records the day and who)", PROGRAM, KeyCode::Char('o')),
    bind("d", "调整期限（保留原期限）", "revise the deadline (keeps the original)", PROGRAM, KeyCode::Char('d')),
    bind("u  Ctrl-R", "撤销本次最后一次修改 / 重做", "undo this session's last edit / redo", PROGRAM, KeyCode::Char('u')),
    bind("a e x", "新增措施 / 改标题和责任单位 / 删除（u 可恢复）", "add / rename / remove a measure (u puts it back)", PROGRAM, KeyCode::Char('a')),
    bind("m", "时间节点：标记达成、改日期、新增", "milestones: reached, new date, add", PROGRAM, KeyCode::Char('m')),
    bind("Tab  Shift-Tab", "切换页面", "next / previous screen", ALL, KeyCode::Tab),
    bind("Esc", "返回：回到来源列表或总览；在总览上清除筛选", "back: to the list you came from, or the overview; there, clear filters", ALL, KeyCode::Esc),
    bind("/", "按文字筛选（标题、责任单位、编号）", "filter by text (title, owner, id)", ALL, KeyCode::Char('/')),
    bind("f  F", "按状态、逾期、临期筛选（循环）/ 清除全部筛选", "filter by status, overdue, due soon (cycles) / clear filters", ALL, KeyCode::Char('f')),
    bind("mouse", "滚轮滚动，单击选择，再单击打开", "wheel scrolls, click selects, click again opens", ALL, KeyCode::Null),
    bind("c", "自上次会议以来的变化（需 --since 快照）", "changes since the last meeting (needs --since)", ALL, KeyCode::Char('c')),
    bind("?", "显示 / 关闭本帮助", "show / close this help", ALL, KeyCode::Char('?')),
    bind("q  Ctrl-C", "退出", "quit", ALL, KeyCode::Char('q')),
];

#[cfg(test)]
mod tests {
    use super::action_named;
    use crate::config::ACTION_NAMES;

    #[test]
    fn every_name_a_config_file_may_use_is_an_action_and_no_two_are_the_same() {
        let actions: Vec<_> = ACTION_NAMES
            .iter()
            .map(|n| action_named(n).unwrap_or_else(|| panic!("`{n}` names no action")))
            .collect();
        for (i, a) in actions.iter().enumerate() {
            assert!(
                !actions[..i].contains(a),
                "{} is bound twice",
                ACTION_NAMES[i]
            );
        }
        assert_eq!(action_named("explode"), None);
    }
}
