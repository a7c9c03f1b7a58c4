//! The problem list (问题清单): aspects (方面) → problems (问题) → the measures of the programs
//! that fix them. A problem is judged by its measures, read from the program boards:
//!
//! - *signed off* (问题销号) when it has measures and every one is signed off;
//! - *finished* when it has measures and every one is done or signed off;
//! - *open* otherwise, with how many of its measures are overdue and blocked. A reference to
//!   a measure that cannot be found (a board that failed to load) keeps the problem open.

use serde::{Deserialize, Serialize};

use super::schedule::is_overdue;
use super::{Date, Measure, StatusKind};

/// The file's name in the boards folder.
pub const FILE_NAME: &str = "problems.ron";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Problems")]
pub struct ProblemList {
    pub title: String,
    #[serde(default)]
    pub aspects: Vec<Aspect>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Aspect")]
pub struct Aspect {
    pub title: String,
    #[serde(default)]
    pub problems: Vec<ListedProblem>,
}

/// One problem of the list, named `Problem` in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Problem")]
pub struct ListedProblem {
    pub id: String,
    pub title: String,
    /// `"PROGRAM_ID/MEASURE_ID"` each.
    #[serde(default)]
    pub measures: Vec<String>,
}

impl ProblemList {
    pub fn problems(&self) -> impl Iterator<Item = &ListedProblem> {
        self.aspects.iter().flat_map(|a| &a.problems)
    }

    pub fn problem_count(&self) -> usize {
        self.aspects.iter().map(|a| a.problems.len()).sum()
    }
}

/// A reference split into its program id and measure id; `None` without a `/`.
pub fn split_ref(r: &str) -> Option<(&str, &str)> {
    r.split_once('/')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProblemState {
    Open,
    Finished,
    SignedOff,
}

/// A problem judged on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemStatus {
    pub state: ProblemState,
    pub measures: usize,
    pub finished: usize,
    pub overdue: usize,
    pub blocked: usize,
    /// References that name no measure the boards hold.
    pub missing: usize,
}

/// Judges `p` by its measures; `find` looks a measure up by program id and measure id.
pub fn assess<'a>(
    p: &ListedProblem,
    find: impl Fn(&str, &str) -> Option<&'a Measure>,
    today: Date,
) -> ProblemStatus {
    let mut s = ProblemStatus {
        state: ProblemState::Open,
        measures: p.measures.len(),
        finished: 0,
        overdue: 0,
        blocked: 0,
        missing: 0,
    };
    let mut signed_off = 0;
    for r in &p.measures {
        let Some(m) = split_ref(r).and_then(|(prog, id)| find(prog, id)) else {
            s.missing += 1;
            continue;
        };
        let k = m.status.kind();
        s.finished += usize::from(k.is_finished());
        signed_off += usize::from(k == StatusKind::SignedOff);
        s.blocked += usize::from(k == StatusKind::Blocked);
        s.overdue += usize::from(is_overdue(m, today));
    }
    let all = s.measures > 0 && s.missing == 0;
    s.state = if all && signed_off == s.measures {
        ProblemState::SignedOff
    } else if all && s.finished == s.measures {
        ProblemState::Finished
    } else {
        ProblemState::Open
    };
    s
}
