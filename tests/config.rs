//! The config file through the binary: precedence (flags, then file, then environment and
//! defaults), clear messages for every kind of mistake, key bindings, shell habits.

mod common;

use std::path::Path;
use std::process::Command;

fn rectify(config: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rectify"));
    cmd.args(args)
        .env("RECTIFY_CONFIG", config)
        .env_remove("RECTIFY_USER")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .env("USER", "env-user");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn line<'a>(out: &'a str, name: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(name))
        .unwrap_or_else(|| panic!("{name}:\n{out}"))
}

#[test]
fn flags_beat_the_file_which_beats_the_environment_and_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.ron");
    std::fs::write(
        &cfg,
        r#"(boards: "/srv/share/boards", user: "张三", lang: "en", due_soon_days: 10, keys: {"x": "quit"})"#,
    )
    .unwrap();
    let (code, out, err) = rectify(&cfg, &["config", "--print"], &[]);
    assert_eq!(code, 0, "{err}");
    let file = format!("config file {}", cfg.display());
    assert!(
        line(&out, "boards").contains("/srv/share/boards") && line(&out, "boards").ends_with(&file)
    );
    assert!(line(&out, "user").contains("张三"), "the file beats $USER");
    assert!(
        line(&out, "lang").contains("en") && line(&out, "lang").ends_with(&file),
        "the file beats $LANG"
    );
    assert!(line(&out, "due_soon_days").contains("10"));
    assert!(line(&out, "theme").contains("dark") && line(&out, "theme").ends_with("default"));
    assert!(line(&out, "key").contains("x → quit"));

    let (_, out, _) = rectify(
        &cfg,
        &[
            "config", "--print", "--lang", "zh", "--user", "李四", "/tmp/b",
        ],
        &[],
    );
    // --lang zh beats the file's "en", and the listing itself is then in Chinese.
    assert!(line(&out, "lang").ends_with("命令行"), "{out}");
    assert!(line(&out, "user").contains("李四") && line(&out, "user").ends_with("命令行"));
    assert!(line(&out, "boards").contains("/tmp/b"));
    assert!(line(&out, "theme").ends_with("默认值"), "{out}");
}

#[test]
fn without_a_file_the_environment_and_defaults_rule() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("none.ron");
    let (code, out, _) = rectify(&cfg, &["config", "--print"], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(code, 0);
    assert!(
        out.lines()
            .next()
            .unwrap()
            .ends_with("(not found: defaults and flags only)"),
        "{out}"
    );
    assert!(
        line(&out, "user").contains("env-user")
            && line(&out, "user").ends_with("environment USER=env-user")
    );
    assert!(line(&out, "lang").contains("en") && line(&out, "lang").contains("LANG=en_US.UTF-8"));
    assert!(line(&out, "boards").contains("boards") && line(&out, "boards").ends_with("default"));
}

