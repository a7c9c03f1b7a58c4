//! The command line's help in Chinese. clap speaks English; the derive attributes hold the
//! English, and this table the Chinese, applied over the built command when the language in
//! force is Chinese. `--help`, the man page and the completions' descriptions all follow.

use clap::{Arg, ArgAction, Command};

/// `"cmd"`: a command's about; `"cmd:examples"`: its examples; `"cmd --arg"`: an argument
/// of that command (by its id); `"--arg"`: the argument wherever it appears. `cmd` is the
/// path without `rectify`; the top level is `""`.
const TEXTS: &[(&str, &str)] = &[
    (
        "",
        "整改整治进度看板：在终端中查看各专项整治方案的整改措施、期限、时间节点和进度",
    ),
    (
        ":examples",
        "示例：\n  rectify                               打开 ./boards 中的看板\n  rectify --today 2023-07-15            按 2023 年 7 月中旬查看随附的示例看板\n  rectify /mnt/share/boards --poll      网络共享文件夹，以轮询方式监视变化\n  rectify meeting --cycle 30            推进会的共享屏幕\n  rectify set boards/01-fraud.ron ZP-03 --status done\n  rectify add boards/01-fraud.ron --title \"清理涉诈账户\" --owner 刑侦局 --due 9-30\n  rectify new boards/10-campus.ron --id campus --title \"校园安全专项整治\" --lead 治安局 --start 8-1 --due 12-31\n  rectify check boards                  校验全部看板文件\n  rectify config --print                当前生效的设置及其来源",
    ),
    (
        "--dir",
        "看板文件（*.ron）所在的文件夹［默认：配置文件中的设置，否则为 `boards`］",
    ),
    (
        "--today",
        "判断期限所依据的日期，格式 YYYY-MM-DD［默认：今天］",
    ),
    (
        "--theme",
        "主题：内置主题名（dark、light、high-contrast）或 RON 主题文件的路径",
    ),
    (
        "--poll",
        "以轮询方式监视文件夹，用于不发送变化通知的网络共享：`--poll` 每秒检查一次，`--poll=500ms` 或 `--poll=2s` 按所给间隔",
    ),
    ("--read_only", "只读：任何按键都不修改文件"),
    (
        "--user",
        "修改人，记入销号和修改记录［默认：$RECTIFY_USER、$USER］",
    ),
    (
        "--lang",
        "消息和界面的语言：zh 或 en［默认：配置文件中的设置，否则按 $LANG］",
    ),
    (
        "--since",
        "由 `rectify snapshot` 保存的快照，或看板的 git 修订版本（HEAD~1、标签、main@{2023-07-01}）：在看板上按 `c` 查看此后的变化",
    ),
    (
        "--git_commit",
        "每次保存后立即提交到 git：只提交该看板文件，作者为当前用户，提交说明为所做的修改；不推送［默认：配置 `git_commit`，否则不提交］",
    ),
    (
        "--config",
        "配置文件［默认：$RECTIFY_CONFIG，否则为 ~/.config/rectify/config.ron］",
    ),
    ("--help", "显示帮助"),
    ("--version", "显示版本"),
    ("help", "显示本帮助，或指定命令的帮助"),
    (
        "check",
        "校验看板文件：每个问题按 路径:行:列 列出，最后给出汇总",
    ),
    ("check --paths", "要校验的文件或文件夹［默认：boards］"),
    (
        "set",
        "在看板文件中原地修改一条措施（或用 --milestone 修改时间节点），与看板上的修改同样安全",
    ),
    (
        "set:examples",
        "示例：\n  rectify set boards/01-fraud.ron ZP-03 --status done\n  rectify set boards/01-fraud.ron ZP-03 --progress 80 --note \"已完成收网\"\n  rectify set boards/09-policing-reform.ron JW-05 --status blocked --reason \"待审批\"\n  rectify set boards/01-fraud.ron ZP-07 --sign-off --user 张三\n  rectify set boards/01-fraud.ron ZP-02 --reopen --reason \"复核发现台账不全\"\n  rectify set boards/01-fraud.ron ZP-04 --due 2023年10月31日\n  rectify set boards/01-fraud.ron --milestone 2 --done 2023-07-10\n  rectify set boards/01-fraud.ron --milestone \"集中收网\" --due 9月30日",
    ),
    (
        "set --milestone",
        "改时间节点而不是措施：节点条上的编号（1、2……）或节点的完整名称",
    ),
    (
        "set --done",
        "标记时间节点已于该日达成（与 --milestone 一起使用），写法同 --due",
    ),
    (
        "set --not_done",
        "标记时间节点未达成（与 --milestone 一起使用）",
    ),
    ("set --file", "看板文件"),
    ("set --measure", "措施编号（不与 --milestone 同用）"),
    (
        "set --status",
        "新状态：not-started、in-progress、blocked（须带 --reason）、done、signed-off（也可用中文：未开始、推进中、受阻、已完成、销号）",
    ),
    (
        "set --reason",
        "受阻原因（与 --status blocked 一起使用），或撤销销号的原因（与 --reopen 一起使用）",
    ),
    (
        "set --reopen",
        "撤销销号：须带 --reason；状态改回 --status 所给的，默认为推进中",
    ),
    (
        "set --force",
        "仍然执行：措施受阻或进度未到 100% 时仍然销号；期限早于原期限或超出专项方案起止时仍然写入",
    ),
    ("set --progress", "进度百分比，0–100（65、65% 均可）"),
    ("set --note", "替换备注（空文字即删除备注）"),
    ("set --sign_off", "以当前用户的名义，今天销号"),
    (
        "set --due",
        "调整期限：2023-09-30、2023/9/30、2023年9月30日，或 9-30、9月30日（按方案年份）；原期限保留，每次调整计为一次。与 --milestone 一起使用时：调整节点的计划日期",
    ),
    ("set --user", "修改人［默认：$RECTIFY_USER、$USER］"),
    ("set --today", "销号记录的日期，写法同 --due［默认：今天］"),
    (
        "add",
        "在看板文件中新增一条措施（或用 --milestone 新增时间节点），与看板上的修改同样安全",
    ),
    (
        "add:examples",
        "示例：\n  rectify add boards/01-fraud.ron --title \"清理涉诈账户\" --owner 刑侦局 --due 9-30\n  rectify add boards/01-fraud.ron --id ZP-20 --title \"回访群众\" --owner 反诈中心 --due 2023-10-31 --after ZP-03 --status in-progress --progress 20\n  rectify add boards/01-fraud.ron --milestone \"中期评估\" --due 2023-09-15",
    ),
    ("add --file", "看板文件"),
    ("add --id", "新措施的编号［默认：按文件中的编号顺延］"),
    ("add --title", "措施内容"),
    ("add --owner", "责任单位"),
    (
        "add --due",
        "完成时限：2023-09-30、2023/9/30、2023年9月30日，或 9-30、9月30日（按方案年份）",
    ),
    (
        "add --status",
        "状态：not-started（默认）、in-progress、blocked（须带 --reason）、done（也可用中文：未开始、推进中、受阻、已完成）",
    ),
    ("add --reason", "受阻原因（与 --status blocked 一起使用）"),
    (
        "add --progress",
        "进度百分比，0–100（65、65% 均可）［默认：0］",
    ),
    ("add --note", "备注"),
    ("add --after", "把新措施放在这条措施之后［默认：放在最后］"),
    (
        "add --milestone",
        "改为新增一个以此为名称的时间节点，按日期排入",
    ),
    (
        "add --force",
        "日期早于专项方案开始或晚于其期限（rectify check 会警告）时仍然写入",
    ),
    ("add --user", "修改人［默认：$RECTIFY_USER、$USER］"),
    (
        "remove",
        "从看板文件中删除一条措施；其原文完整保存在修改记录中",
    ),
    (
        "remove:examples",
        "示例：\n  rectify remove boards/01-fraud.ron ZP-07 --user 张三",
    ),
    ("remove --file", "看板文件"),
    ("remove --measure", "措施编号"),
    ("remove --user", "修改人［默认：$RECTIFY_USER、$USER］"),
    (
        "new",
        "为一个新方案建立看板文件，每个字段附有说明；文件已存在时拒绝",
    ),
    (
        "new:examples",
        "示例：\n  rectify new boards/10-campus.ron --id campus --title \"校园安全专项整治\" --lead 治安局 --start 2023-08-01 --due 2023-12-31 --goal \"消除校园周边安全隐患\"",
    ),
    ("new --file", "要建立的看板文件（已存在时拒绝）"),
    ("new --id", "方案编号，各看板文件间唯一"),
    ("new --title", "方案名称"),
    ("new --lead", "牵头单位"),
    ("new --start", "开始日期，写法同 --due（不写年份时按今年）"),
    (
        "new --due",
        "完成期限：2023-12-31、2023/12/31、2023年12月31日，或 12-31（按开始日期的年份）",
    ),
    ("new --goal", "工作目标：一句话写明要达到什么"),
    (
        "meeting",
        "推进会模式，用于共享屏幕：只读、大字、高对比度、自动轮换",
    ),
    ("meeting --cycle", "每页停留的秒数"),
    (
        "meeting:examples",
        "示例：\n  rectify meeting                              打开 ./boards，每页 20 秒\n  rectify meeting --cycle 45 --theme light     翻页慢些，适合浅色投影\n  rectify meeting /mnt/share/boards --poll     团队共享文件夹，同事保存即更新\n  rectify meeting --today 2023-07-15           随附的 2023 年示例\n按键：空格 暂停 · ←→ 或 PageUp/PageDown 翻页 · 1–9 跳到专项 · b 或 . 黑屏 · q 退出",
    ),
    (
        "meeting --theme",
        "主题：内置名称（dark、light、high-contrast）或 RON 主题文件的路径［默认：high-contrast］",
    ),
    (
        "check:examples",
        "示例：\n  rectify check                      校验 ./boards 中的全部看板\n  rectify check boards/01-fraud.ron  校验一个文件\n  rectify check /mnt/share/boards    开会前校验共享文件夹",
    ),
    (
        "config:examples",
        "示例：\n  rectify config --print                 当前生效的设置及其来源\n  rectify config --print --theme light   带上 --theme light 运行时的设置",
    ),
    (
        "completions:examples",
        "示例：\n  rectify completions bash > /etc/bash_completion.d/rectify\n  rectify completions zsh > ~/.zfunc/_rectify\n  rectify completions fish --lang en > ~/.config/fish/completions/rectify.fish",
    ),
    (
        "man:examples",
        "示例：\n  rectify man > rectify.1 && man ./rectify.1\n  rectify man --lang en | man -l -",
    ),
    (
        "config",
        "显示当前生效的设置及每一项的来源；在此给出的看板选项会显示带上它们运行时的设置",
    ),
    ("config --print", "显示生效的设置"),
    (
        "completions",
        "输出 shell 补全脚本：`rectify completions bash > /etc/bash_completion.d/rectify`",
    ),
    ("completions --shell", "shell 的种类"),
    (
        "completions --lang",
        "描述文字的语言：zh 或 en［默认：配置文件中的设置，否则按 $LANG］",
    ),
    (
        "man --lang",
        "手册页的语言：zh 或 en［默认：配置文件中的设置，否则按 $LANG］",
    ),
    ("man", "输出 man 手册页（roff）：`rectify man > rectify.1`"),
    (
        "report",
        "生成全部看板的报告：markdown（用于会议纪要）、csv 或 xlsx（台账）、json 或 html",
    ),
    (
        "report:examples",
        "示例：\n  rectify report --today 2023-07-15                 可贴入会议纪要的 Markdown\n  rectify report --format csv --bom -o ledger.csv   供 Excel 或 WPS 打开的台账\n  rectify report --format xlsx -o 台账.xlsx         Excel 工作簿形式的台账\n  rectify report --format html -o report.html       可打印为 PDF 的单页报告\n  rectify report --since last-meeting.json          附上自快照以来的变化",
    ),
    ("report --format", "输出的格式"),
    (
        "import",
        "导入单位现有的 Excel、WPS 或 CSV 台账：每个专项生成一个看板文件",
    ),
    (
        "import:examples",
        "示例：\n  rectify import 台账.xlsx --dry-run                   先看将创建什么、哪些行无法导入\n  rectify import 台账.xlsx -o boards\n  rectify import ledger.csv --encoding gbk --map 工作举措=measure\n  rectify import 台账.xlsx --sheet 2023年 --force       覆盖以前导入的看板",
    ),
    (
        "import --ledger",
        "台账文件：.xlsx、.xls、.ods 或 .csv（UTF-8，或 Excel 在中文 Windows 上保存的 GBK/GB18030）",
    ),
    (
        "import --output",
        "看板文件写入的文件夹，每个专项一个文件［默认：配置文件中的设置，否则为 `boards`］",
    ),
    (
        "import --sheet",
        "只读取这个工作表［默认：每个有表头行的工作表］",
    ),
    (
        "import --map",
        "表头不是常见写法时，指明该列是什么：`--map 工作举措=measure`；字段：program、program_id、id、measure、owner、due、revised、status、status_code、sign_off、reason、progress、notes、signed_off、signed_by、ignore",
    ),
    ("import --dry_run", "只列出将写入的内容，不写任何文件"),
    ("import --force", "覆盖已存在的看板文件"),
    (
        "import --encoding",
        "CSV 文件的编码（utf-8、gbk、gb18030、big5 等）［默认：是合法 UTF-8 则按 UTF-8，否则按 GB18030］",
    ),
    ("report --output", "写入此文件，而不是标准输出"),
    (
        "report --bom",
        "CSV 以 UTF-8 字节顺序标记开头，使 Excel 和 WPS 正确读取中文",
    ),
    (
        "report --since",
        "附上自此快照（由 `rectify snapshot` 保存）或此 git 修订版本（HEAD~1、标签、main@{2023-07-01}）以来的变化",
    ),
    (
        "snapshot",
        "把全部看板的状态保存为 JSON 文件，供下次会议 `report --since` 使用",
    ),
    (
        "snapshot:examples",
        "示例：\n  rectify snapshot -o meeting-2023-07-15.json",
    ),
    ("snapshot --output", "要写入的快照文件（JSON）"),
    (
        "--native",
        "即使文件夹是网络共享或 FUSE 挂载，也用系统的变化通知监视（这类文件夹默认轮询，因为通知收不到其他机器的写入）",
    ),
    (
        "git",
        "经 git 在各站点间共享看板：按字段合并的合并驱动及其设置",
    ),
    (
        "git merge",
        "按字段合并看板的三个版本；git 把它作为合并驱动调用（%O %A %B %P）。退出码 0：已合并到我方文件；1：冲突已在我方文件中标出",
    ),
    (
        "git merge:examples",
        "示例：\n  rectify git merge %O %A %B %P     （由 `rectify git setup` 安装，git 在 `git pull`、`git merge` 时调用）",
    ),
    (
        "git:examples",
        "示例：\n  rectify git setup boards          在本克隆中按字段合并看板\n  rectify git merge %O %A %B %P     双方都改过的看板，git 调用它合并",
    ),
    ("git merge --base", "共同祖先的版本（git 的 %O）"),
    (
        "git merge --ours",
        "我方版本，合并结果写入此文件（git 的 %A）",
    ),
    ("git merge --theirs", "对方版本（git 的 %B）"),
    (
        "git merge --path",
        "看板在仓库中的路径，用于提示（git 的 %P）",
    ),
    (
        "git setup",
        "让 DIR 所在的仓库用 `rectify git merge` 合并看板：写 .gitattributes、仓库的合并驱动设置，并在 .gitignore 中排除 rectify 的本地文件。可重复运行",
    ),
    ("git setup:examples", "示例：\n  rectify git setup boards"),
    (
        "git setup --dir",
        "看板文件夹，须在 git 工作区内［默认：配置文件中的设置，否则为 `boards`］",
    ),
    (
        "snapshot --today",
        "快照所代表的日期，YYYY-MM-DD［默认：今天］",
    ),
];

