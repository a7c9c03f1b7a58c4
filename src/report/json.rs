//! The JSON report: a stable, documented shape for other tools (see docs/reports.md).
//!
//! Dedicated structs, not the domain's, so the shape changes only on purpose and with
//! `schema_version`. Every key is always present (`null` when it has no value), so a reader
//! never has to guess whether a key was forgotten.

use std::io;

use serde::{Deserialize, Serialize};
use serde_json::ser::{Formatter, PrettyFormatter};

use super::StatusView;
use super::since::Changes;
use super::summary::{self, MilestoneState, Totals};
use crate::domain::problems::ProblemList;
use crate::domain::schedule::{self, Assessment, DEFAULT_DUE_SOON_DAYS, Health, NextKind};
use crate::domain::{Date, Measure, Milestone, Program, StatusKind};
use crate::text::has_unsafe_chars;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonReport {
    pub schema_version: u32,
    pub today: Date,
    pub due_soon_days: i64,
    pub totals: JsonTotals,
    pub programs: Vec<JsonProgram>,
    /// Present only when the report was asked `--since` a snapshot.
    pub since: Option<Changes>,
    /// Every owner unit across the programs, worst first (overdue, blocked, completion).
    #[serde(default)]
    pub owners: Vec<JsonOwner>,
    /// The folder's problem list; `null` when it has none.
    #[serde(default)]
    pub problem_list: Option<JsonProblemList>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonOwner {
    pub unit: String,
    pub measures: usize,
    pub not_started: usize,
    pub in_progress: usize,
    pub blocked: usize,
    pub done: usize,
    pub signed_off: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub completion: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonProblemList {
    pub title: String,
    pub aspects: usize,
    pub problems: Vec<JsonProblem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonProblem {
    pub aspect: String,
    pub id: String,
    pub title: String,
    /// `open`, `finished` or `signed_off`.
    pub state: String,
    pub measures: Vec<String>,
    pub finished: usize,
    pub overdue: usize,
    pub blocked: usize,
    /// References the boards do not hold.
    pub missing: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonTotals {
    pub programs: usize,
    pub measures: usize,
    pub finished: usize,
    pub signed_off: usize,
    pub completion: Option<i64>,
    pub overdue: usize,
    pub due_soon: usize,
    pub on_track: usize,
    pub at_risk: usize,
    pub off_track: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonProgram {
    pub id: String,
    pub title: String,
    pub lead: String,
    pub start: Date,
    pub due: Date,
    pub goal: String,
    pub assessment: JsonAssessment,
    pub measures: Vec<JsonMeasure>,
    pub milestones: Vec<JsonMilestone>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonAssessment {
    pub measures: usize,
    pub not_started: usize,
    pub in_progress: usize,
    pub blocked: usize,
    pub done: usize,
    pub signed_off: usize,
    /// Done plus signed off.
    pub finished: usize,
    /// Finished ÷ all, whole percent rounded down; `null` with no measures.
    pub completion: Option<i64>,
    pub actual_progress: Option<i64>,
    pub expected_progress: i64,
    pub overdue: usize,
    pub due_soon: usize,
    pub milestones_reached: usize,
    pub milestones_missed: usize,
    /// `on_track`, `at_risk` or `off_track`.
    pub health: String,
    pub health_label: String,
    pub health_symbol: String,
    pub next_deadline: Option<JsonNext>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonNext {
    pub date: Date,
    pub days_left: i64,
    /// `measure` or `milestone`.
    pub kind: String,
    /// The measure's id; `null` for a milestone.
    pub measure_id: Option<String>,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonMeasure {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub due: Date,
    pub revised: Vec<Date>,
    pub effective_due: Date,
    pub slips: usize,
    pub status: StatusView,
    pub progress: i64,
    pub notes: String,
    pub signed_off: Option<Date>,
    pub signed_by: Option<String>,
    pub days_left: i64,
    pub overdue: bool,
    pub due_soon: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonMilestone {
    pub title: String,
    pub due: Date,
    pub done: Option<Date>,
    /// `reached`, `missed` or `ahead`.
    pub state: String,
    pub days_left: i64,
}

pub fn build(programs: &[Program], today: Date, since: Option<&Changes>) -> JsonReport {
    build_full(programs, None, today, DEFAULT_DUE_SOON_DAYS, since)
}

fn owners(programs: &[Program], today: Date, window_days: i64) -> Vec<JsonOwner> {
    crate::domain::owners::owner_rows(programs, today, window_days)
        .into_iter()
        .map(|r| JsonOwner {
            measures: r.measures,
            not_started: r.count(StatusKind::NotStarted),
            in_progress: r.count(StatusKind::InProgress),
            blocked: r.count(StatusKind::Blocked),
            done: r.count(StatusKind::Done),
            signed_off: r.count(StatusKind::SignedOff),
            overdue: r.overdue,
            due_soon: r.due_soon,
            completion: r.completion(),
            unit: r.unit,
        })
        .collect()
}

fn problem_list(list: &ProblemList, programs: &[Program], today: Date) -> JsonProblemList {
    use crate::domain::problems::ProblemState;
    JsonProblemList {
        title: list.title.clone(),
        aspects: list.aspects.len(),
        problems: super::lists::problem_states(list, programs, today)
            .into_iter()
            .map(|(aspect, p, s)| JsonProblem {
                aspect: aspect.to_owned(),
                id: p.id.clone(),
                title: p.title.clone(),
                state: match s.state {
                    ProblemState::Open => "open",
                    ProblemState::Finished => "finished",
                    ProblemState::SignedOff => "signed_off",
                }
                .to_owned(),
                measures: p.measures.clone(),
                finished: s.finished,
                overdue: s.overdue,
                blocked: s.blocked,
                missing: s.missing,
            })
            .collect(),
    }
}

/// [`build`] with the folder's problem list, when it has one, and its due-soon window.
pub fn build_full(
    programs: &[Program],
    problems: Option<&ProblemList>,
    today: Date,
    window_days: i64,
    since: Option<&Changes>,
) -> JsonReport {
    let figures = summary::figures(programs, today, window_days);
    let t = Totals::of(&figures, window_days);
    JsonReport {
        schema_version: SCHEMA_VERSION,
        today,
        due_soon_days: window_days,
        totals: JsonTotals {
            programs: t.programs,
            measures: t.measures,
            finished: t.finished,
            signed_off: t.signed_off,
            completion: t.completion(),
            overdue: t.overdue,
            due_soon: t.due_soon,
            on_track: t.health_count(Health::OnTrack),
            at_risk: t.health_count(Health::AtRisk),
            off_track: t.health_count(Health::OffTrack),
        },
        programs: figures
            .iter()
            .map(|f| program(f.program, &f.assessment, today, window_days))
            .collect(),
        since: since.cloned(),
        owners: owners(programs, today, window_days),
        problem_list: problems.map(|l| problem_list(l, programs, today)),
    }
}

pub fn render(
    programs: &[Program],
    today: Date,
    since: Option<&Changes>,
) -> Result<String, serde_json::Error> {
    render_full(programs, None, today, DEFAULT_DUE_SOON_DAYS, since)
}

/// [`render`] with the folder's problem list, when it has one, and its due-soon window.
pub fn render_full(
    programs: &[Program],
    problems: Option<&ProblemList>,
    today: Date,
    window_days: i64,
    since: Option<&Changes>,
) -> Result<String, serde_json::Error> {
    let mut buf = Vec::new();
    let mut ser =
        serde_json::Serializer::with_formatter(&mut buf, TerminalSafe(PrettyFormatter::new()));
    build_full(programs, problems, today, window_days, since).serialize(&mut ser)?;
    buf.push(b'\n');
    String::from_utf8(buf)
        .map_err(|e| serde_json::Error::io(io::Error::new(io::ErrorKind::InvalidData, e)))
}

/// Pretty JSON that is also safe to print on a terminal: serde_json escapes C0 controls but
/// writes C1 controls and bidi or zero-width characters as they are, and those can drive or
/// reorder a terminal. They are written as `\uXXXX` instead, which parses back to the same text.
struct TerminalSafe(PrettyFormatter<'static>);

impl Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if has_unsafe_chars(c.encode_utf8(&mut [0; 4])) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                // Every such character is in the Basic Multilingual Plane: one escape suffices.
                write!(w, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

fn program(p: &Program, a: &Assessment, today: Date, window_days: i64) -> JsonProgram {
    JsonProgram {
        id: p.id.clone(),
        title: p.title.clone(),
        lead: p.lead.clone(),
        start: p.start,
        due: p.due,
        goal: p.goal.clone(),
        assessment: assessment(a),
        measures: p
            .measures
            .iter()
            .map(|m| measure(m, today, window_days))
            .collect(),
        milestones: p.milestones.iter().map(|m| milestone(m, today)).collect(),
    }
}

fn assessment(a: &Assessment) -> JsonAssessment {
    JsonAssessment {
        measures: a.total,
        not_started: a.count(StatusKind::NotStarted),
        in_progress: a.count(StatusKind::InProgress),
        blocked: a.count(StatusKind::Blocked),
        done: a.count(StatusKind::Done),
        signed_off: a.count(StatusKind::SignedOff),
        finished: a.finished(),
        completion: a.completion(),
        actual_progress: a.actual,
        expected_progress: a.expected,
        overdue: a.overdue,
        due_soon: a.due_soon,
        milestones_reached: a.milestones_done,
        milestones_missed: a.milestones_missed,
        health: summary::health_code(a.health).to_owned(),
        health_label: a.health.label_zh().to_owned(),
        health_symbol: a.health.symbol().to_owned(),
        next_deadline: a.next.as_ref().map(|n| JsonNext {
            date: n.date,
            days_left: n.days_left,
            kind: match n.what {
                NextKind::Measure(_) => "measure",
                NextKind::Milestone(_) => "milestone",
            }
            .to_owned(),
            measure_id: match &n.what {
                NextKind::Measure(id) => Some(id.clone()),
                NextKind::Milestone(_) => None,
            },
            title: n.title.clone(),
        }),
    }
}

fn measure(m: &Measure, today: Date, window_days: i64) -> JsonMeasure {
    JsonMeasure {
        id: m.id.clone(),
        title: m.title.clone(),
        owner: m.owner.clone(),
        due: m.due,
        revised: m.revised.clone(),
        effective_due: m.effective_due(),
        slips: m.slips(),
        status: StatusView::of(&m.status),
        progress: m.progress,
        notes: m.notes.clone(),
        signed_off: m.signed_off,
        signed_by: m.signed_by.clone(),
        days_left: schedule::days_left(m, today),
        overdue: schedule::is_overdue(m, today),
        due_soon: schedule::is_due_soon(m, today, window_days),
    }
}

fn milestone(m: &Milestone, today: Date) -> JsonMilestone {
    JsonMilestone {
        title: m.title.clone(),
        due: m.due,
        done: m.done,
        state: MilestoneState::of(m, today).code().to_owned(),
        days_left: today.days_until(m.due),
    }
}
