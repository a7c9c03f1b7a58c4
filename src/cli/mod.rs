//! Command-line interface: what a user can type, parsed by clap.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, CommandFactory, Parser, Subcommand};

pub mod errors;
pub mod git;
pub mod import;
pub mod ledger;
pub mod man;

pub use import::ImportArgs;
pub use ledger::{AddArgs, NewArgs, RemoveArgs};
pub mod zh;

/// The command line in the language of its help.
pub fn command(lang: crate::i18n::Lang) -> clap::Command {
    // Before clap builds the command: the global argument is copied to every subcommand then.
    let cmd = Cli::command().mut_arg("config", |a| {
        let help = a.get_help().map(ToString::to_string).unwrap_or_default();
        a.help(with_config_path(&help))
    });
    match lang {
        crate::i18n::Lang::Zh => zh::localize(cmd),
        crate::i18n::Lang::En => cmd,
    }
}

/// The command line read. A command line that parses is read with clap's plain command:
/// localising every help text costs a fifth of the board's start and no successful parse shows
/// one. A help request or a mistake is read again with the command in `lang`, so whatever clap
/// prints is in that language and names this system's config file.
///
/// Most starts are the board itself (`rectify [DIR] [options]`): those are read with the board's
/// arguments alone, since building every subcommand's arguments is a tenth of the code a start
/// runs. Anything else, or anything that does not parse so, is read with the whole command.
pub fn parse(args: &[std::ffi::OsString], lang: crate::i18n::Lang) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches as _;
    if let Some(cli) = board_only(args) {
        return Ok(cli);
    }
    Cli::command()
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
        .or_else(|_| {
            command(lang)
                .try_get_matches_from(args)
                .and_then(|m| Cli::from_arg_matches(&m))
        })
}

/// The subcommands' names (and clap's `help`): an argument spelled so may be one, so such a
/// command line is read with the whole command.
pub(crate) const SUBCOMMANDS: [&str; 14] = [
    "check",
    "set",
    "add",
    "remove",
    "new",
    "meeting",
    "config",
    "completions",
    "man",
    "report",
    "import",
    "snapshot",
    "git",
    "help",
];

