//! A program's milestone timeline as inline SVG, for the HTML report: the span from start to
//! due on a time axis, each milestone numbered at its date with its state shown by shape (so it
//! survives a black-and-white printer), and a marker for today.

use std::fmt::Write;

use super::html::esc;
use super::summary::MilestoneState;
use super::texts::ReportTexts;
use crate::domain::{Date, Program};

const W: f64 = 720.0;
const H: f64 = 96.0;
/// Room at both ends for the date labels anchored there.
const PAD: f64 = 16.0;
const AXIS_Y: f64 = 48.0;
/// Numbers closer than this (in px) go on a second row so they do not overlap.
const MIN_LABEL_GAP: f64 = 18.0;

struct Axis {
    lo: Date,
    days: f64,
}

impl Axis {
    fn x(&self, d: Date) -> f64 {
        let t = (self.lo.days_until(d) as f64 / self.days).clamp(0.0, 1.0);
        PAD + t * (W - 2.0 * PAD)
    }
}

pub fn svg(p: &Program, today: Date, t: &ReportTexts) -> String {
    // The axis covers the span and every milestone, even one dated outside the span.
    let dates = p
        .milestones
        .iter()
        .flat_map(|m| [Some(m.due), m.done])
        .flatten();
    let lo = dates.clone().chain([p.start]).min().unwrap_or(p.start);
    let hi = dates.chain([p.due]).max().unwrap_or(p.due);
    let axis = Axis {
        lo,
        days: lo.days_until(hi).max(1) as f64,
    };
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="timeline" viewBox="0 0 {W} {H}" role="img" aria-label="{}">"#,
        esc(&(t.timeline_label)(&p.title))
    );
    let (x0, x1, xt) = (axis.x(p.start), axis.x(p.due), axis.x(today));
    let _ = write!(
        s,
        r#"<rect class="span" x="{x0:.1}" y="{:.1}" width="{:.1}" height="6" rx="3"/>"#,
        AXIS_Y - 3.0,
        (x1 - x0).max(1.0)
    );
    if today > p.start {
        let _ = write!(
            s,
            r#"<rect class="elapsed" x="{x0:.1}" y="{:.1}" width="{:.1}" height="6" rx="3"/>"#,
            AXIS_Y - 3.0,
            (xt.min(x1) - x0).max(0.0)
        );
    }
    month_ticks(&mut s, &axis, lo, hi, t);
    let _ = write!(
        s,
        r#"<text class="end" x="{x0:.1}" y="90" text-anchor="start">{} {}</text><text class="end" x="{x1:.1}" y="90" text-anchor="end">{} {}</text>"#,
        t.timeline_start,
        (t.table_date)(p.start),
        t.timeline_end,
        (t.table_date)(p.due)
    );
    today_marker(&mut s, &axis, today, lo, hi, t);
    let mut last_x = [f64::NEG_INFINITY; 2];
    for (i, ms) in p.milestones.iter().enumerate() {
        let x = axis.x(ms.due);
        let row = usize::from(x - last_x[0] < MIN_LABEL_GAP && x - last_x[1] >= MIN_LABEL_GAP);
        last_x[row] = x;
        let state = MilestoneState::of(ms, today);
        let done = ms
            .done
            .map(|d| (t.reached_on)(&(t.table_date)(d)))
            .unwrap_or_default();
        let _ = write!(
            s,
            r#"<g class="ms {}"><title>{}. {} · {}{} · {}</title>{}<text class="num" x="{x:.1}" y="{}" text-anchor="middle">{}</text></g>"#,
            state.code(),
            i + 1,
            esc(&ms.title),
            (t.table_date)(ms.due),
            esc(&done),
            (t.milestone_state)(state),
            marker(state, x),
            if row == 0 { 34 } else { 22 },
            i + 1
        );
    }
    s.push_str("</svg>");
    s
}

/// A shape per state: a filled circle with a tick when reached, a filled square with a cross
/// when missed, a hollow diamond when ahead.
fn marker(state: MilestoneState, x: f64) -> String {
    let y = AXIS_Y;
    match state {
        MilestoneState::Reached => format!(
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="7"/><path class="glyph" d="M{:.1} {:.1}l3 3l5 -6"/>"#,
            x - 4.0,
            y
        ),
        MilestoneState::Missed => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="13" height="13"/><path class="glyph" d="M{:.1} {:.1}l7 7m0 -7l-7 7"/>"#,
            x - 6.5,
            y - 6.5,
            x - 3.5,
            y - 3.5
        ),
        MilestoneState::Ahead => format!(
            r#"<path class="diamond" d="M{x:.1} {:.1}l7 7l-7 7l-7 -7z"/>"#,
            y - 7.0
        ),
    }
}

fn month_ticks(s: &mut String, axis: &Axis, lo: Date, hi: Date, t: &ReportTexts) {
    let mut d = first_of_next_month(lo);
    while d <= hi {
        let x = axis.x(d);
        let _ = write!(
            s,
            r#"<line class="tick" x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}"/><text class="month" x="{x:.1}" y="68" text-anchor="middle">{}</text>"#,
            AXIS_Y + 4.0,
            AXIS_Y + 8.0,
            (t.month)(d)
        );
        d = first_of_next_month(d);
    }
}

fn first_of_next_month(d: Date) -> Date {
    use chrono::Datelike;
    let (y, m) = if d.0.month() == 12 {
        (d.0.year() + 1, 1)
    } else {
        (d.0.year(), d.0.month() + 1)
    };
    // The 1st of a month always exists; falling back to a far day only ends the tick loop.
    Date::from_ymd(y, m, 1).unwrap_or(Date(chrono::NaiveDate::MAX))
}

/// Today as a dashed line across the axis; a day outside the axis is pinned to the nearer end
/// with an arrow, so the reader still sees on which side it lies.
fn today_marker(s: &mut String, axis: &Axis, today: Date, lo: Date, hi: Date, t: &ReportTexts) {
    let x = axis.x(today);
    let label = format!("{} {}", t.timeline_today, (t.table_date)(today));
    let (label, anchor) = if today < lo {
        (format!("← {label}"), "start")
    } else if today > hi {
        (format!("{label} →"), "end")
    } else if x < 80.0 {
        (label, "start")
    } else if x > W - 80.0 {
        (label, "end")
    } else {
        (label, "middle")
    };
    let _ = write!(
        s,
        r#"<g class="today"><line x1="{x:.1}" y1="14" x2="{x:.1}" y2="76"/><text x="{x:.1}" y="10" text-anchor="{anchor}">{label}</text></g>"#
    );
}
