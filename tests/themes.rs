//! Built-in themes are complete and valid; a user theme patches a base field by field; a bad
//! theme says what is wrong and falls back to the default.

use ratatui::style::{Color, Modifier};
use rectify::domain::StatusKind;
use rectify::i18n::Lang;
use rectify::theme::{self, BUILT_IN, Theme};

#[test]
fn every_built_in_theme_is_complete_and_matches_its_file_in_themes() {
    for (name, text) in BUILT_IN {
        let t = theme::from_text(name, text).unwrap_or_else(|e| panic!("{}", e.text(Lang::En)));
        assert_eq!(t.name, name);
        let on_disk = std::fs::read_to_string(format!("themes/{name}.ron")).unwrap();
        assert_eq!(on_disk, text, "the embedded copy of {name} is stale");
        assert_ne!(t.overdue, t.due_later, "{name}: overdue must stand out");
    }
    let files = std::fs::read_dir("themes").unwrap().count();
    assert_eq!(files, BUILT_IN.len(), "every file in themes/ is built in");
}

#[test]
fn a_user_theme_changes_only_what_it_sets() {
    let dark = Theme::built_in("dark").unwrap();
    let t = theme::from_text(
        "mine",
        r##"(base: "dark", status: (blocked: (fg: "magenta")), ui: (title: (italic: true)))"##,
    )
    .unwrap();
    assert_eq!(t.status(StatusKind::Blocked).fg, Some(Color::Magenta));
    // Bold came from the base and stays.
    assert!(
        t.status(StatusKind::Blocked)
            .add_modifier
            .contains(Modifier::BOLD)
    );
    assert!(
        t.title
            .add_modifier
            .contains(Modifier::ITALIC | Modifier::BOLD)
    );
    assert_eq!(t.status(StatusKind::Done), dark.status(StatusKind::Done));
    assert_eq!(t.overdue, dark.overdue);
}

#[test]
fn a_theme_file_can_start_from_light() {
    let t = theme::from_text("mine", r#"(base: "light")"#).unwrap();
    assert_eq!(t.text, Theme::built_in("light").unwrap().text);
}

#[test]
fn a_bad_theme_names_the_problem_and_falls_back_to_dark() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            r#"(status: (blocked: (fg: "magentaa")))"#,
            "`status.blocked.fg`: unknown colour `magentaa`",
            "`status.blocked.fg`：未知的颜色 `magentaa`",
        ),
        (
            r#"(statuss: ())"#,
            "unknown field `statuss`",
            "未知字段 `statuss`",
        ),
        (
            r#"(base: "neon")"#,
            "unknown base theme `neon`",
            "未知的基础主题 `neon`",
        ),
        ("(ui: (", "1:6:", "1:6:"),
    ];
    for (i, (text, en, zh)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("t{i}.ron"));
        std::fs::write(&path, text).unwrap();
        let (t, msg) = theme::resolve(path.to_str(), Lang::En);
        let msg = msg.unwrap();
        assert!(msg.contains(en), "{msg}");
        assert!(msg.starts_with("using the dark theme: "), "{msg}");
        assert_eq!(t, Theme::fallback());
        let (_, msg) = theme::resolve(path.to_str(), Lang::Zh);
        let msg = msg.unwrap();
        assert!(
            msg.contains(zh) && msg.starts_with("改用 dark 主题："),
            "{msg}"
        );
    }
    let (_, msg) = theme::resolve(Some("neon"), Lang::En);
    assert!(msg.unwrap().starts_with(
        "using the dark theme: no theme named `neon` (built in: dark, light, high-contrast)"
    ));
    let (_, msg) = theme::resolve(Some("neon"), Lang::Zh);
    assert!(
        msg.unwrap()
            .starts_with("改用 dark 主题：没有名为 `neon` 的主题")
    );
}

/// A Windows path (`themes\mine`, no `/`, no extension) is a file that cannot be read, not a
/// theme name mistyped.
#[test]
fn a_missing_theme_path_with_backslashes_is_named_as_a_file() {
    let (_, msg) = theme::resolve(Some(r"C:\Users\zhang\themes\mine"), Lang::En);
    let msg = msg.unwrap();
    assert!(!msg.contains("no theme named"), "{msg}");
    assert!(msg.contains(r"C:\Users\zhang\themes\mine"), "{msg}");
    let (_, msg) = theme::resolve(Some("mine"), Lang::En);
    assert!(
        msg.unwrap()
            .starts_with("using the dark theme: no theme named `mine`")
    );
}

#[test]
fn built_in_names_resolve_without_a_message() {
    for (name, _) in BUILT_IN {
        let (t, msg) = theme::resolve(Some(name), Lang::En);
        assert_eq!(msg, None);
        assert_eq!(t.name, name);
    }
}
