//! "Since the last meeting" in words: what Markdown and HTML both say about a program's
//! changes, each with its own markup for board text and for lateness.

use super::StatusView;
use super::since::{Changes, Presence, ProgramChanges};
use super::texts::ReportTexts;

/// How a format marks up what the words are wrapped around.
pub struct Markup {
    /// Board text made safe for the format.
    pub text: fn(&str) -> String,
    /// Lateness, which HTML colours and Markdown leaves plain.
    pub late: fn(String) -> String,
}

/// One change: its kind as a short tag, and what it is.
pub struct Item {
    pub tag: &'static str,
    pub body: String,
}

/// "Compared with the snapshot of …, as of …."
pub fn intro(c: &Changes, t: &ReportTexts) -> String {
    (t.since_compared)(&(t.prose_date)(c.snapshot_taken), &(t.prose_date)(c.today))
}

/// What follows a program's title when the program itself is new, gone or unreadable.
pub fn presence_note(p: Presence, t: &ReportTexts) -> &'static str {
    match p {
        Presence::Kept => "",
        Presence::Added => t.program_added,
        Presence::Removed => t.program_removed,
        Presence::Unreadable => t.program_unreadable,
    }
}

pub fn items(p: &ProgramChanges, t: &ReportTexts, m: &Markup) -> Vec<Item> {
    let text = m.text;
    let date = t.prose_date;
    let item = |id: &str, title: &str| format!("{} {}", text(id), text(title));
    let mut out = Vec::new();
    let mut push = |tag, body| out.push(Item { tag, body });
    for s in &p.signed_off {
        let on = s.on.map_or_else(|| t.no_date.to_owned(), date);
        let by = s.by.as_deref().map(text);
        push(
            t.tag_signed_off,
            format!(
                "{}{}",
                item(&s.measure.id, &s.measure.title),
                (t.signed_off_note)(&on, by.as_deref())
            ),
        );
    }
    for o in &p.newly_overdue {
        let late = (m.late)((t.ui.days_left)(-o.days_overdue));
        push(
            t.tag_overdue,
            format!(
                "{}{}",
                item(&o.measure.id, &o.measure.title),
                (t.overdue_note)(&text(&o.measure.owner), &date(o.due), &late)
            ),
        );
    }
    for s in &p.status_changes {
        push(
            t.tag_status,
            (t.ui.labelled)(
                &item(&s.measure.id, &s.measure.title),
                &format!("{} → {}", status(&s.from, t, m), status(&s.to, t, m)),
            ),
        );
    }
    for d in &p.deadline_changes {
        push(
            t.tag_deadline,
            (t.ui.labelled)(
                &item(&d.measure.id, &d.measure.title),
                &format!(
                    "{} → {}{}",
                    date(d.from),
                    date(d.to),
                    (t.slips_so_far)(d.slips)
                ),
            ),
        );
    }
    for a in &p.added {
        let late = a.overdue.then(|| (m.late)(t.overdue_word.to_owned()));
        push(
            t.tag_added,
            format!(
                "{}{}",
                item(&a.measure.id, &a.measure.title),
                (t.added_note)(
                    &text(&a.measure.owner),
                    &date(a.due),
                    &status(&a.status, t, m),
                    late.as_deref()
                )
            ),
        );
    }
    for r in &p.removed {
        push(t.tag_removed, item(&r.id, &r.title));
    }
    out
}

/// A status in words, with the reason when blocked.
pub fn status(s: &StatusView, t: &ReportTexts, m: &Markup) -> String {
    let label = (m.text)(s.label_in(t.ui));
    match &s.reason {
        Some(r) => format!("{label}{}", (t.ui.aside)(&(m.text)(r.trim()))),
        None => label,
    }
}
