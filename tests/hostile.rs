//! Hostile files on the shared folder. For each: the loader refuses or accepts it with a message
//! that names the file, quickly and without panicking; and the board starts on a folder holding
//! it and two good boards, shows the good programs and names the bad file. Text from a file
//! never reaches the terminal as control, escape, bidi or invisible characters.

mod common;

use rectify::i18n::Lang;
use std::fs;
#[cfg(unix)]
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[cfg(unix)]
use common::pty::Session;
use common::{app_from, buffer, dark, screen};
use crossterm::event::KeyCode;
use rectify::app::App;
use rectify::storage::{self, Severity};
use tempfile::TempDir;

/// The two good boards every hostile folder also holds, with their program titles.
const GOOD: [(&str, &str); 2] = [
    ("01-fraud.ron", "打击治理电信网络诈骗犯罪"),
    ("03-traffic-reform.ron", "公安交管便民利企改革"),
];

fn folder() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, _) in GOOD {
        fs::copy(Path::new("boards").join(name), dir.path().join(name)).unwrap();
    }
    dir
}

/// Characters that must never be in a terminal cell: controls (C0, DEL, C1), format characters
/// (bidi embeddings, overrides and isolates, zero-width, tags, …) and line or paragraph
/// separators. Written out here, independent of the code under test.
fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
            | '\u{0890}'..='\u{0891}' | '\u{08E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

fn assert_cells_safe(app: &App, what: &str) {
    let b = buffer(app, &dark());
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            let sym = b[(x, y)].symbol();
            assert!(
                !sym.chars().any(forbidden),
                "{what}: cell ({x},{y}) holds {sym:?}\n{}",
                screen(app, &dark())
            );
        }
    }
}

/// Whether the tests run as root (who can read a mode-000 file): a file we create is owned
/// by our effective user.
#[cfg(unix)]
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let f = tempfile::NamedTempFile::new().unwrap();
    f.as_file().metadata().unwrap().uid() == 0
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// The board on `dir` at `size`: the good programs are shown, each of `bad` is named as a
/// broken file (in `app.errors()`, on screen), and no cell holds an unsafe character.
fn assert_board_names(dir: &Path, bad: &[&str], size: (u16, u16)) -> App {
    let app = app_from(dir, size);
    let programs: Vec<&str> = app
        .boards
        .iter()
        .filter_map(|b| b.program.as_ref())
        .map(|p| p.title.as_str())
        .collect();
    for (_, title) in GOOD {
        assert!(programs.contains(&title), "{title} not shown: {programs:?}");
    }
    let errors: Vec<String> = app.errors().iter().map(|d| d.headline(Lang::En)).collect();
    for name in bad {
        assert!(
            app.errors()
                .iter()
                .any(|d| d.path == dir.join(name) && d.severity == Severity::Error),
            "{name} not named: {errors:?}"
        );
    }
    let text = screen(&app, &dark());
    for (_, title) in GOOD {
        assert!(text.contains(title), "{title} not on screen:\n{text}");
    }
    for name in bad {
        assert!(text.contains(name), "{name} not on screen:\n{text}");
    }
    assert_cells_safe(&app, "overview");
    app
}

/// Loads one file and checks the verdict names it; returns the first error's message.
fn refused(path: &Path) -> String {
    let start = Instant::now();
    let load = storage::load_file(path);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "slow: {:?}",
        start.elapsed()
    );
    assert!(load.program.is_none(), "{} was accepted", path.display());
    let d = load.first_error().unwrap();
    assert_eq!(d.path, path);
    assert!(
        d.headline(Lang::En).contains(&file_name(path)),
        "{}",
        d.headline(Lang::En)
    );
    d.message(Lang::En)
}

/// The real binary on `dir` in a terminal of `size`, in Chinese and with no config file of
/// the user's (whose key bindings or language would change what the screen shows).
#[cfg(unix)]
fn start(dir: &Path, size: (u16, u16)) -> Session {
    let args = [
        dir.to_str().unwrap(),
        "--today",
        "2023-07-15",
        "--lang",
        "zh",
    ];
    let no_config = dir.join(".no-config.ron");
    Session::start(
        &args,
        size,
        &[("RECTIFY_CONFIG", no_config.to_str().unwrap())],
    )
}

