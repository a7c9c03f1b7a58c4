//! Every screen, popup and dialog in both languages at the sizes people use, read the way a
//! user reads them: English labels whole where the Chinese ones fit, today's date and the help
//! key always on screen, and each language's own punctuation around labels and asides.

mod common;

use common::*;
use crossterm::event::KeyCode::{self, *};
use rectify::app::meeting::Meeting;
use rectify::app::{App, Effect};
use rectify::domain::StatusKind;
use rectify::domain::schedule::Health;
use rectify::i18n::{Lang, Texts};

const SIZES: [(u16, u16); 3] = [(160, 45), (80, 24), (60, 20)];

fn board(lang: Lang, size: (u16, u16)) -> App {
    let mut app = shipped(size);
    app.settings.lang = lang;
    app
}

fn on(lang: Lang, size: (u16, u16), keys: &[KeyCode]) -> App {
    let mut app = board(lang, size);
    press(&mut app, keys);
    app
}

/// The changes since the meeting a fortnight ago, when ZP-02 was not yet signed off and
/// ZP-10's deadline not yet revised.
fn with_snapshot(lang: Lang, size: (u16, u16)) -> App {
    let mut app = board(lang, size);
    let mut snap = snapshot_of(&app, "2023-07-01");
    for m in &mut snap.boards[0].program.measures {
        match m.id.as_str() {
            "ZP-02" => {
                m.status = rectify::domain::Status::InProgress;
                m.signed_off = None;
            }
            "ZP-10" => m.revised.clear(),
            _ => {}
        }
    }
    app.since = Some(snap);
    press(&mut app, &[Char('c')]);
    app
}

fn with_conflict(lang: Lang, size: (u16, u16)) -> App {
    let mut app = on(lang, size, &[Enter, Down, Down]);
    match press(&mut app, &[Char('+')]).as_slice() {
        [Effect::Save(r)] => progress_conflict(&mut app, (**r).clone()),
        other => panic!("expected a save, got {other:?}"),
    }
    app
}

/// Every screen, popup and dialog, each under a name for the failure message.
fn frames(lang: Lang, size: (u16, u16)) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |name: &str, app: &App| out.push((name.to_owned(), screen(app, &dark())));
    add("overview", &board(lang, size));
    add("deadlines", &on(lang, size, &[BackTab, BackTab, BackTab]));
    add(
        "status filter",
        &on(lang, size, &[BackTab, BackTab, BackTab, Char('f')]),
    );
    add("owner units", &on(lang, size, &[BackTab, BackTab]));
    add(
        "unit's measures",
        &on(lang, size, &[BackTab, BackTab, Enter]),
    );
    add("problem list", &on(lang, size, &[BackTab]));
    add("problem's measures", &on(lang, size, &[BackTab, Enter]));
    let mut typing = on(lang, size, &[Char('/')]);
    type_text(&mut typing, "法制");
    add("typing a filter", &typing);
    press(&mut typing, &[Enter]);
    add("a filter", &typing);
    add("help", &on(lang, size, &[Char('?')]));
    add("help on a program", &on(lang, size, &[Enter, Char('?')]));
    // Every measure of every program, each with its detail.
    let mut app = on(lang, size, &[Enter]);
    for p in 0..app.boards.len() {
        let n = app.boards[p]
            .program
            .as_ref()
            .map_or(0, |p| p.measures.len());
        for m in 0..n {
            add(&format!("program {p} measure {m}"), &app);
            press(&mut app, &[Down]);
        }
        press(&mut app, &[Right]);
    }
    add("status picker", &on(lang, size, &[Enter, Char('s')]));
    add("progress", &on(lang, size, &[Enter, Char('p')]));
    let mut bad = on(lang, size, &[Enter, Char('p')]);
    type_text(&mut bad, "x");
    press(&mut bad, &[Enter]);
    add("a bad progress", &bad);
    add("notes", &on(lang, size, &[Enter, Char('n')]));
    add("deadline", &on(lang, size, &[Enter, Char('d')]));
    add("sign off", &on(lang, size, &[Enter, Char('o')]));
    add("conflict", &with_conflict(lang, size));
    add("since", &with_snapshot(lang, size));
    add("errors", &with_broken_files(size, lang, 5));
    let mut meeting = board(lang, size);
    meeting.settings.read_only = true;
    meeting.meeting = Some(Meeting::start(&meeting, now(), 20));
    add("meeting overview", &meeting);
    press(&mut meeting, &[Char('8')]);
    add("meeting program", &meeting);
    press(&mut meeting, &[Char('9'), Right]);
    add("meeting deadlines", &meeting);
    out
}

