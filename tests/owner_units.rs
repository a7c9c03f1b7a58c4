//! The owner-units rule at its edges, with pinned dates: how an owner field is split, what a
//! unit's row counts, and the order that puts the unit most behind first.

use rectify::domain::owners::{self, names_unit, owner_rows, unit_measures, units};
use rectify::domain::{Date, Measure, Program, Status, StatusKind};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

const TODAY: &str = "2023-07-15";

fn m(id: &str, owner: &str, due: &str, status: Status) -> Measure {
    Measure {
        id: id.into(),
        title: format!("措施{id}"),
        owner: owner.into(),
        due: d(due),
        revised: vec![],
        status,
        progress: 0,
        notes: String::new(),
        signed_off: None,
        signed_by: None,
    }
}

fn program(id: &str, measures: Vec<Measure>) -> Program {
    Program {
        id: id.into(),
        title: format!("专项{id}"),
        lead: "治安管理局".into(),
        start: d("2023-04-01"),
        due: d("2023-12-31"),
        goal: String::new(),
        measures,
        milestones: vec![],
    }
}

fn rows(programs: &[Program]) -> Vec<owners::OwnerRow> {
    owner_rows(programs, d(TODAY), 7)
}

fn row<'a>(rows: &'a [owners::OwnerRow], unit: &str) -> &'a owners::OwnerRow {
    rows.iter().find(|r| r.unit == unit).unwrap()
}

#[test]
fn an_owner_naming_several_units_counts_once_for_each() {
    for sep in ['、', ',', '，', '；', ';'] {
        let owner = format!("法制局{sep} 治安管理局 ");
        assert_eq!(units(&owner), ["法制局", "治安管理局"], "{sep}");
        assert!(names_unit(&owner, "治安管理局"));
    }
    // A unit named twice, empty pieces and blanks around a name count as one unit, once.
    assert_eq!(units("法制局、、法制局 ,"), ["法制局"]);
    assert_eq!(units(" "), Vec::<&str>::new());
    // A unit is named whole, not as part of another's name.
    assert!(!names_unit("各省级公安机关", "公安机关"));
    assert!(!names_unit("法制局/治安管理局", "法制局"));
    let p = program(
        "a",
        vec![m(
            "1",
            "法制局、治安管理局、法制局",
            "2023-09-30",
            Status::InProgress,
        )],
    );
    let r = rows(&[p]);
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|r| r.measures == 1), "{r:?}");
}

#[test]
fn a_row_counts_statuses_overdue_and_due_soon_across_programs() {
    let a = program(
        "a",
        vec![
            m("1", "法制局", "2023-07-14", Status::InProgress), // a day late
            m("2", "法制局", "2023-07-15", Status::NotStarted), // due today: due soon
            m(
                "3",
                "法制局",
                "2023-07-22",
                Status::Blocked("等批复".into()),
            ), // 7 days: due soon
            m("4", "法制局", "2023-07-23", Status::InProgress), // 8 days: neither
        ],
    );
    let b = program(
        "b",
        vec![
            m("1", "法制局", "2023-06-30", Status::Done), // late but finished: not overdue
            m("2", "法制局", "2023-06-30", Status::SignedOff),
        ],
    );
    let r = rows(&[a, b]);
    let f = row(&r, "法制局");
    assert_eq!(f.measures, 6);
    assert_eq!(f.by_status, [1, 2, 1, 1, 1]);
    assert_eq!(f.count(StatusKind::Blocked), 1);
    assert_eq!((f.overdue, f.due_soon), (1, 2));
    assert_eq!(f.finished(), 2);
    assert_eq!(f.completion(), Some(33), "2 of 6, rounded down");
}

#[test]
fn worst_first_overdue_then_blocked_then_lowest_completion_then_name() {
    let p = program(
        "a",
        vec![
            // 治安管理局: nothing late, nothing blocked, 0 % complete.
            m("1", "治安管理局", "2023-09-30", Status::InProgress),
            // 法制局: one overdue, everything else finished.
            m("2", "法制局", "2023-07-01", Status::InProgress),
            m("3", "法制局", "2023-07-01", Status::Done),
            // 政治部: one blocked, half complete.
            m(
                "4",
                "政治部",
                "2023-09-30",
                Status::Blocked("待审批".into()),
            ),
            m("5", "政治部", "2023-06-30", Status::Done),
            // 禁毒局 and 交通管理局: alike but for the name.
            m("6", "禁毒局", "2023-09-30", Status::Done),
            m("7", "交通管理局", "2023-09-30", Status::Done),
        ],
    );
    let order: Vec<String> = rows(&[p]).into_iter().map(|r| r.unit).collect();
    assert_eq!(
        order,
        ["法制局", "政治部", "治安管理局", "交通管理局", "禁毒局"]
    );
}

