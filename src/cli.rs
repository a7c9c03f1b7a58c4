//! Command-line interface: what a user can type, parsed by clap.

use std::path::PathBuf;
use std::time::Duration;

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
    /// Watch the folder by polling, for network shares that send no change events:
    /// `--poll` checks every second, `--poll=500ms` or `--poll=2s` as given
    #[arg(long, value_name = "INTERVAL", num_args = 0..=1, require_equals = true,
          default_missing_value = "1s", value_parser = parse_interval)]
    pub poll: Option<Duration>,
}

/// `2`, `2s`, `1.5s` or `500ms`; between 50 ms and an hour.
pub fn parse_interval(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let (num, scale) = if let Some(ms) = t.strip_suffix("ms") {
        (ms, 0.001)
    } else {
        (t.strip_suffix('s').unwrap_or(t), 1.0)
    };
    let secs = num
        .trim()
        .parse::<f64>()
        .ok()
        .map(|v| v * scale)
        .filter(|v| (0.05..=3600.0).contains(v))
        .ok_or_else(|| {
            format!("`{s}` is not an interval from 50ms to 3600s (like 1, 2s or 500ms)")
        })?;
    Ok(Duration::from_secs_f64(secs))
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date written YYYY-MM-DD"))
}
