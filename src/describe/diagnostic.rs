//! Diagnostics in the reader's words: the severity's word, the message made terminal-safe,
//! and the `path:line:col: severity: message` line `rectify check` prints.

use crate::i18n::Lang;
use crate::storage::{Diagnostic, Severity};
use crate::tr;

impl Severity {
    pub fn word(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Zh, Severity::Warning) => "警告",
            (Lang::Zh, Severity::Error) => "错误",
            (Lang::En, Severity::Warning) => "warning",
            (Lang::En, Severity::Error) => "error",
        }
    }
}

impl Diagnostic {
    /// The problem in words, made terminal-safe: it may quote the file's text.
    pub fn message(&self, lang: Lang) -> String {
        crate::text::sanitize(&self.problem.text(lang))
    }

    /// `path:line:col: message`, for a banner that shows only errors.
    pub fn brief(&self, lang: Lang) -> String {
        format!("{}: {}", self.location(), self.message(lang))
    }

    /// `path:line:col: severity: message`: `rectify check` prints this line as it is.
    pub fn headline(&self, lang: Lang) -> String {
        let (loc, word, msg) = (
            self.location(),
            self.severity.word(lang),
            self.message(lang),
        );
        tr!(lang, "{loc}: {word}：{msg}", "{loc}: {word}: {msg}")
    }

    /// The headline and, under it, the snippet.
    pub fn render(&self, lang: Lang) -> String {
        match self.snippet() {
            Some(s) => format!("{}\n{s}", self.headline(lang)),
            None => self.headline(lang),
        }
    }
}
