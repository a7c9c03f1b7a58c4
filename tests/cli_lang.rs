//! The command line in the language in force, through the binary: help of every command,
//! clap's errors and our value parsers' messages, the man page. Chinese output carries no
//! English scaffolding (`Usage:`, `[default: …]`, `error:`), and English stays clap's own.

mod common;

use common::rectify_in;
use rectify::i18n::Lang;

const ZH: &str = "zh_CN.UTF-8";
const EN: &str = "en_US.UTF-8";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(locale: &str, args: &[&str]) -> Run {
    let out = rectify_in(locale).args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// A heading or label written `命令:` — a Han character, an ASCII colon, then a space or the
/// end of the line. (`路径:行:列`, the format of a problem line, is not one.)
fn ascii_colon_after_han(text: &str) -> Option<&str> {
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(3) {
        if han(w[0]) && w[1] == ':' && w[2].is_whitespace() {
            return text.lines().find(|l| l.contains(&format!("{}:", w[0])));
        }
    }
    text.ends_with(':')
        .then(|| text.lines().last().unwrap_or_default())
}

/// Every command's path below `rectify`, the top level first.
fn command_paths() -> Vec<Vec<String>> {
    let mut cmd = rectify::cli::command(Lang::En);
    cmd.build();
    let mut paths = vec![Vec::new()];
    for sub in cmd.get_subcommands() {
        if sub.get_name() != "help" {
            paths.push(vec![sub.get_name().to_owned()]);
        }
    }
    paths
}

#[test]
fn chinese_help_of_every_command_has_chinese_headings_defaults_and_values() {
    let paths = command_paths();
    assert!(paths.len() > 8, "{paths:?}");
    for path in paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let r = run(ZH, &args);
        let help = &r.stdout;
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stderr.is_empty(), "{args:?}: {}", r.stderr);
        assert!(help.contains("用法：rectify"), "{args:?}:\n{help}");
        assert!(help.contains("选项：\n"), "{args:?}:\n{help}");
        if let Some(line) = ascii_colon_after_han(help) {
            panic!("{args:?}: an ASCII colon after Chinese: {line:?}\n{help}");
        }
        for english in [
            "[default:",
            "[possible values:",
            "Usage:",
            "Options:",
            "Arguments:",
            "Commands:",
            "[OPTIONS]",
            "[COMMAND]",
        ] {
            assert!(!help.contains(english), "{args:?}: {english}\n{help}");
        }
    }
    let top = run(ZH, &["--help"]).stdout;
    assert!(
        top.contains("用法：rectify [选项] [DIR] [命令]\n\n命令：\n"),
        "{top}"
    );
    assert!(top.contains("\n参数：\n  [DIR]"), "{top}");
    let check = run(ZH, &["check", "--help"]).stdout;
    assert!(
        !check.contains("命令："),
        "no heading over an empty section:\n{check}"
    );
    let report = run(ZH, &["report", "--help"]).stdout;
    assert!(
        report.contains("输出的格式［默认：markdown］［可选：markdown、csv、json、html］"),
        "{report}"
    );
    let meeting = run(ZH, &["meeting", "--help"]).stdout;
    assert!(meeting.contains("每页停留的秒数［默认：20］"), "{meeting}");
    let completions = run(ZH, &["completions", "--help"]).stdout;
    assert!(
        completions.contains("［可选：bash、elvish、fish、powershell、zsh］"),
        "{completions}"
    );
    // The English help is clap's.
    let en = run(EN, &["report", "--help"]).stdout;
    assert!(
        en.contains("Usage: rectify report [OPTIONS] [DIR]")
            && en.contains("[default: markdown] [possible values: markdown, csv, json, html]"),
        "{en}"
    );
}

