//! `rectify report` and `rectify snapshot`: load the boards, say which files are broken, hand
//! the good ones to a format, write the result. The day comes in from `main`, which alone
//! reads the clock.

use std::io::Write;
use std::path::Path;

use super::since::{self, Changes};
use super::snapshot::{Snapshot, SnapshotBoard};
use super::{csv, html, json, markdown};
use crate::cli::{BoardArgs, ReportArgs, ReportFormat, SnapshotArgs};
use crate::domain::{Date, Program};
use crate::i18n::Lang;
use crate::storage;

/// Exit codes, as `check` uses them: 1 when the work could not be done, 2 for a command line
/// that asks for something impossible.
const FAILED: u8 = 1;
const USAGE: u8 = 2;

pub fn report(args: &ReportArgs, board: &BoardArgs, clock_today: Date) -> u8 {
    let today = args.today.unwrap_or(clock_today);
    if args.bom && args.format != ReportFormat::Csv {
        eprintln!("rectify report: --bom is for --format csv (the mark Excel and WPS need)");
        return USAGE;
    }
    if args.since.is_some() && args.format == ReportFormat::Csv {
        eprintln!(
            "rectify report: the CSV ledger has one row per measure and no place for changes; use --since with markdown, html or json"
        );
        return USAGE;
    }
    let Some(loaded) = load(&board.dir, board.lang, "report") else {
        return FAILED;
    };
    let programs: Vec<Program> = loaded.boards.iter().map(|b| b.program.clone()).collect();
    let changes = match &args.since {
        None => None,
        Some(path) => match read_snapshot(path) {
            Ok(old) => {
                let mut c = since::diff(&old, &programs, today);
                since::mark_unreadable(&mut c, &old, &loaded.broken);
                Some(c)
            }
            Err(e) => {
                eprintln!("rectify report: {}: {e}", path.display());
                return FAILED;
            }
        },
    };
    let bytes = match render(args.format, &programs, today, changes.as_ref(), args.bom) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("rectify report: {e}");
            return FAILED;
        }
    };
    match &args.output {
        Some(path) => match std::fs::write(path, &bytes) {
            Ok(()) => {
                eprintln!(
                    "rectify report: wrote {} ({} programs, as of {today})",
                    path.display(),
                    programs.len()
                );
                0
            }
            Err(e) => {
                eprintln!("rectify report: cannot write {}: {e}", path.display());
                FAILED
            }
        },
        None => to_stdout(&bytes),
    }
}

fn render(
    format: ReportFormat,
    programs: &[Program],
    today: Date,
    changes: Option<&Changes>,
    bom: bool,
) -> Result<Vec<u8>, String> {
    Ok(match format {
        ReportFormat::Markdown => markdown::render(programs, today, changes).into_bytes(),
        ReportFormat::Html => html::render(programs, today, changes).into_bytes(),
        ReportFormat::Json => json::render(programs, today, changes)
            .map_err(|e| e.to_string())?
            .into_bytes(),
        ReportFormat::Csv => csv::render(programs, today, bom).map_err(|e| e.to_string())?,
    })
}

pub fn snapshot(args: &SnapshotArgs, board: &BoardArgs, clock_today: Date) -> u8 {
    let taken = args.today.unwrap_or(clock_today);
    let Some(loaded) = load(&board.dir, board.lang, "snapshot") else {
        return FAILED;
    };
    if !loaded.broken.is_empty() {
        eprintln!(
            "rectify snapshot: the programs in files with errors are not in the snapshot; a report --since it will say so"
        );
    }
    let snap = Snapshot {
        taken,
        boards: loaded.boards,
    };
    let text = match snap.to_json() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("rectify snapshot: {e}");
            return FAILED;
        }
    };
    if let Err(e) = std::fs::write(&args.output, text) {
        eprintln!(
            "rectify snapshot: cannot write {}: {e}",
            args.output.display()
        );
        return FAILED;
    }
    let measures: usize = snap.boards.iter().map(|b| b.program.measures.len()).sum();
    // A closed stdout must not turn a saved snapshot into a failure.
    let _ = writeln!(
        std::io::stdout(),
        "{}: {} programs, {measures} measures as of {taken}",
        args.output.display(),
        snap.boards.len()
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
fn load(dir: &Path, lang: Lang, cmd: &str) -> Option<Loaded> {
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
        eprintln!(
            "rectify {cmd}: no board could be read in {} (nothing to {cmd})",
            dir.display()
        );
        return None;
    }
    if !loaded.broken.is_empty() {
        eprintln!(
            "rectify {cmd}: {} of {} board files have errors and are left out",
            loaded.broken.len(),
            loaded.broken.len() + loaded.boards.len()
        );
    }
    Some(loaded)
}

fn read_snapshot(path: &Path) -> Result<Snapshot, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read the snapshot: {e}"))?;
    Snapshot::parse(&text)
}

fn to_stdout(bytes: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => 0,
        // A reader that stopped early (`| head`) got what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("rectify report: cannot write the report: {e}");
            FAILED
        }
    }
}