/// The real binary in a terminal on `dir`: it starts, shows the good programs and names each
/// of `bad`, then quits cleanly. Unix only, as the pseudo-terminal that drives it.
#[cfg(unix)]
fn assert_binary_starts(dir: &Path, bad: &[&str]) {
    let mut s = start(dir, (120, 30));
    for (_, title) in GOOD {
        s.wait_for(title);
    }
    for name in bad {
        s.wait_for(name);
    }
    s.send("q");
    assert!(s.wait_exit(), "exit status; screen:\n{}", s.screen());
}

#[cfg(not(unix))]
fn assert_binary_starts(_: &Path, _: &[&str]) {}

/// A deterministic byte soup (xorshift), so a failure can be reproduced.
fn random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_refused_and_named() {
    let dir = folder();
    let bad = dir.path().join("random-bytes.ron");
    fs::write(&bad, random_bytes(64 * 1024, 0x9E37_79B9_7F4A_7C15)).unwrap();
    let msg = refused(&bad);
    assert!(msg.contains("UTF-8"), "{msg}");
    assert_board_names(dir.path(), &["random-bytes.ron"], (80, 24));
    assert_board_names(dir.path(), &["random-bytes.ron"], (160, 45));
    assert_binary_starts(dir.path(), &["random-bytes.ron"]);
}

#[test]
fn random_ascii_is_refused_with_a_position() {
    // Printable noise is valid UTF-8: it reaches the parser, which must point into it.
    let dir = folder();
    let bad = dir.path().join("noise.ron");
    let noise: Vec<u8> = random_bytes(4096, 7)
        .iter()
        .map(|b| b' ' + b % 95)
        .collect();
    fs::write(&bad, &noise).unwrap();
    refused(&bad);
    let d = storage::load_file(&bad).first_error().cloned().unwrap();
    assert!(
        d.line >= 1 && d.col >= 1 && d.col <= noise.len() + 1,
        "{d:?}"
    );
    assert_board_names(dir.path(), &["noise.ron"], (80, 24));
}

#[test]
fn invalid_utf8_is_refused_at_its_line_and_column() {
    let dir = folder();
    let bad = dir.path().join("latin1.ron");
    let mut bytes = fs::read("boards/02-railway.ron").unwrap();
    // A GBK/Latin-1 byte in the middle of line 5, as a wrongly saved file has.
    let line5 = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(3)
        .unwrap()
        .0
        + 1;
    bytes.splice(line5 + 4..line5 + 4, [0xB4, 0xF2]);
    fs::write(&bad, &bytes).unwrap();
    let msg = refused(&bad);
    assert!(msg.contains("not valid UTF-8 text (byte 0xB4)"), "{msg}");
    let d = storage::load_file(&bad).first_error().cloned().unwrap();
    assert_eq!((d.line, d.col), (5, 5), "{d:?}");
    assert_board_names(dir.path(), &["latin1.ron"], (80, 24));
    assert_binary_starts(dir.path(), &["latin1.ron"]);
}

#[test]
fn a_100_mb_file_is_refused_without_being_read() {
    let dir = folder();
    let bad = dir.path().join("huge.ron");
    // Sparse: 100 MB that cost no disk, as a stray export or a core dump renamed would be.
    fs::File::create(&bad)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let start = Instant::now();
    let load = storage::load_file(&bad);
    let took = start.elapsed();
    assert!(took < Duration::from_millis(500), "took {took:?}");
    let msg = &load.first_error().unwrap().message(Lang::En);
    assert!(
        msg.contains("104857600 bytes") && msg.contains("not read"),
        "{msg}"
    );
    assert_eq!(load.hash, None, "nothing was read, so nothing was hashed");
    assert_board_names(dir.path(), &["huge.ron"], (80, 24));
    assert_binary_starts(dir.path(), &["huge.ron"]);
}