/// The board's command line without the subcommands; no help or version flag, so asking for
/// either falls through to the whole command.
#[derive(Debug, Parser)]
#[command(
    name = "rectify",
    disable_help_flag = true,
    disable_version_flag = true
)]
struct BoardOnly {
    #[command(flatten)]
    board: BoardFlags,
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

fn board_only(args: &[std::ffi::OsString]) -> Option<Cli> {
    let maybe_subcommand = args
        .iter()
        .skip(1)
        .any(|a| a.to_str().is_some_and(|a| SUBCOMMANDS.contains(&a)));
    if maybe_subcommand {
        return None;
    }
    let only = BoardOnly::try_parse_from(args).ok()?;
    Some(Cli {
        command: None,
        board: only.board,
        config: only.config,
    })
}

/// How the help texts write the config file's place; replaced by this system's real one
/// (`%APPDATA%\rectify\config\config.ron` on Windows, `~/Library/Application Support/…` on a Mac).
const CONFIG_PATH_SHOWN: &str = "~/.config/rectify/config.ron";

/// `help` naming this system's config file where it names the Linux one.
pub(crate) fn with_config_path(help: &str) -> String {
    match crate::config::default_location() {
        Some(path) => help.replace(CONFIG_PATH_SHOWN, &path.display().to_string()),
        None => help.to_owned(),
    }
}

use crate::domain::Date;

#[derive(Debug, Parser)]
#[command(
    name = "rectify",
    version,
    about = "A terminal progress board for rectification programs (整改整治)",
    after_help = "Examples:\n  rectify                               open the boards in ./boards\n  rectify --today 2023-07-15            the shipped 2023 samples as of mid-July\n  rectify /mnt/share/boards --poll      a network share, watched by polling\n  rectify meeting --cycle 30            the shared screen of a progress meeting\n  rectify set boards/01-fraud.ron ZP-03 --status done\n  rectify add boards/01-fraud.ron --title \"清理涉诈账户\" --owner 刑侦局 --due 9-30\n  rectify new boards/10-campus.ron --id campus --title \"校园安全专项整治\" --lead 治安局 --start 8-1 --due 12-31\n  rectify check boards                  validate every board file\n  rectify config --print                the settings in force and where each comes from"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub board: BoardFlags,
    /// Config file [default: $RECTIFY_CONFIG, else ~/.config/rectify/config.ron]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate board files; print each problem as path:line:col and a summary.
    #[command(
        after_help = "Examples:\n  rectify check                      every board in ./boards\n  rectify check boards/01-fraud.ron  one file\n  rectify check /mnt/share/boards    a shared folder, before the meeting"
    )]
    Check {
        /// Files or directories [default: boards]
        paths: Vec<PathBuf>,
        #[arg(long, value_parser = parse_lang, help = LANG_HELP)]
        lang: Option<crate::i18n::Lang>,
    },
    /// Change one measure (or, with --milestone, a milestone) in a board file, in place, the
    /// same safe way the board does.
    #[command(
        after_help = "Examples:\n  rectify set boards/01-fraud.ron ZP-03 --status done\n  rectify set boards/01-fraud.ron ZP-03 --progress 80 --note \"已完成收网\"\n  rectify set boards/09-policing-reform.ron JW-05 --status blocked --reason \"待审批\"\n  rectify set boards/01-fraud.ron ZP-07 --sign-off --user 张三\n  rectify set boards/01-fraud.ron ZP-02 --reopen --reason \"ledger incomplete\"\n  rectify set boards/01-fraud.ron ZP-04 --due 2023年10月31日\n  rectify set boards/01-fraud.ron --milestone 2 --done 2023-07-10\n  rectify set boards/01-fraud.ron --milestone \"集中收网\" --due 9月30日"
    )]
    Set(SetArgs),
    /// Add a measure (or, with --milestone, a milestone) to a board file, the same safe way
    /// the board does.
    #[command(
        after_help = "Examples:\n  rectify add boards/01-fraud.ron --title \"清理涉诈账户\" --owner 刑侦局 --due 9-30\n  rectify add boards/01-fraud.ron --id ZP-20 --title \"回访群众\" --owner 反诈中心 --due 2023-10-31 --after ZP-03 --status in-progress --progress 20\n  rectify add boards/01-fraud.ron --milestone \"中期评估\" --due 2023-09-15"
    )]
    Add(AddArgs),
    /// Retire a measure from a board file; its exact text is kept in the history file.
    #[command(after_help = "Example:\n  rectify remove boards/01-fraud.ron ZP-07 --user 张三")]
    Remove(RemoveArgs),
    /// Start a new board file for a program, with every field explained; refuses an existing
    /// file.
    #[command(
        after_help = "Example:\n  rectify new boards/10-campus.ron --id campus --title \"校园安全专项整治\" --lead 治安局 --start 2023-08-01 --due 2023-12-31 --goal \"消除校园周边安全隐患\""
    )]
    New(NewArgs),
    /// Meeting mode for a shared screen: read-only, large, high-contrast, cycling by itself.
    // A shared screen edits nothing and has no changes overlay: those options are not offered
    // (still accepted, as before any subcommand, and without effect).
    #[command(
        mut_arg("read_only", |a| a.hide(true)),
        mut_arg("user", |a| a.hide(true)),
        mut_arg("since", |a| a.hide(true)),
        mut_arg("theme", |a| a.help("Theme: a built-in name (dark, light, high-contrast) or a path to a RON theme file [default: high-contrast]")),
        after_help = "Examples:\n  rectify meeting                              the boards in ./boards, a page every 20 s\n  rectify meeting --cycle 45 --theme light     slower pages, for a light projector\n  rectify meeting /mnt/share/boards --poll     the team's share, live as colleagues save\n  rectify meeting --today 2023-07-15           the shipped 2023 samples\nKeys: Space pause · ←→ or PageUp/PageDown pages · 1–9 a program · b or . blank · q quit"
    )]
    Meeting(MeetingArgs),
    /// Show the settings in force and where each one comes from; board options given here
    /// show what a run with them would use.
    #[command(
        after_help = "Examples:\n  rectify config --print                 the settings in force and where each comes from\n  rectify config --print --theme light   what a run with --theme light would use"
    )]
    Config {
        /// Print the effective settings
        #[arg(long)]
        print: bool,
        #[command(flatten)]
        board: BoardFlags,
    },
    /// Print a shell completion script: `rectify completions bash > /etc/bash_completion.d/rectify`.
    #[command(
        after_help = "Examples:\n  rectify completions bash > /etc/bash_completion.d/rectify\n  rectify completions zsh > ~/.zfunc/_rectify\n  rectify completions fish --lang en > ~/.config/fish/completions/rectify.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
        /// Language of the descriptions: zh or en [default: from the config file, else $LANG]
        #[arg(long, value_parser = parse_lang)]
        lang: Option<crate::i18n::Lang>,
    },
    /// Print the man page (roff): `rectify man > rectify.1`.
    #[command(
        after_help = "Examples:\n  rectify man > rectify.1 && man ./rectify.1\n  rectify man --lang en | man -l -"
    )]
    Man {
        /// Language of the page: zh or en [default: from the config file, else $LANG]
        #[arg(long, value_parser = parse_lang)]
        lang: Option<crate::i18n::Lang>,
    },
    /// Write a report of all boards: markdown (for minutes), csv or xlsx (the ledger), json or html.
    #[command(
        after_help = "Examples:\n  rectify report --today 2023-07-15                 Markdown to paste into the minutes\n  rectify report --format csv --bom -o ledger.csv   the ledger (台账) for Excel or WPS\n  rectify report --format xlsx -o 台账.xlsx         the ledger as an Excel workbook\n  rectify report --format html -o report.html       one page to print to PDF\n  rectify report --since last-meeting.json          with what changed since the snapshot"
    )]
    Report(ReportArgs),
    /// Bring an office's Excel, WPS or CSV ledger (台账) in: one board file per program.
    #[command(
        after_help = "Examples:\n  rectify import 台账.xlsx --dry-run                   what would be created, and the rows that would not\n  rectify import 台账.xlsx -o boards\n  rectify import ledger.csv --encoding gbk --map 工作举措=measure\n  rectify import 台账.xlsx --sheet 2023年 --force       replace boards imported before"
    )]
    Import(ImportArgs),
    /// Save the state of all boards to a JSON file, for `report --since` at the next meeting.
    #[command(after_help = "Example:\n  rectify snapshot -o meeting-2023-07-15.json")]
    Snapshot(SnapshotArgs),
    /// Boards shared between sites through git: the field-level merge driver and its set-up.
    #[command(
        subcommand,
        after_help = "Examples:\n  rectify git setup boards          merge boards field by field in this clone\n  rectify git merge %O %A %B %P     what git runs for a board both sides changed"
    )]
    Git(git::GitCommand),
}

