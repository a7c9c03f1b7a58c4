//! Board-file problems in the reader's words: one `match` per language, so a problem without
//! its Chinese or English sentence does not compile. The types are storage's; the words are
//! chosen here so storage never picks a sentence.

use std::io;

use super::parse_error;
use crate::i18n::Lang;
use crate::storage::{IoCause, Problem};
use crate::tr;

impl IoCause {
    pub fn text(&self, lang: Lang) -> String {
        let detail = &self.detail;
        match self.kind {
            io::ErrorKind::NotFound => tr!(lang, "不存在", "it does not exist"),
            io::ErrorKind::PermissionDenied => tr!(lang, "没有权限", "permission denied"),
            _ => tr!(lang, "系统报错：{detail}", "{detail}"),
        }
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

impl Problem {
    pub fn text(&self, lang: Lang) -> String {
        use Problem::*;
        match self {
            CannotRead(c) => {
                let c = c.text(lang);
                tr!(lang, "无法读取文件：{c}", "cannot read the file: {c}")
            }
            IsDirectory => tr!(
                lang,
                "这是一个文件夹，不是看板文件",
                "is a directory, not a board file"
            ),
            NotRegularFile => tr!(
                lang,
                "不是普通文件（管道、套接字或设备），未读取",
                "is not a regular file (a pipe, socket or device); not read"
            ),
            TooLarge { bytes, limit_mib } => {
                let m = mib(*bytes);
                tr!(
                    lang,
                    "文件有 {bytes} 字节（{m} MiB），超过看板文件 {limit_mib} MiB 的上限，未读取",
                    "file is {bytes} bytes ({m} MiB), over the {limit_mib} MiB limit for a board file; not read"
                )
            }
            NotUtf8 { byte } => tr!(
                lang,
                "不是有效的 UTF-8 文本（字节 0x{byte:02X}），请将文件另存为 UTF-8 编码",
                "not valid UTF-8 text (byte 0x{byte:02X}); save the file as UTF-8"
            ),
            FolderUnreadable(c) => {
                let c = c.text(lang);
                tr!(
                    lang,
                    "无法读取看板文件夹：{c}",
                    "cannot read the boards folder: {c}"
                )
            }
            FolderLost(c) => {
                let c = c.text(lang);
                tr!(
                    lang,
                    "看板文件夹无法读取（{c}），显示的是最后一次读到的数据",
                    "the boards folder cannot be read ({c}); showing the last data read"
                )
            }
            DuplicateProgram { id, other } => tr!(
                lang,
                "专项编号 `{id}` 已被 {other} 使用，本文件未载入",
                "program id `{id}` is already used by {other}; this file is not loaded"
            ),
            Unreadable => tr!(lang, "看板文件无法读取", "unreadable board"),
            Syntax(e) => parse_error::describe(e, lang),
            MergeConflict => tr!(
                lang,
                "合并冲突未解决：<<<<<<< 与 ======= 之间是我方的值，======= 与 >>>>>>> 之间是对方的值；保留一方，删去三行标记",
                "unresolved merge conflict: ours between <<<<<<< and =======, theirs between ======= and >>>>>>>; keep one side and delete the three marker lines"
            ),
            ProgramFieldEmpty { field } => tr!(
                lang,
                "专项方案的 `{field}` 为空",
                "the program's `{field}` is empty"
            ),
            ProgramDueBeforeStart { due, start } => tr!(
                lang,
                "专项方案的期限 {due} 早于开始日期 {start}",
                "the program is due {due} before it starts {start}"
            ),
            MeasureIdEmpty => tr!(lang, "有一条措施的 `id` 为空", "a measure's `id` is empty"),
            DuplicateMeasureId { id, first } => tr!(
                lang,
                "措施编号 `{id}` 重复（第 {first} 条措施已使用）",
                "duplicate measure id `{id}` (measure {first} has it too)"
            ),
            MeasureTitleEmpty { id } => tr!(
                lang,
                "措施 `{id}` 的标题为空",
                "measure `{id}` has an empty title"
            ),
            NoOwner { id } => tr!(
                lang,
                "措施 `{id}` 没有写明责任单位",
                "measure `{id}` names no owner unit"
            ),
            ProgressOutOfRange { progress } => tr!(
                lang,
                "进度 {progress} 不在 0–100 之间",
                "progress {progress} is outside 0–100"
            ),
            DueBeforeProgramStart { id, due, start } => tr!(
                lang,
                "措施 `{id}` 的期限 {due} 早于专项方案开始日期 {start}",
                "measure `{id}` is due {due} before the program starts {start}"
            ),
            DueAfterProgram {
                id,
                due,
                program_due,
            } => tr!(
                lang,
                "措施 `{id}` 的期限 {due} 晚于专项方案自身的期限 {program_due}",
                "measure `{id}` is due {due}, after the program's own deadline {program_due}"
            ),
            RevisedEarlier { revised, prev } => tr!(
                lang,
                "调整后的期限 {revised} 早于被调整的期限 {prev}",
                "revised deadline {revised} is earlier than the one it replaces ({prev})"
            ),
            BlockedWithoutReason { id } => tr!(
                lang,
                "措施 `{id}` 受阻，但没有写明原因",
                "measure `{id}` is blocked without a reason"
            ),
            SignedOffWithoutDate { id } => tr!(
                lang,
                "措施 `{id}` 已销号，但没有 `signed_off` 销号日期",
                "measure `{id}` is signed off but has no `signed_off` date"
            ),
            DateButNotSignedOff { id } => tr!(
                lang,
                "措施 `{id}` 有 `signed_off` 销号日期，但状态不是已销号",
                "measure `{id}` has a `signed_off` date but is not signed off"
            ),
            MilestoneTitleEmpty => tr!(
                lang,
                "有一个时间节点的标题为空",
                "a milestone has an empty title"
            ),
            MilestoneBeforeStart { title, due, start } => tr!(
                lang,
                "时间节点“{title}”的日期 {due} 早于专项方案开始日期 {start}",
                "milestone “{title}” is due {due} before the program starts {start}"
            ),
            MilestoneAfterProgram {
                title,
                due,
                program_due,
            } => tr!(
                lang,
                "时间节点“{title}”的日期 {due} 晚于专项方案自身的期限 {program_due}",
                "milestone “{title}” is due {due}, after the program's own deadline {program_due}"
            ),
            UnsafeCharacters { field } => tr!(
                lang,
                "`{field}` 含有控制字符或不可见的格式字符，这些字符不予显示",
                "`{field}` contains control or invisible formatting characters; they are not shown"
            ),
            MoreNotShown { errors, warnings } => {
                let all = errors + warnings;
                tr!(
                    lang,
                    "另有 {all} 个问题未列出（错误 {errors} 个，警告 {warnings} 个）",
                    "{all} more problems not shown ({errors} errors, {warnings} warnings)"
                )
            }
            DuplicateProblemId { id, first } => tr!(
                lang,
                "问题编号 `{id}` 重复（第 {first} 项问题已使用）",
                "duplicate problem id `{id}` (problem {first} has it too)"
            ),
            BadReference { reference } => tr!(
                lang,
                "措施引用 `{reference}` 应写成 `专项编号/措施编号`",
                "measure reference `{reference}` should be written `PROGRAM_ID/MEASURE_ID`"
            ),
            UnknownProgram { reference } => {
                let (program, _) = reference
                    .split_once('/')
                    .unwrap_or((reference.as_str(), ""));
                tr!(
                    lang,
                    "措施引用 `{reference}`：没有编号为 `{program}` 的专项",
                    "measure reference `{reference}`: no program has the id `{program}`"
                )
            }
            UnknownMeasure { reference } => {
                let (program, measure) = reference
                    .split_once('/')
                    .unwrap_or((reference.as_str(), ""));
                tr!(
                    lang,
                    "措施引用 `{reference}`：专项 `{program}` 中没有措施 `{measure}`",
                    "measure reference `{reference}`: program `{program}` has no measure `{measure}`"
                )
            }
            DueSoonOutOfRange { days } => tr!(
                lang,
                "`due_soon_days` 为 {days}，应在 0–90 之间",
                "`due_soon_days` is {days}; it must be within 0–90"
            ),
        }
    }
}
