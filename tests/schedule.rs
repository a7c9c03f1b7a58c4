//! Schedule rules with pinned dates, edges included.

use rectify::domain::schedule::{self, Health, NextKind};
use rectify::domain::{Date, Measure, Milestone, Program, Status};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn measure(id: &str, due: &str, status: Status, progress: i64) -> Measure {
    Measure {
        id: id.into(),
        title: format!("措施{id}"),
        owner: "法制局".into(),
        due: d(due),
        revised: vec![],
        status,
        progress,
        notes: String::new(),
        signed_off: None,
        signed_by: None,
    }
}

fn program(measures: Vec<Measure>) -> Program {
    Program {
        id: "p".into(),
        title: "专项".into(),
        lead: "治安管理局".into(),
        start: d("2023-04-01"),
        due: d("2023-12-31"),
        goal: String::new(),
        measures,
        milestones: vec![],
    }
}

const TODAY: &str = "2023-07-15";

#[test]
fn due_today_is_not_overdue_but_due_soon() {
    let m = measure("1", TODAY, Status::InProgress, 50);
    assert_eq!(schedule::days_left(&m, d(TODAY)), 0);
    assert!(!schedule::is_overdue(&m, d(TODAY)));
    assert!(schedule::is_due_soon(&m, d(TODAY), 7));
}

#[test]
fn due_yesterday_is_overdue_by_one_day() {
    let m = measure("1", "2023-07-14", Status::NotStarted, 0);
    assert_eq!(schedule::days_left(&m, d(TODAY)), -1);
    assert!(schedule::is_overdue(&m, d(TODAY)));
    assert!(!schedule::is_due_soon(&m, d(TODAY), 7));
}

#[test]
fn due_soon_window_includes_its_last_day_only() {
    let m7 = measure("1", "2023-07-22", Status::InProgress, 0);
    let m8 = measure("2", "2023-07-23", Status::InProgress, 0);
    assert!(schedule::is_due_soon(&m7, d(TODAY), 7));
    assert!(!schedule::is_due_soon(&m8, d(TODAY), 7));
    assert!(schedule::is_due_soon(&m8, d(TODAY), 8));
}

#[test]
fn finished_late_is_never_overdue() {
    let mut m = measure("1", "2023-06-30", Status::SignedOff, 100);
    m.signed_off = Some(d("2023-07-10"));
    assert!(!schedule::is_overdue(&m, d(TODAY)));
    let done = measure("2", "2023-06-30", Status::Done, 100);
    assert!(!schedule::is_overdue(&done, d(TODAY)));
    assert!(!schedule::is_due_soon(&done, d("2023-06-29"), 7));
}

#[test]
fn a_revised_deadline_is_the_one_in_force_and_counts_as_a_slip() {
    let mut m = measure("1", "2023-06-30", Status::InProgress, 40);
    assert!(schedule::is_overdue(&m, d(TODAY)));
    m.revised = vec![d("2023-07-10"), d("2023-08-31")];
    assert!(!schedule::is_overdue(&m, d(TODAY)));
    assert_eq!(schedule::days_left(&m, d(TODAY)), 47);
    assert_eq!(m.slips(), 2);
    assert_eq!(m.due, d("2023-06-30"));
}

#[test]
fn a_program_with_no_measures_has_no_completion_and_is_on_track() {
    let p = program(vec![]);
    let a = schedule::assess(&p, d(TODAY), 7);
    assert_eq!(a.total, 0);
    assert_eq!(a.completion(), None);
    assert_eq!(a.actual, None);
    assert_eq!(a.health, Health::OnTrack);
    assert_eq!(a.next, None);
}

#[test]
fn completion_counts_done_and_signed_off_rounding_down() {
    let p = program(vec![
        measure("1", "2023-09-30", Status::Done, 100),
        measure("2", "2023-09-30", Status::SignedOff, 100),
        measure("3", "2023-09-30", Status::InProgress, 50),
    ]);
    let a = schedule::assess(&p, d(TODAY), 7);
    assert_eq!(a.finished(), 2);
    assert_eq!(a.completion(), Some(66));
    assert_eq!(a.actual, Some(83));
}

#[test]
fn expected_progress_follows_the_calendar_and_clamps() {
    let p = program(vec![]);
    assert_eq!(schedule::expected_progress(&p, d("2023-03-01")), 0);
    assert_eq!(schedule::expected_progress(&p, d("2023-04-01")), 0);
    // 105 of 274 days.
    assert_eq!(schedule::expected_progress(&p, d(TODAY)), 38);
    assert_eq!(schedule::expected_progress(&p, d("2023-12-31")), 100);
    assert_eq!(schedule::expected_progress(&p, d("2024-06-01")), 100);
}

#[test]
fn health_rules_in_the_order_the_readme_gives() {
    let today = d(TODAY);
    let ahead = |id| measure(id, "2023-09-30", Status::InProgress, 60);
    let on = program(vec![ahead("1"), ahead("2")]);
    assert_eq!(schedule::assess(&on, today, 7).health, Health::OnTrack);

    let one_late = program(vec![
        ahead("1"),
        measure("2", "2023-07-01", Status::InProgress, 60),
    ]);
    assert_eq!(schedule::assess(&one_late, today, 7).health, Health::AtRisk);

    let blocked = program(vec![
        ahead("1"),
        measure("2", "2023-09-30", Status::Blocked("等待".into()), 60),
    ]);
    assert_eq!(schedule::assess(&blocked, today, 7).health, Health::AtRisk);

    let mut missed = program(vec![ahead("1")]);
    missed.milestones.push(Milestone {
        title: "节点".into(),
        due: d("2023-07-01"),
        done: None,
    });
    assert_eq!(schedule::assess(&missed, today, 7).health, Health::AtRisk);

    let three_late: Vec<_> = (0..3)
        .map(|i| measure(&i.to_string(), "2023-07-01", Status::InProgress, 90))
        .collect();
    assert_eq!(
        schedule::assess(&program(three_late), today, 7).health,
        Health::OffTrack
    );

    // 38 % expected; 12 % actual is 26 points behind.
    let lagging = program(vec![measure("1", "2023-09-30", Status::InProgress, 12)]);
    assert_eq!(
        schedule::assess(&lagging, today, 7).health,
        Health::OffTrack
    );
    // 27 % actual is 11 points behind.
    let slow = program(vec![measure("1", "2023-09-30", Status::InProgress, 27)]);
    assert_eq!(schedule::assess(&slow, today, 7).health, Health::AtRisk);

    let past_due = program(vec![measure("1", "2023-12-01", Status::InProgress, 99)]);
    assert_eq!(
        schedule::assess(&past_due, d("2024-01-01"), 7).health,
        Health::OffTrack
    );
}

#[test]
fn next_deadline_is_the_nearest_open_measure_or_milestone() {
    let mut p = program(vec![
        measure("1", "2023-07-10", Status::InProgress, 0),
        measure("2", "2023-07-20", Status::Done, 100),
        measure("3", "2023-07-25", Status::InProgress, 0),
    ]);
    p.milestones.push(Milestone {
        title: "中期评估".into(),
        due: d("2023-07-18"),
        done: None,
    });
    p.milestones.push(Milestone {
        title: "启动".into(),
        due: d("2023-07-16"),
        done: Some(d("2023-07-01")),
    });
    let a = schedule::assess(&p, d(TODAY), 7);
    let next = a.next.unwrap();
    assert_eq!(next.what, NextKind::Milestone("中期评估".into()));
    assert_eq!(next.days_left, 3);
    assert_eq!(a.overdue, 1);
    assert_eq!(a.due_soon, 0);
}
