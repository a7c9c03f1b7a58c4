use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDateTime;

use crate::domain::schedule::{self, Assessment};
use crate::domain::{Date, Program};
use crate::storage::{ContentHash, Diagnostic, FileLoad};

/// One board file as the app knows it: the last good program read from it, and the error that
/// keeps a newer version from replacing it, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    pub path: PathBuf,
    pub program: Option<Program>,
    pub assessment: Option<Assessment>,
    pub error: Option<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    /// Hash of the version `program` was read from.
    pub hash: Option<ContentHash>,
    /// Measures changed by the last reloads, by id, with when: shown marked for a while.
    pub marks: HashMap<String, NaiveDateTime>,
}

impl Board {
    pub fn from_load(load: FileLoad, today: Date, due_soon_days: i64) -> Board {
        let mut b = Board {
            path: load.path.clone(),
            program: None,
            assessment: None,
            error: None,
            warnings: Vec::new(),
            hash: None,
            marks: HashMap::new(),
        };
        b.apply(load, today, due_soon_days);
        b
    }

    /// Takes a fresh read of the file. A failed read keeps the last good program.
    pub fn apply(&mut self, load: FileLoad, today: Date, due_soon_days: i64) {
        self.error = load.first_error().cloned();
        self.warnings = load
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::storage::Severity::Warning)
            .cloned()
            .collect();
        if let Some(p) = load.program {
            self.assessment = Some(schedule::assess(&p, today, due_soon_days));
            self.program = Some(p);
            self.hash = load.hash;
        }
    }

    pub fn reassess(&mut self, today: Date, due_soon_days: i64) {
        self.assessment = self
            .program
            .as_ref()
            .map(|p| schedule::assess(p, today, due_soon_days));
    }

    /// The file name, for banners and status lines.
    /// The file name, safe to show: a name is someone else's input as much as the content.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| crate::text::sanitize(&n.to_string_lossy()))
            .unwrap_or_default()
    }

    pub fn title(&self) -> String {
        self.program
            .as_ref()
            .map(|p| p.title.clone())
            .unwrap_or_else(|| self.file_name())
    }
}
