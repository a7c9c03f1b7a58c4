//! Growing and shrinking a ledger in place: a new measure or milestone is written in its
//! neighbours' style and nothing outside it changes; a removed measure goes back byte for byte.
//! Every operation on every style the locator knows: one-line measures, trailing comments,
//! tabs, unnamed structs, raw strings, block comments, CRLF with a BOM, no trailing commas,
//! empty and absent lists.

use rectify::domain::{Date, Measure, Milestone, Program, Status};
use rectify::storage::edit::{
    self, MEASURE_ORDER, MILESTONE_ORDER, PROGRAM_ORDER, set_milestone_field,
};
use rectify::storage::{
    Inserted, NewBoard, insert_measure, insert_milestone, new_board_text, remove_measure,
    restore_measure,
};

mod common;

use common::{date as d, program};

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap()
}

/// Every style, by name. The lists of `empty` and `absent` are created or reshaped by the
/// first insertion, so a removal cannot give back their bytes.
fn styles() -> Vec<(&'static str, String)> {
    let s = read("styles.ron");
    vec![
        ("styles", s.clone()),
        ("crlf+bom", format!("\u{feff}{}", s.replace('\n', "\r\n"))),
        ("no-comma", read("grow/no_trailing_comma.ron")),
        ("one-line", read("grow/one_line_list.ron")),
        ("empty", read("grow/empty_lists.ron")),
        ("absent", read("grow/absent_lists.ron")),
    ]
}

fn shipped() -> Vec<(String, String)> {
    let mut v: Vec<_> = std::fs::read_dir("boards")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| rectify::storage::is_board_path(p))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn new_measure(id: &str) -> Measure {
    Measure {
        id: id.into(),
        title: "新增措施，含\"引号\"和 ) 括号".into(),
        owner: "治安管理局".into(),
        due: d("2023-10-31"),
        revised: vec![],
        status: Status::Blocked("等待批复, 含逗号".into()),
        progress: 15,
        notes: "备注".into(),
        signed_off: None,
        signed_by: None,
    }
}

/// The text outside `ins.range` is the old text, byte for byte.
fn only_range_changed(old: &str, ins: &Inserted) {
    let new = &ins.text;
    let r = &ins.range;
    assert_eq!(new[..r.start], old[..r.start], "before the range");
    assert_eq!(
        new[r.end..],
        old[old.len() - (new.len() - r.end)..],
        "after the range"
    );
}

fn ids(p: &Program) -> Vec<&str> {
    p.measures.iter().map(|m| m.id.as_str()).collect()
}

#[test]
fn a_measure_goes_in_after_each_measure_and_at_the_end_in_every_style() {
    for (style, text) in styles() {
        let old = program(&text);
        let anchors: Vec<Option<&str>> = std::iter::once(None)
            .chain(old.measures.iter().map(|m| Some(m.id.as_str())))
            .collect();
        for after in anchors {
            let m = new_measure("NEW-1");
            let ins = insert_measure(&text, after, &m).unwrap();
            only_range_changed(&text, &ins);
            assert!(ins.text[ins.range.clone()].contains("\"NEW-1\""), "{style}");
            let mut want = old.clone();
            let at = after.map_or(want.measures.len(), |a| {
                want.measures.iter().position(|x| x.id == a).unwrap() + 1
            });
            want.measures.insert(at, m);
            assert_eq!(
                program(&ins.text),
                want,
                "{style} after {after:?}\n{}",
                ins.text
            );
            assert_eq!(
                ins.text.starts_with('\u{feff}'),
                text.starts_with('\u{feff}')
            );
            if text.contains("\r\n") {
                assert_eq!(
                    ins.text.matches('\n').count(),
                    ins.text.matches("\r\n").count()
                );
            }
            let back = remove_measure(&ins.text, "NEW-1").unwrap().text;
            if style == "empty" || style == "absent" {
                assert_eq!(program(&back), old, "{style}: {back}");
            } else {
                assert_eq!(back, text, "{style}: insert after {after:?} then remove");
            }
        }
    }
}

