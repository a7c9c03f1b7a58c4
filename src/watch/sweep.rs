//! The safety check under native watching: change events can be lost (an inotify queue
//! overflow, a folder that turns out to be a share after all, a bind mount written from
//! elsewhere), and a lost event leaves the board showing old data with nothing to say so.
//! Every so often the board files' sizes and mtimes are compared with the last look; a change
//! no event reported is handed back to be reloaded and reported as missed.
//!
//! It is a rule over what it is given: the event loop owns the clock and says when it is.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::storage::is_board_path;

/// How often the check runs: rare enough to cost nothing at idle, soon enough that a missed
/// change is not missed for long.
pub const EVERY: Duration = Duration::from_secs(30);
/// A file written this recently may still have its event on the way (the watcher's settle
/// time): it is judged at the next check, not now.
const IN_FLIGHT: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stat {
    len: u64,
    mtime: Option<SystemTime>,
}

#[derive(Debug)]
pub struct Sweep {
    dir: PathBuf,
    every: Duration,
    next: Instant,
    seen: HashMap<PathBuf, Stat>,
}

impl Sweep {
    /// Takes the first look now; the first check is `every` later.
    pub fn new(dir: &Path, every: Duration, now: Instant) -> Sweep {
        let mut s = Sweep {
            dir: dir.to_path_buf(),
            every,
            next: now + every,
            seen: HashMap::new(),
        };
        s.seen = s.look();
        s
    }

    /// When the next check is due.
    pub fn due(&self) -> Instant {
        self.next
    }

    /// An event reported these paths: what they are now is known, not missed.
    pub fn heard(&mut self, paths: &[PathBuf]) {
        for p in paths {
            match stat(p) {
                Some(st) => self.seen.insert(p.clone(), st),
                None => self.seen.remove(p),
            };
        }
    }

    /// The watcher asked for a full reload: everything is known again.
    pub fn heard_all(&mut self) {
        self.seen = self.look();
    }

    /// The board files that changed, appeared or went since the last look without an event
    /// saying so (`wall`: the time now, to tell a write still settling). Sets the next check.
    pub fn check(&mut self, now: Instant, wall: SystemTime) -> Vec<PathBuf> {
        self.next = now + self.every;
        let now_seen = self.look();
        let mut missed = Vec::new();
        for (p, st) in &now_seen {
            if self.seen.get(p) == Some(st) {
                continue;
            }
            let settling = st
                .mtime
                .and_then(|m| wall.duration_since(m).ok())
                .is_some_and(|age| age < IN_FLIGHT);
            if settling {
                continue;
            }
            self.seen.insert(p.clone(), *st);
            missed.push(p.clone());
        }
        let gone: Vec<PathBuf> = (self.seen.keys())
            .filter(|p| !now_seen.contains_key(*p))
            .cloned()
            .collect();
        for p in gone {
            self.seen.remove(&p);
            missed.push(p);
        }
        missed.sort();
        missed
    }

    /// Sizes and mtimes of the board files now; an unreadable folder shows none (its loss is
    /// the watcher's to report).
    fn look(&self) -> HashMap<PathBuf, Stat> {
        let Ok(rd) = fs::read_dir(&self.dir) else {
            return self.seen.clone();
        };
        rd.filter_map(|e| e.ok())
            .map(|e| self.dir.join(e.file_name()))
            .filter(|p| is_board_path(p))
            .filter_map(|p| stat(&p).map(|st| (p, st)))
            .collect()
    }
}

fn stat(p: &Path) -> Option<Stat> {
    let m = fs::metadata(p).ok().filter(|m| m.is_file())?;
    Some(Stat {
        len: m.len(),
        mtime: m.modified().ok(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minute after every write here: nothing is still settling.
    fn later() -> SystemTime {
        SystemTime::now() + Duration::from_secs(60)
    }

    /// A folder with one board, `a.ron`, and a check that has taken its first look.
    fn one_board() -> (tempfile::TempDir, PathBuf, Instant, Sweep) {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        fs::write(&a, "Program()").unwrap();
        let t0 = Instant::now();
        let s = Sweep::new(dir.path(), EVERY, t0);
        (dir, a, t0, s)
    }

    #[test]
    fn a_change_no_event_reported_is_missed_once() {
        let (dir, a, t0, mut s) = one_board();
        assert_eq!(s.due(), t0 + EVERY);
        assert!(s.check(t0 + EVERY, later()).is_empty(), "nothing changed");
        fs::write(&a, "Program(id: \"x\")").unwrap();
        let b = dir.path().join("b.ron");
        fs::write(&b, "Program()").unwrap();
        fs::write(dir.path().join("notes.txt"), "not a board").unwrap();
        assert_eq!(s.check(t0 + EVERY * 2, later()), vec![a.clone(), b.clone()]);
        assert_eq!(s.due(), t0 + EVERY * 3);
        assert!(s.check(t0 + EVERY * 3, later()).is_empty(), "reported once");
        fs::remove_file(&b).unwrap();
        assert_eq!(s.check(t0 + EVERY * 4, later()), vec![b]);
    }

    #[test]
    fn a_change_an_event_reported_is_not_missed() {
        let (_dir, a, t0, mut s) = one_board();
        fs::write(&a, "Program(id: \"longer\")").unwrap();
        s.heard(std::slice::from_ref(&a));
        assert!(s.check(t0 + EVERY, later()).is_empty());
        fs::write(&a, "Program(id: \"longer still\")").unwrap();
        s.heard_all();
        assert!(s.check(t0 + EVERY * 2, later()).is_empty());
    }

    #[test]
    fn a_write_still_settling_waits_for_the_next_check() {
        let (_dir, a, t0, mut s) = one_board();
        fs::write(&a, "Program(id: \"x\")").unwrap();
        let just_written = fs::metadata(&a).unwrap().modified().unwrap();
        assert!(s.check(t0 + EVERY, just_written).is_empty());
        assert_eq!(s.check(t0 + EVERY * 2, later()), vec![a]);
    }
}
