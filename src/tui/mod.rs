//! The event loop: the only place that reads the clock, touches the terminal and waits.

mod background;

use std::io::stdout;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result, bail};
use chrono::{Local, NaiveDateTime, TimeDelta};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event as TermEvent,
};
use crossterm::execute;
use ratatui::backend::CrosstermBackend;

use crate::app::{self, Action, App, Effect, Reload, SaveReport, Settings};
use crate::cli::BoardArgs;
use crate::config;
use crate::domain::Date;
use crate::git;
use crate::i18n::Lang;
use crate::storage::save::{self, Author};
use crate::storage::{self, parse_cache::ParseCache};
use crate::theme::{self, Theme};
use crate::watch::sweep::{self, Sweep};
use crate::watch::{self, WatchEvent, Watcher};
use frame_out::FrameOut;

mod frame_out;

/// Quiet time before a changed file is read: an editor's save is several writes.
pub const SETTLE: Duration = Duration::from_millis(40);
/// A file that reads broken is read once more after this; the error is shown only if it still
/// holds the same bytes, else it is a save still under way and waits again.
pub const RECHECK: Duration = Duration::from_millis(300);

/// Everything the loop waits for arrives on one channel.
pub enum Event {
    /// A terminal event and when it was read: the gaps between keys tell a paste from typing,
    /// and are measured where the keys arrive, not where a busy loop gets round to them.
    Input(TermEvent, Instant),
    Watch(WatchEvent),
    /// The git worker's answer for the detail pane.
    Git(storage::git_worker::Answer),
}

pub fn now() -> NaiveDateTime {
    Local::now().naive_local()
}

/// What the loop needs besides the app: how to draw it and where its inputs come from.
pub struct Session {
    pub app: App,
    pub theme: Theme,
    /// The theme file being watched, when `--theme` named a file.
    pub theme_path: Option<PathBuf>,
    pub theme_spec: Option<String>,
    pub colours: Colours,
    /// The status line says the folder went away: to be taken back once it reads again.
    pub folder_gone: bool,
    /// Where large boards' parses are kept between starts, if anywhere.
    pub parse_cache: Option<ParseCache>,
}

/// Loads the boards, the theme and the history, and fails before the terminal is taken over
/// when there is nothing that could be shown.
pub fn prepare(args: &BoardArgs, now: NaiveDateTime) -> Result<Session> {
    let mut s = prepare_first_frame(args, now)?;
    read_history(&mut s.app);
    Ok(s)
}