/// The lines an insertion added, for the style checks below.
fn added(old: &str, ins: &Inserted) -> String {
    assert_eq!(
        ins.text.len() - old.len(),
        ins.range.len(),
        "one piece added"
    );
    ins.text[ins.range.clone()].to_owned()
}

#[test]
fn the_new_measure_follows_the_style_of_the_one_before_it() {
    let text = read("styles.ron");
    let mut m = new_measure("NEW-1");
    m.progress = 0;
    m.notes.clear();
    m.status = Status::NotStarted;
    let at = |after| insert_measure(&text, Some(after), &m).unwrap();

    // Multi-line, trailing commas, twelve spaces; progress 0 and empty notes left out.
    assert_eq!(
        added(&text, &at("M-1")),
        "        Measure(\n            id: \"NEW-1\",\n            title: \"新增措施，含\\\"引号\\\"和 ) 括号\",\n            owner: \"治安管理局\",\n            due: \"2023-10-31\",\n            status: NotStarted,\n        ),\n"
    );
    // One line, no comma after the last field / one line with one.
    let line = "Measure(id: \"NEW-1\", title: \"新增措施，含\\\"引号\\\"和 ) 括号\", owner: \"治安管理局\", due: \"2023-10-31\", status: NotStarted";
    assert_eq!(added(&text, &at("M-2")), format!("        {line}),\n"));
    assert_eq!(added(&text, &at("M-3")), format!("        {line},),\n"));
    // Unnamed, tab-indented fields, no comma after the last field.
    assert_eq!(
        added(&text, &at("M-4")),
        "        (\n\tid: \"NEW-1\",\n\ttitle: \"新增措施，含\\\"引号\\\"和 ) 括号\",\n\towner: \"治安管理局\",\n\tdue: \"2023-10-31\",\n\tstatus: NotStarted\n        ),\n"
    );

    // Without trailing commas the previous measure gets the comma it needs, the new one none.
    let text = read("grow/no_trailing_comma.ron");
    let ins = insert_measure(&text, None, &m).unwrap();
    assert!(
        ins.text
            .contains("      status: NotStarted\n    ),\n    Measure(\n      id: \"NEW-1\",\n"),
        "{}",
        ins.text
    );
    assert!(ins.text.contains("      status: NotStarted\n    )\n  ],\n"));
    // The range starts at that comma, just after the `)`.
    assert_eq!(ins.range.start, text.find("\n  ],").unwrap());

    // Side by side on one line, blanks inside the parentheses as the neighbours have them.
    let text = read("grow/one_line_list.ron");
    let ins = insert_measure(&text, Some("L1"), &m).unwrap();
    assert!(
        ins.text
            .contains("status: Done ), ( id: \"NEW-1\", title: "),
        "{}",
        ins.text
    );
    assert!(ins.text.contains("status: NotStarted ), ( id: \"L2\""));
}

#[test]
fn an_empty_or_absent_list_gets_the_house_style() {
    let m = new_measure("E-1");
    let text = read("grow/empty_lists.ron");
    let ins = insert_measure(&text, None, &m).unwrap();
    assert!(
        ins.text
            .contains("    measures: [\n        Measure(\n            id: \"E-1\",\n"),
        "{}",
        ins.text
    );
    assert!(
        ins.text
            .contains("            notes: \"备注\",\n        ),\n    ],\n")
    );

    // Tabs: the new list indents with tabs and sits after the field before it in order.
    let text = read("grow/absent_lists.ron");
    let ins = insert_measure(&text, None, &m).unwrap();
    only_range_changed(&text, &ins);
    assert!(
        ins.text
            .contains("\tgoal: \"目标\",\n\tmeasures: [\n\t\tMeasure(\n\t\t\tid: \"E-1\",\n"),
        "{}",
        ins.text
    );
    assert!(ins.text.contains("\t\t\tnotes: \"备注\",\n\t\t),\n\t],\n)"));

    // Naming a measure to follow in a list that does not exist is an error, not a guess.
    assert_eq!(
        insert_measure(&text, Some("X-1"), &m)
            .unwrap_err()
            .to_string(),
        "measure `X-1` is not in the file"
    );
}

