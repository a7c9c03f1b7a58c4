//! Every word the interface shows, in Chinese and English. One struct, two instances: a label
//! missing from either language is a compile error, not a blank on screen.

use crate::domain::schedule::Health;
use crate::domain::{Date, StatusKind};

/// A message in both languages side by side, formatted in the one asked for:
/// `tr!(lang, "措施 `{id}` 的标题为空", "measure `{id}` has an empty title")`. Keeping the
/// pair on adjacent lines makes a missing or stale translation visible in review; a message
/// cannot be written without both.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Zh => format!($zh),
            $crate::i18n::Lang::En => format!($en),
        }
    };
}

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

/// Declares `Texts`: its text fields, listed by `strings()` so a test can check every one in
/// both languages, and its formatting functions.
macro_rules! texts {
    (strings { $($s:ident),* $(,)? } fns { $($f:ident: $t:ty),* $(,)? }) => {
        pub struct Texts {
            $(pub $s: &'static str,)*
            $(pub $f: $t,)*
        }

        impl Texts {
            /// Every text field with its name.
            pub fn strings(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($s), self.$s)),*]
            }
        }
    };
}

texts! {
    strings {
        app_title,
        tab_overview,
        tab_program,
        tab_deadlines,
        col_health,
        col_program,
        col_lead,
        col_progress,
        col_overdue,
        col_total,
        col_next,
        col_id,
        col_measure,
        col_owner,
        col_due,
        col_days,
        col_status,
        bucket_overdue,
        bucket_month,
        detail_notes,
        detail_due,
        detail_revised,
        detail_signed_off,
        detail_blocked,
        detail_owner,
        detail_progress,
        actual,
        expected,
        milestone_missed,
        milestones,
        today,
        goal,
        lead,
        span,
        no_boards,
        no_match,
        no_deadlines,
        file_broken,
        help_title,
        help_close,
        help_more,
        own_keys,
        since_none,
        since_title,
        since_nothing,
        since_slip,
        since_removed,
        filter_prompt,
        filter_status,
        filter_clear,
        data_as_of,
        read_only,
        meeting_read_only,
        meeting_title,
        meeting_paused,
        meeting_keys,
        meeting_done,
        meeting_signed_off,
        meeting_overdue,
        meeting_measures,
        meeting_since,
        since_signed_off,
        since_overdue,
        since_status,
        since_new,
        already_signed_off,
        locked,
        need_reopen_reason,
        edit_reopen,
        nothing_to_undo,
        nothing_to_redo,
        need_reason,
        saved,
        undone,
        merged,
        not_saved,
        save_read_only,
        save_broken,
        save_no_measure,
        save_refused,
        save_io,
        save_differs,
        watch_failed,
        no_terminal,
        set_need_reason,
        set_reason_alone,
        set_nothing,
        set_already,
        not_utf8,
        edit_status,
        edit_progress,
        edit_note,
        edit_due,
        edit_reason,
        confirm_sign_off,
        sign_off_title,
        conflict_title,
        conflict_theirs,
        conflict_ours,
        conflict_keys,
        lost_title,
        lost_keys,
        lost_gone,
        modal_keys,
        picker_keys,
        confirm_keys,
        name_keys,
        remove_keys,
        signer,
        history,
        history_older_unread,
        polling,
        share_polling,
        hint_browse,
        hint_program,
        read_only_tag,
        hint_filter,
    }
    fns {
        change: fn(crate::domain::ChangeKind) -> &'static str,
        conflict_line: fn(&str, &str, &str, &str) -> String,
        set_unknown_status: fn(&str) -> String,
        folder_gone: fn(&str) -> String,
        watch_missed: fn(&str) -> String,
        no_folder: fn(&str) -> String,
        set_no_measure: fn(&str, &str) -> String,
        check_summary: fn(&CheckCounts) -> String,
        too_small: fn((u16, u16), (u16, u16)) -> String,
        totals: fn(&Totals) -> String,
        days_left: fn(i64) -> String,
        bucket_week: fn(i64) -> String,
        attention: fn(i64) -> String,
        days_short: fn(i64) -> String,
        date: fn(Date) -> String,
        status: fn(StatusKind) -> &'static str,
        health: fn(Health) -> &'static str,
        labelled: fn(&str, &str) -> String,
        aside: fn(&str) -> String,
        revised_times: fn(usize) -> String,
        signed_off_line: fn(&str, &str) -> String,
        more_errors: fn(usize) -> String,
        and_more: fn(usize) -> String,
        seconds: fn(f64) -> String,
    }
}

