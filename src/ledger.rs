//! `rectify add` and `rectify remove`: a board grown or shrunk from the shell, through the
//! engine the board uses (`save::save_change`: the lock, the re-read, the check of what the
//! user saw, the atomic write and the history lines).

use anyhow::{Result, anyhow, bail};

use crate::cli::{AddArgs, BoardArgs, RemoveArgs};
use crate::domain::{DateChange, Measure, Milestone, Program, Status, next_id};
use crate::i18n::Lang;
use crate::set::{date, parse_status, program, progress, unless_doubted, write};
use crate::storage::change::Change;
use crate::tr;

/// A text a board needs, trimmed; an empty one is refused naming its option.
pub(crate) fn needed(flag: &str, text: &str, lang: Lang) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        bail!(tr!(lang, "--{flag} 不能为空", "--{flag} must not be empty"));
    }
    Ok(t.to_owned())
}

pub fn add(args: &AddArgs, board: &BoardArgs, now: chrono::NaiveDateTime) -> Result<String> {
    let lang = board.lang;
    let p = program(&args.file, lang)?;
    let due = date("due", &args.due, p.year(), lang)?;
    if let Some(title) = &args.milestone {
        let milestone = Milestone {
            title: needed("milestone", title, lang)?,
            due,
            done: None,
        };
        unless_doubted(&p, DateChange::Milestone { due }, args.force, lang)?;
        return write(&args.file, &Change::AddMilestone { milestone }, board, now);
    }
    let measure = new_measure(args, &p, due, lang)?;
    unless_doubted(&p, DateChange::NewMeasure { due }, args.force, lang)?;
    let chosen = args.id.is_none().then(|| measure.id.clone());
    let after = args.after.clone();
    if let Some(a) = after.as_deref().filter(|a| p.measure(a).is_none()) {
        bail!((lang.texts().set_no_measure)(
            a,
            &args.file.display().to_string()
        ));
    }
    let said = write(
        &args.file,
        &Change::AddMeasure { measure, after },
        board,
        now,
    )?;
    Ok(match chosen {
        Some(id) => tr!(
            lang,
            "{said}（编号自动取为 {id}）",
            "{said} (id chosen: {id})"
        ),
        None => said,
    })
}

/// The measure `add` describes, every value checked and in the reader's words when refused.
fn new_measure(
    args: &AddArgs,
    p: &Program,
    due: crate::domain::Date,
    lang: Lang,
) -> Result<Measure> {
    let t = lang.texts();
    let id = match &args.id {
        Some(id) => needed("id", id, lang)?,
        None => {
            let ids: Vec<&str> = p.measures.iter().map(|m| m.id.as_str()).collect();
            next_id(&ids, &p.id)
        }
    };
    let title = needed("title", args.title.as_deref().unwrap_or_default(), lang)?;
    let owner = needed("owner", args.owner.as_deref().unwrap_or_default(), lang)?;
    let progress = args
        .progress
        .as_deref()
        .map(|s| progress(s, lang))
        .transpose()?
        .unwrap_or(0);
    let status = match &args.status {
        Some(s) => parse_status(s, args.reason.as_deref(), t)?,
        None if args.reason.is_some() => bail!(t.set_reason_alone),
        None => Status::NotStarted,
    };
    if args.reason.is_some() && !matches!(status, Status::Blocked(_)) {
        bail!(t.set_reason_alone);
    }
    if status == Status::SignedOff {
        bail!(tr!(
            lang,
            "新措施不能直接以已销号状态加入：请先加入，再用 rectify set --sign-off 销号",
            "a new measure cannot start signed off: add it, then sign it off with `rectify set --sign-off`"
        ));
    }
    Ok(Measure {
        id,
        title,
        owner,
        due,
        revised: Vec::new(),
        status,
        progress,
        notes: args
            .note
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .to_owned(),
        signed_off: None,
        signed_by: None,
    })
}

pub fn remove(args: &RemoveArgs, board: &BoardArgs, now: chrono::NaiveDateTime) -> Result<String> {
    let lang = board.lang;
    let p = program(&args.file, lang)?;
    let measure = p.measure(&args.measure).cloned().ok_or_else(|| {
        anyhow!((lang.texts().set_no_measure)(
            &args.measure,
            &args.file.display().to_string()
        ))
    })?;
    write(&args.file, &Change::RemoveMeasure { measure }, board, now)
}
