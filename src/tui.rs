//! The event loop: the only place that reads the clock, touches the terminal and waits.

use std::io::stdout;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use chrono::{Local, NaiveDateTime, TimeDelta};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event as TermEvent};
use crossterm::execute;

use crate::app::{self, Action, App, Effect, Settings};
use crate::cli::BoardArgs;
use crate::domain::Date;
use crate::storage;
use crate::theme::{self, Theme};

/// Everything the loop waits for arrives on one channel.
pub enum Event {
    Input(TermEvent),
}

pub fn now() -> NaiveDateTime {
    Local::now().naive_local()
}

/// Loads the boards and the theme, and fails before the terminal is taken over when there is
/// nothing that could be shown.
pub fn prepare(args: &BoardArgs) -> Result<(App, Theme)> {
    if !args.dir.is_dir() {
        bail!(
            "boards folder {} does not exist or is not a folder",
            args.dir.display()
        );
    }
    let now = now();
    let today = args.today.unwrap_or(Date(now.date()));
    let loads = storage::load_dir(&args.dir);
    let (mut theme, theme_error) = theme::resolve(args.theme.as_deref());
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        theme = theme.monochrome();
    }
    let mut app = App::new(&args.dir, loads, today, now, Settings::default());
    app.notice = theme_error;
    Ok((app, theme))
}

pub fn run(args: BoardArgs) -> Result<()> {
    let (mut app, theme) = prepare(&args)?;
    let (tx, rx) = mpsc::channel();
    spawn_input(tx);

    // Mouse capture is ours to undo, on panic too; ratatui's hook then restores the rest.
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        prev(info);
    }));
    let mut terminal = ratatui::try_init().context("cannot open the terminal")?;
    let result = (|| -> Result<()> {
        execute!(stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        app::update(&mut app, Action::Resize(size.width, size.height));
        event_loop(&mut terminal, &mut app, &theme, &rx, args.today.is_some())
    })();
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn spawn_input(tx: Sender<Event>) {
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            // Pointer motion arrives many times a second and changes nothing.
            if matches!(&ev, TermEvent::Mouse(m) if matches!(m.kind, event::MouseEventKind::Moved | event::MouseEventKind::Drag(_)))
            {
                continue;
            }
            if tx.send(Event::Input(ev)).is_err() {
                break;
            }
        }
    });
}

/// Time until the next local midnight, when the date on screen must change.
fn until_midnight(now: NaiveDateTime) -> Duration {
    let next = (now.date() + TimeDelta::days(1)).and_hms_opt(0, 0, 1);
    next.and_then(|n| (n - now).to_std().ok())
        .unwrap_or(Duration::from_secs(60))
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    rx: &Receiver<Event>,
    today_pinned: bool,
) -> Result<()> {
    terminal.draw(|f| crate::ui::render(app, theme, f))?;
    loop {
        // Idle costs nothing: block until input, or until midnight when the date is live.
        let received = if today_pinned {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            rx.recv_timeout(until_midnight(now()))
        };
        let actions: Vec<Action> = match received {
            Ok(Event::Input(ev)) => translate(app, ev).into_iter().collect(),
            Err(RecvTimeoutError::Timeout) => {
                let today = Date(now().date());
                if today == app.today {
                    continue;
                }
                vec![Action::Today(today)]
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        if actions.is_empty() {
            continue;
        }
        for a in actions {
            if app::update(app, a).contains(&Effect::Quit) {
                return Ok(());
            }
        }
        terminal.draw(|f| crate::ui::render(app, theme, f))?;
    }
}

fn translate(app: &App, ev: TermEvent) -> Option<Action> {
    debug_panic(&ev);
    match ev {
        TermEvent::Key(k) => app::keymap::key(app, k),
        TermEvent::Mouse(m) => app::keymap::mouse(m),
        TermEvent::Resize(w, h) => Some(Action::Resize(w, h)),
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