impl Texts {
    /// Cells the widest status label takes: tables size their status column by it, so
    /// "in progress" is not cut where "推进中" fits.
    pub fn status_width(&self) -> u16 {
        StatusKind::ALL
            .iter()
            .map(|&k| crate::text::width((self.status)(k)))
            .max()
            .unwrap_or(0) as u16
    }

    /// Cells the widest tag of the changes list takes (`★ signed off`, `⇥期限调整`): the
    /// changes overlay and the meeting's tag column are sized by it.
    pub fn since_width(&self) -> u16 {
        [
            self.since_signed_off,
            self.since_overdue,
            self.since_status,
            self.since_slip,
            self.since_new,
            self.since_removed,
        ]
        .iter()
        .map(|s| crate::text::width(s))
        .max()
        .unwrap_or(0) as u16
    }

    /// Cells the widest deadline group name takes (`30天内到期`, `≤30 days`) with a due-soon
    /// window of `window_days`.
    pub fn bucket_width(&self, window_days: i64) -> u16 {
        [
            self.bucket_overdue,
            &(self.bucket_week)(window_days),
            self.bucket_month,
        ]
        .iter()
        .map(|s| crate::text::width(s))
        .max()
        .unwrap_or(0) as u16
    }

    /// Cells a health verdict takes with its symbol: `● on track`.
    pub fn health_width(&self) -> u16 {
        [Health::OnTrack, Health::AtRisk, Health::OffTrack]
            .iter()
            .map(|&h| crate::text::width((self.health)(h)) + 2)
            .max()
            .unwrap_or(0) as u16
    }
}

/// The figures a meeting asks for first.
pub struct Totals {
    pub programs: usize,
    pub measures: usize,
    pub finished_pct: Option<i64>,
    pub signed_off: usize,
    pub overdue: usize,
    pub due_soon: usize,
    /// The due-soon window the count was judged by, in days.
    pub due_soon_days: i64,
}

