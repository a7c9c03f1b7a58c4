//! The detail pane's git lines are worked out on a thread of their own, so the board is drawn
//! first and a long history never holds up a key: the loop asks, the worker answers through the
//! loop's channel. It finds the repository on the first question, not before the first frame,
//! and waits blocked between questions (an idle board costs nothing).

use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};

use super::git_history::{self as changes, Cache};
use crate::git::{GitError, Repo};
use crate::storage::history::HistoryEntry;

/// Which measure's git lines are wanted: the board file on disk and the measure's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub file: PathBuf,
    pub program: String,
    pub measure: String,
    /// How many saves the pane shows.
    pub saves: usize,
}

/// The answer: the lines, oldest first; empty where there is no repository or the file has no
/// history there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub request: Request,
    pub lines: Vec<HistoryEntry>,
    /// Git could not be read (a damaged repository): said, and the pane keeps working.
    pub error: Option<GitError>,
}

/// Starts the worker for the boards in `dir`; `send` hands an answer to the loop and says
/// whether the loop is still there. The worker ends when the returned sender is dropped.
pub fn spawn(dir: PathBuf, send: impl Fn(Answer) -> bool + Send + 'static) -> Sender<Request> {
    let (tx, rx) = mpsc::channel::<Request>();
    std::thread::spawn(move || {
        let mut repo: Option<Option<Repo>> = None;
        let mut cache = Cache::default();
        while let Ok(mut request) = rx.recv() {
            // Only the newest question matters: the selection has moved on from the others.
            while let Ok(newer) = rx.try_recv() {
                request = newer;
            }
            let repo = repo.get_or_insert_with(|| Repo::discover(&dir));
            let answer = answer(repo.as_ref(), request, &mut cache);
            if !send(answer) {
                break;
            }
        }
    });
    tx
}

/// One question answered, on the caller's thread: what the worker does for each.
pub fn answer(repo: Option<&Repo>, request: Request, cache: &mut Cache) -> Answer {
    let result = match repo {
        Some(r) => {
            changes::measure_changes(r, &request.file, &request.measure, request.saves, cache)
        }
        None => Ok(Vec::new()),
    };
    match result {
        Ok(lines) => Answer {
            request,
            lines,
            error: None,
        },
        Err(e) => Answer {
            request,
            lines: Vec::new(),
            error: Some(e),
        },
    }
}
