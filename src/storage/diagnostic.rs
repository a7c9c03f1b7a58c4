//! A problem positioned in a file. Put into words by `describe`, which adds the headline
//! (`path:line:col: severity: message`) to the location and snippet made here.

use std::path::{Path, PathBuf};

use super::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file, positioned for a human: 1-based line and column, the column
/// counted in characters as an editor's status bar counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub problem: Problem,
    /// The offending line as it is in the file (empty when the problem is the whole file).
    pub source_line: String,
}

impl Diagnostic {
    /// A problem with the file as a whole (unreadable, too large): no line to point at.
    pub fn file(path: &Path, severity: Severity, problem: Problem) -> Diagnostic {
        Diagnostic {
            path: path.to_owned(),
            line: 1,
            col: 1,
            severity,
            problem,
            source_line: String::new(),
        }
    }

    /// A problem at a byte offset into `text`.
    pub fn at_offset(
        path: &Path,
        text: &str,
        offset: usize,
        severity: Severity,
        problem: Problem,
    ) -> Diagnostic {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..offset].matches('\n').count() + 1;
        let col = text[line_start..offset].chars().count() + 1;
        Diagnostic::at_line_col(path, text, line, col, severity, problem)
    }

    pub fn at_line_col(
        path: &Path,
        text: &str,
        line: usize,
        col: usize,
        severity: Severity,
        problem: Problem,
    ) -> Diagnostic {
        let source_line = text
            .split('\n')
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_owned();
        Diagnostic {
            path: path.to_owned(),
            line,
            col,
            severity,
            problem,
            source_line,
        }
    }

    /// `path:line:col`, the part editors and CI logs link from; a file may be named anything,
    /// so it is made terminal-safe.
    pub fn location(&self) -> String {
        crate::text::sanitize(&format!(
            "{}:{}:{}",
            self.path.display(),
            self.line,
            self.col
        ))
    }

    /// The source line and a caret under the column, each prefixed by a gutter.
    pub fn snippet(&self) -> Option<String> {
        if self.source_line.is_empty() {
            return None;
        }
        let shown = crate::text::sanitize(&self.source_line);
        // The caret sits under the column's character, which may be double width.
        let lead: String = shown.chars().take(self.col.saturating_sub(1)).collect();
        let pad = " ".repeat(crate::text::width(&lead));
        let num = self.line.to_string();
        let gutter = " ".repeat(num.len());
        Some(format!("{num} | {shown}\n{gutter} | {pad}^"))
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
