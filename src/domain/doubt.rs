//! Dates that `rectify check` warns about, as rules both the checker and the editors call:
//! whatever the checker would flag after a write is asked about before it.

use super::{Date, Measure, Program};

/// Why a date is doubtful. Each names the date in question, so two doubts about different
/// dates never read alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateDoubt {
    /// Before the program starts.
    BeforeStart { due: Date, start: Date },
    /// After the program's own deadline.
    AfterProgram { due: Date, program_due: Date },
    /// A revised deadline earlier than the one it replaces.
    EarlierThanReplaced { revised: Date, prev: Date },
}

/// A date-changing edit, before it is written.
#[derive(Debug, Clone, Copy)]
pub enum DateChange<'a> {
    /// A revised deadline for this measure.
    Revise { measure: &'a Measure, to: Date },
    /// A new measure due on this day.
    NewMeasure { due: Date },
    /// A milestone (new or re-dated) due on this day.
    Milestone { due: Date },
}

impl Program {
    pub fn before_start(&self, due: Date) -> Option<DateDoubt> {
        (due < self.start).then_some(DateDoubt::BeforeStart {
            due,
            start: self.start,
        })
    }

    pub fn after_end(&self, due: Date) -> Option<DateDoubt> {
        (due > self.due).then_some(DateDoubt::AfterProgram {
            due,
            program_due: self.due,
        })
    }
}

pub fn earlier_than_replaced(revised: Date, prev: Date) -> Option<DateDoubt> {
    (revised < prev).then_some(DateDoubt::EarlierThanReplaced { revised, prev })
}

/// What the checker would newly warn about once this change is written; empty when nothing.
/// Warnings the file already had are not the change's and are not asked about again.
pub fn date_doubts(p: &Program, change: DateChange) -> Vec<DateDoubt> {
    match change {
        DateChange::Revise { measure, to } if to == measure.effective_due() => Vec::new(),
        DateChange::Revise { measure, to } => [
            earlier_than_replaced(to, measure.effective_due()),
            p.after_end(to),
        ]
        .into_iter()
        .flatten()
        .collect(),
        DateChange::NewMeasure { due } | DateChange::Milestone { due } => {
            [p.before_start(due), p.after_end(due)]
                .into_iter()
                .flatten()
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse_typed(s, 2023).unwrap()
    }

    fn program() -> Program {
        Program {
            id: "ZP".into(),
            title: "t".into(),
            lead: "l".into(),
            start: day("2023-03-01"),
            due: day("2023-12-31"),
            goal: String::new(),
            measures: Vec::new(),
            milestones: Vec::new(),
        }
    }

    fn measure(due: &str, revised: &[&str]) -> Measure {
        Measure {
            id: "ZP-01".into(),
            title: "t".into(),
            owner: "o".into(),
            due: day(due),
            revised: revised.iter().map(|r| day(r)).collect(),
            status: crate::domain::Status::InProgress,
            progress: 0,
            notes: String::new(),
            signed_off: None,
            signed_by: None,
        }
    }

    #[test]
    fn a_revision_is_judged_against_the_deadline_in_force() {
        let p = program();
        let m = measure("2023-06-30", &["2023-09-30"]);
        let to = day("2023-08-31");
        assert_eq!(
            date_doubts(&p, DateChange::Revise { measure: &m, to }),
            vec![DateDoubt::EarlierThanReplaced {
                revised: to,
                prev: day("2023-09-30")
            }]
        );
        let later = day("2023-10-31");
        assert!(
            date_doubts(
                &p,
                DateChange::Revise {
                    measure: &m,
                    to: later
                }
            )
            .is_empty()
        );
    }

    #[test]
    fn a_revision_past_the_program_is_doubted_and_one_already_there_is_not() {
        let p = program();
        let m = measure("2023-06-30", &["2024-01-31"]);
        let to = day("2024-02-29");
        assert_eq!(
            date_doubts(&p, DateChange::Revise { measure: &m, to }),
            vec![DateDoubt::AfterProgram {
                due: to,
                program_due: p.due
            }]
        );
        let same = day("2024-01-31");
        assert!(
            date_doubts(
                &p,
                DateChange::Revise {
                    measure: &m,
                    to: same
                }
            )
            .is_empty()
        );
    }

    #[test]
    fn new_dates_must_lie_inside_the_program() {
        let p = program();
        let early = day("2023-02-01");
        assert_eq!(
            date_doubts(&p, DateChange::Milestone { due: early }),
            vec![DateDoubt::BeforeStart {
                due: early,
                start: p.start
            }]
        );
        let late = day("2024-01-01");
        assert_eq!(
            date_doubts(&p, DateChange::NewMeasure { due: late }).len(),
            1
        );
        for inside in ["2023-03-01", "2023-12-31"] {
            assert!(date_doubts(&p, DateChange::NewMeasure { due: day(inside) }).is_empty());
        }
    }
}
