//! Who changed what, from git: a board file's versions compared measure by measure, each
//! commit's changes as history lines (the same [`HistoryEntry`] the history file holds), so the
//! detail pane says them in the board's words with the describers it uses for local saves.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gix::ObjectId;

use crate::domain::edit::Field;
use crate::domain::{Measure, Program};
use crate::git::log::FileCommit;
use crate::git::{GitError, Repo};
use crate::storage;
use crate::storage::history::HistoryEntry;

/// What was worked out once and holds for good: a commit's changes to a file never change.
/// Bounded: emptied when it grows past [`Cache::LIMIT`] commits.
#[derive(Default)]
pub struct Cache {
    lines: HashMap<(PathBuf, ObjectId), Vec<HistoryEntry>>,
    programs: HashMap<ObjectId, Option<Program>>,
    /// A file's commits, as walked from the `HEAD` named with them.
    commits: HashMap<PathBuf, (ObjectId, Vec<FileCommit>)>,
}

impl Cache {
    pub const LIMIT: usize = 4096;

    fn program(&mut self, repo: &Repo, file: &Path, blob: ObjectId) -> Option<Program> {
        if self.programs.len() > Self::LIMIT {
            self.programs.clear();
        }
        self.programs
            .entry(blob)
            .or_insert_with(|| {
                let bytes = repo.blob(blob).ok()?;
                storage::load_bytes(file, &bytes).program
            })
            .clone()
    }

    /// The commits that changed `rel`, walked again only when `HEAD` moved.
    fn commits(&mut self, repo: &Repo, rel: &Path) -> Result<Vec<FileCommit>, GitError> {
        let head = repo.head_id();
        if let Some((at, list)) = self.commits.get(rel)
            && Some(*at) == head
        {
            return Ok(list.clone());
        }
        let list = repo.file_commits(rel)?;
        if let Some(h) = head {
            self.commits.insert(rel.to_owned(), (h, list.clone()));
        }
        Ok(list)
    }
}

/// The last changes git knows of measure `measure` in board file `file` (a path on disk), at
/// most `saves` commits' worth, oldest first.
pub fn measure_changes(
    repo: &Repo,
    file: &Path,
    measure: &str,
    saves: usize,
    cache: &mut Cache,
) -> Result<Vec<HistoryEntry>, GitError> {
    let Some(rel) = repo.relative(file) else {
        return Ok(Vec::new());
    };
    let mut found: Vec<Vec<HistoryEntry>> = Vec::new();
    for c in cache.commits(repo, &rel)? {
        if found.len() >= saves {
            break;
        }
        let key = (rel.clone(), c.id);
        if !cache.lines.contains_key(&key) {
            let lines = commit_lines(repo, file, &c, cache);
            if cache.lines.len() > Cache::LIMIT {
                cache.lines.clear();
            }
            cache.lines.insert(key.clone(), lines);
        }
        let of_measure: Vec<HistoryEntry> = cache.lines[&key]
            .iter()
            .filter(|h| h.measure == measure)
            .cloned()
            .collect();
        if !of_measure.is_empty() {
            found.push(of_measure);
        }
    }
    Ok(found.into_iter().rev().flatten().collect())
}

/// Every measure's changes in one commit, as history lines by its author. A version that does
/// not parse has nothing to compare; a merge is credited only with what differs from every
/// side it joined (its own resolution), not with what one side brought.
fn commit_lines(repo: &Repo, file: &Path, c: &FileCommit, cache: &mut Cache) -> Vec<HistoryEntry> {
    let Some(new) = c.blob.and_then(|b| cache.program(repo, file, b)) else {
        return Vec::new();
    };
    let parents: Vec<Program> = c
        .parent_blobs
        .iter()
        .filter_map(|b| b.and_then(|b| cache.program(repo, file, b)))
        .collect();
    if parents.is_empty() {
        return Vec::new();
    }
    let line = |measure: &str, field: &str, change: String| HistoryEntry {
        at: c.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        user: c.author.clone(),
        program: new.id.clone(),
        measure: measure.to_owned(),
        field: field.to_owned(),
        change,
    };
    let mut lines = Vec::new();
    for m in &new.measures {
        let olds: Vec<Option<&Measure>> = parents.iter().map(|p| p.measure(&m.id)).collect();
        let Some(first) = olds.iter().flatten().next() else {
            lines.push(line(&m.id, "added", String::new()));
            continue;
        };
        for f in Field::ALL {
            let now = f.get(m);
            if olds.iter().all(|o| o.is_none_or(|o| f.get(o) != now)) {
                let what = format!("{} → {}", f.get(first).show(), now.show());
                lines.push(line(&m.id, f.name(), what));
            }
        }
    }
    for o in &parents[0].measures {
        let everywhere = parents.iter().all(|p| p.measure(&o.id).is_some());
        if everywhere && new.measure(&o.id).is_none() {
            lines.push(line(&o.id, "removed", String::new()));
        }
    }
    lines
}