fn text(key: &str) -> Option<&'static str> {
    TEXTS.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

/// The command with its help in Chinese. Texts missing from the table stay in English (a
/// test walks the whole command so none is missing).
pub fn localize(cmd: Command) -> Command {
    let mut cmd = localize_at(cmd, "");
    // clap makes the `help` subcommand, propagates global arguments and settles the values an
    // argument takes only when the command is built; the layout needs all of them.
    cmd.build();
    lay_out(help_in_chinese(cmd))
}

/// The `help` subcommand clap makes for a command with subcommands (`rectify help`,
/// `rectify git help`), and its own `help`, in Chinese.
fn help_in_chinese(mut cmd: Command) -> Command {
    let about = text("help").unwrap_or_default();
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        cmd = if name == "help" {
            cmd.mut_subcommand("help", |h| {
                h.about(about).mut_subcommand("help", |hh| hh.about(about))
            })
        } else {
            cmd.mut_subcommand(name.as_str(), help_in_chinese)
        };
    }
    cmd
}

/// The help's layout in Chinese, for this command and every one below it: the section
/// headings with a Chinese colon (clap puts an ASCII `:` after its own and after any
/// `help_heading`, so the template writes them), `[选项]` in the usage line, and each
/// argument's default and possible values said in Chinese instead of clap's English.
fn lay_out(mut cmd: Command) -> Command {
    let mut template = String::from("{before-help}{about-with-newline}\n用法：{usage}");
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        template.push_str("\n\n命令：\n{subcommands}");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        template.push_str("\n\n参数：\n{positionals}");
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        template.push_str("\n\n选项：\n{options}");
    }
    template.push_str("{after-help}");
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令");
    // clap's own usage line, computed from the arguments, with its one English placeholder
    // said in Chinese.
    let usage = cmd.clone().render_usage().to_string();
    if let Some(usage) = usage.strip_prefix("Usage: ") {
        cmd = cmd.override_usage(usage.replace("[OPTIONS]", "[选项]"));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id.as_str(), values_in_chinese);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name.as_str(), lay_out);
    }
    cmd
}

