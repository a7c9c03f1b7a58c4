//! `rectify set --milestone`: a milestone reached, not reached or moved, from the shell.

use std::path::Path;

use anyhow::{Result, bail};

use super::{date, program, unless_doubted, write};
use crate::cli::{BoardArgs, SetArgs};
use crate::domain::{DateChange, Program};
use crate::i18n::Lang;
use crate::storage::change::Change;
use crate::storage::save::SaveError;
use crate::tr;

/// `set --milestone N`: milestone `n` (its number on the strip, or its exact title) reached,
/// not reached, or moved.
pub fn milestone(
    args: &SetArgs,
    n: &str,
    board: &BoardArgs,
    now: chrono::NaiveDateTime,
) -> Result<String> {
    let lang = board.lang;
    let p = program(&args.file, lang)?;
    let index = milestone_index(&p, n, &args.file, lang)?;
    let Some(seen) = p.milestones.get(index - 1).cloned() else {
        bail!(
            "{}: {}",
            args.file.display(),
            SaveError::NoMilestone(index).text(lang)
        );
    };
    let mut new = seen.clone();
    if let Some(d) = &args.done {
        new.done = Some(date("done", d, p.year(), lang)?);
    }
    if args.not_done {
        new.done = None;
    }
    if let Some(d) = &args.due {
        new.due = date("due", d, p.year(), lang)?;
    }
    if args.done.is_none() && !args.not_done && args.due.is_none() {
        bail!(tr!(
            lang,
            "没有要修改的内容：请给出 --done、--not-done 或 --due",
            "nothing to change: give --done, --not-done or --due"
        ));
    }
    if new.due != seen.due {
        let change = DateChange::Milestone { due: new.due };
        unless_doubted(&p, change, args.force, lang)?;
    }
    if new == seen {
        let (title, file) = (&seen.title, args.file.display());
        let already = lang.texts().set_already;
        return Ok(tr!(
            lang,
            "{file}: 时间节点 {index}“{title}”{already}",
            "{file}: milestone {index} \"{title}\": {already}"
        ));
    }
    write(
        &args.file,
        &Change::Milestone { index, seen, new },
        board,
        now,
    )
}

/// The 1-based number of milestone `n`: a number as on the strip, else an exact title.
fn milestone_index(p: &Program, n: &str, file: &Path, lang: Lang) -> Result<usize> {
    if let Ok(i) = n.trim().parse::<usize>() {
        if i == 0 || i > p.milestones.len() {
            bail!(
                "{}: {}",
                file.display(),
                SaveError::NoMilestone(i).text(lang)
            );
        }
        return Ok(i);
    }
    let found: Vec<usize> = (1..=p.milestones.len())
        .filter(|&i| p.milestones[i - 1].title == n)
        .collect();
    let file = file.display();
    match found[..] {
        [i] => Ok(i),
        [] => bail!(tr!(
            lang,
            "{file} 中没有名为“{n}”的时间节点",
            "no milestone titled \"{n}\" in {file}"
        )),
        _ => bail!(tr!(
            lang,
            "{file} 中有多个名为“{n}”的时间节点：请用编号",
            "{file} has several milestones titled \"{n}\": give the number instead"
        )),
    }
}
