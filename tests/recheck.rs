//! A broken read is shown only once the file has settled: the loop's driver fed the watcher's
//! reports by hand, so each test decides exactly what the file holds when it is read.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::RecvTimeoutError;

use rectify::cli::BoardArgs;
use rectify::tui::{self, Driver, Event};
use rectify::watch::WatchEvent;

const TITLE: &str = "组织各地刑侦部门开展反诈集群战役";

struct Board {
    _dir: tempfile::TempDir,
    path: PathBuf,
    text: String,
    driver: Driver,
}

impl Board {
    fn open() -> Board {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("01-fraud.ron");
        fs::copy("boards/01-fraud.ron", &path).unwrap();
        let args = BoardArgs {
            today: Some(common::today()),
            ..BoardArgs::new(dir.path())
        };
        let session = tui::prepare(&args, common::now()).unwrap();
        Board {
            _dir: dir,
            text: fs::read_to_string(&path).unwrap(),
            path,
            driver: Driver::new(session, true),
        }
    }

    /// The watcher reports the file once its writes have been quiet for a moment.
    fn reported(&mut self) {
        let ev = WatchEvent::Changed(vec![self.path.clone()]);
        self.driver.step(Ok(Event::Watch(ev)));
    }

    /// Lets a recheck asked for before now come due, and runs the loop's timer step.
    fn after_recheck_time(&mut self) {
        std::thread::sleep(tui::RECHECK);
        self.driver.step(Err(RecvTimeoutError::Timeout));
    }

    fn error_shown(&self) -> bool {
        !self.driver.session.app.errors().is_empty()
    }

    fn title(&self) -> String {
        let b = &self.driver.session.app.boards[0];
        b.program
            .as_ref()
            .unwrap()
            .measure("ZP-01")
            .unwrap()
            .title
            .clone()
    }

    fn write(&self, bytes: impl AsRef<[u8]>) {
        fs::write(&self.path, bytes).unwrap();
    }

    fn retitled(&self, title: &str) -> String {
        self.text.replacen(TITLE, title, 1)
    }

    /// The rest of a save lands and is reported; the board shows it.
    fn save_lands(&mut self, title: &str) {
        self.write(self.retitled(title));
        self.reported();
        assert_eq!(self.title(), title);
    }
}

fn truncate(p: &Path) {
    fs::File::create(p).unwrap();
}

#[test]
fn a_recheck_from_a_finished_save_does_not_judge_the_next_save_half_way() {
    let mut b = Board::open();
    // Save one: truncate, read while empty, then the text lands and is read.
    truncate(&b.path);
    b.reported();
    assert!(!b.error_shown(), "a first broken read waits");
    b.save_lands("第一次保存");
    // Save two has truncated but not written yet when save one's recheck comes due: the empty
    // bytes equal those save one's first read saw, yet they are a new save's, not a settled file.
    truncate(&b.path);
    b.after_recheck_time();
    assert!(!b.error_shown(), "an error flashed in the middle of a save");
    b.save_lands("第二次保存");
    assert!(!b.error_shown());
}

#[test]
fn a_recheck_that_finds_the_file_still_changing_waits_again() {
    let mut b = Board::open();
    truncate(&b.path);
    b.reported();
    // A slow writer (a share polled every second) is half-way when the recheck comes due, and
    // the watcher has not reported it yet.
    let full = b.retitled("慢速共享上的保存");
    let half = &full.as_bytes()[..full.len() / 2];
    b.write(half);
    b.after_recheck_time();
    assert!(!b.error_shown(), "a half-written file was shown as broken");
    b.write(&full);
    b.after_recheck_time();
    assert!(!b.error_shown());
    assert_eq!(b.title(), "慢速共享上的保存");
}

#[test]
fn a_file_that_stays_broken_is_shown_once_it_has_settled() {
    let mut b = Board::open();
    b.write(b.text.replacen("status: InProgress", "status: Doingg", 1));
    b.reported();
    assert!(!b.error_shown(), "a first broken read waits");
    b.after_recheck_time();
    assert!(
        b.error_shown(),
        "the same broken bytes a while later are an error"
    );
    assert_eq!(b.title(), TITLE, "the last good data stays");
}