#[test]
fn nesting_10000_deep_is_refused_without_overflowing_the_stack() {
    let dir = folder();
    let cases = [
        ("deep-list.ron", "[".repeat(10_000) + &"]".repeat(10_000)),
        (
            "deep-title.ron",
            format!(
                "Program(id: \"d\", title: {}{}, lead: \"x\", start: \"2023-01-01\", due: \"2023-12-31\")",
                "(".repeat(10_000),
                ")".repeat(10_000)
            ),
        ),
        (
            "deep-measures.ron",
            format!(
                "Program(id: \"d\", title: \"t\", lead: \"x\", start: \"2023-01-01\", due: \"2023-12-31\", measures: [{}",
                "Measure(id: [".repeat(5_000)
            ),
        ),
        (
            "deep-comments.ron",
            "/*".repeat(10_000) + &"*/".repeat(10_000),
        ),
    ];
    let names: Vec<&str> = cases.iter().map(|(n, _)| *n).collect();
    for (name, text) in &cases {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        refused(&p);
        // The locator, too, is used on whatever a file holds.
        assert!(rectify::storage::cst::parse(text).is_err(), "{name}");
    }
    // ron stops at the first bracket that cannot start a board; the locator, which reads any
    // RON, is the one that must stop counting.
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let e = rectify::storage::cst::parse(&deep).unwrap_err();
    assert_eq!(e.message, "nested too deeply");
    assert_board_names(dir.path(), &names, (160, 45));
    assert_binary_starts(dir.path(), &names[..1]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_named_not_followed_forever() {
    let dir = folder();
    symlink("b.ron", dir.path().join("a.ron")).unwrap();
    symlink("a.ron", dir.path().join("b.ron")).unwrap();
    for name in ["a.ron", "b.ron"] {
        let msg = refused(&dir.path().join(name));
        assert!(msg.contains("cannot read the file"), "{msg}");
    }
    assert_board_names(dir.path(), &["a.ron", "b.ron"], (160, 45));
    assert_board_names(dir.path(), &["a.ron", "b.ron"], (80, 24));
    assert_binary_starts(dir.path(), &["a.ron"]);
}

#[test]
fn a_directory_named_like_a_board_is_named() {
    let dir = folder();
    fs::create_dir(dir.path().join("x.ron")).unwrap();
    let msg = refused(&dir.path().join("x.ron"));
    assert!(msg.contains("is a directory"), "{msg}");
    assert_board_names(dir.path(), &["x.ron"], (80, 24));
    assert_binary_starts(dir.path(), &["x.ron"]);
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_board_does_not_hang_the_board() {
    // Opening a FIFO blocks until someone writes to it: a board that opened one would never
    // start. The same goes for a link to a terminal or a device.
    let dir = folder();
    let fifo = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    symlink("/dev/zero", dir.path().join("zero.ron")).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let d = dir.path().to_owned();
    std::thread::spawn(move || {
        let _ = tx.send(storage::load_dir(&d).map(|loads| loads.len()));
    });
    let loaded = rx.recv_timeout(Duration::from_secs(10));
    if loaded.is_err() {
        // Unblock the loader so the test process can end.
        let _ = fs::OpenOptions::new().write(true).open(&fifo);
        panic!("loading a folder with a FIFO in it hung");
    }
    for name in ["pipe.ron", "zero.ron"] {
        let msg = refused(&dir.path().join(name));
        assert!(msg.contains("not a regular file"), "{name}: {msg}");
    }
    assert_board_names(dir.path(), &["pipe.ron", "zero.ron"], (160, 45));
    assert_binary_starts(dir.path(), &["pipe.ron"]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_or_read_by_root() {
    let dir = folder();
    let p = dir.path().join("05-food-drug-env.ron");
    fs::copy("boards/05-food-drug-env.ron", &p).unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    if running_as_root() {
        // Root reads a mode-000 file anyway, so the board shows it as a program like any
        // other. What an ordinary user sees is checked below, by `rectify check` as `nobody`.
        let app = assert_board_names(dir.path(), &[], (160, 45));
        assert!(
            app.boards.iter().any(|b| b
                .program
                .as_ref()
                .is_some_and(|p| p.title == "打击“食药环”突出犯罪")),
            "root reads it"
        );
    } else {
        let msg = refused(&p);
        assert!(msg.contains("ermission denied"), "{msg}");
        assert_board_names(dir.path(), &["05-food-drug-env.ron"], (80, 24));
        assert_binary_starts(dir.path(), &["05-food-drug-env.ron"]);
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_for_an_ordinary_user() {
    use std::os::unix::process::CommandExt;
    // Only root can switch to another user; an ordinary user is covered by the test above.
    if !running_as_root() {
        return;
    }
    let dir = folder();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let p = dir.path().join("05-food-drug-env.ron");
    fs::copy("boards/05-food-drug-env.ron", &p).unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .args(["check", "--lang", "en"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
        .uid(65534)
        .gid(65534)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{}:1:1: error: cannot read the file: permission denied",
            p.display()
        )),
        "{stdout}"
    );
    assert!(stdout.contains("checked 3 files: 2 programs"), "{stdout}");
}

/// A board whose texts carry terminal escape sequences (raw bytes and RON escapes), C1
/// controls, bidi overrides and isolates, zero-width and tag characters.
fn escape_board() -> String {
    let esc = '\u{1b}';
    let bel = '\u{7}';
    let csi8 = '\u{9b}';
    format!(
        r#"Program(
    id: "hostile",
    title: "红色标题{esc}]0;pwned{bel}{esc}[2J{esc}[31m{csi8}31m\u{{202e}}反转\u{{200b}}零宽",
    lead: "\u{{1b}}[5m闪烁单位{esc}]2;lead{esc}\\",
    start: "2023-04-01",
    due: "2023-12-31",
    goal: "目标{esc}[H{esc}[2J清屏\r\n第二行\t制表\u{{2028}}分段",
    measures: [
        Measure(
            id: "H-01",
            title: "措施{esc}[2J{esc}[3J清屏\u{{2066}}隔离\u{{2069}}\u{{e0041}}\u{{e0042}}标签",
            owner: "\u{{202e}}局{esc}[8m",
            due: "2023-07-20",
            status: Blocked("原因{esc}[8m隐藏{bel}{bel}"),
            notes: "备注{bel}\u{{8}}\u{{7f}}\u{{ad}}软\u{{feff}}连{csi8}?1049l字符",
        ),
        Measure(
            id: "H{esc}[2J-02",
            title: "第二条{esc}]8;;http://evil{esc}\\链接{esc}]8;;{esc}\\",
            owner: "局",
            due: "2023-07-10",
            status: InProgress,
            progress: 40,
        ),
    ],
    milestones: [
        Milestone(title: "节点{esc}[31m\u{{2029}}", due: "2023-07-16"),
    ],
)
"#
    )
}

#[test]
fn escape_sequences_in_a_board_never_reach_the_screen() {
    let dir = folder();
    let bad = dir.path().join("99-hostile.ron");
    fs::write(&bad, escape_board()).unwrap();
    // Accepted, with a warning per unsafe text, each naming the file.
    let load = storage::load_file(&bad);
    let p = load
        .program
        .as_ref()
        .expect("the board is valid apart from its texts");
    assert!(p.title.contains('\u{1b}'), "the data is kept as written");
    assert!(
        load.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message(Lang::En).contains("control")),
        "{:?}",
        load.diagnostics
    );

    for size in [(80, 24), (160, 45)] {
        let mut app = assert_board_names(dir.path(), &[], size);
        let text = screen(&app, &dark());
        assert!(text.contains("红色标题"), "{text}");
        // Every screen the hostile texts can reach: the program (table, milestones, details
        // of each measure), the deadlines ledger and the help overlay.
        app.overview_sel = Some(bad.clone());
        common::press(&mut app, &[KeyCode::Enter]);
        assert_eq!(
            app.current_board().map(|b| b.path.clone()),
            Some(bad.clone())
        );
        for i in 0..2 {
            assert_cells_safe(&app, &format!("program, measure {i} at {size:?}"));
            common::press(&mut app, &[KeyCode::Down]);
        }
        let text = screen(&app, &dark());
        assert!(text.contains("H-01"), "{text}");
        common::press(&mut app, &[KeyCode::Tab]);
        assert_cells_safe(&app, "deadlines");
        common::press(&mut app, &[KeyCode::Char('?')]);
        assert_cells_safe(&app, "help");
    }
}

#[cfg(unix)]
#[test]
fn escape_sequences_in_a_board_never_reach_the_terminal() {
    // The board starts on the good boards; then the hostile file arrives, as a colleague's
    // save would. Everything the terminal receives from then on is checked byte by byte.
    let dir = folder();
    let mut s = start(dir.path(), (120, 30));
    s.wait_for(GOOD[0].1);
    s.wait_for(GOOD[1].1);
    let before = s.raw().len();
    let tmp = dir.path().join(".incoming");
    fs::write(&tmp, escape_board()).unwrap();
    fs::rename(&tmp, dir.path().join("99-hostile.ron")).unwrap();
    s.wait_for("红色标题");
    s.send("G");
    s.send("\r");
    s.wait_for("H-01");
    s.wait_for("备注");
    s.send("j");
    s.wait_for("第二条");
    s.send("\t");
    s.wait_for("已逾期");
    // The screen was not cleared or taken over: the tabs and the status line come back.
    s.wait_until(
        |shown| shown.contains("总览") && shown.contains("q 退出"),
        "the tabs and the status line",
    );
    let raw = s.raw();
    let after = &raw[before..];
    let has = |needle: &[u8]| after.windows(needle.len()).any(|w| w == needle);
    assert!(
        !has(b"\x1b]"),
        "an OSC sequence (window title, hyperlink) reached the terminal"
    );
    assert!(!has(b"\x07"), "a BEL reached the terminal");
    assert!(
        !has(b"\x1b[2J") && !has(b"\x1b[3J"),
        "a clear-screen reached the terminal"
    );
    assert!(
        !has(b"\x1b[8m") && !has(b"\x1b[5m"),
        "the file's SGR reached the terminal"
    );
    assert!(!has("\u{9b}".as_bytes()), "a C1 CSI reached the terminal");
    for c in [
        '\u{202e}',
        '\u{200b}',
        '\u{2066}',
        '\u{feff}',
        '\u{e0041}',
        '\u{2028}',
    ] {
        assert!(!has(c.to_string().as_bytes()), "{c:?} reached the terminal");
    }
    let shown = s.screen();
    assert!(
        !shown.chars().any(|c| c != '\n' && forbidden(c)),
        "{shown:?}"
    );
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn rectify_check_prints_no_escape_sequences_from_a_board() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("hostile.ron");
    // An error message that quotes the file's text: a bad date holding a title sequence.
    let text = escape_board().replace(
        "due: \"2023-07-10\"",
        "due: \"\u{1b}]0;pwned\u{7}2023\u{9b}2J\"",
    );
    fs::write(&p, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .arg("check")
        .arg(&p)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("hostile.ron:"), "{stdout}");
    assert!(
        stdout.contains("]0;pwned"),
        "the message still quotes the value: {stdout}"
    );
    assert!(
        !stdout.chars().any(|c| c != '\n' && forbidden(c)),
        "{stdout:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_10000_character_title_is_cut_and_the_layout_holds() {
    let dir = folder();
    let long: String = "超长标题ABC".chars().cycle().take(10_000).collect();
    let board = fs::read_to_string("boards/04-vice.ron")
        .unwrap()
        .replacen(
            "title: \"打击整治“黄赌毒”违法犯罪\",",
            &format!("title: \"{long}\","),
            1,
        )
        .replacen("title: \"部署打击", &format!("title: \"{long}部署打击"), 1);
    let bad = dir.path().join("50-long.ron");
    fs::write(&bad, &board).unwrap();
    let load = storage::load_file(&bad);
    let p = load.program.as_ref().unwrap();
    assert_eq!(p.title.chars().count(), 10_000);
    assert!(p.measures[0].title.chars().count() > 10_000);

    let mut app = assert_board_names(dir.path(), &[], (80, 24));
    let text = screen(&app, &dark());
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 24);
    let long_row = rows
        .iter()
        .find(|r| r.contains("超长标题"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(long_row.contains('…'), "cut with an ellipsis: {long_row}");
    // The columns after the title are still in their place on the row.
    assert!(long_row.contains('%'), "{long_row}");
    let b = buffer(&app, &dark());
    let fraud = common::find(&b, "打击治理").unwrap();
    let long_at = common::find(&b, "超长标题").unwrap();
    assert_eq!(fraud.0, long_at.0, "titles start in the same column");
    assert!(rows[0].contains("总览"), "{text}");
    assert!(rows[23].contains("q"), "status line kept: {text}");

    app.overview_sel = Some(bad.clone());
    common::press(&mut app, &[KeyCode::Enter]);
    let text = screen(&app, &dark());
    assert_eq!(text.lines().count(), 24);
    assert!(
        text.lines()
            .any(|l| l.contains("超长标题") && l.contains('…')),
        "{text}"
    );
    assert!(text.contains("HD-01") && text.contains("HD-02"), "{text}");
    assert_cells_safe(&app, "program");
    common::press(&mut app, &[KeyCode::Tab]);
    assert_eq!(screen(&app, &dark()).lines().count(), 24);

    let mut s = start(dir.path(), (80, 24));
    s.wait_for(GOOD[0].1);
    s.wait_for("超长标题");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn a_file_name_with_escape_sequences_is_named_safely_in_messages() {
    // The folder is shared: a file's name is someone else's input too. The banner and
    // `rectify check` name it with its escapes and bidi override removed.
    let dir = folder();
    let name = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}坏.ron";
    fs::write(dir.path().join(name), "not a board").unwrap();
    let app = app_from(dir.path(), (160, 45));
    assert_eq!(app.errors().len(), 1);
    let text = screen(&app, &dark());
    let banner = text
        .lines()
        .find(|l| l.contains(" ✗ /"))
        .unwrap_or_else(|| panic!("no banner:\n{text}"));
    assert!(banner.contains("]0;pwned[2J坏.ron:1:1: "), "{banner:?}");
    assert!(!banner.chars().any(forbidden), "{banner:?}");
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .args(["check", "--lang", "en"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("]0;pwned[2J坏.ron:1:1: error: "),
        "{stdout}"
    );
    assert!(
        !stdout.chars().any(|c| c != '\n' && forbidden(c)),
        "{stdout:?}"
    );
}

#[test]
fn a_file_of_30000_faulty_measures_loads_without_stalling() {
    // Under the size limit, but every measure has a problem (no owner unit): positioning each
    // problem from the start of the text, and a duplicate search over all earlier measures,
    // once made such a file hold the board up for minutes.
    let dir = folder();
    let mut text = String::from(
        "Program(id: \"big\", title: \"三万条措施\", lead: \"x\", start: \"2023-01-01\", due: \"2023-12-31\", measures: [\n",
    );
    for i in 0..30_000 {
        text.push_str(&format!(
            "(id: \"M{i}\", title: \"t\", owner: \"\", due: \"2023-06-01\", status: Done),\n"
        ));
    }
    text.push_str("])\n");
    let p = dir.path().join("big.ron");
    fs::write(&p, &text).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let d = dir.path().to_owned();
    std::thread::spawn(move || {
        let _ = tx.send(storage::load_dir(&d));
    });
    let loads = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("loading stalled")
        .unwrap();
    let big = loads.iter().find(|l| l.path == p).unwrap();
    assert_eq!(big.program.as_ref().unwrap().measures.len(), 30_000);
    assert_eq!(big.diagnostics.len(), 101, "100 shown, the rest counted");
    let last = big.diagnostics.last().unwrap();
    assert_eq!(
        last.message(Lang::En),
        "29900 more problems not shown (0 errors, 29900 warnings)"
    );
    let first = &big.diagnostics[0];
    assert_eq!((first.line, first.col), (2, 31), "{first:?}");
    let app = assert_board_names(dir.path(), &[], (160, 45));
    assert!(screen(&app, &dark()).contains("三万条措施"));
}

#[test]
fn a_hostile_file_name_never_reaches_the_screen_raw() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("boards/01-fraud.ron", dir.path().join("01-fraud.ron")).unwrap();
    let name = "\u{202e}坏\x1b[2J.ron";
    std::fs::write(dir.path().join(name), "not a board").unwrap();
    let loads = rectify::storage::load_dir(dir.path());
    let app = rectify::app::App::new(
        dir.path(),
        loads,
        rectify::domain::Date::parse("2023-07-15").unwrap(),
        common::now(),
        rectify::app::Settings::default(),
    );
    let mut app = app;
    rectify::app::update(&mut app, rectify::app::Action::Resize(160, 45));
    let b = common::buffer(&app, &common::dark());
    for cell in b.content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{:?}",
            cell.symbol()
        );
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains('\u{202e}') && !text.contains('\x1b'),
        "{text:?}"
    );
}
