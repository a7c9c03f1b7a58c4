//! Theme files as written: every field optional, so a user's file can be patched over a base.

use ratatui::style::{Modifier, Style};
use ron::extensions::Extensions;
use serde::Deserialize;

use super::error::Problem;
use super::{Theme, parse_color};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStyle {
    fg: Option<String>,
    bg: Option<String>,
    bold: Option<bool>,
    dim: Option<bool>,
    italic: Option<bool>,
    underlined: Option<bool>,
    reversed: Option<bool>,
}

impl RawStyle {
    fn patch(&mut self, o: &RawStyle) {
        macro_rules! take {
            ($($f:ident),*) => { $( if o.$f.is_some() { self.$f = o.$f.clone(); } )* };
        }
        take!(fg, bg, bold, dim, italic, underlined, reversed);
    }

    fn check(&self, path: &str) -> Result<Style, Problem> {
        let colour = |c: &str, part: &str| {
            parse_color(c).ok_or_else(|| Problem::BadColour {
                at: format!("{path}.{part}"),
                value: c.to_owned(),
            })
        };
        let mut s = Style::new();
        if let Some(c) = &self.fg {
            s = s.fg(colour(c, "fg")?);
        }
        if let Some(c) = &self.bg {
            s = s.bg(colour(c, "bg")?);
        }
        for (on, m) in [
            (self.bold, Modifier::BOLD),
            (self.dim, Modifier::DIM),
            (self.italic, Modifier::ITALIC),
            (self.underlined, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
        ] {
            if on == Some(true) {
                s = s.add_modifier(m);
            }
        }
        Ok(s)
    }
}

fn leaf(v: &Option<RawStyle>, path: &str) -> Result<Style, Problem> {
    v.as_ref()
        .ok_or_else(|| Problem::Unset(path.to_owned()))?
        .check(path)
}

fn patch_leaf(mine: &mut Option<RawStyle>, theirs: &Option<RawStyle>) {
    match (mine.as_mut(), theirs) {
        (Some(m), Some(t)) => m.patch(t),
        (None, Some(t)) => *mine = Some(t.clone()),
        _ => {}
    }
}

/// Declares a group of styles, how to patch it and how to check one of its fields.
macro_rules! group {
    ($name:ident { $($f:ident),* $(,)? }) => {
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name { $( $f: Option<RawStyle>, )* }
        impl $name {
            fn patch(&mut self, o: &$name) { $( patch_leaf(&mut self.$f, &o.$f); )* }
        }
    };
}

group!(Status {
    not_started,
    in_progress,
    blocked,
    done,
    signed_off
});
group!(HealthStyles {
    on_track,
    at_risk,
    off_track
});
group!(Deadline {
    overdue,
    due_soon,
    later,
    finished
});
group!(Gauge { filled, empty });
group!(Milestone {
    done,
    upcoming,
    missed,
    today
});
group!(Banner { error, warning });
group!(Ui {
    background,
    text,
    muted,
    title,
    border,
    header,
    tab,
    tab_active,
    selection,
    key,
    changed
});

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    pub base: Option<String>,
    #[serde(default)]
    ui: Ui,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    health: HealthStyles,
    #[serde(default)]
    deadline: Deadline,
    #[serde(default)]
    gauge: Gauge,
    #[serde(default)]
    milestone: Milestone,
    #[serde(default)]
    banner: Banner,
}

impl RawTheme {
    pub fn parse(text: &str) -> Result<RawTheme, Problem> {
        ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
            .map_err(|e| Problem::Syntax {
                line: e.span.start.line,
                col: e.span.start.col,
                error: e.code,
            })
    }

    pub fn patch(&mut self, o: &RawTheme) {
        self.ui.patch(&o.ui);
        self.status.patch(&o.status);
        self.health.patch(&o.health);
        self.deadline.patch(&o.deadline);
        self.gauge.patch(&o.gauge);
        self.milestone.patch(&o.milestone);
        self.banner.patch(&o.banner);
    }

    pub fn check(&self, name: &str) -> Result<Theme, Problem> {
        let (u, st, h, d) = (&self.ui, &self.status, &self.health, &self.deadline);
        Ok(Theme {
            name: name.to_owned(),
            background: leaf(&u.background, "ui.background")?,
            text: leaf(&u.text, "ui.text")?,
            muted: leaf(&u.muted, "ui.muted")?,
            title: leaf(&u.title, "ui.title")?,
            border: leaf(&u.border, "ui.border")?,
            header: leaf(&u.header, "ui.header")?,
            tab: leaf(&u.tab, "ui.tab")?,
            tab_active: leaf(&u.tab_active, "ui.tab_active")?,
            selection: leaf(&u.selection, "ui.selection")?,
            key: leaf(&u.key, "ui.key")?,
            changed: leaf(&u.changed, "ui.changed")?,
            banner_error: leaf(&self.banner.error, "banner.error")?,
            banner_warning: leaf(&self.banner.warning, "banner.warning")?,
            gauge_filled: leaf(&self.gauge.filled, "gauge.filled")?,
            gauge_empty: leaf(&self.gauge.empty, "gauge.empty")?,
            milestone_done: leaf(&self.milestone.done, "milestone.done")?,
            milestone_upcoming: leaf(&self.milestone.upcoming, "milestone.upcoming")?,
            milestone_missed: leaf(&self.milestone.missed, "milestone.missed")?,
            today_marker: leaf(&self.milestone.today, "milestone.today")?,
            status: [
                leaf(&st.not_started, "status.not_started")?,
                leaf(&st.in_progress, "status.in_progress")?,
                leaf(&st.blocked, "status.blocked")?,
                leaf(&st.done, "status.done")?,
                leaf(&st.signed_off, "status.signed_off")?,
            ],
            health: [
                leaf(&h.on_track, "health.on_track")?,
                leaf(&h.at_risk, "health.at_risk")?,
                leaf(&h.off_track, "health.off_track")?,
            ],
            overdue: leaf(&d.overdue, "deadline.overdue")?,
            due_soon: leaf(&d.due_soon, "deadline.due_soon")?,
            due_later: leaf(&d.later, "deadline.later")?,
            finished: leaf(&d.finished, "deadline.finished")?,
        })
    }
}
