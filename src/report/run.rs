//! `rectify report` and `rectify snapshot`: load the boards, say which files are broken, hand
//! the good ones to a format, write the result. The day comes in from `main`, which alone
//! reads the clock.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::since::{self, Changes};
use super::snapshot::{Snapshot, SnapshotBoard};
use super::texts::texts;
use super::xlsx::{self, Fills, XlsxOptions};
use super::{csv, html, json, markdown};
use crate::domain::problems::ProblemList;
use crate::domain::{Date, Program};
use crate::i18n::Lang;
use crate::storage::{self, IoCause};

/// The formats `rectify report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    Xlsx,
    Json,
    Html,
}

/// What `rectify report` is asked for, with the settings already applied: the command line
/// builds it, so reports know nothing of clap.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub dir: PathBuf,
    pub lang: Lang,
    pub format: Format,
    /// The day to report as of; the clock's day when `None`.
    pub today: Option<Date>,
    /// Standard output when `None`.
    pub output: Option<PathBuf>,
    /// A byte-order mark before csv, for Excel.
    pub bom: bool,
    /// A snapshot file, or a git revision of the boards, to report the changes since.
    pub since: Option<PathBuf>,
    /// The xlsx ledger's row fills, from the theme in force.
    pub fills: Fills,
    /// How many days ahead "due soon" looks: the folder's setting, as on the board.
    pub due_soon_days: i64,
}

/// What `rectify snapshot` is asked for.
#[derive(Debug, Clone)]
pub struct SnapshotOptions {
    pub dir: PathBuf,
    pub lang: Lang,
    pub output: PathBuf,
    pub today: Option<Date>,
}

/// Exit codes, as `check` uses them: 1 when the work could not be done, 2 for a command line
/// that asks for something impossible.
const FAILED: u8 = 1;
const USAGE: u8 = 2;

/// Which command speaks, for the `rectify report: …` prefix and "nothing to …".
#[derive(Clone, Copy)]
enum Cmd {
    Report,
    Snapshot,
}

/// Says one thing on stderr as `rectify <cmd>: message`, in the user's language.
fn say(cmd: Cmd, message: &str) {
    let name = match cmd {
        Cmd::Report => "report",
        Cmd::Snapshot => "snapshot",
    };
    // The program's name prefixes its messages as in every tool's (coreutils' Chinese
    // messages too): `rectify report: 无法写入 …`, the same as `rectify set:`.
    eprintln!("rectify {name}: {message}");
}

pub fn report(args: &ReportOptions, clock_today: Date) -> u8 {
    let today = args.today.unwrap_or(clock_today);
    let lang = args.lang;
    let t = texts(lang);
    let cmd = Cmd::Report;
    if args.bom && args.format != Format::Csv {
        say(cmd, t.bom_not_csv);
        return USAGE;
    }
    if args.since.is_some() && matches!(args.format, Format::Csv | Format::Xlsx) {
        say(cmd, t.since_csv);
        return USAGE;
    }
    // A workbook is bytes no terminal shows; piped, it is what the user asked for.
    if args.format == Format::Xlsx
        && args.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        say(cmd, t.xlsx_to_terminal);
        return USAGE;
    }
    let Some(loaded) = load(&args.dir, cmd, args.lang) else {
        return FAILED;
    };
    let programs: Vec<Program> = loaded.boards.iter().map(|b| b.program.clone()).collect();
    let changes = match &args.since {
        None => None,
        Some(path) => match Snapshot::from_since(path, &args.dir, lang) {
            Ok(old) => {
                let mut c = since::diff(&old, &programs, today);
                since::mark_unreadable(&mut c, &old, &loaded.broken);
                Some(c)
            }
            Err(e) => {
                say(cmd, &(t.ui.labelled)(&path.display().to_string(), &e));
                return FAILED;
            }
        },
    };
    let problems = load_problems(&args.dir, &programs, lang);
    let bytes = match render(
        args,
        &programs,
        problems.as_ref(),
        today,
        changes.as_ref(),
        lang,
    ) {
        Ok(b) => b,
        Err(e) => {
            say(cmd, &e);
            return FAILED;
        }
    };
    match &args.output {
        Some(path) => match std::fs::write(path, &bytes) {
            Ok(()) => {
                let file = path.display().to_string();
                say(
                    cmd,
                    &(t.wrote)(&file, programs.len(), &(t.prose_date)(today)),
                );
                0
            }
            Err(e) => {
                let file = path.display().to_string();
                say(cmd, &(t.cannot_write)(&file, &IoCause::from(&e).text(lang)));
                FAILED
            }
        },
        None => to_stdout(&bytes, lang),
    }
}