/// [`prepare`] without the history file, which the first frame never shows.
fn prepare_first_frame(args: &BoardArgs, now: NaiveDateTime) -> Result<Session> {
    let t = args.lang.texts();
    if !args.dir.is_dir() {
        bail!((t.no_folder)(&args.dir.display().to_string()));
    }
    let today = args.today.unwrap_or(Date(now.date()));
    let parse_cache = config::parse_cache_dir().and_then(ParseCache::for_this_build);
    let loads = match &parse_cache {
        Some(c) => storage::load_dir_cached(&args.dir, c),
        None => storage::load_dir(&args.dir),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let env = |k: &str| std::env::var(k).ok();
    let depth = theme::Depth::from_env(env("COLORTERM").as_deref(), env("TERM").as_deref());
    let colours = Colours { no_color, depth };
    let (theme, theme_error) = load_theme(args.theme.as_deref(), args.lang, colours);
    let settings = Settings {
        read_only: args.read_only,
        user: args.user.clone(),
        lang: args.lang,
        due_soon_days: args.due_soon_days,
        keys: args.keys.clone(),
        ..Settings::default()
    };
    let settings = match &args.folder {
        Some(f) => settings.with_folder(f),
        None => settings,
    };
    let mut app = App::new(&args.dir, loads, today, now, settings);
    let problems = read_problems(&app);
    app::update(&mut app, problems);
    app.notice = theme_error;
    if let Some(path) = &args.since {
        match crate::report::snapshot::Snapshot::from_since(path, &args.dir, args.lang) {
            Ok(s) => app.since = Some(s),
            Err(e) => bail!("--since {}: {e}", path.display()),
        }
    }
    let theme_path = args
        .theme
        .as_deref()
        .map(Path::new)
        .filter(|p| p.is_file())
        .map(Path::to_path_buf);
    Ok(Session {
        app,
        theme,
        theme_path,
        theme_spec: args.theme.clone(),
        colours,
        folder_gone: false,
        parse_cache,
    })
}

/// What the terminal is asked to show: no colour at all (`NO_COLOR`), or colours within its
/// depth.
#[derive(Debug, Clone, Copy)]
pub struct Colours {
    pub no_color: bool,
    pub depth: theme::Depth,
}

fn load_theme(spec: Option<&str>, lang: Lang, colours: Colours) -> (Theme, Option<String>) {
    let (t, err) = theme::resolve(spec, lang);
    let t = if colours.no_color {
        t.monochrome()
    } else {
        t.for_depth(colours.depth)
    };
    (t, err)
}

/// Meeting mode: the same loop over a read-only app that cycles its pages; high contrast
/// unless a theme is named.
pub fn run_meeting(mut board: BoardArgs, cycle: u64) -> Result<()> {
    board
        .theme
        .get_or_insert_with(|| "high-contrast".to_owned());
    board.read_only = true;
    run_with(board, Some(cycle))
}

pub fn run(args: BoardArgs) -> Result<()> {
    run_with(args, None)
}

/// The terminal as the loop draws on it: each frame leaves in one write.
type Term = ratatui::Terminal<CrosstermBackend<FrameOut<std::io::Stdout>>>;

/// The input thread only reads and forwards events: a small stack is plenty, and the default
/// 2 MB would be the largest single item of the board's memory.
const INPUT_STACK: usize = 128 * 1024;

/// How long the terminal has to say what its background is. Terminals on the same machine
/// answer in well under this; one that answers nothing costs no more than this at start.
const BACKGROUND_WAIT: Duration = Duration::from_millis(100);

fn run_with(mut args: BoardArgs, meeting_cycle: Option<u64>) -> Result<()> {
    if args.theme.is_none() {
        // Asked before the alternate screen, so the answer cannot land among the keys.
        args.theme = background::query(BACKGROUND_WAIT).map(|s| s.theme().to_owned());
    }
    let started = now();
    // Files changed from here on, before the watcher runs, are read again once it does.
    let load_began = std::time::SystemTime::now();
    let mut s = prepare_first_frame(&args, started)?;
    if let Some(cycle) = meeting_cycle {
        s.app.meeting = Some(app::meeting::Meeting::start(&s.app, started, cycle));
    }
    let (tx, rx) = mpsc::channel();
    spawn_input(tx.clone())?;
    let mut driver = Driver::new(s, args.today.is_some());
    driver.git_commit = args.git_commit;
    driver.git_events = Some(tx.clone());

    // Mouse capture and bracketed paste are ours to undo, on panic too, and so is the rest of
    // the terminal: the terminal is not taken with ratatui::init, whose writer is unbuffered.
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
        ratatui::restore();
        prev(info);
    }));
    let mut terminal = take_terminal().context(args.lang.texts().no_terminal)?;
    let result = (|| -> Result<()> {
        let size = terminal.size()?;
        app::update(
            &mut driver.session.app,
            Action::Resize(size.width, size.height),
        );
        draw(&mut terminal, &driver)?;
        // What the first frame does not show is set up after it.
        let shown = status_words(&driver.session.app);
        let watcher = start_watcher(&args, &mut driver.session, tx);
        if watcher
            .as_ref()
            .is_some_and(|w| *w.mode() == watch::Mode::Native)
        {
            driver.sweep = Some(Sweep::new(&args.dir, sweep::EVERY, Instant::now()));
        }
        let missed = changed_since(&driver.session.app, load_began);
        read_history(&mut driver.session.app);
        let mut redraw = driver.session.app.history_wanted().is_some()
            || status_words(&driver.session.app) != shown;
        if !missed.is_empty() {
            let step = driver.step(Ok(Event::Watch(WatchEvent::Changed(missed))));
            redraw |= step == Step::Redraw;
        }
        if redraw {
            draw(&mut terminal, &driver)?;
        }
        // The first frame shows the boards as fast as without git; history from git comes after.
        driver.start_git();
        fill_parse_cache(&driver.session);
        event_loop(&mut terminal, &mut driver, &rx)
    })();
    let _ = terminal.backend_mut().writer_mut().send();
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    result
}

