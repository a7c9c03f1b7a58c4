//! What can be wrong with the config file, in the reader's language. Every message names the
//! file, and quotes the bad value, so the fix is obvious.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::storage::IoCause;
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    CannotRead {
        path: PathBuf,
        cause: IoCause,
    },
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        error: ron::error::Error,
    },
    /// `--config FILE` names a file that is not there.
    Missing(PathBuf),
    BadLang {
        path: PathBuf,
        value: String,
    },
    DueSoonOutOfRange {
        path: PathBuf,
        days: i64,
    },
    BadKey {
        path: PathBuf,
        key: String,
    },
    BadAction {
        path: PathBuf,
        key: String,
        action: String,
    },
}

impl ConfigError {
    pub fn text(&self, lang: Lang) -> String {
        use ConfigError::*;
        match self {
            Syntax {
                path,
                line,
                col,
                error,
            } => format!(
                "{}:{line}:{col}: {}",
                path.display(),
                crate::describe::parse_error(error, lang)
            ),
            CannotRead { path, cause } => {
                let (p, c) = (path.display(), cause.text(lang));
                tr!(lang, "{p}：无法读取：{c}", "{p}: cannot read: {c}")
            }
            Missing(path) => {
                let p = path.display();
                tr!(
                    lang,
                    "配置文件 {p} 不存在",
                    "config file {p} does not exist"
                )
            }
            BadLang { path, value } => {
                let p = path.display();
                tr!(
                    lang,
                    "{p}：lang `{value}` 不是可用的语言，请用 \"zh\" 或 \"en\"",
                    "{p}: lang `{value}` is not a language; use \"zh\" or \"en\""
                )
            }
            DueSoonOutOfRange { path, days } => {
                let p = path.display();
                tr!(
                    lang,
                    "{p}：due_soon_days {days} 不在 0–90 之间",
                    "{p}: due_soon_days {days} is outside 0–90"
                )
            }
            BadKey { path, key } => {
                let p = path.display();
                tr!(
                    lang,
                    "{p}：`{key}` 不是一个按键（可写 `x`、`ctrl-x`、`f5`、`enter`）",
                    "{p}: key `{key}` is not a key (try `x`, `ctrl-x`, `f5`, `enter`)"
                )
            }
            BadAction { path, key, action } => {
                let p = path.display();
                let actions = super::ACTION_NAMES.join(", ");
                tr!(
                    lang,
                    "{p}：按键 `{key}` 绑定的 `{action}` 不是一个动作；可用的动作：{actions}",
                    "{p}: key `{key}` is bound to `{action}`, which is not an action; actions are: {actions}"
                )
            }
        }
    }
}
