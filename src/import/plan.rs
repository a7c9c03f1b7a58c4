//! Ledger rows into programs: which rows make which measures, the ids, the program's inferred
//! lead and dates, and every row that could not be mapped with the reason why. Pure: the
//! same sheets give the same plan; writing it is [`super::write`]'s.

use std::collections::HashMap;

use super::cells;
use super::header::{Columns, Field, find_header};
use super::status::{Said, from_progress, sign_off_word, status_word};
use super::table::{Sheet, Value};
use crate::domain::owners::units;
use crate::domain::{Date, Measure, Program, Status, StatusKind, next_id};

/// A row that could not become a measure: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub sheet: String,
    /// The sheet's row number, as the spreadsheet shows it (from 1).
    pub row: usize,
    pub why: Why,
}

/// Why a row was left out. The words are chosen in [`super::words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    NoMeasure,
    NoDue(String),
    BadDate { field: Field, text: String },
    UnknownStatus(String),
    BadProgress(String),
}

/// A program to be written: the board, what was inferred, and where its rows came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub program: Program,
    /// Lead, start and due were inferred (always, today: a ledger has no such columns).
    pub inferred: bool,
    /// Measure ids were made up, the ledger's own not being ids.
    pub ids_generated: bool,
    pub sheet: String,
}

#[derive(Debug, Default)]
pub struct Plan {
    pub programs: Vec<Planned>,
    pub skipped: Vec<Skipped>,
    /// Sheets with no header row (not a ledger: a summary, a cover page).
    pub not_ledgers: Vec<String>,
}

/// A measure as read, before its program's ids are settled.
struct Row {
    program_id: String,
    measure: Measure,
    /// The id cell as written.
    id: String,
}

/// The plan for `sheets`: `map` gives fields to headers the words do not know, `year` the year
/// of a date typed without one, `taken` program ids already used in the target folder.
pub fn plan(sheets: &[Sheet], map: &HashMap<String, Field>, year: i32, taken: &[String]) -> Plan {
    let mut out = Plan::default();
    // Programs in order of first appearance, by title.
    let mut order: Vec<String> = Vec::new();
    let mut rows_of: HashMap<String, (String, Vec<Row>)> = HashMap::new();
    for sheet in sheets {
        let texts: Vec<Vec<String>> = sheet
            .rows
            .iter()
            .map(|r| r.iter().map(Value::text).collect())
            .collect();
        let Some((head, cols)) = find_header(&texts, map) else {
            out.not_ledgers.push(sheet.name.clone());
            continue;
        };
        // A ledger of one program may have no program column: its title row names it, else the
        // sheet does.
        let fallback_title = texts[..head]
            .iter()
            .flat_map(|r| r.iter())
            .find(|s| !s.is_empty())
            .cloned()
            .unwrap_or_else(|| sheet.name.clone());
        let mut above: HashMap<Field, Value> = HashMap::new();
        for (i, cells) in sheet.rows.iter().enumerate().skip(head + 1) {
            if cells.iter().all(Value::is_empty) {
                continue;
            }
            let get = |f: Field| {
                cols.get(&f)
                    .and_then(|c| cells.get(*c))
                    .cloned()
                    .unwrap_or(Value::Empty)
            };
            // A program's cell left blank below its first row (merged in a format this does not
            // read the merges of, or simply not repeated) is the program above.
            let mut fill = |f: Field| {
                let v = get(f);
                if v.is_empty() {
                    above.get(&f).cloned().unwrap_or(Value::Empty)
                } else {
                    above.insert(f, v.clone());
                    v
                }
            };
            let title_cell = fill(Field::Program);
            let id_cell = fill(Field::ProgramId);
            let row_no = i + 1;
            match measure_of(&get, &cols, year) {
                Ok((measure, id)) => {
                    let title = if cols.contains_key(&Field::Program) {
                        title_cell.text()
                    } else {
                        fallback_title.clone()
                    };
                    if !rows_of.contains_key(&title) {
                        order.push(title.clone());
                    }
                    let entry = rows_of
                        .entry(title)
                        .or_insert_with(|| (sheet.name.clone(), Vec::new()));
                    entry.1.push(Row {
                        program_id: id_cell.text(),
                        measure,
                        id,
                    });
                }
                Err(why) => out.skipped.push(Skipped {
                    sheet: sheet.name.clone(),
                    row: row_no,
                    why,
                }),
            }
        }
    }
    let mut used: Vec<String> = Vec::new();
    for title in order {
        let Some((sheet, rows)) = rows_of.remove(&title) else {
            continue;
        };
        let planned = program_of(&title, rows, &mut used, taken, sheet);
        out.programs.push(planned);
    }
    out
}