/// Raw mode, the alternate screen, mouse capture and bracketed paste (a paste then arrives as
/// one text, never as keys that could be commands); the escape codes leave with the first frame.
fn take_terminal() -> std::io::Result<Term> {
    crossterm::terminal::enable_raw_mode()?;
    let mut out = FrameOut::new(stdout());
    crossterm::queue!(
        out,
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    ratatui::Terminal::new(CrosstermBackend::new(out))
}

fn draw(t: &mut Term, d: &Driver) -> Result<()> {
    t.draw(|f| crate::ui::render(&d.session.app, &d.session.theme, f))?;
    t.backend_mut().writer_mut().send()?;
    Ok(())
}

/// Keeps the parse of each large board the cache lacks, on a thread of its own after the
/// first frame: the next start reads them back instead of parsing (see
/// [`storage::parse_cache`]). Nothing is started when no board is large.
fn fill_parse_cache(s: &Session) {
    let Some(cache) = s.parse_cache.clone() else {
        return;
    };
    let large: Vec<PathBuf> = s
        .app
        .boards
        .iter()
        .map(|b| b.path.clone())
        .filter(|p| {
            std::fs::metadata(p).is_ok_and(|m| m.len() >= storage::parse_cache::MIN_BYTES as u64)
        })
        .collect();
    if large.is_empty() {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("parse-cache".into())
        .spawn(move || cache.fill(&large));
}

/// What the status line says besides the boards: set up after the first frame, redrawn if so.
fn status_words(app: &App) -> (Option<String>, Option<String>) {
    (app.notice.clone(), app.watch_note.clone())
}

/// The history file's tail, and the detail pane's share of it.
pub fn read_history(app: &mut App) {
    app.history = save::read_history(&app.dir);
    read_detail_history(app);
}

/// Board files that may have changed between loading and the watcher's start: newer than the
/// load (with slack for file systems that keep mtimes in whole seconds), new, or gone.
fn changed_since(app: &App, load_began: std::time::SystemTime) -> Vec<PathBuf> {
    let since = load_began - Duration::from_secs(2);
    let Ok(rd) = std::fs::read_dir(&app.dir) else {
        return Vec::new();
    };
    let mut listed = Vec::new();
    let mut paths = Vec::new();
    for e in rd.filter_map(|e| e.ok()) {
        let p = e.path();
        if !storage::is_board_path(&p) {
            continue;
        }
        let fresh = e
            .metadata()
            .and_then(|m| m.modified())
            .map_or(true, |m| m >= since);
        if fresh || !app.boards.iter().any(|b| b.path == p) {
            paths.push(p.clone());
        }
        listed.push(p);
    }
    paths.extend(
        app.boards
            .iter()
            .filter(|b| !listed.contains(&b.path))
            .map(|b| b.path.clone()),
    );
    paths.sort();
    paths
}

/// Starts watching the folder: by polling when `--poll` says so, or when the folder is a
/// network share or FUSE mount whose change events miss other machines' writes (unless
/// `--native`); by the system's change events otherwise.
pub fn start_watcher(args: &BoardArgs, s: &mut Session, tx: Sender<Event>) -> Option<Watcher> {
    let share = (args.poll.is_none() && !args.native)
        .then(|| watch::share::network_share(&args.dir))
        .flatten();
    let mode = match (args.poll, share) {
        (Some(d), _) => watch::Mode::Poll(d),
        (None, Some(_)) => watch::Mode::Poll(watch::FALLBACK_POLL),
        (None, None) => watch::Mode::Native,
    };
    let mut extra: Vec<PathBuf> = s.theme_path.iter().cloned().collect();
    extra.push(args.dir.join(save::HISTORY_FILE));
    match Watcher::start(&args.dir, &extra, mode, SETTLE, move |e| {
        let _ = tx.send(Event::Watch(e));
    }) {
        Ok(w) => {
            if let watch::Mode::Poll(d) = w.mode() {
                let t = s.app.texts();
                let every = (t.seconds)(d.as_secs_f64());
                let note = match share {
                    Some(fs) => format!("{} {every}{}", t.share_polling, (t.aside)(fs)),
                    None => format!("{} {every}", t.polling),
                };
                s.app.watch_note = Some(note);
            }
            Some(w)
        }
        Err(e) => {
            let t = s.app.texts();
            s.app.notice = Some(format!(
                "{}{}",
                t.watch_failed,
                (t.aside)(&format!("{e:#}"))
            ));
            None
        }
    }
}

fn spawn_input(tx: Sender<Event>) -> std::io::Result<()> {
    let input = std::thread::Builder::new()
        .name("input".into())
        .stack_size(INPUT_STACK);
    input.spawn(move || {
        while let Ok(ev) = event::read() {
            // Pointer motion arrives many times a second and changes nothing.
            if matches!(&ev, TermEvent::Mouse(m) if matches!(m.kind, event::MouseEventKind::Moved | event::MouseEventKind::Drag(_)))
            {
                continue;
            }
            if tx.send(Event::Input(ev, Instant::now())).is_err() {
                break;
            }
        }
    })?;
    Ok(())
}

/// Time until the next local midnight, when the date on screen must change.
fn until_midnight(now: NaiveDateTime) -> Duration {
    let next = (now.date() + TimeDelta::days(1)).and_hms_opt(0, 0, 1);
    next.and_then(|n| (n - now).to_std().ok())
        .unwrap_or(Duration::from_secs(60))
}

/// The folder's problem list read again, its references checked against the programs on
/// the board now.
pub fn read_problems(app: &App) -> Action {
    let programs: Vec<&crate::domain::Program> =
        app.programs().into_iter().map(|(_, p)| p).collect();
    let load = storage::problem_list::load_problems(&app.dir, &programs);
    Action::Problems(load.map(Box::new))
}

/// Reads each path again; a path that no longer exists is a removal.
pub fn read_paths(paths: &[PathBuf], settled: bool) -> Vec<Reload> {
    paths.iter().map(|p| read_path(p, settled)).collect()
}

fn read_path(p: &Path, settled: bool) -> Reload {
    Reload {
        path: p.to_path_buf(),
        load: std::fs::symlink_metadata(p)
            .is_ok()
            .then(|| storage::load_file(p)),
        settled,
    }
}

/// After the watcher lost track: every board file now in the folder, and every known one
/// that is gone.
pub fn read_all(app: &App) -> Vec<Reload> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&app.dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| storage::is_board_path(p))
                .collect()
        })
        .unwrap_or_default();
    for b in &app.boards {
        if !paths.contains(&b.path) {
            paths.push(b.path.clone());
        }
    }
    paths.sort();
    read_paths(&paths, false)
}

