//! A date `rectify check` would warn about is asked about in the dialog before it is written.

use std::path::Path;

use super::App;
use crate::domain::{DateChange, date_doubts};

/// The question to put in the dialog's error line instead of saving, or `None` to save: the
/// date is not doubtful, or this very question is already on screen, so this Enter is the
/// second one. The question names the dates it doubts, so the same words mean the same value;
/// a different date asks again.
pub fn question(app: &App, path: &Path, change: DateChange, shown: Option<&str>) -> Option<String> {
    let p = app
        .board_index(path)
        .and_then(|i| app.boards[i].program.as_ref())?;
    let doubts = date_doubts(p, change);
    if doubts.is_empty() {
        return None;
    }
    let q = crate::describe::date_doubts_question(&doubts, app.settings.lang);
    (shown != Some(q.as_str())).then_some(q)
}
