//! The HTML report: one self-contained page (inline CSS and SVG, nothing fetched, so it opens
//! offline and on a closed network) with the summary, a progress bar per program, what changed
//! since the last meeting, the overdue and due-soon lists and each program's milestone
//! timeline. Laid out to print to PDF from a browser. Every word comes from [`super::texts`].

use super::lists;
use crate::domain::problems::ProblemList;
use std::fmt::Write;

use super::changes::{self, Markup};
use super::since::Changes;
use super::summary::{self, Flagged, MilestoneState, ProgramFigures, Totals};
use super::texts::{ProgramMeta, ReportTexts, texts};
use super::timeline;
use crate::domain::schedule::{self, DEFAULT_DUE_SOON_DAYS};
use crate::domain::{Date, Program, StatusKind};
use crate::i18n::Lang;
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

const MARKUP: Markup = Markup {
    text: esc,
    late: |s| format!("<span class=\"late\">{s}</span>"),
};

pub fn render(programs: &[Program], today: Date, since: Option<&Changes>, lang: Lang) -> String {
    render_full(programs, None, today, DEFAULT_DUE_SOON_DAYS, since, lang)
}

/// [`render`] with the folder's problem list, when it has one, and its due-soon window.
pub fn render_full(
    programs: &[Program],
    problems: Option<&ProblemList>,
    today: Date,
    window_days: i64,
    since: Option<&Changes>,
    lang: Lang,
) -> String {
    let t = texts(lang);
    let figures = summary::figures(programs, today, window_days);
    let totals = Totals::of(&figures, window_days);
    let day = (t.prose_date)(today);
    let html_lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">"
    );
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(h, "<title>{} · {day}</title>", t.title);
    let _ = writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(
        h,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>",
        t.title,
        (t.as_of)(&day, totals.programs, totals.measures)
    );
    summary_section(&mut h, &figures, &totals, t);
    list_section(
        &mut h,
        &lists::owner_table(programs, today, window_days, lang),
        None,
    );
    if let Some(list) = problems {
        let table = lists::problem_table(list, programs, today, lang);
        list_section(&mut h, &table, Some(&lists::problem_headline(list, lang)));
    }
    if let Some(c) = since {
        since_section(&mut h, c, t);
    }
    let overdue = summary::overdue(programs, today);
    let _ = writeln!(
        h,
        "<section>\n<h2>{}</h2>",
        (t.overdue_heading)(overdue.len())
    );
    flagged_table(&mut h, &overdue, t, (t.col_days_overdue, true), |f| {
        (MARKUP.late)((-f.days_left).to_string())
    });
    h.push_str("</section>\n");
    let soon = summary::due_soon(programs, today, window_days);
    let _ = writeln!(
        h,
        "<section>\n<h2>{}</h2>",
        (t.due_soon_heading)(soon.len(), window_days)
    );
    flagged_table(&mut h, &soon, t, (t.col_days_left, true), |f| {
        if f.days_left == 0 {
            t.due_today.to_owned()
        } else {
            f.days_left.to_string()
        }
    });
    h.push_str("</section>\n");
    let blocked = summary::blocked(programs, today);
    let _ = writeln!(
        h,
        "<section>\n<h2>{}</h2>",
        (t.blocked_heading)(blocked.len())
    );
    flagged_table(&mut h, &blocked, t, (t.col_reason, false), |f| {
        esc(summary::blocked_reason(f.measure))
    });
    h.push_str("</section>\n");
    let _ = writeln!(h, "<h2>{}</h2>", t.milestones_by_program);
    for (i, f) in figures.iter().enumerate() {
        program_section(&mut h, i, f, today, t);
    }
    let _ = writeln!(h, "<footer>{}</footer>\n</body>\n</html>", (t.footer)(&day));
    h
}

