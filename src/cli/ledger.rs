//! The options of the commands that grow, shrink or start a board from the shell: `add`,
//! `remove` and `new`. Values are taken as text and checked by the command, so a bad date or
//! progress exits 1 with the reader's words; only a malformed command line exits 2.

use std::path::PathBuf;

use clap::Args;

use super::{LANG_HELP, parse_lang};

#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    /// The board file
    pub file: PathBuf,
    /// The new measure's id [default: the next one in the file's numbering]
    #[arg(long, conflicts_with = "milestone")]
    pub id: Option<String>,
    /// What is to be done (措施内容)
    #[arg(
        long,
        required_unless_present = "milestone",
        conflicts_with = "milestone"
    )]
    pub title: Option<String>,
    /// The owner unit (责任单位)
    #[arg(
        long,
        required_unless_present = "milestone",
        conflicts_with = "milestone"
    )]
    pub owner: Option<String>,
    /// The deadline: 2023-09-30, 2023/9/30, 2023年9月30日, or 9-30, 9月30日 (in the program's
    /// year)
    #[arg(long)]
    pub due: String,
    /// Status: not-started (the default), in-progress, blocked (needs --reason), done
    #[arg(long, conflicts_with = "milestone")]
    pub status: Option<String>,
    /// Why the measure is blocked (with --status blocked)
    #[arg(long, conflicts_with = "milestone")]
    pub reason: Option<String>,
    /// Progress in percent, 0–100 (65 or 65%) [default: 0]
    #[arg(long, allow_negative_numbers = true, conflicts_with = "milestone")]
    pub progress: Option<String>,
    /// Notes
    #[arg(long, conflicts_with = "milestone")]
    pub note: Option<String>,
    /// Put the new measure after this one [default: at the end]
    #[arg(long, value_name = "ID", conflicts_with = "milestone")]
    pub after: Option<String>,
    /// Add a milestone with this title instead of a measure, in date order
    #[arg(long, value_name = "TITLE")]
    pub milestone: Option<String>,
    /// Write a date `rectify check` would warn about (before the program starts or after it
    /// ends) all the same
    #[arg(long)]
    pub force: bool,
    /// Commit each save to git at once: only that board file, authored by the user, the
    /// change as the message; nothing is pushed [default: config `git_commit`, else off]
    #[arg(long)]
    pub git_commit: bool,
    /// Who makes the change [default: $RECTIFY_USER, $USER]
    #[arg(long)]
    pub user: Option<String>,
    #[arg(long, value_parser = parse_lang, help = LANG_HELP)]
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Debug, Clone, Args)]
pub struct RemoveArgs {
    /// The board file
    pub file: PathBuf,
    /// The measure's id
    pub measure: String,
    /// Commit each save to git at once: only that board file, authored by the user, the
    /// change as the message; nothing is pushed [default: config `git_commit`, else off]
    #[arg(long)]
    pub git_commit: bool,
    /// Who makes the change [default: $RECTIFY_USER, $USER]
    #[arg(long)]
    pub user: Option<String>,
    #[arg(long, value_parser = parse_lang, help = LANG_HELP)]
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The board file to create (refused if it exists)
    pub file: PathBuf,
    /// The program's id, unique across the board files
    #[arg(long)]
    pub id: String,
    /// The program's title (方案名称)
    #[arg(long)]
    pub title: String,
    /// The lead unit (牵头单位)
    #[arg(long)]
    pub lead: String,
    /// The start date, written as for --due (a date without a year falls in this year)
    #[arg(long)]
    pub start: String,
    /// The due date: 2023-12-31, 2023/12/31, 2023年12月31日, or 12-31 (in the start's year)
    #[arg(long)]
    pub due: String,
    /// One line on what the program must achieve
    #[arg(long, default_value = "")]
    pub goal: String,
    /// Commit each save to git at once: only that board file, authored by the user, the
    /// change as the message; nothing is pushed [default: config `git_commit`, else off]
    #[arg(long)]
    pub git_commit: bool,
    #[arg(long, value_parser = parse_lang, help = LANG_HELP)]
    pub lang: Option<crate::i18n::Lang>,
}
