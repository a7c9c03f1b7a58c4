//! Edits in the reader's words: fields and values as the board shows them, not as the file
//! spells them. `状态 推进中 → 已销号（2023年7月15日，张三）`, not
//! `status: InProgress → SignedOff, signed_off: — → "2023-07-15", signed_by: — → "张三"`.
//! Used wherever an edit is reported: notices, dialogs, the history pane, `rectify set`; and
//! why a typed value was refused, with the forms that would have been taken.

use crate::domain::edit::{Edit, Field, FieldChange, Value};
use crate::domain::{DateError, ProgressError, Status, StatusKind};
use crate::i18n::Lang;
use crate::storage::save::HistoryEntry;
use crate::tr;

pub fn field(f: Field, lang: Lang) -> String {
    match f {
        Field::Status => tr!(lang, "状态", "status"),
        Field::Progress => tr!(lang, "进度", "progress"),
        Field::Notes => tr!(lang, "备注", "notes"),
        Field::Revised => tr!(lang, "调整后期限", "revised deadline"),
        Field::SignedOff => tr!(lang, "销号日期", "signed off on"),
        Field::SignedBy => tr!(lang, "销号人", "signed off by"),
    }
}

pub fn value(v: &Value, lang: Lang) -> String {
    let t = lang.texts();
    let none = || "—".to_owned();
    match v {
        Value::Status(Status::Blocked(why)) => {
            let label = (t.status)(StatusKind::Blocked);
            tr!(lang, "{label}（{why}）", "{label} ({why})")
        }
        Value::Status(s) => (t.status)(s.kind()).to_owned(),
        Value::Progress(p) => format!("{p}%"),
        Value::Text(Some(s)) => tr!(lang, "“{s}”", "\"{s}\""),
        Value::Date(Some(d)) => (t.date)(*d),
        // The deadline in force is the last revision.
        Value::Dates(ds) => ds.last().map_or_else(none, |d| (t.date)(*d)),
        Value::Text(None) | Value::Date(None) => none(),
    }
}

/// `状态 推进中 → 已完成`.
pub fn change(c: &FieldChange, lang: Lang) -> String {
    format!(
        "{} {} → {}",
        field(c.field, lang),
        value(&c.old, lang),
        value(&c.new, lang)
    )
}

/// `ZP-01 状态 推进中 → 已销号（2023年7月15日，张三）；进度 90% → 100%`.
pub fn edit(e: &Edit, lang: Lang) -> String {
    format!("{} {}", e.measure, changes(&e.changes, lang))
}

/// The changes of one edit. A sign-off's date and signer are said with the status they
/// belong to, not as fields of their own.
pub fn changes(cs: &[FieldChange], lang: Lang) -> String {
    let with_status = cs.iter().any(|c| c.field == Field::Status);
    let new = |f: Field| cs.iter().find(|c| c.field == f).map(|c| &c.new);
    let on = match new(Field::SignedOff) {
        Some(Value::Date(Some(d))) => Some((lang.texts().date)(*d)),
        _ => None,
    };
    let by = match new(Field::SignedBy) {
        Some(Value::Text(Some(who))) => Some(who.clone()),
        _ => None,
    };
    let old = |f: Field| cs.iter().find(|c| c.field == f).map(|c| &c.old);
    // A reopened sign-off says whose sign-off of which day it withdrew.
    let was = match (old(Field::SignedOff), old(Field::SignedBy)) {
        (Some(Value::Date(Some(d))), Some(Value::Text(Some(who)))) => {
            let d = (lang.texts().date)(*d);
            Some(tr!(lang, "（{d}，{who}）", " ({d}, by {who})"))
        }
        (Some(Value::Date(Some(d))), _) => Some((lang.texts().aside)(&(lang.texts().date)(*d))),
        _ => None,
    };
    let parts: Vec<String> = cs
        .iter()
        .filter(|c| !(with_status && matches!(c.field, Field::SignedOff | Field::SignedBy)))
        .map(|c| {
            let said = match (&c.old, &was) {
                (Value::Status(Status::SignedOff), Some(was)) => format!(
                    "{} {}{was} → {}",
                    field(c.field, lang),
                    value(&c.old, lang),
                    value(&c.new, lang)
                ),
                _ => change(c, lang),
            };
            let signed = matches!(c.new, Value::Status(Status::SignedOff));
            match (signed, on.as_ref(), by.as_ref()) {
                (true, Some(on), Some(by)) => {
                    tr!(lang, "{said}（{on}，{by}）", "{said} ({on}, by {by})")
                }
                (true, Some(on), None) => tr!(lang, "{said}（{on}）", "{said} ({on})"),
                _ => said,
            }
        })
        .collect();
    parts.join(&tr!(lang, "；", "; "))
}

