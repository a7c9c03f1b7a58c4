//! `rectify check`: validate files and folders, report like a compiler.

use std::io::Write;
use std::path::PathBuf;

use anstyle::{AnsiColor, Style};

use crate::i18n::{CheckCounts, Lang};
use crate::storage::{self, Diagnostic, FileLoad, Severity};
use crate::tr;

pub struct CheckReport {
    pub loads: Vec<FileLoad>,
    /// Folders that could not be listed.
    pub unreadable: Vec<Diagnostic>,
}

impl CheckReport {
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.unreadable
            .iter()
            .chain(self.loads.iter().flat_map(|l| &l.diagnostics))
    }

    pub fn count(&self, s: Severity) -> usize {
        self.diagnostics().filter(|d| d.severity == s).count()
    }

    pub fn exit_code(&self) -> i32 {
        i32::from(self.count(Severity::Error) > 0)
    }

    pub fn summary(&self, lang: Lang) -> String {
        let programs = self.loads.iter().filter(|l| l.program.is_some()).count();
        let measures: usize = self
            .loads
            .iter()
            .filter_map(|l| l.program.as_ref())
            .map(|p| p.measures.len())
            .sum();
        (lang.texts().check_summary)(&CheckCounts {
            files: self.loads.len(),
            programs,
            measures,
            errors: self.count(Severity::Error),
            warnings: self.count(Severity::Warning),
        })
    }

    pub fn render(&self, lang: Lang, color: bool) -> String {
        let mut out = String::new();
        for d in self.diagnostics() {
            out.push_str(&paint_headline(d, lang, color));
            out.push('\n');
            if let Some(s) = d.snippet() {
                out.push_str(&s);
                out.push('\n');
            }
        }
        out.push_str(&self.summary(lang));
        out.push('\n');
        out
    }
}

fn paint_headline(d: &Diagnostic, lang: Lang, color: bool) -> String {
    if !color {
        return d.headline(lang);
    }
    let sev = match d.severity {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
    }
    .on_default()
    .bold();
    let loc = Style::new().bold();
    let (at, word, msg) = (d.location(), d.severity.word(lang), d.message(lang));
    tr!(
        lang,
        "{loc}{at}{loc:#}: {sev}{word}{sev:#}：{msg}",
        "{loc}{at}{loc:#}: {sev}{word}{sev:#}: {msg}"
    )
}

pub fn check(paths: &[PathBuf]) -> CheckReport {
    let mut report = CheckReport {
        loads: Vec::new(),
        unreadable: Vec::new(),
    };
    for path in paths {
        if path.is_dir() {
            match storage::load_dir(path) {
                Ok(loads) => report.loads.extend(loads),
                Err(d) => report.unreadable.push(d),
            }
        } else {
            report.loads.push(storage::load_file(path));
        }
    }
    storage::mark_duplicate_programs(&mut report.loads);
    report
}

/// Runs the command and returns the process exit code.
pub fn run(paths: &[PathBuf], lang: Lang) -> i32 {
    let default = [PathBuf::from("boards")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let report = check(paths);
    // anstream drops the colours when stdout is no terminal or NO_COLOR is set, and speaks the
    // console API to an old Windows console that reads no escapes.
    let mut out = anstream::stdout();
    let _ = write!(out, "{}", report.render(lang, true));
    report.exit_code()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coloured_report_reads_the_same_once_its_colours_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("broken.ron");
        std::fs::write(&board, "(title: \"x\", measures: [oops])").unwrap();
        let report = check(&[board]);
        for lang in [Lang::Zh, Lang::En] {
            let coloured = report.render(lang, true);
            assert!(coloured.contains("\x1b[1m"), "{coloured:?}");
            assert!(coloured.contains("\x1b[1m\x1b[31m"), "{coloured:?}");
            assert_eq!(
                anstream::adapter::strip_str(&coloured).to_string(),
                report.render(lang, false)
            );
        }
    }
}
