use chrono::NaiveDateTime;

use super::reload::Reload;
use crate::domain::Date;

/// Everything that can happen to the app. Keys and mouse events are translated into these by
/// the keymap; the event loop adds the ones that come from the clock and the disk.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Previous / next program on the program screen.
    PrevProgram,
    NextProgram,
    NextScreen,
    PrevScreen,
    Open,
    Back,
    StartFilter,
    FilterChar(char),
    FilterBackspace,
    /// Ctrl-U while typing a filter: start the text again.
    FilterClearText,
    FilterAccept,
    FilterCancel,
    CycleStatusFilter,
    ClearFilters,
    CycleSort,
    ToggleHelp,
    Quit,
    Resize(u16, u16),
    ScrollUp,
    ScrollDown,
    Click(u16, u16),
    /// The date changed (midnight passed, or the loop noticed a new day).
    Today(Date),
    /// Board files were read again after a change on disk, at this time.
    Reloaded(Vec<Reload>, NaiveDateTime),
    /// The clock moved on: marks of changed rows expire.
    Tick(NaiveDateTime),
    /// The watcher is not what was asked for (fell back to polling); says why.
    WatchNote(String),
    EditStatus,
    EditProgress,
    /// `+` / `-`: progress by ten points.
    StepProgress(i64),
    EditNote,
    SignOff,
    ReviseDue,
    Undo,
    /// `Ctrl-R`: do again what `u` undid.
    Redo,
    /// `a`, `e`, `x`, `m` on the program screen.
    AddMeasure,
    EditMeasure,
    RemoveMeasure,
    OpenMilestones,
    /// In the milestone list: a new date for the selected one, or a new milestone.
    MilestoneDue,
    MilestoneAdd,
    /// Tab / Shift-Tab in a form.
    ModalNextField,
    ModalPrevField,
    ModalUp,
    ModalDown,
    ModalAccept,
    ModalCancel,
    /// Tick or untick the selected item of a list dialog.
    ModalToggle,
    /// Take every item of a list dialog (put back all lost edits).
    ModalAll,
    ModalChar(char),
    ModalBackspace,
    ModalDelete,
    ModalLeft,
    ModalRight,
    ModalHome,
    ModalEnd,
    ModalKillToStart,
    ModalKillToEnd,
    /// Text pasted in one piece (a bracketed paste): typed into the open text field, whatever
    /// it holds, and nothing anywhere else.
    Paste(String),
    /// A save the loop performed.
    Saved(Box<super::SaveReport>),
    /// The history file's tail as now on disk.
    History(Vec<crate::storage::save::HistoryEntry>),
    /// Meeting mode: next / previous page, pause, a program by number.
    MeetingStep(isize),
    MeetingPause,
    MeetingJump(usize),
    /// Meeting mode: blank the screen, or bring it back.
    MeetingBlank,
    /// An edit key where nothing may be edited.
    ReadOnlyKey,
    /// Show or hide what changed since the snapshot given with `--since`.
    ToggleSince,
    /// Scroll the detail pane of the selected measure by this many lines.
    DetailScroll(i16),
    /// The boards folder cannot be read (`Some`) or can again (`None`).
    FolderError(Option<Box<crate::storage::Diagnostic>>),
}

/// What `update` asks the event loop to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    /// Read this file again once it has had time to settle: the first read was broken and may
    /// have caught an editor half-way through a save. The hash of the bytes that read broken
    /// lets the second read tell a settled file from one still being written.
    Recheck(std::path::PathBuf, Option<crate::storage::ContentHash>),
    /// Write an edit to its board file.
    Save(Box<super::SaveRequest>),
}
