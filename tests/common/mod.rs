//! Shared by the integration tests: the shipped boards at a pinned date, keys through the real
//! keymap, frames rendered to a test backend.
#![allow(dead_code)]

pub mod history;
pub mod live;
#[cfg(unix)]
pub mod pty;

use std::path::Path;

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use rectify::app::{self, Action, App, Effect, Settings};
use rectify::domain::Date;
use rectify::storage;
use rectify::theme::Theme;

pub const TODAY: &str = "2023-07-15";

pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// The board `text` holds; fails the test with the loader's diagnostics when it holds none.
pub fn program(text: &str) -> rectify::domain::Program {
    let load = storage::load_text(Path::new("t.ron"), text);
    load.program
        .unwrap_or_else(|| panic!("{:?}\n{text}", load.diagnostics))
}

pub fn today() -> Date {
    Date::parse(TODAY).unwrap()
}

pub fn now() -> NaiveDateTime {
    today().0.and_hms_opt(9, 30, 0).unwrap()
}

/// The boards of `dir` as the board opens them: with the folder's own settings (title, data
/// date) and its problem list, when it has them.
pub fn app_from(dir: &Path, size: (u16, u16)) -> App {
    let folder = storage::folder::load_folder_settings(dir)
        .unwrap()
        .unwrap_or_default();
    let mut app = App::new(
        dir,
        storage::load_dir(dir),
        today(),
        now(),
        Settings::default().with_folder(&folder),
    );
    let problems = rectify::tui::read_problems(&app);
    app::update(&mut app, problems);
    app::update(&mut app, Action::Resize(size.0, size.1));
    app
}

/// The shipped boards, as a user sees them on 15 July 2023.
pub fn shipped(size: (u16, u16)) -> App {
    app_from(Path::new("boards"), size)
}

/// The fraud program open, ZP-03 (in progress, 50 %) selected, by 张三.
pub fn on_zp03() -> App {
    let mut app = shipped((160, 45));
    app.settings.user = "张三".into();
    press(&mut app, &[KeyCode::Enter, KeyCode::Down, KeyCode::Down]);
    assert_eq!(app.measure_sel.as_deref(), Some("ZP-03"));
    app
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Types keys through the real keymap, the way the event loop does.
pub fn press(app: &mut App, keys: &[KeyCode]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for &k in keys {
        if let Some(a) = app::keymap::key(app, key(k)) {
            effects.extend(app::update(app, a));
        }
    }
    effects
}

pub fn type_text(app: &mut App, s: &str) {
    let keys: Vec<KeyCode> = s.chars().map(KeyCode::Char).collect();
    press(app, &keys);
}

pub fn dark() -> Theme {
    Theme::built_in("dark").unwrap()
}

pub fn buffer(app: &App, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| rectify::ui::render(app, theme, f)).unwrap();
    t.backend().buffer().clone()
}

/// The frame as the views drew it, before the terminal diff drops cells hidden under a wide
/// character: the place to look for something drawn where the terminal will not show it.
pub fn drawn(app: &App, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| rectify::ui::render(app, theme, f))
        .unwrap()
        .buffer
        .clone()
}

/// The screen as text, one line per row, wide characters once (their second cell skipped).
pub fn screen(app: &App, theme: &Theme) -> String {
    text_of(&buffer(app, theme))
}

/// A buffer as text, one line per row, wide characters once (their second cell skipped).
pub fn text_of(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut skip = 0;
        for x in 0..b.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = b[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

/// Where `needle` starts on screen, as (x, y) in cells.
pub fn find(b: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?.to_string();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            if b[(x, y)].symbol() != first {
                continue;
            }
            let mut cx = x;
            let mut ok = true;
            for c in needle.chars() {
                let s = c.to_string();
                if cx >= b.area.width || b[(cx, y)].symbol() != s {
                    ok = false;
                    break;
                }
                cx += unicode_width::UnicodeWidthStr::width(s.as_str()).max(1) as u16;
            }
            if ok {
                return Some((x, y));
            }
        }
    }
    None
}

/// The binary under test, hermetic: no developer config reaches it, and it runs in `locale`
/// (LC_ALL and LC_MESSAGES, which would beat LANG, removed).
pub fn rectify_in(locale: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rectify"));
    cmd.env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale);
    cmd
}

/// The binary run to its end in Chinese (unless `args` say `--lang`): exit code, stdout, stderr.
pub fn rectify(args: &[&str]) -> (i32, String, String) {
    let out = rectify_in("zh_CN.UTF-8").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The shipped boards plus `n` broken files (`boards/10-broken.ron`, `11-…`), in `lang`.
pub fn with_broken_files(size: (u16, u16), lang: rectify::i18n::Lang, n: usize) -> App {
    let mut loads = storage::load_dir(Path::new("boards")).unwrap();
    let broken = std::fs::read_to_string("tests/fixtures/invalid/unknown_status.ron").unwrap();
    for i in 0..n {
        let path = format!("boards/1{i}-broken.ron");
        loads.push(storage::load_text(Path::new(&path), &broken));
    }
    let mut app = App::new(
        Path::new("boards"),
        Ok(loads),
        today(),
        now(),
        Settings {
            lang,
            ..Settings::default()
        },
    );
    app::update(&mut app, Action::Resize(size.0, size.1));
    app
}

/// A snapshot of the boards as they are in `app`, said to be taken on `taken`.
pub fn snapshot_of(app: &App, taken: &str) -> rectify::report::snapshot::Snapshot {
    rectify::report::snapshot::Snapshot {
        taken: Date::parse(taken).unwrap(),
        boards: app
            .boards
            .iter()
            .filter_map(|b| {
                Some(rectify::report::snapshot::SnapshotBoard {
                    file: b.file_name(),
                    program: b.program.clone()?,
                })
            })
            .collect(),
    }
}

/// The save of `request` comes back refused: a colleague set the progress to 90 while this
/// edit took it from 50 to 60.
pub fn progress_conflict(app: &mut App, request: app::SaveRequest) {
    use rectify::domain::edit::{Field, Value};
    use rectify::storage::save::{Conflict, SaveError};
    let conflict = Conflict {
        field: Field::Progress,
        base: Value::Progress(50),
        ours: Value::Progress(60),
        theirs: Value::Progress(90),
    };
    let report = app::SaveReport {
        request,
        result: Err(SaveError::Conflict(vec![conflict])),
    };
    app::update(app, Action::Saved(Box::new(report)));
}
