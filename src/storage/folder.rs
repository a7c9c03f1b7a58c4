//! `rectify.ron`, the boards folder's own settings.

use std::path::{Path, PathBuf};

use super::load::{parse_ron, read_text};
use super::{Diagnostic, Problem, Severity};
use crate::domain::folder::{FILE_NAME, FolderSettings};

pub fn path_in(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// The settings of the folder `dir`: `Ok(None)` when it has no settings file, a positioned
/// diagnostic when the file is broken or a value is out of range.
pub fn load_folder_settings(dir: &Path) -> Result<Option<FolderSettings>, Diagnostic> {
    let path = path_in(dir);
    let Some(text) = read_text(&path)? else {
        return Ok(None);
    };
    let s: FolderSettings = parse_ron(&path, &text)?;
    if let Some(days) = s.due_soon_days.filter(|d| !(0..=90).contains(d)) {
        let at = text.find("due_soon_days").unwrap_or(0);
        return Err(Diagnostic::at_offset(
            &path,
            &text,
            at,
            Severity::Error,
            Problem::DueSoonOutOfRange { days },
        ));
    }
    Ok(Some(s))
}
