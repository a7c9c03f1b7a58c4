//! Every word the interface shows, in Chinese and English. One struct, two instances: a label
//! missing from either language is a compile error, not a blank on screen.

use crate::domain::schedule::Health;
use crate::domain::{Date, StatusKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

pub struct Texts {
    pub app_title: &'static str,
    pub tab_overview: &'static str,
    pub tab_program: &'static str,
    pub tab_deadlines: &'static str,
    pub col_health: &'static str,
    pub col_program: &'static str,
    pub col_lead: &'static str,
    pub col_progress: &'static str,
    pub col_counts: &'static str,
    pub col_overdue: &'static str,
    pub col_next: &'static str,
    pub col_id: &'static str,
    pub col_measure: &'static str,
    pub col_owner: &'static str,
    pub col_due: &'static str,
    pub col_days: &'static str,
    pub col_status: &'static str,
    pub bucket_overdue: &'static str,
    pub bucket_week: &'static str,
    pub bucket_month: &'static str,
    pub detail_notes: &'static str,
    pub detail_due: &'static str,
    pub detail_revised: &'static str,
    pub detail_slips: &'static str,
    pub detail_signed_off: &'static str,
    pub detail_blocked: &'static str,
    pub detail_owner: &'static str,
    pub detail_progress: &'static str,
    pub actual: &'static str,
    pub expected: &'static str,
    pub attention: &'static str,
    pub milestone_missed: &'static str,
    pub milestones: &'static str,
    pub today: &'static str,
    pub goal: &'static str,
    pub lead: &'static str,
    pub span: &'static str,
    pub no_boards: &'static str,
    pub no_match: &'static str,
    pub no_deadlines: &'static str,
    pub file_broken: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub filter_prompt: &'static str,
    pub filter_status: &'static str,
    pub filter_clear: &'static str,
    pub sort_by: &'static str,
    pub sort_file: &'static str,
    pub sort_due: &'static str,
    pub sort_status: &'static str,
    pub sort_owner: &'static str,
    pub data_as_of: &'static str,
    pub change: fn(crate::app::ChangeKind) -> &'static str,
    pub polling: &'static str,
    pub hint_browse: &'static str,
    pub hint_filter: &'static str,
    pub more_errors: &'static str,
    pub too_small: fn(need: (u16, u16), have: (u16, u16)) -> String,
    pub totals: fn(&Totals) -> String,
    pub days_left: fn(i64) -> String,
    pub days_short: fn(i64) -> String,
    pub date: fn(Date) -> String,
    pub status: fn(StatusKind) -> &'static str,
    pub health: fn(Health) -> &'static str,
}

/// The figures a meeting asks for first.
pub struct Totals {
    pub programs: usize,
    pub measures: usize,
    pub finished_pct: Option<i64>,
    pub signed_off: usize,
    pub overdue: usize,
    pub due_soon: usize,
}

fn pct(p: Option<i64>) -> String {
    p.map_or_else(|| "—".to_owned(), |p| format!("{p}%"))
}

pub static ZH: Texts = Texts {
    app_title: "整改整治进度看板",
    tab_overview: "总览",
    tab_program: "专项",
    tab_deadlines: "临期台账",
    col_health: "状况",
    col_program: "专项整治方案",
    col_lead: "牵头单位",
    col_progress: "完成",
    col_counts: "未始/推进/受阻/完成/销号",
    col_overdue: "逾期",
    col_next: "下一节点",
    col_id: "编号",
    col_measure: "整改措施",
    col_owner: "责任单位",
    col_due: "期限",
    col_days: "剩余",
    col_status: "状态",
    bucket_overdue: "已逾期",
    bucket_week: "7天内到期",
    bucket_month: "30天内到期",
    detail_notes: "备注",
    detail_due: "原定期限",
    detail_revised: "调整后期限",
    detail_slips: "调整次数",
    detail_signed_off: "销号",
    detail_blocked: "受阻原因",
    detail_owner: "责任单位",
    detail_progress: "进度",
    actual: "实际进度",
    expected: "按时间应达",
    attention: "需要关注：受阻、逾期、7天内到期、未按期达成的时间节点",
    milestone_missed: "节点未达成",
    milestones: "时间节点",
    today: "今天",
    goal: "目标",
    lead: "牵头",
    span: "周期",
    no_boards: "文件夹中没有看板文件（*.ron）",
    no_match: "没有符合筛选条件的条目",
    no_deadlines: "30天内没有到期或逾期的措施",
    file_broken: "文件有错误，暂无可显示的数据",
    help_title: "按键说明",
    help_close: "按 ? 或 Esc 关闭",
    filter_prompt: "筛选",
    filter_status: "状态",
    filter_clear: "Esc 清除筛选",
    sort_by: "排序",
    sort_file: "原顺序",
    sort_due: "期限",
    sort_status: "状态",
    sort_owner: "责任单位",
    data_as_of: "数据截至",
    change: |k| {
        use crate::app::ChangeKind::*;
        match k {
            Updated => "已更新",
            Added => "新增",
            Removed => "已移除",
            Broken => "有错误",
            Fixed => "已修复",
        }
    },
    polling: "轮询",
    hint_browse: "↑↓ 选择 Enter 打开 Tab 切换 / 筛选 f 状态 ? 帮助 q 退出",
    hint_filter: "输入筛选文字  Enter 确定  Esc 清除",
    more_errors: "另有",
    too_small: |need, have| {
        format!(
            "窗口太小：至少需要 {}×{}，当前 {}×{}。请放大窗口。",
            need.0, need.1, have.0, have.1
        )
    },
    totals: |t| {
        format!(
            "{} 个专项 · {} 条措施 · 完成 {} · 已销号 {} · 逾期 {} · 7天内到期 {}",
            t.programs,
            t.measures,
            pct(t.finished_pct),
            t.signed_off,
            t.overdue,
            t.due_soon
        )
    },
    days_left: |d| match d {
        0 => "今天到期".into(),
        d if d > 0 => format!("剩{d}天"),
        d => format!("逾期{}天", -d),
    },
    days_short: |d| match d {
        0 => "今天".into(),
        d if d > 0 => format!("{d}天"),
        d => format!("逾{}天", -d),
    },
    date: |d| d.0.format("%Y年%-m月%-d日").to_string(),
    status: StatusKind::label_zh,
    health: Health::label_zh,
};

pub static EN: Texts = Texts {
    app_title: "Rectification progress board",
    tab_overview: "Overview",
    tab_program: "Program",
    tab_deadlines: "Deadlines",
    col_health: "Health",
    col_program: "Program",
    col_lead: "Lead unit",
    col_progress: "Done",
    col_counts: "new/prog/blkd/done/off",
    col_overdue: "Late",
    col_next: "Next deadline",
    col_id: "ID",
    col_measure: "Measure",
    col_owner: "Owner",
    col_due: "Due",
    col_days: "Left",
    col_status: "Status",
    bucket_overdue: "Overdue",
    bucket_week: "Due within 7 days",
    bucket_month: "Due within 30 days",
    detail_notes: "Notes",
    detail_due: "Original deadline",
    detail_revised: "Revised deadline",
    detail_slips: "Slips",
    detail_signed_off: "Signed off",
    detail_blocked: "Blocked by",
    detail_owner: "Owner",
    detail_progress: "Progress",
    actual: "actual",
    expected: "expected by now",
    attention: "Needs attention: blocked, overdue, due within 7 days, missed milestones",
    milestone_missed: "milestone missed",
    milestones: "Milestones",
    today: "today",
    goal: "Goal",
    lead: "Lead",
    span: "Span",
    no_boards: "No board files (*.ron) in the folder",
    no_match: "Nothing matches the filter",
    no_deadlines: "Nothing overdue or due within 30 days",
    file_broken: "The file has errors; no data to show yet",
    help_title: "Keys",
    help_close: "? or Esc closes",
    filter_prompt: "Filter",
    filter_status: "Status",
    filter_clear: "Esc clears the filter",
    sort_by: "Sort",
    sort_file: "file order",
    sort_due: "due date",
    sort_status: "status",
    sort_owner: "owner",
    data_as_of: "data as of",
    change: |k| {
        use crate::app::ChangeKind::*;
        match k {
            Updated => "updated",
            Added => "added",
            Removed => "removed",
            Broken => "broken",
            Fixed => "fixed",
        }
    },
    polling: "polling",
    hint_browse: "↑↓ select Enter open Tab screens / filter f status ? help q quit",
    hint_filter: "type to filter  Enter keep  Esc clear",
    more_errors: "more",
    too_small: |need, have| {
        format!(
            "The window is too small: it needs at least {}×{} and is {}×{}. Please enlarge it.",
            need.0, need.1, have.0, have.1
        )
    },
    totals: |t| {
        format!(
            "{} programs · {} measures · {} done · {} signed off · {} overdue · {} due within 7 days",
            t.programs,
            t.measures,
            pct(t.finished_pct),
            t.signed_off,
            t.overdue,
            t.due_soon
        )
    },
    days_left: |d| match d {
        0 => "due today".into(),
        1 => "1 day left".into(),
        d if d > 0 => format!("{d} days left"),
        -1 => "1 day late".into(),
        d => format!("{} days late", -d),
    },
    days_short: |d| match d {
        0 => "today".into(),
        d if d > 0 => format!("{d}d"),
        d => format!("-{}d", -d),
    },
    date: |d| d.0.format("%-d %b %Y").to_string(),
    status: StatusKind::label_en,
    health: Health::label_en,
};