#[test]
fn an_id_already_there_or_an_unknown_anchor_is_refused() {
    let text = read("styles.ron");
    assert_eq!(
        insert_measure(&text, None, &new_measure("M-2"))
            .unwrap_err()
            .to_string(),
        "measure `M-2` is already in the file"
    );
    assert_eq!(
        insert_measure(&text, Some("M-9"), &new_measure("N"))
            .unwrap_err()
            .to_string(),
        "measure `M-9` is not in the file"
    );
}

#[test]
fn every_measure_of_every_style_comes_out_and_goes_back_byte_for_byte() {
    let mut all = styles();
    all.extend(shipped().into_iter().map(|(_, t)| ("shipped", t)));
    for (style, text) in all {
        let old = program(&text);
        for (i, m) in old.measures.iter().enumerate() {
            let r = remove_measure(&text, &m.id).unwrap();
            let cut = &r.cut;
            assert_eq!(&text[cut.offset..cut.offset + cut.bytes.len()], cut.bytes);
            assert_eq!(
                r.text,
                format!(
                    "{}{}",
                    &text[..cut.offset],
                    &text[cut.offset + cut.bytes.len()..]
                )
            );
            let mut want = old.clone();
            want.measures.remove(i);
            assert_eq!(
                program(&r.text),
                want,
                "{style} without {}\n{}",
                m.id,
                r.text
            );
            assert_eq!(
                cut.after.as_deref(),
                i.checked_sub(1).map(|p| old.measures[p].id.as_str())
            );
            assert_eq!(
                restore_measure(&r.text, cut).unwrap(),
                text,
                "{style}: {}",
                m.id
            );
        }
    }
}

#[test]
fn what_goes_with_a_measure() {
    let text = read("styles.ron");
    // Its whole lines, and the comment above it that heads nothing else.
    let r = remove_measure(&text, "M-1").unwrap();
    assert!(
        r.cut
            .bytes
            .starts_with("        // 多行，每字段一行，带尾逗号\n        Measure(\n")
    );
    assert!(
        r.cut
            .bytes
            .ends_with("            progress: 40,\n        ),\n")
    );
    // A comment line another measure follows directly heads a group and stays.
    let r = remove_measure(&text, "M-2").unwrap();
    assert!(
        r.cut.bytes.starts_with("        Measure(id: \"M-2\""),
        "{:?}",
        r.cut.bytes
    );
    assert!(
        r.text
            .contains("        // 单行\n        Measure(id: \"M-3\"")
    );

    let shipped = std::fs::read_to_string("boards/01-fraud.ron").unwrap();
    let r = remove_measure(&shipped, "ZP-01").unwrap();
    assert!(r.text.contains(
        "        // 打击：集群战役与专项行动\n        Measure(\n            id: \"ZP-02\""
    ));
    assert_eq!(r.cut.after, None);

    // The last measure of a list without trailing commas takes the comma before it along.
    let text = read("grow/no_trailing_comma.ron");
    let r = remove_measure(&text, "N-2").unwrap();
    assert!(
        r.cut
            .bytes
            .starts_with(",\n    Measure(\n      id: \"N-2\"")
    );
    assert!(
        r.text.contains("      progress: 20\n    )\n  ],"),
        "{}",
        r.text
    );

    // Side by side: the measure with its separator.
    let text = read("grow/one_line_list.ron");
    let r = remove_measure(&text, "L1").unwrap();
    assert!(r.text.contains("measures: [( id: \"L2\""), "{}", r.text);
    let r = remove_measure(&text, "L2").unwrap();
    assert!(r.text.contains("status: Done )],"), "{}", r.text);

    assert_eq!(
        remove_measure(&text, "L9").unwrap_err().to_string(),
        "measure `L9` is not in the file"
    );
}

