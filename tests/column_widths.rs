//! Columns never get narrower as the window grows, on every screen, from 80×24 to 240×67;
//! and the room a wider window gives goes to the columns that hold names.

mod common;

use common::*;
use crossterm::event::KeyCode::{self, *};
use rectify::app::App;

/// Every width from 80 to 240, the height growing with it as a window's does.
fn sizes() -> impl Iterator<Item = (u16, u16)> {
    (80u16..=240).map(|w| (w, 24 + (w - 80) * 43 / 160))
}

fn app_at(size: (u16, u16), keys: &[KeyCode]) -> App {
    let mut app = shipped(size);
    press(&mut app, keys);
    app
}

#[test]
fn each_column_is_never_narrower_in_a_wider_window() {
    let screens: [(&str, &[KeyCode]); 8] = [
        ("overview", &[]),
        ("program", &[Enter]),
        ("program, lagging", &[End, Up, Enter]),
        ("deadlines", &[BackTab, BackTab, BackTab]),
        ("owner units", &[Tab, Tab, Tab]),
        ("a unit's measures", &[Tab, Tab, Tab, Down, Down, Enter]),
        ("problem list", &[BackTab]),
        ("a problem's measures", &[BackTab, Down, Enter]),
    ];
    for (name, keys) in screens {
        let mut last: Vec<(String, u16)> = Vec::new();
        let mut last_size = (0, 0);
        let mut app = app_at((80, 24), keys);
        for size in sizes() {
            rectify::app::update(&mut app, rectify::app::Action::Resize(size.0, size.1));
            let now = rectify::ui::column_widths(&app);
            assert!(now.len() >= 4, "{name}: no columns measured at {size:?}");
            for (col, w) in &last {
                let got = now.iter().find(|(c, _)| c == col).map(|(_, w)| *w);
                assert!(
                    got.is_some_and(|g| g >= *w),
                    "{name}: `{col}` was {w} at {last_size:?} and is {got:?} at {size:?}\n{now:?}"
                );
            }
            last = now;
            last_size = size;
        }
    }
}

fn width_of(app: &App, col: &str) -> u16 {
    rectify::ui::column_widths(app)
        .into_iter()
        .find(|(c, _)| c == col)
        .unwrap_or_else(|| panic!("no `{col}` in {:?}", rectify::ui::column_widths(app)))
        .1
}

#[test]
fn names_and_titles_take_the_room_a_wider_window_gives() {
    let grows = |keys: &[KeyCode], col: &str| {
        let small = width_of(&app_at((160, 45), keys), col);
        let large = width_of(&app_at((240, 67), keys), col);
        assert!(
            large >= small + 15,
            "`{col}`: {small} at 160, {large} at 240"
        );
    };
    grows(&[Enter], "整改措施");
    grows(&[Enter], "责任单位");
    grows(&[], "专项整治方案");
    grows(&[], "牵头单位");
    grows(&[BackTab, BackTab, BackTab], "整改措施");
    grows(&[BackTab, BackTab, BackTab], "责任单位");
    // A unit's measures across programs: the long unit names are not cut while there is room.
    grows(&[Tab, Tab, Tab, Down, Down, Enter], "责任单位");
    grows(&[Tab, Tab, Tab, Down, Down, Enter], "整改措施");
    grows(&[BackTab], "问题");
    // The example: the title column was 12 at 80×24, 10 at 120×40 and 23 at 160×45.
    let title = |size| width_of(&app_at(size, &[Enter]), "整改措施");
    assert!(title((80, 24)) <= title((120, 40)));
    assert!(title((120, 40)) <= title((160, 45)));
}
