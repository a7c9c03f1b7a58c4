//! A new board file: the program's own fields filled in, every field explained in a comment
//! in Chinese and English, and empty measure and milestone lists ready to grow.

use crate::domain::Date;
use crate::domain::edit::ron_string;

/// The fields of a new program (专项整治方案).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBoard<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub lead: &'a str,
    pub start: Date,
    pub due: Date,
    pub goal: &'a str,
    /// Lead, start and due were inferred from an imported ledger, not given: the file says so
    /// beside them, for whoever checks it.
    pub inferred: bool,
}

/// The text of a new board file for `b`, in the shipped boards' style.
pub fn new_board_text(b: &NewBoard) -> String {
    let fields = [
        (
            "方案编号，各文件间唯一；链接和历史记录用它。Program id, unique across files; links and history use it.",
            "id",
            ron_string(b.id),
        ),
        ("方案名称 Program title", "title", ron_string(b.title)),
        ("牵头单位 Lead unit", "lead", ron_string(b.lead)),
        (
            "开始日期，格式 YYYY-MM-DD。Start date, as YYYY-MM-DD.",
            "start",
            format!("\"{}\"", b.start),
        ),
        (
            "完成期限，格式同上。Due date, as above.",
            "due",
            format!("\"{}\"", b.due),
        ),
        (
            "工作目标：一句话写明要达到什么。Goal: one line on what the program must achieve.",
            "goal",
            ron_string(b.goal),
        ),
    ];
    let mut s = String::from(
        "// 专项整治方案看板：一个文件一个方案，保存后看板自动刷新。\n\
         // A rectification program board: one file per program; the board reloads when it is saved.\n\
         Program(\n",
    );
    for (comment, name, value) in fields {
        if b.inferred && name == "lead" {
            s.push_str(INFERRED);
        }
        s.push_str(&format!("    // {comment}\n"));
        s.push_str(&format!("    {name}: {value},\n"));
    }
    s.push_str(MEASURES_AND_MILESTONES);
    s
}

const INFERRED: &str = "    // 以下牵头单位、开始日期、完成期限由 rectify import 从台账推断（最常见的责任单位、最早与最晚的日期），请核对。\n    // Lead, start and due below were inferred by rectify import from the ledger (the most frequent owner unit, the earliest and latest dates): check them.\n";

const MEASURES_AND_MILESTONES: &str = r#"    // 整改措施的写法。How a measure is written:
    //   Measure(
    //       id: "XX-01",          // 编号，本文件内唯一 Id, unique in this file
    //       title: "……",          // 措施内容 What is to be done
    //       owner: "……",          // 责任单位 Owner unit
    //       due: "2023-06-30",    // 完成时限 Deadline
    //       revised: ["2023-07-31"], // 调整后的时限，可省略 Revised deadlines, optional
    //       status: NotStarted,   // 状态 Status: NotStarted 未开始, InProgress 推进中,
    //                             //   Blocked("原因 reason") 受阻, Done 已完成, SignedOff 已销号
    //       progress: 0,          // 进度百分比 0–100，可省略 Progress in percent, optional
    //       notes: "……",          // 备注，可省略 Notes, optional
    //       signed_off: "2023-07-05", // 销号日期 Day signed off (with SignedOff)
    //       signed_by: "……",      // 销号审核人 Who signed it off (with SignedOff)
    //   ),
    // 整改措施，每条一项，照上面写。Measures, one entry each, written as above:
    measures: [
    ],
    // 时间节点的写法。How a milestone is written:
    //   Milestone(title: "……", due: "2023-06-30", done: "2023-06-28"),
    //   title 节点名称 Name; due 计划日期 Planned day; done 实际完成日期，可省略 Day reached, optional
    // 时间节点，按日期排列。Milestones, in date order:
    milestones: [
    ],
)
"#;
