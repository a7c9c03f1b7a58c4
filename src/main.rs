// Input comes from other people's files: nothing outside tests may panic on it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::process::ExitCode;

use clap::CommandFactory;
use clap::Parser;
use rectify::check;
use rectify::cli::{Cli, Command};
use rectify::config;

/// Prints the error the way every subcommand reports one, and fails.
fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("rectify: {e}");
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The config file (if any) fills in what the command line left unset.
    let resolve = |flags: &rectify::cli::BoardFlags| config::resolve(flags, cli.config.as_deref());
    match cli.command {
        Some(Command::Config { board, .. }) => match resolve(&board) {
            Ok(eff) => {
                print!("{}", eff.render());
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "rectify", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Some(Command::Man) => {
            let man = clap_mangen::Man::new(Cli::command());
            match man.render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Some(Command::Check { paths }) => ExitCode::from(check::run(&paths) as u8),
        Some(Command::Set(args)) => match resolve(&rectify::cli::BoardFlags {
            user: args.user.clone(),
            ..Default::default()
        })
        .map_err(anyhow::Error::msg)
        .and_then(|eff| rectify::set::run(&args, eff.args.user, rectify::tui::now()))
        {
            Ok(report) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("rectify set: {e:#}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Meeting(args)) => match resolve(&args.board)
            .map_err(anyhow::Error::msg)
            .and_then(|eff| rectify::tui::run_meeting(eff.args, args.cycle))
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(format!("{e:#}")),
        },
        Some(Command::Report(args)) => ExitCode::from(rectify::report::run::report(
            &args,
            rectify::domain::Date(rectify::tui::now().date()),
        )),
        Some(Command::Snapshot(args)) => ExitCode::from(rectify::report::run::snapshot(
            &args,
            rectify::domain::Date(rectify::tui::now().date()),
        )),
        None => match resolve(&cli.board)
            .map_err(anyhow::Error::msg)
            .and_then(|eff| rectify::tui::run(eff.args))
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(format!("{e:#}")),
        },
    }
}
