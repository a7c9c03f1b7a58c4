//! ron's parse errors, said in the words of a board file's author, in either language.

use ron::error::Error;

use crate::domain::INVALID_DATE;
use crate::i18n::Lang;
use crate::tr;

fn list(names: &[&str], lang: Lang) -> String {
    let sep = tr!(lang, "、", ", ");
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(&sep)
}

/// The thing the error is in, by the name of the struct ron was reading.
fn what(outer: &Option<String>, lang: Lang) -> String {
    match outer.as_deref() {
        Some("Program") => tr!(lang, "专项方案", "the program"),
        Some("Measure") => tr!(lang, "整改措施", "a measure"),
        Some("Milestone") => tr!(lang, "时间节点", "a milestone"),
        Some("ConfigFile") => tr!(lang, "配置文件", "the config file"),
        Some(o) => format!("`{o}`"),
        None => tr!(lang, "此处", "this value"),
    }
}

pub fn describe(e: &Error, lang: Lang) -> String {
    match e {
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } if outer.as_deref() == Some("Status") => {
            let reason = tr!(lang, "原因", "reason");
            let one_of =
                list(expected, lang).replace("`Blocked`", &format!("`Blocked(\"{reason}\")`"));
            tr!(
                lang,
                "未知的状态 `{found}`，应为以下之一：{one_of}",
                "unknown status `{found}`; expected one of {one_of}"
            )
        }
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let (what, one_of) = (what(outer, lang), list(expected, lang));
            tr!(
                lang,
                "{what}中的取值 `{found}` 无法识别，应为以下之一：{one_of}",
                "unknown value `{found}` for {what}; expected one of {one_of}"
            )
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let (what, one_of) = (what(outer, lang), list(expected, lang));
            tr!(
                lang,
                "{what}中有未知字段 `{found}`，可用的字段：{one_of}",
                "unknown field `{found}` in {what}; expected one of {one_of}"
            )
        }
        Error::MissingStructField { field, outer } => {
            let what = what(outer, lang);
            tr!(
                lang,
                "{what}缺少字段 `{field}`",
                "missing field `{field}` in {what}"
            )
        }
        Error::DuplicateStructField { field, outer } => {
            let what = what(outer, lang);
            tr!(
                lang,
                "{what}中字段 `{field}` 出现了两次",
                "field `{field}` is given twice in {what}"
            )
        }
        Error::ExpectedDifferentStructName { expected, found } => tr!(
            lang,
            "此处应为 `{expected}(…)`，实为 `{found}(…)`",
            "expected `{expected}(…)` here, found `{found}(…)`"
        ),
        Error::ExpectedString | Error::ExpectedStringEnd => tr!(
            lang,
            "此处应为双引号括起的文字，如 \"…\"",
            "expected a text in double quotes, like \"…\""
        ),
        Error::ExpectedInteger | Error::InvalidIntegerDigit { .. } => {
            tr!(lang, "此处应为整数", "expected a whole number")
        }
        Error::ExpectedFloat | Error::FloatUnderscore => {
            tr!(lang, "此处应为数字", "expected a number")
        }
        Error::ExpectedBoolean => tr!(lang, "此处应为 true 或 false", "expected true or false"),
        Error::ExpectedStructLike => tr!(lang, "此处应为左括号 `(`", "expected an opening `(`"),
        Error::ExpectedNamedStructLike(name) => {
            tr!(lang, "此处应为 `{name}(…)`", "expected `{name}(…)` here")
        }
        Error::ExpectedIdentifier | Error::InvalidIdentifier(_) => tr!(
            lang,
            "此处应为字段名或取值名（如 `status` 或 `Done`）",
            "expected a name here (a field like `status` or a value like `Done`)"
        ),
        Error::ExpectedMap | Error::ExpectedMapColon | Error::ExpectedMapEnd => tr!(
            lang,
            "此处应为 `{{ \"键\": \"值\", … }}` 形式的映射",
            "expected a map like `{{ \"key\": \"value\", … }}`"
        ),
        Error::InvalidEscape(_) => tr!(
            lang,
            "文字中有无效的转义序列（反斜杠 `\\` 后的字符）",
            "an invalid escape sequence in a text (what follows a backslash `\\`)"
        ),
        Error::UnexpectedChar(c) => {
            let c = c.escape_debug();
            tr!(lang, "此处不应出现字符 `{c}`", "unexpected character `{c}`")
        }
        Error::InvalidValueForType { expected, found } => tr!(
            lang,
            "此处的值不合要求：应为 {expected}，实为 {found}",
            "expected {expected}, found {found}"
        ),
        Error::IntegerOutOfBounds => tr!(lang, "数值超出范围", "number is out of range"),
        Error::ExpectedComma => tr!(lang, "条目之间缺少逗号 `,`", "expected `,` between entries"),
        Error::ExpectedArray => tr!(
            lang,
            "此处应为 `[ … ]` 括起的列表",
            "expected a list in `[ … ]`"
        ),
        Error::ExpectedArrayEnd => tr!(
            lang,
            "此处应为逗号 `,` 或列表的结束括号 `]`",
            "expected `,` or the closing `]` of the list"
        ),
        Error::ExpectedStructLikeEnd => tr!(
            lang,
            "此处应为逗号 `,` 或结束括号 `)`",
            "expected `,` or the closing `)`"
        ),
        Error::Eof => tr!(
            lang,
            "文件提前结束：有括号或引号没有闭合",
            "the file ends too early: a bracket or quote is not closed"
        ),
        Error::TrailingCharacters => tr!(
            lang,
            "专项方案结束之后还有多余的文字",
            "unexpected text after the end of the program"
        ),
        Error::ExceededRecursionLimit => tr!(lang, "嵌套层数过多", "nested too deeply"),
        Error::UnclosedBlockComment => tr!(
            lang,
            "`/* … */` 注释没有闭合",
            "a `/* … */` comment is not closed"
        ),
        Error::Message(m) => match m.strip_prefix(INVALID_DATE) {
            Some(s) => tr!(
                lang,
                "日期 `{s}` 无效，应为按 YYYY-MM-DD 书写的真实日期",
                "invalid date `{s}`; expected a real day written YYYY-MM-DD"
            ),
            None => tr!(lang, "格式错误：{m}", "{m}"),
        },
        // Rare forms (bad escapes, odd numbers): ron's own sentence; in Chinese marked as a
        // format error, in English with its capital dropped so it reads like ours.
        other => {
            let s = other.to_string();
            let mut c = s.chars();
            let own: String = match c.next() {
                Some(f) => f.to_lowercase().chain(c).collect(),
                None => s,
            };
            tr!(lang, "格式错误：{own}", "{own}")
        }
    }
}
