//! The field-level three-way merge of board text (`storage::merge`), on the shipped fraud
//! board: what is combined, what is a conflict, and a property over random edits at two sites.

use std::fs;

use proptest::prelude::*;
use rectify::domain::Program;
use rectify::storage::edit::{Item, set_item_field};
use rectify::storage::merge::{Conflict, Merged, Place, Side, Unmergeable, mark, merge};

fn base() -> String {
    fs::read_to_string("boards/01-fraud.ron").unwrap()
}

/// The board as ron reads it, rule checks aside: merges are compared by content.
fn parsed(text: &str) -> Program {
    let opts =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    opts.from_str(text)
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn set(text: &str, id: &str, field: &str, value: Option<&str>) -> String {
    set_item_field(text, Item::Measure(id), field, value).unwrap()
}

fn clean(m: Merged) -> String {
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    m.text
}

#[test]
fn one_side_unchanged_gives_the_other_byte_for_byte() {
    let b = base();
    let changed = set(
        &set(&b, "ZP-03", "notes", Some("\"新备注\"")),
        "ZP-05",
        "progress",
        Some("80"),
    );
    assert_eq!(clean(merge(&b, &b, &changed).unwrap()), changed);
    assert_eq!(clean(merge(&b, &changed, &b).unwrap()), changed);
}

#[test]
fn neighbouring_fields_of_one_measure_are_combined_in_place() {
    let b = base();
    let ours = set(&b, "ZP-03", "progress", Some("70"));
    let theirs = set(&b, "ZP-03", "notes", Some("\"省厅：已收网\""));
    let merged = clean(merge(&b, &ours, &theirs).unwrap());
    assert_eq!(
        merged,
        set(&ours, "ZP-03", "notes", Some("\"省厅：已收网\""))
    );
    let p = parsed(&merged);
    let m = p.measure("ZP-03").unwrap();
    assert_eq!((m.progress, m.notes.as_str()), (70, "省厅：已收网"));
}

#[test]
fn the_same_change_on_both_sides_is_agreement() {
    let b = base();
    let both = set(&b, "ZP-04", "progress", Some("90"));
    assert_eq!(clean(merge(&b, &both, &both).unwrap()), both);
}

#[test]
fn different_values_for_one_field_are_a_conflict_with_both_values() {
    let b = base();
    let ours = set(&b, "ZP-04", "progress", Some("90"));
    let theirs = set(
        &set(&b, "ZP-04", "progress", Some("80")),
        "ZP-01",
        "progress",
        Some("60"),
    );
    let m = merge(&b, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.place, Place::Measure("ZP-04".into()));
    assert_eq!(c.field.as_deref(), Some("progress"));
    assert_eq!(
        (c.ours.as_deref(), c.theirs.as_deref()),
        (Some("90"), Some("80"))
    );
    // The change that did not conflict is in; the conflicting field keeps OURS until chosen.
    assert_eq!(m.text, set(&ours, "ZP-01", "progress", Some("60")));
    let marked = mark(&m, |c: &Conflict| format!("about {:?}", c.field)).unwrap();
    assert!(marked.contains(
        "            // about Some(\"progress\")\n<<<<<<< ours\n            progress: 90,\n=======\n            progress: 80,\n>>>>>>> theirs\n"
    ), "{marked}");
    // Only the conflict's lines were added.
    assert_eq!(marked.lines().count(), m.text.lines().count() + 5);
}

#[test]
fn two_conflicts_on_one_line_share_one_pair_of_markers() {
    let b = base();
    let ms = |text: &str, field: &str, v: &str| {
        set_item_field(text, Item::Milestone(3), field, Some(v)).unwrap()
    };
    let ours = ms(&ms(&b, "due", "\"2023-09-01\""), "done", "\"2023-08-30\"");
    let theirs = ms(&ms(&b, "due", "\"2023-09-10\""), "done", "\"2023-09-02\"");
    let m = merge(&b, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 2);
    let marked = mark(&m, |c: &Conflict| format!("{:?}", c.field)).unwrap();
    assert_eq!(marked.matches("<<<<<<<").count(), 1, "{marked}");
    assert!(marked.contains(
        "=======\n        Milestone(title: \"专项行动中期评估\", due: \"2023-09-10\", done: \"2023-09-02\"),\n>>>>>>> theirs"
    ), "{marked}");
}

#[test]
fn a_measure_removed_on_one_side_goes_unless_the_other_changed_it() {
    let b = base();
    let removed = rectify::storage::remove_measure(&b, "ZP-06").unwrap().text;
    let other = set(&b, "ZP-03", "progress", Some("70"));
    let merged = clean(merge(&b, &other, &removed).unwrap());
    assert!(parsed(&merged).measure("ZP-06").is_none());
    assert_eq!(parsed(&merged).measure("ZP-03").unwrap().progress, 70);

    let changed = set(&b, "ZP-06", "progress", Some("70"));
    let m = merge(&b, &changed, &removed).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].place, Place::Measure("ZP-06".into()));
    assert_eq!(
        (
            m.conflicts[0].field.as_ref(),
            m.conflicts[0].theirs.as_ref()
        ),
        (None, None)
    );
    let m = merge(&b, &removed, &changed).unwrap();
    assert_eq!(m.conflicts.len(), 1, "removed here, changed there");
}

