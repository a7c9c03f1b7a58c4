//! `problems.ron`, the folder's problem list: read with positioned errors, and its references
//! checked against the programs the boards hold.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::cst::{self, Node};
use super::load::{parse_ron, read_text};
use super::{Diagnostic, Problem, Severity};
use crate::domain::Program;
use crate::domain::problems::{FILE_NAME, ProblemList, split_ref};

/// The outcome of reading the problem list.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemsLoad {
    pub path: PathBuf,
    /// Present unless the file cannot be read or parsed. A problem id given twice or a reference
    /// to a measure that does not exist is an error too, but the list is kept: one slip in a
    /// colleague's edit, or a board that fails to load for a moment, must not take the whole
    /// list off the screen while the error names its line.
    pub list: Option<ProblemList>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ProblemsLoad {
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
    }
}

pub fn path_in(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// The problem list of the folder `dir`, or `None` when it has none.
pub fn load_problems(dir: &Path, programs: &[&Program]) -> Option<ProblemsLoad> {
    load_problems_file(&path_in(dir), programs)
}

/// The problem list at `path`, or `None` when there is no such file.
pub fn load_problems_file(path: &Path, programs: &[&Program]) -> Option<ProblemsLoad> {
    let failed = |d: Diagnostic| ProblemsLoad {
        path: path.to_owned(),
        list: None,
        diagnostics: vec![d],
    };
    let text = match read_text(path) {
        Ok(None) => return None,
        Ok(Some(t)) => t,
        Err(d) => return Some(failed(d)),
    };
    Some(problems_from_text(path, &text, programs))
}

pub fn problems_from_text(path: &Path, text: &str, programs: &[&Program]) -> ProblemsLoad {
    let list = match parse_ron::<ProblemList>(path, text) {
        Ok(l) => l,
        Err(d) => {
            return ProblemsLoad {
                path: path.to_owned(),
                list: None,
                diagnostics: vec![d],
            };
        }
    };
    let tree = cst::parse(text).ok();
    let at = |node: Option<&Node>, problem: Problem| {
        let offset = node.map_or(0, |n| n.span.start);
        Diagnostic::at_offset(path, text, offset, Severity::Error, problem)
    };
    let problem_nodes: Vec<&Node> = tree
        .as_ref()
        .and_then(|t| t.field("aspects"))
        .map(|f| {
            f.value
                .items()
                .iter()
                .filter_map(|a| a.field("problems"))
                .flat_map(|p| p.value.items())
                .collect()
        })
        .unwrap_or_default();
    let mut diagnostics = Vec::new();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (n, p) in list.problems().enumerate() {
        let node = problem_nodes.get(n).copied();
        if let Some(&f) = first.get(p.id.as_str()) {
            let id_node = node.and_then(|n| n.field("id")).map(|f| &f.value);
            diagnostics.push(at(
                id_node,
                Problem::DuplicateProblemId {
                    id: p.id.clone(),
                    first: f,
                },
            ));
        } else {
            first.insert(&p.id, n + 1);
        }
        let refs = node
            .and_then(|n| n.field("measures"))
            .map(|f| f.value.items());
        for (k, r) in p.measures.iter().enumerate() {
            let Some(problem) = reference_problem(r, programs) else {
                continue;
            };
            diagnostics.push(at(refs.and_then(|items| items.get(k)), problem));
        }
    }
    ProblemsLoad {
        path: path.to_owned(),
        list: Some(list),
        diagnostics,
    }
}

/// What is wrong with the reference `r`, if anything.
fn reference_problem(r: &str, programs: &[&Program]) -> Option<Problem> {
    let Some((prog, id)) = split_ref(r) else {
        return Some(Problem::BadReference {
            reference: r.to_owned(),
        });
    };
    match programs.iter().find(|p| p.id == prog) {
        None => Some(Problem::UnknownProgram {
            reference: r.to_owned(),
        }),
        Some(p) if p.measure(id).is_none() => Some(Problem::UnknownMeasure {
            reference: r.to_owned(),
        }),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_id_given_twice_is_an_error_at_its_line_and_the_list_stays_on_screen() {
        let text = "Problems(\n    title: \"清单\",\n    aspects: [\n        Aspect(title: \"方面\", problems: [\n            Problem(id: \"P01\", title: \"甲\", measures: []),\n            Problem(id: \"P01\", title: \"乙\", measures: []),\n        ]),\n    ],\n)\n";
        let load = problems_from_text(Path::new("problems.ron"), text, &[]);
        let list = load.list.as_ref().map(|l| l.problems().count());
        assert_eq!(list, Some(2), "both problems are still shown");
        let err = load.first_error().map(|d| (d.line, d.problem.clone()));
        assert!(
            matches!(err, Some((6, Problem::DuplicateProblemId { ref id, first: 1 })) if id == "P01"),
            "{err:?}"
        );
    }
}
