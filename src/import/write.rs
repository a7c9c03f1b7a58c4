//! A planned program as a board file: the new-board template (every field explained, the
//! inferred ones marked), its measures inserted the way `rectify add` inserts them, read back
//! to be sure, and written through the atomic writer.

use std::path::{Path, PathBuf};

use super::plan::Planned;
use crate::i18n::Lang;
use crate::storage::{self, NewBoard, Severity, insert_measure, save};

/// Why a board was not written. Words are chosen in [`super::words`].
#[derive(Debug)]
pub enum NotWritten {
    /// The file is there and `--force` was not given.
    Exists(PathBuf),
    /// Another board in the folder has this program id.
    IdTaken {
        id: String,
        other: PathBuf,
    },
    /// The text did not read back as the planned board: the loader's message.
    Invalid(String),
    Save(save::SaveError),
}

/// The file a program goes to in `dir`.
pub fn path_for(dir: &Path, p: &Planned) -> PathBuf {
    dir.join(format!("{}.ron", p.program.id))
}

/// The board text of `p`.
pub fn board_text(p: &Planned) -> Result<String, NotWritten> {
    let prog = &p.program;
    let mut text = storage::new_board_text(&NewBoard {
        id: &prog.id,
        title: &prog.title,
        lead: &prog.lead,
        start: prog.start,
        due: prog.due,
        goal: &prog.goal,
        inferred: p.inferred,
    });
    for m in &prog.measures {
        text = insert_measure(&text, None, m)
            .map_err(|e| NotWritten::Invalid(format!("{e:?}")))?
            .text;
    }
    Ok(text)
}

/// Checks `text` reads back as exactly `p`'s board; the loader's first error when it does not.
pub fn verify(path: &Path, text: &str, p: &Planned, lang: Lang) -> Result<(), NotWritten> {
    let load = storage::load_text(path, text);
    if let Some(d) = load
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        return Err(NotWritten::Invalid(d.render(lang)));
    }
    match load.program {
        Some(read) if read == p.program => Ok(()),
        _ => Err(NotWritten::Invalid(crate::tr!(
            lang,
            "写出的看板读回后与台账不一致",
            "the written board would not read back as imported"
        ))),
    }
}

/// Writes `text` to `path`: a new file, or over an old one with `force`.
pub fn write(path: &Path, text: &str, force: bool) -> Result<(), NotWritten> {
    let exists = path.symlink_metadata().is_ok();
    if exists && !force {
        return Err(NotWritten::Exists(path.to_owned()));
    }
    let r = if exists {
        save::write_over(path, text.as_bytes())
    } else {
        save::write_new(path, text.as_bytes())
    };
    r.map_err(NotWritten::Save)
}
