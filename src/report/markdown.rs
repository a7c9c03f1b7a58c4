//! The Markdown report, in Chinese, to paste into meeting minutes: summary table and totals,
//! what changed since the last meeting (with `--since`), overdue and due-soon lists, and each
//! program's milestones.

use super::since::{Changes, Presence, ProgramChanges};
use super::summary::{self, Flagged, HEALTHS, MilestoneState, Totals};
use crate::domain::{Date, Program, StatusKind};
use crate::text::sanitize;

pub fn render(programs: &[Program], today: Date, since: Option<&Changes>) -> String {
    let figures = summary::figures(programs, today);
    let totals = Totals::of(&figures);
    let mut out = Doc::default();
    out.line("# 整改整治工作进展报告");
    out.blank();
    out.line(format!(
        "数据截至 {today} · {} 个专项整治方案 · {} 条整改措施",
        totals.programs, totals.measures
    ));
    out.blank();

    out.line("## 总体情况");
    out.blank();
    out.line(totals_sentence(&totals));
    out.blank();
    out.line("| 专项整治方案 | 牵头单位 | 措施 | 完成率 | 已销号 | 逾期 | 7天内到期 | 状况 |");
    out.line("|---|---|--:|--:|--:|--:|--:|---|");
    for f in &figures {
        let a = &f.assessment;
        out.line(format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} {} |",
            cell(&f.program.title),
            cell(&f.program.lead),
            a.total,
            summary::pct(a.completion()),
            a.count(StatusKind::SignedOff),
            a.overdue,
            a.due_soon,
            a.health.symbol(),
            a.health.label_zh()
        ));
    }
    let mix: Vec<String> = HEALTHS
        .iter()
        .map(|h| format!("{}{}", h.symbol(), totals.health_count(*h)))
        .collect();
    out.line(format!(
        "| **合计** |  | {} | {} | {} | {} | {} | {} |",
        totals.measures,
        summary::pct(totals.completion()),
        totals.signed_off,
        totals.overdue,
        totals.due_soon,
        mix.join(" ")
    ));
    out.blank();
    out.line(
        "注：完成率 =（已完成 + 已销号）÷ 全部措施，向下取整。状况：● 正常，▲ 有风险，■ 滞后。",
    );
    out.blank();

    if let Some(c) = since {
        changes(&mut out, c);
    }

    let overdue = summary::overdue(programs, today);
    out.line(format!("## 逾期措施（{} 条）", overdue.len()));
    out.blank();
    flagged_table(&mut out, &overdue, "逾期天数", |d| (-d).to_string());

    let soon = summary::due_soon(programs, today);
    out.line(format!("## 7天内到期的措施（{} 条）", soon.len()));
    out.blank();
    flagged_table(&mut out, &soon, "剩余天数", |d| {
        if d == 0 {
            "0（今天到期）".to_owned()
        } else {
            d.to_string()
        }
    });

    out.line("## 时间节点");
    out.blank();
    for p in programs {
        out.line(format!("### {}", inline(&p.title)));
        out.blank();
        if p.milestones.is_empty() {
            out.line("无时间节点。");
            out.blank();
            continue;
        }
        out.line("| 时间节点 | 计划日期 | 完成日期 | 情况 |");
        out.line("|---|---|---|---|");
        for ms in &p.milestones {
            let state = MilestoneState::of(ms, today);
            let when = summary::milestone_note(ms, today);
            out.line(format!(
                "| {} | {} | {} | {} {}{when} |",
                cell(&ms.title),
                ms.due,
                ms.done.map_or_else(|| "—".to_owned(), |d| d.to_string()),
                state.symbol(),
                state.label_zh()
            ));
        }
        out.blank();
    }
    out.0
}

fn totals_sentence(t: &Totals) -> String {
    format!(
        "合计：{} 个专项整治方案，{} 条整改措施，已完成 {} 条（完成率 {}），其中已销号 {} 条；\
         逾期 {} 条，7天内到期 {} 条。方案状况：● 正常 {} 个，▲ 有风险 {} 个，■ 滞后 {} 个。",
        t.programs,
        t.measures,
        t.finished,
        summary::pct(t.completion()),
        t.signed_off,
        t.overdue,
        t.due_soon,
        t.health[0],
        t.health[1],
        t.health[2]
    )
}