#[test]
fn a_measure_goes_back_after_its_predecessor_when_the_text_around_it_changed() {
    let text = read("styles.ron");
    // An edit before it moves its place: the unchanged text around it still finds it.
    let r = remove_measure(&text, "M-3").unwrap();
    let edited = edit::set_field(&r.text, "M-1", "notes", Some("\"加长了文本\"")).unwrap();
    let back = restore_measure(&edited, &r.cut).unwrap();
    assert_eq!(
        back,
        edit::set_field(&text, "M-1", "notes", Some("\"加长了文本\"")).unwrap()
    );

    // Its neighbour's line edited: after the measure before it.
    let edited = edit::set_field(&r.text, "M-2", "progress", Some("5")).unwrap();
    let back = restore_measure(&edited, &r.cut).unwrap();
    assert_eq!(ids(&program(&back)), ["M-1", "M-2", "M-3", "M-4"]);
    assert_eq!(
        back,
        edit::set_field(&text, "M-2", "progress", Some("5")).unwrap()
    );

    // Its predecessor gone too: at the end of the list.
    let gone = remove_measure(&r.text, "M-2").unwrap().text;
    let back = restore_measure(&gone, &r.cut).unwrap();
    assert_eq!(ids(&program(&back)), ["M-1", "M-4", "M-3"]);

    // It was first: at the list's start, whole, with its comment.
    let r = remove_measure(&text, "M-1").unwrap();
    let edited = r
        .text
        .replace("    measures: [\n", "    measures: [ // 列表\n");
    let back = restore_measure(&edited, &r.cut).unwrap();
    assert_eq!(
        back,
        text.replace("    measures: [\n", "    measures: [ // 列表\n")
    );

    // Restored twice would make two measures of one id.
    assert_eq!(
        restore_measure(&text, &r.cut).unwrap_err().to_string(),
        "measure `M-1` is already in the file"
    );
}

fn ms(title: &str, due: &str, done: Option<&str>) -> Milestone {
    Milestone {
        title: title.into(),
        due: d(due),
        done: done.map(d),
    }
}

#[test]
fn a_milestone_goes_in_in_date_order_in_every_style() {
    for (style, text) in styles() {
        let old = program(&text);
        for due in ["2023-01-01", "2023-04-30", "2023-09-30", "2023-12-31"] {
            let new = ms("新节点", due, Some("2023-05-02"));
            let ins = insert_milestone(&text, &new).unwrap();
            only_range_changed(&text, &ins);
            let mut want = old.clone();
            let at = want
                .milestones
                .iter()
                .rposition(|m| m.due <= new.due)
                .map_or(0, |i| i + 1);
            want.milestones.insert(at, new);
            assert_eq!(program(&ins.text), want, "{style} {due}\n{}", ins.text);
        }
    }
}

#[test]
fn a_milestone_is_written_one_per_line_like_the_shipped_ones() {
    let text = std::fs::read_to_string("boards/02-railway.ron").unwrap();
    let ins = insert_milestone(&text, &ms("暑运中期检查", "2023-07-15", None)).unwrap();
    assert_eq!(
        added(&text, &ins),
        "        Milestone(title: \"暑运中期检查\", due: \"2023-07-15\"),\n"
    );
    assert!(
        ins.text
            .contains("done: \"2023-06-29\"),\n        Milestone(title: \"暑运中期检查\"")
    );
    // Earlier than all: first.
    let ins = insert_milestone(&text, &ms("筹备", "2023-04-01", None)).unwrap();
    assert!(ins.text.contains("milestones: [\n        Milestone(title: \"筹备\", due: \"2023-04-01\"),\n        Milestone(title: \"“三项治理”部署启动\""));
    // One line without a trailing comma: side by side.
    let text = read("styles.ron");
    let ins = insert_milestone(&text, &ms("收官", "2023-12-20", None)).unwrap();
    assert!(ins.text.contains("milestones: [Milestone(title: \"节点\", due: \"2023-09-30\"), Milestone(title: \"收官\", due: \"2023-12-20\")],"));
    // In an empty list holding a comment: after the comment, on its own line.
    let text = read("grow/empty_lists.ron");
    let ins = insert_milestone(&text, &ms("启动", "2023-05-01", None)).unwrap();
    assert!(ins.text.contains("        // 节点待定 to be decided\n        Milestone(title: \"启动\", due: \"2023-05-01\"),\n    ],"));
}

