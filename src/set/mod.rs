//! `rectify set`: one measure (or milestone) changed from the shell, through the same engine
//! as the board; and the parsing and writing the other shell commands share.

mod milestone;

use std::path::Path;

use anyhow::{Result, anyhow, bail};

use crate::cli::{BoardArgs, SetArgs};
use crate::describe::change_of_board;
use crate::domain::edit::{Edit, FieldChange};
use crate::domain::{
    Date, DateChange, Measure, Program, SignOffDoubt, Status, StatusKind, date_doubts,
    parse_progress,
};
use crate::i18n::{Lang, Texts};
use crate::storage::change::Change;
use crate::storage::save::{self, Author};
use crate::storage::{self, Severity};
use crate::tr;

pub(crate) fn parse_status(s: &str, reason: Option<&str>, t: &Texts) -> Result<Status> {
    let kind = StatusKind::parse(s).ok_or_else(|| anyhow!((t.set_unknown_status)(s)))?;
    Ok(match kind {
        StatusKind::NotStarted => Status::NotStarted,
        StatusKind::InProgress => Status::InProgress,
        StatusKind::Blocked => match reason.map(str::trim).filter(|r| !r.is_empty()) {
            Some(r) => Status::Blocked(r.to_owned()),
            None => bail!(t.set_need_reason),
        },
        StatusKind::Done => Status::Done,
        StatusKind::SignedOff => Status::SignedOff,
    })
}

/// A command line that contradicts itself: reported like clap's own usage errors (exit 2).
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// One option's edit, built on the measure as the options before it left it.
type Step<'a> = Box<dyn Fn(&Measure) -> Edit + 'a>;

/// Several options become one edit: each is built on the measure as the previous ones left
/// it, and a field changed twice keeps its first old value and its last new one.
fn combine(m: &Measure, steps: Vec<Step<'_>>) -> Edit {
    let mut work = m.clone();
    let mut changes: Vec<FieldChange> = Vec::new();
    for step in steps {
        let e = step(&work);
        e.apply_to(&mut work);
        for c in e.changes {
            match changes.iter_mut().find(|x| x.field == c.field) {
                Some(x) => x.new = c.new,
                None => changes.push(c),
            }
        }
    }
    changes.retain(|c| c.old != c.new);
    Edit {
        measure: m.id.clone(),
        changes,
        reason: None,
    }
}

/// Values are checked here rather than by clap, so a bad value exits 1 like a conflict does;
/// only a malformed command line exits 2. Dates are taken as people type them, a date without a
/// year in the program's year.
pub(crate) fn date(flag: &str, s: &str, year: i32, lang: Lang) -> Result<Date> {
    Date::parse_typed(s, year).map_err(|e| {
        let why = crate::describe::date_error(s, e, lang);
        anyhow!(tr!(lang, "--{flag}：{why}", "--{flag}: {why}"))
    })
}

/// A date `rectify check` would warn about is written only with `--force`, as the board writes
/// it only on a second Enter.
pub(crate) fn unless_doubted(
    p: &Program,
    change: DateChange,
    force: bool,
    lang: Lang,
) -> Result<()> {
    let doubts = date_doubts(p, change);
    if force || doubts.is_empty() {
        return Ok(());
    }
    bail!(crate::describe::date_doubts_refusal(&doubts, lang))
}

pub(crate) fn progress(s: &str, lang: Lang) -> Result<i64> {
    parse_progress(s).map_err(|e| {
        let why = crate::describe::progress_error(s, e, lang);
        anyhow!(tr!(lang, "--progress：{why}", "--progress: {why}"))
    })
}

/// The board in `file`, or its first error in the reader's words.
pub(crate) fn program(file: &std::path::Path, lang: Lang) -> Result<crate::domain::Program> {
    let load = storage::load_file(file);
    match load.program {
        Some(p) => Ok(p),
        None => {
            let d = load
                .diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map(|d| d.render(lang))
                .unwrap_or_default();
            bail!("{d}")
        }
    }
}

/// Writes `change` to `file` as `board.user`, and says what changed: `FILE: 新增措施 …`.
pub(crate) fn write(
    file: &Path,
    change: &Change,
    board: &BoardArgs,
    now: chrono::NaiveDateTime,
) -> Result<String> {
    let who = Author {
        user: board.user.clone(),
        at: now,
    };
    save::save_change(file, change, &who)
        .map_err(|e| anyhow!("{}: {}", file.display(), e.text(board.lang)))?;
    Ok(format!(
        "{}: {}",
        file.display(),
        change_of_board(change, board.lang)
    ))
}

