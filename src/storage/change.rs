//! Changes that grow, shrink or date a board, beside the field edits of `edit`: a measure added
//! or retired, a milestone reached, moved or added. Each is planned on the file's text as read
//! under the lock: checked against what the user saw, turned into new text by the in-place
//! engine, paired with the board it must read back as, its undo, and its history lines.

use super::save::{Refusal, SaveError};
use super::shrink::Cut;
use super::{edit, grow, shrink};
use crate::domain::edit::ron_string;
use crate::domain::{Measure, Milestone, Program};

/// A change to a board file.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A new measure, after measure `after` (at the end for `None`, or when `after` is gone).
    AddMeasure {
        measure: Measure,
        after: Option<String>,
    },
    /// A measure retired, as the user saw it: a colleague's change to it meanwhile stops this.
    RemoveMeasure { measure: Measure },
    /// A retired measure put back, its bytes exactly as they were (undo).
    RestoreMeasure { measure: Measure, cut: Cut },
    /// Milestone number `index` (1-based, as on the strip), from what the user saw to `new`.
    Milestone {
        index: usize,
        seen: Milestone,
        new: Milestone,
    },
    /// A new milestone, in date order.
    AddMilestone { milestone: Milestone },
    /// The file's text before a change, put back while nothing else changed it since (undo of
    /// an added milestone).
    Revert {
        text: String,
        since: super::ContentHash,
    },
}

/// A change ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub text: String,
    /// What the new text must read back as.
    pub expected: Program,
    /// The change that undoes this one.
    pub undo: Change,
    /// History lines: item, what, and the change in words of the file.
    pub history: Vec<(String, String, String)>,
}

fn locate(e: edit::EditError) -> SaveError {
    match e {
        edit::EditError::NoMeasure(id) => SaveError::NoMeasure(id),
        edit::EditError::DuplicateId(id) => SaveError::Duplicate(id),
        e => SaveError::Refused(Refusal::Locate(e.to_string())),
    }
}

/// Where measure `after` stands in `p`, as the insertion place (the end when it is gone).
fn place_after(p: &Program, after: Option<&str>) -> usize {
    after
        .and_then(|a| p.measures.iter().position(|m| m.id == a))
        .map_or(p.measures.len(), |i| i + 1)
}

/// The structural change `c` on `text`, whose board is `p` and whose hash is `hash`.
pub fn plan(
    text: &str,
    p: &Program,
    hash: super::ContentHash,
    c: &Change,
) -> Result<Planned, SaveError> {
    let mut expected = p.clone();
    match c {
        Change::AddMeasure { measure, after } => {
            if p.measure(&measure.id).is_some() {
                return Err(SaveError::Duplicate(measure.id.clone()));
            }
            let after = after.as_deref().filter(|a| p.measure(a).is_some());
            let ins = grow::insert_measure(text, after, measure).map_err(locate)?;
            let added = ron_string(&text_of(&ins.text, &ins.range));
            expected
                .measures
                .insert(place_after(p, after), measure.clone());
            Ok(Planned {
                text: ins.text,
                expected,
                undo: Change::RemoveMeasure {
                    measure: measure.clone(),
                },
                history: vec![(measure.id.clone(), "added".to_owned(), added)],
            })
        }
        Change::RemoveMeasure { measure } => {
            let Some(now) = p.measure(&measure.id) else {
                return Err(SaveError::NoMeasure(measure.id.clone()));
            };
            if now != measure {
                return Err(SaveError::Changed(measure.id.clone()));
            }
            let removed = shrink::remove_measure(text, &measure.id).map_err(locate)?;
            expected.measures.retain(|m| m.id != measure.id);
            Ok(Planned {
                text: removed.text,
                expected,
                history: vec![(
                    measure.id.clone(),
                    "removed".to_owned(),
                    ron_string(&removed.cut.bytes),
                )],
                undo: Change::RestoreMeasure {
                    measure: measure.clone(),
                    cut: removed.cut,
                },
            })
        }
        Change::RestoreMeasure { measure, cut } => {
            if p.measure(&measure.id).is_some() {
                return Err(SaveError::Duplicate(measure.id.clone()));
            }
            let new = shrink::restore_measure(text, cut).map_err(locate)?;
            expected
                .measures
                .insert(place_after(p, cut.after.as_deref()), measure.clone());
            Ok(Planned {
                text: new,
                expected,
                undo: Change::RemoveMeasure {
                    measure: measure.clone(),
                },
                history: vec![(
                    measure.id.clone(),
                    "restored".to_owned(),
                    ron_string(&cut.bytes),
                )],
            })
        }
        Change::Milestone { index, seen, new } => {
            let Some(now) = index.checked_sub(1).and_then(|i| p.milestones.get(i)) else {
                return Err(SaveError::NoMilestone(*index));
            };
            if now != seen {
                return Err(SaveError::MilestoneChanged(*index));
            }
            let mut out = text.to_owned();
            let mut history = Vec::new();
            let item = format!("#{index}");
            if seen.done != new.done {
                let v = new.done.map(|d| format!("\"{d}\""));
                out = edit::set_milestone_field(&out, *index, "done", v.as_deref())
                    .map_err(locate)?;
                history.push((item.clone(), "done".to_owned(), dated(seen.done, new.done)));
            }
            if seen.due != new.due {
                let v = format!("\"{}\"", new.due);
                out = edit::set_milestone_field(&out, *index, "due", Some(&v)).map_err(locate)?;
                history.push((
                    item.clone(),
                    "due".to_owned(),
                    dated(Some(seen.due), Some(new.due)),
                ));
            }
            expected.milestones[index - 1] = new.clone();
            Ok(Planned {
                text: out,
                expected,
                undo: Change::Milestone {
                    index: *index,
                    seen: new.clone(),
                    new: seen.clone(),
                },
                history,
            })
        }
        Change::AddMilestone { milestone } => {
            let ins = grow::insert_milestone(text, milestone).map_err(locate)?;
            let at = p
                .milestones
                .iter()
                .rposition(|m| m.due <= milestone.due)
                .map_or(0, |i| i + 1);
            expected.milestones.insert(at, milestone.clone());
            Ok(Planned {
                undo: Change::Revert {
                    text: text.to_owned(),
                    since: super::ContentHash::of(ins.text.as_bytes()),
                },
                text: ins.text,
                expected,
                history: vec![(
                    format!("#{}", at + 1),
                    "added".to_owned(),
                    ron_string(&milestone.title),
                )],
            })
        }
        Change::Revert {
            text: before,
            since,
        } => {
            if *since != hash {
                return Err(SaveError::Moved);
            }
            let back = super::load_text(std::path::Path::new(""), before);
            let Some(program) = back.program else {
                return Err(SaveError::Refused(Refusal::Reread(None)));
            };
            Ok(Planned {
                text: before.clone(),
                expected: program,
                undo: Change::Revert {
                    text: text.to_owned(),
                    since: super::ContentHash::of(before.as_bytes()),
                },
                history: vec![(String::new(), "reverted".to_owned(), String::new())],
            })
        }
    }
}

fn text_of(text: &str, r: &std::ops::Range<usize>) -> String {
    text.get(r.clone()).unwrap_or_default().to_owned()
}

fn dated(old: Option<crate::domain::Date>, new: Option<crate::domain::Date>) -> String {
    let show = |d: Option<crate::domain::Date>| d.map_or("—".to_owned(), |d| format!("\"{d}\""));
    format!("{} → {}", show(old), show(new))
}
