//! Git as rectify uses it: the repository a boards folder lives in, a board file's history, the
//! boards as they were at a revision, and a commit of one saved file. All of it through gix, so
//! a machine without a `git` binary works the same; a folder outside any repository simply has
//! no [`Repo`], and everything that would use one behaves as before.
//!
//! Bytes and commits only: this layer knows nothing of boards. Reading them (`storage`) and
//! saying what went wrong (`describe`) sit above it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime};

pub mod at_rev;
pub mod commit;
pub mod log;

/// What went wrong in git, as data: the words are chosen by `describe::git_error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitError {
    /// The folder is in no git work tree.
    NoRepository(PathBuf),
    /// The path is not inside the repository's work tree.
    Outside(PathBuf),
    /// gix's own message (English: it is the library's).
    Git(String),
}

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GitError::NoRepository(p) => write!(f, "{} is not in a git work tree", p.display()),
            GitError::Outside(p) => write!(f, "{} is outside the work tree", p.display()),
            GitError::Git(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for GitError {}

pub(crate) fn err(e: impl std::fmt::Display) -> GitError {
    GitError::Git(e.to_string())
}

/// The work tree a folder is in, and the repository behind it.
pub struct Repo {
    repo: gix::Repository,
    /// The work tree's root, canonical, so paths under it can be made relative.
    root: PathBuf,
}

impl Repo {
    /// The repository whose work tree holds `dir`; `None` for a folder outside any, or in a
    /// bare repository (no files to read boards from).
    pub fn discover(dir: &Path) -> Option<Repo> {
        let repo = gix::discover(dir).ok()?;
        let root = std::fs::canonicalize(repo.workdir()?).ok()?;
        Some(Repo { repo, root })
    }

    /// `path` as git names it: relative to the work tree's root, with `/` between parts.
    /// `None` for a path outside the work tree.
    pub fn relative(&self, path: &Path) -> Option<PathBuf> {
        // The file may not exist yet (a board being created): canonicalise its folder.
        let name = path.file_name()?;
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let dir = std::fs::canonicalize(parent).ok()?;
        let rel = dir.strip_prefix(&self.root).ok()?.join(name);
        Some(rel)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// A git time as the wall clock of whoever made it read: the day and hour they would name.
pub(crate) fn local_time(t: gix::date::Time) -> NaiveDateTime {
    DateTime::from_timestamp(t.seconds + i64::from(t.offset), 0)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}
