//! The user's config file: defaults for the command line and key bindings by action name.
//! Flags beat the file, the file beats the environment and built-in defaults; every value
//! remembers where it came from, for `rectify config --print`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyModifiers};
use ron::extensions::Extensions;
use serde::Deserialize;

mod error;

pub use error::ConfigError;

use crate::i18n::Lang;
use crate::tr;

/// The file as written. Every field is optional; unknown ones are errors, so a typo is told.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub boards: Option<PathBuf>,
    pub theme: Option<String>,
    pub user: Option<String>,
    pub due_soon_days: Option<i64>,
    pub lang: Option<String>,
    /// Commit each save to git, as `--git-commit` does.
    pub git_commit: Option<bool>,
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    File(PathBuf),
    /// The boards folder's own settings file.
    Folder(PathBuf),
    Env(String),
    /// The operating system's locale, where no variable names one.
    System(String),
    Default,
}

impl Source {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Source::Flag => tr!(lang, "命令行", "command line"),
            Source::File(p) => {
                let p = p.display();
                tr!(lang, "配置文件 {p}", "config file {p}")
            }
            Source::Folder(p) => {
                let p = p.display();
                tr!(lang, "看板文件夹设置 {p}", "folder settings {p}")
            }
            Source::Env(v) => tr!(lang, "环境变量 {v}", "environment {v}"),
            Source::System(v) => tr!(lang, "系统区域设置 {v}", "system locale {v}"),
            Source::Default => tr!(lang, "默认值", "default"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// Where the config file is looked for: `--config`, then `RECTIFY_CONFIG`, then the
/// platform's config directory (`~/.config/rectify/config.ron` on Linux).
pub fn location(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = flag {
        return Some(p.to_owned());
    }
    if let Some(p) = std::env::var_os("RECTIFY_CONFIG").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    default_location()
}

/// This system's place for the config file: `~/.config/rectify/config.ron` on Linux, under
/// `~/Library/Application Support` on a Mac, `%APPDATA%` on Windows.
pub fn default_location() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.ron"))
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "rectify")
}

/// Where large boards' parses are kept between starts: `RECTIFY_CACHE_DIR`, where `off`
/// keeps none, else the platform's cache directory (`~/.cache/rectify/parsed` on Linux).
pub fn parse_cache_dir() -> Option<PathBuf> {
    match std::env::var_os("RECTIFY_CACHE_DIR").filter(|v| !v.is_empty()) {
        Some(v) if v == "off" => None,
        Some(v) => Some(PathBuf::from(v)),
        None => project_dirs().map(|d| d.cache_dir().join("parsed")),
    }
}

/// Reads the config file; a missing one is no error, a broken one is, with line and column.
pub fn read(path: &Path) -> Result<Option<ConfigFile>, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ConfigError::CannotRead {
                path: path.to_owned(),
                cause: (&e).into(),
            });
        }
    };
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str::<ConfigFile>(text.strip_prefix('\u{feff}').unwrap_or(&text))
        .map(Some)
        .map_err(|e| ConfigError::Syntax {
            path: path.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            error: e.code,
        })
}

/// The language of the command line's own help and errors, needed before clap has parsed
/// anything: `--lang`, then the config file's `lang`, then the environment. Whatever cannot
/// be read here falls through; the real parse reports it.
pub fn lang_before_parsing(args: &[std::ffi::OsString]) -> Lang {
    let value = |name: &str| {
        let flag = format!("--{name}");
        let prefix = format!("--{name}=");
        let mut it = args.iter().filter_map(|a| a.to_str());
        while let Some(a) = it.next() {
            if a == flag {
                return it.next().map(str::to_owned);
            }
            if let Some(v) = a.strip_prefix(&prefix) {
                return Some(v.to_owned());
            }
        }
        None
    };
    if let Some(l) = value("lang").as_deref().and_then(parse_lang) {
        return l;
    }
    let config = value("config").map(PathBuf::from);
    let from_file = location(config.as_deref())
        .and_then(|p| read(&p).ok().flatten())
        .and_then(|c| c.lang)
        .as_deref()
        .and_then(parse_lang);
    from_file.unwrap_or_else(|| lang_from_env().value)
}

/// `LANG` and friends: a Chinese locale gets Chinese, another language's locale English. The
/// C and POSIX locales name no language (servers reached over SSH often have them), so they,
/// like no locale at all, leave Chinese, the language of the people the board is for. Where
/// none of them is set (Windows sets none), the system's own locale answers.
pub fn lang_from_env() -> Setting<Lang> {
    lang_from(|var| std::env::var(var).ok(), sys_locale::get_locale)
}

