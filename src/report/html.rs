//! The HTML report: one self-contained page (inline CSS and SVG, nothing fetched, so it opens
//! offline and on a closed network) with the summary, a progress bar per program, what changed
//! since the last meeting, the overdue and due-soon lists and each program's milestone
//! timeline. Laid out to print to PDF from a browser.

use std::fmt::Write;

use super::StatusView;
use super::since::{Changes, Presence, ProgramChanges};
use super::summary::{self, Flagged, MilestoneState, ProgramFigures, Totals};
use super::timeline;
use crate::domain::{Date, Program, StatusKind};
use crate::text::sanitize;

const STYLE: &str = r#"
:root { --ok: #2e7d32; --risk: #a15c00; --late: #c62828; --ahead: #1565c0; --muted: #666; --line: #d0d0d0; }
* { box-sizing: border-box; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
       color: #1a1a1a; background: #fff; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; line-height: 1.5;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta, .note { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; background: #fafafa; }
.nowrap { white-space: nowrap; }
.bar { display: inline-block; width: 7rem; height: .7rem; vertical-align: middle; margin-right: .4rem; }
.bar .bg { fill: #e6e6e6; } .bar .fill { fill: var(--ok); }
.health { white-space: nowrap; font-weight: 600; }
.h-on_track { color: var(--ok); } .h-at_risk { color: var(--risk); } .h-off_track { color: var(--late); }
.late { color: var(--late); font-weight: 600; }
.program { break-inside: avoid; page-break-inside: avoid; }
svg.timeline { width: 100%; height: auto; display: block; margin: .4rem 0; font-size: 11px; }
.timeline .span { fill: #e6e6e6; } .timeline .elapsed { fill: #9e9e9e; }
.timeline .tick { stroke: #9e9e9e; } .timeline .month, .timeline .end { fill: var(--muted); font-size: 10px; }
.timeline .today line { stroke: var(--late); stroke-width: 1.5; stroke-dasharray: 4 3; }
.timeline .today text { fill: var(--late); font-size: 10px; }
.timeline .num { font-weight: 700; fill: #1a1a1a; }
.timeline .reached circle { fill: var(--ok); } .timeline .missed rect { fill: var(--late); }
.timeline .glyph { stroke: #fff; stroke-width: 2; fill: none; }
.timeline .diamond { fill: #fff; stroke: var(--ahead); stroke-width: 2; }
.st-reached { color: var(--ok); } .st-missed { color: var(--late); } .st-ahead { color: var(--ahead); }
ul.changes { margin: .2rem 0 1rem; padding-left: 1.2rem; }
ul.changes li { margin: .15rem 0; }
.tag { display: inline-block; min-width: 4.5em; font-weight: 600; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .bar { width: 3.5rem; }
}
"#;

pub fn render(programs: &[Program], today: Date, since: Option<&Changes>) -> String {
    let figures = summary::figures(programs, today);
    let totals = Totals::of(&figures);
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(h, "<title>整改整治工作进展报告 · {today}</title>");
    let _ = writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(
        h,
        "<header>\n<h1>整改整治工作进展报告</h1>\n<p class=\"meta\">数据截至 {today} · {} 个专项整治方案 · {} 条整改措施</p>\n</header>",
        totals.programs, totals.measures
    );
    summary_section(&mut h, &figures, &totals);
    if let Some(c) = since {
        changes_section(&mut h, c);
    }
    let overdue = summary::overdue(programs, today);
    let _ = writeln!(h, "<section>\n<h2>逾期措施（{} 条）</h2>", overdue.len());
    flagged_table(&mut h, &overdue, "逾期天数", |d| {
        format!("<span class=\"late\">{}</span>", -d)
    });
    h.push_str("</section>\n");
    let soon = summary::due_soon(programs, today);
    let _ = writeln!(
        h,
        "<section>\n<h2>7天内到期的措施（{} 条）</h2>",
        soon.len()
    );
    flagged_table(&mut h, &soon, "剩余天数", |d| {
        if d == 0 {
            "0（今天到期）".to_owned()
        } else {
            d.to_string()
        }
    });
    h.push_str("</section>\n");
    h.push_str("<h2>各专项时间节点</h2>\n");
    for (i, f) in figures.iter().enumerate() {
        program_section(&mut h, i, f, today);
    }
    let _ = writeln!(
        h,
        "<footer>由 rectify 根据看板文件生成 · 数据截至 {today} · 完成率 =（已完成 + 已销号）÷ 全部措施，向下取整</footer>\n</body>\n</html>"
    );
    h
}

fn summary_section(h: &mut String, figures: &[ProgramFigures<'_>], t: &Totals) {
    h.push_str("<section>\n<h2>总体情况</h2>\n");
    let _ = writeln!(
        h,
        "<p class=\"totals\">合计：{} 个专项整治方案，{} 条整改措施，已完成 {} 条（完成率 {}），其中已销号 {} 条；逾期 <span class=\"late\">{}</span> 条，7天内到期 {} 条。方案状况：● 正常 {} 个，▲ 有风险 {} 个，■ 滞后 {} 个。</p>",
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
    );
    h.push_str("<table class=\"programs\">\n<thead><tr><th>专项整治方案</th><th>牵头单位</th><th>完成率</th><th class=\"num\">措施</th><th class=\"num\">已销号</th><th class=\"num\">逾期</th><th class=\"num\">7天内到期</th><th>状况</th></tr></thead>\n<tbody>\n");
    for (i, f) in figures.iter().enumerate() {
        let a = &f.assessment;
        let _ = writeln!(
            h,
            "<tr><td><a href=\"#p{}\">{}</a></td><td>{}</td><td class=\"nowrap\">{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            i + 1,
            esc(&f.program.title),
            esc(&f.program.lead),
            bar(a.completion()),
            summary::pct(a.completion()),
            a.total,
            a.count(StatusKind::SignedOff),
            a.overdue,
            a.due_soon,
            health(a.health)
        );
    }
    let _ = writeln!(
        h,
        "<tr class=\"total\"><td>合计</td><td></td><td class=\"nowrap\">{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"nowrap\">● {} ▲ {} ■ {}</td></tr>",
        bar(t.completion()),
        summary::pct(t.completion()),
        t.measures,
        t.signed_off,
        t.overdue,
        t.due_soon,
        t.health[0],
        t.health[1],
        t.health[2]
    );
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// A bar drawn in SVG rather than with CSS backgrounds, which browsers drop when printing.
fn bar(p: Option<i64>) -> String {
    let filled = p.unwrap_or(0).clamp(0, 100);
    format!(
        "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"完成率 {}\"><rect class=\"bg\" width=\"100\" height=\"10\"/><rect class=\"fill\" width=\"{filled}\" height=\"10\"/></svg>",
        summary::pct(p)
    )
}

fn health(hl: crate::domain::schedule::Health) -> String {
    format!(
        "<span class=\"health h-{}\">{} {}</span>",
        summary::health_code(hl),
        hl.symbol(),
        hl.label_zh()
    )
}

fn flagged_table(
    h: &mut String,
    list: &[Flagged<'_>],
    days_head: &str,
    days: impl Fn(i64) -> String,
) {
    if list.is_empty() {
        h.push_str("<p>无。</p>\n");
        return;
    }
    let _ = writeln!(
        h,
        "<table>\n<thead><tr><th>专项整治方案</th><th>编号</th><th>整改措施</th><th>责任单位</th><th>期限</th><th class=\"num\">{days_head}</th></tr></thead>\n<tbody>"
    );
    for f in list {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            esc(&f.program.title),
            esc(&f.measure.id),
            esc(&f.measure.title),
            esc(&f.measure.owner),
            due_cell(f.measure),
            days(f.days_left)
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// The date never breaks across lines; a revision note may.
fn due_cell(m: &crate::domain::Measure) -> String {
    let due = format!("<span class=\"nowrap\">{}</span>", m.effective_due());
    match m.slips() {
        0 => due,
        n => format!(
            "{due}<span class=\"note\">（原定 {}，调整{n}次）</span>",
            m.due
        ),
    }
}

fn changes_section(h: &mut String, c: &Changes) {
    let _ = writeln!(
        h,
        "<section>\n<h2>自上次会议以来的变化</h2>\n<p class=\"meta\">与 {} 的快照相比，截至 {}。</p>",
        c.snapshot_taken, c.today
    );
    if c.is_empty() {
        h.push_str("<p>没有变化。</p>\n");
    }
    for p in &c.programs {
        program_changes(h, p);
    }
    h.push_str("</section>\n");
}

fn program_changes(h: &mut String, p: &ProgramChanges) {
    let note = match p.presence {
        Presence::Kept => "",
        Presence::Added => "（新增方案）",
        Presence::Removed => "（已移除的方案）",
        Presence::Unreadable => "（文件有错误，未能比较）",
    };
    let _ = writeln!(
        h,
        "<h3>{}{note}</h3>\n<ul class=\"changes\">",
        esc(&p.title)
    );
    let item = |id: &str, t: &str| format!("{} {}", esc(id), esc(t));
    let mut li = |tag: &str, body: String| {
        let _ = writeln!(h, "<li><span class=\"tag\">{tag}</span>{body}</li>");
    };
    for s in &p.signed_off {
        let by =
            s.by.as_deref()
                .map(|b| format!("，{}", esc(b)))
                .unwrap_or_default();
        let on =
            s.on.map_or_else(|| "日期未填".to_owned(), |d| d.to_string());
        li(
            "新销号",
            format!("{}（{on}{by}）", item(&s.measure.id, &s.measure.title)),
        );
    }
    for o in &p.newly_overdue {
        li(
            "新逾期",
            format!(
                "{}（{}，期限 {}，<span class=\"late\">逾期{}天</span>）",
                item(&o.measure.id, &o.measure.title),
                esc(&o.measure.owner),
                o.due,
                o.days_overdue
            ),
        );
    }
    for s in &p.status_changes {
        li(
            "状态变更",
            format!(
                "{}：{} → {}",
                item(&s.measure.id, &s.measure.title),
                status_text(&s.from),
                status_text(&s.to)
            ),
        );
    }
    for d in &p.deadline_changes {
        li(
            "期限调整",
            format!(
                "{}：{} → {}（累计调整{}次）",
                item(&d.measure.id, &d.measure.title),
                d.from,
                d.to,
                d.slips
            ),
        );
    }
    for a in &p.added {
        let late = if a.overdue {
            "，<span class=\"late\">已逾期</span>"
        } else {
            ""
        };
        li(
            "新增措施",
            format!(
                "{}（{}，期限 {}，{}{late}）",
                item(&a.measure.id, &a.measure.title),
                esc(&a.measure.owner),
                a.due,
                status_text(&a.status)
            ),
        );
    }
    for r in &p.removed {
        li("删除措施", item(&r.id, &r.title));
    }
    h.push_str("</ul>\n");
}

fn status_text(s: &StatusView) -> String {
    match &s.reason {
        Some(r) => format!("{}（{}）", esc(&s.label), esc(r.trim())),
        None => esc(&s.label),
    }
}

fn program_section(h: &mut String, i: usize, f: &ProgramFigures<'_>, today: Date) {
    let p = f.program;
    let a = &f.assessment;
    let _ = writeln!(
        h,
        "<section class=\"program\" id=\"p{}\">\n<h3>{}. {} {}</h3>",
        i + 1,
        i + 1,
        esc(&p.title),
        health(a.health)
    );
    let _ = writeln!(
        h,
        "<p class=\"meta\">牵头单位：{} · 周期：{} 至 {} · 完成率 {} · 实际进度 {}，按时间应达 {}%</p>",
        esc(&p.lead),
        p.start,
        p.due,
        summary::pct(a.completion()),
        summary::pct(a.actual),
        a.expected
    );
    if !p.goal.trim().is_empty() {
        let _ = writeln!(h, "<p class=\"note\">目标：{}</p>", esc(&p.goal));
    }
    if p.milestones.is_empty() {
        h.push_str("<p>无时间节点。</p>\n</section>\n");
        return;
    }
    h.push_str(&timeline::svg(p, today));
    h.push_str("\n<table class=\"milestones\">\n<thead><tr><th class=\"num\">序号</th><th>时间节点</th><th>计划日期</th><th>完成日期</th><th>情况</th></tr></thead>\n<tbody>\n");
    for (n, ms) in p.milestones.iter().enumerate() {
        let state = MilestoneState::of(ms, today);
        let when = summary::milestone_note(ms, today);
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td><td class=\"st-{}\">{} {}{when}</td></tr>",
            n + 1,
            esc(&ms.title),
            ms.due,
            ms.done.map_or_else(|| "—".to_owned(), |d| d.to_string()),
            state.code(),
            state.symbol(),
            state.label_zh()
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// Board text made safe for HTML text and attribute values: control and invisible characters
/// dropped (a bidi override would reorder the printed page too), markup characters escaped.
pub fn esc(s: &str) -> String {
    let clean = sanitize(s);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_open_markup() {
        assert_eq!(
            esc("<script>alert('x')</script>&\u{202E}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"
        );
    }
}
