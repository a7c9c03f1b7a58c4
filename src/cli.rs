//! Command-line interface: what a user can type, parsed by clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::domain::Date;

#[derive(Debug, Parser)]
#[command(
    name = "rectify",
    version,
    about = "A terminal progress board for rectification programs (整改整治)",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  rectify                         open the boards in ./boards\n  rectify --today 2023-07-15      view the shipped 2023 samples as of mid-July\n  rectify check boards            validate every board file"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub board: BoardArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate board files; print each problem as path:line:col and a summary.
    Check {
        /// Files or directories [default: boards]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct BoardArgs {
    /// Folder of board files (*.ron)
    #[arg(default_value = "boards")]
    pub dir: PathBuf,
    /// The day to judge deadlines against, YYYY-MM-DD [default: the real date]
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
    /// Theme: a built-in name (dark, light, high-contrast) or a path to a RON theme file
    #[arg(long)]
    pub theme: Option<String>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date written YYYY-MM-DD"))
}
