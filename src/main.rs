// Input comes from other people's files: nothing outside tests may panic on it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::process::ExitCode;

use rectify::check;
use rectify::cli::{BoardFlags, Command};
use rectify::config;
use rectify::set::commit_if_asked;

/// The C maths library's `log2`, answered in Rust. The xlsx writer's compressor (zopfli) is its
/// only user in the whole program; with this definition the link needs nothing from libm, so
/// the system does not load that library at every start (0.3 MB of a 5 MB board, issue 19).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[unsafe(no_mangle)]
pub extern "C" fn log2(x: f64) -> f64 {
    libm::log2(x)
}

/// Prints the error the way every subcommand reports one, and fails.
fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("rectify: {e}");
    ExitCode::FAILURE
}

/// A closed stdout (`rectify man | head`) means the reader has what it wanted: no error.
fn write_stdout(bytes: &[u8]) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// The only place outside the event loop that reads the clock: commands that judge deadlines
/// take the day from here unless `--today` pins it.
fn today() -> rectify::domain::Date {
    rectify::domain::Date(rectify::tui::now().date())
}

/// The options a command that changes a file takes from the board's: who, and in which
/// language.
fn shell_flags(
    user: Option<String>,
    lang: Option<rectify::i18n::Lang>,
    git_commit: bool,
) -> BoardFlags {
    BoardFlags {
        user,
        lang,
        git_commit,
        ..Default::default()
    }
}

