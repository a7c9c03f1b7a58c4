//! Edits in the reader's words: fields and values as the board shows them, not as the file
//! spells them. `状态 推进中 → 已销号（2023年7月15日，张三）`, not
//! `status: InProgress → SignedOff, signed_off: — → "2023-07-15", signed_by: — → "张三"`.
//! Used wherever an edit is reported: notices, dialogs, the history pane, `rectify set`; and
//! why a typed value was refused, with the forms that would have been taken.

mod diagnostic;
mod git;
mod parse_error;
mod problem;
mod save_error;

pub use git::{git_commit_failed, git_committed, git_error};
pub use parse_error::describe as parse_error;

use crate::domain::edit::{Edit, Field, FieldChange, Value};
use crate::domain::{DateDoubt, DateError, ProgressError, Status, StatusKind};
use crate::domain::{Measure, Milestone, Program};
use crate::i18n::Lang;
use crate::storage::change::Change;
use crate::storage::save::HistoryEntry;
use crate::tr;

pub fn field(f: Field, lang: Lang) -> String {
    match f {
        Field::Title => tr!(lang, "标题", "title"),
        Field::Owner => tr!(lang, "责任单位", "owner unit"),
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

/// `ZP-13“标题”（责任单位：刑侦局，期限 2023年9月30日）`: a measure named with enough to
/// recognise it.
fn measure(m: &Measure, lang: Lang) -> String {
    let t = lang.texts();
    let (id, title, owner, due) = (&m.id, &m.title, &m.owner, (t.date)(m.effective_due()));
    let status = value(&Value::Status(m.status.clone()), lang);
    let p = m.progress;
    tr!(
        lang,
        "{id}“{title}”（责任单位：{owner}，期限 {due}，{status}，进度 {p}%）",
        "{id} \"{title}\" (owner {owner}, due {due}, {status}, {p}%)"
    )
}

/// `2“集中收网”`: a milestone by its number on the strip and its title.
fn milestone(index: usize, m: &Milestone, lang: Lang) -> String {
    let title = &m.title;
    tr!(lang, "{index}“{title}”", "{index} \"{title}\"")
}

/// A change that grows, shrinks or dates a board, in the reader's words:
/// `新增措施 ZP-13“……”（……）`, `时间节点 2“集中收网”：达成日期 — → 2023年7月10日`.
pub fn change_of_board(c: &Change, lang: Lang) -> String {
    let t = lang.texts();
    let day = |d: Option<crate::domain::Date>| d.map_or_else(|| "—".to_owned(), |d| (t.date)(d));
    match c {
        Change::AddMeasure { measure: m, .. } => {
            let m = measure(m, lang);
            tr!(lang, "新增措施 {m}", "added measure {m}")
        }
        Change::RemoveMeasure { measure: m } => {
            let m = measure(m, lang);
            tr!(lang, "删除措施 {m}", "removed measure {m}")
        }
        Change::RestoreMeasure { measure: m, .. } => {
            let m = measure(m, lang);
            tr!(lang, "恢复措施 {m}", "restored measure {m}")
        }
        Change::Milestone { index, seen, new } => {
            let mut parts = Vec::new();
            if seen.done != new.done {
                let (a, b) = (day(seen.done), day(new.done));
                parts.push(tr!(lang, "达成日期 {a} → {b}", "reached {a} → {b}"));
            }
            if seen.due != new.due {
                let (a, b) = (day(Some(seen.due)), day(Some(new.due)));
                parts.push(tr!(lang, "计划日期 {a} → {b}", "planned {a} → {b}"));
            }
            let m = milestone(*index, seen, lang);
            let parts = parts.join(&tr!(lang, "；", "; "));
            tr!(lang, "时间节点 {m}：{parts}", "milestone {m}: {parts}")
        }
        Change::AddMilestone { milestone: m } => {
            let (title, due) = (&m.title, day(Some(m.due)));
            tr!(
                lang,
                "新增时间节点“{title}”（计划日期 {due}）",
                "added milestone \"{title}\" (planned {due})"
            )
        }
        Change::Revert { .. } => tr!(lang, "恢复为此前的内容", "put back as it was"),
    }
}

/// `新建方案 campus“校园安全专项整治”（牵头单位：治安局，2023年8月1日至2023年12月31日）`.
pub fn new_board(p: &Program, lang: Lang) -> String {
    let t = lang.texts();
    let (id, title, lead) = (&p.id, &p.title, &p.lead);
    let (start, due) = ((t.date)(p.start), (t.date)(p.due));
    tr!(
        lang,
        "新建方案 {id}“{title}”（牵头单位：{lead}，{start}至{due}）",
        "new program {id} \"{title}\" (lead {lead}, {start} to {due})"
    )
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
                    .map(|h| structural(h, lang))
                    .collect::<Vec<_>>()
                    .join(&tr!(lang, "；", "; ")),
            };
            (save[0].at.replace('T', " "), save[0].user.clone(), what)
        })
        .collect()
}

