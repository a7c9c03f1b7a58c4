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
    /// Change one measure in a board file, in place, the same safe way the board does.
    #[command(
        after_help = "Examples:\n  rectify set boards/01-fraud.ron ZP-03 --status done\n  rectify set boards/01-fraud.ron ZP-03 --progress 80 --note \"已完成收网\"\n  rectify set boards/09-policing-reform.ron JW-05 --status blocked --reason \"待审批\"\n  rectify set boards/01-fraud.ron ZP-07 --sign-off --user 张三"
    )]
    Set(SetArgs),
    /// Meeting mode for a shared screen: read-only, large, high-contrast, cycling by itself.
    Meeting(MeetingArgs),
}

#[derive(Debug, Clone, Args)]
pub struct MeetingArgs {
    #[command(flatten)]
    pub board: BoardArgs,
    /// Seconds each page stays on screen
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(3..=3600))]
    pub cycle: u64,
}

#[derive(Debug, Clone, Args)]
pub struct SetArgs {
    /// The board file
    pub file: PathBuf,
    /// The measure's id
    pub measure: String,
    /// New status: not-started, in-progress, blocked (needs --reason), done, signed-off
    /// (Chinese labels work too: 推进中, 已完成, 销号 …)
    #[arg(long)]
    pub status: Option<String>,
    /// Why the measure is blocked (with --status blocked)
    #[arg(long)]
    pub reason: Option<String>,
    /// Progress in percent, 0–100
    #[arg(long)]
    pub progress: Option<String>,
    /// Replace the notes (an empty text removes them)
    #[arg(long)]
    pub note: Option<String>,
    /// Sign the measure off (销号) today, as the user
    #[arg(long)]
    pub sign_off: bool,
    /// Revise the deadline, YYYY-MM-DD (the original is kept; each revision counts as a slip)
    #[arg(long)]
    pub due: Option<String>,
    /// Who makes the change [default: $RECTIFY_USER, $USER]
    #[arg(long)]
    pub user: Option<String>,
    /// The day to record for a sign-off, YYYY-MM-DD [default: today]
    #[arg(long)]
    pub today: Option<String>,
}

/// The user name for history and sign-offs: the flag, then the environment.
pub fn user_name(flag: Option<&str>) -> String {
    flag.map(str::to_owned)
        .or_else(|| {
            ["RECTIFY_USER", "USER", "USERNAME"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        })
        .unwrap_or_else(|| "unknown".to_owned())
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
    /// No key changes a file
    #[arg(long)]
    pub read_only: bool,
    /// Who edits, for sign-offs and the history file [default: $RECTIFY_USER, $USER]
    #[arg(long)]
    pub user: Option<String>,
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

pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date written YYYY-MM-DD"))
}