#[test]
fn milestones_added_on_both_sides_are_kept_in_date_order() {
    let b = base();
    let add = |title: &str, due: &str| {
        let ms = rectify::domain::Milestone {
            title: title.into(),
            due: rectify::domain::Date::parse(due).unwrap(),
            done: None,
        };
        rectify::storage::insert_milestone(&b, &ms).unwrap().text
    };
    let ours = add("部里督导", "2023-10-15");
    let theirs = add("省里自查", "2023-07-20");
    let merged = clean(merge(&b, &ours, &theirs).unwrap());
    let titles: Vec<String> = parsed(&merged)
        .milestones
        .iter()
        .map(|m| m.title.clone())
        .collect();
    let at = |t: &str| titles.iter().position(|x| x == t).unwrap();
    assert!(at("省里自查") < at("专项行动中期评估"));
    assert!(at("专项行动中期评估") < at("部里督导"));
    assert_eq!(titles.len(), 7);
}

#[test]
fn program_fields_merge_like_measure_fields() {
    let b = base();
    let ours = b.replacen("lead: \"刑事侦查局\"", "lead: \"刑侦局\"", 1);
    let theirs = b.replacen(
        "due: \"2023-12-31\",\n    goal",
        "due: \"2024-01-31\",\n    goal",
        1,
    );
    assert_ne!(theirs, b);
    let p = parsed(&clean(merge(&b, &ours, &theirs).unwrap()));
    assert_eq!(
        (p.lead.as_str(), p.due.to_string().as_str()),
        ("刑侦局", "2024-01-31")
    );
}

#[test]
fn a_side_that_does_not_parse_is_named() {
    let b = base();
    let broken = b.replacen("progress: 50,", "progress: 50,,,", 1);
    assert!(matches!(
        merge(&b, &b, &broken),
        Err(Unmergeable::Unreadable(Side::Theirs, _))
    ));
    assert!(matches!(
        merge(&broken, &b, &b),
        Err(Unmergeable::Unreadable(Side::Base, _))
    ));
    let twice = b.replacen("id: \"ZP-04\"", "id: \"ZP-03\"", 1);
    assert!(matches!(
        merge(&b, &twice, &b),
        Err(Unmergeable::Ambiguous(Side::Ours, id)) if id == "ZP-03"
    ));
}

/// One field edit a site can make: which measure (by index), which field, which RON value
/// (`None` removes the field).
#[derive(Debug, Clone)]
struct FieldEdit {
    measure: usize,
    field: &'static str,
    value: Option<String>,
}

fn field_edit() -> impl Strategy<Value = FieldEdit> {
    let text = prop::sample::select(vec!["已完成", "待核查", "say \"ok\"", "第二批\n线索", ""]);
    let value = prop_oneof![
        (0i64..=100).prop_map(|p| ("progress", Some(p.to_string()))),
        text.clone()
            .prop_map(|s| ("notes", Some(rectify::domain::edit::ron_string(s)))),
        Just(("notes", None)),
        text.prop_map(|s| ("owner", Some(rectify::domain::edit::ron_string(s)))),
        prop::sample::select(vec![
            "NotStarted",
            "InProgress",
            "Done",
            "Blocked(\"等数据\")"
        ])
        .prop_map(|s| ("status", Some(s.to_owned()))),
        prop::sample::select(vec!["[\"2023-10-31\"]", "[\"2023-11-15\", \"2023-12-01\"]"])
            .prop_map(|s| ("revised", Some(s.to_owned()))),
        Just(("revised", None)),
    ];
    (0usize..9, value).prop_map(|(measure, (field, value))| FieldEdit {
        measure,
        field,
        value,
    })
}

