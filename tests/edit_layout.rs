//! Where an edit's bytes go, layout by layout: a revision joins the `revised` list in the
//! list's own style (one date a line or all on one, trailing comma or not, comments kept), and
//! a removed field takes its separator with it and nothing else.

use std::path::Path;

use rectify::domain::edit::Edit;
use rectify::domain::{Date, Measure, Program, Status};
use rectify::storage::{edit, load_text};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// A board around `measures`, written one field a line as the shipped boards are.
fn board(measures: &str) -> String {
    format!(
        "Program(\n    id: \"p\",\n    title: \"专项\",\n    lead: \"法制局\",\n    start: \"2023-04-01\",\n    due: \"2023-12-31\",\n    measures: [\n{measures}    ],\n)\n"
    )
}

fn program(text: &str) -> Program {
    let load = load_text(Path::new("t.ron"), text);
    load.program
        .unwrap_or_else(|| panic!("{:?}\n{text}", load.diagnostics))
}

fn measure(text: &str, id: &str) -> Measure {
    program(text).measure(id).unwrap().clone()
}

/// `text` with `e` applied, checked to load as the old board plus the edit.
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
    edited(
        text,
        &Edit::status(&m, Status::InProgress, d("2023-07-15"), "甲"),
    )
}

#[test]
fn a_field_removed_from_a_one_line_struct_takes_its_comma_and_one_space() {
    // In the middle: the space after it goes with it.
    let text = signed_off_one_line(
        "status: SignedOff, signed_off: \"2023-07-05\", signed_by: \"乙\", progress: 100",
    );
    assert_eq!(
        reopened(&text),
        signed_off_one_line("status: InProgress, progress: 100")
    );
    // Last, with a trailing comma before `)`: the space before it goes.
    let text = signed_off_one_line(
        "status: SignedOff, progress: 100, signed_off: \"2023-07-05\", signed_by: \"乙\",",
    );
    assert_eq!(
        reopened(&text),
        signed_off_one_line("status: InProgress, progress: 100,")
    );
    // Written tight, or with two spaces: only what follows its comma goes.
    let text = signed_off_one_line(
        "status: SignedOff,signed_off: \"2023-07-05\",signed_by: \"乙\",progress: 100",
    );
    assert_eq!(
        reopened(&text),
        signed_off_one_line("status: InProgress,progress: 100")
    );
    let text = signed_off_one_line(
        "status: SignedOff,  signed_off: \"2023-07-05\",  signed_by: \"乙\",  progress: 100",
    );
    assert_eq!(
        reopened(&text),
        signed_off_one_line("status: InProgress,  progress: 100")
    );
    // Last, without a comma: the comma before it goes.
    let text = signed_off_one_line(
        "status: SignedOff, progress: 100, signed_off: \"2023-07-05\", signed_by: \"乙\"",
    );
    assert_eq!(
        reopened(&text),
        signed_off_one_line("status: InProgress, progress: 100")
    );
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