#[derive(Debug, Clone, Args)]
pub struct MeetingArgs {
    #[command(flatten)]
    pub board: BoardFlags,
    /// Seconds each page stays on screen
    #[arg(long, default_value_t = 20, value_parser = parse_cycle)]
    pub cycle: u64,
}

#[derive(Debug, Clone, Args)]
pub struct SetArgs {
    /// The board file
    pub file: PathBuf,
    /// The measure's id (not with --milestone)
    #[arg(required_unless_present = "milestone", conflicts_with = "milestone")]
    pub measure: Option<String>,
    /// Change a milestone instead of a measure: its number on the strip (1, 2, …) or its
    /// exact title
    #[arg(long, value_name = "N", conflicts_with_all = ["status", "reason", "reopen", "progress", "note", "sign_off", "today"])]
    pub milestone: Option<String>,
    /// Mark the milestone reached on this day (with --milestone), written as for --due
    #[arg(long, value_name = "DATE", requires = "milestone")]
    pub done: Option<String>,
    /// Mark the milestone not reached (with --milestone)
    #[arg(long, requires = "milestone", conflicts_with = "done")]
    pub not_done: bool,
    /// New status: not-started, in-progress, blocked (needs --reason), done, signed-off
    /// (Chinese labels work too: 推进中, 已完成, 销号 …)
    #[arg(long)]
    pub status: Option<String>,
    /// Why the measure is blocked (with --status blocked), or why a sign-off is withdrawn
    /// (with --reopen)
    #[arg(long)]
    pub reason: Option<String>,
    /// Withdraw the sign-off (撤销销号): needs --reason; the status goes back to --status, or
    /// in progress
    #[arg(long, requires = "reason", conflicts_with = "sign_off")]
    pub reopen: bool,
    /// Progress in percent, 0–100 (65 or 65%)
    #[arg(long, allow_negative_numbers = true)]
    pub progress: Option<String>,
    /// Replace the notes (an empty text removes them)
    #[arg(long)]
    pub note: Option<String>,
    /// Sign the measure off (销号) today, as the user
    #[arg(long, conflicts_with = "status")]
    pub sign_off: bool,
    /// Do it all the same: sign off a measure that is blocked or short of 100 %, or write a
    /// deadline `rectify check` would warn about (earlier than the one it replaces, outside the
    /// program)
    #[arg(long)]
    pub force: bool,
    /// Revise the deadline: 2023-09-30, 2023/9/30, 2023年9月30日, or 9-30, 9月30日 (in the
    /// program's year); the original is kept, each revision counts as a slip. With
    /// --milestone: move the milestone's planned day
    #[arg(long)]
    pub due: Option<String>,
    /// Commit each save to git at once: only that board file, authored by the user, the
    /// change as the message; nothing is pushed [default: config `git_commit`, else off]
    #[arg(long)]
    pub git_commit: bool,
    /// Who makes the change [default: $RECTIFY_USER, $USER]
    #[arg(long)]
    pub user: Option<String>,
    /// The day to record for a sign-off, written as for --due [default: today]
    #[arg(long)]
    pub today: Option<String>,
    #[arg(long, value_parser = parse_lang, help = LANG_HELP)]
    pub lang: Option<crate::i18n::Lang>,
}

