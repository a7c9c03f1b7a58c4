//! Rules beyond syntax. Each problem names where it is by field; the span locator turns that
//! into a line and column only when there is something to report.

use std::path::Path;

use super::cst::{self, Node};
use super::{Diagnostic, Severity};
use crate::domain::{Program, Status};
use crate::text::has_unsafe_chars;

enum Loc {
    Program(&'static str),
    Measure(usize, &'static str),
    Milestone(usize, &'static str),
}

struct Problem {
    loc: Loc,
    severity: Severity,
    message: String,
}

pub fn validate(path: &Path, text: &str, p: &Program) -> Vec<Diagnostic> {
    let problems = check(p);
    if problems.is_empty() {
        return Vec::new();
    }
    let tree = cst::parse(text).ok();
    problems
        .into_iter()
        .map(|pr| {
            let offset = tree.as_ref().and_then(|t| locate(t, &pr.loc)).unwrap_or(0);
            Diagnostic::at_offset(path, text, offset, pr.severity, pr.message)
        })
        .collect()
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

fn check(p: &Program) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut add = |loc, severity, message: String| {
        out.push(Problem {
            loc,
            severity,
            message,
        })
    };
    use Severity::{Error, Warning};

    for (field, value) in [("id", &p.id), ("title", &p.title), ("lead", &p.lead)] {
        if value.trim().is_empty() {
            add(
                Loc::Program(field),
                Error,
                format!("the program's `{field}` is empty"),
            );
        }
    }
    if p.due < p.start {
        add(
            Loc::Program("due"),
            Error,
            format!("the program is due {} before it starts {}", p.due, p.start),
        );
    }
    for (field, value) in [("title", &p.title), ("goal", &p.goal), ("lead", &p.lead)] {
        if has_unsafe_chars(value) {
            add(Loc::Program(field), Warning, unsafe_text(field));
        }
    }

    for (i, m) in p.measures.iter().enumerate() {
        let at = |f| Loc::Measure(i, f);
        if m.id.trim().is_empty() {
            add(at("id"), Error, "a measure's `id` is empty".into());
        } else if let Some(first) = p.measures[..i].iter().position(|o| o.id == m.id) {
            add(
                at("id"),
                Error,
                format!(
                    "duplicate measure id `{}` (measure {} has it too)",
                    m.id,
                    first + 1
                ),
            );
        }
        if m.title.trim().is_empty() {
            add(
                at("title"),
                Error,
                format!("measure `{}` has an empty title", m.id),
            );
        }
        if m.owner.trim().is_empty() {
            add(
                at("owner"),
                Warning,
                format!("measure `{}` names no owner unit", m.id),
            );
        }
        if !(0..=100).contains(&m.progress) {
            add(
                at("progress"),
                Error,
                format!("progress {} is outside 0–100", m.progress),
            );
        }
        if m.due < p.start {
            add(
                at("due"),
                Warning,
                format!(
                    "measure `{}` is due {} before the program starts {}",
                    m.id, m.due, p.start
                ),
            );
        }
        let due = m.effective_due();
        if due > p.due {
            add(
                at(if m.revised.is_empty() {
                    "due"
                } else {
                    "revised"
                }),
                Warning,
                format!(
                    "measure `{}` is due {due}, after the program's own deadline {}",
                    m.id, p.due
                ),
            );
        }
        let mut prev = m.due;
        for r in &m.revised {
            if *r < prev {
                add(
                    at("revised"),
                    Warning,
                    format!("revised deadline {r} is earlier than the one it replaces ({prev})"),
                );
            }
            prev = *r;
        }
        match &m.status {
            Status::Blocked(reason) if reason.trim().is_empty() => add(
                at("status"),
                Warning,
                format!("measure `{}` is blocked without a reason", m.id),
            ),
            Status::SignedOff if m.signed_off.is_none() => add(
                at("status"),
                Warning,
                format!(
                    "measure `{}` is signed off but has no `signed_off` date",
                    m.id
                ),
            ),
            s if !matches!(s, Status::SignedOff) && m.signed_off.is_some() => add(
                at("signed_off"),
                Warning,
                format!(
                    "measure `{}` has a `signed_off` date but is not signed off",
                    m.id
                ),
            ),
            _ => {}
        }
        for (field, value) in [
            ("title", &m.title),
            ("owner", &m.owner),
            ("notes", &m.notes),
        ] {
            if has_unsafe_chars(value) {
                add(at(field), Warning, unsafe_text(field));
            }
        }
    }

    for (i, ms) in p.milestones.iter().enumerate() {
        if ms.title.trim().is_empty() {
            add(
                Loc::Milestone(i, "title"),
                Error,
                "a milestone has an empty title".into(),
            );
        }
    }
    out
}

fn unsafe_text(field: &str) -> String {
    format!("`{field}` contains control or invisible formatting characters; they are not shown")
}
