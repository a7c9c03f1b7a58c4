//! `--git-commit`: a saved board file committed at once, alone. The commit's tree is `HEAD`'s
//! with only this file replaced, so whatever else the user has staged or changed stays out of
//! it; the index entry of the file is brought up to date, so `git status` shows it clean. The
//! user's name authors it, with the email from git's config when there is one. No push.

use std::path::Path;

use chrono::{Local, NaiveDateTime, Offset, TimeZone};
use gix::ObjectId;
use gix::bstr::{BStr, ByteSlice};

use super::{GitError, Repo, err};

/// Who commits, and when (the save's own time, on this machine's clock).
pub struct Committer<'a> {
    pub name: &'a str,
    pub at: NaiveDateTime,
}

/// `--git-commit` after a save: `file` committed alone in the repository that holds it.
pub fn commit_saved(
    file: &Path,
    who: &Committer<'_>,
    message: &str,
) -> Result<Option<ObjectId>, GitError> {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let repo = Repo::discover(dir).ok_or_else(|| GitError::NoRepository(dir.to_owned()))?;
    repo.commit_file(file, who, message)
}

impl Repo {
    /// Commits `path` as it is on disk now with `message`. `Ok(None)` when the file is already
    /// committed as it is (nothing to record).
    pub fn commit_file(
        &self,
        path: &Path,
        who: &Committer<'_>,
        message: &str,
    ) -> Result<Option<ObjectId>, GitError> {
        let rel = self
            .relative(path)
            .ok_or_else(|| GitError::Outside(path.to_owned()))?;
        let rel = slash_path(&rel);
        let bytes = std::fs::read(path).map_err(err)?;
        let blob = self.repo.write_blob(&bytes).map_err(err)?.detach();
        let head = self.repo.head_commit().ok();
        let base_tree = match &head {
            Some(c) => c.tree_id().map_err(err)?.detach(),
            None => ObjectId::empty_tree(self.repo.object_hash()),
        };
        let mut editor = self.repo.edit_tree(base_tree).map_err(err)?;
        editor
            .upsert(rel.as_str(), gix::object::tree::EntryKind::Blob, blob)
            .map_err(err)?;
        let tree = editor.write().map_err(err)?.detach();
        if tree == base_tree && head.is_some() {
            return Ok(None);
        }
        let name = if who.name.trim().is_empty() {
            self.config_string("user.name").unwrap_or_default()
        } else {
            who.name.to_owned()
        };
        let email = self.config_string("user.email").unwrap_or_default();
        let signature = gix::actor::Signature {
            name: name.into(),
            email: email.into(),
            time: git_time(who.at),
        };
        let mut buf = gix::date::parse::TimeBuf::default();
        let sig = signature.to_ref(&mut buf);
        let parents: Vec<ObjectId> = head.iter().map(|c| c.id).collect();
        let id = self
            .repo
            .commit_as(sig, sig, "HEAD", message, tree, parents)
            .map_err(err)?
            .detach();
        self.stage(rel.as_str().into(), path, blob)?;
        Ok(Some(id))
    }

    /// Points the file's index entry at the committed blob, with the file's stat, so git sees
    /// the file as unchanged; a file new to the repository gets an entry.
    fn stage(&self, rel: &BStr, path: &Path, blob: ObjectId) -> Result<(), GitError> {
        use gix::index::entry;
        let mut index = self.repo.open_index().or_else(|_| {
            // No index yet (a repository whose first commit this is).
            Ok::<_, GitError>(gix::index::File::from_state(
                gix::index::State::new(self.repo.object_hash()),
                self.repo.index_path(),
            ))
        })?;
        let meta = gix::index::fs::Metadata::from_path_no_follow(path).map_err(err)?;
        let stat = entry::Stat::from_fs(&meta).map_err(err)?;
        match index.entry_mut_by_path_and_stage(rel, entry::Stage::Unconflicted) {
            Some(e) => {
                e.id = blob;
                e.stat = stat;
            }
            None => {
                index.dangerously_push_entry(
                    stat,
                    blob,
                    entry::Flags::empty(),
                    entry::Mode::FILE,
                    rel,
                );
                index.sort_entries();
            }
        }
        // The cached trees no longer match this entry; git rebuilds them when it needs them.
        index.remove_tree();
        let options = gix::index::write::Options {
            extensions: gix::index::write::Extensions::Given {
                tree_cache: false,
                end_of_index_entry: true,
            },
            ..Default::default()
        };
        index.write(options).map_err(err)
    }

    fn config_string(&self, key: &str) -> Option<String> {
        let v = self.repo.config_snapshot().string(key)?;
        let v = v.to_str_lossy().trim().to_owned();
        (!v.is_empty()).then_some(v)
    }
}

/// A path git's way: `/` between the parts on every platform.
fn slash_path(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// This machine's wall-clock time as git records it: seconds since the epoch and the offset
/// from UTC in force then.
fn git_time(at: NaiveDateTime) -> gix::date::Time {
    let offset = Local
        .offset_from_local_datetime(&at)
        .earliest()
        .map(|o| o.fix().local_minus_utc())
        .unwrap_or(0);
    gix::date::Time {
        seconds: at.and_utc().timestamp() - i64::from(offset),
        offset,
    }
}