/// The board's options as typed; unset ones are filled from the config file, then defaults.
#[derive(Debug, Clone, Default, Args)]
pub struct BoardFlags {
    /// Folder of board files (*.ron) [default: from the config file, else `boards`]
    pub dir: Option<PathBuf>,
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
    /// Watch with the system's change events even where the folder is a network share or a
    /// FUSE mount (polled by default there, as their events miss other machines' writes)
    #[arg(long, conflicts_with = "poll")]
    pub native: bool,
    /// No key changes a file
    #[arg(long)]
    pub read_only: bool,
    /// Who edits, for sign-offs and the history file [default: $RECTIFY_USER, $USER]
    #[arg(long)]
    pub user: Option<String>,
    #[arg(long, value_parser = parse_lang, help = LANG_HELP)]
    pub lang: Option<crate::i18n::Lang>,
    /// A snapshot from `rectify snapshot`, or a git revision of the boards (HEAD~1, a tag,
    /// main@{2023-07-01}): `c` on the board shows what changed since
    #[arg(long, value_name = "SNAPSHOT")]
    pub since: Option<PathBuf>,
    /// Commit each save to git at once: only that board file, authored by the user, the
    /// change as the message; nothing is pushed [default: config `git_commit`, else off]
    #[arg(long)]
    pub git_commit: bool,
}

pub(crate) const LANG_HELP: &str =
    "Language of messages and labels: zh or en [default: from the config file, else $LANG]";

impl BoardFlags {
    /// These flags, with any left unset taken from `outer`: the options given before a
    /// subcommand (`rectify --lang en check`) count as if given after it.
    pub fn or(self, outer: &BoardFlags) -> BoardFlags {
        BoardFlags {
            dir: self.dir.or_else(|| outer.dir.clone()),
            today: self.today.or(outer.today),
            theme: self.theme.or_else(|| outer.theme.clone()),
            poll: self.poll.or(outer.poll),
            native: self.native || outer.native,
            read_only: self.read_only || outer.read_only,
            user: self.user.or_else(|| outer.user.clone()),
            lang: self.lang.or(outer.lang),
            since: self.since.or_else(|| outer.since.clone()),
            git_commit: self.git_commit || outer.git_commit,
        }
    }
}

/// The board's options with the config file applied, and the config's account of where each
/// setting came from (`rectify config --print`).
#[derive(Debug, Clone)]
pub struct Resolved {
    pub args: BoardArgs,
    pub config: crate::config::Effective,
}

impl Resolved {
    pub fn render(&self) -> String {
        self.config.render()
    }
}

/// Applies the config file under these flags: the flags it knows go to the config layer as
/// its own struct, the rest (`--today`, `--poll`, …) pass straight into the board's options.
pub fn resolve(flags: &BoardFlags, config_flag: Option<&Path>) -> Result<Resolved, String> {
    let config = crate::config::resolve(
        &crate::config::Flags {
            dir: flags.dir.clone(),
            theme: flags.theme.clone(),
            user: flags.user.clone(),
            lang: flags.lang,
            git_commit: flags.git_commit,
            today: flags.today,
        },
        config_flag,
    )?;
    let s = config.settings.clone();
    let args = BoardArgs {
        dir: s.dir,
        today: s.today,
        theme: s.theme,
        poll: flags.poll,
        native: flags.native,
        read_only: flags.read_only,
        user: s.user,
        lang: s.lang,
        due_soon_days: s.due_soon_days,
        keys: s.keys,
        since: flags.since.clone(),
        git_commit: s.git_commit,
        folder: s.folder,
    };
    Ok(Resolved { args, config })
}