#[test]
fn more_overdue_outranks_blocked_and_more_blocked_outranks_completion() {
    let p = program(
        "a",
        vec![
            m("1", "甲", "2023-07-01", Status::Blocked("x".into())),
            m("2", "乙", "2023-07-01", Status::InProgress),
            m("3", "乙", "2023-07-02", Status::InProgress),
            m("4", "丙", "2023-09-01", Status::Blocked("x".into())),
            m("5", "丙", "2023-09-01", Status::Blocked("x".into())),
            m("6", "丁", "2023-09-01", Status::Blocked("x".into())),
            m("7", "丁", "2023-09-01", Status::NotStarted),
        ],
    );
    let order: Vec<String> = rows(&[p]).into_iter().map(|r| r.unit).collect();
    assert_eq!(order, ["乙", "甲", "丙", "丁"]);
}

#[test]
fn a_units_measures_open_first_nearest_deadline_first_across_programs() {
    let a = program(
        "a",
        vec![
            m("1", "法制局", "2023-09-30", Status::InProgress),
            m("2", "治安管理局", "2023-07-01", Status::InProgress),
            m("3", "法制局", "2023-05-01", Status::Done),
        ],
    );
    let b = program(
        "b",
        vec![m("1", "法制局、政治部", "2023-08-31", Status::InProgress)],
    );
    let got = unit_measures(&[&a, &b], "法制局");
    assert_eq!(got, [(1, 0), (0, 0), (0, 2)]);
    assert!(unit_measures(&[&a, &b], "公安部").is_empty());
}

#[test]
fn the_day_moves_a_measure_into_overdue() {
    let p = program(
        "a",
        vec![m("1", "法制局", "2023-07-15", Status::InProgress)],
    );
    let on = |day: &str| owner_rows([&p], d(day), 7)[0].clone();
    assert_eq!(
        (on("2023-07-15").overdue, on("2023-07-15").due_soon),
        (0, 1)
    );
    assert_eq!(
        (on("2023-07-16").overdue, on("2023-07-16").due_soon),
        (1, 0)
    );
    assert_eq!(
        on("2023-07-07").due_soon,
        0,
        "8 days ahead is outside a 7-day window"
    );
    assert_eq!(owner_rows([&p], d("2023-07-07"), 8)[0].due_soon, 1);
}

// ---- the problem list's rule -------------------------------------------------------------

use rectify::domain::problems::{ListedProblem, ProblemState, assess};

fn problem(refs: &[&str]) -> ListedProblem {
    ListedProblem {
        id: "P01".into(),
        title: "问题".into(),
        measures: refs.iter().map(|r| r.to_string()).collect(),
    }
}

fn judge(p: &Program, refs: &[&str]) -> rectify::domain::problems::ProblemStatus {
    assess(
        &problem(refs),
        |prog, id| (prog == p.id).then(|| p.measure(id)).flatten(),
        d(TODAY),
    )
}

#[test]
fn a_problem_is_signed_off_finished_or_open_by_its_measures() {
    let p = program(
        "a",
        vec![
            m("S1", "甲", "2023-06-30", Status::SignedOff),
            m("S2", "甲", "2023-06-30", Status::SignedOff),
            m("D1", "甲", "2023-06-30", Status::Done),
            m("L1", "甲", "2023-07-01", Status::InProgress),
            m("B1", "甲", "2023-09-01", Status::Blocked("x".into())),
        ],
    );
    assert_eq!(judge(&p, &["a/S1", "a/S2"]).state, ProblemState::SignedOff);
    assert_eq!(judge(&p, &["a/S1", "a/D1"]).state, ProblemState::Finished);
    let open = judge(&p, &["a/S1", "a/L1", "a/B1"]);
    assert_eq!(open.state, ProblemState::Open);
    assert_eq!(
        (open.measures, open.finished, open.overdue, open.blocked),
        (3, 1, 1, 1)
    );
    // No measures, or one the boards do not hold, is never closed.
    assert_eq!(judge(&p, &[]).state, ProblemState::Open);
    let lost = judge(&p, &["a/S1", "a/S9", "b/S1", "S1"]);
    assert_eq!((lost.state, lost.missing), (ProblemState::Open, 3));
}