/// Everything again, after the watcher lost track. A folder that cannot be listed (deleted,
/// a share gone) says so and keeps every board's last good data rather than emptying the board.
fn rescan(s: &mut Session, now: NaiveDateTime) -> Vec<Action> {
    match std::fs::read_dir(&s.app.dir) {
        Err(e) => {
            let d = storage::Diagnostic::file(
                &s.app.dir,
                storage::Severity::Error,
                storage::Problem::FolderLost((&e).into()),
            );
            vec![Action::FolderError(Some(Box::new(d)))]
        }
        Ok(_) => {
            let mut actions = vec![
                Action::FolderError(None),
                Action::Reloaded(read_all(&s.app), now),
            ];
            // The watcher stays polling; "went away" is no longer true.
            if std::mem::take(&mut s.folder_gone) {
                actions.push(Action::WatchNote(s.app.texts().polling.to_owned()));
            }
            actions
        }
    }
}

/// Turns a watcher report into actions; theme changes are applied to the session directly.
fn on_watch(s: &mut Session, ev: WatchEvent, now: NaiveDateTime) -> Vec<Action> {
    match ev {
        // While the folder is unreadable only a full re-read can tell what came back.
        WatchEvent::Changed(_) if s.app.dir_error.is_some() => rescan(s, now),
        WatchEvent::Changed(paths) => {
            let mut boards = Vec::new();
            let mut history = false;
            for p in paths {
                if p.file_name().is_some_and(|n| n == save::HISTORY_FILE) {
                    history = true;
                } else if s.theme_path.as_ref() == Some(&p) {
                    let (t, err) =
                        load_theme(s.theme_spec.as_deref(), s.app.settings.lang, s.colours);
                    // A broken edit of the theme keeps the colours on screen.
                    match err {
                        None => s.theme = t,
                        Some(e) => s.app.notice = Some(e),
                    }
                } else if storage::is_board_path(&p) {
                    boards.push(p);
                }
            }
            // A rectify save appends its history line just after writing the board, and the
            // reload must see it: it tells a colleague's informed change from a stale save.
            let mut actions = Vec::new();
            if history || !boards.is_empty() {
                actions.push(Action::History(save::read_history(&s.app.dir)));
            }
            actions.push(Action::Reloaded(read_paths(&boards, false), now));
            actions
        }
        WatchEvent::Rescan => rescan(s, now),
        WatchEvent::FellBackToPolling(why) => {
            let t = s.app.texts();
            let why = match why {
                watch::Fallback::NoNative(m) => m,
                watch::Fallback::FolderGone(p) => {
                    s.folder_gone = true;
                    (t.folder_gone)(&p.display().to_string())
                }
            };
            let note = format!("{}{}", t.polling, (t.aside)(&why));
            vec![Action::WatchNote(note)]
        }
    }
}