/// `board`: the settings resolved from the flags, the config file and the environment (who
/// makes the change, the language of the messages).
pub fn run(args: &SetArgs, board: &BoardArgs, now: chrono::NaiveDateTime) -> Result<String> {
    let user = board.user.clone();
    let lang = board.lang;
    let t = lang.texts();
    let measure = match (&args.measure, &args.milestone) {
        // clap drops `--done`'s need of `--milestone` when the measure rules the latter out.
        (Some(_), None) if args.done.is_some() || args.not_done => {
            return Err(Usage(tr!(
                lang,
                "--done 和 --not-done 只用于时间节点：请用 --milestone 指定节点",
                "--done and --not-done are for a milestone: name it with --milestone"
            ))
            .into());
        }
        (Some(m), None) => m,
        (None, Some(n)) => return milestone::milestone(args, n, board, now),
        (Some(_), Some(_)) => {
            return Err(Usage(tr!(
                lang,
                "请给出措施编号或 --milestone 之一，不能两者都给",
                "give a measure id or --milestone, not both"
            ))
            .into());
        }
        (None, None) => {
            return Err(Usage(tr!(
                lang,
                "请给出要修改的措施编号，或用 --milestone 指定时间节点",
                "give the id of the measure to change, or --milestone for a milestone"
            ))
            .into());
        }
    };
    let new_progress = args
        .progress
        .as_deref()
        .map(|p| progress(p, lang))
        .transpose()?;
    let program = program(&args.file, lang)?;
    let year = program.year();
    let today = match &args.today {
        Some(d) => date("today", d, year, lang)?,
        None => Date(now.date()),
    };
    let new_due = args
        .due
        .as_deref()
        .map(|d| date("due", d, year, lang))
        .transpose()?;
    let m = program.measure(measure).ok_or_else(|| {
        anyhow!((t.set_no_measure)(
            measure,
            &args.file.display().to_string()
        ))
    })?;
    let status = args
        .status
        .as_deref()
        .map(|s| parse_status(s, args.reason.as_deref(), t))
        .transpose()?;
    if status.is_none() && args.reason.is_some() && !args.reopen {
        bail!(t.set_reason_alone);
    }
    if args.reopen && status == Some(Status::SignedOff) {
        return Err(Usage(tr!(
            lang,
            "--reopen 与 --status signed-off 相互矛盾",
            "--reopen and --status signed-off contradict each other"
        ))
        .into());
    }
    let signed_off = m.status == Status::SignedOff;
    let id = &m.id;
    if args.reopen && !signed_off {
        bail!(tr!(
            lang,
            "{id} 尚未销号，无需撤销",
            "{id} is not signed off: there is nothing to reopen"
        ));
    }
    if signed_off && args.sign_off {
        return Ok(format!(
            "{}: {} {}",
            args.file.display(),
            m.id,
            t.already_signed_off
        ));
    }
    if signed_off && !args.reopen {
        bail!(tr!(
            lang,
            "{id} 已销号；如需修改，请先用 --reopen --reason \"原因\" 撤销销号",
            "{id} is signed off; reopen it first with --reopen --reason \"why\""
        ));
    }
    if args.sign_off && user.trim().is_empty() {
        bail!(tr!(
            lang,
            "不知道销号人是谁：请用 --user 写明姓名，或设置 RECTIFY_USER",
            "no signer name known: give --user NAME, or set RECTIFY_USER"
        ));
    }
    if args.sign_off && !args.force {
        let mut after = m.clone();
        if let Some(s) = &status {
            after.status = s.clone();
        }
        if let Some(p) = new_progress {
            after.progress = p;
        }
        match after.sign_off_doubt() {
            Some(SignOffDoubt::Blocked(why)) => bail!(tr!(
                lang,
                "{id} 仍处于受阻状态（{why}）；确要销号请加 --force",
                "{id} is still blocked ({why}); add --force to sign it off all the same"
            )),
            Some(SignOffDoubt::Short(p)) => bail!(tr!(
                lang,
                "{id} 进度为 {p}%，未到 100%；确要销号请加 --force",
                "{id} is at {p}%, not 100%; add --force to sign it off all the same"
            )),
            None => {}
        }
    }
    if let Some(to) = new_due {
        unless_doubted(
            &program,
            DateChange::Revise { measure: m, to },
            args.force,
            lang,
        )?;
    }
    let mut steps: Vec<Step<'_>> = Vec::new();
    let reopen_reason = args
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty() && args.reopen);
    if args.reopen && reopen_reason.is_none() {
        bail!(t.need_reopen_reason);
    }
    if let Some(why) = reopen_reason {
        let to = status.clone().unwrap_or(Status::InProgress);
        let user = user.clone();
        steps.push(Box::new(move |m| {
            Edit::reopen(m, to.clone(), why, today, &user)
        }));
    } else if let Some(s) = status {
        let user = user.clone();
        steps.push(Box::new(move |m| Edit::status(m, s.clone(), today, &user)));
    }
    if let Some(p) = new_progress {
        steps.push(Box::new(move |m| Edit::progress(m, p)));
    }
    if let Some(n) = &args.note {
        steps.push(Box::new(move |m| Edit::note(m, n)));
    }
    if args.sign_off {
        let user = user.clone();
        steps.push(Box::new(move |m| Edit::sign_off(m, today, &user)));
    }
    if let Some(d) = new_due {
        steps.push(Box::new(move |m| Edit::revise(m, d)));
    }
    if steps.is_empty() {
        bail!(t.set_nothing);
    }
    let mut edit = combine(m, steps);
    edit.reason = reopen_reason.map(str::to_owned);
    if edit.is_empty() {
        return Ok(format!(
            "{}: {} {}",
            args.file.display(),
            m.id,
            t.set_already
        ));
    }
    let who = Author { user, at: now };
    save::save(&args.file, None, &edit, &who)
        .map_err(|e| anyhow!("{}: {}", args.file.display(), e.text(lang)))?;
    Ok(format!(
        "{}: {}",
        args.file.display(),
        crate::describe::edit(&edit, lang)
    ))
}

/// `--git-commit` for a shell command that saved `file`: its report, with the commit's line
/// under it. The report (what changed, in the user's words) is the commit's message. A commit
/// that fails says so and fails the command, though the file stays saved.
pub fn commit_if_asked(
    file: &std::path::Path,
    board: &BoardArgs,
    now: chrono::NaiveDateTime,
    report: String,
) -> Result<String> {
    if !board.git_commit {
        return Ok(report);
    }
    let who = crate::git::commit::Committer {
        name: &board.user,
        at: now,
    };
    match crate::git::commit::commit_saved(file, &who, &report) {
        Ok(Some(id)) => Ok(format!(
            "{report}\n{}",
            crate::describe::git_committed(&id.to_string(), board.lang)
        )),
        Ok(None) => Ok(report),
        Err(e) => bail!(crate::describe::git_commit_failed(&e, board.lang)),
    }
}