/// One row's measure and its id cell, or why there is none.
fn measure_of(
    get: &dyn Fn(Field) -> Value,
    cols: &Columns,
    year: i32,
) -> Result<(Measure, String), Why> {
    let title = get(Field::Measure).text();
    if title.is_empty() {
        return Err(Why::NoMeasure);
    }
    let due_cell = get(Field::Due);
    let due = cells::date(&due_cell, year).ok_or_else(|| Why::NoDue(due_cell.text()))?;
    let revised_cell = get(Field::Revised);
    let revised = cells::dates(&revised_cell, year).ok_or_else(|| Why::BadDate {
        field: Field::Revised,
        text: revised_cell.text(),
    })?;
    let progress_cell = get(Field::Progress);
    let progress = match cells::progress(&progress_cell) {
        Some(p) => Some(p),
        None if progress_cell.is_empty() => None,
        None => return Err(Why::BadProgress(progress_cell.text())),
    };
    let notes = get(Field::Notes).text();
    let kind = status_of(get, cols, progress.unwrap_or(0))?;
    let signed_off_cell = get(Field::SignedOff);
    let signed_off = match cells::date(&signed_off_cell, year) {
        Some(d) => Some(d),
        None if signed_off_cell.is_empty() => None,
        None => {
            return Err(Why::BadDate {
                field: Field::SignedOff,
                text: signed_off_cell.text(),
            });
        }
    };
    let (status, notes) = match kind {
        StatusKind::NotStarted => (Status::NotStarted, notes),
        StatusKind::InProgress => (Status::InProgress, notes),
        StatusKind::Done => (Status::Done, notes),
        StatusKind::SignedOff => (Status::SignedOff, notes),
        // Without a reason column the notes say what blocks it, and are not said twice.
        StatusKind::Blocked => match get(Field::Reason).text() {
            r if !r.is_empty() => (Status::Blocked(r), notes),
            _ => (Status::Blocked(notes), String::new()),
        },
    };
    let signed = status == Status::SignedOff;
    let by = get(Field::SignedBy).text();
    let measure = Measure {
        id: String::new(),
        title,
        owner: get(Field::Owner).text(),
        due,
        revised,
        // Finished work with no figure written is complete.
        progress: progress.unwrap_or(if kind.is_finished() { 100 } else { 0 }),
        status,
        notes,
        signed_off: signed_off.filter(|_| signed),
        signed_by: (signed && !by.is_empty()).then_some(by),
    };
    Ok((measure, get(Field::Id).text()))
}

/// The status a row states: 是否销号 first, then the file word, then the status word, and from
/// the progress only when no column says anything.
fn status_of(
    get: &dyn Fn(Field) -> Value,
    cols: &Columns,
    progress: i64,
) -> Result<StatusKind, Why> {
    let mut said_not_signed_off = false;
    if cols.contains_key(&Field::SignOffFlag) {
        let cell = get(Field::SignOffFlag).text();
        match sign_off_word(&cell) {
            Said::Kind(k) => return Ok(k),
            Said::NotSignedOff => said_not_signed_off = true,
            Said::Blank => {}
            Said::Unknown => return Err(Why::UnknownStatus(cell)),
        }
    }
    for field in [Field::StatusCode, Field::Status] {
        let cell = get(field).text();
        match status_word(&cell) {
            Said::Kind(StatusKind::SignedOff) if said_not_signed_off => {
                return Err(Why::UnknownStatus(cell));
            }
            Said::Kind(k) => return Ok(k),
            Said::Blank | Said::NotSignedOff => {}
            Said::Unknown => return Err(Why::UnknownStatus(cell)),
        }
    }
    Ok(from_progress(progress))
}

/// An id a board can carry: ASCII letters, digits and `-_.`, with at least one letter, so a
/// bare sequence number (序号 1, 2, 3) is not taken for one.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().any(|b| b.is_ascii_alphabetic())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A program id from the ledger's column when it is one (and no earlier program of the ledger
/// has it), else `program-a`, `program-b`, … (letters, so the measure ids made from it read
/// `PA-01`), none `used` in the ledger or `taken` in the folder. A written id taken in the
/// folder is kept: the clash is reported, not renamed away.
fn program_id(written: &str, used: &[String], taken: &[String]) -> String {
    if is_id(written) && !used.iter().any(|u| u == written) {
        return written.to_owned();
    }
    let mut n = 0usize;
    loop {
        let mut letters = String::new();
        let mut k = n;
        loop {
            letters.insert(0, char::from(b'a' + (k % 26) as u8));
            if k < 26 {
                break;
            }
            k = k / 26 - 1;
        }
        let id = format!("program-{letters}");
        if !used.contains(&id) && !taken.contains(&id) {
            return id;
        }
        n += 1;
    }
}