/// Changes the safety check found that no event reported: read, and said to have been missed,
/// so a blind watcher does not go unnoticed.
fn missed(s: &mut Session, paths: Vec<PathBuf>, now: NaiveDateTime) -> Vec<Action> {
    if paths.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = paths
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    s.app.notice = Some((s.app.texts().watch_missed)(&names.join(", ")));
    vec![
        Action::History(save::read_history(&s.app.dir)),
        Action::Reloaded(read_paths(&paths, false), now),
    ]
}

/// Reads the history of the measure on the detail pane, when it is not the one read last (or
/// the file changed since): only as far back as the pane needs, never the whole file.
fn read_detail_history(app: &mut App) {
    let Some((program, measure)) = app.history_wanted() else {
        return;
    };
    let have = app.detail_history.as_ref();
    if have.is_some_and(|h| h.program == program && h.measure == measure) {
        return;
    }
    let (program, measure) = (program.to_owned(), measure.to_owned());
    app.detail_history = Some(storage::history::read_measure_history(
        &app.dir,
        &program,
        &measure,
        app::history::PANE_SAVES,
    ));
}

/// The event loop's logic without the terminal: events in, state changed, and whether the
/// screen must be redrawn. Tests drive it headless with a real watcher.
pub struct Driver {
    pub session: Session,
    /// The loop's clock; tests put a pinned one in its place.
    pub clock: Box<dyn Fn() -> NaiveDateTime>,
    today_pinned: bool,
    rechecks: Vec<Recheck>,
    mark_expiry: Option<NaiveDateTime>,
    /// When the last key arrived, and what the burst it may belong to means.
    last_key: Option<Instant>,
    burst: app::burst::Burst,
    /// Under native watching, the periodic look for changes no event reported.
    pub sweep: Option<Sweep>,
    /// Each save is committed to git (`--git-commit`).
    pub git_commit: bool,
    /// Where the git worker sends its answers, until it is started.
    pub git_events: Option<Sender<Event>>,
    /// The git worker, once started; `None` also after it went away.
    git: Option<Sender<storage::git_worker::Request>>,
    /// The last question put to the worker, and the state of the files it was put in.
    git_asked: Option<(storage::git_worker::Request, u64)>,
    /// Counts what may have moved git's history or the files (a file event, a save): a
    /// question asked before is asked again.
    git_generation: u64,
}

