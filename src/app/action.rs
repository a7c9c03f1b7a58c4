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
}

/// What `update` asks the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
}
