//! The Markdown report, to paste into meeting minutes: summary table and totals, what changed
//! since the last meeting (with `--since`), overdue and due-soon lists, and each program's
//! milestones. Every word comes from [`super::texts`], in the language asked for.

use super::changes::{self, Markup};
use super::lists;
use super::since::{Changes, ProgramChanges};
use super::summary::{self, Flagged, HEALTHS, MilestoneState, Totals};
use super::texts::{ReportTexts, texts};
use crate::domain::problems::ProblemList;
use crate::domain::schedule::DEFAULT_DUE_SOON_DAYS;
use crate::domain::{Date, Program, StatusKind};
use crate::i18n::Lang;
use crate::text::sanitize;

const MARKUP: Markup = Markup {
    text: inline,
    late: |s| s,
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
    let mut out = Doc::default();
    out.line(format!("# {}", t.title));
    out.blank();
    out.line((t.as_of)(
        &(t.prose_date)(today),
        totals.programs,
        totals.measures,
    ));
    out.blank();

    out.line(format!("## {}", t.overview));
    out.blank();
    out.line((t.totals)(&totals, &totals.overdue.to_string()));
    out.blank();
    out.line(row(&[
        t.col_program,
        t.col_lead,
        t.col_measures,
        t.col_completion,
        t.col_signed_off,
        t.col_overdue,
        &(t.col_due_soon)(window_days),
        t.col_health,
    ]));
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
            (t.ui.health)(a.health)
        ));
    }
    let mix: Vec<String> = HEALTHS
        .iter()
        .map(|h| format!("{}{}", h.symbol(), totals.health_count(*h)))
        .collect();
    out.line(format!(
        "| **{}** |  | {} | {} | {} | {} | {} | {} |",
        t.total,
        totals.measures,
        summary::pct(totals.completion()),
        totals.signed_off,
        totals.overdue,
        totals.due_soon,
        mix.join(" ")
    ));
    out.blank();
    out.line((t.note)());
    out.blank();
    list_table(
        &mut out,
        &lists::owner_table(programs, today, window_days, lang),
        None,
    );
    if let Some(list) = problems {
        let table = lists::problem_table(list, programs, today, lang);
        list_table(&mut out, &table, Some(&lists::problem_headline(list, lang)));
    }

    if let Some(c) = since {
        since_section(&mut out, c, t);
    }

    let overdue = summary::overdue(programs, today);
    out.line(format!("## {}", (t.overdue_heading)(overdue.len())));
    out.blank();
    flagged_table(&mut out, &overdue, t, (t.col_days_overdue, true), |f| {
        (-f.days_left).to_string()
    });

    let soon = summary::due_soon(programs, today, window_days);
    out.line(format!(
        "## {}",
        (t.due_soon_heading)(soon.len(), window_days)
    ));
    out.blank();
    flagged_table(&mut out, &soon, t, (t.col_days_left, true), |f| {
        if f.days_left == 0 {
            t.due_today.to_owned()
        } else {
            f.days_left.to_string()
        }
    });

    let blocked = summary::blocked(programs, today);
    out.line(format!("## {}", (t.blocked_heading)(blocked.len())));
    out.blank();
    flagged_table(&mut out, &blocked, t, (t.col_reason, false), |f| {
        cell(summary::blocked_reason(f.measure))
    });

    out.line(format!("## {}", t.milestones));
    out.blank();
    for p in programs {
        out.line(format!("### {}", inline(&p.title)));
        out.blank();
        if p.milestones.is_empty() {
            out.line(t.no_milestones);
            out.blank();
            continue;
        }
        out.line(row(&[
            t.col_milestone,
            t.col_planned,
            t.col_reached,
            t.col_state,
        ]));
        out.line("|---|---|---|---|");
        for ms in &p.milestones {
            let state = MilestoneState::of(ms, today);
            let when = summary::milestone_note(ms, today, t);
            out.line(format!(
                "| {} | {} | {} | {} {}{when} |",
                cell(&ms.title),
                (t.table_date)(ms.due),
                ms.done.map_or_else(|| "—".to_owned(), t.table_date),
                state.symbol(),
                (t.milestone_state)(state)
            ));
        }
        out.blank();
    }
    out.0
}

/// A table row of our own words.
/// A section of one table: heading, an optional line under it, the table.
fn list_table(out: &mut Doc, table: &lists::Table, lead: Option<&str>) {
    out.line(format!("## {}", table.title));
    out.blank();
    if let Some(l) = lead {
        out.line(inline(l));
        out.blank();
    }
    out.line(row(&table.head.iter().map(|(h, _)| *h).collect::<Vec<_>>()));
    let rule: String = table
        .head
        .iter()
        .map(|(_, num)| if *num { "--:|" } else { "---|" })
        .collect();
    out.line(format!("|{rule}"));
    for r in &table.rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        out.line(format!("| {} |", cells.join(" | ")));
    }
    out.blank();
}

fn row(cells: &[&str]) -> String {
    format!("| {} |", cells.join(" | "))
}

fn flagged_table(
    out: &mut Doc,
    list: &[Flagged<'_>],
    t: &ReportTexts,
    (last_head, last_num): (&str, bool),
    last: impl Fn(&Flagged<'_>) -> String,
) {
    if list.is_empty() {
        out.line(t.none);
        out.blank();
        return;
    }
    out.line(row(&[
        t.col_program,
        t.col_id,
        t.col_measure,
        t.col_owner,
        t.col_deadline,
        last_head,
    ]));
    // Figures line up on the right; a reason reads from the left.
    out.line(if last_num {
        "|---|---|---|---|---|--:|"
    } else {
        "|---|---|---|---|---|---|"
    });
    for f in list {
        out.line(format!(
            "| {} | {} | {} | {} | {}{} | {} |",
            cell(&f.program.title),
            cell(&f.measure.id),
            cell(&f.measure.title),
            cell(&f.measure.owner),
            (t.table_date)(f.measure.effective_due()),
            summary::revision_note(f.measure, t).unwrap_or_default(),
            last(f)
        ));
    }
    out.blank();
}

fn since_section(out: &mut Doc, c: &Changes, t: &ReportTexts) {
    out.line(format!("## {}", t.since_title));
    out.blank();
    out.line(changes::intro(c, t));
    out.blank();
    if c.is_empty() {
        out.line(t.since_nothing);
        out.blank();
        return;
    }
    for p in &c.programs {
        program_changes(out, p, t);
    }
}

fn program_changes(out: &mut Doc, p: &ProgramChanges, t: &ReportTexts) {
    out.line(format!(
        "### {}{}",
        inline(&p.title),
        changes::presence_note(p.presence, t)
    ));
    out.blank();
    for item in changes::items(p, t, &MARKUP) {
        out.line(format!("- {}", (t.ui.labelled)(item.tag, &item.body)));
    }
    out.blank();
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