fn flagged_table(
    out: &mut Doc,
    list: &[Flagged<'_>],
    days_head: &str,
    days: impl Fn(i64) -> String,
) {
    if list.is_empty() {
        out.line("无。");
        out.blank();
        return;
    }
    out.line(format!(
        "| 专项整治方案 | 编号 | 整改措施 | 责任单位 | 期限 | {days_head} |"
    ));
    out.line("|---|---|---|---|---|--:|");
    for f in list {
        out.line(format!(
            "| {} | {} | {} | {} | {} | {} |",
            cell(&f.program.title),
            cell(&f.measure.id),
            cell(&f.measure.title),
            cell(&f.measure.owner),
            summary::due_zh(f.measure),
            days(f.days_left)
        ));
    }
    out.blank();
}

fn changes(out: &mut Doc, c: &Changes) {
    out.line("## 自上次会议以来的变化");
    out.blank();
    out.line(format!(
        "与 {} 的快照相比，截至 {}。",
        c.snapshot_taken, c.today
    ));
    out.blank();
    if c.is_empty() {
        out.line("没有变化。");
        out.blank();
        return;
    }
    for p in &c.programs {
        program_changes(out, p);
    }
}

fn program_changes(out: &mut Doc, p: &ProgramChanges) {
    let title = inline(&p.title);
    out.line(match p.presence {
        Presence::Kept => format!("### {title}"),
        Presence::Added => format!("### {title}（新增方案）"),
        Presence::Removed => format!("### {title}（已移除的方案）"),
        Presence::Unreadable => format!("### {title}（文件有错误，未能比较）"),
    });
    out.blank();
    let item = |id: &str, t: &str| format!("{} {}", inline(id), inline(t));
    for s in &p.signed_off {
        let by =
            s.by.as_deref()
                .map(|b| format!("，{}", inline(b)))
                .unwrap_or_default();
        let on =
            s.on.map_or_else(|| "日期未填".to_owned(), |d| d.to_string());
        out.line(format!(
            "- 新销号：{}（{on}{by}）",
            item(&s.measure.id, &s.measure.title)
        ));
    }
    for o in &p.newly_overdue {
        out.line(format!(
            "- 新逾期：{}（{}，期限 {}，逾期{}天）",
            item(&o.measure.id, &o.measure.title),
            inline(&o.measure.owner),
            o.due,
            o.days_overdue
        ));
    }
    for s in &p.status_changes {
        out.line(format!(
            "- 状态变更：{}：{} → {}",
            item(&s.measure.id, &s.measure.title),
            status_text(&s.from),
            status_text(&s.to)
        ));
    }
    for d in &p.deadline_changes {
        out.line(format!(
            "- 期限调整：{}：{} → {}（累计调整{}次）",
            item(&d.measure.id, &d.measure.title),
            d.from,
            d.to,
            d.slips
        ));
    }
    for a in &p.added {
        let late = if a.overdue { "，已逾期" } else { "" };
        out.line(format!(
            "- 新增措施：{}（{}，期限 {}，{}{late}）",
            item(&a.measure.id, &a.measure.title),
            inline(&a.measure.owner),
            a.due,
            status_text(&a.status)
        ));
    }
    for r in &p.removed {
        out.line(format!("- 删除措施：{}", item(&r.id, &r.title)));
    }
    out.blank();
}

fn status_text(s: &super::StatusView) -> String {
    match &s.reason {
        Some(r) => format!("{}（{}）", s.label, inline(r.trim())),
        None => s.label.clone(),
    }
}

/// A table cell: one line, and nothing that Markdown would read as a column break or markup.
fn cell(s: &str) -> String {
    inline(s)
}

/// Board text made safe for a Markdown line: control and invisible characters dropped, line
/// breaks joined, and the characters Markdown would act on (`|` ends a cell, `*` `_` `` ` ``
/// format, `<` opens HTML, `[` a link, `\` escapes the next one) escaped.
fn inline(s: &str) -> String {
    let clean = sanitize(s);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Default)]
struct Doc(String);

impl Doc {
    fn line(&mut self, s: impl AsRef<str>) {
        self.0.push_str(s.as_ref());
        self.0.push('\n');
    }

    fn blank(&mut self) {
        self.0.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table_or_add_markup() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(cell("<b>x</b>"), "\\<b\\>x\\</b\\>");
        assert_eq!(cell("\x1b[31m红"), "[31m红".replace('[', "\\["));
    }
}