/// A broken read waiting to be read again: when, and the hash of the bytes that read broken.
struct Recheck {
    due: Instant,
    path: PathBuf,
    saw: Option<storage::ContentHash>,
}

impl Recheck {
    fn read(&self) -> Reload {
        let reload = read_path(&self.path, false);
        let settled = reload.load.as_ref().is_some_and(|l| l.hash == self.saw);
        Reload { settled, ..reload }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Quit,
    Redraw,
    Nothing,
    /// Ctrl-Z: stop to the shell, as every terminal program does; redraw once continued.
    Suspend,
}

/// Ctrl-Z, which raw mode delivers as a key instead of the terminal's stop signal. Only Unix
/// shells have job control to stop to.
fn is_suspend(k: &event::KeyEvent) -> bool {
    cfg!(unix) && k.code == event::KeyCode::Char('z') && k.modifiers == event::KeyModifiers::CONTROL
}

impl Driver {
    pub fn new(session: Session, today_pinned: bool) -> Driver {
        Driver {
            session,
            clock: Box::new(now),
            today_pinned,
            rechecks: Vec::new(),
            mark_expiry: None,
            last_key: None,
            burst: Default::default(),
            sweep: None,
            git_commit: false,
            git_events: None,
            git: None,
            git_asked: None,
            git_generation: 0,
        }
    }

    /// Starts the git worker for the detail pane (after the first frame) and asks it about the
    /// measure on screen, if any.
    pub fn start_git(&mut self) {
        let Some(tx) = self.git_events.take() else {
            return;
        };
        let dir = self.session.app.dir.clone();
        self.git = Some(storage::git_worker::spawn(dir, move |a| {
            tx.send(Event::Git(a)).is_ok()
        }));
        self.ask_git();
    }

    /// Asks the worker about the measure on the detail pane, unless it was asked already
    /// with nothing changed since.
    fn ask_git(&mut self) {
        let Some(worker) = &self.git else {
            return;
        };
        let app = &self.session.app;
        let (Some((program, measure)), Some(board)) = (app.history_wanted(), app.current_board())
        else {
            return;
        };
        let request = storage::git_worker::Request {
            file: board.path.clone(),
            program: program.to_owned(),
            measure: measure.to_owned(),
            saves: app::history::PANE_SAVES,
        };
        let key = (request, self.git_generation);
        if self.git_asked.as_ref() == Some(&key) {
            return;
        }
        if worker.send(key.0.clone()).is_err() {
            self.git = None;
            return;
        }
        self.git_asked = Some(key);
    }

    /// How long the loop may sleep: until a pending re-read, a mark that must fade, or
    /// midnight when the date is live; `None` means until the next event.
    pub fn wait(&self) -> Option<Duration> {
        let clock = (self.clock)();
        let mut wake: Option<Duration> = (!self.today_pinned).then(|| until_midnight(clock));
        let mut consider = |d: Duration| wake = Some(wake.map_or(d, |w| w.min(d)));
        if let Some(first) = self.rechecks.iter().map(|r| r.due).min() {
            consider(first.saturating_duration_since(Instant::now()));
        }
        if let Some(sw) = &self.sweep {
            consider(sw.due().saturating_duration_since(Instant::now()));
        }
        if let Some(at) = self.mark_expiry {
            consider((at - clock).to_std().unwrap_or(Duration::ZERO));
        }
        // A meeting shows a clock and a page timer: tick on the next whole second.
        if self.session.app.meeting.is_some() {
            let into = clock.and_utc().timestamp_subsec_millis() as u64;
            consider(Duration::from_millis(1000 - into.min(999)));
        }
        wake
    }