/// A command that changes a file, reported: what changed on stdout (exit 0), or why not on
/// stderr, exit 2 for a command line that contradicts itself and 1 for anything else.
fn said(command: &str, result: anyhow::Result<String>) -> ExitCode {
    match result {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rectify {command}: {e:#}");
            if e.downcast_ref::<rectify::set::Usage>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// The xlsx ledger's row fills from the theme in force: its overdue and blocked colours.
fn xlsx_fills(theme: Option<&str>, lang: rectify::i18n::Lang) -> rectify::report::xlsx::Fills {
    use ratatui::style::Color;
    let (theme, _) = rectify::theme::resolve(theme, lang);
    let rgb = |c: Option<Color>| match c {
        Some(Color::Rgb(r, g, b)) => Some((r, g, b)),
        _ => None,
    };
    rectify::report::xlsx::Fills::from_colors(
        rgb(theme.deadline(-1, false, 0).fg),
        rgb(theme.status(rectify::domain::StatusKind::Blocked).fg),
    )
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = config::lang_before_parsing(&args);
    let cli =
        rectify::cli::parse(&args, lang).unwrap_or_else(|e| rectify::cli::errors::exit(e, lang));
    // The config file (if any) fills in what the command line left unset.
    // Options given before a subcommand count as if given after it.
    let outer = cli.board.clone();
    let resolve =
        |flags: BoardFlags| rectify::cli::resolve(&flags.or(&outer), cli.config.as_deref());
    match cli.command {
        Some(Command::Config { board, .. }) => match resolve(board) {
            Ok(eff) => {
                print!("{}", eff.render());
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        Some(Command::Completions { shell, .. }) => {
            // clap_complete panics when stdout closes early (`| head`): write it ourselves.
            let mut script = Vec::new();
            clap_complete::generate(
                shell,
                &mut rectify::cli::command(lang),
                "rectify",
                &mut script,
            );
            write_stdout(&script)
        }
        Some(Command::Man { .. }) => {
            let man = rectify::cli::man::Man::new(lang);
            let mut page = Vec::new();
            match man.render(&mut page) {
                Ok(()) => write_stdout(&page),
                Err(e) => fail(e),
            }
        }
        Some(Command::Check { paths, lang }) => match resolve(BoardFlags {
            lang,
            ..Default::default()
        }) {
            Ok(eff) => ExitCode::from(check::run(&paths, eff.args.lang) as u8),
            Err(e) => fail(e),
        },
        Some(Command::Set(args)) => said(
            "set",
            resolve(shell_flags(args.user.clone(), args.lang, args.git_commit))
                .map_err(anyhow::Error::msg)
                .and_then(|eff| {
                    let now = rectify::tui::now();
                    let report = rectify::set::run(&args, &eff.args, now)?;
                    commit_if_asked(&args.file, &eff.args, now, report)
                }),
        ),
        Some(Command::Add(args)) => said(
            "add",
            resolve(shell_flags(args.user.clone(), args.lang, args.git_commit))
                .map_err(anyhow::Error::msg)
                .and_then(|eff| {
                    let now = rectify::tui::now();
                    let report = rectify::ledger::add(&args, &eff.args, now)?;
                    commit_if_asked(&args.file, &eff.args, now, report)
                }),
        ),
        Some(Command::Remove(args)) => said(
            "remove",
            resolve(shell_flags(args.user.clone(), args.lang, args.git_commit))
                .map_err(anyhow::Error::msg)
                .and_then(|eff| {
                    let now = rectify::tui::now();
                    let report = rectify::ledger::remove(&args, &eff.args, now)?;
                    commit_if_asked(&args.file, &eff.args, now, report)
                }),
        ),
        Some(Command::New(args)) => said(
            "new",
            resolve(shell_flags(None, args.lang, args.git_commit))
                .map_err(anyhow::Error::msg)
                .and_then(|eff| {
                    let now = rectify::tui::now();
                    let report = rectify::new_board::run(&args, eff.args.lang, now)?;
                    commit_if_asked(&args.file, &eff.args, now, report)
                }),
        ),
        Some(Command::Meeting(args)) => match resolve(args.board.clone())
            .map_err(anyhow::Error::msg)
            .and_then(|eff| rectify::tui::run_meeting(eff.args, args.cycle))
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(format!("{e:#}")),
        },
        Some(Command::Report(args)) => match resolve(BoardFlags {
            dir: args.dir.clone(),
            lang: args.lang,
            today: args.today,
            ..Default::default()
        }) {
            Ok(eff) => {
                let mut opts = args.options(&eff.args);
                opts.fills = xlsx_fills(eff.args.theme.as_deref(), eff.args.lang);
                ExitCode::from(rectify::report::run::report(
                    &opts,
                    eff.args.today.unwrap_or_else(today),
                ))
            }
            Err(e) => fail(e),
        },
        Some(Command::Import(args)) => match resolve(BoardFlags {
            lang: args.lang,
            ..Default::default()
        }) {
            Ok(eff) => {
                let opts = rectify::import::ImportOptions {
                    ledger: args.ledger.clone(),
                    dir: args.output.clone().unwrap_or(eff.args.dir.clone()),
                    sheet: args.sheet.clone(),
                    map: args.map.clone(),
                    dry_run: args.dry_run,
                    force: args.force,
                    encoding: args.encoding.clone(),
                    lang: eff.args.lang,
                    year: chrono::Datelike::year(&today().0),
                };
                let done = rectify::import::run(&opts);
                for line in &done.out {
                    println!("{line}");
                }
                for line in &done.err {
                    eprintln!("rectify import: {line}");
                }
                ExitCode::from(done.code)
            }
            Err(e) => fail(e),
        },
        Some(Command::Snapshot(args)) => match resolve(BoardFlags {
            dir: args.dir.clone(),
            lang: args.lang,
            today: args.today,
            ..Default::default()
        }) {
            Ok(eff) => ExitCode::from(rectify::report::run::snapshot(
                &args.options(&eff.args),
                eff.args.today.unwrap_or_else(today),
            )),
            Err(e) => fail(e),
        },
        Some(Command::Git(rectify::cli::git::GitCommand::Merge(args))) => {
            let lang =
                resolve(shell_flags(None, args.lang, false)).map_or(lang, |eff| eff.args.lang);
            ExitCode::from(rectify::cli::git::merge(&args, lang).exit_code())
        }
        Some(Command::Git(rectify::cli::git::GitCommand::Setup(args))) => said(
            "git setup",
            resolve(BoardFlags {
                dir: args.dir.clone(),
                lang: args.lang,
                ..Default::default()
            })
            .map_err(anyhow::Error::msg)
            .and_then(|eff| rectify::cli::git::setup(&eff.args.dir, eff.args.lang)),
        ),
        None => match resolve(BoardFlags::default())
            .map_err(anyhow::Error::msg)
            .and_then(|eff| rectify::tui::run(eff.args))
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(format!("{e:#}")),
        },
    }
}
