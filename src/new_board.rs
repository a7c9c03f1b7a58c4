//! `rectify new`: a board file for a new program, from the template, written whole or not at
//! all and never over an existing file. A running board picks it up like any new file.

use anyhow::{Result, anyhow, bail};

use crate::cli::NewArgs;
use crate::i18n::Lang;
use crate::ledger::needed;
use crate::set::date;
use crate::storage::{self, NewBoard, Severity, save};
use crate::tr;

/// `now` gives the year of a start date typed without one; the due date falls in the start's.
pub fn run(args: &NewArgs, lang: Lang, now: chrono::NaiveDateTime) -> Result<String> {
    let file = args.file.display();
    if !storage::is_board_path(&args.file) {
        bail!(tr!(
            lang,
            "{file}：看板文件名须以 .ron 结尾且不以 . 开头，否则看板不会读取它",
            "{file}: a board file's name ends in .ron and does not start with a dot, or the board never reads it"
        ));
    }
    if args.file.symlink_metadata().is_ok() {
        bail!(tr!(
            lang,
            "{file} 已存在，未作改动",
            "{file} already exists; nothing written"
        ));
    }
    let id = needed("id", &args.id, lang)?;
    let title = needed("title", &args.title, lang)?;
    let lead = needed("lead", &args.lead, lang)?;
    let start = date("start", &args.start, chrono::Datelike::year(&now), lang)?;
    let due = date("due", &args.due, chrono::Datelike::year(&start.0), lang)?;
    if start > due {
        let (t, s, d) = (lang.texts(), start, due);
        let (s, d) = ((t.date)(s), (t.date)(d));
        bail!(tr!(
            lang,
            "开始日期 {s} 晚于完成期限 {d}",
            "the start, {s}, is after the due date, {d}"
        ));
    }
    same_id_in_folder(&args.file, &id, lang)?;
    let text = storage::new_board_text(&NewBoard {
        id: &id,
        title: &title,
        lead: &lead,
        start,
        due,
        goal: args.goal.trim(),
        inferred: false,
    });
    // The template is ours, the values the user's: what is written must read back as a board.
    let load = storage::load_text(&args.file, &text);
    if let Some(d) = load
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        bail!("{}", d.render(lang));
    }
    let program = load
        .program
        .ok_or_else(|| anyhow!(lang.texts().save_differs))?;
    save::write_new(&args.file, text.as_bytes())
        .map_err(|e| anyhow!("{file}: {}", e.text(lang)))?;
    Ok(format!(
        "{file}: {}",
        crate::describe::new_board(&program, lang)
    ))
}

/// A second board with the same program id would be refused by the board: say so now.
fn same_id_in_folder(file: &std::path::Path, id: &str, lang: Lang) -> Result<()> {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let Ok(loads) = storage::load_dir(dir) else {
        return Ok(());
    };
    match loads
        .iter()
        .find(|l| l.program.as_ref().is_some_and(|p| p.id == id))
    {
        Some(other) => {
            let other = other.path.display();
            bail!(tr!(
                lang,
                "{other} 已使用方案编号 {id}：每个方案的编号须唯一",
                "{other} already has program id {id}: each program needs its own"
            ))
        }
        None => Ok(()),
    }
}
