// Input comes from other people's files: nothing outside tests may panic on it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::process::ExitCode;

use clap::Parser;
use rectify::check;
use rectify::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { paths }) => ExitCode::from(check::run(&paths) as u8),
        Some(Command::Set(args)) => match rectify::set::run(&args, rectify::tui::now()) {
            Ok(report) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("rectify set: {e:#}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Meeting(args)) => match rectify::tui::run_meeting(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rectify: {e:#}");
                ExitCode::FAILURE
            }
        },
        None => match rectify::tui::run(cli.board) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rectify: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}