#[test]
fn a_milestones_done_and_due_are_set_and_cleared_in_place() {
    for (style, text) in styles()
        .into_iter()
        .filter(|(s, _)| *s != "absent" && *s != "empty")
    {
        let old = program(&text);
        for (i, m) in old.milestones.iter().enumerate() {
            let k = i + 1;
            let done = set_milestone_field(&text, k, "done", Some("\"2023-09-30\"")).unwrap();
            let mut want = old.clone();
            want.milestones[i].done = Some(d("2023-09-30"));
            assert_eq!(program(&done), want, "{style} {k}\n{done}");
            let cleared = set_milestone_field(&done, k, "done", None).unwrap();
            want.milestones[i].done = None;
            assert_eq!(program(&cleared), want, "{style} {k}");
            if m.done.is_none() {
                assert_eq!(cleared, text, "{style}: done set then cleared");
            }
            let due = set_milestone_field(&text, k, "due", Some("\"2023-10-08\"")).unwrap();
            let mut want = old.clone();
            want.milestones[i].due = d("2023-10-08");
            assert_eq!(program(&due), want);
            assert_eq!(due.len(), text.len(), "only the date's digits change");
        }
    }
    let text = read("styles.ron");
    assert_eq!(
        set_milestone_field(&text, 2, "done", None)
            .unwrap_err()
            .to_string(),
        "milestone 2 is not in the file"
    );
    assert!(set_milestone_field(&text, 0, "done", None).is_err());
    // The milestone's done date goes in on its line, after `due`.
    let done = set_milestone_field(&text, 1, "done", Some("\"2023-09-28\"")).unwrap();
    assert!(
        done.contains("[Milestone(title: \"节点\", due: \"2023-09-30\", done: \"2023-09-28\")]")
    );
}

