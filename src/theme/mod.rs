//! Themes: RON files of styles named by meaning. Built-in themes are the files in `themes/`,
//! embedded in the binary; a user's file may name a `base` and set only what it changes.

mod depth;
mod error;
mod raw;
pub mod shade;

use std::path::Path;

use ratatui::style::{Color, Modifier, Style};

use crate::domain::StatusKind;
use crate::domain::schedule::Health;
pub use depth::Depth;
pub use error::{Problem as ThemeProblem, ThemeError};
use raw::RawTheme;

use crate::i18n::Lang;
use crate::tr;

pub const BUILT_IN: [(&str, &str); 3] = [
    ("dark", include_str!("../../themes/dark.ron")),
    ("light", include_str!("../../themes/light.ron")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.ron"),
    ),
];

pub const DEFAULT: &str = "dark";

/// Checked styles, one per meaning. Views ask for `theme.status(kind)`, never for a colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    /// The pair behind everything: what a cell drawn without a colour of its own shows, so a
    /// theme reads the same on a dark and on a light terminal.
    pub background: Style,
    pub text: Style,
    pub muted: Style,
    pub title: Style,
    pub border: Style,
    pub header: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub selection: Style,
    pub key: Style,
    pub changed: Style,
    pub banner_error: Style,
    pub banner_warning: Style,
    pub gauge_filled: Style,
    pub gauge_empty: Style,
    pub milestone_done: Style,
    pub milestone_upcoming: Style,
    pub milestone_missed: Style,
    pub today_marker: Style,
    pub status: [Style; 5],
    pub health: [Style; 3],
    pub overdue: Style,
    pub due_soon: Style,
    pub due_later: Style,
    pub finished: Style,
}

impl Theme {
    pub fn status(&self, k: StatusKind) -> Style {
        self.status[k as usize]
    }

    pub fn health(&self, h: Health) -> Style {
        self.health[h as usize]
    }

    /// The style of a deadline `days_left` away; finished work is never alarming.
    pub fn deadline(&self, days_left: i64, finished: bool, due_soon_days: i64) -> Style {
        if finished {
            self.finished
        } else if days_left < 0 {
            self.overdue
        } else if days_left <= due_soon_days {
            self.due_soon
        } else {
            self.due_later
        }
    }

    /// For `NO_COLOR`: no colours at all, but emphasis stays, and what colour alone marked
    /// (selection, alarms) is marked by reverse video or bold instead.
    pub fn monochrome(mut self) -> Theme {
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..s
        };
        for s in self.styles_mut() {
            *s = strip(*s);
        }
        self.selection = Style::new().add_modifier(Modifier::REVERSED);
        self.tab_active = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        self.banner_error = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        self.overdue = self.overdue.add_modifier(Modifier::BOLD);
        self.changed = Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        self.name.push_str(" (no colour)");
        self
    }

    /// Every colour brought within what the terminal shows (see [`Depth`]).
    pub fn for_depth(mut self, depth: Depth) -> Theme {
        let convert = |c: Option<Color>| c.map(|c| depth.convert(c));
        for s in self.styles_mut() {
            s.fg = convert(s.fg);
            s.bg = convert(s.bg);
            s.underline_color = convert(s.underline_color);
        }
        self
    }

    fn styles_mut(&mut self) -> impl Iterator<Item = &mut Style> {
        [
            &mut self.background,
            &mut self.text,
            &mut self.muted,
            &mut self.title,
            &mut self.border,
            &mut self.header,
            &mut self.tab,
            &mut self.tab_active,
            &mut self.selection,
            &mut self.key,
            &mut self.changed,
            &mut self.banner_error,
            &mut self.banner_warning,
            &mut self.gauge_filled,
            &mut self.gauge_empty,
            &mut self.milestone_done,
            &mut self.milestone_upcoming,
            &mut self.milestone_missed,
            &mut self.today_marker,
            &mut self.overdue,
            &mut self.due_soon,
            &mut self.due_later,
            &mut self.finished,
        ]
        .into_iter()
        .chain(self.status.iter_mut())
        .chain(self.health.iter_mut())
    }

    /// A built-in theme by name. Built-ins are validated by a test, so this cannot fail for
    /// the names in [`BUILT_IN`].
    pub fn built_in(name: &str) -> Option<Theme> {
        let (_, text) = BUILT_IN.iter().find(|(n, _)| *n == name)?;
        from_text(name, text).ok()
    }

    /// The default theme, or a bare one should the embedded file ever be broken.
    pub fn fallback() -> Theme {
        Theme::built_in(DEFAULT).unwrap_or_else(|| plain(DEFAULT))
    }
}