fn han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Labels the tables, tabs and lists show, which must never be cut.
fn labels(t: &Texts) -> Vec<String> {
    let mut l: Vec<String> = [
        t.tab_overview,
        t.tab_program,
        t.tab_deadlines,
        t.col_health,
        t.col_program,
        t.col_lead,
        t.col_progress,
        t.col_overdue,
        t.col_next,
        t.col_id,
        t.col_measure,
        t.col_owner,
        t.col_due,
        t.col_days,
        t.col_status,
        t.detail_progress,
        t.bucket_overdue,
        t.bucket_month,
        t.milestone_missed,
        t.since_signed_off,
        t.since_overdue,
        t.since_status,
        t.since_slip,
        t.since_new,
        t.app_title,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    l.push((t.bucket_week)(7));
    l.extend(StatusKind::ALL.iter().map(|&k| (t.status)(k).to_owned()));
    l.extend(
        [Health::OnTrack, Health::AtRisk, Health::OffTrack]
            .iter()
            .map(|&h| (t.health)(h).to_owned()),
    );
    l
}

/// `Measu…`, `not s…`, `≤30 da…`: a label's beginning, at the start of a word, with an
/// ellipsis after it.
fn cut(text: &str, labels: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for l in labels {
        let chars: Vec<char> = l.chars().collect();
        for k in 1..chars.len() {
            let stub: String = chars[..k].iter().chain(['…'].iter()).collect();
            let starts_a_word = text.match_indices(&stub).any(|(i, _)| {
                text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            });
            if starts_a_word {
                found.push(stub);
            }
        }
    }
    found
}

#[test]
fn english_labels_are_whole_where_the_chinese_ones_fit() {
    let t = Lang::En.texts();
    let labels = labels(t);
    for size in SIZES {
        for (name, text) in frames(Lang::En, size) {
            // Sentences (the totals, the program's figures and goal, error messages) may run
            // out of room; the labels of tables, lists and tabs may not.
            let shown: Vec<&str> = text
                .lines()
                .enumerate()
                .filter(|(y, _)| !(1..=2).contains(y) || name.starts_with("meeting"))
                .map(|(_, l)| l)
                .filter(|l| !l.starts_with(" ✗ boards/"))
                .collect();
            let shown = shown.join("\n");
            let stubs = cut(&shown, &labels);
            assert!(stubs.is_empty(), "{name} at {size:?}: {stubs:?}\n{text}");
        }
    }
}

#[test]
fn every_table_keeps_its_columns_and_groups_in_english_as_in_chinese() {
    for size in SIZES {
        for lang in [Lang::Zh, Lang::En] {
            let t = lang.texts();
            let text = screen(&on(lang, size, &[BackTab, BackTab, BackTab]), &dark());
            for l in [
                t.col_id,
                t.col_measure,
                t.col_due,
                t.col_days,
                t.col_status,
                t.bucket_overdue,
                &(t.bucket_week)(7),
                t.bucket_month,
            ] {
                assert!(text.contains(l), "{lang:?} {size:?}: no `{l}`\n{text}");
            }
        }
        let en = screen(&board(Lang::En, size), &dark());
        if size.0 >= 160 {
            for k in StatusKind::ALL {
                let l = (Lang::En.texts().status)(k);
                assert!(en.contains(l), "{size:?}: no `{l}`\n{en}");
            }
            assert!(en.contains("milestone missed 06-30"), "{en}");
        }
    }
}

#[test]
fn the_title_keeps_the_date_and_the_hint_keeps_help_and_quit() {
    for size in SIZES {
        for lang in [Lang::Zh, Lang::En] {
            let t = lang.texts();
            let date = (t.date)(today());
            let (help, quit) = match lang {
                Lang::Zh => ("? 帮助", "q 退出"),
                Lang::En => ("? help", "q quit"),
            };
            for keys in [
                &[][..],
                &[BackTab, BackTab, BackTab],
                &[Enter],
                &[BackTab, BackTab],
                &[BackTab, BackTab, Enter],
                &[BackTab],
            ] {
                let text = screen(&on(lang, size, keys), &dark());
                let lines: Vec<&str> = text.lines().collect();
                assert!(lines[0].contains(&date), "{lang:?} {size:?}\n{text}");
                let hint = lines.last().unwrap();
                assert!(hint.contains(help), "{lang:?} {size:?} {keys:?}: {hint}");
                assert!(!hint.contains('…'), "whole items only: {hint}");
                if keys.is_empty() {
                    assert!(hint.contains(quit), "{lang:?} {size:?}: {hint}");
                }
            }
        }
    }
    // With room, the folder's title as well, and that the date is the example data's own.
    let text = screen(&board(Lang::En, (160, 45)), &dark());
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("Ministry rectification progress board · as of 15 Jul 2023 · example data"),
        "{first}"
    );
}

