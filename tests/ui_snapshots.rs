//! Whole screens on the shipped Chinese boards at a pinned date, at 80×24 and 160×45, and the
//! colours that carry meaning checked on the cells themselves.

mod common;

use common::*;
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use ratatui::style::Color;
use rectify::app::App;
use rectify::domain::StatusKind;
use rectify::domain::schedule::Health;

const SIZES: [(u16, u16); 5] = [(80, 24), (120, 40), (160, 45), (200, 60), (240, 67)];

fn snap(name: &str, app: &App) {
    let (w, h) = app.size;
    assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, &dark()));
}

#[test]
fn overview() {
    for size in SIZES {
        snap("overview", &shipped(size));
    }
}

#[test]
fn program() {
    for size in SIZES {
        let mut app = shipped(size);
        press(&mut app, &[KeyCode::Enter]);
        snap("program_fraud", &app);
        // The lagging program: overdue measures, a missed milestone, a revised deadline.
        press(
            &mut app,
            &[KeyCode::Esc, KeyCode::End, KeyCode::Up, KeyCode::Enter],
        );
        snap("program_law_enforcement", &app);
    }
}

#[test]
fn deadlines() {
    for size in SIZES {
        let mut app = shipped(size);
        press(&mut app, &[KeyCode::BackTab]);
        snap("deadlines", &app);
    }
}

#[test]
fn help_overlay() {
    for size in SIZES {
        let mut app = shipped(size);
        press(&mut app, &[KeyCode::Enter, KeyCode::Char('?')]);
        snap("help_program", &app);
    }
}

#[test]
fn filters() {
    for size in SIZES {
        let mut app = shipped(size);
        press(&mut app, &[KeyCode::Char('/')]);
        type_text(&mut app, "法制局");
        snap("filter_typing_overview", &app);
        press(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
        snap("filter_program", &app);
        press(
            &mut app,
            &[KeyCode::Esc, KeyCode::Char('F'), KeyCode::Tab, KeyCode::Tab],
        );
        press(&mut app, &[KeyCode::Char('f'), KeyCode::Char('f')]);
        snap("filter_status_deadlines", &app);
    }
}

#[test]
fn error_banner() {
    use rectify::i18n::Lang;
    for size in SIZES {
        let app = with_broken_files(size, Lang::Zh, 1);
        let text = screen(&app, &dark());
        assert!(
            text.contains("boards/10-broken.ron:14:21: 未知的状态 `Doingg`"),
            "{text}"
        );
        snap("error_banner", &app);
        let app = with_broken_files(size, Lang::En, 1);
        let text = screen(&app, &dark());
        assert!(
            text.contains("boards/10-broken.ron:14:21: unknown status `Doingg`"),
            "{text}"
        );
    }
}

#[test]
fn too_small() {
    let app = shipped((50, 12));
    let text = screen(&app, &dark());
    assert!(text.contains("窗口太小"), "{text}");
    assert!(
        !text.contains("打击治理"),
        "no broken board behind the message"
    );
    snap("too_small", &app);
}

fn fg_at(app: &App, needle: &str) -> Option<Color> {
    let b = buffer(app, &dark());
    let (x, y) = find(&b, needle).unwrap_or_else(|| panic!("`{needle}` not on screen"));
    b[(x, y)].fg.into()
}

#[test]
fn health_and_deadlines_are_coloured_by_meaning() {
    let theme = dark();
    let app = shipped((160, 45));
    assert_eq!(fg_at(&app, "■ 滞后"), theme.health(Health::OffTrack).fg);
    assert_eq!(fg_at(&app, "▲ 有风险"), theme.health(Health::AtRisk).fg);
    assert_eq!(fg_at(&app, "● 正常"), theme.health(Health::OnTrack).fg);
    assert_eq!(fg_at(&app, "逾期15天"), theme.overdue.fg);
    assert_ne!(theme.overdue.fg, theme.due_later.fg);

    let mut app = shipped((160, 45));
    press(&mut app, &[KeyCode::BackTab]);
    assert_eq!(fg_at(&app, "逾15天"), theme.overdue.fg);
    assert_eq!(fg_at(&app, "3天"), theme.due_soon.fg);

    let mut app = shipped((160, 45));
    press(&mut app, &[KeyCode::End, KeyCode::Enter]);
    assert_eq!(fg_at(&app, "受阻"), theme.status(StatusKind::Blocked).fg);
}

#[test]
fn no_color_leaves_no_colour_but_keeps_the_selection_visible() {
    let theme = dark().monochrome();
    let app = shipped((160, 45));
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 45)).unwrap();
    t.draw(|f| rectify::ui::render(&app, &theme, f)).unwrap();
    let b = t.backend().buffer();
    for cell in b.content() {
        assert!(matches!(cell.fg, Color::Reset), "{cell:?}");
        assert!(matches!(cell.bg, Color::Reset), "{cell:?}");
    }
    let (x, y) = find(b, "打击治理电信网络诈骗犯罪").unwrap();
    assert!(
        b[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
}

#[test]
fn cjk_columns_line_up_on_every_row() {
    let app = shipped((160, 45));
    let b = buffer(&app, &dark());
    let (lead_x, header_y) = find(&b, "牵头单位").unwrap();
    for (i, lead) in ["刑事侦查局", "铁路公安局", "交通管理局"]
        .iter()
        .enumerate()
    {
        let (x, y) = find(&b, lead).unwrap();
        assert_eq!(x, lead_x, "row {i}");
        assert_eq!(y, header_y + 1 + i as u16);
    }
}

/// A double-width character must be followed by its own blank second cell; anything else there
/// (a popup border) is drawn over by the terminal.
fn no_half_wide_characters(b: &ratatui::buffer::Buffer, what: &str) {
    for y in 0..b.area.height {
        for x in 0..b.area.width.saturating_sub(1) {
            let w = unicode_width::UnicodeWidthStr::width(b[(x, y)].symbol());
            let next = b[(x + 1, y)].symbol();
            assert!(
                w < 2 || next == " " || next.is_empty(),
                "{what}: `{}` at {x},{y} is followed by `{next}`",
                b[(x, y)].symbol()
            );
        }
    }
}

#[test]
fn no_screen_or_popup_cuts_a_chinese_character_in_half() {
    for size in SIZES {
        for keys in [
            &[][..],
            &[KeyCode::Char('?')],
            &[KeyCode::Enter],
            &[KeyCode::Enter, KeyCode::Char('?')],
            &[KeyCode::Enter, KeyCode::Char('s')],
            &[KeyCode::Enter, KeyCode::Char('n')],
            &[KeyCode::Enter, KeyCode::Char('o')],
            &[KeyCode::BackTab],
            &[KeyCode::BackTab, KeyCode::Char('?')],
        ] {
            let mut app = shipped(size);
            press(&mut app, keys);
            no_half_wide_characters(&drawn(&app, &dark()), &format!("{size:?} {keys:?}"));
        }
    }
}