#[test]
fn a_new_board_loads_and_grows() {
    let text = new_board_text(&NewBoard {
        id: "night-patrol",
        title: "夜间巡逻\"专项\"整治",
        lead: "治安管理局",
        start: d("2024-01-01"),
        due: d("2024-06-30"),
        goal: "",
        inferred: false,
    });
    let p = program(&text);
    assert_eq!(
        (
            p.id.as_str(),
            p.title.as_str(),
            p.lead.as_str(),
            p.start,
            p.due
        ),
        (
            "night-patrol",
            "夜间巡逻\"专项\"整治",
            "治安管理局",
            d("2024-01-01"),
            d("2024-06-30")
        )
    );
    assert!(p.measures.is_empty() && p.milestones.is_empty());
    // Every field is explained in both languages: the board's own in the comment line above
    // it, a measure's and a milestone's in the commented example.
    let lines: Vec<&str> = text.lines().collect();
    let both = |l: &str| {
        l.contains("//")
            && l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            && l.chars().any(|c| c.is_ascii_uppercase())
    };
    for field in PROGRAM_ORDER {
        let at = lines
            .iter()
            .position(|l| l.starts_with(&format!("    {field}: ")))
            .unwrap_or_else(|| panic!("no {field}"));
        assert!(both(lines[at - 1]), "{field}: {}", lines[at - 1]);
    }
    for field in MEASURE_ORDER {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("    //       {field}: ")) && both(l)),
            "measure field {field} not explained"
        );
    }
    let example = lines
        .iter()
        .position(|l| l.contains("//   Milestone("))
        .unwrap();
    for field in MILESTONE_ORDER {
        assert!(lines[example].contains(&format!("{field}: ")));
        assert!(lines[example + 1].contains(&format!("{field} ")) && both(lines[example + 1]));
    }

    let m = new_measure("NP-01");
    let grown = insert_measure(&text, None, &m).unwrap().text;
    let grown = insert_milestone(&grown, &ms("部署", "2024-01-15", None))
        .unwrap()
        .text;
    let p = program(&grown);
    assert_eq!(p.measures, vec![m]);
    assert_eq!(p.milestones, vec![ms("部署", "2024-01-15", None)]);
    assert!(grown.contains("    measures: [\n        Measure(\n            id: \"NP-01\",\n"));
    assert!(grown.contains(
        "    milestones: [\n        Milestone(title: \"部署\", due: \"2024-01-15\"),\n    ],"
    ));
    for line in text.lines().filter(|l| l.trim_start().starts_with("//")) {
        assert!(grown.contains(line), "comment lost: {line}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::Index;
    use rectify::domain::next_id;

    fn status() -> impl Strategy<Value = Status> {
        prop_oneof![
            Just(Status::NotStarted),
            Just(Status::InProgress),
            "[等待批复a-z ,)(\"\\\\]{1,12}".prop_map(Status::Blocked),
            Just(Status::Done),
        ]
    }

    fn date() -> impl Strategy<Value = Date> {
        (1u32..=12, 1u32..=28).prop_map(|(m, d)| Date::from_ymd(2023, m, d).unwrap())
    }

    prop_compose! {
        fn measure()(
            title in "[整改措施A-Za-z0-9 ,)(\"\\\\“”]{1,20}",
            owner in "[刑事侦查局法制 ]{1,8}",
            due in date(),
            status in status(),
            progress in 0i64..=100,
            notes in "[备注,)\\\\ ]{0,10}",
        ) -> Measure {
            Measure {
                id: String::new(),
                title: title.trim().to_owned() + "x",
                owner: owner.trim().to_owned() + "局",
                due,
                revised: vec![],
                status,
                progress,
                notes: notes.trim_end().to_owned(),
                signed_off: None,
                signed_by: None,
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, cases: 64, ..ProptestConfig::default() })]

        /// On any shipped board, a measure inserted anywhere and removed again leaves the file
        /// as it was, byte for byte; in between, the board reads as the old one plus it.
        #[test]
        fn insert_anywhere_then_remove_gives_back_the_bytes(
            board in any::<Index>(),
            place in any::<Index>(),
            mut m in measure(),
        ) {
            let boards = shipped();
            let (name, text) = &boards[board.index(boards.len())];
            let old = program(text);
            m.id = next_id(&ids(&old), &old.id);
            // After each measure, or (`None`) at the end.
            let k = place.index(old.measures.len() + 1);
            let after = old.measures.get(k).map(|x| x.id.as_str());
            let at = if after.is_some() { k + 1 } else { k };
            let ins = insert_measure(text, after, &m).unwrap();
            only_range_changed(text, &ins);
            let mut want = old.clone();
            want.measures.insert(at, m.clone());
            prop_assert_eq!(program(&ins.text), want, "{}", name);
            prop_assert_eq!(&remove_measure(&ins.text, &m.id).unwrap().text, text);
        }

        /// A milestone goes in as one new piece: without it the text is the old one.
        #[test]
        fn a_milestone_inserted_anywhere_is_one_piece(
            board in any::<Index>(),
            title in "[节点总结A-Za-z ,)(\"\\\\]{1,12}",
            due in date(),
            done in proptest::option::of(date()),
        ) {
            let boards = shipped();
            let (_, text) = &boards[board.index(boards.len())];
            let new = Milestone { title: title.trim().to_owned() + "x", due, done };
            let ins = insert_milestone(text, &new).unwrap();
            let without = format!("{}{}", &ins.text[..ins.range.start], &ins.text[ins.range.end..]);
            prop_assert_eq!(&without, text);
            let p = program(&ins.text);
            let i = p.milestones.iter().position(|m| *m == new).unwrap();
            prop_assert!(p.milestones[..i].iter().all(|m| m.due <= due));
            prop_assert!(p.milestones[i + 1..].iter().all(|m| m.due > due));
        }
    }
}

