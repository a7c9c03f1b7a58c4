//! `rectify import`: an office's Excel, WPS or CSV ledger (台账) as board files, one per
//! program. The sheets are read ([`table`]), the header row and its words found ([`header`]),
//! the rows mapped ([`plan`], with [`cells`] for dates and percentages and [`status`] for
//! status words), and each program written through the new-board template and the atomic
//! writer ([`write`]). Every row that could not be mapped is said, with its sheet and row.

// Ledgers are other people's files: nothing here may panic on them.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod cells;
pub mod header;
pub mod plan;
pub mod status;
pub mod table;
mod words;
pub mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use header::Field;
use write::NotWritten;

use crate::i18n::Lang;
use crate::storage;

/// What `rectify import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub ledger: PathBuf,
    /// The folder the boards go to.
    pub dir: PathBuf,
    pub sheet: Option<String>,
    /// `HEADER=FIELD`, as typed.
    pub map: Vec<String>,
    pub dry_run: bool,
    pub force: bool,
    pub encoding: Option<String>,
    pub lang: Lang,
    /// The year of a date written without one: this year.
    pub year: i32,
}

/// What the command says, and its exit code: 0 when a program was imported (or, dry, would
/// be), 1 when nothing could be, 2 for a `--map` that names no field.
pub struct Outcome {
    pub out: Vec<String>,
    pub err: Vec<String>,
    pub code: u8,
}

/// `--map` as header word → field.
fn parse_map(map: &[String], lang: Lang) -> Result<HashMap<String, Field>, String> {
    let mut out = HashMap::new();
    for m in map {
        let Some((head, field)) = m.rsplit_once('=') else {
            return Err(words::bad_map(m, lang));
        };
        let Some(f) = header::field_named(field) else {
            return Err(words::bad_map(m, lang));
        };
        if head.trim().is_empty() {
            return Err(words::bad_map(m, lang));
        }
        out.insert(header::normalise(head), f);
    }
    Ok(out)
}

/// Program ids already used in `dir` by boards other than the one each id would be written to.
fn taken_ids(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(loads) = storage::load_dir(dir) else {
        return Vec::new();
    };
    loads
        .into_iter()
        .filter_map(|l| l.program.map(|p| (p.id, l.path)))
        .collect()
}

pub fn run(o: &ImportOptions) -> Outcome {
    let lang = o.lang;
    let file = o.ledger.display().to_string();
    let mut res = Outcome {
        out: Vec::new(),
        err: Vec::new(),
        code: 1,
    };
    let map = match parse_map(&o.map, lang) {
        Ok(m) => m,
        Err(e) => {
            res.err.push(e);
            res.code = 2;
            return res;
        }
    };
    let sheets = match table::read(&o.ledger, o.sheet.as_deref(), o.encoding.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            res.err.push(words::read_error(&file, &e, lang));
            return res;
        }
    };
    let existing = taken_ids(&o.dir);
    // An id is free for a program whose own file it is: re-importing with --force replaces it.
    let taken: Vec<String> = existing
        .iter()
        .filter(|(id, path)| path.file_name() != Some(format!("{id}.ron").as_ref()))
        .map(|(id, _)| id.clone())
        .collect();
    let plan = plan::plan(&sheets, &map, o.year, &taken);
    // A sheet that is no ledger is worth a word only when it was asked for, or nothing was
    // found anywhere.
    if !plan.not_ledgers.is_empty() && (o.sheet.is_some() || plan.programs.is_empty()) {
        res.err
            .push(words::not_ledgers(&file, &plan.not_ledgers, lang));
    }
    if !o.dry_run
        && !plan.programs.is_empty()
        && !o.dir.is_dir()
        && let Err(e) = std::fs::create_dir_all(&o.dir)
    {
        res.err
            .push(words::no_folder(&o.dir.display().to_string(), &e, lang));
        return res;
    }
    let (mut imported, mut measures) = (0, 0);
    for p in &plan.programs {
        let path = write::path_for(&o.dir, p);
        let shown = path.display().to_string();
        let clash = existing
            .iter()
            .find(|(id, other)| *id == p.program.id && *other != path);
        let replaced = path.symlink_metadata().is_ok();
        let done = match clash {
            Some((id, other)) => Err(NotWritten::IdTaken {
                id: id.clone(),
                other: other.clone(),
            }),
            None => write_one(&path, p, o),
        };
        match done {
            Ok(()) => {
                imported += 1;
                measures += p.program.measures.len();
                res.out
                    .push(words::planned(&shown, p, o.dry_run, replaced, lang));
            }
            Err(e) => res.err.push(words::not_written(&shown, &e, lang)),
        }
    }
    for s in &plan.skipped {
        res.err.push(words::skipped(&file, s, lang));
    }
    if imported > 0 {
        res.out
            .push(words::summary(imported, measures, plan.skipped.len(), lang));
    }
    if o.dry_run {
        res.out.push(words::dry_run_note(lang));
    }
    if imported == 0 && !plan.programs.is_empty() {
        res.err.push(words::nothing_written(&file, lang));
    } else if imported == 0 {
        res.err.push(words::nothing(&file, lang));
    } else {
        res.code = 0;
    }
    res
}

fn write_one(path: &Path, p: &plan::Planned, o: &ImportOptions) -> Result<(), NotWritten> {
    let text = write::board_text(p)?;
    write::verify(path, &text, p, o.lang)?;
    if path.symlink_metadata().is_ok() && !o.force {
        return Err(NotWritten::Exists(path.to_owned()));
    }
    if o.dry_run {
        return Ok(());
    }
    write::write(path, &text, o.force)
}