fn apply_all(text: &str, ids: &[String], edits: &[FieldEdit]) -> String {
    edits.iter().fold(text.to_owned(), |t, e| {
        set(&t, &ids[e.measure % ids.len()], e.field, e.value.as_deref())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random field edits at two sites that never give one field two different values: the
    /// merge is clean and reads as the base with both sets of edits applied, and every comment
    /// line of the base is still there.
    #[test]
    fn non_conflicting_edits_at_two_sites_merge_to_both_applied(
        ours in prop::collection::vec(field_edit(), 0..6),
        theirs in prop::collection::vec(field_edit(), 0..6),
        agree in prop::collection::vec(any::<bool>(), 6),
    ) {
        let b = base();
        let ids: Vec<String> = parsed(&b).measures.iter().map(|m| m.id.clone()).collect();
        let key = |e: &FieldEdit| (ids[e.measure % ids.len()].clone(), e.field);
        // Where both sites touch one field, they agree on its final value: theirs keeps only
        // the edits to fields ours leaves alone, or repeats ours's last value for it.
        let last_ours = |k: &(String, &str)| ours.iter().rev().find(|e| key(e) == *k).cloned();
        let theirs: Vec<FieldEdit> = theirs
            .into_iter()
            .zip(agree)
            .filter_map(|(e, same)| match last_ours(&key(&e)) {
                None => Some(e),
                Some(o) if same => Some(o),
                Some(_) => None,
            })
            .collect();
        let ours_text = apply_all(&b, &ids, &ours);
        let theirs_text = apply_all(&b, &ids, &theirs);
        // Both sets applied to the base: theirs's edits to a field ours also set repeat
        // ours's final value.
        let expected = apply_all(&ours_text, &ids, &theirs);
        let merged = merge(&b, &ours_text, &theirs_text).unwrap();
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        prop_assert_eq!(parsed(&merged.text), parsed(&expected));
        for line in b.lines().filter(|l| l.trim_start().starts_with("//")) {
            prop_assert!(merged.text.contains(line), "lost comment {}", line);
        }
    }
}

#[test]
fn one_id_added_at_both_sites_differently_is_a_conflict_over_the_whole_measure() {
    let b = base();
    let add = |title: &str| {
        let m = rectify::domain::Measure {
            id: "ZP-20".into(),
            title: title.into(),
            owner: "刑侦局".into(),
            due: rectify::domain::Date::parse("2023-11-30").unwrap(),
            revised: Vec::new(),
            status: rectify::domain::Status::NotStarted,
            progress: 0,
            notes: String::new(),
            signed_off: None,
            signed_by: None,
        };
        rectify::storage::insert_measure(&b, None, &m).unwrap().text
    };
    let (ours, theirs) = (add("部里新增"), add("省里新增"));
    assert_eq!(
        clean(merge(&b, &ours, &ours).unwrap()),
        ours,
        "the same addition twice"
    );
    let m = merge(&b, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        (&m.conflicts[0].place, m.conflicts[0].field.as_ref()),
        (&Place::Measure("ZP-20".into()), None)
    );
    let marked = mark(&m, |_: &Conflict| "whole measure".into()).unwrap();
    // Keeping theirs: drop ours's lines and the marker lines; the board reads with theirs's.
    let (head, rest) = marked.split_once("<<<<<<< ours\n").unwrap();
    let (_, rest) = rest.split_once("=======\n").unwrap();
    let kept = format!("{head}{}", rest.replacen(">>>>>>> theirs\n", "", 1));
    let p = parsed(&kept);
    assert_eq!(p.measure("ZP-20").unwrap().title, "省里新增");
    assert_eq!(p.measures.len(), parsed(&b).measures.len() + 1);
}
