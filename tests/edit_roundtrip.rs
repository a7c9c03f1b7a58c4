//! In-place edits: the file changes only in the edited fields (or their inserted lines);
//! comments, blank lines, order, indentation, line endings and the byte order mark stay; the
//! result parses to exactly the old board plus the change.

use rectify::domain::edit::Edit;
use rectify::domain::{Measure, Status};
use rectify::storage::edit;

mod common;

use common::{date as d, program};

/// Lines removed from `a` and added in `b`, by longest common subsequence.
fn diff<'a>(a: &'a str, b: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    let (x, y): (Vec<&str>, Vec<&str>) = (
        a.split_inclusive('\n').collect(),
        b.split_inclusive('\n').collect(),
    );
    let mut lcs = vec![vec![0usize; y.len() + 1]; x.len() + 1];
    for i in (0..x.len()).rev() {
        for j in (0..y.len()).rev() {
            lcs[i][j] = if x[i] == y[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut removed, mut added) = (0, 0, vec![], vec![]);
    while i < x.len() && j < y.len() {
        if x[i] == y[j] {
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            removed.push(x[i]);
            i += 1;
        } else {
            added.push(y[j]);
            j += 1;
        }
    }
    removed.extend(&x[i..]);
    added.extend(&y[j..]);
    (removed, added)
}

/// Applies `e` to `text`, checks the result parses to the expected board, returns it.
fn edited(text: &str, e: &Edit) -> String {
    let new = edit::apply(text, e).unwrap();
    let mut want = program(text);
    let m = want
        .measures
        .iter_mut()
        .find(|m| m.id == e.measure)
        .unwrap();
    e.apply_to(m);
    assert_eq!(program(&new), want, "{new}");
    new
}

fn styles() -> String {
    std::fs::read_to_string("tests/fixtures/styles.ron").unwrap()
}

fn measure(text: &str, id: &str) -> Measure {
    program(text).measure(id).unwrap().clone()
}

const TODAY: &str = "2023-07-15";

#[test]
fn a_status_change_moves_only_the_status_bytes() {
    let text = styles();
    let e = Edit::status(&measure(&text, "M-1"), Status::Done, d(TODAY), "张三");
    let new = edited(&text, &e);
    assert_eq!(
        diff(&text, &new),
        (
            vec!["            status: InProgress, // 状态注释\n"],
            vec!["            status: Done, // 状态注释\n"]
        )
    );
}

#[test]
fn a_missing_field_is_inserted_after_its_neighbour_in_the_measures_style() {
    let text = styles();
    // Multi-line: its own line, same indentation, after `progress`.
    let e = Edit::note(&measure(&text, "M-1"), "新增备注，含\"引号\"");
    let new = edited(&text, &e);
    assert_eq!(
        diff(&text, &new),
        (
            vec![],
            vec!["            notes: \"新增备注，含\\\"引号\\\"\",\n"]
        )
    );
    assert!(new.contains("            progress: 40,\n            notes: "));

    // One line without a trailing comma: `, field: value` before the `)`.
    let e = Edit::progress(&measure(&text, "M-2"), 30);
    let new = edited(&text, &e);
    assert!(new.contains("status: NotStarted, progress: 30),"), "{new}");
    assert_eq!(diff(&text, &new).0.len(), 1);

    // One line with a trailing comma.
    let e = Edit::note(&measure(&text, "M-3"), "备注");
    let new = edited(&text, &e);
    assert!(new.contains("progress: 100, notes: \"备注\",),"), "{new}");

    // Tabs and an unnamed struct: the new line takes the tab indentation.
    let e = Edit::progress(&measure(&text, "M-4"), 10);
    let new = edited(&text, &e);
    assert_eq!(diff(&text, &new), (vec![], vec!["\tprogress: 10,\n"]));

    // After a last field with no comma: the comma is added to it.
    let e = Edit::sign_off(&measure(&text, "M-4"), d(TODAY), "甲");
    let new = edited(&text, &e);
    let (removed, added) = diff(&text, &new);
    assert!(
        removed.contains(&"\tnotes: r#\"原始字符串 ) , \" 内容\"#\n"),
        "{removed:?}"
    );
    assert!(
        added.contains(&"\tnotes: r#\"原始字符串 ) , \" 内容\"#,\n"),
        "{added:?}"
    );
    assert!(added.contains(&"\tsigned_by: \"甲\",\n"), "{added:?}");
}

#[test]
fn sign_off_and_its_undo_restore_the_file() {
    let text = styles();
    for id in ["M-1", "M-2", "M-3", "M-4"] {
        let e = Edit::sign_off(&measure(&text, id), d(TODAY), "李四");
        let new = edited(&text, &e);
        let m = measure(&new, id);
        assert_eq!(m.status, Status::SignedOff);
        assert_eq!(m.signed_off, Some(d(TODAY)));
        assert_eq!(m.signed_by.as_deref(), Some("李四"));
        let back = edited(&new, &e.inverse());
        if id == "M-4" {
            // The comma the sign-off had to add after the last field stays: valid RON, and
            // the style the other measures already use.
            assert_eq!(
                diff(&text, &back),
                (
                    vec!["\tnotes: r#\"原始字符串 ) , \" 内容\"#\n"],
                    vec!["\tnotes: r#\"原始字符串 ) , \" 内容\"#,\n"]
                )
            );
        } else {
            assert_eq!(back, text, "{id}: undo");
        }
    }
}

#[test]
fn a_revised_deadline_keeps_the_original_and_appends() {
    let text = styles();
    let e = Edit::revise(&measure(&text, "M-1"), d("2023-08-31"));
    let once = edited(&text, &e);
    assert!(
        once.contains("            due: \"2023-06-30\",\n            revised: [\"2023-08-31\"],\n"),
        "{once}"
    );
    let e = Edit::revise(&measure(&once, "M-1"), d("2023-09-30"));
    let twice = edited(&once, &e);
    let (removed, added) = diff(&once, &twice);
    assert_eq!(removed, vec!["            revised: [\"2023-08-31\"],\n"]);
    assert_eq!(
        added,
        vec!["            revised: [\"2023-08-31\", \"2023-09-30\"],\n"]
    );
    assert_eq!(measure(&twice, "M-1").slips(), 2);
}

#[test]
fn blocked_with_a_reason_and_back() {
    let text = styles();
    let e = Edit::status(&measure(&text, "M-4"), Status::InProgress, d(TODAY), "x");
    let new = edited(&text, &e);
    assert!(new.contains("\tstatus: InProgress,\n"));
    let reason = "等待\"省厅\"批复（含逗号, 和括号)）";
    let e = Edit::status(
        &measure(&new, "M-4"),
        Status::Blocked(reason.into()),
        d(TODAY),
        "x",
    );
    let again = edited(&new, &e);
    assert_eq!(
        measure(&again, "M-4").status,
        Status::Blocked(reason.into())
    );
}

#[test]
fn removing_the_notes_removes_their_line_only() {
    let text = styles();
    let e = Edit::note(&measure(&text, "M-4"), "");
    let new = edited(&text, &e);
    let (removed, added) = diff(&text, &new);
    assert_eq!(removed, vec!["\tnotes: r#\"原始字符串 ) , \" 内容\"#\n"]);
    assert!(added.is_empty());
}

#[test]
fn every_edit_on_every_shipped_measure_touches_at_most_its_lines() {
    for entry in std::fs::read_dir("boards").unwrap() {
        let path = entry.unwrap().path();
        // The folder's own files (settings, problem list) are not boards.
        if !rectify::storage::is_board_path(&path) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let comments: Vec<&str> = text
            .lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .collect();
        for m in &program(&text).measures {
            let edits = [
                Edit::status(m, Status::Blocked("等待".into()), d(TODAY), "甲"),
                Edit::progress(m, (m.progress + 37) % 101),
                Edit::note(m, "改过的备注"),
                Edit::sign_off(m, d(TODAY), "乙"),
                Edit::revise(m, d("2023-12-30")),
            ];
            for e in edits.iter().filter(|e| !e.is_empty()) {
                let new = edited(&text, e);
                let (removed, added) = diff(&text, &new);
                assert!(
                    removed.len() <= e.changes.len() && added.len() <= e.changes.len(),
                    "{}: {}: {removed:?} {added:?}",
                    path.display(),
                    m.id
                );
                for c in &comments {
                    assert!(new.contains(c), "comment lost: {c}");
                }
                // Undo restores the content; a default written out (`progress: 0` where the
                // file had none) may stay as a line.
                let undone = edited(&new, &e.inverse());
                assert_eq!(program(&undone), program(&text), "{}: undo", m.id);
                assert!(diff(&text, &undone).1.len() <= 1, "{}: undo", m.id);
            }
        }
    }
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_kept() {
    let text = format!("\u{feff}{}", styles().replace('\n', "\r\n"));
    let e = Edit::sign_off(&measure(&text, "M-1"), d(TODAY), "丙");
    let new = edited(&text, &e);
    assert!(new.starts_with('\u{feff}'));
    assert_eq!(
        new.matches('\n').count(),
        new.matches("\r\n").count(),
        "no bare LF"
    );
    assert_eq!(
        new.matches("\r\n").count(),
        text.matches("\r\n").count() + 2
    );
}

#[test]
fn an_unknown_measure_is_refused() {
    let e = Edit {
        measure: "NOPE".into(),
        changes: Edit::progress(&measure(&styles(), "M-1"), 5).changes,
        reason: None,
    };
    assert_eq!(
        edit::apply(&styles(), &e).unwrap_err().to_string(),
        "measure `NOPE` is not in the file"
    );
}

/// A board whose `revised` lists carry the reasons for each slip as comments, in the styles
/// people write: one date to a line, and all on one line.
const COMMENTED_REVISIONS: &str = r#"Program(
    id: "fz",
    title: "回归",
    lead: "刑事侦查局",
    start: "2023-04-01",
    due: "2023-12-31",
    measures: [
        Measure(
            id: "R-1",
            title: "延期两次",
            owner: "刑事侦查局",
            due: "2023-06-30",
            revised: [
                "2023-07-31", // 经部领导同意延期
                // 第二次延期：汛期影响
                "2023-08-31"
            ],
            status: InProgress,
        ),
        Measure(
            id: "R-2",
            title: "一行",
            owner: "刑事侦查局",
            due: "2023-06-30",
            revised: ["2023-07-31", /* 二次 */ "2023-08-31" /* 原因待补 */],
            status: InProgress,
        ),
    ],
)
"#;

/// The edit that takes the last `n` dates off a measure's revisions: what undoing its last
/// `n` revisions asks for.
fn undo_revisions(text: &str, id: &str, n: usize) -> Edit {
    let mut before = measure(text, id);
    let dates = before.revised.split_off(before.revised.len() - n);
    let mut revise = Edit::revise(&before, dates[0]);
    revise.changes[0].new = rectify::domain::edit::Value::Dates(measure(text, id).revised);
    revise.inverse()
}

fn comments(text: &str) -> Vec<&str> {
    text.match_indices("//")
        .map(|(i, _)| text[i..].lines().next().unwrap())
        .chain(text.match_indices("/*").map(|(i, _)| {
            let end = text[i..].find("*/").unwrap() + 2;
            &text[i..i + end]
        }))
        .collect()
}

#[test]
fn undoing_a_revision_takes_only_the_last_date_and_its_separator() {
    let text = COMMENTED_REVISIONS;
    let new = edited(text, &undo_revisions(text, "R-1", 1));
    let (removed, added) = diff(text, &new);
    assert_eq!(removed, vec!["                \"2023-08-31\"\n"]);
    assert!(added.is_empty(), "{added:?}");
    assert_eq!(comments(&new), comments(text));

    let new = edited(text, &undo_revisions(text, "R-2", 1));
    let (removed, added) = diff(text, &new);
    assert_eq!(
        removed,
        vec!["            revised: [\"2023-07-31\", /* 二次 */ \"2023-08-31\" /* 原因待补 */],\n"]
    );
    assert_eq!(
        added,
        vec!["            revised: [\"2023-07-31\" /* 二次 */ /* 原因待补 */],\n"]
    );
    assert_eq!(measure(&new, "R-2").revised, vec![d("2023-07-31")]);
}

#[test]
fn undoing_every_revision_keeps_the_commented_list() {
    let text = COMMENTED_REVISIONS;
    for id in ["R-1", "R-2"] {
        let new = edited(text, &undo_revisions(text, id, 2));
        assert!(measure(&new, id).revised.is_empty(), "{new}");
        assert_eq!(comments(&new), comments(text), "{id}:\n{new}");
        // Only the other measure's first revision is left.
        assert_eq!(new.matches("\"2023-07-31\"").count(), 1, "{new}");
        assert!(
            !new.lines().any(|l| l.starts_with(" //")),
            "indentation lost:\n{new}"
        );
    }
}

#[test]
fn a_revision_and_its_undo_give_back_the_commented_list_as_it_was() {
    let text = COMMENTED_REVISIONS;
    for id in ["R-1", "R-2"] {
        let revise = Edit::revise(&measure(text, id), d("2023-09-30"));
        let revised = edited(text, &revise);
        assert_eq!(comments(&revised), comments(text));
        let undone = edited(&revised, &revise.inverse());
        assert_eq!(program(&undone), program(text));
        assert_eq!(comments(&undone), comments(text));
        // The one-line list comes back byte for byte; the other keeps the comma its last
        // date was given when the new one went in after it.
        let (removed, added) = diff(text, &undone);
        assert!(removed.len() <= 1 && added.len() <= 1, "{id}:\n{undone}");
        if id == "R-2" {
            assert_eq!(undone, text);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Layout by layout: a revision joins the `revised` list in the list's own style (one date a line
// or all on one, trailing comma or not, comments kept), and a removed field takes its separator
// with it and nothing else.

/// A board around `measures`, written one field a line as the shipped boards are.
fn board(measures: &str) -> String {
    format!(
        "Program(\n    id: \"p\",\n    title: \"专项\",\n    lead: \"法制局\",\n    start: \"2023-04-01\",\n    due: \"2023-12-31\",\n    measures: [\n{measures}    ],\n)\n"
    )
}

fn revised(text: &str, id: &str, date: &str) -> String {
    edited(text, &Edit::revise(&measure(text, id), d(date)))
}

const MULTI_LINE_HEAD: &str = "        Measure(\n            id: \"R-1\",\n            title: \"延期\",\n            owner: \"局\",\n            due: \"2023-06-30\",\n";
const MULTI_LINE_TAIL: &str = "            status: InProgress,\n        ),\n";

fn multi_line(revised: &str) -> String {
    board(&format!("{MULTI_LINE_HEAD}{revised}{MULTI_LINE_TAIL}"))
}

fn one_line(revised: &str) -> String {
    board(&format!(
        "        Measure(id: \"R-2\", title: \"一行\", owner: \"局\", due: \"2023-06-30\", revised: {revised}, status: InProgress),\n"
    ))
}

#[test]
fn a_revision_joins_a_list_of_one_date_a_line_on_its_own_line() {
    let text = multi_line(
        "            revised: [\n                \"2023-07-31\", // 经部领导同意延期\n            ],\n",
    );
    assert_eq!(
        revised(&text, "R-1", "2023-08-31"),
        multi_line(
            "            revised: [\n                \"2023-07-31\", // 经部领导同意延期\n                \"2023-08-31\",\n            ],\n"
        )
    );
}

#[test]
fn a_revision_after_a_last_date_without_comma_gives_it_one() {
    let text = multi_line(
        "            revised: [\n                \"2023-07-31\", // 第一次\n                // 第二次延期：汛期影响\n                \"2023-08-31\"\n            ],\n",
    );
    assert_eq!(
        revised(&text, "R-1", "2023-09-30"),
        multi_line(
            "            revised: [\n                \"2023-07-31\", // 第一次\n                // 第二次延期：汛期影响\n                \"2023-08-31\",\n                \"2023-09-30\",\n            ],\n"
        )
    );
}

#[test]
fn a_revision_keeps_the_windows_line_endings_of_its_list() {
    let text =
        multi_line("            revised: [\n                \"2023-07-31\",\n            ],\n")
            .replace('\n', "\r\n");
    let new = revised(&text, "R-1", "2023-08-31");
    assert!(
        new.contains("\"2023-07-31\",\r\n                \"2023-08-31\",\r\n            ],\r\n"),
        "{new:?}"
    );
}

#[test]
fn a_revision_joins_a_one_line_list_in_its_style() {
    assert_eq!(
        revised(&one_line("[\"2023-07-31\"]"), "R-2", "2023-08-31"),
        one_line("[\"2023-07-31\", \"2023-08-31\"]")
    );
    assert_eq!(
        revised(&one_line("[\"2023-07-31\",]"), "R-2", "2023-08-31"),
        one_line("[\"2023-07-31\", \"2023-08-31\",]")
    );
    // A comment after the last date stays after it; the new date goes before the comment.
    assert_eq!(
        revised(
            &one_line("[\"2023-07-31\" /* 原因待补 */]"),
            "R-2",
            "2023-08-31"
        ),
        one_line("[\"2023-07-31\", \"2023-08-31\" /* 原因待补 */]")
    );
}

#[test]
fn a_revision_into_an_empty_list_keeps_the_comment_it_holds() {
    let text = multi_line(
        "            revised: [\n                // \"2023-08-31\", 延期申请已撤回\n            ],\n",
    );
    assert_eq!(
        revised(&text, "R-1", "2023-09-30"),
        multi_line(
            "            revised: [\n                // \"2023-08-31\", 延期申请已撤回\n                \"2023-09-30\",\n            ],\n"
        )
    );
    assert_eq!(
        revised(&one_line("[ /* 待定 */ ]"), "R-2", "2023-09-30"),
        one_line("[ /* 待定 */ \"2023-09-30\"]")
    );
}

#[test]
fn undoing_a_revision_restores_the_list_it_grew() {
    let text = multi_line("            revised: [\"2023-07-31\"],\n");
    let e = Edit::revise(&measure(&text, "R-1"), d("2023-08-31"));
    let new = edited(&text, &e);
    assert_eq!(edited(&new, &e.inverse()), text);
}

/// A one-line measure signed off, with `notes` placed as given.
fn signed_off_one_line(fields: &str) -> String {
    board(&format!(
        "        Measure(id: \"S-1\", title: \"一行\", owner: \"局\", due: \"2023-06-30\", {fields}),\n"
    ))
}

fn reopened(text: &str) -> String {
    let m = measure(text, "S-1");
    edited(text, &Edit::status(&m, Status::InProgress, d(TODAY), "甲"))
}

#[test]
fn a_field_removed_from_a_one_line_struct_takes_its_separator_and_nothing_else() {
    let cases = [
        // In the middle: the space after it goes with it.
        (
            "status: SignedOff, signed_off: \"2023-07-05\", signed_by: \"乙\", progress: 100",
            "status: InProgress, progress: 100",
        ),
        // Written tight, or with two spaces: only what follows its comma goes.
        (
            "status: SignedOff,signed_off: \"2023-07-05\",signed_by: \"乙\",progress: 100",
            "status: InProgress,progress: 100",
        ),
        (
            "status: SignedOff,  signed_off: \"2023-07-05\",  signed_by: \"乙\",  progress: 100",
            "status: InProgress,  progress: 100",
        ),
        // Last, with a trailing comma before `)`: the space before it goes.
        (
            "status: SignedOff, progress: 100, signed_off: \"2023-07-05\", signed_by: \"乙\",",
            "status: InProgress, progress: 100,",
        ),
        // Last before a spaced `)`: the spaces before it go, the space before `)` stays.
        (
            "status: SignedOff,  progress: 100,  signed_off: \"2023-07-05\",  signed_by: \"乙\", ",
            "status: InProgress,  progress: 100, ",
        ),
        // Last, without a comma: the comma before it goes.
        (
            "status: SignedOff, progress: 100, signed_off: \"2023-07-05\", signed_by: \"乙\"",
            "status: InProgress, progress: 100",
        ),
    ];
    for (before, after) in cases {
        assert_eq!(
            reopened(&signed_off_one_line(before)),
            signed_off_one_line(after),
            "{before}"
        );
    }
}

#[test]
fn a_last_field_removed_below_a_comment_line_leaves_the_comments_and_takes_the_comma_before() {
    let text = multi_line("");
    let text = text.replace(
        MULTI_LINE_TAIL,
        "            status: SignedOff,\n            signed_off: \"2023-07-05\",\n            // 销号人：部主题教育办\n            signed_by: \"部主题教育办\" /* 签字 */\n        ),\n",
    );
    let text = text.replace("\"R-1\"", "\"S-1\"");
    let new = reopened(&text);
    assert!(
        new.contains(
            "            status: InProgress\n            // 销号人：部主题教育办\n             /* 签字 */\n        ),\n"
        ),
        "{new}"
    );
}

#[test]
fn undoing_the_only_revision_of_a_list_without_comments_removes_the_list() {
    // Revised and undone: the file is as it was, with no empty `revised: []` left behind.
    let multi = multi_line("");
    let tight = one_line_without_revisions();
    for text in [&multi, &tight] {
        let id = program(text).measures[0].id.clone();
        let e = Edit::revise(&measure(text, &id), d("2023-08-31"));
        let new = edited(text, &e);
        assert_eq!(&edited(&new, &e.inverse()), text);
    }
    // Blanks and commas are not comments: a list of one date a line goes whole as well.
    let text =
        multi_line("            revised: [\n                \"2023-07-31\",\n            ],\n");
    let new = edited(&text, &undo_revisions(&text, "R-1", 1));
    assert_eq!(new, multi_line(""));
    // Written tight, `revised:[…]` goes whole too: the colon before it is no comment.
    let text = one_line("[\"2023-07-31\"]").replace("revised: [", "revised:[");
    let new = edited(&text, &undo_revisions(&text, "R-2", 1));
    assert_eq!(new, one_line_without_revisions());
}

fn one_line_without_revisions() -> String {
    board(
        "        Measure(id: \"R-2\", title: \"一行\", owner: \"局\", due: \"2023-06-30\", status: InProgress),\n",
    )
}

#[test]
fn undoing_a_revision_whose_date_has_its_own_comma_keeps_the_comment_before_it() {
    let text = one_line("[\"2023-07-31\", /* 二次 */ \"2023-08-31\",]");
    let new = edited(&text, &undo_revisions(&text, "R-2", 1));
    assert_eq!(new, one_line("[\"2023-07-31\", /* 二次 */]"));
}