/// [`lang_from_env`] over the given environment and system locale.
pub fn lang_from(
    env: impl Fn(&str) -> Option<String>,
    system: impl FnOnce() -> Option<String>,
) -> Setting<Lang> {
    let of = |locale: &str| {
        if locale.to_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    };
    let mut any_set = false;
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = env(var)
            && !v.is_empty()
        {
            any_set = true;
            let l = v.to_lowercase();
            if l == "c" || l.starts_with("c.") || l == "posix" {
                continue;
            }
            return Setting {
                value: of(&v),
                source: Source::Env(format!("{var}={v}")),
            };
        }
    }
    if !any_set && let Some(locale) = system().filter(|l| !l.is_empty()) {
        return Setting {
            value: of(&locale),
            source: Source::System(locale),
        };
    }
    Setting {
        value: Lang::Zh,
        source: Source::Default,
    }
}

pub fn parse_lang(s: &str) -> Option<Lang> {
    match s.to_lowercase().as_str() {
        "zh" | "zh-cn" | "cn" | "中文" => Some(Lang::Zh),
        "en" | "english" => Some(Lang::En),
        _ => None,
    }
}

/// A key as written in the config: `x`, `X`, `ctrl-x`, `alt-x`, `f5`, `enter`, `space` …
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyCombo {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl KeyCombo {
    pub fn parse(s: &str) -> Option<KeyCombo> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let code = match rest.to_lowercase().as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "backspace" => KeyCode::Backspace,
            "delete" => KeyCode::Delete,
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().ok()?)
            }
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(c)
            }
        };
        Some(KeyCombo { code, mods })
    }

    /// Whether a key event from the terminal is this key. Shift is carried by the character
    /// itself (`X`), so it is not compared.
    pub fn matches(&self, code: KeyCode, mods: KeyModifiers) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        self.code == code && (mods & relevant) == self.mods
    }
}

/// The actions a key can be bound to, by the names config files use. The app resolves a name
/// to its action (`app::keymap::action_named`): settings stay plain data the app can change
/// without touching the file format.
pub const ACTION_NAMES: &[&str] = &[
    "up",
    "down",
    "page_up",
    "page_down",
    "top",
    "bottom",
    "prev_program",
    "next_program",
    "next_screen",
    "prev_screen",
    "open",
    "back",
    "filter",
    "status_filter",
    "clear_filters",
    "sort",
    "help",
    "changes",
    "quit",
    "edit_status",
    "edit_progress",
    "progress_up",
    "progress_down",
    "edit_note",
    "sign_off",
    "revise_due",
    "undo",
];

/// A user key binding, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub key: String,
    pub combo: KeyCombo,
    /// One of [`ACTION_NAMES`].
    pub action: String,
}