#[test]
fn chinese_labels_take_full_width_colons_and_brackets() {
    for size in SIZES {
        for (name, text) in frames(Lang::Zh, size) {
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(3) {
                let bad = (han(w[0]) && (w[1] == ':' || w[1] == '(' || w[1] == ')'))
                    || (han(w[0]) && w[1] == ' ' && w[2] == '(')
                    || (w[0] == '(' && han(w[1]));
                let at: String = w.iter().collect();
                assert!(!bad, "{name} at {size:?}: `{at}`\n{text}");
            }
        }
    }
}

#[test]
fn english_screens_take_ascii_colons_and_brackets() {
    for size in SIZES {
        for (name, text) in frames(Lang::En, size) {
            // The boards' own text has none of these, so any of them is the interface's.
            let bad: String = text.chars().filter(|c| "：（）".contains(*c)).collect();
            assert!(bad.is_empty(), "{name} at {size:?}: {bad}\n{text}");
        }
    }
}

#[test]
fn labels_asides_and_counts_read_as_each_language_writes_them() {
    let detail = |lang: Lang, keys: &[KeyCode]| screen(&on(lang, (160, 45), keys), &dark());
    // ZP-10: its deadline revised once; ZP-02: signed off.
    let nine = [Enter, Down, Down, Down, Down, Down, Down, Down, Down, Down];
    let zh = detail(Lang::Zh, &nine);
    assert!(zh.contains("原定期限：2023年6月30日"), "{zh}");
    assert!(zh.contains("调整后期限：2023年8月31日（调整1次）"), "{zh}");
    let en = detail(Lang::En, &nine);
    assert!(en.contains("Original deadline: 30 Jun 2023"), "{en}");
    assert!(
        en.contains("Revised deadline: 31 Aug 2023 (revised once)"),
        "the date is not broken by the wrap: {en}"
    );
    let zh = detail(Lang::Zh, &[Enter, Down]);
    assert!(zh.contains("销号：2023年7月5日，部主题教育办"), "{zh}");
    assert!(zh.contains("完成 25%（3/12）"), "{zh}");
    let en = detail(Lang::En, &[Enter, Down]);
    assert!(en.contains("Signed off 5 Jul 2023 by 部主题教育办"), "{en}");
    assert!(en.contains("Complete 25% (3/12)"), "{en}");

    let zh = screen(&with_broken_files((160, 45), Lang::Zh, 5), &dark());
    assert!(zh.contains("（另有 2 个）"), "{zh}");
    for size in SIZES {
        let en = screen(&with_broken_files(size, Lang::En, 5), &dark());
        assert!(
            en.contains(" (+2 more)"),
            "the count shows however long the error: {en}"
        );
    }

    let zh = screen(&with_conflict(Lang::Zh, (160, 45)), &dark());
    assert!(
        zh.contains("同事的值：90") && zh.contains("你的值：60"),
        "{zh}"
    );

    let en = screen(&with_snapshot(Lang::En, (160, 45)), &dark());
    assert!(en.contains("★ newly signed off ZP-02"), "{en}");
    assert!(en.contains("06-30 → 08-31 (revised once)"), "{en}");
    let zh = screen(&with_snapshot(Lang::Zh, (160, 45)), &dark());
    assert!(zh.contains("06-30 → 08-31（调整1次）"), "{zh}");

    let mut meeting = board(Lang::En, (160, 45));
    meeting.meeting = Some(Meeting::start(&meeting, now(), 20));
    let en = screen(&meeting, &dark());
    assert!(
        en.contains("Since the meeting began: ★ newly signed off 0 · ⚠ newly overdue 0"),
        "{en}"
    );
}

#[test]
fn dialog_keys_speak_in_one_voice() {
    let t = Lang::En.texts();
    for keys in [
        t.modal_keys,
        t.picker_keys,
        t.confirm_keys,
        t.lost_keys,
        t.conflict_keys,
        t.help_close,
        t.hint_filter,
        t.filter_clear,
    ] {
        // `Enter save`, not `Enter saves`: a key, then what it does, as a bare verb.
        for w in ["saves", "cancels", "closes", "clears", "keeps", "drops"] {
            assert!(!keys.split_whitespace().any(|k| k == w), "{keys:?}: `{w}`");
        }
    }
    assert!(t.hint_filter.contains("Enter apply"));
    assert!(t.hint_program.contains("←→ programs"));
    assert_eq!(
        t.confirm_sign_off,
        "Sign off? Today's date and your name will be recorded."
    );
}
