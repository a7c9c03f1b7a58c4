#![allow(dead_code)]
//! A running board without a terminal: the real watcher on a temp folder, the loop's logic
//! driven headless, and a way to wait for the app state with a timeout.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use rectify::app::App;
use rectify::cli::BoardArgs;
use rectify::tui::{self, Driver, Event};
use rectify::watch::Watcher;

pub struct Live {
    pub dir: tempfile::TempDir,
    pub driver: Driver,
    rx: Receiver<Event>,
    _watcher: Option<Watcher>,
    /// Whether an error banner was ever up since the last `reset`.
    pub saw_error: bool,
    /// Every file change the status line reported, in order.
    pub reported: Vec<String>,
    /// When the last key was pressed, on a clock of its own that moves at a person's pace.
    keys_at: Instant,
}

impl Live {
    pub fn start(poll: Option<Duration>) -> Live {
        let dir = tempfile::tempdir().unwrap();
        Live::start_in_temp(dir, poll)
    }

    /// A board over `root/boards`, a folder made inside `root` (a mount, say).
    pub fn start_in(root: &Path, poll: Option<Duration>) -> Live {
        let dir = tempfile::tempdir_in(root).unwrap();
        Live::start_in_temp(dir, poll)
    }

    pub fn dir_path(&self) -> &Path {
        self.dir.path()
    }

    fn start_in_temp(dir: tempfile::TempDir, poll: Option<Duration>) -> Live {
        for f in ["01-fraud.ron", "02-railway.ron"] {
            fs::copy(Path::new("boards").join(f), dir.path().join(f)).unwrap();
        }
        let args = BoardArgs {
            today: Some(super::today()),
            poll,
            user: "测试员".into(),
            ..BoardArgs::new(dir.path())
        };
        let mut session = tui::prepare(&args, super::now()).unwrap();
        let (tx, rx) = mpsc::channel();
        let watcher = tui::start_watcher(&args, &mut session, tx);
        assert!(watcher.is_some(), "{:?}", session.app.notice);
        let mut driver = Driver::new(session, true);
        rectify::app::update(
            &mut driver.session.app,
            rectify::app::Action::Resize(160, 45),
        );
        Live {
            dir,
            driver,
            rx,
            _watcher: watcher,
            saw_error: false,
            reported: Vec::new(),
            keys_at: Instant::now(),
        }
    }

    pub fn app(&self) -> &App {
        &self.driver.session.app
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs the loop until `ok` holds, failing after 10 s.
    pub fn until(&mut self, what: &str, ok: impl Fn(&App) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !ok(self.app()) {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            let wait = self
                .driver
                .wait()
                .unwrap_or(Duration::from_millis(100))
                .min(Duration::from_millis(100));
            let got = self.rx.recv_timeout(wait);
            if matches!(got, Err(RecvTimeoutError::Disconnected)) {
                panic!("watcher gone");
            }
            self.driver.step(got);
            self.saw_error |= !self.app().errors().is_empty();
            if let Some(c) = &self.app().last_change {
                let seen = format!("{} {:?} {}", c.file, c.kind, c.at);
                if self.reported.last() != Some(&seen) {
                    self.reported.push(seen);
                }
            }
        }
    }

    pub fn title(&self, id: &str) -> Option<String> {
        let b = self
            .app()
            .boards
            .iter()
            .find(|b| b.path.ends_with("01-fraud.ron"))?;
        Some(b.program.as_ref()?.measure(id)?.title.clone())
    }
}

/// Presses a key, as the terminal would deliver it, a tenth of a second after the last: keys
/// microseconds apart would be a paste.
pub fn key(live: &mut Live, c: crossterm::event::KeyCode) {
    chord(live, c, crossterm::event::KeyModifiers::NONE);
}

/// Presses a key with modifiers (Ctrl-R, Shift-Tab), as the terminal would deliver it; what
/// the loop does next.
pub fn chord(
    live: &mut Live,
    c: crossterm::event::KeyCode,
    mods: crossterm::event::KeyModifiers,
) -> tui::Step {
    use crossterm::event::{Event as TermEvent, KeyEvent};
    let ev = TermEvent::Key(KeyEvent::new(c, mods));
    live.keys_at += Duration::from_millis(100);
    live.driver.step(Ok(Event::Input(ev, live.keys_at)))
}

pub fn keys(live: &mut Live, ks: &[crossterm::event::KeyCode]) {
    for &k in ks {
        key(live, k);
    }
}

/// Typed a key at a time, as a person types.
pub fn type_in(live: &mut Live, s: &str) {
    for c in s.chars() {
        key(live, crossterm::event::KeyCode::Char(c));
    }
}

/// The program screen of the first board with measure `id` selected.
pub fn open_at(live: &mut Live, id: &str) {
    key(live, crossterm::event::KeyCode::Enter);
    while live.app().measure_sel.as_deref() != Some(id) {
        key(live, crossterm::event::KeyCode::Down);
    }
}