/// The defaults and possible values the Chinese help states are the arguments' own.
#[test]
fn chinese_defaults_and_values_come_from_the_arguments() {
    let mut en = rectify::cli::command(Lang::En);
    en.build();
    let mut zh = rectify::cli::command(Lang::Zh);
    zh.build();
    let mut seen = 0;
    for sub in std::iter::once(&en).chain(en.get_subcommands()) {
        let zh_sub = if sub.get_name() == en.get_name() {
            &zh
        } else {
            zh.find_subcommand(sub.get_name()).unwrap()
        };
        // A flag's `false` and `true` are no values a user types; clap shows none for it.
        for a in sub
            .get_arguments()
            .filter(|a| a.get_action().takes_values())
        {
            let z = zh_sub
                .get_arguments()
                .find(|z| z.get_id() == a.get_id())
                .unwrap();
            let help = z.get_help().map(|h| h.to_string()).unwrap_or_default();
            if let Some(d) = a.get_default_values().first() {
                let said = format!("［默认：{}］", d.to_string_lossy());
                assert!(help.contains(&said), "{}: {help}", a.get_id());
                assert!(z.is_hide_default_value_set());
                seen += 1;
            }
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_owned())
                .collect();
            if !values.is_empty() {
                let said = format!("［可选：{}］", values.join("、"));
                assert!(help.contains(&said), "{}: {help}", a.get_id());
                assert!(z.is_hide_possible_values_set());
                seen += 1;
            }
        }
    }
    assert!(seen >= 4, "the walk found the defaults and values: {seen}");
}

/// Each bad command line, what the Chinese message must say, and what clap's (or our)
/// English says.
const BAD: &[(&[&str], &str, &str)] = &[
    (
        &["--bogus"],
        "rectify: 未知的参数 `--bogus`",
        "error: unexpected argument '--bogus' found",
    ),
    (
        &["set"],
        "rectify: 缺少必需的参数：<FILE> <MEASURE>",
        "error: the following required arguments were not provided:\n  <FILE>\n  <MEASURE>",
    ),
    (
        &["report", "--format", "pdf"],
        "rectify: 参数 --format 的值 `pdf` 无效，可选：markdown、csv、json、html",
        "error: invalid value 'pdf' for '--format <FORMAT>'\n  [possible values: markdown, csv, json, html]",
    ),
    (
        &["--today", "2023-13-01"],
        "rectify: 参数 --today 的值 `2023-13-01` 无效，应为 YYYY-MM-DD 格式的日期",
        "`2023-13-01` is not a date written YYYY-MM-DD",
    ),
    (
        &["--lang", "fr"],
        "rectify: 参数 --lang 的值 `fr` 无效，应为 zh 或 en",
        "`fr` is not a language; use zh or en",
    ),
    (
        &["--poll=abc"],
        "rectify: 参数 --poll 的值 `abc` 无效，应为 50ms 到 3600s 之间的时间间隔",
        "`abc` is not an interval from 50ms to 3600s (like 1, 2s or 500ms)",
    ),
    (
        &["meeting", "--cycle", "1"],
        "rectify: 参数 --cycle 的值 `1` 无效，应为 3 到 3600 之间的秒数",
        "`1` is not a number of seconds from 3 to 3600",
    ),
    (
        &["help", "bogus"],
        "rectify: 未知的命令 `bogus`",
        "error: unrecognized subcommand 'bogus'",
    ),
    (
        &["report", "--formt", "csv"],
        "提示：是否想用 `--format`？",
        "tip: a similar argument exists: '--format'",
    ),
];

