//! Application state and its one entry point, [`update`]: an action in, state changed, effects
//! out. No terminal, no disk, no clock: the event loop supplies all three.

mod action;
mod board;
pub mod burst;
pub mod dialog;
mod doubt;
pub mod edit;
pub mod history;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod ledger;
mod lists;
pub mod meeting;
pub mod reload;
mod rows;
mod seen;
mod update;

pub use crate::domain::ChangeKind;
pub use action::{Action, Effect};
pub use board::Board;
pub use edit::{InputKind, Made, Modal, SaveReport, SaveRequest};
pub use lists::{Drill, DrillRow, ProblemRow, ProblemsState};
pub use reload::{LastChange, Reload};
pub use rows::{Bucket, DeadlineRow, RowCache, SortKey};
pub use seen::{DiskChange, LostEdit, SinceOpened, Target};
pub use update::update;

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::domain::{Date, StatusKind};
use crate::i18n::{Lang, Texts};
use crate::storage::{Diagnostic, FileLoad};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Overview,
    Program,
    Deadlines,
    Owners,
    /// Only when the folder has a problem list.
    Problems,
}

impl Screen {
    pub const ALL: [Screen; 5] = [
        Screen::Overview,
        Screen::Program,
        Screen::Deadlines,
        Screen::Owners,
        Screen::Problems,
    ];

    pub fn title(self, t: &Texts) -> &'static str {
        match self {
            Screen::Overview => t.tab_overview,
            Screen::Program => t.tab_program,
            Screen::Deadlines => t.tab_deadlines,
            Screen::Owners => t.lists().tab_owners,
            Screen::Problems => t.lists().tab_problems,
        }
    }
}

/// Where a measure stands against its deadline, for the filter `f` cycles through after the
/// statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeadlineFilter {
    Overdue,
    /// Due within the due-soon window.
    DueSoon,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Filter {
    pub text: String,
    pub status: Option<StatusKind>,
    pub deadline: Option<DeadlineFilter>,
    /// One owner unit, chosen on the owner-units screen: every screen shows only its work.
    pub owner: Option<String>,
    /// The text is being typed in the status line.
    pub editing: bool,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.text.is_empty() || self.narrows_measures()
    }

    /// A filter on the measures themselves, not on the text: a program or unit matching the
    /// text no longer stands for all its measures.
    pub fn narrows_measures(&self) -> bool {
        self.status.is_some() || self.deadline.is_some() || self.owner.is_some()
    }

    /// `f`: each status, then overdue, then due soon, then none.
    pub fn cycle(&mut self) {
        use DeadlineFilter::*;
        (self.status, self.deadline) = match (self.status, self.deadline) {
            (None, None) => (Some(StatusKind::ALL[0]), None),
            (Some(k), _) => match StatusKind::ALL.iter().skip_while(|&&s| s != k).nth(1) {
                Some(&next) => (Some(next), None),
                None => (None, Some(Overdue)),
            },
            (None, Some(Overdue)) => (None, Some(DueSoon)),
            (None, Some(DueSoon)) => (None, None),
        };
    }

    /// `F` and `Esc`: everything but a filter being typed.
    pub fn clear(&mut self) {
        self.text.clear();
        self.status = None;
        self.deadline = None;
        self.owner = None;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub due_soon_days: i64,
    pub lang: Lang,
    /// No key changes a file.
    pub read_only: bool,
    /// Who edits: for sign-offs and the history file.
    pub user: String,
    /// The user's own key bindings, checked before the built-in ones.
    pub keys: Vec<crate::config::Binding>,
    /// The boards folder's titles (its `rectify.ron`), Chinese and English, shown instead of
    /// the program's name.
    pub title: Option<String>,
    pub title_en: Option<String>,
    /// Where the day the board judges against comes from, for the header to say.
    pub day: DaySource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DaySource {
    /// The real date, or `--today`.
    #[default]
    Today,
    /// The folder's `as_of`: archived or illustrative data, judged on the day it describes.
    AsOf { example: bool },
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            due_soon_days: crate::domain::schedule::DEFAULT_DUE_SOON_DAYS,
            lang: Lang::Zh,
            read_only: false,
            user: String::new(),
            keys: Vec::new(),
            title: None,
            title_en: None,
            day: DaySource::Today,
        }
    }
}

impl Settings {
    /// These settings with what the folder's own settings file says: its title, and whether
    /// the day judged by is its `as_of` (the caller drops that when `--today` overrides it).
    /// The due-soon window is resolved with the config.
    pub fn with_folder(mut self, folder: &crate::domain::folder::FolderSettings) -> Settings {
        self.title = folder.title.clone();
        self.title_en = folder.title_en.clone();
        if folder.as_of.is_some() {
            self.day = DaySource::AsOf {
                example: folder.example,
            };
        }
        self
    }
}

/// A scrolled list: the first visible row. The selection itself is kept by key elsewhere so
/// it survives sorting, filtering and reloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scroll {
    pub offset: usize,
}

