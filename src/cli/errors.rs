//! Command-line errors in the language in force. clap words its errors in English, and a
//! formatter of its own cannot be given to a derived parser; but every error carries its kind
//! and the pieces it was made from (the argument, the value, the valid values, the
//! suggestions, the usage). Under Chinese this module words the error again from those pieces;
//! a kind it does not word, and every error under English, is clap's own rendering.

use std::io::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::BadValue;
use crate::i18n::Lang;

/// Reports a failed parse and exits the way clap does: help and version on standard output
/// with 0, an error on standard error with 2.
pub fn exit(e: clap::Error, lang: Lang) -> ! {
    if lang == Lang::Zh
        && let Some(message) = zh(&e)
    {
        let _ = std::io::stderr().write_all(message.as_bytes());
        std::process::exit(e.exit_code());
    }
    e.exit()
}

/// The error in Chinese, or `None` for the kinds left to clap (help and version are not
/// errors to word; they are the help and version themselves).
pub fn zh(e: &clap::Error) -> Option<String> {
    use ContextKind as K;
    let one = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let many = |k| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let head = match e.kind() {
        ErrorKind::UnknownArgument => match one(K::InvalidArg)? {
            flag if flag.starts_with('-') => format!("未知的参数 `{flag}`"),
            // A word where no positional argument is left to take it.
            word => format!("多余的参数 `{word}`"),
        },
        ErrorKind::InvalidSubcommand => format!("未知的命令 `{}`", one(K::InvalidSubcommand)?),
        ErrorKind::MissingRequiredArgument => {
            let missing = many(K::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            format!("缺少必需的参数：{}", missing.join(" "))
        }
        ErrorKind::InvalidValue => {
            let arg = name(one(K::InvalidArg)?);
            match one(K::InvalidValue)? {
                "" => format!("参数 {arg} 缺少值"),
                value => {
                    let valid = many(K::ValidValue);
                    if valid.is_empty() {
                        format!("参数 {arg} 的值 `{value}` 无效")
                    } else {
                        format!("参数 {arg} 的值 `{value}` 无效，可选：{}", valid.join("、"))
                    }
                }
            }
        }
        ErrorKind::ValueValidation => {
            let arg = name(one(K::InvalidArg)?);
            let value = one(K::InvalidValue)?;
            let source = std::error::Error::source(e);
            match source.and_then(|s| s.downcast_ref::<BadValue>()) {
                Some(bad) => format!("参数 {arg} 的值 `{value}` 无效，{}", bad.zh()),
                // A parser of clap's own: its reason stays in its words.
                None => match source {
                    Some(why) => format!("参数 {arg} 的值 `{value}` 无效：{why}"),
                    None => format!("参数 {arg} 的值 `{value}` 无效"),
                },
            }
        }
        ErrorKind::ArgumentConflict => {
            let arg = name(one(K::InvalidArg)?);
            match e.get(K::PriorArg) {
                Some(ContextValue::String(p)) if name(p) == arg => {
                    format!("参数 {arg} 只能给一次")
                }
                Some(ContextValue::String(p)) => {
                    format!("参数 {arg} 不能与 {} 一起使用", name(p))
                }
                Some(ContextValue::Strings(ps)) => {
                    let ps: Vec<&str> = ps.iter().map(|p| name(p)).collect();
                    format!("参数 {arg} 不能与 {} 一起使用", ps.join("、"))
                }
                _ => format!("参数 {arg} 不能与其他参数一起使用"),
            }
        }
        ErrorKind::NoEquals => {
            let arg = name(one(K::InvalidArg)?);
            format!("参数 {arg} 的值须用等号连接，如 `{arg}=…`")
        }
        ErrorKind::TooManyValues => format!(
            "多余的值 `{}`：参数 {} 不再接受更多的值",
            one(K::InvalidValue)?,
            name(one(K::InvalidArg)?)
        ),
        _ => return None,
    };

    let mut tips = Vec::new();
    for kind in [K::SuggestedSubcommand, K::SuggestedArg, K::SuggestedValue] {
        let similar = many(kind);
        if !similar.is_empty() {
            let quoted: Vec<String> = similar.iter().map(|s| format!("`{s}`")).collect();
            tips.push(format!("是否想用 {}？", quoted.join("、")));
        }
    }
    if let Some(ContextValue::StyledStrs(suggested)) = e.get(K::Suggested) {
        tips.extend(suggested.iter().map(|s| tip(&s.to_string())));
    }

    let mut out = format!("rectify: {head}\n");
    for t in tips {
        out.push_str(&format!("  提示：{t}\n"));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(K::Usage) {
        let usage = usage.to_string();
        // clap puts its English title before the usage it made.
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str(&format!("\n用法：{usage}\n"));
    }
    out.push_str("\n更多信息请用 --help。\n");
    Some(out)
}

/// `--format <FORMAT>` and `--poll[=<INTERVAL>]` are named by their flag; a positional
/// (`<FILE>`) by its placeholder.
fn name(arg: &str) -> &str {
    if arg.starts_with('-') {
        arg.split([' ', '[', '=']).next().unwrap_or(arg)
    } else {
        arg
    }
}

/// clap's ready-made tips, in Chinese where their shape is known; any other stays as clap
/// wrote it rather than be lost.
fn tip(english: &str) -> String {
    let quoted = |s: &str| format!("`{s}`");
    if let Some(rest) = english.strip_prefix("to pass '")
        && let Some((arg, _)) = rest.split_once("' as a value, use '")
    {
        return format!(
            "若要把 {} 作为值传入，请写 {}",
            quoted(arg),
            quoted(&format!("-- {arg}"))
        );
    }
    if let Some(rest) = english.strip_prefix("subcommand '")
        && let Some((sub, _)) = rest.split_once("' exists; to use it, remove the '")
    {
        return format!("命令 {} 是有的；要用它，请去掉前面的 `--`", quoted(sub));
    }
    if let Some(rest) = english.strip_prefix('\'')
        && let Some(usage) = rest.strip_suffix("' exists")
    {
        return format!("有 {} 这样的写法", quoted(usage));
    }
    english.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(args: &[&str]) -> clap::Error {
        let mut argv = vec!["rectify"];
        argv.extend_from_slice(args);
        super::super::command(Lang::Zh)
            .try_get_matches_from(argv)
            .err()
            .unwrap()
    }

    #[test]
    fn flags_are_named_without_their_placeholder() {
        assert_eq!(name("--format <FORMAT>"), "--format");
        assert_eq!(name("--poll[=<INTERVAL>]"), "--poll");
        assert_eq!(name("<FILE>"), "<FILE>");
    }

    #[test]
    fn a_similar_flag_is_suggested() {
        let said = zh(&error(&["--todya", "2023-01-01"])).unwrap();
        assert!(said.contains("未知的参数 `--todya`"), "{said}");
        assert!(said.contains("是否想用 `--today`？"), "{said}");
    }

    #[test]
    fn clap_tips_of_a_known_shape_are_told_in_chinese() {
        assert_eq!(
            tip("to pass '--x' as a value, use '-- --x'"),
            "若要把 `--x` 作为值传入，请写 `-- --x`"
        );
        assert_eq!(
            tip("subcommand 'set' exists; to use it, remove the '--' before it"),
            "命令 `set` 是有的；要用它，请去掉前面的 `--`"
        );
        assert_eq!(tip("'set --due' exists"), "有 `set --due` 这样的写法");
        assert_eq!(tip("something new"), "something new");
    }

    #[test]
    fn help_and_version_are_left_to_clap() {
        assert!(zh(&error(&["--help"])).is_none());
        assert!(zh(&error(&["--version"])).is_none());
    }
}
