//! The owner-units and problem-list screens: their rows, derived from the boards on demand,
//! and the measures one unit or one problem opens onto.

use std::path::PathBuf;

use super::{App, Screen, Scroll};
use crate::domain::owners::{self, OwnerRow};
use crate::domain::problems::{self, ProblemList, ProblemStatus, split_ref};
use crate::domain::{Measure, Program};
use crate::storage::Diagnostic;
use crate::storage::problem_list::ProblemsLoad;

/// The folder's problem list as the app knows it: the last good list read, and the error
/// that keeps a newer version from replacing it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemsState {
    pub path: PathBuf,
    pub list: Option<ProblemList>,
    pub error: Option<Diagnostic>,
}

impl ProblemsState {
    pub fn from_load(load: ProblemsLoad) -> ProblemsState {
        let mut s = ProblemsState {
            path: load.path.clone(),
            list: None,
            error: None,
        };
        s.apply(load);
        s
    }

    /// Takes a fresh read; a read that cannot be used keeps the last good list.
    pub fn apply(&mut self, load: ProblemsLoad) {
        self.error = load.first_error().cloned();
        if let Some(l) = load.list {
            self.list = Some(l);
        }
    }
}

/// The measures one unit or one problem opens onto, and which of them is selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drill {
    /// The unit's name, or the problem's id.
    pub key: String,
    /// The selected row's reference, `PROGRAM_ID/MEASURE_ID`.
    pub sel: Option<String>,
    pub scroll: Scroll,
}

impl Drill {
    pub fn new(key: String) -> Drill {
        Drill {
            key,
            sel: None,
            scroll: Scroll::default(),
        }
    }
}

/// One measure of a drill list: where it is, if the boards hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillRow {
    pub reference: String,
    /// Board and measure index.
    pub at: Option<(usize, usize)>,
}

/// One problem of the list, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemRow {
    pub aspect: usize,
    pub problem: usize,
    pub status: ProblemStatus,
}

impl App {
    /// The programs the boards hold, with each one's board index.
    pub fn programs(&self) -> Vec<(usize, &Program)> {
        self.boards
            .iter()
            .enumerate()
            .filter_map(|(i, b)| b.program.as_ref().map(|p| (i, p)))
            .collect()
    }

    /// Board and measure index of `PROGRAM_ID/MEASURE_ID`.
    pub fn find_ref(&self, reference: &str) -> Option<(usize, usize)> {
        let (prog, id) = split_ref(reference)?;
        self.boards.iter().enumerate().find_map(|(bi, b)| {
            let p = b.program.as_ref().filter(|p| p.id == prog)?;
            p.measures
                .iter()
                .position(|m| m.id == id)
                .map(|mi| (bi, mi))
        })
    }

    pub fn measure_at(&self, (b, m): (usize, usize)) -> Option<(&Program, &Measure)> {
        let p = self.boards.get(b)?.program.as_ref()?;
        Some((p, p.measures.get(m)?))
    }

    fn reference(&self, at: (usize, usize)) -> String {
        self.measure_at(at)
            .map(|(p, m)| format!("{}/{}", p.id, m.id))
            .unwrap_or_default()
    }

    /// Every owner unit, worst first; the text filter keeps the units whose name has it.
    /// Counted afresh: screens read the shared [`App::owner_list`].
    pub fn owner_rows(&self) -> Vec<OwnerRow> {
        let programs: Vec<&Program> = self.programs().into_iter().map(|(_, p)| p).collect();
        let needle = self.needle();
        let mut rows = owners::owner_rows(programs, self.today, self.settings.due_soon_days);
        rows.retain(|r| needle.is_empty() || needle.found_in(&r.unit));
        rows
    }

    pub fn owner_index(&self, rows: &[OwnerRow]) -> usize {
        self.owner_sel
            .as_ref()
            .and_then(|u| rows.iter().position(|r| &r.unit == u))
            .unwrap_or(0)
    }