/// `［默认：20］` and `［可选：markdown、csv］` after the help, from the argument's own default
/// and possible values, in place of clap's `[default: 20] [possible values: markdown, csv]`.
fn values_in_chinese(a: Arg) -> Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let mut said = String::new();
    if !a.is_hide_default_value_set() && !a.get_default_values().is_empty() {
        let defaults: Vec<_> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy())
            .collect();
        said.push_str(&format!("［默认：{}］", defaults.join(" ")));
    }
    let possible: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !a.is_hide_possible_values_set() && !possible.is_empty() {
        said.push_str(&format!("［可选：{}］", possible.join("、")));
    }
    if said.is_empty() {
        return a;
    }
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    a.help(format!("{help}{said}"))
        .hide_default_value(true)
        .hide_possible_values(true)
}

fn localize_at(mut cmd: Command, path: &str) -> Command {
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help),
    );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    }
    if let Some(about) = text(path) {
        cmd = cmd.about(about).long_about(None);
    }
    if let Some(examples) = text(&format!("{path}:examples")) {
        cmd = cmd.after_help(examples);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let own = format!("{path} --{id}");
        let said = text(own.trim_start()).or_else(|| text(&format!("--{id}")));
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            let a = a.help_heading(heading);
            match said {
                Some(t) => a.help(super::with_config_path(t)).long_help(None),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let sub_path = format!("{path} {name}").trim_start().to_owned();
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize_at(s, &sub_path));
    }
    cmd
}