impl Scroll {
    /// Moves the window just enough to show row `selected` among `visible` rows.
    pub fn follow(&mut self, selected: usize, visible: usize, total: usize) {
        let visible = visible.max(1);
        if selected < self.offset {
            self.offset = selected;
        } else if selected >= self.offset + visible {
            self.offset = selected + 1 - visible;
        }
        self.offset = self.offset.min(total.saturating_sub(visible));
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub dir: PathBuf,
    pub boards: Vec<Board>,
    /// The boards folder itself could not be read.
    pub dir_error: Option<Diagnostic>,
    pub today: Date,
    /// When the data on screen was last read from disk.
    pub data_as_of: NaiveDateTime,
    pub settings: Settings,
    pub screen: Screen,
    pub help: bool,
    /// How far the help overlay is scrolled, where its keys do not fit the terminal.
    pub help_scroll: u16,
    pub filter: Filter,
    pub sort: SortKey,
    pub overview_sel: Option<PathBuf>,
    pub overview_scroll: Scroll,
    /// The program shown on the program screen, by file.
    pub program_path: Option<PathBuf>,
    pub measure_sel: Option<String>,
    pub measure_scroll: Scroll,
    pub deadline_sel: Option<(PathBuf, String)>,
    pub deadline_scroll: Scroll,
    /// Terminal size in cells, as last reported.
    pub size: (u16, u16),
    /// A one-line message for the status bar (theme fallback, file notices).
    pub notice: Option<String>,
    /// The last file that changed on disk, for the status line.
    pub last_change: Option<LastChange>,
    /// How the folder is watched, when that is worth saying (polling, or a fallback).
    pub watch_note: Option<String>,
    /// An edit being made, or a question about one.
    pub modal: Option<Modal>,
    /// Edits this session made that still stand, oldest first.
    pub edits: Vec<Made>,
    /// Edits a stale save took away, waiting to be offered back when no dialog is open.
    pub lost: Vec<LostEdit>,
    /// Edits `u` undid, newest last: what `Ctrl-R` does again.
    pub redo: Vec<Made>,
    /// The most recent lines of the history file (its tail, not all of it).
    pub history: Vec<crate::storage::save::HistoryEntry>,
    /// The lines of the measure on the detail pane, read for it (see [`history`]).
    pub detail_history: Option<crate::storage::history::MeasureHistory>,
    /// What git's history says of the measure on the detail pane, once the worker answered.
    pub git_history: Option<history::GitLines>,
    /// Meeting mode's state; `None` on the daily board.
    pub meeting: Option<meeting::Meeting>,
    /// The boards as they were at the last meeting (`--since`), for the changes overlay.
    pub since: Option<crate::report::snapshot::Snapshot>,
    /// The changes overlay is open.
    pub show_since: bool,
    /// The folder's problem list, when it has one.
    pub problems: Option<ProblemsState>,
    /// The owner-units screen: the selected unit, and the unit whose measures are open.
    pub owner_sel: Option<String>,
    pub owner_scroll: Scroll,
    pub owner_drill: Option<Drill>,
    /// The problem-list screen: the selected problem, and the problem whose measures are open.
    pub problem_sel: Option<String>,
    pub problem_scroll: Scroll,
    pub problem_drill: Option<Drill>,
    /// The list a measure was opened from (deadlines, a unit's or a problem's measures): `Esc`
    /// on the program screen goes back there rather than to the overview.
    pub back_to: Option<Screen>,
    /// How far the detail pane is scrolled, and for which measure: another measure starts at
    /// its top.
    pub detail_scroll: (String, u16),
    /// The derived lists, memoised until what they are derived from changes (see `rows`).
    pub rows_cache: rows::RowCache,
}

impl App {
    pub fn new(
        dir: &Path,
        loads: Result<Vec<FileLoad>, Diagnostic>,
        today: Date,
        now: NaiveDateTime,
        settings: Settings,
    ) -> App {
        let (boards, dir_error) = match loads {
            Ok(loads) => (
                loads
                    .into_iter()
                    .map(|l| Board::from_load(l, today, settings.due_soon_days))
                    .collect(),
                None,
            ),
            Err(d) => (Vec::new(), Some(d)),
        };
        let mut app = App {
            dir: dir.to_owned(),
            boards,
            dir_error,
            today,
            data_as_of: now,
            settings,
            screen: Screen::Overview,
            help: false,
            help_scroll: 0,
            filter: Filter::default(),
            sort: SortKey::File,
            overview_sel: None,
            overview_scroll: Scroll::default(),
            program_path: None,
            measure_sel: None,
            measure_scroll: Scroll::default(),
            deadline_sel: None,
            deadline_scroll: Scroll::default(),
            size: (80, 24),
            notice: None,
            last_change: None,
            watch_note: None,
            modal: None,
            edits: Vec::new(),
            lost: Vec::new(),
            redo: Vec::new(),
            history: Vec::new(),
            detail_history: None,
            git_history: None,
            meeting: None,
            since: None,
            show_since: false,
            problems: None,
            owner_sel: None,
            owner_scroll: Scroll::default(),
            owner_drill: None,
            problem_sel: None,
            problem_scroll: Scroll::default(),
            problem_drill: None,
            back_to: None,
            detail_scroll: (String::new(), 0),
            rows_cache: rows::RowCache::default(),
        };
        app.overview_sel = app
            .overview_rows()
            .first()
            .map(|&i| app.boards[i].path.clone());
        app
    }

    pub fn texts(&self) -> &'static Texts {
        self.settings.lang.texts()
    }

    pub fn board_index(&self, path: &Path) -> Option<usize> {
        self.boards.iter().position(|b| b.path == path)
    }

    /// The board open on the program screen.
    pub fn current_board(&self) -> Option<&Board> {
        self.program_path
            .as_deref()
            .and_then(|p| self.board_index(p))
            .map(|i| &self.boards[i])
    }

    /// Files that currently fail to load, with their first error.
    pub fn errors(&self) -> Vec<&Diagnostic> {
        self.dir_error
            .iter()
            .chain(self.boards.iter().filter_map(|b| b.error.as_ref()))
            .chain(self.problems.as_ref().and_then(|p| p.error.as_ref()))
            .collect()
    }

    /// The screens `Tab` goes through: the problem list only when the folder has one.
    pub fn screens(&self) -> Vec<Screen> {
        Screen::ALL
            .into_iter()
            .filter(|&s| s != Screen::Problems || self.problems.is_some())
            .collect()
    }
}