mod hostile_layout {
    use super::*;
    use proptest::prelude::*;

    /// Comments and blank lines that can start any line of a board outside a string.
    const SNIPPETS: [&str; 6] = [
        "// 注释 ) , ]\n",
        "/* 块 ( ] , */",
        "\n",
        "\t/* 多行\n// 里面 */\n",
        "    // Measure(id: \"M-2\"),\n",
        "/* a /* 嵌套 */ ) */ ",
    ];

    /// Removing any measure leaves the others, restoring gives back the bytes, and a measure
    /// inserted after any other lands there.
    fn survives(text: &str) {
        let old = program(text);
        for (k, m) in old.measures.iter().enumerate() {
            let r = remove_measure(text, &m.id).unwrap();
            let mut want = old.clone();
            want.measures.remove(k);
            assert_eq!(program(&r.text), want, "{}", r.text);
            assert_eq!(restore_measure(&r.text, &r.cut).unwrap(), text);

            let ins = insert_measure(text, Some(&m.id), &new_measure("NEW")).unwrap();
            only_range_changed(text, &ins);
            let mut want = old.clone();
            want.measures.insert(k + 1, new_measure("NEW"));
            assert_eq!(program(&ins.text), want, "{}", ins.text);
        }
    }

    fn line_starts(text: &str) -> Vec<usize> {
        std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .filter(|&i| i < text.len())
            .collect()
    }

    /// A `//` line inside a block comment is no comment line of a measure's own.
    #[test]
    fn each_snippet_at_each_line() {
        let base = read("styles.ron");
        for at in line_starts(&base) {
            for snippet in SNIPPETS {
                let mut text = base.clone();
                text.insert_str(at, snippet);
                survives(&text);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, cases: 48, ..ProptestConfig::default() })]

        /// Several comments and blank lines at once, wherever a line starts.
        #[test]
        fn comments_anywhere_do_not_confuse_growing_or_shrinking(
            picks in proptest::collection::vec((any::<proptest::sample::Index>(), 0..SNIPPETS.len()), 1..8),
        ) {
            let base = read("styles.ron");
            let starts = line_starts(&base);
            let mut at: Vec<(usize, &str)> = picks
                .iter()
                .map(|(i, s)| (starts[i.index(starts.len())], SNIPPETS[*s]))
                .collect();
            at.sort();
            let mut text = base.clone();
            for (i, s) in at.iter().rev() {
                text.insert_str(*i, s);
            }
            survives(&text);
        }

        /// Whatever the text, nothing panics: an edit either works or says why.
        #[test]
        fn mangled_text_never_panics(
            cuts in proptest::collection::vec((any::<proptest::sample::Index>(), "[\\[\\](),\"/*\n#r ]{0,3}"), 1..6),
        ) {
            let mut text = read("styles.ron");
            for (i, with) in &cuts {
                let mut at = i.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, with);
            }
            let m = new_measure("NEW");
            for id in ["M-1", "M-2", "M-3", "M-4"] {
                let _ = insert_measure(&text, Some(id), &m);
                if let Ok(r) = remove_measure(&text, id) {
                    let _ = restore_measure(&r.text, &r.cut);
                    let _ = restore_measure(&text, &r.cut);
                }
            }
            let _ = insert_milestone(&text, &ms("x", "2023-05-05", None));
            let _ = set_milestone_field(&text, 1, "done", Some("\"2023-05-05\""));
        }
    }
}
