//! `rectify set`: one measure changed from the shell, through the same engine as the board.

use anyhow::{Result, anyhow, bail};

use crate::cli::{BoardArgs, SetArgs, parse_date};
use crate::domain::edit::{Edit, FieldChange};
use crate::domain::{Date, Measure, Status, StatusKind};
use crate::storage::save::{self, Author};
use crate::storage::{self, Severity};

fn parse_status(s: &str, reason: Option<&str>) -> Result<Status> {
    let kind = StatusKind::parse(s).ok_or_else(|| {
        anyhow!(
            "unknown status `{s}`; expected not-started, in-progress, blocked, done or signed-off"
        )
    })?;
    Ok(match kind {
        StatusKind::NotStarted => Status::NotStarted,
        StatusKind::InProgress => Status::InProgress,
        StatusKind::Blocked => match reason.map(str::trim).filter(|r| !r.is_empty()) {
            Some(r) => Status::Blocked(r.to_owned()),
            None => bail!("--status blocked needs --reason \"what it waits for\""),
        },
        StatusKind::Done => Status::Done,
        StatusKind::SignedOff => Status::SignedOff,
    })
}

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
    }
}

/// Values are checked here rather than by clap, so a bad value exits 1 like a conflict does;
/// only a malformed command line exits 2.
fn date(flag: &str, s: &str) -> Result<Date> {
    parse_date(s).map_err(|e| anyhow!("--{flag}: {e}"))
}

fn progress(s: &str) -> Result<i64> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|p| (0..=100).contains(p))
        .ok_or_else(|| anyhow!("--progress: `{s}` is not a whole number from 0 to 100"))
}

/// `board`: the settings resolved from the flags, the config file and the environment (who
/// makes the change, the language of the messages).
pub fn run(args: &SetArgs, board: &BoardArgs, now: chrono::NaiveDateTime) -> Result<String> {
    let user = board.user.clone();
    let today = match &args.today {
        Some(t) => date("today", t)?,
        None => Date(now.date()),
    };
    let new_progress = args.progress.as_deref().map(progress).transpose()?;
    let new_due = args.due.as_deref().map(|d| date("due", d)).transpose()?;
    let load = storage::load_file(&args.file);
    let Some(program) = load.program else {
        let d = load
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .map(|d| d.to_string())
            .unwrap_or_default();
        bail!("{d}");
    };
    let m = program
        .measure(&args.measure)
        .ok_or_else(|| anyhow!("no measure `{}` in {}", args.measure, args.file.display()))?;
    let status = args
        .status
        .as_deref()
        .map(|s| parse_status(s, args.reason.as_deref()))
        .transpose()?;
    if status.is_none() && args.reason.is_some() {
        bail!("--reason goes with --status blocked");
    }
    let mut steps: Vec<Step<'_>> = Vec::new();
    if let Some(s) = status {
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
        bail!("nothing to change: give --status, --progress, --note, --sign-off or --due");
    }
    let edit = combine(m, steps);
    if edit.is_empty() {
        return Ok(format!(
            "{}: {} already as asked; nothing written",
            args.file.display(),
            m.id
        ));
    }
    let who = Author { user, at: now };
    save::save(&args.file, None, &edit, &who)
        .map_err(|e| anyhow!("{}: {e}", args.file.display()))?;
    Ok(edit
        .changes
        .iter()
        .map(|c| {
            format!(
                "{}: {} {}: {} → {}",
                args.file.display(),
                edit.measure,
                c.field.name(),
                c.old.show(),
                c.new.show()
            )
        })
        .collect::<Vec<_>>()
        .join("\n"))
}