/// Why a value typed on the command line was refused. Value parsers are plain functions that
/// do not know the language in force, so they say *what* is wrong and leave the wording to
/// whoever prints the error: `Display` is the English that clap shows after its own
/// `invalid value … for …`, [`BadValue::zh`] the Chinese that [`errors`] shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    Date(String),
    Lang(String),
    Interval(String),
    Seconds { value: String, min: u64, max: u64 },
}

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadValue::Date(s) => write!(f, "`{s}` is not a date written YYYY-MM-DD"),
            BadValue::Lang(s) => write!(f, "`{s}` is not a language; use zh or en"),
            BadValue::Interval(s) => write!(
                f,
                "`{s}` is not an interval from 50ms to 3600s (like 1, 2s or 500ms)"
            ),
            BadValue::Seconds { value, min, max } => {
                write!(
                    f,
                    "`{value}` is not a number of seconds from {min} to {max}"
                )
            }
        }
    }
}

impl std::error::Error for BadValue {}

impl BadValue {
    /// What the value should have been, in Chinese (the value itself is quoted before it).
    pub fn zh(&self) -> String {
        match self {
            BadValue::Date(_) => "应为 YYYY-MM-DD 格式的日期".to_owned(),
            BadValue::Lang(_) => "应为 zh 或 en".to_owned(),
            BadValue::Interval(_) => {
                "应为 50ms 到 3600s 之间的时间间隔（如 1、2s 或 500ms）".to_owned()
            }
            BadValue::Seconds { min, max, .. } => format!("应为 {min} 到 {max} 之间的秒数"),
        }
    }
}

pub(crate) fn parse_lang(s: &str) -> Result<crate::i18n::Lang, BadValue> {
    crate::config::parse_lang(s).ok_or_else(|| BadValue::Lang(s.to_owned()))
}

/// Seconds a meeting page stays on screen: 3 to 3600.
fn parse_cycle(s: &str) -> Result<u64, BadValue> {
    let (min, max) = (3, 3600);
    s.trim()
        .parse::<u64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| BadValue::Seconds {
            value: s.to_owned(),
            min,
            max,
        })
}

/// The board's options with every default applied: what the event loop runs with.
#[derive(Debug, Clone)]
pub struct BoardArgs {
    pub dir: PathBuf,
    pub today: Option<Date>,
    pub theme: Option<String>,
    pub poll: Option<Duration>,
    /// Change events even on a share (`--native`).
    pub native: bool,
    pub read_only: bool,
    pub user: String,
    pub lang: crate::i18n::Lang,
    pub due_soon_days: i64,
    pub keys: Vec<crate::config::Binding>,
    pub since: Option<PathBuf>,
    /// Each save is committed to git (`--git-commit`, config `git_commit`).
    pub git_commit: bool,
    /// The boards folder's own settings; its `as_of` only when no `--today` overrides it.
    pub folder: Option<crate::domain::folder::FolderSettings>,
}

impl BoardArgs {
    /// Defaults for `dir`, as if nothing were configured.
    pub fn new(dir: impl Into<PathBuf>) -> BoardArgs {
        BoardArgs {
            dir: dir.into(),
            today: None,
            theme: None,
            poll: None,
            native: false,
            read_only: false,
            user: String::new(),
            lang: crate::i18n::Lang::Zh,
            due_soon_days: crate::domain::schedule::DEFAULT_DUE_SOON_DAYS,
            keys: Vec::new(),
            since: None,
            git_commit: false,
            folder: None,
        }
    }
}

/// `2`, `2s`, `1.5s` or `500ms`; between 50 ms and an hour.
pub fn parse_interval(s: &str) -> Result<Duration, BadValue> {
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
        .ok_or_else(|| BadValue::Interval(s.to_owned()))?;
    Ok(Duration::from_secs_f64(secs))
}