/// A history line of a change that grows, shrinks or dates a board, in the reader's words; a
/// line of any other kind (written by hand, or by another version) as it is.
fn structural(h: &HistoryEntry, lang: Lang) -> String {
    let item = &h.measure;
    match h.field.as_str() {
        "added" if item.starts_with('#') => {
            tr!(lang, "新增时间节点 {item}", "added milestone {item}")
        }
        "added" => tr!(lang, "新增措施 {item}", "added measure {item}"),
        "removed" => tr!(
            lang,
            "删除措施 {item}（原文已记入修改记录）",
            "removed measure {item} (its text is kept in the history)"
        ),
        "restored" => tr!(lang, "恢复措施 {item}", "restored measure {item}"),
        "done" | "due" => {
            let what = if h.field == "done" {
                tr!(lang, "达成日期", "reached on")
            } else {
                tr!(lang, "日期", "date")
            };
            let change = h.change.replace('"', "");
            tr!(
                lang,
                "时间节点 {item} {what} {change}",
                "milestone {item} {what} {change}"
            )
        }
        "reverted" => tr!(lang, "撤销新增的时间节点", "took an added milestone out"),
        _ => format!("{} {}", h.field, h.change),
    }
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

/// A date `rectify check` would warn about, said before it is written:
/// `新期限 2023-08-31 早于原期限 2023-09-30`.
pub fn date_doubt(d: &DateDoubt, lang: Lang) -> String {
    match *d {
        DateDoubt::BeforeStart { due, start } => tr!(
            lang,
            "日期 {due} 早于专项方案开始日期 {start}",
            "{due} is before the program starts ({start})"
        ),
        DateDoubt::AfterProgram { due, program_due } => tr!(
            lang,
            "日期 {due} 晚于专项方案自身的期限 {program_due}",
            "{due} is after the program's own deadline ({program_due})"
        ),
        DateDoubt::EarlierThanReplaced { revised, prev } => tr!(
            lang,
            "新期限 {revised} 早于原期限 {prev}",
            "the new deadline {revised} is earlier than the one it replaces ({prev})"
        ),
    }
}

fn date_doubt_list(ds: &[DateDoubt], lang: Lang) -> String {
    let sep = tr!(lang, "；", "; ");
    ds.iter()
        .map(|d| date_doubt(d, lang))
        .collect::<Vec<_>>()
        .join(&sep)
}

/// Asked in a dialog, where a second Enter writes it anyway.
pub fn date_doubts_question(ds: &[DateDoubt], lang: Lang) -> String {
    let all = date_doubt_list(ds, lang);
    tr!(
        lang,
        "⚠ {all}；再按 Enter 确认写入",
        "⚠ {all}; press Enter again to write it"
    )
}

/// Why the shell refused a date, and how to write it anyway.
pub fn date_doubts_refusal(ds: &[DateDoubt], lang: Lang) -> String {
    let all = date_doubt_list(ds, lang);
    tr!(
        lang,
        "{all}；确需写入请加 --force",
        "{all}; add --force to write it anyway"
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

/// A change that grows, shrinks or dates a board, in the reader's words:
/// `新增措施 ZP-13「…」`, `删除措施 ZP-05「…」`, `时间节点 3「…」 已达成（2023年9月30日）`.
pub fn board_change(c: &crate::storage::change::Change, lang: Lang) -> String {
    use crate::storage::change::Change;
    let t = lang.texts();
    match c {
        Change::AddMeasure { measure: m, .. } => {
            let (id, title) = (&m.id, &m.title);
            tr!(
                lang,
                "新增措施 {id}「{title}」",
                "added measure {id} \"{title}\""
            )
        }
        Change::RemoveMeasure { measure: m } => {
            let (id, title) = (&m.id, &m.title);
            tr!(
                lang,
                "删除措施 {id}「{title}」（原文已记入修改记录，u 可恢复）",
                "removed measure {id} \"{title}\" (its text is in the history; u puts it back)"
            )
        }
        Change::RestoreMeasure { measure: m, .. } => {
            let (id, title) = (&m.id, &m.title);
            tr!(
                lang,
                "恢复措施 {id}「{title}」",
                "restored measure {id} \"{title}\""
            )
        }
        Change::Milestone { index, seen, new } => {
            let title = &seen.title;
            let mut parts = Vec::new();
            if seen.done != new.done {
                parts.push(match new.done {
                    Some(d) => {
                        let d = (t.date)(d);
                        tr!(lang, "已达成（{d}）", "reached ({d})")
                    }
                    None => tr!(lang, "改为未达成", "marked not reached"),
                });
            }
            if seen.due != new.due {
                let (a, b) = ((t.date)(seen.due), (t.date)(new.due));
                parts.push(tr!(lang, "日期 {a} → {b}", "date {a} → {b}"));
            }
            let parts = parts.join(&tr!(lang, "，", ", "));
            tr!(
                lang,
                "时间节点 {index}「{title}」{parts}",
                "milestone {index} \"{title}\" {parts}"
            )
        }
        Change::AddMilestone { milestone: m } => {
            let (title, d) = (&m.title, (t.date)(m.due));
            tr!(
                lang,
                "新增时间节点「{title}」（{d}）",
                "added milestone \"{title}\" ({d})"
            )
        }
        Change::Revert { .. } => tr!(lang, "撤销新增的时间节点", "took the added milestone out"),
    }
}
