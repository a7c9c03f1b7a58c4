//! What `rectify import` says, in Chinese and English.

use super::header::{Field, field_names};
use super::plan::{Planned, Skipped, Why};
use super::table::ReadError;
use super::write::NotWritten;
use crate::i18n::Lang;
use crate::tr;

fn field(f: Field, lang: Lang) -> &'static str {
    let (zh, en) = match f {
        Field::Revised => ("调整后期限", "revised deadline"),
        Field::SignedOff => ("销号日期", "sign-off date"),
        Field::Due => ("完成时限", "deadline"),
        _ => ("日期", "date"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub fn why(w: &Why, lang: Lang) -> String {
    match w {
        Why::NoMeasure => tr!(lang, "没有整改措施内容", "no measure text"),
        Why::NoDue(t) if t.is_empty() => tr!(lang, "没有完成时限", "no deadline"),
        Why::NoDue(t) => tr!(
            lang,
            "完成时限“{t}”不是日期（可写 2023-09-30、2023/9/30、2023.9.30、2023年9月30日）",
            "deadline \"{t}\" is not a date (write 2023-09-30, 2023/9/30, 2023.9.30 or 2023年9月30日)"
        ),
        Why::BadDate { field: f, text } => {
            let f = field(*f, lang);
            tr!(lang, "{f}“{text}”不是日期", "{f} \"{text}\" is not a date")
        }
        Why::UnknownStatus(s) => tr!(
            lang,
            "状态“{s}”无法识别（可用：未开始、推进中、受阻、已完成、已销号等，见 docs/import.md）",
            "status \"{s}\" is not a status word (use 未开始, 推进中, 受阻, 已完成, 已销号 or their English; see docs/import.md)"
        ),
        Why::BadProgress(s) => tr!(
            lang,
            "进度“{s}”不是 0–100 的百分比",
            "progress \"{s}\" is not a percentage from 0 to 100"
        ),
    }
}

/// `台账.xlsx 台账 第 9 行：未导入：…`
pub fn skipped(file: &str, s: &Skipped, lang: Lang) -> String {
    let (sheet, row, why) = (&s.sheet, s.row, why(&s.why, lang));
    tr!(
        lang,
        "{file}［{sheet}］第 {row} 行未导入：{why}",
        "{file} [{sheet}] row {row} not imported: {why}"
    )
}

/// `boards/fraud.ron：已新建“打击…”，12 条整改措施；…`
pub fn planned(path: &str, p: &Planned, dry_run: bool, replaced: bool, lang: Lang) -> String {
    let prog = &p.program;
    let (title, n, lead) = (&prog.title, prog.measures.len(), &prog.lead);
    let (start, due) = (prog.start, prog.due);
    let verb = match (dry_run, replaced, lang) {
        (true, false, Lang::Zh) => "将新建",
        (false, false, Lang::Zh) => "已新建",
        (true, true, Lang::Zh) => "将覆盖为",
        (false, true, Lang::Zh) => "已覆盖为",
        (true, false, Lang::En) => "would create",
        (false, false, Lang::En) => "created",
        (true, true, Lang::En) => "would replace with",
        (false, true, Lang::En) => "replaced with",
    };
    let ids = match (p.ids_generated, lang) {
        (false, _) => String::new(),
        (true, Lang::Zh) => "；措施编号为自动编排".to_owned(),
        (true, Lang::En) => "; measure ids generated".to_owned(),
    };
    let measures = if n == 1 { "measure" } else { "measures" };
    tr!(
        lang,
        "{path}：{verb}“{title}”，{n} 条整改措施{ids}；牵头单位“{lead}”和起止日期 {start} 至 {due} 系推断，请核对",
        "{path}: {verb} \"{title}\", {n} {measures}{ids}; lead \"{lead}\" and dates {start} to {due} inferred: check them"
    )
}

/// The last line on standard output: what came in and what did not, so a clerk who reads only
/// this line knows whether to look at the rows listed above it.
pub fn summary(programs: usize, measures: usize, skipped: usize, lang: Lang) -> String {
    let rows = if skipped == 1 { "row" } else { "rows" };
    let progs = if programs == 1 { "program" } else { "programs" };
    let ms = if measures == 1 { "measure" } else { "measures" };
    match skipped {
        0 => tr!(
            lang,
            "共 {programs} 个专项、{measures} 条整改措施，所有行均已导入",
            "{programs} {progs}, {measures} {ms}; every row imported"
        ),
        _ => tr!(
            lang,
            "共 {programs} 个专项、{measures} 条整改措施；另有 {skipped} 行未导入，见上",
            "{programs} {progs}, {measures} {ms}; {skipped} {rows} not imported, listed above"
        ),
    }
}

/// The folder the boards go to could not be made.
pub fn no_folder(dir: &str, why: &std::io::Error, lang: Lang) -> String {
    tr!(
        lang,
        "无法创建文件夹 {dir}：{why}",
        "cannot create the folder {dir}: {why}"
    )
}

/// Every program was found, none could be written: the reasons are listed above.
pub fn nothing_written(file: &str, lang: Lang) -> String {
    tr!(
        lang,
        "{file}：找到了可导入的专项，但一个也未写入（原因见上）",
        "{file}: programs were found but none was written (see why above)"
    )
}

pub fn not_written(path: &str, e: &NotWritten, lang: Lang) -> String {
    match e {
        NotWritten::Exists(_) => tr!(
            lang,
            "{path} 已存在，未覆盖（确需覆盖请加 --force）",
            "{path} exists and was left alone (add --force to replace it)"
        ),
        NotWritten::IdTaken { id, other } => {
            let other = other.display();
            tr!(
                lang,
                "{path} 未写入：{other} 已使用方案编号 {id}（用 --map 指定专项编号列，或改名后再导入）",
                "{path} not written: {other} already has program id {id} (map a program_id column with --map)"
            )
        }
        NotWritten::Invalid(why) => tr!(lang, "{path} 未写入：{why}", "{path} not written: {why}"),
        NotWritten::Save(e) => {
            let why = e.text(lang);
            tr!(lang, "{path} 未写入：{why}", "{path} not written: {why}")
        }
    }
}

pub fn read_error(file: &str, e: &ReadError, lang: Lang) -> String {
    match e {
        ReadError::Kind(ext) => tr!(
            lang,
            "{file}：不能读取 .{ext} 文件；可导入 .xlsx、.xls、.ods、.csv",
            "{file}: cannot read a .{ext} file; import .xlsx, .xls, .ods or .csv"
        ),
        ReadError::Io(e) => tr!(lang, "{file}：无法读取：{e}", "{file}: cannot read: {e}"),
        ReadError::Sheet(e) => tr!(
            lang,
            "{file}：无法读取表格：{e}",
            "{file}: cannot read the spreadsheet: {e}"
        ),
        ReadError::Encoding(enc) => tr!(
            lang,
            "--encoding {enc}：不认识的编码（可用 utf-8、gbk、gb18030 等）",
            "--encoding {enc}: no such encoding (try utf-8, gbk or gb18030)"
        ),
        ReadError::NoSuchSheet { name, have } => {
            let have = have.join(sep(lang));
            tr!(
                lang,
                "{file} 中没有名为“{name}”的工作表（有：{have}）",
                "{file} has no sheet named \"{name}\" (it has: {have})"
            )
        }
    }
}

pub fn bad_map(m: &str, lang: Lang) -> String {
    let names = field_names().join(", ");
    tr!(
        lang,
        "--map {m}：应写作 表头=字段，字段为 {names} 之一",
        "--map {m}: write HEADER=FIELD, FIELD one of {names}"
    )
}

pub fn not_ledgers(file: &str, sheets: &[String], lang: Lang) -> String {
    let s = sheets.join(sep(lang));
    tr!(
        lang,
        "{file}：工作表 {s} 中找不到表头行（须有整改措施列和完成时限列；表头写法不同时用 --map，如 --map 要求时间=due），已跳过",
        "{file}: no header row in sheet(s) {s} (it needs a measure column and a deadline column; name other headers with --map, e.g. --map 要求时间=due); skipped"
    )
}

pub fn nothing(file: &str, lang: Lang) -> String {
    tr!(
        lang,
        "{file}：没有可导入的措施",
        "{file}: nothing could be imported"
    )
}

pub fn dry_run_note(lang: Lang) -> String {
    tr!(
        lang,
        "（试运行：未写入任何文件）",
        "(dry run: nothing was written)"
    )
}

fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}