pub fn parse_date(s: &str) -> Result<Date, BadValue> {
    Date::parse(s).ok_or_else(|| BadValue::Date(s.to_owned()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Csv,
    // An Excel workbook: only to a file (-o).
    Xlsx,
    Json,
    Html,
}

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Folder of board files (*.ron) [default: from the config file, else `boards`]
    pub dir: Option<PathBuf>,
    /// What to write
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// The day to judge deadlines against, YYYY-MM-DD [default: the real date]
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Start the CSV with a UTF-8 byte order mark, so Excel and WPS read the Chinese right
    #[arg(long)]
    pub bom: bool,
    /// Add what changed since this snapshot (made by `rectify snapshot`), or since this git
    /// revision of the boards (HEAD~1, a tag, main@{2023-07-01})
    #[arg(long, value_name = "SNAPSHOT")]
    pub since: Option<PathBuf>,
    #[arg(long, value_parser = parse_lang, help = LANG_HELP)]
    pub lang: Option<crate::i18n::Lang>,
}

impl ReportArgs {
    /// The report's own options, with the settings in force filled in.
    pub fn options(&self, board: &BoardArgs) -> crate::report::run::ReportOptions {
        use crate::report::run::Format;
        crate::report::run::ReportOptions {
            dir: board.dir.clone(),
            lang: board.lang,
            format: match self.format {
                ReportFormat::Markdown => Format::Markdown,
                ReportFormat::Csv => Format::Csv,
                ReportFormat::Xlsx => Format::Xlsx,
                ReportFormat::Json => Format::Json,
                ReportFormat::Html => Format::Html,
            },
            today: self.today,
            output: self.output.clone(),
            bom: self.bom,
            since: self.since.clone(),
            // The theme is the caller's to resolve: its colours are not the command line's.
            fills: crate::report::xlsx::Fills::default(),
            due_soon_days: board.due_soon_days,
        }
    }
}

impl SnapshotArgs {
    pub fn options(&self, board: &BoardArgs) -> crate::report::run::SnapshotOptions {
        crate::report::run::SnapshotOptions {
            dir: board.dir.clone(),
            lang: board.lang,
            output: self.output.clone(),
            today: self.today,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct SnapshotArgs {
    /// Folder of board files (*.ron) [default: from the config file, else `boards`]
    pub dir: Option<PathBuf>,
    /// The snapshot file to write (JSON)
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The day the snapshot stands for, YYYY-MM-DD [default: the real date]
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
    #[arg(long, value_parser = parse_lang, help = LANG_HELP)]
    pub lang: Option<crate::i18n::Lang>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn argv(args: &[&str]) -> Vec<std::ffi::OsString> {
        std::iter::once("rectify")
            .chain(args.iter().copied())
            .map(Into::into)
            .collect()
    }

    /// What the whole command reads from `args`, as the user would see it.
    fn whole(args: &[&str]) -> String {
        use clap::FromArgMatches as _;
        let read = Cli::command()
            .try_get_matches_from(argv(args))
            .and_then(|m| Cli::from_arg_matches(&m));
        match read {
            Ok(cli) => format!("{cli:?}"),
            Err(e) => format!("error: {:?}", e.kind()),
        }
    }

    fn read(args: &[&str]) -> String {
        match parse(&argv(args), Lang::En) {
            Ok(cli) => format!("{cli:?}"),
            Err(e) => format!("error: {:?}", e.kind()),
        }
    }

    #[test]
    fn the_subcommand_list_names_every_subcommand() {
        let mut named: Vec<String> = Cli::command()
            .get_subcommands()
            .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_all_aliases()))
            .map(str::to_owned)
            .chain(["help".to_owned()])
            .collect();
        named.sort();
        let mut listed: Vec<String> = SUBCOMMANDS.iter().map(|s| (*s).to_owned()).collect();
        listed.sort();
        assert_eq!(listed, named);
    }

    #[test]
    fn a_board_command_line_reads_the_same_as_with_the_whole_command() {
        let lines: &[&[&str]] = &[
            &[],
            &["boards"],
            &["/mnt/share/boards", "--poll"],
            &["--poll=250ms", "boards"],
            &["--today", "2023-07-15", "--lang", "en", "--theme", "light"],
            &["--config", "c.ron", "--read-only", "--user", "张三", "d"],
            &["--since", "HEAD~1", "--git-commit", "--native"],
            &["./check"],
            // Mistakes, help and version: errors of the same kind.
            &["--today", "2023-13-45"],
            &["--poll", "--native"],
            &["--no-such-flag"],
            &["a", "b"],
            &["-h"],
            &["--help"],
            &["-V"],
            // Subcommands, before or after board options.
            &["check"],
            &["--lang", "en", "check", "boards"],
            &["meeting", "--cycle", "30"],
            &["help"],
        ];
        for line in lines {
            assert_eq!(read(line), whole(line), "rectify {}", line.join(" "));
        }
        assert!(read(&["check"]).contains("Check"), "{}", read(&["check"]));
        assert!(read(&["boards"]).contains("command: None"));
    }
}
