// Input comes from other people's files: nothing outside tests may panic on it.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
use std::process::ExitCode;

use clap::Parser;
use rectify::check;
use rectify::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Check { paths }) => check::run(&paths),
        None => {
            eprintln!("the interactive board is not built yet");
            1
        }
    };
    ExitCode::from(code as u8)
}
