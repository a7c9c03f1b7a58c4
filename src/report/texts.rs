//! Every word the reports and the `report` and `snapshot` commands say, in Chinese and English.
//! One struct, two instances, as in [`crate::i18n`]: a word missing from either language is a
//! compile error, not a blank in the minutes. What the interface already words — status and
//! health labels, dates, days left — is taken from [`crate::i18n::Texts`] through `ui`, not
//! written again here.

use super::summary::{MilestoneState, Totals, pct};
use crate::domain::Date;
use crate::domain::schedule::Health;
use crate::i18n::{self, Lang, times};

pub fn texts(lang: Lang) -> &'static ReportTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Declares `ReportTexts`: its text fields and lists, named by `strings()` so a test can check
/// every one in both languages, and its formatting functions.
macro_rules! report_texts {
    (
        strings { $($s:ident),* $(,)? }
        lists { $($l:ident: $n:literal),* $(,)? }
        fns { $($f:ident: $t:ty),* $(,)? }
    ) => {
        pub struct ReportTexts {
            /// The interface's own words in the same language.
            pub ui: &'static i18n::Texts,
            $(pub $s: &'static str,)*
            $(pub $l: [&'static str; $n],)*
            $(pub $f: $t,)*
        }

        impl ReportTexts {
            /// Every text with its name; an item of a list is named `list[i]`.
            pub fn strings(&self) -> Vec<(String, &'static str)> {
                let mut all = vec![$((stringify!($s).to_owned(), self.$s)),*];
                $(all.extend(
                    self.$l.iter().enumerate().map(|(i, s)| (format!("{}[{i}]", stringify!($l)), *s)),
                );)*
                all
            }
        }
    };
}

report_texts! {
    strings {
        title,
        overview,
        total,
        col_program,
        col_lead,
        col_measures,
        col_completion,
        col_signed_off,
        col_overdue,
        col_health,
        col_id,
        col_measure,
        col_owner,
        col_deadline,
        col_days_overdue,
        col_days_left,
        due_today,
        none,
        milestones,
        milestones_by_program,
        no_milestones,
        col_seq,
        col_milestone,
        col_planned,
        col_reached,
        col_state,
        goal,
        since_title,
        since_nothing,
        program_added,
        program_removed,
        program_unreadable,
        tag_signed_off,
        tag_overdue,
        tag_status,
        tag_deadline,
        tag_added,
        tag_removed,
        tag_gap,
        no_date,
        overdue_word,
        timeline_start,
        timeline_end,
        timeline_today,
        yes,
        no,
        bom_not_csv,
        since_csv,
        snapshot_leaves_out,
        no_format,
        action_report,
        action_snapshot,
        sheet_summary,
        sheet_ledger,
        sheet_milestones,
        sheet_by_owner,
        col_program_id,
        col_note,
        col_blocked,
        col_finished,
        xlsx_to_terminal,
        col_reason,
        ledger_heading,
        col_status,
        col_progress,
        col_notes,
    }
    lists {
        csv_header: 18,
    }
    fns {
        as_of: fn(&str, usize, usize) -> String,
        totals: fn(&Totals, &str) -> String,
        note: fn() -> String,
        footer: fn(&str) -> String,
        overdue_heading: fn(usize) -> String,
        due_soon_heading: fn(usize, i64) -> String,
        col_due_soon: fn(i64) -> String,
        blocked_heading: fn(usize) -> String,
        revised_note: fn(&str, usize) -> String,
        late_by: fn(i64) -> String,
        program_meta: fn(&ProgramMeta<'_>) -> String,
        since_compared: fn(&str, &str) -> String,
        signed_off_note: fn(&str, Option<&str>) -> String,
        overdue_note: fn(&str, &str, &str) -> String,
        slips_so_far: fn(usize) -> String,
        added_note: fn(&str, &str, &str, Option<&str>) -> String,
        timeline_label: fn(&str) -> String,
        reached_on: fn(&str) -> String,
        month: fn(Date) -> String,
        milestone_state: fn(MilestoneState) -> &'static str,
        prose_date: fn(Date) -> String,
        table_date: fn(Date) -> String,
        wrote: fn(&str, usize, &str) -> String,
        cannot_write: fn(&str, &str) -> String,
        cannot_write_report: fn(&str) -> String,
        snapshot_written: fn(&str, usize, usize, &str) -> String,
        nothing_readable: fn(&str, &str) -> String,
        broken_left_out: fn(usize, usize) -> String,
        cannot_read_snapshot: fn(&str) -> String,
        not_json: fn(&str) -> String,
        bad_version: fn(Option<u32>, u32) -> String,
        bad_snapshot: fn(&str) -> String,
        unknown_status: fn(&str, &str) -> String,
    }
}

/// What the line under a program's heading in the HTML report gives.
pub struct ProgramMeta<'a> {
    pub lead: &'a str,
    pub start: &'a str,
    pub due: &'a str,
    pub completion: Option<i64>,
    pub actual: Option<i64>,
    pub expected: i64,
}

/// `1 program`, `9 programs`: English counts agree with their noun.
fn n(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

pub static ZH: ReportTexts = ReportTexts {
    ui: &i18n::ZH,
    title: "整改整治工作进展报告",
    overview: "总体情况",
    total: "合计",
    col_program: "专项整治方案",
    col_lead: "牵头单位",
    col_measures: "措施",
    col_completion: "完成率",
    col_signed_off: "已销号",
    col_overdue: "逾期",
    col_due_soon: |d| format!("{d}天内到期"),
    col_health: "状况",
    col_id: "编号",
    col_measure: "整改措施",
    col_owner: "责任单位",
    col_deadline: "期限",
    col_days_overdue: "逾期天数",
    col_days_left: "剩余天数",
    due_today: "0（今天到期）",
    none: "无。",
    milestones: "时间节点",
    milestones_by_program: "各专项时间节点",
    no_milestones: "无时间节点。",
    col_seq: "序号",
    col_milestone: "时间节点",
    col_planned: "计划日期",
    col_reached: "完成日期",
    col_state: "情况",
    goal: "目标：",
    since_title: "自上次会议以来的变化",
    since_nothing: "没有变化。",
    program_added: "（新增方案）",
    program_removed: "（已移除的方案）",
    program_unreadable: "（文件有错误，未能比较）",
    tag_signed_off: "新销号",
    tag_overdue: "新逾期",
    tag_status: "状态变更",
    tag_deadline: "期限调整",
    tag_added: "新增措施",
    tag_removed: "删除措施",
    tag_gap: "",
    no_date: "日期未填",
    overdue_word: "已逾期",
    timeline_start: "开始",
    timeline_end: "截止",
    timeline_today: "今天",
    yes: "是",
    no: "否",
    bom_not_csv: "--bom 只用于 --format csv（Excel 和 WPS 靠这个标记识别 UTF-8）",
    since_csv: "CSV 和 xlsx 台账每条措施一行，没有放变化的位置；--since 请与 markdown、html 或 json 一起使用",
    snapshot_leaves_out: "有错误的文件中的专项没有存入快照；以此快照生成的 report --since 会注明",
    no_format: "不是 rectify 快照：缺少 \"format\": \"rectify-snapshot\"；请用 `rectify snapshot` 生成",
    action_report: "生成报告",
    action_snapshot: "保存快照",
    sheet_summary: "总览",
    sheet_ledger: "台账",
    sheet_milestones: "时间节点",
    sheet_by_owner: "按责任单位",
    col_program_id: "专项编号",
    col_note: "说明",
    col_blocked: "受阻",
    col_finished: "已完成",
    xlsx_to_terminal: "xlsx 是二进制文件，不能输出到终端：请用 -o 文件名.xlsx 写入文件",
    col_reason: "受阻原因",
    ledger_heading: "措施台账",
    col_status: "状态",
    col_progress: "进度",
    col_notes: "备注",
    csv_header: [
        "专项编号 (program_id)",
        "专项整治方案 (program)",
        "措施编号 (measure_id)",
        "整改措施 (title)",
        "责任单位 (owner)",
        "原定期限 (due)",
        "调整后期限 (revised)",
        "现行期限 (effective_due)",
        "调整次数 (slips)",
        "状态 (status)",
        "状态代码 (status_code)",
        "受阻原因 (blocked_reason)",
        "进度 (progress)",
        "备注 (notes)",
        "销号日期 (signed_off)",
        "销号人 (signed_by)",
        "剩余天数 (days_left)",
        "是否逾期 (overdue)",
    ],
    as_of: |d, programs, measures| {
        format!("数据截至 {d} · {programs} 个专项整治方案 · {measures} 条整改措施")
    },
    totals: |t, overdue| {
        let h = i18n::ZH.health;
        format!(
            "合计：{} 个专项整治方案，{} 条整改措施，已完成 {} 条（完成率 {}），其中已销号 {} 条；\
             逾期 {overdue} 条，{}天内到期 {} 条。方案状况：● {} {} 个，▲ {} {} 个，■ {} {} 个。",
            t.programs,
            t.measures,
            t.finished,
            pct(t.completion()),
            t.signed_off,
            t.due_soon_days,
            t.due_soon,
            h(Health::OnTrack),
            t.health_count(Health::OnTrack),
            h(Health::AtRisk),
            t.health_count(Health::AtRisk),
            h(Health::OffTrack),
            t.health_count(Health::OffTrack),
        )
    },
    note: || {
        let h = i18n::ZH.health;
        format!(
            "注：完成率 =（已完成 + 已销号）÷ 全部措施，向下取整。状况：● {}，▲ {}，■ {}。",
            h(Health::OnTrack),
            h(Health::AtRisk),
            h(Health::OffTrack)
        )
    },
    footer: |d| {
        format!(
            "由 rectify 根据看板文件生成 · 数据截至 {d} · 完成率 =（已完成 + 已销号）÷ 全部措施，向下取整"
        )
    },
    overdue_heading: |n| format!("逾期措施（{n} 条）"),
    due_soon_heading: |n, d| format!("{d}天内到期的措施（{n} 条）"),
    blocked_heading: |n| format!("受阻措施（{n} 条）"),
    revised_note: |due, n| format!("（原定 {due}，调整{n}次）"),
    late_by: |days| format!("（晚{days}天）"),
    program_meta: |m| {
        format!(
            "牵头单位：{} · 周期：{} 至 {} · 完成率 {} · 实际进度 {}，按时间应达 {}%",
            m.lead,
            m.start,
            m.due,
            pct(m.completion),
            pct(m.actual),
            m.expected
        )
    },
    since_compared: |then, now| format!("与 {then} 的快照相比，截至 {now}。"),
    signed_off_note: |on, by| match by {
        Some(by) => format!("（{on}，{by}）"),
        None => format!("（{on}）"),
    },
    overdue_note: |owner, due, late| format!("（{owner}，期限 {due}，{late}）"),
    slips_so_far: |n| format!("（累计调整{n}次）"),
    added_note: |owner, due, status, overdue| match overdue {
        Some(o) => format!("（{owner}，期限 {due}，{status}，{o}）"),
        None => format!("（{owner}，期限 {due}，{status}）"),
    },
    timeline_label: |title| format!("{title} 时间节点"),
    reached_on: |d| format!("，{d} 达成"),
    month: |d| {
        use chrono::Datelike;
        format!("{}月", d.0.month())
    },
    milestone_state: |s| match s {
        MilestoneState::Reached => "已达成",
        MilestoneState::Missed => "逾期未达成",
        MilestoneState::Ahead => "待达成",
    },
    // Sentences write the date as Chinese prose does (公文: 2023年7月15日); tables and the
    // timeline keep the compact ISO form a 台账 uses, which lines up and sorts.
    prose_date: |d| (i18n::ZH.date)(d),
    table_date: |d| d.to_string(),
    wrote: |file, programs, d| format!("已写入 {file}（{programs} 个专项整治方案，数据截至 {d}）"),
    cannot_write: |file, e| format!("无法写入 {file}：{e}"),
    cannot_write_report: |e| format!("无法输出报告：{e}"),
    snapshot_written: |file, programs, measures, d| {
        format!("{file}：{programs} 个专项整治方案，{measures} 条整改措施，数据截至 {d}")
    },
    nothing_readable: |dir, action| format!("{dir} 中没有可以读取的看板（无法{action}）"),
    broken_left_out: |broken, all| format!("{all} 个看板文件中有 {broken} 个有错误，已略去"),
    cannot_read_snapshot: |e| format!("无法读取快照：{e}"),
    not_json: |e| format!("不是 rectify 快照（JSON 有误）：{e}"),
    bad_version: |v, reads| {
        let v = v.map_or_else(|| "缺失".to_owned(), |v| v.to_string());
        format!("不支持版本为 {v} 的快照（本程序读取版本 {reads}）")
    },
    bad_snapshot: |e| format!("快照有误：{e}"),
    unknown_status: |id, status| format!("快照有误：措施 {id} 的状态 `{status}` 无法识别"),
};

pub static EN: ReportTexts = ReportTexts {
    ui: &i18n::EN,
    title: "Rectification Progress Report",
    overview: "Overview",
    total: "Total",
    col_program: "Program",
    col_lead: "Lead unit",
    col_measures: "Measures",
    col_completion: "Completion",
    col_signed_off: "Signed off",
    col_overdue: "Overdue",
    col_due_soon: |d| format!("Due within {d} days"),
    col_health: "Health",
    col_id: "ID",
    col_measure: "Measure",
    col_owner: "Owner unit",
    col_deadline: "Deadline",
    col_days_overdue: "Days overdue",
    col_days_left: "Days left",
    due_today: "0 (due today)",
    none: "None.",
    milestones: "Milestones",
    milestones_by_program: "Milestones by program",
    no_milestones: "No milestones.",
    col_seq: "No.",
    col_milestone: "Milestone",
    col_planned: "Due",
    col_reached: "Reached on",
    col_state: "Status",
    goal: "Goal: ",
    since_title: "Changes since the last meeting",
    since_nothing: "No changes.",
    program_added: " (new program)",
    program_removed: " (program removed)",
    program_unreadable: " (its file has errors; not compared)",
    tag_signed_off: "Signed off",
    tag_overdue: "Newly overdue",
    tag_status: "Status changed",
    tag_deadline: "Deadline revised",
    tag_added: "New measure",
    tag_removed: "Measure removed",
    tag_gap: " ",
    no_date: "date not recorded",
    overdue_word: "overdue",
    timeline_start: "Start",
    timeline_end: "Due",
    timeline_today: "Today",
    yes: "yes",
    no: "no",
    bom_not_csv: "--bom is for --format csv (the mark Excel and WPS need)",
    since_csv: "the CSV and xlsx ledgers have one row per measure and no place for changes; use --since with markdown, html or json",
    snapshot_leaves_out: "the programs in files with errors are not in the snapshot; a report --since it will say so",
    no_format: "not a rectify snapshot: no \"format\": \"rectify-snapshot\"; make one with `rectify snapshot`",
    action_report: "report",
    action_snapshot: "snapshot",
    sheet_summary: "Summary",
    sheet_ledger: "Ledger",
    sheet_milestones: "Milestones",
    sheet_by_owner: "By owner unit",
    col_program_id: "Program ID",
    col_note: "Note",
    col_blocked: "Blocked",
    col_finished: "Finished",
    xlsx_to_terminal: "xlsx is a binary file and cannot go to a terminal: write it to a file with -o NAME.xlsx",
    col_reason: "Blocked by",
    ledger_heading: "Ledger of measures",
    col_status: "Status",
    col_progress: "Progress",
    col_notes: "Notes",
    csv_header: [
        "Program ID (program_id)",
        "Program (program)",
        "Measure ID (measure_id)",
        "Measure (title)",
        "Owner unit (owner)",
        "Original deadline (due)",
        "Revised deadlines (revised)",
        "Deadline in force (effective_due)",
        "Slips (slips)",
        "Status (status)",
        "Status code (status_code)",
        "Blocked by (blocked_reason)",
        "Progress % (progress)",
        "Notes (notes)",
        "Signed off on (signed_off)",
        "Signed off by (signed_by)",
        "Days left (days_left)",
        "Overdue (overdue)",
    ],
    as_of: |d, programs, measures| {
        format!(
            "Data as of {d} · {} · {}",
            n(programs, "program", "programs"),
            n(measures, "measure", "measures")
        )
    },
    totals: |t, overdue| {
        let h = i18n::EN.health;
        format!(
            "In all, {} and {}: {} finished ({} complete), {} of them signed off; \
             {overdue} overdue and {} due within {} days. Program health: ● {} {}, ▲ {} {}, ■ {} {}.",
            n(t.programs, "program", "programs"),
            n(t.measures, "measure", "measures"),
            t.finished,
            pct(t.completion()),
            t.signed_off,
            t.due_soon,
            t.due_soon_days,
            t.health_count(Health::OnTrack),
            h(Health::OnTrack),
            t.health_count(Health::AtRisk),
            h(Health::AtRisk),
            t.health_count(Health::OffTrack),
            h(Health::OffTrack),
        )
    },
    note: || {
        let h = i18n::EN.health;
        format!(
            "Note: completion = (done + signed off) ÷ all measures, rounded down. Health: ● {}, ▲ {}, ■ {}.",
            h(Health::OnTrack),
            h(Health::AtRisk),
            h(Health::OffTrack)
        )
    },
    footer: |d| {
        format!(
            "Generated by rectify from the board files · Data as of {d} · Completion = (done + signed off) ÷ all measures, rounded down"
        )
    },
    overdue_heading: |count| format!("Overdue measures ({count})"),
    due_soon_heading: |count, d| format!("Measures due within {d} days ({count})"),
    blocked_heading: |count| format!("Blocked measures ({count})"),
    revised_note: |due, count| format!(" (originally {due}, revised {})", times(count)),
    late_by: |days| format!(" ({} late)", n(days.unsigned_abs() as usize, "day", "days")),
    program_meta: |m| {
        format!(
            "Lead unit: {} · Period: {} to {} · {} complete · Progress {} ({}% expected by now)",
            m.lead,
            m.start,
            m.due,
            pct(m.completion),
            pct(m.actual),
            m.expected
        )
    },
    since_compared: |then, now| format!("Compared with the snapshot of {then}, as of {now}."),
    signed_off_note: |on, by| match by {
        Some(by) => format!(" ({on}, by {by})"),
        None => format!(" ({on})"),
    },
    overdue_note: |owner, due, late| format!(" ({owner}, due {due}, {late})"),
    slips_so_far: |count| format!(" (revised {} so far)", times(count)),
    added_note: |owner, due, status, overdue| match overdue {
        Some(o) => format!(" ({owner}, due {due}, {status}, {o})"),
        None => format!(" ({owner}, due {due}, {status})"),
    },
    timeline_label: |title| format!("Milestones of {title}"),
    reached_on: |d| format!(", reached {d}"),
    month: |d| d.0.format("%b").to_string(),
    milestone_state: |s| match s {
        MilestoneState::Reached => "reached",
        MilestoneState::Missed => "missed",
        MilestoneState::Ahead => "upcoming",
    },
    prose_date: |d| (i18n::EN.date)(d),
    table_date: |d| (i18n::EN.date)(d),
    wrote: |file, programs, d| {
        format!(
            "wrote {file} ({}, as of {d})",
            n(programs, "program", "programs")
        )
    },
    cannot_write: |file, e| format!("cannot write {file}: {e}"),
    cannot_write_report: |e| format!("cannot write the report: {e}"),
    snapshot_written: |file, programs, measures, d| {
        format!(
            "{file}: {}, {} as of {d}",
            n(programs, "program", "programs"),
            n(measures, "measure", "measures")
        )
    },
    nothing_readable: |dir, action| {
        format!("no board could be read in {dir} (nothing to {action})")
    },
    broken_left_out: |broken, all| {
        if broken == 1 {
            format!("1 of {all} board files has errors and is left out")
        } else {
            format!("{broken} of {all} board files have errors and are left out")
        }
    },
    cannot_read_snapshot: |e| format!("cannot read the snapshot: {e}"),
    not_json: |e| format!("not a rectify snapshot (JSON): {e}"),
    bad_version: |v, reads| {
        let v = v.map_or_else(|| "missing".to_owned(), |v| v.to_string());
        format!("snapshot version {v} is not supported (this rectify reads version {reads})")
    },
    bad_snapshot: |e| format!("snapshot: {e}"),
    unknown_status: |id, status| format!("snapshot: measure {id}: unknown status `{status}`"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_there_in_both_languages() {
        for t in [&ZH, &EN] {
            for (name, s) in t.strings() {
                // `tag_gap` is the one text that may be empty: Chinese needs no space there.
                assert!(!s.trim().is_empty() || name == "tag_gap", "{name} is empty");
            }
        }
        assert_eq!(ZH.strings().len(), EN.strings().len());
    }

    /// Han characters and the full-width punctuation that goes with them.
    fn is_cjk(c: char) -> bool {
        matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
    }

    #[test]
    fn english_texts_have_no_chinese() {
        for (name, s) in EN.strings() {
            assert!(!s.chars().any(is_cjk), "{name}: {s}");
        }
        for (name, s) in ZH.strings() {
            assert!(
                s.chars().any(is_cjk) || name == "tag_gap",
                "{name} is not Chinese: {s}"
            );
        }
    }
}