    /// Handles what the channel gave: an event, or a timeout when [`Driver::wait`] ran out.
    pub fn step(&mut self, received: Result<Event, RecvTimeoutError>) -> Step {
        let clock = (self.clock)();
        let s = &mut self.session;
        // Any change in the folder may change the problem list or what its references find.
        let folder_changed = matches!(
            received,
            Ok(Event::Watch(WatchEvent::Changed(_) | WatchEvent::Rescan))
        );
        let actions: Vec<Action> = match received {
            Ok(Event::Input(ev, at)) => {
                debug_panic(&ev);
                match ev {
                    TermEvent::Key(k) if k.kind == event::KeyEventKind::Press && is_suspend(&k) => {
                        return Step::Suspend;
                    }
                    TermEvent::Key(k) if k.kind != event::KeyEventKind::Release => {
                        let gap = self.last_key.map(|t| at.saturating_duration_since(t));
                        self.last_key = Some(at);
                        let action = app::keymap::key(&s.app, k);
                        self.burst
                            .key(&s.app, &k, gap, action)
                            .into_iter()
                            .collect()
                    }
                    ev => translate(ev).into_iter().collect(),
                }
            }
            Ok(Event::Watch(ev)) => {
                match (&ev, &mut self.sweep) {
                    (WatchEvent::Changed(paths), Some(sw)) => sw.heard(paths),
                    (WatchEvent::Rescan, Some(sw)) => sw.heard_all(),
                    // Polling now: every change is seen by the poller.
                    (WatchEvent::FellBackToPolling(_), _) => self.sweep = None,
                    _ => {}
                }
                self.git_generation += 1;
                on_watch(s, ev, clock)
            }
            Ok(Event::Git(answer)) => {
                if let Some(e) = &answer.error {
                    s.app.notice = Some(crate::describe::git_error(e, s.app.settings.lang));
                }
                let r = answer.request;
                s.app.git_history = Some(app::history::GitLines {
                    program: r.program,
                    measure: r.measure,
                    lines: answer.lines,
                });
                return Step::Redraw;
            }
            Err(RecvTimeoutError::Timeout) => {
                // One instant for both halves, or a recheck coming due between them is lost.
                let instant = Instant::now();
                let (due, waiting) = std::mem::take(&mut self.rechecks)
                    .into_iter()
                    .partition::<Vec<_>, _>(|r| r.due <= instant);
                self.rechecks = waiting;
                let now = clock;
                let mut actions = vec![Action::Tick(now)];
                if !due.is_empty() {
                    actions.push(Action::Reloaded(
                        due.iter().map(Recheck::read).collect(),
                        now,
                    ));
                }
                if let Some(sw) = self.sweep.as_mut().filter(|sw| sw.due() <= instant) {
                    actions.extend(missed(s, sw.check(instant, SystemTime::now()), now));
                }
                let today = Date(now.date());
                if !self.today_pinned && today != s.app.today {
                    actions.push(Action::Today(today));
                }
                actions
            }
            Err(RecvTimeoutError::Disconnected) => return Step::Quit,
        };
        if actions.is_empty() {
            return Step::Nothing;
        }
        for a in actions {
            // A newer read of a file answers for it: the recheck of an older one would judge
            // bytes of a later save, perhaps caught half-way, as if they had settled.
            if let Action::Reloaded(reloads, _) = &a {
                self.rechecks
                    .retain(|r| !reloads.iter().any(|x| x.path == r.path));
            }
            for effect in app::update(&mut s.app, a) {
                match effect {
                    Effect::Quit => return Step::Quit,
                    Effect::Recheck(path, saw) => {
                        self.rechecks.retain(|r| r.path != path);
                        let due = Instant::now() + RECHECK;
                        self.rechecks.push(Recheck { due, path, saw });
                    }
                    Effect::Save(request) => {
                        let who = Author {
                            user: s.app.settings.user.clone(),
                            at: clock,
                        };
                        let result = match &request.change {
                            Some(c) => save::save_change(&request.path, c, &who),
                            None => save::save(&request.path, request.base, &request.edit, &who),
                        };
                        if self.git_commit && result.is_ok() {
                            commit_save(&mut s.app, &request, clock);
                        }
                        self.git_generation += 1;
                        let report = SaveReport {
                            request: *request,
                            result,
                        };
                        app::update(&mut s.app, Action::Saved(Box::new(report)));
                        let history = save::read_history(&s.app.dir);
                        app::update(&mut s.app, Action::History(history));
                    }
                }
            }
        }
        let s = &mut self.session;
        if folder_changed {
            let problems = read_problems(&s.app);
            app::update(&mut s.app, problems);
        }
        self.mark_expiry = app::reload::expire_marks(&mut s.app, clock);
        read_detail_history(&mut s.app);
        self.ask_git();
        Step::Redraw
    }
}

/// `--git-commit`: the file just saved, committed with what changed as the message.
fn commit_save(app: &mut App, request: &app::SaveRequest, at: NaiveDateTime) {
    let lang = app.settings.lang;
    let what = match &request.change {
        Some(c) => crate::describe::board_change(c, lang),
        None => crate::describe::edit(&request.edit, lang),
    };
    let file = request
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let who = git::commit::Committer {
        name: &app.settings.user,
        at,
    };
    if let Err(e) = git::commit::commit_saved(&request.path, &who, &format!("{file}: {what}")) {
        app.notice = Some(crate::describe::git_commit_failed(&e, lang));
    }
}

fn event_loop(terminal: &mut Term, driver: &mut Driver, rx: &Receiver<Event>) -> Result<()> {
    loop {
        // Idle costs nothing: block until something happens or a timer is due.
        let received = match driver.wait() {
            Some(d) => rx.recv_timeout(d),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match driver.step(received) {
            Step::Quit => return Ok(()),
            Step::Redraw => draw(terminal, driver)?,
            Step::Nothing => {}
            Step::Suspend => {
                suspend(terminal)?;
                draw(terminal, driver)?;
            }
        }
    }
}

/// Gives the terminal back as it was, stops until the shell's `fg` continues the process, then
/// takes the terminal again, cleared, for the redraw.
fn suspend(terminal: &mut Term) -> Result<()> {
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    stop_self();
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    // `Terminal::clear` would ask the terminal where its cursor is, and the answer would go to
    // the input thread's read instead. A blank frame makes the next draw a whole one; it leaves
    // with that draw, in the same write.
    terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
    Ok(())
}

/// SIGTSTP to ourselves: the default action stops the process here, and it goes on from here
/// when the shell sends SIGCONT.
#[cfg(unix)]
fn stop_self() {
    // SAFETY: raise has no preconditions; SIGTSTP is a valid signal number.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
}

#[cfg(not(unix))]
fn stop_self() {}

/// Events other than key presses.
fn translate(ev: TermEvent) -> Option<Action> {
    match ev {
        TermEvent::Mouse(m) => app::keymap::mouse(m),
        TermEvent::Resize(w, h) => Some(Action::Resize(w, h)),
        TermEvent::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    }
}

/// Debug builds only: F12 panics when `RECTIFY_DEBUG_PANIC` is set, so the test suite can
/// prove the terminal is restored after a panic.
#[cfg(debug_assertions)]
#[allow(clippy::panic)]
fn debug_panic(ev: &TermEvent) {
    if matches!(ev, TermEvent::Key(k) if k.code == event::KeyCode::F(12))
        && std::env::var_os("RECTIFY_DEBUG_PANIC").is_some()
    {
        panic!("debug panic requested");
    }
}

#[cfg(not(debug_assertions))]
fn debug_panic(_: &TermEvent) {}