/// What `rectify check` found, for its last line.
pub struct CheckCounts {
    pub files: usize,
    pub programs: usize,
    pub measures: usize,
    pub errors: usize,
    pub warnings: usize,
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `once`, `twice`, `3 times`: how often a deadline moved, as an English writer says it; the
/// board and the report say it alike.
pub(crate) fn times(count: usize) -> String {
    match count {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        c => format!("{c} times"),
    }
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
    col_overdue: "逾期",
    col_total: "合计",
    col_next: "下一节点",
    col_id: "编号",
    col_measure: "整改措施",
    col_owner: "责任单位",
    col_due: "期限",
    col_days: "剩余",
    col_status: "状态",
    bucket_overdue: "已逾期",
    bucket_week: |d| format!("{d}天内到期"),
    bucket_month: "30天内到期",
    detail_notes: "备注",
    detail_due: "原定期限",
    detail_revised: "调整后期限",
    detail_signed_off: "销号",
    detail_blocked: "受阻原因",
    detail_owner: "责任单位",
    detail_progress: "进度",
    actual: "实际进度",
    expected: "按时间应达",
    attention: |d| format!("需要关注：受阻、逾期、{d}天内到期、未按期达成的时间节点"),
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
    help_more: "↑↓ 查看更多",
    own_keys: "自定义按键（配置文件）",
    since_none: "没有快照：用 rectify snapshot 保存一份，再以 --since 文件 打开看板",
    since_title: "自上次会议以来的变化",
    since_nothing: "快照以来没有变化",
    since_slip: "⇥期限调整",
    since_removed: "－移除",
    filter_prompt: "筛选",
    filter_status: "状态",
    filter_clear: "Esc 清除筛选",
    data_as_of: "数据截至",
    read_only: "只读模式：不能修改",
    meeting_read_only: "会议模式为只读，不能修改",
    meeting_title: "整改整治推进会",
    meeting_paused: "已暂停",
    meeting_keys: "空格 暂停/继续 · ←→ 翻页 · 1–9 跳到专项 · b 黑屏 · q 退出",
    meeting_done: "完成率",
    meeting_signed_off: "已销号",
    meeting_overdue: "逾期",
    meeting_measures: "整改措施",
    meeting_since: "会议开始以来",
    since_signed_off: "★新销号",
    since_overdue: "⚠新逾期",
    since_status: "↻状态变更",
    since_new: "＋新增",
    already_signed_off: "已经销号，未作改动",
    locked: "已销号；如需修改，请先撤销销号（s 选择其他状态并写明原因）",
    need_reopen_reason: "撤销销号须写明原因",
    edit_reopen: "撤销销号的原因（记入修改记录）",
    nothing_to_undo: "本次没有可撤销的修改",
    nothing_to_redo: "没有可重做的修改",
    need_reason: "请写明受阻原因",
    saved: "已保存：",
    undone: "已撤销：",
    merged: "（已叠加在同事的新修改之上）",
    not_saved: "未保存：",
    save_read_only: "文件或文件夹只读",
    save_broken: "文件现在有错误，请先修正：",
    save_no_measure: "已不在文件中",
    save_refused: "修改未通过校验，没有写入任何内容",
    save_io: "无法写入",
    save_differs: "修改后的文件读回与预期不符",
    watch_failed: "无法监视看板文件夹，文件的变化不会自动显示",
    no_terminal: "无法打开终端",
    folder_gone: |dir| format!("{dir} 已不存在，等待它恢复"),
    watch_missed: |files| format!("文件监视漏报了 {files} 的变化，已重新读取"),
    no_folder: |dir| format!("看板文件夹 {dir} 不存在或不是文件夹"),
    set_need_reason: "--status blocked 需要用 --reason \"受阻原因\" 写明原因",
    set_reason_alone: "--reason 只能与 --status blocked 一起使用",
    set_nothing: "没有要修改的内容：请给出 --status、--progress、--note、--sign-off 或 --due",
    set_already: "已是所要求的值，未写入",
    set_unknown_status: |s| {
        format!(
            "未知的状态 `{s}`，应为 未开始、推进中、受阻、已完成、销号 之一（或 not-started、in-progress、blocked、done、signed-off）"
        )
    },
    set_no_measure: |id, file| format!("{file} 中没有措施 `{id}`"),
    check_summary: |c| {
        format!(
            "已检查 {} 个文件：{} 个专项方案，共 {} 条措施；错误 {} 个，警告 {} 个",
            c.files, c.programs, c.measures, c.errors, c.warnings
        )
    },
    not_utf8: "文件不是 UTF-8 编码",
    conflict_line: |field, theirs, base, ours| {
        format!("{field}已被他人改为 {theirs}（你看到的是 {base}，你要改为 {ours}）")
    },
    edit_status: "修改状态",
    edit_progress: "修改进度（0–100）",
    edit_note: "修改备注",
    edit_due: "调整期限（原期限保留，计为一次调整）",
    edit_reason: "受阻原因",
    confirm_sign_off: "确认销号？将记录今天的日期和销号人。",
    sign_off_title: "销号",
    conflict_title: "冲突：同事已修改了同一项",
    conflict_theirs: "同事的值",
    conflict_ours: "你的值",
    conflict_keys: "m 用我的值覆盖 · t / Esc 保留同事的值 · ↑↓ 滚动",
    lost_title: "你的修改被覆盖了（可能是之前打开的编辑器保存了旧内容）",
    lost_keys: "r 全部恢复 · 空格 勾选 · Enter 恢复勾选的 · Esc 放弃",
    lost_gone: "措施已不在文件中，无法恢复",
    modal_keys: "Enter 保存 · Esc 取消 · Ctrl-U 清除光标前的文字",
    picker_keys: "↑↓ 选择 · Enter 确定 · Esc 取消",
    confirm_keys: "y / Enter 销号 · n / Esc 取消",
    name_keys: "输入销号人姓名 · Enter 销号 · Esc 取消",
    remove_keys: "y 删除 · n / Esc 取消",
    signer: "销号人",
    history: "修改记录",
    history_older_unread: "更早的记录未读取（修改记录文件较大）",
    change: |k| {
        use crate::domain::ChangeKind::*;
        match k {
            Updated => "已更新",
            Added => "新增",
            Removed => "已移除",
            Broken => "有错误",
            Fixed => "已修复",
        }
    },
    polling: "轮询",
    share_polling: "网络共享，轮询",
    hint_browse: "? 帮助  q 退出  ↑↓ 选择  Enter 打开  Tab 切换  / 筛选  f 状态",
    hint_program: "? 帮助  s 状态  p 进度  n 备注  o 销号  d 期限  u 撤销  ←→ 专项",
    read_only_tag: "只读",
    hint_filter: "输入筛选文字  Enter 确定  Esc 清除",
    too_small: |need, have| {
        format!(
            "窗口太小：至少需要 {}×{}，当前 {}×{}。请放大窗口。",
            need.0, need.1, have.0, have.1
        )
    },
    totals: |t| {
        format!(
            "{} 个专项 · {} 条措施 · 完成 {} · 已销号 {} · 逾期 {} · {}天内到期 {}",
            t.programs,
            t.measures,
            pct(t.finished_pct),
            t.signed_off,
            t.overdue,
            t.due_soon_days,
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
    labelled: |label, value| format!("{label}：{value}"),
    aside: |s| format!("（{s}）"),
    revised_times: |n| format!("调整{n}次"),
    signed_off_line: |when, who| {
        let parts: Vec<&str> = [when, who].into_iter().filter(|s| !s.is_empty()).collect();
        (ZH.labelled)(ZH.detail_signed_off, &parts.join("，"))
    },
    more_errors: |n| format!("另有 {n} 个"),
    and_more: |n| format!("另有 {n} 项"),
    seconds: |s| format!("{s:.1}秒"),
};

pub static EN: Texts = Texts {
    app_title: "Rectification progress board",
    tab_overview: "Overview",
    tab_program: "Program",
    tab_deadlines: "Deadlines",
    col_health: "Health",
    col_program: "Program",
    col_lead: "Lead unit",
    // Completion, not the status `done`: it counts signed-off measures too.
    col_progress: "Complete",
    col_overdue: "Late",
    col_total: "Total",
    col_next: "Next deadline",
    col_id: "ID",
    col_measure: "Measure",
    col_owner: "Owner",
    col_due: "Due",
    col_days: "Left",
    col_status: "Status",
    bucket_overdue: "Overdue",
    bucket_week: |d| format!("≤{d} days"),
    bucket_month: "≤30 days",
    detail_notes: "Notes",
    detail_due: "Original deadline",
    detail_revised: "Revised deadline",
    detail_signed_off: "Signed off",
    detail_blocked: "Blocked by",
    detail_owner: "Owner",
    detail_progress: "Progress",
    actual: "actual",
    expected: "expected by now",
    attention: |d| format!("Attention: blocked, overdue, due ≤{d} days, missed milestones"),
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
    help_close: "? / Esc close",
    help_more: "↑↓ more",
    own_keys: "Your keys (config file)",
    since_none: "no snapshot: save one with rectify snapshot, then open the board with --since FILE",
    since_title: "Changes since the last meeting",
    since_nothing: "nothing changed since the snapshot",
    since_slip: "⇥ deadline",
    since_removed: "- removed",
    filter_prompt: "Filter",
    filter_status: "Status",
    filter_clear: "Esc clear the filter",
    data_as_of: "data as of",
    read_only: "read-only: nothing can be changed",
    meeting_read_only: "read-only in meeting mode",
    meeting_title: "Progress meeting",
    meeting_paused: "paused",
    meeting_keys: "Space pause/resume · ←→ pages · 1–9 a program · b blank · q quit",
    meeting_done: "complete",
    meeting_signed_off: "signed off",
    meeting_overdue: "overdue",
    meeting_measures: "measures",
    meeting_since: "Since the meeting began",
    since_signed_off: "★ newly signed off",
    since_overdue: "⚠ newly overdue",
    since_status: "↻ status changed",
    since_new: "+ new",
    already_signed_off: "is already signed off; nothing changed",
    locked: "is signed off; to change it, reopen it first (s, another status, and a reason)",
    need_reopen_reason: "say why the sign-off is withdrawn",
    edit_reopen: "Why reopen this signed-off measure (kept in the history)",
    nothing_to_undo: "no edit of this session to undo",
    nothing_to_redo: "nothing to redo",
    need_reason: "say what the measure is blocked by",
    saved: "saved:",
    undone: "undone:",
    merged: " (on top of a colleague's newer edit)",
    not_saved: "not saved:",
    save_read_only: "the file or folder is read-only",
    save_broken: "the file has an error now, fix it first:",
    save_no_measure: "is no longer in the file",
    save_refused: "the edit failed its check; nothing was written",
    save_io: "cannot write",
    save_differs: "the edited file does not read back as asked",
    watch_failed: "cannot watch the boards folder; changes will not show by themselves",
    no_terminal: "cannot open the terminal",
    folder_gone: |dir| format!("{dir} went away; waiting for it to return"),
    watch_missed: |files| format!("the file watcher missed a change to {files}; read it again"),
    no_folder: |dir| format!("boards folder {dir} does not exist or is not a folder"),
    set_need_reason: "--status blocked needs --reason \"what it waits for\"",
    set_reason_alone: "--reason goes with --status blocked",
    set_nothing: "nothing to change: give --status, --progress, --note, --sign-off or --due",
    set_already: "already as asked; nothing written",
    set_unknown_status: |s| {
        format!(
            "unknown status `{s}`; expected not-started, in-progress, blocked, done or signed-off"
        )
    },
    set_no_measure: |id, file| format!("no measure `{id}` in {file}"),
    check_summary: |c| {
        format!(
            "checked {} {}: {} {} with {} {}; {} {}, {} {}",
            c.files,
            plural(c.files, "file", "files"),
            c.programs,
            plural(c.programs, "program", "programs"),
            c.measures,
            plural(c.measures, "measure", "measures"),
            c.errors,
            plural(c.errors, "error", "errors"),
            c.warnings,
            plural(c.warnings, "warning", "warnings"),
        )
    },
    not_utf8: "the file is not UTF-8",
    conflict_line: |field, theirs, base, ours| {
        format!(
            "the {field} was changed by someone else to {theirs} (you saw {base}, you want {ours})"
        )
    },
    edit_status: "Change the status",
    edit_progress: "Change the progress (0–100)",
    edit_note: "Change the notes",
    edit_due: "Revise the deadline (the original is kept and the slip counted)",
    edit_reason: "Blocked by",
    confirm_sign_off: "Sign off? Today's date and your name will be recorded.",
    sign_off_title: "Sign off",
    conflict_title: "Conflict: a colleague changed the same field",
    conflict_theirs: "theirs",
    conflict_ours: "yours",
    conflict_keys: "m keep mine (overwrite) · t / Esc keep theirs · ↑↓ scroll",
    lost_title: "Your edits were overwritten (an editor opened earlier saved old content)",
    lost_keys: "r restore all · Space tick · Enter restore ticked · Esc drop",
    lost_gone: "the measure is no longer in the file",
    modal_keys: "Enter save · Esc cancel · Ctrl-U clear to the cursor",
    picker_keys: "↑↓ choose · Enter confirm · Esc cancel",
    confirm_keys: "y / Enter sign off · n / Esc cancel",
    name_keys: "type the signer's name · Enter sign off · Esc cancel",
    remove_keys: "y remove · n / Esc cancel",
    signer: "Signed off by",
    history: "History",
    history_older_unread: "Older entries not read (the history file is large)",
    change: |k| {
        use crate::domain::ChangeKind::*;
        match k {
            Updated => "updated",
            Added => "added",
            Removed => "removed",
            Broken => "broken",
            Fixed => "fixed",
        }
    },
    polling: "polling",
    share_polling: "network share: polling",
    hint_browse: "? help  q quit  ↑↓ select  Enter open  Tab screens  / filter  f status",
    hint_program: "? help  s status  p progress  n notes  o sign off  d deadline  u undo  ←→ programs",
    read_only_tag: "read-only",
    hint_filter: "type to filter  Enter apply  Esc clear",
    too_small: |need, have| {
        format!(
            "The window is too small: it needs at least {}×{} and is {}×{}. Please enlarge it.",
            need.0, need.1, have.0, have.1
        )
    },
    totals: |t| {
        format!(
            "{} programs · {} measures · {} complete · {} signed off · {} overdue · {} due ≤{} days",
            t.programs,
            t.measures,
            pct(t.finished_pct),
            t.signed_off,
            t.overdue,
            t.due_soon,
            t.due_soon_days
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
    labelled: |label, value| format!("{label}: {value}"),
    aside: |s| format!(" ({s})"),
    revised_times: |n| format!("revised {}", times(n)),
    signed_off_line: |when, who| {
        let label = EN.detail_signed_off;
        match (when.is_empty(), who.is_empty()) {
            (false, false) => format!("{label} {when} by {who}"),
            (false, true) => format!("{label} {when}"),
            (true, false) => format!("{label} by {who}"),
            (true, true) => label.to_owned(),
        }
    },
    more_errors: |n| format!("+{n} more"),
    and_more: |n| format!("and {n} more"),
    seconds: |s| format!("{s:.1}s"),
};

/// The words of the owner-units and problem-list screens, their filters and report sections,
/// and the header's data date. Kept apart from [`Texts`] so the two screens' words read
/// together; like [`Texts`], a word missing from either language does not compile.
pub struct ListTexts {
    pub tab_owners: &'static str,
    pub tab_problems: &'static str,
    pub col_unit: &'static str,
    pub col_measures: &'static str,
    /// A problem's measures finished, of all it lists: `2/3`.
    pub col_measures_done: &'static str,
    pub col_due_soon: &'static str,
    pub col_completion: &'static str,
    pub col_aspect: &'static str,
    pub col_problem: &'static str,
    pub col_blocked: &'static str,
    pub owner_filter: &'static str,
    pub deadline_filter: &'static str,
    pub section_owners: &'static str,
    pub section_problems: &'static str,
    pub problem_open: &'static str,
    pub problem_finished: &'static str,
    pub problem_signed_off: &'static str,
    pub no_owners: &'static str,
    pub no_problems: &'static str,
    pub not_found: &'static str,
    pub as_of: &'static str,
    pub example_data: &'static str,
    pub hint_owners: &'static str,
    pub hint_drill: &'static str,
    pub owners_summary: fn(usize, usize) -> String,
    pub unit_title: fn(&str, usize) -> String,
    pub problem_title: fn(&str, &str, usize) -> String,
    pub problems_headline: fn(usize, usize) -> String,
    pub problems_summary: fn(usize, usize, usize) -> String,
    pub due_within: fn(i64) -> String,
}

impl ListTexts {
    pub fn problem_state(&self, s: crate::domain::problems::ProblemState) -> &'static str {
        use crate::domain::problems::ProblemState::*;
        match s {
            Open => self.problem_open,
            Finished => self.problem_finished,
            SignedOff => self.problem_signed_off,
        }
    }
}

impl Lang {
    pub fn lists(self) -> &'static ListTexts {
        match self {
            Lang::Zh => &LIST_ZH,
            Lang::En => &LIST_EN,
        }
    }
}

static LIST_ZH: ListTexts = ListTexts {
    tab_owners: "责任单位",
    tab_problems: "问题清单",
    col_unit: "责任单位",
    col_measures: "措施",
    col_measures_done: "完成/措施",
    col_due_soon: "临期",
    col_completion: "完成率",
    col_aspect: "方面",
    col_problem: "问题",
    col_blocked: "受阻",
    owner_filter: "责任单位",
    deadline_filter: "期限",
    section_owners: "按责任单位",
    section_problems: "问题清单",
    problem_open: "未完成",
    problem_finished: "已完成",
    problem_signed_off: "已销号",
    no_owners: "没有符合条件的责任单位",
    no_problems: "问题清单中没有问题",
    not_found: "找不到",
    as_of: "数据日期",
    example_data: "示例数据",
    hint_owners: "? 帮助  q 退出  Enter 查看措施  空格 只看该单位  F 清除筛选  Tab 切换",
    hint_drill: "? 帮助  q 退出  Enter 跳转到该措施  Esc 返回  Tab 切换",
    owners_summary: |n, late| format!(" {n} 个责任单位 · {late} 个有逾期措施"),
    unit_title: |unit, n| format!(" {unit} 的整改措施（{n} 项） · Esc 返回"),
    problem_title: |id, title, n| format!(" {id} {title}（{n} 项措施） · Esc 返回"),
    problems_headline: |aspects, problems| format!("{aspects} 个方面 · {problems} 项问题"),
    problems_summary: |done, signed, open| {
        format!("已销号 {signed} · 已完成 {done} · 未完成 {open}")
    },
    due_within: |d| format!("{d}天内到期"),
};

static LIST_EN: ListTexts = ListTexts {
    tab_owners: "Owners",
    tab_problems: "Problems",
    col_unit: "Owner unit",
    col_measures: "Measures",
    col_measures_done: "Done/all",
    col_due_soon: "Due soon",
    col_completion: "Complete",
    col_aspect: "Aspect",
    col_problem: "Problem",
    col_blocked: "Blocked",
    owner_filter: "Owner",
    deadline_filter: "Deadline",
    section_owners: "By owner unit",
    section_problems: "Problem list",
    problem_open: "open",
    problem_finished: "finished",
    problem_signed_off: "signed off",
    no_owners: "No owner unit matches",
    no_problems: "The problem list holds no problems",
    not_found: "not found",
    as_of: "as of",
    example_data: "example data",
    hint_owners: "? help  q quit  Enter its measures  Space only this unit  F clear filters  Tab screens",
    hint_drill: "? help  q quit  Enter go to the measure  Esc back  Tab screens",
    owners_summary: |n, late| {
        let units = plural(n, "owner unit", "owner units");
        format!(" {n} {units} · {late} with overdue measures")
    },
    unit_title: |unit, n| {
        let m = plural(n, "measure", "measures");
        format!(" {unit}: {n} {m} · Esc back")
    },
    problem_title: |id, title, n| {
        let m = plural(n, "measure", "measures");
        format!(" {id} {title} ({n} {m}) · Esc back")
    },
    problems_headline: |aspects, problems| {
        let a = plural(aspects, "aspect", "aspects");
        let p = plural(problems, "problem", "problems");
        format!("{aspects} {a} · {problems} {p}")
    },
    problems_summary: |done, signed, open| {
        format!("{signed} signed off · {done} finished · {open} open")
    },
    due_within: |d| format!("due within {d} days"),
};

impl Texts {
    /// The list screens' words in the same language as these.
    pub fn lists(&self) -> &'static ListTexts {
        if std::ptr::eq(self, &ZH) {
            &LIST_ZH
        } else {
            &LIST_EN
        }
    }
}