#[test]
fn every_kind_of_mistake_is_named_and_nothing_starts() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.ron");
    // (file, English, Chinese): the message follows the language of the command line or the
    // environment, not the file's own `lang`, which may be the broken part.
    let cases = [
        (
            "(colour: \"red\")",
            "config.ron:1:2: unknown field `colour` in the config file; expected one of `boards`",
            "config.ron:1:2: 配置文件中有未知字段 `colour`，可用的字段：`boards`",
        ),
        (
            "(due_soon_days: 500)",
            "config.ron: due_soon_days 500 is outside 0–90",
            "config.ron：due_soon_days 500 不在 0–90 之间",
        ),
        (
            "(lang: \"fr\")",
            "config.ron: lang `fr` is not a language",
            "config.ron：lang `fr` 不是可用的语言",
        ),
        (
            "(keys: {\"x\": \"explode\"})",
            "key `x` is bound to `explode`, which is not an action; actions are: up, down",
            "按键 `x` 绑定的 `explode` 不是一个动作；可用的动作：up, down",
        ),
        (
            "(keys: {\"ctrl-\": \"quit\"})",
            "key `ctrl-` is not a key",
            "`ctrl-` 不是一个按键",
        ),
        (
            "(boards: ",
            "config.ron:1:9: expected a text in double quotes",
            "config.ron:1:9: 此处应为双引号括起的文字",
        ),
    ];
    for (text, en, zh) in cases {
        std::fs::write(&cfg, text).unwrap();
        for args in [&["config", "--print"][..], &["--today", "2023-07-15"][..]] {
            for (locale, want) in [("en_US.UTF-8", en), ("zh_CN.UTF-8", zh)] {
                let (code, out, err) = rectify(&cfg, args, &[("LANG", locale)]);
                assert_eq!(code, 1, "{text} {args:?}");
                assert!(err.contains(want), "{text}: {err}");
                assert!(!out.contains("\x1b[?1049h"), "the terminal was not taken");
            }
        }
    }
    let (code, _, err) = rectify(
        &cfg,
        &[
            "--config",
            "/no/such.ron",
            "config",
            "--print",
            "--lang",
            "en",
        ],
        &[],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("config file /no/such.ron does not exist"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_key_bound_in_the_config_works_and_the_help_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.ron");
    std::fs::write(
        &cfg,
        r#"(keys: {"x": "quit", "ctrl-n": "next_screen"}, lang: "en")"#,
    )
    .unwrap();
    let cfg_s = cfg.to_str().unwrap();
    let mut s = common::pty::Session::start(
        &["--config", cfg_s, "--today", "2023-07-15"],
        (120, 40),
        &[],
    );
    s.wait_for("Overview");
    s.send("\x0e"); // ctrl-n
    s.wait_for("actual");
    s.send("?");
    s.wait_for("Your keys (config file)");
    s.wait_for("ctrl-n");
    s.send("\x1b");
    // Esc and a key sent together read as Alt-key: let the help close first.
    s.wait_until(|screen| !screen.contains("Your keys"), "the help to close");
    s.send("x");
    assert!(s.wait_exit());
}

#[test]
fn shell_habits_completions_man_help_version() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("none.ron");
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = rectify(&cfg, &["completions", shell], &[]);
        assert_eq!(code, 0);
        assert!(
            out.contains("rectify") && out.contains("meeting") && out.len() > 500,
            "{shell}"
        );
    }
    let (code, out, _) = rectify(&cfg, &["man"], &[]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(".ie") || out.contains(".TH rectify"),
        "{}",
        &out[..200.min(out.len())]
    );
    let (_, out, _) = rectify(&cfg, &["--version"], &[]);
    assert_eq!(out.trim(), format!("rectify {}", env!("CARGO_PKG_VERSION")));
    let (_, out, _) = rectify(&cfg, &["--help", "--lang", "en"], &[]);
    assert!(
        out.contains("Examples:") && out.contains("rectify meeting --cycle 30"),
        "{out}"
    );
    let (_, out, _) = rectify(&cfg, &["--help"], &[]);
    assert!(
        out.contains("示例：") && out.contains("rectify meeting --cycle 30"),
        "{out}"
    );
}

#[test]
fn options_before_a_subcommand_count_as_if_given_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("none.ron");
    let (code, out, _) = rectify(&cfg, &["--lang", "en", "check", "boards"], &[]);
    assert_eq!(code, 0);
    assert!(out.starts_with("checked 9 files"), "{out}");
    let (_, out, _) = rectify(&cfg, &["--lang", "en", "config", "--print"], &[]);
    assert!(line(&out, "lang").ends_with("command line"), "{out}");
    // The one after the subcommand wins.
    let (_, out, _) = rectify(
        &cfg,
        &["--lang", "en", "config", "--print", "--lang", "zh"],
        &[],
    );
    assert!(line(&out, "lang").ends_with("命令行"), "{out}");
    let (_, out, _) = rectify(
        &cfg,
        &[
            "--today",
            "2023-07-15",
            "report",
            "boards",
            "--format",
            "json",
        ],
        &[],
    );
    assert!(
        out.contains("\"today\": \"2023-07-15\""),
        "{}",
        &out[..300.min(out.len())]
    );
}

#[test]
fn a_reader_that_stops_early_gets_no_error_from_man_or_completions() {
    for args in [
        &["man"][..],
        &["completions", "zsh"],
        &["completions", "bash"],
    ] {
        // A pipe whose reader is already gone, as after `| head` has read its fill: every
        // write fails with EPIPE, deterministically.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let done = Command::new(env!("CARGO_BIN_EXE_rectify"))
            .args(args)
            .env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
            .stdout(writer)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&done.stderr);
        assert!(done.status.success(), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}