/// A section of one table: heading, an optional line under it, the table.
fn list_section(h: &mut String, table: &lists::Table, lead: Option<&str>) {
    let _ = writeln!(h, "<section>\n<h2>{}</h2>", table.title);
    if let Some(l) = lead {
        let _ = writeln!(h, "<p class=\"meta\">{}</p>", esc(l));
    }
    let _ = writeln!(h, "<table>\n{}\n<tbody>", head(&table.head));
    for r in &table.rows {
        h.push_str("<tr>");
        for (c, (_, num)) in r.iter().zip(&table.head) {
            let class = if *num { " class=\"num\"" } else { "" };
            let _ = write!(h, "<td{class}>{}</td>", esc(c));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// Header cells: `num` marks a column of figures, set right.
fn head(cells: &[(&str, bool)]) -> String {
    let mut row = String::from("<thead><tr>");
    for (text, num) in cells {
        let class = if *num { " class=\"num\"" } else { "" };
        let _ = write!(row, "<th{class}>{text}</th>");
    }
    row.push_str("</tr></thead>");
    row
}

fn summary_section(h: &mut String, figures: &[ProgramFigures<'_>], tot: &Totals, t: &ReportTexts) {
    let _ = writeln!(h, "<section>\n<h2>{}</h2>", t.overview);
    let _ = writeln!(
        h,
        "<p class=\"totals\">{}</p>",
        (t.totals)(tot, &(MARKUP.late)(tot.overdue.to_string()))
    );
    let _ = writeln!(
        h,
        "<table class=\"programs\">\n{}\n<tbody>",
        head(&[
            (t.col_program, false),
            (t.col_lead, false),
            (t.col_completion, false),
            (t.col_measures, true),
            (t.col_signed_off, true),
            (t.col_overdue, true),
            (&(t.col_due_soon)(tot.due_soon_days), true),
            (t.col_health, false),
        ])
    );
    for (i, f) in figures.iter().enumerate() {
        let a = &f.assessment;
        let _ = writeln!(
            h,
            "<tr><td><a href=\"#p{}\">{}</a></td><td>{}</td><td class=\"nowrap\">{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            i + 1,
            esc(&f.program.title),
            esc(&f.program.lead),
            bar(a.completion(), t),
            summary::pct(a.completion()),
            a.total,
            a.count(StatusKind::SignedOff),
            a.overdue,
            a.due_soon,
            health(a.health, t)
        );
    }
    let _ = writeln!(
        h,
        "<tr class=\"total\"><td>{}</td><td></td><td class=\"nowrap\">{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"nowrap\">● {} ▲ {} ■ {}</td></tr>",
        t.total,
        bar(tot.completion(), t),
        summary::pct(tot.completion()),
        tot.measures,
        tot.signed_off,
        tot.overdue,
        tot.due_soon,
        tot.health[0],
        tot.health[1],
        tot.health[2]
    );
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// A bar drawn in SVG rather than with CSS backgrounds, which browsers drop when printing.
fn bar(p: Option<i64>, t: &ReportTexts) -> String {
    let filled = p.unwrap_or(0).clamp(0, 100);
    format!(
        "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{} {}\"><rect class=\"bg\" width=\"100\" height=\"10\"/><rect class=\"fill\" width=\"{filled}\" height=\"10\"/></svg>",
        t.col_completion,
        summary::pct(p)
    )
}

fn health(hl: crate::domain::schedule::Health, t: &ReportTexts) -> String {
    format!(
        "<span class=\"health h-{}\">{} {}</span>",
        summary::health_code(hl),
        hl.symbol(),
        (t.ui.health)(hl)
    )
}

fn flagged_table(
    h: &mut String,
    list: &[Flagged<'_>],
    t: &ReportTexts,
    (last_head, last_num): (&str, bool),
    last: impl Fn(&Flagged<'_>) -> String,
) {
    if list.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", t.none);
        return;
    }
    let _ = writeln!(
        h,
        "<table>\n{}\n<tbody>",
        head(&[
            (t.col_program, false),
            (t.col_id, false),
            (t.col_measure, false),
            (t.col_owner, false),
            (t.col_deadline, false),
            (last_head, last_num),
        ])
    );
    let class = if last_num { " class=\"num\"" } else { "" };
    for f in list {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{}</td><td{class}>{}</td></tr>",
            esc(&f.program.title),
            esc(&f.measure.id),
            esc(&f.measure.title),
            esc(&f.measure.owner),
            due_cell(f.measure, t),
            last(f)
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// The date never breaks across lines; a revision note may.
fn due_cell(m: &crate::domain::Measure, t: &ReportTexts) -> String {
    let due = format!(
        "<span class=\"nowrap\">{}</span>",
        (t.table_date)(m.effective_due())
    );
    match summary::revision_note(m, t) {
        None => due,
        Some(note) => format!("{due}<span class=\"note\">{note}</span>"),
    }
}

fn since_section(h: &mut String, c: &Changes, t: &ReportTexts) {
    let _ = writeln!(
        h,
        "<section>\n<h2>{}</h2>\n<p class=\"meta\">{}</p>",
        t.since_title,
        changes::intro(c, t)
    );
    if c.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", t.since_nothing);
    }
    for p in &c.programs {
        let _ = writeln!(
            h,
            "<h3>{}{}</h3>\n<ul class=\"changes\">",
            esc(&p.title),
            changes::presence_note(p.presence, t)
        );
        for item in changes::items(p, t, &MARKUP) {
            let _ = writeln!(
                h,
                "<li><span class=\"tag\">{}</span>{}{}</li>",
                item.tag, t.tag_gap, item.body
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}

fn program_section(h: &mut String, i: usize, f: &ProgramFigures<'_>, today: Date, t: &ReportTexts) {
    let p = f.program;
    let a = &f.assessment;
    let _ = writeln!(
        h,
        "<section class=\"program\" id=\"p{}\">\n<h3>{}. {} {}</h3>",
        i + 1,
        i + 1,
        esc(&p.title),
        health(a.health, t)
    );
    let _ = writeln!(
        h,
        "<p class=\"meta\">{}</p>",
        (t.program_meta)(&ProgramMeta {
            lead: &esc(&p.lead),
            start: &(t.prose_date)(p.start),
            due: &(t.prose_date)(p.due),
            completion: a.completion(),
            actual: a.actual,
            expected: a.expected,
        })
    );
    if !p.goal.trim().is_empty() {
        let _ = writeln!(h, "<p class=\"note\">{}{}</p>", t.goal, esc(&p.goal));
    }
    ledger_table(h, p, today, t);
    if p.milestones.is_empty() {
        let _ = writeln!(h, "<p>{}</p>\n</section>", t.no_milestones);
        return;
    }
    h.push_str(&timeline::svg(p, today, t));
    let _ = writeln!(
        h,
        "\n<table class=\"milestones\">\n{}\n<tbody>",
        head(&[
            (t.col_seq, true),
            (t.col_milestone, false),
            (t.col_planned, false),
            (t.col_reached, false),
            (t.col_state, false),
        ])
    );
    for (n, ms) in p.milestones.iter().enumerate() {
        let state = MilestoneState::of(ms, today);
        let when = summary::milestone_note(ms, today, t);
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td><td class=\"st-{}\">{} {}{when}</td></tr>",
            n + 1,
            esc(&ms.title),
            (t.table_date)(ms.due),
            ms.done.map_or_else(|| "—".to_owned(), t.table_date),
            state.code(),
            state.symbol(),
            (t.milestone_state)(state)
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// Every measure of the program, for the printed page a meeting marks up: the deadline in
/// force, the status (with what blocks it), progress and notes; overdue deadlines in red.
fn ledger_table(h: &mut String, p: &Program, today: Date, t: &ReportTexts) {
    if p.measures.is_empty() {
        return;
    }
    let _ = writeln!(
        h,
        "<table class=\"ledger\" aria-label=\"{}\">\n{}\n<tbody>",
        t.ledger_heading,
        head(&[
            (t.col_id, false),
            (t.col_measure, false),
            (t.col_owner, false),
            (t.col_deadline, false),
            (t.col_status, false),
            (t.col_progress, true),
            (t.col_notes, false),
        ])
    );
    for m in &p.measures {
        let due = if schedule::is_overdue(m, today) {
            (MARKUP.late)(due_cell(m, t))
        } else {
            due_cell(m, t)
        };
        let status = (t.ui.status)(m.status.kind());
        let status = match summary::blocked_reason(m) {
            "" => status.to_owned(),
            why => format!(
                "{status}<span class=\"note\">{}</span>",
                esc(&(t.ui.aside)(why))
            ),
        };
        let _ = writeln!(
            h,
            "<tr><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{due}</td><td>{status}</td><td class=\"num\">{}%</td><td>{}</td></tr>",
            esc(&m.id),
            esc(&m.title),
            esc(&m.owner),
            m.progress,
            esc(&m.notes)
        );
    }
    h.push_str("</tbody>\n</table>\n");
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
