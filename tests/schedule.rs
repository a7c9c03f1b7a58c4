//! Schedule rules with pinned dates, edges included.

use rectify::domain::schedule::{self, Health, NextKind};
use rectify::domain::{Date, Measure, Milestone, Program, Status, StatusKind};

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

fn milestone(title: &str, due: &str, done: Option<&str>) -> Milestone {
    Milestone {
        title: title.into(),
        due: d(due),
        done: done.map(d),
    }
}

fn health_of(p: &Program, today: &str) -> Health {
    schedule::assess(p, d(today), 7).health
}

/// How far behind expected a program with one measure at `progress` is on TODAY, and its
/// health: `program()` expects 38 % then (105 of 274 days).
fn judged_at(progress: i64) -> (i64, Health) {
    let p = program(vec![measure(
        "1",
        "2023-09-30",
        Status::InProgress,
        progress,
    )]);
    let a = schedule::assess(&p, d(TODAY), 7);
    (a.expected - a.actual.unwrap(), a.health)
}

#[test]
fn a_program_exactly_10_points_behind_is_on_track_and_11_behind_at_risk() {
    assert_eq!(judged_at(28), (10, Health::OnTrack));
    assert_eq!(judged_at(27), (11, Health::AtRisk));
}

#[test]
fn a_program_exactly_25_points_behind_is_at_risk_and_26_behind_off_track() {
    assert_eq!(judged_at(13), (25, Health::AtRisk));
    assert_eq!(judged_at(12), (26, Health::OffTrack));
}

#[test]
fn a_program_ahead_of_the_calendar_is_on_track() {
    // Ahead is a negative lag; it must never count as being behind.
    assert_eq!(judged_at(100), (-62, Health::OnTrack));
}

#[test]
fn a_program_due_today_with_work_open_is_not_yet_past_due() {
    let mut p = program(vec![measure("1", TODAY, Status::InProgress, 95)]);
    p.due = d(TODAY);
    // On its due day 100 % is expected, and 95 % is 5 points behind: on track.
    assert_eq!(health_of(&p, TODAY), Health::OnTrack);
    // The next day it is past due with work unfinished, whatever the progress.
    p.measures[0].due = d("2023-07-31");
    assert_eq!(health_of(&p, "2023-07-16"), Health::OffTrack);
}

#[test]
fn a_program_past_due_with_every_measure_finished_is_on_track() {
    let p = program(vec![
        measure("1", "2023-12-01", Status::Done, 100),
        measure("2", "2023-12-01", Status::SignedOff, 100),
    ]);
    assert_eq!(health_of(&p, "2024-01-15"), Health::OnTrack);

    let one_open = program(vec![
        measure("1", "2023-12-01", Status::Done, 100),
        measure("2", "2024-02-01", Status::InProgress, 99),
    ]);
    assert_eq!(health_of(&one_open, "2024-01-15"), Health::OffTrack);
}

#[test]
fn two_overdue_measures_are_at_risk_and_three_off_track() {
    let late = |id: &str| measure(id, "2023-07-01", Status::InProgress, 90);
    let ahead = |id: &str| measure(id, "2023-09-30", Status::InProgress, 90);
    let two = program(vec![late("1"), late("2"), ahead("3")]);
    let a = schedule::assess(&two, d(TODAY), 7);
    assert_eq!(a.overdue, 2);
    assert_eq!(a.health, Health::AtRisk);

    let three = program(vec![late("1"), late("2"), late("3")]);
    assert_eq!(health_of(&three, TODAY), Health::OffTrack);
}

#[test]
fn a_milestone_due_today_and_not_reached_is_not_missed_until_tomorrow() {
    let mut p = program(vec![measure("1", "2023-09-30", Status::InProgress, 60)]);
    p.milestones.push(milestone("中期评估", TODAY, None));
    let today = schedule::assess(&p, d(TODAY), 7);
    assert_eq!(today.milestones_missed, 0);
    assert_eq!(today.health, Health::OnTrack);

    let tomorrow = schedule::assess(&p, d("2023-07-16"), 7);
    assert_eq!(tomorrow.milestones_missed, 1);
    assert_eq!(tomorrow.health, Health::AtRisk);
}

