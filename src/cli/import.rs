//! The options of `rectify import`: an office's ledger (台账) in, board files out.

use std::path::PathBuf;

use clap::Args;

use super::{LANG_HELP, parse_lang};

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The ledger: .xlsx, .xls, .ods or .csv (UTF-8, or GBK/GB18030 as Excel saves it in China)
    pub ledger: PathBuf,
    /// Folder to write the boards to, one file per program [default: from the config file,
    /// else `boards`]
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Read only this sheet [default: every sheet with a header row]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Say which field a column holds when its header is not a known word:
    /// `--map 工作举措=measure`; fields: program, program_id, id, measure, owner, due, revised,
    /// status, status_code, sign_off, reason, progress, notes, signed_off, signed_by, ignore
    #[arg(long, value_name = "HEADER=FIELD")]
    pub map: Vec<String>,
    /// Print what would be written, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Replace board files that are already there
    #[arg(long)]
    pub force: bool,
    /// The CSV file's encoding (utf-8, gbk, gb18030, big5 …) [default: UTF-8 when the file is
    /// valid UTF-8, else GB18030]
    #[arg(long, value_name = "ENCODING")]
    pub encoding: Option<String>,
    #[arg(long, value_parser = parse_lang, help = LANG_HELP)]
    pub lang: Option<crate::i18n::Lang>,
}
