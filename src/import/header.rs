//! Which column holds what: the header words offices write in their ledgers (台账), in Chinese
//! and English, and the header row itself, found below the title and notes a ledger starts
//! with. `--map HEADER=FIELD` settles what the words do not.

use std::collections::HashMap;

/// What a ledger column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    ProgramId,
    Program,
    Id,
    Measure,
    Owner,
    Due,
    Revised,
    Status,
    /// The file word (`InProgress`) as rectify's own ledger writes it beside the label.
    StatusCode,
    /// 是否销号: 是 signs the measure off.
    SignOffFlag,
    Reason,
    Progress,
    Notes,
    SignedOff,
    SignedBy,
    /// A column known and left out: rectify's own derived columns, or `--map X=ignore`.
    Ignore,
}

/// Each field with the words that name it: `--map` names (the first), the English keys of
/// rectify's own ledger, and what offices write. Compared after [`normalise`].
const WORDS: &[(Field, &[&str])] = &[
    (
        Field::ProgramId,
        &["program_id", "programid", "专项编号", "方案编号"],
    ),
    (
        Field::Program,
        &[
            "program",
            "专项整治方案",
            "专项名称",
            "专项",
            "方案",
            "方案名称",
            "专项整治",
            "专项整治名称",
            "programtitle",
        ],
    ),
    (
        Field::Id,
        &[
            "id",
            "measure_id",
            "measureid",
            "序号",
            "编号",
            "措施编号",
            "no.",
            "no",
        ],
    ),
    (
        Field::Measure,
        &[
            "measure",
            "title",
            "整改措施",
            "整改任务",
            "措施",
            "任务",
            "措施内容",
            "整改措施内容",
            "task",
        ],
    ),
    (
        Field::Owner,
        &[
            "owner",
            "ownerunit",
            "责任单位",
            "牵头单位",
            "责任部门",
            "牵头部门",
        ],
    ),
    (
        Field::Due,
        &[
            "due",
            "deadline",
            "完成时限",
            "时间节点",
            "完成时间",
            "截止时间",
            "原定期限",
            "期限",
        ],
    ),
    (Field::Revised, &["revised", "调整后期限"]),
    (Field::Status, &["status", "完成状态", "状态", "进展状态"]),
    (
        Field::StatusCode,
        &["status_code", "statuscode", "状态代码"],
    ),
    (Field::SignOffFlag, &["sign_off", "是否销号"]),
    (
        Field::Reason,
        &["reason", "blocked_reason", "blockedby", "受阻原因"],
    ),
    (Field::Progress, &["progress", "进度", "完成进度"]),
    (
        Field::Notes,
        &["notes", "note", "进展情况", "完成情况", "备注"],
    ),
    (Field::SignedOff, &["signed_off", "signedoffon", "销号日期"]),
    (Field::SignedBy, &["signed_by", "signedoffby", "销号人"]),
    (
        Field::Ignore,
        &[
            "ignore",
            "effective_due",
            "slips",
            "days_left",
            "overdue",
            "现行期限",
            "调整次数",
            "剩余天数",
            "是否逾期",
        ],
    ),
];

/// A header as compared: no blanks (a header cell is often broken over two lines), no marks a
/// clerk adds (`*必填`, `：`), lower case.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '：' | ':' | '\u{3000}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a `--map` names: its first word, or any word of the table.
pub fn field_named(name: &str) -> Option<Field> {
    let n = normalise(name);
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&n.as_str()))
        .map(|(f, _)| *f)
}

/// The `--map` names of every field, for the message that refuses an unknown one.
pub fn field_names() -> Vec<&'static str> {
    WORDS.iter().map(|(_, words)| words[0]).collect()
}

/// What a header cell names: a `--map` for it first; then a key in parentheses at its end
/// (rectify's own `状态 (status)`); then the words before it.
pub fn field_of(header: &str, map: &HashMap<String, Field>) -> Option<Field> {
    let whole = normalise(header);
    if let Some(f) = map.get(&whole) {
        return Some(*f);
    }
    let h = header.trim();
    let h = h.replace('（', "(").replace('）', ")");
    if let Some(open) = h.rfind('(')
        && h.ends_with(')')
    {
        let key = normalise(&h[open + 1..h.len() - 1]);
        let before = normalise(&h[..open]);
        return map
            .get(&before)
            .copied()
            .or_else(|| lookup(&key))
            .or_else(|| lookup(&before));
    }
    lookup(&whole)
}

fn lookup(word: &str) -> Option<Field> {
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(f, _)| *f)
}

/// The columns of a header row: each field at its first column (a second column naming the
/// same field is left out).
pub type Columns = HashMap<Field, usize>;

pub fn columns(row: &[String], map: &HashMap<String, Field>) -> Columns {
    let mut cols = Columns::new();
    for (i, h) in row.iter().enumerate() {
        if let Some(f) = field_of(h, map) {
            cols.entry(f).or_insert(i);
        }
    }
    cols
}