pub fn bindings(keys: &BTreeMap<String, String>, file: &Path) -> Result<Vec<Binding>, ConfigError> {
    keys.iter()
        .map(|(k, a)| {
            let combo = KeyCombo::parse(k).ok_or_else(|| ConfigError::BadKey {
                path: file.to_owned(),
                key: k.clone(),
            })?;
            if !ACTION_NAMES.contains(&a.as_str()) {
                return Err(ConfigError::BadAction {
                    path: file.to_owned(),
                    key: k.clone(),
                    action: a.clone(),
                });
            }
            Ok(Binding {
                key: k.clone(),
                combo,
                action: a.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_with(vars: &[(&str, &str)], system: Option<&str>) -> Setting<Lang> {
        let env = |k: &str| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        };
        lang_from(env, || system.map(str::to_owned))
    }

    #[test]
    fn the_system_locale_answers_only_where_no_variable_is_set() {
        // Windows: no LANG, the system says Chinese or English.
        let zh = lang_with(&[], Some("zh-CN"));
        assert_eq!(zh.value, Lang::Zh);
        assert_eq!(zh.source, Source::System("zh-CN".into()));
        assert_eq!(lang_with(&[], Some("en-US")).value, Lang::En);
        assert_eq!(lang_with(&[("LANG", "")], Some("en-GB")).value, Lang::En);
        // A variable beats the system, even one that names no language (C).
        let env = lang_with(&[("LANG", "zh_CN.UTF-8")], Some("en-US"));
        assert_eq!(env.value, Lang::Zh);
        assert_eq!(env.source, Source::Env("LANG=zh_CN.UTF-8".into()));
        assert_eq!(
            lang_with(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN")], None).value,
            Lang::En
        );
        let c = lang_with(&[("LANG", "C")], Some("en-US"));
        assert_eq!((c.value, c.source), (Lang::Zh, Source::Default));
        // Nothing anywhere: Chinese.
        assert_eq!(lang_with(&[], None).source, Source::Default);
        assert_eq!(lang_with(&[], Some("")).value, Lang::Zh);
        assert!(
            Source::System("zh-CN".into())
                .text(Lang::En)
                .contains("system locale zh-CN")
        );
    }

    #[test]
    fn keys_parse_as_people_write_them() {
        let k = KeyCombo::parse("ctrl-n").unwrap();
        assert_eq!(
            (k.code, k.mods),
            (KeyCode::Char('n'), KeyModifiers::CONTROL)
        );
        assert_eq!(KeyCombo::parse("F5").unwrap().code, KeyCode::F(5));
        assert_eq!(KeyCombo::parse("X").unwrap().code, KeyCode::Char('X'));
        assert_eq!(KeyCombo::parse("space").unwrap().code, KeyCode::Char(' '));
        assert_eq!(KeyCombo::parse("ctrl-"), None);
        assert_eq!(KeyCombo::parse("xy"), None);
        assert!(
            KeyCombo::parse("X")
                .unwrap()
                .matches(KeyCode::Char('X'), KeyModifiers::SHIFT)
        );
    }
}

/// The settings the command line may give and the config file may default: the command line
/// fills this from its own flags, so settings know nothing of clap.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub dir: Option<PathBuf>,
    pub theme: Option<String>,
    pub user: Option<String>,
    pub lang: Option<Lang>,
    /// `--git-commit` was given.
    pub git_commit: bool,
    /// `--today`: beats the folder's `as_of`.
    pub today: Option<crate::domain::Date>,
}

/// The settings in force once flags, file, environment and defaults are applied.
#[derive(Debug, Clone)]
pub struct Settings {
    pub dir: PathBuf,
    /// `--today`, else the folder's `as_of`; `None`: the real date.
    pub today: Option<crate::domain::Date>,
    pub theme: Option<String>,
    pub user: String,
    pub lang: Lang,
    pub due_soon_days: i64,
    pub keys: Vec<Binding>,
    /// Each save is committed to git.
    pub git_commit: bool,
    /// The boards folder's own settings; its `as_of` only when no `--today` overrides it.
    pub folder: Option<crate::domain::folder::FolderSettings>,
}

/// The settings in force, and where each came from.
#[derive(Debug, Clone)]
pub struct Effective {
    pub settings: Settings,
    /// Where the config file was looked for, and whether it was there.
    pub file: Option<PathBuf>,
    pub file_found: bool,
    pub sources: Vec<(&'static str, String, Source)>,
    /// The boards folder's own settings, when it has them.
    pub folder: Option<crate::domain::folder::FolderSettings>,
}

fn pick<T: Clone>(flag: Option<T>, file: Option<T>, path: &Path) -> Option<(T, Source)> {
    flag.map(|v| (v, Source::Flag))
        .or_else(|| file.map(|v| (v, Source::File(path.to_owned()))))
}

pub fn user_from_env() -> Option<Setting<String>> {
    ["RECTIFY_USER", "USER", "USERNAME"].iter().find_map(|var| {
        std::env::var(var)
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(|v| Setting {
                source: Source::Env(format!("{var}={v}")),
                value: v,
            })
    })
}

/// Applies the config file under the flags. Fails with a positioned message on a broken file
/// or a bad value, in the language of the flag or the environment (the file's own choice may
/// be the broken part); a missing default file is no error.
pub fn resolve(flags: &Flags, config_flag: Option<&Path>) -> Result<Effective, String> {
    resolve_file(flags, config_flag)
        .map_err(|e| e.text(flags.lang.unwrap_or(lang_from_env().value)))
}

fn resolve_file(flags: &Flags, config_flag: Option<&Path>) -> Result<Effective, ConfigError> {
    let file = location(config_flag);
    let cfg = match &file {
        Some(p) => read(p)?,
        None => None,
    };
    if cfg.is_none()
        && let Some(p) = config_flag
    {
        return Err(ConfigError::Missing(p.to_owned()));
    }
    let file_found = cfg.is_some();
    let cfg = cfg.unwrap_or_default();
    let here = file.clone().unwrap_or_default();
    let mut sources = Vec::new();

    let (dir, src) = pick(flags.dir.clone(), cfg.boards.clone(), &here)
        .unwrap_or((PathBuf::from("boards"), Source::Default));
    sources.push(("boards", dir.display().to_string(), src));
    // The folder's own settings come between the flags and the user's file: they travel with
    // the boards, so the team's choice beats one person's habit, and a flag beats both.
    let folder = crate::storage::folder::load_folder_settings(&dir)
        .map_err(|d| ConfigError::Folder(Box::new(d)))?;
    let folder_src = Source::Folder(crate::storage::folder::path_in(&dir));

    let theme = pick(flags.theme.clone(), cfg.theme.clone(), &here);
    let theme_shown = theme
        .as_ref()
        .map_or(crate::theme::DEFAULT.to_owned(), |(t, _)| t.clone());
    sources.push((
        "theme",
        theme_shown,
        theme.as_ref().map_or(Source::Default, |(_, s)| s.clone()),
    ));

    let user = match pick(flags.user.clone(), cfg.user.clone(), &here) {
        Some((u, s)) => Setting {
            value: u,
            source: s,
        },
        None => user_from_env().unwrap_or(Setting {
            value: String::new(),
            source: Source::Default,
        }),
    };
    sources.push(("user", user.value.clone(), user.source.clone()));

    let file_lang = match &cfg.lang {
        Some(l) => Some(parse_lang(l).ok_or_else(|| ConfigError::BadLang {
            path: here.clone(),
            value: l.clone(),
        })?),
        None => None,
    };
    let lang = match pick(flags.lang, file_lang, &here) {
        Some((l, s)) => Setting {
            value: l,
            source: s,
        },
        None => lang_from_env(),
    };
    let lang_name = match lang.value {
        Lang::Zh => "zh",
        Lang::En => "en",
    };
    sources.push(("lang", lang_name.to_owned(), lang.source.clone()));

    let folder_days = folder.as_ref().and_then(|f| f.due_soon_days);
    let (due_soon_days, src) = match cfg.due_soon_days {
        // The user's value is checked even where the folder's wins: a mistake is told at once.
        Some(d) if !(0..=90).contains(&d) => {
            return Err(ConfigError::DueSoonOutOfRange {
                path: here.clone(),
                days: d,
            });
        }
        _ if folder_days.is_some() => (folder_days.unwrap_or_default(), folder_src.clone()),
        Some(d) => (d, Source::File(here.clone())),
        None => (
            crate::domain::schedule::DEFAULT_DUE_SOON_DAYS,
            Source::Default,
        ),
    };
    sources.push(("due_soon_days", due_soon_days.to_string(), src));

    let (git_commit, src) = match (flags.git_commit, cfg.git_commit) {
        (true, _) => (true, Source::Flag),
        (false, Some(v)) => (v, Source::File(here.clone())),
        (false, None) => (false, Source::Default),
    };
    sources.push(("git_commit", git_commit.to_string(), src));

    let keys = bindings(&cfg.keys, &here)?;
    for b in &keys {
        sources.push((
            "key",
            format!("{} → {}", b.key, b.action),
            Source::File(here.clone()),
        ));
    }

    let as_of = folder.as_ref().and_then(|f| f.as_of);
    let today = match (flags.today, as_of) {
        (Some(d), _) => Some((d, Source::Flag)),
        (None, Some(d)) => Some((d, folder_src.clone())),
        (None, None) => None,
    };
    if let Some((d, src)) = &today {
        sources.push(("today", d.to_string(), src.clone()));
    }
    if let Some(t) = folder.as_ref().and_then(|f| f.title.clone()) {
        sources.push(("title", t, folder_src.clone()));
    }
    let settings = Settings {
        dir,
        today: today.map(|(d, _)| d),
        theme: theme.map(|(t, _)| t),
        user: user.value,
        lang: lang.value,
        due_soon_days,
        keys,
        git_commit,
        folder: folder
            .clone()
            .map(|f| crate::domain::folder::FolderSettings {
                as_of: f.as_of.filter(|_| flags.today.is_none()),
                ..f
            }),
    };
    Ok(Effective {
        settings,
        file,
        file_found,
        sources,
        folder,
    })
}

impl Effective {
    /// `rectify config --print`: one setting per line with its origin, in the language in
    /// force. The names are the config file's own keys, the same in both languages.
    pub fn render(&self) -> String {
        let lang = self.settings.lang;
        let file = crate::text::pad(&tr!(lang, "配置文件", "config file"), 14);
        let mut out = match &self.file {
            Some(p) if self.file_found => format!("{file} {}\n", p.display()),
            Some(p) => {
                let p = p.display();
                tr!(
                    lang,
                    "{file} {p}（不存在：只用默认值和命令行参数）\n",
                    "{file} {p} (not found: defaults and flags only)\n"
                )
            }
            None => tr!(
                lang,
                "{file} （本系统没有配置目录）\n",
                "{file} (no config directory on this system)\n"
            ),
        };
        for (name, value, source) in &self.sources {
            out.push_str(&format!(
                "{name:<14} {} {}\n",
                crate::text::pad(value, 28),
                source.text(lang)
            ));
        }
        out
    }
}