/// Resolves `--theme`: a built-in name or a path. On failure, the default theme and a message
/// saying why, in `lang`.
pub fn resolve(spec: Option<&str>, lang: Lang) -> (Theme, Option<String>) {
    let Some(spec) = spec else {
        return (Theme::fallback(), None);
    };
    if let Some(t) = Theme::built_in(spec) {
        return (t, None);
    }
    let path = Path::new(spec);
    let result = match std::fs::read_to_string(path) {
        Ok(text) => from_text(spec, &text),
        Err(e) if !spec.contains(['/', '\\', '.']) => Err(ThemeError::NoSuchTheme {
            spec: spec.to_owned(),
            cause: (&e).into(),
        }),
        Err(e) => Err(ThemeError::CannotRead {
            spec: spec.to_owned(),
            cause: (&e).into(),
        }),
    };
    match result {
        Ok(t) => (t, None),
        Err(e) => {
            let why = e.text(lang);
            // What the user now sees first: the rest of the sentence may be cut at 80 columns.
            let said = tr!(
                lang,
                "改用 {DEFAULT} 主题：{why}",
                "using the {DEFAULT} theme: {why}"
            );
            (Theme::fallback(), Some(said))
        }
    }
}

/// Parses a theme file: its own fields patched over its `base` (default: `dark`).
pub fn from_text(name: &str, text: &str) -> Result<Theme, ThemeError> {
    let user = RawTheme::parse(text).map_err(|p| ThemeError::in_theme(name, p))?;
    let base_name = user.base.clone().unwrap_or_else(|| DEFAULT.to_owned());
    let mut merged = if base_name == name {
        RawTheme::default()
    } else {
        let (_, base_text) = BUILT_IN
            .iter()
            .find(|(n, _)| *n == base_name)
            .ok_or_else(|| {
                ThemeError::in_theme(name, error::Problem::UnknownBase(base_name.clone()))
            })?;
        RawTheme::parse(base_text).map_err(|p| ThemeError::in_theme(&base_name, p))?
    };
    merged.patch(&user);
    merged
        .check(name)
        .map_err(|p| ThemeError::in_theme(name, p))
}

fn plain(name: &str) -> Theme {
    let s = Style::new();
    let b = Style::new().add_modifier(Modifier::BOLD);
    Theme {
        name: name.to_owned(),
        background: s,
        text: s,
        muted: s,
        title: b,
        border: s,
        header: b,
        tab: s,
        tab_active: Style::new().add_modifier(Modifier::REVERSED),
        selection: Style::new().add_modifier(Modifier::REVERSED),
        key: b,
        changed: Style::new().add_modifier(Modifier::UNDERLINED),
        banner_error: Style::new().add_modifier(Modifier::REVERSED),
        banner_warning: s,
        gauge_filled: s,
        gauge_empty: s,
        milestone_done: s,
        milestone_upcoming: s,
        milestone_missed: b,
        today_marker: b,
        status: [s; 5],
        health: [s, b, b],
        overdue: b,
        due_soon: s,
        due_later: s,
        finished: s,
    }
}

pub fn parse_color(s: &str) -> Option<Color> {
    s.parse::<Color>().ok()
}