/// The history file's lines for one measure, newest first, the lines of one save joined
/// into one entry: `(time, user, what)`. A line that does not read back is shown as written.
pub fn history<'a>(
    lines: impl DoubleEndedIterator<Item = &'a HistoryEntry>,
    lang: Lang,
) -> Vec<(String, String, String)> {
    let mut saves: Vec<Vec<&HistoryEntry>> = Vec::new();
    for h in lines.rev() {
        match saves.last_mut() {
            Some(save) if save[0].at == h.at && save[0].user == h.user => save.push(h),
            _ => saves.push(vec![h]),
        }
    }
    saves
        .into_iter()
        .map(|mut save| {
            save.reverse();
            let reason = save
                .iter()
                .find(|h| h.field == crate::storage::save::REASON_FIELD)
                .map(|h| h.change.clone());
            let fields = save
                .iter()
                .filter(|h| h.field != crate::storage::save::REASON_FIELD);
            let parsed: Option<Vec<FieldChange>> = fields.map(|h| h.parsed()).collect();
            let what = match parsed {
                Some(cs) => {
                    let said = changes(&cs, lang);
                    match reason {
                        Some(why) => tr!(lang, "{said}（原因：{why}）", "{said} (why: {why})"),
                        None => said,
                    }
                }
                None => save
                    .iter()
                    .map(|h| format!("{} {}", h.field, h.change))
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            (save[0].at.replace('T', " "), save[0].user.clone(), what)
        })
        .collect()
}

/// The forms a typed date may take, for every refusal to list.
fn date_forms(lang: Lang) -> String {
    tr!(
        lang,
        "可写 2023-07-15、2023/7/15、2023年7月15日，或 7-15、7月15日（按方案年份）",
        "write 2023-07-15, 2023/7/15, 2023年7月15日, or 7-15, 7月15日 (in the program's year)"
    )
}

/// Why `text`, typed as a date, was refused, and what to type instead:
/// `日期“2023-13-01”无效（没有13月）：可写 2023-07-15、…`.
pub fn date_error(text: &str, e: DateError, lang: Lang) -> String {
    let text = text.trim();
    let forms = date_forms(lang);
    let why = match e {
        DateError::Empty => return tr!(lang, "请输入日期：{forms}", "enter a date: {forms}"),
        DateError::Form => String::new(),
        DateError::NoSuchMonth { month } => {
            tr!(lang, "（没有{month}月）", " (there is no month {month})")
        }
        DateError::NoSuchDay { year, month, days } => {
            let name = chrono::Month::try_from(month as u8).map_or("", |m| m.name());
            tr!(
                lang,
                "（{year}年{month}月只有{days}天）",
                " ({name} {year} has {days} days)"
            )
        }
    };
    tr!(
        lang,
        "日期“{text}”无效{why}：{forms}",
        "invalid date \"{text}\"{why}: {forms}"
    )
}

/// Why `text`, typed as a progress, was refused: `进度“101”超出范围：请写 0 到 100 的整数…`.
pub fn progress_error(text: &str, e: ProgressError, lang: Lang) -> String {
    let text = text.trim();
    let forms = tr!(
        lang,
        "请写 0 到 100 的整数，如 65 或 65%",
        "write a whole number from 0 to 100, such as 65 or 65%"
    );
    match e {
        ProgressError::Empty => tr!(lang, "请输入进度：{forms}", "enter a progress: {forms}"),
        ProgressError::NotWhole => tr!(
            lang,
            "进度“{text}”无效：{forms}",
            "invalid progress \"{text}\": {forms}"
        ),
        ProgressError::OutOfRange => tr!(
            lang,
            "进度“{text}”超出范围：{forms}",
            "progress \"{text}\" is out of range: {forms}"
        ),
    }
}