    /// The problems of the list, each judged; with a filter, those whose id or title has
    /// the text, or one of whose measures passes the filter.
    pub fn problem_rows(&self) -> Vec<ProblemRow> {
        let Some(list) = self.problems.as_ref().and_then(|p| p.list.as_ref()) else {
            return Vec::new();
        };
        let needle = self.needle();
        let find = |prog: &str, id: &str| {
            self.find_ref(&format!("{prog}/{id}"))
                .and_then(|at| self.measure_at(at))
                .map(|(_, m)| m)
        };
        let mut rows = Vec::new();
        for (ai, a) in list.aspects.iter().enumerate() {
            for (pi, p) in a.problems.iter().enumerate() {
                if self.filter.is_active() {
                    let own = !needle.is_empty()
                        && !self.filter.narrows_measures()
                        && (needle.found_in(&p.id) || needle.found_in(&p.title));
                    let measure = p.measures.iter().any(|r| {
                        self.find_ref(r)
                            .and_then(|at| self.measure_at(at))
                            .is_some_and(|(_, m)| self.measure_matches(m, &needle))
                    });
                    if !own && !measure {
                        continue;
                    }
                }
                rows.push(ProblemRow {
                    aspect: ai,
                    problem: pi,
                    status: problems::assess(p, find, self.today),
                });
            }
        }
        rows
    }

    pub fn problem_id(&self, row: &ProblemRow) -> Option<&str> {
        let list = self.problems.as_ref()?.list.as_ref()?;
        Some(&list.aspects.get(row.aspect)?.problems.get(row.problem)?.id)
    }

    pub fn problem_index(&self, rows: &[ProblemRow]) -> usize {
        self.problem_sel
            .as_deref()
            .and_then(|id| rows.iter().position(|r| self.problem_id(r) == Some(id)))
            .unwrap_or(0)
    }

    /// The drill list open on `screen`, if any.
    pub fn drill(&self, screen: Screen) -> Option<&Drill> {
        match screen {
            Screen::Owners => self.owner_drill.as_ref(),
            Screen::Problems => self.problem_drill.as_ref(),
            _ => None,
        }
    }

    pub(crate) fn drill_mut(&mut self, screen: Screen) -> Option<&mut Drill> {
        match screen {
            Screen::Owners => self.owner_drill.as_mut(),
            Screen::Problems => self.problem_drill.as_mut(),
            _ => None,
        }
    }

    /// The measures of the open drill: a unit's measures that pass the text, status and
    /// deadline filters, nearest deadline first; or every measure a problem lists, in its
    /// order, found or not (its state depends on them all).
    pub fn drill_rows(&self, screen: Screen) -> Vec<DrillRow> {
        let Some(d) = self.drill(screen) else {
            return Vec::new();
        };
        match screen {
            Screen::Owners => self.unit_list(&d.key).to_vec(),
            _ => self
                .problems
                .as_ref()
                .and_then(|p| p.list.as_ref())
                .and_then(|l| l.problems().find(|p| p.id == d.key))
                .map(|p| {
                    p.measures
                        .iter()
                        .map(|r| DrillRow {
                            reference: r.clone(),
                            at: self.find_ref(r),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// A unit's measures that pass the text, status and deadline filters, nearest deadline
    /// first; computed afresh (see [`App::unit_list`] for the shared one).
    pub(super) fn unit_rows(&self, unit: &str) -> Vec<DrillRow> {
        let programs = self.programs();
        let plain: Vec<&Program> = programs.iter().map(|(_, p)| *p).collect();
        let needle = self.needle();
        owners::unit_measures(&plain, unit)
            .into_iter()
            .map(|(pi, mi)| (programs[pi].0, mi))
            .filter(|&at| {
                self.measure_at(at)
                    .is_some_and(|(_, m)| self.matches_but_owner(m, &needle))
            })
            .map(|at| DrillRow {
                reference: self.reference(at),
                at: Some(at),
            })
            .collect()
    }

    pub fn drill_index(&self, screen: Screen, rows: &[DrillRow]) -> usize {
        self.drill(screen)
            .and_then(|d| d.sel.as_ref())
            .and_then(|s| rows.iter().position(|r| &r.reference == s))
            .unwrap_or(0)
    }
}