fn render(
    args: &ReportOptions,
    programs: &[Program],
    problems: Option<&ProblemList>,
    today: Date,
    changes: Option<&Changes>,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    Ok(match args.format {
        Format::Markdown => {
            markdown::render_full(programs, problems, today, args.due_soon_days, changes, lang)
                .into_bytes()
        }
        Format::Html => {
            html::render_full(programs, problems, today, args.due_soon_days, changes, lang)
                .into_bytes()
        }
        Format::Json => json::render_full(programs, problems, today, args.due_soon_days, changes)
            .map_err(|e| e.to_string())?
            .into_bytes(),
        Format::Csv => csv::render(programs, today, args.bom, lang).map_err(|e| e.to_string())?,
        Format::Xlsx => {
            let opts = XlsxOptions {
                fills: args.fills,
                due_soon_days: args.due_soon_days,
            };
            xlsx::render(programs, today, lang, &opts).map_err(|e| e.to_string())?
        }
    })
}

pub fn snapshot(args: &SnapshotOptions, clock_today: Date) -> u8 {
    let taken = args.today.unwrap_or(clock_today);
    let t = texts(args.lang);
    let cmd = Cmd::Snapshot;
    let Some(loaded) = load(&args.dir, cmd, args.lang) else {
        return FAILED;
    };
    if !loaded.broken.is_empty() {
        say(cmd, t.snapshot_leaves_out);
    }
    let snap = Snapshot {
        taken,
        boards: loaded.boards,
    };
    let text = match snap.to_json() {
        Ok(text) => text,
        Err(e) => {
            say(cmd, &e.to_string());
            return FAILED;
        }
    };
    let file = args.output.display().to_string();
    if let Err(e) = std::fs::write(&args.output, text) {
        say(
            cmd,
            &(t.cannot_write)(&file, &IoCause::from(&e).text(args.lang)),
        );
        return FAILED;
    }
    let measures: usize = snap.boards.iter().map(|b| b.program.measures.len()).sum();
    // A closed stdout must not turn a saved snapshot into a failure.
    let _ = writeln!(
        std::io::stdout(),
        "{}",
        (t.snapshot_written)(&file, snap.boards.len(), measures, &(t.prose_date)(taken))
    );
    0
}

struct Loaded {
    boards: Vec<SnapshotBoard>,
    /// File names of boards that could not be read.
    broken: Vec<String>,
}

/// The good boards; each error of a broken one goes to stderr, compiler-style. `None` (after
/// saying why) only when nothing at all could be read.
/// The folder's problem list for the report's section; a broken one is said on stderr and
/// left out (its references to missing measures only: those problems stay open).
fn load_problems(dir: &Path, programs: &[Program], lang: Lang) -> Option<ProblemList> {
    let refs: Vec<&Program> = programs.iter().collect();
    let load = storage::problem_list::load_problems(dir, &refs)?;
    for d in load.diagnostics.iter() {
        eprintln!("{}", d.headline(lang));
    }
    load.list
}

fn load(dir: &Path, cmd: Cmd, lang: Lang) -> Option<Loaded> {
    let t = texts(lang);
    let loads = match storage::load_dir(dir) {
        Ok(l) => l,
        Err(d) => {
            eprintln!("{}", d.headline(lang));
            return None;
        }
    };
    let mut loaded = Loaded {
        boards: Vec::new(),
        broken: Vec::new(),
    };
    for l in loads {
        let file = l
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for d in l.errors() {
            eprintln!("{}", d.headline(lang));
        }
        match l.program {
            Some(program) => loaded.boards.push(SnapshotBoard { file, program }),
            None => loaded.broken.push(file),
        }
    }
    if loaded.boards.is_empty() {
        let action = match cmd {
            Cmd::Report => t.action_report,
            Cmd::Snapshot => t.action_snapshot,
        };
        say(
            cmd,
            &(t.nothing_readable)(&dir.display().to_string(), action),
        );
        return None;
    }
    if !loaded.broken.is_empty() {
        say(
            cmd,
            &(t.broken_left_out)(
                loaded.broken.len(),
                loaded.broken.len() + loaded.boards.len(),
            ),
        );
    }
    Some(loaded)
}

fn to_stdout(bytes: &[u8], lang: Lang) -> u8 {
    let t = texts(lang);
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => 0,
        // A reader that stopped early (`| head`) got what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            say(
                Cmd::Report,
                &(t.cannot_write_report)(&IoCause::from(&e).text(lang)),
            );
            FAILED
        }
    }
}
