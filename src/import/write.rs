//! A planned program as a board file: the new-board template (every field explained, the
//! inferred ones marked), its measures inserted the way `rectify add` inserts them, read back
//! to be sure, and written through the atomic writer.

use std::path::{Path, PathBuf};

use super::plan::Planned;
use crate::i18n::Lang;
use crate::storage::{self, NewBoard, Severity, insert_measure, save};

/// Why a board was not written. Words are chosen in [`super::words`].
#[derive(Debug)]
pub enum NotWritten {
    /// The file is there and `--force` was not given.
    Exists(PathBuf),
    /// Another board in the folder has this program id.
    IdTaken {
        id: String,
        other: PathBuf,
    },
    /// The text did not read back as the planned board: the loader's message.
    Invalid(String),
    Save(save::SaveError),
}

/// The file a program goes to in `dir`.
pub fn path_for(dir: &Path, p: &Planned) -> PathBuf {
    dir.join(format!("{}.ron", p.program.id))
}

/// The board text of `p`.
pub fn board_text(p: &Planned) -> Result<String, NotWritten> {
    let prog = &p.program;
    let mut text = storage::new_board_text(&NewBoard {
        id: &prog.id,
        title: &prog.title,
        lead: &prog.lead,
        start: prog.start,
        due: prog.due,
        goal: &prog.goal,
        inferred: p.inferred,
    });
    // Each measure is inserted into the empty template, the way `rectify add` writes a first
    // one, and the pieces joined at the list: the same bytes as inserting them one after the
    // other, without re-reading a growing file for each of a long ledger's rows.
    let template = std::mem::take(&mut text);
    let mut at = None;
    let mut items = String::new();
    for m in &prog.measures {
        let ins = insert_measure(&template, None, m)
            .map_err(|e| NotWritten::Invalid(format!("{e:?}")))?;
        at.get_or_insert(ins.range.start);
        items.push_str(&ins.text[ins.range]);
    }
    let at = at.unwrap_or(template.len());
    text = format!("{}{items}{}", &template[..at], &template[at..]);
    Ok(text)
}

/// Checks `text` reads back as exactly `p`'s board; the loader's first error when it does not.
pub fn verify(path: &Path, text: &str, p: &Planned, lang: Lang) -> Result<(), NotWritten> {
    let load = storage::load_text(path, text);
    if let Some(d) = load
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        return Err(NotWritten::Invalid(d.render(lang)));
    }
    match load.program {
        Some(read) if read == p.program => Ok(()),
        _ => Err(NotWritten::Invalid(crate::tr!(
            lang,
            "写出的看板读回后与台账不一致",
            "the written board would not read back as imported"
        ))),
    }
}

/// Writes `text` to `path`: a new file, or over an old one with `force`.
pub fn write(path: &Path, text: &str, force: bool) -> Result<(), NotWritten> {
    let exists = path.symlink_metadata().is_ok();
    if exists && !force {
        return Err(NotWritten::Exists(path.to_owned()));
    }
    let r = if exists {
        save::write_over(path, text.as_bytes())
    } else {
        save::write_new(path, text.as_bytes())
    };
    r.map_err(NotWritten::Save)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Date, Measure, Program, Status};

    fn planned(n: usize) -> Planned {
        let d = Date::parse("2023-09-30").unwrap_or(Date(chrono::NaiveDate::MIN));
        let measures = (1..=n)
            .map(|i| Measure {
                id: format!("PA-{i:02}"),
                title: format!("措施{i}"),
                owner: "刑侦局".into(),
                due: d,
                revised: if i == 2 { vec![d] } else { vec![] },
                status: if i == 3 {
                    Status::Blocked("待审批".into())
                } else {
                    Status::InProgress
                },
                progress: 10,
                notes: if i == 1 {
                    "备注".into()
                } else {
                    String::new()
                },
                signed_off: None,
                signed_by: None,
            })
            .collect();
        Planned {
            program: Program {
                id: "program-a".into(),
                title: "打击电诈".into(),
                lead: "刑侦局".into(),
                start: d,
                due: d,
                goal: String::new(),
                measures,
                milestones: vec![],
            },
            inferred: true,
            ids_generated: true,
            sheet: "台账".into(),
        }
    }

    #[test]
    fn joined_pieces_are_the_bytes_of_inserting_one_after_another() {
        let p = planned(3);
        let mut one_by_one = storage::new_board_text(&NewBoard {
            id: &p.program.id,
            title: &p.program.title,
            lead: &p.program.lead,
            start: p.program.start,
            due: p.program.due,
            goal: "",
            inferred: true,
        });
        for m in &p.program.measures {
            one_by_one = insert_measure(&one_by_one, None, m).unwrap().text;
        }
        let joined = board_text(&p).unwrap();
        assert_eq!(joined, one_by_one);
        assert!(verify(Path::new("program-a.ron"), &joined, &p, Lang::En).is_ok());
    }

    #[test]
    fn a_program_with_no_measures_is_the_template() {
        let p = planned(0);
        let text = board_text(&p).unwrap();
        assert!(verify(Path::new("program-a.ron"), &text, &p, Lang::En).is_ok());
    }
}
