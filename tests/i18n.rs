//! Every text the interface shows exists in both languages, and each language is itself:
//! Chinese texts are in Chinese, English texts hold no Chinese.

mod common;

use common::*;
use crossterm::event::KeyCode::*;
use rectify::app::ChangeKind;
use rectify::app::keymap::BINDINGS;
use rectify::domain::StatusKind;
use rectify::domain::schedule::Health;
use rectify::i18n::{EN, Lang, Totals, ZH};

fn cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn both(name: &str, zh: &str, en: &str) {
    assert!(!zh.trim().is_empty(), "{name}: Chinese missing");
    assert!(!en.trim().is_empty(), "{name}: English missing");
    assert!(cjk(zh), "{name}: the Chinese text is not Chinese: {zh:?}");
    assert!(!cjk(en), "{name}: the English text holds Chinese: {en:?}");
}

#[test]
fn every_label_and_message_exists_in_both_languages() {
    let (zh, en) = (ZH.strings(), EN.strings());
    assert_eq!(zh.len(), en.len());
    assert!(zh.len() > 90, "the list covers the whole interface");
    for ((name, z), (_, e)) in zh.iter().zip(&en) {
        both(name, z, e);
    }
}

#[test]
fn every_help_line_exists_in_both_languages() {
    for b in BINDINGS {
        both(b.keys, b.zh, b.en);
    }
}

#[test]
fn formatted_texts_exist_in_both_languages() {
    for k in StatusKind::ALL {
        both("status", (ZH.status)(k), (EN.status)(k));
    }
    for h in [Health::OnTrack, Health::AtRisk, Health::OffTrack] {
        both("health", (ZH.health)(h), (EN.health)(h));
    }
    for c in [
        ChangeKind::Updated,
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Broken,
        ChangeKind::Fixed,
    ] {
        both("change", (ZH.change)(c), (EN.change)(c));
    }
    for d in [-3, -1, 0, 1, 12] {
        both("days_left", &(ZH.days_left)(d), &(EN.days_left)(d));
    }
    let t = Totals {
        programs: 9,
        measures: 99,
        finished_pct: Some(26),
        signed_off: 15,
        overdue: 4,
        due_soon: 4,
    };
    both("totals", &(ZH.totals)(&t), &(EN.totals)(&t));
    both(
        "too_small",
        &(ZH.too_small)((60, 16), (50, 12)),
        &(EN.too_small)((60, 16), (50, 12)),
    );
}

#[test]
fn dates_are_written_the_way_each_language_writes_them() {
    assert_eq!((ZH.date)(today()), "2023年7月15日");
    assert_eq!((EN.date)(today()), "15 Jul 2023");
}

#[test]
fn the_english_board_shows_no_chinese_label() {
    let mut app = shipped((160, 45));
    app.settings.lang = Lang::En;
    let data: String = app
        .boards
        .iter()
        .filter_map(|b| b.program.as_ref())
        .flat_map(|p| {
            [p.title.clone(), p.lead.clone(), p.goal.clone()]
                .into_iter()
                .chain(p.milestones.iter().map(|m| m.title.clone()))
                .chain(p.measures.iter().flat_map(|m| {
                    let reason = match &m.status {
                        rectify::domain::Status::Blocked(r) => r.clone(),
                        _ => String::new(),
                    };
                    [m.title.clone(), m.owner.clone(), m.notes.clone(), reason]
                }))
        })
        .collect();
    // Characters of the Chinese interface that no board uses: any of them on an English
    // screen is a label that was not translated.
    let mut label: String = ZH.strings().iter().map(|(_, s)| *s).collect();
    label.extend(BINDINGS.iter().map(|b| b.zh));
    let telltale: Vec<char> = label
        .chars()
        .filter(|c| cjk(&c.to_string()) && !data.contains(*c))
        .collect();
    assert!(telltale.len() > 50, "{}", telltale.len());
    for keys in [
        &[][..],
        &[Enter],
        &[Char('s')],
        &[Esc, Esc, BackTab],
        &[Char('?')],
    ] {
        press(&mut app, keys);
        let text = screen(&app, &dark());
        let leaked: String = text.chars().filter(|c| telltale.contains(c)).collect();
        assert!(leaked.is_empty(), "{keys:?}: {leaked}\n{text}");
    }
}

#[test]
fn english_labels_are_not_cut_where_chinese_ones_fit() {
    let mut app = shipped((80, 24));
    app.settings.lang = Lang::En;
    let text = screen(&app, &dark());
    assert!(
        text.contains("● on track") && text.contains("■ off track") && text.contains("▲ at risk"),
        "{text}"
    );
    press(&mut app, &[Enter]);
    let text = screen(&app, &dark());
    assert!(
        text.contains("in progress") && text.contains("signed off"),
        "{text}"
    );
}