/// How far down a header row may sit: below a title and a few lines of notes, not further.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// The header row among the first rows: the first that names the two fields every measure
/// needs, what is to be done and by when. `None` when there is none: the sheet is not a ledger
/// (a summary counts measures but has no deadline; a milestone list has deadlines but no
/// measures).
pub fn find_header(rows: &[Vec<String>], map: &HashMap<String, Field>) -> Option<(usize, Columns)> {
    rows.iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| {
            let cols = columns(row, map);
            (cols.contains_key(&Field::Measure) && cols.contains_key(&Field::Due))
                .then_some((i, cols))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_map() -> HashMap<String, Field> {
        HashMap::new()
    }

    #[test]
    fn office_words_name_their_fields() {
        let m = no_map();
        for (word, field) in [
            ("专项整治方案", Field::Program),
            ("专项名称", Field::Program),
            ("专项", Field::Program),
            ("方案", Field::Program),
            ("序号", Field::Id),
            ("编号", Field::Id),
            ("整改措施", Field::Measure),
            ("整改任务", Field::Measure),
            ("措施", Field::Measure),
            ("任务", Field::Measure),
            ("责任单位", Field::Owner),
            ("牵头单位", Field::Owner),
            ("责任部门", Field::Owner),
            ("完成时限", Field::Due),
            ("时间节点", Field::Due),
            ("完成时间", Field::Due),
            ("截止时间", Field::Due),
            ("进展情况", Field::Notes),
            ("完成情况", Field::Notes),
            ("备注", Field::Notes),
            ("完成状态", Field::Status),
            ("状态", Field::Status),
            ("是否销号", Field::SignOffFlag),
            ("进度", Field::Progress),
            ("完成进度", Field::Progress),
            ("Owner Unit", Field::Owner),
            ("Deadline", Field::Due),
        ] {
            assert_eq!(field_of(word, &m), Some(field), "{word}");
        }
    }

    #[test]
    fn blanks_line_breaks_and_required_marks_do_not_hide_a_word() {
        let m = no_map();
        assert_eq!(field_of("责任\n单位", &m), Some(Field::Owner));
        assert_eq!(field_of(" *完成时限： ", &m), Some(Field::Due));
        assert_eq!(field_of("整改　措施", &m), Some(Field::Measure));
    }

    #[test]
    fn rectifys_own_headers_are_read_by_their_key_in_either_language() {
        let m = no_map();
        assert_eq!(
            field_of("专项编号 (program_id)", &m),
            Some(Field::ProgramId)
        );
        assert_eq!(field_of("Measure (title)", &m), Some(Field::Measure));
        assert_eq!(field_of("Progress % (progress)", &m), Some(Field::Progress));
        assert_eq!(
            field_of("现行期限 (effective_due)", &m),
            Some(Field::Ignore)
        );
        assert_eq!(
            field_of("状态代码（status_code）", &m),
            Some(Field::StatusCode)
        );
    }

    #[test]
    fn a_word_not_in_the_table_names_nothing_until_mapped() {
        assert_eq!(field_of("工作举措", &no_map()), None);
        assert_eq!(field_of("整改", &no_map()), None);
        let mut m = no_map();
        m.insert(normalise("工作举措"), Field::Measure);
        assert_eq!(field_of("工作举措", &m), Some(Field::Measure));
        // A map wins over the table.
        m.insert(normalise("备注"), Field::Ignore);
        assert_eq!(field_of("备注", &m), Some(Field::Ignore));
    }

    #[test]
    fn map_names_are_the_fields_first_words() {
        assert_eq!(field_named("measure"), Some(Field::Measure));
        assert_eq!(field_named("program_id"), Some(Field::ProgramId));
        assert_eq!(field_named("整改措施"), Some(Field::Measure));
        assert_eq!(field_named("nonsense"), None);
        assert!(field_names().contains(&"sign_off"));
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_header_row_is_found_below_a_title_and_notes() {
        let rows = vec![
            row(&["2023年整改措施台账", "", ""]),
            row(&["填报单位：某局", "", ""]),
            row(&["序号", "整改措施", "责任单位", "完成时限"]),
            row(&["1", "清理涉诈账户", "刑侦局", "2023-09-30"]),
        ];
        let (i, cols) = find_header(&rows, &no_map()).unwrap();
        assert_eq!(i, 2);
        assert_eq!(cols[&Field::Id], 0);
        assert_eq!(cols[&Field::Measure], 1);
        assert_eq!(cols[&Field::Owner], 2);
        assert_eq!(cols[&Field::Due], 3);
    }

    #[test]
    fn a_header_names_both_the_measure_and_its_deadline() {
        let rows = vec![row(&["整改措施"]), row(&["措施", "完成时限"])];
        assert_eq!(find_header(&rows, &no_map()).map(|(i, _)| i), Some(1));
        // rectify's own summary sheet counts measures and has no deadline.
        let rows = vec![row(&["专项整治方案", "措施", "责任单位", "状态"])];
        assert_eq!(find_header(&rows, &no_map()), None);
        // A milestone list has deadlines and no measures.
        let rows = vec![row(&["专项整治方案", "时间节点", "计划日期"])];
        assert_eq!(find_header(&rows, &no_map()), None);
        let mut m = no_map();
        m.insert(normalise("要求时间"), Field::Due);
        let rows = vec![row(&["措施", "要求时间"])];
        assert_eq!(find_header(&rows, &m).map(|(i, _)| i), Some(0));
    }

    #[test]
    fn the_header_must_sit_within_the_first_rows() {
        let mut rows = vec![row(&["说明"]); HEADER_SEARCH_ROWS];
        rows.push(row(&["措施", "完成时限"]));
        assert_eq!(find_header(&rows, &no_map()), None);
        rows.remove(0);
        assert_eq!(
            find_header(&rows, &no_map()).map(|(i, _)| i),
            Some(HEADER_SEARCH_ROWS - 1)
        );
    }

    #[test]
    fn the_first_column_naming_a_field_is_the_one_read() {
        let cols = columns(&row(&["备注", "进展情况"]), &no_map());
        assert_eq!(cols[&Field::Notes], 0);
    }
}