fn program_of(
    title: &str,
    rows: Vec<Row>,
    used: &mut Vec<String>,
    taken: &[String],
    sheet: String,
) -> Planned {
    let written = rows
        .iter()
        .map(|r| r.program_id.as_str())
        .find(|s| !s.is_empty())
        .unwrap_or("");
    let id = program_id(written, used, taken);
    used.push(id.clone());
    // The ledger's ids when every row has one and no two are the same; else one pattern for all.
    let own: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let unique = own.iter().enumerate().all(|(i, a)| !own[..i].contains(a));
    let keep_ids = unique && own.iter().all(|s| is_id(s));
    let mut measures: Vec<Measure> = Vec::new();
    for mut r in rows {
        r.measure.id = if keep_ids {
            r.id
        } else {
            // The numbering goes on from the last id given, so a long ledger costs no more
            // per row than a short one.
            let last: Vec<&str> = measures.last().map(|m| m.id.as_str()).into_iter().collect();
            next_id(&last, &id)
        };
        measures.push(r.measure);
    }
    let (start, due) = span(&measures);
    Planned {
        program: Program {
            id,
            title: title.to_owned(),
            lead: most_frequent_owner(&measures),
            start,
            due,
            goal: String::new(),
            measures,
            milestones: Vec::new(),
        },
        inferred: true,
        ids_generated: !keep_ids,
        sheet,
    }
}

/// The unit named by the most measures: the unit that leads in practice. An owner cell that
/// names several units (`治安局、刑侦局`) counts for each, so the lead is one unit. A tie goes
/// to the unit named first.
fn most_frequent_owner(ms: &[Measure]) -> String {
    let named: Vec<&str> = ms.iter().flat_map(|m| units(&m.owner)).collect();
    let mut best: Option<(&str, usize)> = None;
    for u in &named {
        let n = named.iter().filter(|o| *o == u).count();
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((u, n));
        }
    }
    best.map_or_else(String::new, |(o, _)| o.to_owned())
}

/// The earliest and the latest date the measures carry (deadlines, revisions, sign-offs): the
/// program's span as far as the ledger shows it.
fn span(ms: &[Measure]) -> (Date, Date) {
    let all = ms.iter().flat_map(|m| {
        std::iter::once(m.due)
            .chain(m.revised.iter().copied())
            .chain(m.signed_off)
    });
    let first = all.clone().min();
    let last = all.max();
    match (first, last) {
        (Some(a), Some(b)) => (a, b),
        // A plan has a measure in every program, so a program always has a date.
        _ => {
            let d = Date::from_ymd(2000, 1, 1).unwrap_or(Date(chrono::NaiveDate::MIN));
            (d, d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_words_with_a_letter() {
        assert!(is_id("ZP-03"));
        assert!(is_id("a1.2"));
        assert!(!is_id("3"));
        assert!(!is_id("03"));
        assert!(!is_id(""));
        assert!(!is_id("措施1"));
        assert!(!is_id("ZP 03"));
    }

    #[test]
    fn generated_program_ids_go_on_past_z_and_skip_the_taken() {
        let used: Vec<String> = vec!["program-a".into()];
        let taken: Vec<String> = vec!["program-b".into(), "fraud".into()];
        assert_eq!(program_id("", &used, &taken), "program-c");
        assert_eq!(program_id("", &[], &[]), "program-a");
        assert_eq!(
            program_id("fraud", &used, &taken),
            "fraud",
            "a clash is reported, not renamed"
        );
        assert_eq!(program_id("program-a", &used, &[]), "program-b");
        let all: Vec<String> = (0..26)
            .map(|i| format!("program-{}", char::from(b'a' + i)))
            .collect();
        assert_eq!(program_id("", &all, &[]), "program-aa");
        let more: Vec<String> = vec!["program-aa".into()];
        assert_eq!(program_id("", &all, &more), "program-ab");
    }

    fn m(owner: &str, due: &str) -> Measure {
        Measure {
            id: String::new(),
            title: "t".into(),
            owner: owner.into(),
            due: Date::parse(due).unwrap(),
            revised: vec![],
            status: Status::NotStarted,
            progress: 0,
            notes: String::new(),
            signed_off: None,
            signed_by: None,
        }
    }

    #[test]
    fn the_lead_is_the_most_frequent_owner_and_a_tie_goes_to_the_first() {
        let ms = [
            m("甲", "2023-01-01"),
            m("乙", "2023-01-01"),
            m("乙", "2023-01-01"),
        ];
        assert_eq!(most_frequent_owner(&ms), "乙");
        let ms = [m("甲", "2023-01-01"), m("乙", "2023-01-01")];
        assert_eq!(most_frequent_owner(&ms), "甲");
        assert_eq!(most_frequent_owner(&[m("", "2023-01-01")]), "");
        let ms = [m("治安局、刑侦局", "2023-01-01"), m("刑侦局", "2023-01-01")];
        assert_eq!(most_frequent_owner(&ms), "刑侦局");
    }

    #[test]
    fn the_span_runs_from_the_earliest_date_to_the_latest_revision_or_sign_off() {
        let mut a = m("甲", "2023-05-01");
        a.revised = vec![Date::parse("2023-12-01").unwrap()];
        let mut b = m("甲", "2023-03-01");
        b.signed_off = Date::parse("2023-02-20");
        assert_eq!(
            span(&[a, b]),
            (
                Date::parse("2023-02-20").unwrap(),
                Date::parse("2023-12-01").unwrap()
            )
        );
    }
}
