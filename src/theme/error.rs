//! Why a theme could not be used, in the reader's language.

use crate::i18n::Lang;
use crate::storage::IoCause;
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeError {
    /// Neither a built-in name nor a file that can be read.
    NoSuchTheme {
        spec: String,
        cause: IoCause,
    },
    CannotRead {
        spec: String,
        cause: IoCause,
    },
    /// The theme file `name` is readable but wrong.
    In {
        name: String,
        problem: Problem,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Syntax {
        line: usize,
        col: usize,
        error: ron::error::Error,
    },
    UnknownBase(String),
    Unset(String),
    BadColour {
        at: String,
        value: String,
    },
}

impl ThemeError {
    pub fn in_theme(name: &str, problem: Problem) -> ThemeError {
        ThemeError::In {
            name: name.to_owned(),
            problem,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            ThemeError::NoSuchTheme { spec, cause } => {
                let built_in = super::BUILT_IN.map(|(n, _)| n).join(", ");
                let c = cause.text(lang);
                tr!(
                    lang,
                    "没有名为 `{spec}` 的主题（内置：{built_in}）；作为文件：{c}",
                    "no theme named `{spec}` (built in: {built_in}); as a file: {c}"
                )
            }
            ThemeError::CannotRead { spec, cause } => {
                let c = cause.text(lang);
                tr!(
                    lang,
                    "无法读取主题 {spec}：{c}",
                    "cannot read theme {spec}: {c}"
                )
            }
            ThemeError::In { name, problem } => {
                let p = problem.text(lang);
                tr!(lang, "主题 {name}：{p}", "theme {name}: {p}")
            }
        }
    }
}

impl Problem {
    fn text(&self, lang: Lang) -> String {
        match self {
            Problem::Syntax { line, col, error } => format!(
                "{line}:{col}: {}",
                crate::describe::parse_error(error, lang)
            ),
            Problem::UnknownBase(b) => {
                tr!(lang, "未知的基础主题 `{b}`", "unknown base theme `{b}`")
            }
            Problem::Unset(at) => tr!(lang, "`{at}` 没有设置", "`{at}` is not set"),
            Problem::BadColour { at, value } => tr!(
                lang,
                "`{at}`：未知的颜色 `{value}`（请用 `red` 这样的名称、`#rrggbb` 或 0–255）",
                "`{at}`: unknown colour `{value}` (use a name like `red`, `#rrggbb` or 0–255)"
            ),
        }
    }
}