#[test]
fn chinese_errors_name_the_bad_thing_in_chinese_and_exit_2() {
    for (args, zh, _) in BAD {
        let r = run(ZH, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
        assert!(r.stderr.contains(zh), "{args:?}: want {zh:?}\n{}", r.stderr);
        assert!(
            r.stderr.ends_with("\n更多信息请用 --help。\n"),
            "{args:?}: {}",
            r.stderr
        );
        for english in [
            "error:",
            "tip:",
            "Usage:",
            "For more information",
            " is not ",
        ] {
            assert!(
                !r.stderr.contains(english),
                "{args:?}: {english}\n{}",
                r.stderr
            );
        }
        if let Some(line) = ascii_colon_after_han(&r.stderr) {
            panic!("{args:?}: an ASCII colon after Chinese: {line:?}");
        }
    }
    let missing = run(ZH, &["set"]).stderr;
    assert!(
        missing.contains("\n用法：rectify set [选项] <FILE> [MEASURE]\n"),
        "{missing}"
    );
}

#[test]
fn english_errors_are_clap_s_own() {
    for (args, _, en) in BAD {
        let r = run(EN, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
        assert!(r.stderr.contains(en), "{args:?}: want {en:?}\n{}", r.stderr);
        assert!(
            r.stderr.contains("For more information, try '--help'."),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.chars().any(han), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn help_and_version_go_to_standard_output_with_success() {
    for locale in [ZH, EN] {
        for args in [
            &["--help"][..],
            &["-h"],
            &["report", "--help"],
            &["help", "set"],
        ] {
            let r = run(locale, args);
            assert_eq!(r.code, 0, "{locale} {args:?}: {}", r.stderr);
            assert!(r.stderr.is_empty() && !r.stdout.is_empty(), "{args:?}");
        }
        let r = run(locale, &["--version"]);
        assert_eq!(r.code, 0);
        assert_eq!(
            r.stdout.trim(),
            format!("rectify {}", env!("CARGO_PKG_VERSION"))
        );
    }
}

fn man_headings(lang: &str) -> Vec<String> {
    let r = run(EN, &["man", "--lang", lang]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.matches(".ds Aq").count(),
        2,
        "roff's preamble once:\n{}",
        r.stdout
    );
    r.stdout
        .lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_man_page_has_headings_in_its_language() {
    assert_eq!(
        man_headings("en"),
        [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "COMMANDS",
            "EXAMPLES",
            "VERSION"
        ]
    );
    assert_eq!(
        man_headings("zh"),
        [
            "名称", "概要", "描述", "参数", "选项", "命令", "示例", "版本"
        ]
    );
    let zh = run(EN, &["man", "--lang", "zh"]).stdout;
    assert!(
        !zh.contains("[default:") && !zh.contains("[possible values:"),
        "{zh}"
    );
    assert!(zh.contains("［默认：今天］"), "{zh}");
}

/// `--config`'s help names where this system keeps the file (not a Linux path on Windows), in
/// both languages and in every command's help.
#[test]
fn help_names_this_systems_config_path() {
    let path = rectify::config::default_location().unwrap();
    let path = path.display().to_string();
    for lang in [rectify::i18n::Lang::En, rectify::i18n::Lang::Zh] {
        let mut cmd = rectify::cli::command(lang);
        let top = cmd.render_help().to_string();
        assert!(top.contains(&path), "{top}");
        let set = cmd
            .find_subcommand_mut("set")
            .unwrap()
            .render_help()
            .to_string();
        assert!(set.contains(&path), "{set}");
    }
}

/// Every command's help ends with examples to copy, in both languages; meeting mode's help
/// offers only what a read-only shared screen uses.
#[test]
fn every_help_has_examples_and_meeting_help_only_what_applies() {
    for path in command_paths() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let en = run(EN, &args).stdout;
        assert!(en.contains("\nExample"), "{args:?}:\n{en}");
        assert!(en.contains("\n  rectify"), "{args:?}:\n{en}");
        let zh = run(ZH, &args).stdout;
        assert!(zh.contains("\n示例：\n  rectify"), "{args:?}:\n{zh}");
    }
    for lang in [EN, ZH] {
        let meeting = run(lang, &["meeting", "--help"]).stdout;
        for not_here in ["--read-only", "--user", "--since"] {
            assert!(!meeting.contains(not_here), "{not_here}:\n{meeting}");
        }
        for here in [
            "--cycle", "--theme", "--today", "--poll", "--lang", "PageDown",
        ] {
            assert!(meeting.contains(here), "{here}:\n{meeting}");
        }
    }
}
