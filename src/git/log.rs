//! The commits that changed one file, newest first, with the file's blob in each and in each
//! of its parents: what [`super::changes`] compares. Bounded twice, so a long or busy history
//! costs a fixed amount of work: at most [`MAX_FILE_COMMITS`] commits that touch the file, and
//! at most [`MAX_WALK`] commits looked at in all.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDateTime;
use gix::ObjectId;

use super::{GitError, Repo, err, local_time};

/// The commits of a file the detail pane looks back over: the file's last few hundred.
pub const MAX_FILE_COMMITS: usize = 300;
/// Commits of the whole repository looked at to find them, at most.
pub const MAX_WALK: usize = 5000;

/// One commit that changed the file.
#[derive(Debug, Clone)]
pub struct FileCommit {
    pub id: ObjectId,
    pub author: String,
    pub email: String,
    /// When the author made it, on their own clock.
    pub at: NaiveDateTime,
    /// The file's blob here; `None` where the commit deleted it.
    pub blob: Option<ObjectId>,
    /// The file's blob in each parent, in parent order; `None` where a parent lacks it.
    pub parent_blobs: Vec<Option<ObjectId>>,
}

impl Repo {
    /// The commits reachable from `HEAD` that changed `rel` (a path from
    /// [`Repo::relative`]), newest first. A merge that took one side's file as it was changed
    /// nothing of its own and is left out. An empty list for a repository with no commits.
    pub fn file_commits(&self, rel: &Path) -> Result<Vec<FileCommit>, GitError> {
        let Ok(head) = self.repo.head_id() else {
            return Ok(Vec::new());
        };
        let walk = self
            .repo
            .rev_walk([head.detach()])
            .sorting(gix::revision::walk::Sorting::ByCommitTime(
                Default::default(),
            ))
            .all()
            .map_err(err)?;
        let mut blobs: HashMap<ObjectId, Option<ObjectId>> = HashMap::new();
        let mut out = Vec::new();
        for info in walk.take(MAX_WALK) {
            let info = info.map_err(err)?;
            let id = info.id;
            let blob = self.blob_at(id, rel, &mut blobs)?;
            let parents: Vec<ObjectId> = info.parent_ids.iter().copied().collect();
            let mut parent_blobs = Vec::with_capacity(parents.len());
            for p in parents {
                parent_blobs.push(self.blob_at(p, rel, &mut blobs)?);
            }
            let changed = if parent_blobs.is_empty() {
                blob.is_some()
            } else {
                parent_blobs.iter().all(|p| *p != blob)
            };
            if !changed {
                continue;
            }
            let commit = self.repo.find_commit(id).map_err(err)?;
            let author = commit.author().map_err(err)?;
            out.push(FileCommit {
                id,
                author: author.name.to_string(),
                email: author.email.to_string(),
                at: author.time().map(local_time).unwrap_or_default(),
                blob,
                parent_blobs,
            });
            if out.len() >= MAX_FILE_COMMITS {
                break;
            }
        }
        Ok(out)
    }

    /// The file's blob in commit `id`, remembered: each commit is also its children's parent.
    fn blob_at(
        &self,
        id: ObjectId,
        rel: &Path,
        seen: &mut HashMap<ObjectId, Option<ObjectId>>,
    ) -> Result<Option<ObjectId>, GitError> {
        if let Some(b) = seen.get(&id) {
            return Ok(*b);
        }
        let tree = self
            .repo
            .find_commit(id)
            .map_err(err)?
            .tree()
            .map_err(err)?;
        let blob = tree
            .lookup_entry_by_path(rel)
            .map_err(err)?
            .filter(|e| e.mode().is_blob())
            .map(|e| e.object_id());
        seen.insert(id, blob);
        Ok(blob)
    }

    /// A blob's bytes.
    pub fn blob(&self, id: ObjectId) -> Result<Vec<u8>, GitError> {
        Ok(self.repo.find_blob(id).map_err(err)?.data.clone())
    }
}

impl Repo {
    /// The commit `HEAD` names now; `None` before the first commit.
    pub fn head_id(&self) -> Option<ObjectId> {
        self.repo.head_id().ok().map(|id| id.detach())
    }
}
