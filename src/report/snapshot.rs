//! A snapshot: the boards as they stood on a day, kept in a JSON file so that the next meeting
//! can ask what changed since.
//!
//! The file has its own serde structs rather than the domain's, so that a change to the
//! in-memory model never silently changes a file people keep between meetings.

use serde::{Deserialize, Serialize};

use super::texts::texts;
use crate::domain::{Date, Measure, Milestone, Program, Status, StatusKind};
use crate::i18n::Lang;

/// The word that marks a snapshot file, so that any other JSON is refused by name.
pub const FORMAT: &str = "rectify-snapshot";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The day it was taken; deadlines then are judged against it.
    pub taken: Date,
    pub boards: Vec<SnapshotBoard>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotBoard {
    /// The board's file name, to tell a program whose file is broken now from one removed.
    pub file: String,
    pub program: Program,
}

impl Snapshot {
    pub fn program(&self, id: &str) -> Option<&Program> {
        self.boards.iter().map(|b| &b.program).find(|p| p.id == id)
    }

    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let file = SnapshotFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            taken: self.taken,
            programs: self.boards.iter().map(FileProgram::from).collect(),
        };
        serde_json::to_string_pretty(&file).map(|mut s| {
            s.push('\n');
            s
        })
    }

    /// Reads the snapshot file at `path`; what went wrong is said in `lang`.
    pub fn from_file(path: &std::path::Path, lang: Lang) -> Result<Snapshot, String> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            (texts(lang).cannot_read_snapshot)(&crate::storage::IoCause::from(&e).text(lang))
        })?;
        Snapshot::read(&text).map_err(|e| e.message(lang))
    }

    /// What `--since` names: a snapshot file when it is one, else a git revision (`HEAD~1`, a
    /// tag, `main@{2023-07-01}`) of the repository holding `dir`, whose boards are read as they
    /// were then. Said in `lang` when it is neither.
    pub fn from_since(
        spec: &std::path::Path,
        dir: &std::path::Path,
        lang: Lang,
    ) -> Result<Snapshot, String> {
        if spec.is_file() {
            return Snapshot::from_file(spec, lang);
        }
        // Neither reading is preferred in the message: say why it is not a snapshot file and
        // why not a revision, and let the user see which one they meant.
        let not_file = match Snapshot::from_file(spec, lang) {
            Ok(s) => return Ok(s),
            Err(e) => e,
        };
        let rev = spec.to_string_lossy();
        let Some(repo) = crate::git::Repo::discover(dir) else {
            return Err(crate::tr!(
                lang,
                "{not_file}；看板文件夹也不在 git 仓库中，无法当作修订版本读取",
                "{not_file}; and the boards folder is not in a git repository, so it cannot be read as a revision"
            ));
        };
        // gix's own words (English) say what is wrong with the revision.
        let at = repo.folder_at(&rev, dir).map_err(|e| {
            crate::tr!(
                lang,
                "{not_file}；也不是 git 修订版本（git：{e}）",
                "{not_file}; nor is it a git revision (git: {e})"
            )
        })?;
        Ok(Snapshot::of_files(Date(at.at.date()), dir, at.files))
    }

    /// The boards among `files` (name and bytes) that read, as they stood on `taken`; a file
    /// that was broken then is left out, as `snapshot` leaves it out.
    pub fn of_files(taken: Date, dir: &std::path::Path, files: Vec<(String, Vec<u8>)>) -> Snapshot {
        let boards = files
            .into_iter()
            .filter(|(name, _)| crate::storage::is_board_path(std::path::Path::new(name)))
            .filter_map(|(file, bytes)| {
                let program = crate::storage::load_bytes(&dir.join(&file), &bytes).program?;
                Some(SnapshotBoard { file, program })
            })
            .collect();
        Snapshot { taken, boards }
    }

    /// Reads a snapshot file's text; the error can say what is wrong in either language.
    pub fn read(text: &str) -> Result<Snapshot, SnapshotError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let head: Header =
            serde_json::from_str(text).map_err(|e| SnapshotError::NotJson(e.to_string()))?;
        if head.format.as_deref() != Some(FORMAT) {
            return Err(SnapshotError::NotASnapshot);
        }
        if head.version != Some(VERSION) {
            return Err(SnapshotError::Version(head.version));
        }
        let file: SnapshotFile =
            serde_json::from_str(text).map_err(|e| SnapshotError::Invalid(e.to_string()))?;
        let boards = file
            .programs
            .into_iter()
            .map(FileProgram::into_board)
            .collect::<Result<Vec<_>, SnapshotError>>()?;
        Ok(Snapshot {
            taken: file.taken,
            boards,
        })
    }
}

