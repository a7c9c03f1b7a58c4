//! The report's "by owner unit" and "problem list" sections as plain tables of text, so the
//! Markdown and HTML reports show the same figures as the board's screens (and JSON, built
//! from the same rows, the same figures for tools).

use crate::domain::owners::owner_rows;
use crate::domain::problems::{self, ProblemList, ProblemStatus};
use crate::domain::{Date, Measure, Program, StatusKind};
use crate::i18n::Lang;

/// A table for a report: each header with whether its column holds figures.
pub struct Table {
    pub title: &'static str,
    pub head: Vec<(&'static str, bool)>,
    pub rows: Vec<Vec<String>>,
}

pub fn owner_table(programs: &[Program], today: Date, window_days: i64, lang: Lang) -> Table {
    let (t, l) = (lang.texts(), lang.lists());
    let status = |k| (t.status)(k);
    let head = vec![
        (l.col_unit, false),
        (l.col_measures, true),
        (status(StatusKind::NotStarted), true),
        (status(StatusKind::InProgress), true),
        (status(StatusKind::Blocked), true),
        (status(StatusKind::Done), true),
        (status(StatusKind::SignedOff), true),
        (t.col_overdue, true),
        (l.col_due_soon, true),
        (l.col_completion, true),
    ];
    let rows = owner_rows(programs, today, window_days)
        .iter()
        .map(|r| {
            let mut cells = vec![r.unit.clone(), r.measures.to_string()];
            cells.extend(StatusKind::ALL.iter().map(|&k| r.count(k).to_string()));
            cells.push(r.overdue.to_string());
            cells.push(r.due_soon.to_string());
            cells.push(r.completion().map_or("—".to_owned(), |p| format!("{p}%")));
            cells
        })
        .collect();
    Table {
        title: l.section_owners,
        head,
        rows,
    }
}

/// Each problem of the list with its aspect and its state on `today`.
pub fn problem_states<'a>(
    list: &'a ProblemList,
    programs: &[Program],
    today: Date,
) -> Vec<(&'a str, &'a problems::ListedProblem, ProblemStatus)> {
    let find = |prog: &str, id: &str| -> Option<&Measure> {
        programs
            .iter()
            .find(|p| p.id == prog)
            .and_then(|p| p.measure(id))
    };
    list.aspects
        .iter()
        .flat_map(|a| a.problems.iter().map(move |p| (a.title.as_str(), p)))
        .map(|(a, p)| (a, p, problems::assess(p, find, today)))
        .collect()
}

pub fn problem_table(list: &ProblemList, programs: &[Program], today: Date, lang: Lang) -> Table {
    let (t, l) = (lang.texts(), lang.lists());
    let head = vec![
        (l.col_aspect, false),
        (t.col_id, false),
        (l.col_problem, false),
        (t.col_status, false),
        (l.col_measures_done, true),
        (t.col_overdue, true),
        (l.col_blocked, true),
    ];
    let rows = problem_states(list, programs, today)
        .into_iter()
        .map(|(aspect, p, s)| {
            vec![
                aspect.to_owned(),
                p.id.clone(),
                p.title.clone(),
                l.problem_state(s.state).to_owned(),
                format!("{}/{}", s.finished, s.measures),
                s.overdue.to_string(),
                s.blocked.to_string(),
            ]
        })
        .collect();
    Table {
        title: l.section_problems,
        head,
        rows,
    }
}

/// The line under the problem list's heading: its title, aspects and problems.
pub fn problem_headline(list: &ProblemList, lang: Lang) -> String {
    let l = lang.lists();
    format!(
        "{} · {}",
        list.title,
        (l.problems_headline)(list.aspects.len(), list.problem_count())
    )
}
