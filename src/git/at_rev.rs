//! A folder's files as they were at a revision: `HEAD~1`, a tag such as `meeting-0715`, a
//! branch as of a day (`main@{2023-07-01}`), anything `git rev-parse` takes.

use std::path::Path;

use chrono::NaiveDateTime;
use gix::ObjectId;

use super::{GitError, Repo, err, local_time};

/// The files of one folder at one commit.
#[derive(Debug, Clone)]
pub struct FolderAt {
    pub commit: ObjectId,
    /// When the commit was made, on its committer's clock: the day the state stood for.
    pub at: NaiveDateTime,
    /// File names (no folders) and their bytes, in the tree's order.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Repo {
    /// The files directly in `dir` (a folder of this work tree) at revision `rev`. A folder
    /// that did not exist then holds no files.
    pub fn folder_at(&self, rev: &str, dir: &Path) -> Result<FolderAt, GitError> {
        let rel = self
            .relative_dir(dir)
            .ok_or_else(|| GitError::Outside(dir.to_owned()))?;
        let commit = self
            .repo
            .rev_parse_single(rev)
            .map_err(err)?
            .object()
            .map_err(err)?
            .peel_to_commit()
            .map_err(err)?;
        let at = local_time(commit.time().map_err(err)?);
        let root = commit.tree().map_err(err)?;
        let tree = if rel.as_os_str().is_empty() {
            Some(root)
        } else {
            match root.lookup_entry_by_path(&rel).map_err(err)? {
                Some(e) if e.mode().is_tree() => {
                    Some(self.repo.find_tree(e.object_id()).map_err(err)?)
                }
                _ => None,
            }
        };
        let mut files = Vec::new();
        if let Some(tree) = tree {
            for entry in tree.iter() {
                let entry = entry.map_err(err)?;
                if !entry.mode().is_blob() {
                    continue;
                }
                let bytes = self.blob(entry.object_id())?;
                files.push((entry.filename().to_string(), bytes));
            }
        }
        Ok(FolderAt {
            commit: commit.id,
            at,
            files,
        })
    }

    /// A folder's path from the work tree's root; empty for the root itself.
    fn relative_dir(&self, dir: &Path) -> Option<std::path::PathBuf> {
        let dir = std::fs::canonicalize(dir).ok()?;
        dir.strip_prefix(&self.root).ok().map(Path::to_path_buf)
    }
}