/// Why a file is not a snapshot this version can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not JSON at all; the parser's own message.
    NotJson(String),
    /// JSON without `"format": "rectify-snapshot"`.
    NotASnapshot,
    /// Another version, or none.
    Version(Option<u32>),
    /// A snapshot whose content does not fit; the parser's own message.
    Invalid(String),
    UnknownStatus {
        measure: String,
        status: String,
    },
}

impl SnapshotError {
    pub fn message(&self, lang: Lang) -> String {
        let t = texts(lang);
        match self {
            SnapshotError::NotJson(e) => (t.not_json)(e),
            SnapshotError::NotASnapshot => t.no_format.to_owned(),
            SnapshotError::Version(v) => (t.bad_version)(*v, VERSION),
            SnapshotError::Invalid(e) => (t.bad_snapshot)(e),
            SnapshotError::UnknownStatus { measure, status } => (t.unknown_status)(measure, status),
        }
    }
}

/// Read first and leniently, so a file from another tool or version gets a plain message.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotFile {
    format: String,
    version: u32,
    taken: Date,
    programs: Vec<FileProgram>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileProgram {
    file: String,
    id: String,
    title: String,
    lead: String,
    start: Date,
    due: Date,
    goal: String,
    measures: Vec<FileMeasure>,
    milestones: Vec<FileMilestone>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileMeasure {
    id: String,
    title: String,
    owner: String,
    due: Date,
    revised: Vec<Date>,
    /// The word written in board files: `NotStarted`, `InProgress`, `Blocked`, `Done`,
    /// `SignedOff`.
    status: String,
    blocked_reason: Option<String>,
    progress: i64,
    notes: String,
    signed_off: Option<Date>,
    signed_by: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileMilestone {
    title: String,
    due: Date,
    done: Option<Date>,
}

impl From<&SnapshotBoard> for FileProgram {
    fn from(b: &SnapshotBoard) -> FileProgram {
        let p = &b.program;
        FileProgram {
            file: b.file.clone(),
            id: p.id.clone(),
            title: p.title.clone(),
            lead: p.lead.clone(),
            start: p.start,
            due: p.due,
            goal: p.goal.clone(),
            measures: p.measures.iter().map(FileMeasure::from).collect(),
            milestones: p
                .milestones
                .iter()
                .map(|m| FileMilestone {
                    title: m.title.clone(),
                    due: m.due,
                    done: m.done,
                })
                .collect(),
        }
    }
}

impl From<&Measure> for FileMeasure {
    fn from(m: &Measure) -> FileMeasure {
        FileMeasure {
            id: m.id.clone(),
            title: m.title.clone(),
            owner: m.owner.clone(),
            due: m.due,
            revised: m.revised.clone(),
            status: m.status.kind().ron_name().to_owned(),
            blocked_reason: match &m.status {
                Status::Blocked(r) => Some(r.clone()),
                _ => None,
            },
            progress: m.progress,
            notes: m.notes.clone(),
            signed_off: m.signed_off,
            signed_by: m.signed_by.clone(),
        }
    }
}

impl FileProgram {
    fn into_board(self) -> Result<SnapshotBoard, SnapshotError> {
        let measures = self
            .measures
            .into_iter()
            .map(|m| {
                let status = status_from(&m.status, m.blocked_reason).ok_or_else(|| {
                    SnapshotError::UnknownStatus {
                        measure: m.id.clone(),
                        status: m.status.clone(),
                    }
                })?;
                Ok(Measure {
                    id: m.id,
                    title: m.title,
                    owner: m.owner,
                    due: m.due,
                    revised: m.revised,
                    status,
                    progress: m.progress,
                    notes: m.notes,
                    signed_off: m.signed_off,
                    signed_by: m.signed_by,
                })
            })
            .collect::<Result<Vec<_>, SnapshotError>>()?;
        Ok(SnapshotBoard {
            file: self.file,
            program: Program {
                id: self.id,
                title: self.title,
                lead: self.lead,
                start: self.start,
                due: self.due,
                goal: self.goal,
                measures,
                milestones: self
                    .milestones
                    .into_iter()
                    .map(|m| Milestone {
                        title: m.title,
                        due: m.due,
                        done: m.done,
                    })
                    .collect(),
            },
        })
    }
}

fn status_from(word: &str, reason: Option<String>) -> Option<Status> {
    let kind = StatusKind::ALL.into_iter().find(|k| k.ron_name() == word)?;
    Some(match kind {
        StatusKind::NotStarted => Status::NotStarted,
        StatusKind::InProgress => Status::InProgress,
        StatusKind::Blocked => Status::Blocked(reason.unwrap_or_default()),
        StatusKind::Done => Status::Done,
        StatusKind::SignedOff => Status::SignedOff,
    })
}
