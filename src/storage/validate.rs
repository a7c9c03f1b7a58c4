//! Rules beyond syntax. Each problem names where it is by field; the span locator turns that
//! into a line and column only when there is something to report.

use std::collections::HashMap;
use std::path::Path;

use super::cst::{self, Node};
use super::{Diagnostic, Problem, Severity};
use crate::domain::{DateDoubt, Program, Status, earlier_than_replaced};
use crate::text::has_unsafe_chars;

enum Loc {
    Program(&'static str),
    Measure(usize, &'static str),
    Milestone(usize, &'static str),
}

struct Found {
    loc: Loc,
    severity: Severity,
    problem: Problem,
}

/// More problems than anyone reads in one file; past it the rest are counted in one line.
/// Without a limit a hostile file of 100,000 faulty measures (6 MB, under the size limit)
/// kept the board from starting for minutes.
const MAX_SHOWN: usize = 100;

/// A source line longer than this is not copied into each diagnostic (a one-line file of
/// megabytes, times a hundred problems, would be hundreds of megabytes); the position stays.
const MAX_SOURCE_LINE: usize = 4096;

pub fn validate(path: &Path, text: &str, p: &Program) -> Vec<Diagnostic> {
    let mut problems = check(p);
    if problems.is_empty() {
        return Vec::new();
    }
    let mut hidden = Vec::new();
    if problems.len() > MAX_SHOWN {
        // Errors first, so the one that refuses the board is among those shown; then back
        // to file order.
        let mut order: Vec<usize> = (0..problems.len()).collect();
        order.sort_by_key(|&i| problems[i].severity != Severity::Error);
        let mut keep = vec![false; problems.len()];
        for &i in &order[..MAX_SHOWN] {
            keep[i] = true;
        }
        let mut k = keep.into_iter();
        (problems, hidden) = problems
            .into_iter()
            .partition(|_| k.next().unwrap_or(false));
    }
    let tree = cst::parse(text).ok();
    let lines = Lines::new(text);
    let mut out: Vec<Diagnostic> = problems
        .into_iter()
        .map(|pr| {
            let offset = tree.as_ref().and_then(|t| locate(t, &pr.loc)).unwrap_or(0);
            lines.diagnostic(path, offset, pr.severity, pr.problem)
        })
        .collect();
    if !hidden.is_empty() {
        let errors = hidden
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        out.push(Diagnostic::file(
            path,
            if errors > 0 {
                Severity::Error
            } else {
                Severity::Warning
            },
            Problem::MoreNotShown {
                errors,
                warnings: hidden.len() - errors,
            },
        ));
    }
    out
}

/// Where each line starts, found once: positioning every problem by scanning the text from
/// its start made loading quadratic in the number of problems.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The same position and source line as [`Diagnostic::at_offset`] gives.
    fn diagnostic(
        &self,
        path: &Path,
        offset: usize,
        severity: Severity,
        problem: Problem,
    ) -> Diagnostic {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let source = self.text[start..end].trim_end_matches('\r');
        Diagnostic {
            path: path.to_owned(),
            line,
            col: self.text[start..offset].chars().count() + 1,
            severity,
            problem,
            source_line: if source.len() <= MAX_SOURCE_LINE {
                source.to_owned()
            } else {
                String::new()
            },
        }
    }
}

fn locate(root: &Node, loc: &Loc) -> Option<usize> {
    let (container, field) = match *loc {
        Loc::Program(f) => (root, f),
        Loc::Measure(i, f) => (root.field("measures")?.value.items().get(i)?, f),
        Loc::Milestone(i, f) => (root.field("milestones")?.value.items().get(i)?, f),
    };
    Some(match container.field(field) {
        Some(f) => f.value.span.start,
        None => container.span.start,
    })
}

fn check(p: &Program) -> Vec<Found> {
    let mut out = Vec::new();
    let mut add = |loc, severity, problem: Problem| {
        out.push(Found {
            loc,
            severity,
            problem,
        })
    };
    use Severity::{Error, Warning};

    for (field, value) in [("id", &p.id), ("title", &p.title), ("lead", &p.lead)] {
        if value.trim().is_empty() {
            add(
                Loc::Program(field),
                Error,
                Problem::ProgramFieldEmpty { field },
            );
        }
    }
    if p.due < p.start {
        add(
            Loc::Program("due"),
            Error,
            Problem::ProgramDueBeforeStart {
                due: p.due,
                start: p.start,
            },
        );
    }
    for (field, value) in [("title", &p.title), ("goal", &p.goal), ("lead", &p.lead)] {
        if has_unsafe_chars(value) {
            add(
                Loc::Program(field),
                Warning,
                Problem::UnsafeCharacters { field },
            );
        }
    }

    // By id, the first measure that has it: searching the earlier measures for each one was
    // quadratic, minutes for a hostile file of 100,000 measures.
    let mut first_with_id: HashMap<&str, usize> = HashMap::new();
    for (i, m) in p.measures.iter().enumerate() {
        let first = *first_with_id.entry(m.id.as_str()).or_insert(i);
        let at = |f| Loc::Measure(i, f);
        if m.id.trim().is_empty() {
            add(at("id"), Error, Problem::MeasureIdEmpty);
        } else if first != i {
            add(
                at("id"),
                Error,
                Problem::DuplicateMeasureId {
                    id: m.id.clone(),
                    first: first + 1,
                },
            );
        }
        if m.title.trim().is_empty() {
            add(
                at("title"),
                Error,
                Problem::MeasureTitleEmpty { id: m.id.clone() },
            );
        }
        if m.owner.trim().is_empty() {
            add(at("owner"), Warning, Problem::NoOwner { id: m.id.clone() });
        }
        if !(0..=100).contains(&m.progress) {
            add(
                at("progress"),
                Error,
                Problem::ProgressOutOfRange {
                    progress: m.progress,
                },
            );
        }
        if let Some(DateDoubt::BeforeStart { due, start }) = p.before_start(m.due) {
            add(
                at("due"),
                Warning,
                Problem::DueBeforeProgramStart {
                    id: m.id.clone(),
                    due,
                    start,
                },
            );
        }
        if let Some(DateDoubt::AfterProgram { due, program_due }) = p.after_end(m.effective_due()) {
            add(
                at(if m.revised.is_empty() {
                    "due"
                } else {
                    "revised"
                }),
                Warning,
                Problem::DueAfterProgram {
                    id: m.id.clone(),
                    due,
                    program_due,
                },
            );
        }
        let mut prev = m.due;
        for r in &m.revised {
            if let Some(DateDoubt::EarlierThanReplaced { revised, prev }) =
                earlier_than_replaced(*r, prev)
            {
                add(
                    at("revised"),
                    Warning,
                    Problem::RevisedEarlier { revised, prev },
                );
            }
            prev = *r;
        }
        match &m.status {
            Status::Blocked(reason) if reason.trim().is_empty() => add(
                at("status"),
                Warning,
                Problem::BlockedWithoutReason { id: m.id.clone() },
            ),
            Status::SignedOff if m.signed_off.is_none() => add(
                at("status"),
                Warning,
                Problem::SignedOffWithoutDate { id: m.id.clone() },
            ),
            s if !matches!(s, Status::SignedOff) && m.signed_off.is_some() => add(
                at("signed_off"),
                Warning,
                Problem::DateButNotSignedOff { id: m.id.clone() },
            ),
            _ => {}
        }
        for (field, value) in [
            ("title", &m.title),
            ("owner", &m.owner),
            ("notes", &m.notes),
        ] {
            if has_unsafe_chars(value) {
                add(at(field), Warning, Problem::UnsafeCharacters { field });
            }
        }
    }

    for (i, ms) in p.milestones.iter().enumerate() {
        if ms.title.trim().is_empty() {
            add(
                Loc::Milestone(i, "title"),
                Error,
                Problem::MilestoneTitleEmpty,
            );
        }
        let title = || ms.title.clone();
        let problem = match p.before_start(ms.due).or(p.after_end(ms.due)) {
            Some(DateDoubt::BeforeStart { due, start }) => Some(Problem::MilestoneBeforeStart {
                title: title(),
                due,
                start,
            }),
            Some(DateDoubt::AfterProgram { due, program_due }) => {
                Some(Problem::MilestoneAfterProgram {
                    title: title(),
                    due,
                    program_due,
                })
            }
            _ => None,
        };
        if let Some(problem) = problem {
            add(Loc::Milestone(i, "due"), Warning, problem);
        }
    }
    out
}