#[test]
fn a_milestone_reached_late_is_counted_reached_and_not_missed() {
    let mut p = program(vec![measure("1", "2023-09-30", Status::InProgress, 60)]);
    p.milestones = vec![
        milestone("启动", "2023-05-01", Some("2023-04-28")),
        milestone("集中研判", "2023-06-30", Some("2023-07-10")),
        milestone("中期评估", "2023-09-30", None),
    ];
    let a = schedule::assess(&p, d(TODAY), 7);
    assert_eq!(a.milestones_done, 2);
    assert_eq!(a.milestones_missed, 0);
    assert_eq!(a.health, Health::OnTrack);
}

#[test]
fn the_next_deadline_may_be_due_today_with_zero_days_left() {
    let p = program(vec![
        measure("1", TODAY, Status::InProgress, 60),
        measure("2", "2023-07-20", Status::InProgress, 60),
    ]);
    let next = schedule::assess(&p, d(TODAY), 7).next.unwrap();
    assert_eq!(next.what, NextKind::Measure("1".into()));
    assert_eq!(next.days_left, 0);
    assert_eq!(next.date, d(TODAY));
    assert_eq!(next.title, "措施1");
}

#[test]
fn on_a_shared_date_the_first_open_measure_is_the_next_deadline() {
    // File order breaks the tie, measures before milestones, so the overview does not name a
    // different item from one reload to the next.
    let mut p = program(vec![
        measure("1", "2023-07-20", Status::InProgress, 60),
        measure("2", "2023-07-20", Status::InProgress, 60),
    ]);
    p.milestones.push(milestone("中期评估", "2023-07-20", None));
    let next = schedule::assess(&p, d(TODAY), 7).next.unwrap();
    assert_eq!(next.what, NextKind::Measure("1".into()));
}

#[test]
fn the_assessment_counts_measures_by_status_and_those_due_within_the_window() {
    let p = program(vec![
        measure("1", TODAY, Status::NotStarted, 0),
        measure("2", "2023-07-22", Status::InProgress, 50),
        measure("3", "2023-07-23", Status::InProgress, 50),
        measure("4", "2023-07-01", Status::Blocked("等待批复".into()), 10),
        measure("5", "2023-07-20", Status::Done, 100),
        measure("6", "2023-06-30", Status::SignedOff, 100),
        measure("7", "2023-06-30", Status::SignedOff, 100),
    ]);
    let a = schedule::assess(&p, d(TODAY), 7);
    assert_eq!(a.total, 7);
    let counts: Vec<usize> = StatusKind::ALL.iter().map(|&k| a.count(k)).collect();
    assert_eq!(counts, [1, 2, 1, 1, 2]);
    assert_eq!(a.finished(), 3);
    // Due today and in seven days are due soon; in eight days and finished work are not.
    assert_eq!(a.due_soon, 2);
    assert_eq!(a.overdue, 1);
}

#[test]
fn health_is_shown_as_a_symbol_and_a_word_in_each_language() {
    let shown: Vec<_> = [Health::OnTrack, Health::AtRisk, Health::OffTrack]
        .into_iter()
        .map(|h| (h.symbol(), h.label_zh(), h.label_en()))
        .collect();
    assert_eq!(
        shown,
        [
            ("●", "正常", "on track"),
            ("▲", "有风险", "at risk"),
            ("■", "滞后", "off track"),
        ]
    );
}

#[test]
fn a_program_whose_start_is_its_due_date_expects_nothing_before_and_everything_from_it() {
    let mut p = program(vec![]);
    p.start = d(TODAY);
    p.due = d(TODAY);
    assert_eq!(schedule::expected_progress(&p, d("2023-07-14")), 0);
    assert_eq!(schedule::expected_progress(&p, d(TODAY)), 100);
    assert_eq!(schedule::expected_progress(&p, d("2023-07-16")), 100);
}
