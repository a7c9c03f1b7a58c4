//! The real binary in a pseudo-terminal: it shows the overview, opens a program, quits, and
//! leaves the terminal as it found it.
#![cfg(unix)]

mod common;

use common::pty::Session;
use nix::sys::termios::LocalFlags;

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn opens_the_overview_then_a_program_then_quits_cleanly() {
    let mut s = Session::start(&["--today", "2023-07-15"], (100, 30), &[]);
    s.wait_for("9 个专项 · 99 条措施");
    s.wait_for("打击治理电信网络诈骗犯罪");
    s.send("\r");
    s.wait_for("目标：");
    s.wait_for("ZP-01");
    s.send("q");
    assert!(s.wait_exit(), "exit status");

    let raw = s.wait_raw("\x1b[?1049l");
    // Alternate screen entered and left, mouse capture switched off, cursor shown again.
    assert!(contains(&raw, "\x1b[?1049h"));
    assert!(contains(&raw, "\x1b[?1049l"));
    assert!(contains(&raw, "\x1b[?1000l"));
    assert!(contains(&raw, "\x1b[?25h"));
    // Raw mode undone: the terminal echoes and reads lines again.
    let t = s.master.get_termios().unwrap();
    assert!(
        t.local_flags
            .contains(LocalFlags::ECHO | LocalFlags::ICANON)
    );
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut s = Session::start(&["--today", "2023-07-15"], (100, 30), &[]);
    s.wait_for("打击治理电信网络诈骗犯罪");
    s.send("\x03");
    assert!(s.wait_exit());
    s.wait_raw("\x1b[?1049l");
}

#[test]
fn a_panic_still_restores_the_terminal() {
    // Debug builds panic on F12 when asked to, so this path is tested for real.
    let mut s = Session::start(
        &["--today", "2023-07-15"],
        (100, 30),
        &[("RECTIFY_DEBUG_PANIC", "1")],
    );
    s.wait_for("打击治理电信网络诈骗犯罪");
    s.send("\x1b[24~");
    assert!(!s.wait_exit(), "a panic is a failure exit");
    let raw = s.wait_raw("\x1b[?1049l");
    assert!(contains(&raw, "\x1b[?1049l"));
    assert!(contains(&raw, "\x1b[?1000l"));
    assert!(contains(&raw, "\x1b[?2004l"), "bracketed paste off");
    assert!(contains(&raw, "debug panic requested"));
    let t = s.master.get_termios().unwrap();
    assert!(
        t.local_flags
            .contains(LocalFlags::ECHO | LocalFlags::ICANON)
    );
}

#[test]
fn a_resize_redraws_for_the_new_size() {
    let mut s = Session::start(&["--today", "2023-07-15"], (100, 30), &[]);
    s.wait_for("打击治理电信网络诈骗犯罪");
    s.resize((50, 12));
    s.wait_for("窗口太小");
    s.resize((100, 30));
    s.wait_for("打击治理电信网络诈骗犯罪");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn a_missing_folder_fails_before_taking_the_terminal() {
    for (lang, want) in [
        ("en", "boards folder no-such-folder does not exist"),
        ("zh", "看板文件夹 no-such-folder 不存在"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rectify"))
            .env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
            .args(["no-such-folder", "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{err}");
        assert!(!contains(&out.stdout, "\x1b[?1049h"));
    }
}

#[test]
fn an_edit_from_another_process_appears_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("01-fraud.ron");
    std::fs::copy("boards/01-fraud.ron", &board).unwrap();
    let mut s = Session::start(
        &[dir.path().to_str().unwrap(), "--today", "2023-07-15"],
        (120, 30),
        &[],
    );
    s.wait_for("打击治理电信网络诈骗犯罪");
    let text = std::fs::read_to_string(&board).unwrap();
    std::fs::write(
        &board,
        text.replacen("打击治理电信网络诈骗犯罪", "反诈专项（同事刚改）", 1),
    )
    .unwrap();
    s.wait_for("反诈专项（同事刚改）");
    s.wait_for("01-fraud.ron 已更新");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn an_edit_made_with_keys_is_in_the_file_on_disk() {
    let (dir, board, mut s) = common::pty::fraud_program_as_zhang();
    s.send("jjo");
    s.wait_for("销号人 张三");
    s.send("y");
    // ZP-03 stands at 50 %: signing it off is asked a second time, with that fact.
    s.wait_for("进度为 50%，未到 100%");
    s.send("y");
    s.wait_for("已保存");
    let text = std::fs::read_to_string(&board).unwrap();
    assert!(text.contains("            status: SignedOff,\n            progress: 50,\n            signed_off: \"2023-07-15\",\n            signed_by: \"张三\",\n"), "{text}");
    let history = std::fs::read_to_string(dir.path().join("rectify-history.tsv")).unwrap();
    assert!(
        history.contains("\t张三\tfraud\tZP-03\tstatus\tInProgress → SignedOff\n"),
        "{history}"
    );
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn the_owner_units_screen_opens_a_units_measures_and_jumps_to_one() {
    // No --today: the shipped folder's own settings pin its example date.
    let mut s = Session::start(&[], (120, 40), &[]);
    s.wait_for("数据日期 2023年7月15日 · 示例数据");
    s.wait_for("6 个方面 · 24 项问题");
    s.send("\x1b[Z");
    s.wait_for("主题教育检视问题整改清单");
    s.send("\x1b[Z");
    s.wait_for("16 个责任单位 · 3 个有逾期措施");
    s.send("\r");
    s.wait_for("法制局 的整改措施（9 项）");
    s.send("j");
    s.wait_for("Enter 跳转到该措施");
    s.send("\r");
    s.wait_for("执法规范化建设和执法监督管理  ■ 滞后");
    // The detail pane shows the measure the jump selected: the unit's second, ZF-04.
    s.wait_until(
        |screen| {
            screen.contains("┌ ZF-04 ─")
                && screen.contains("│ 完善执法记录仪全程记录和音视频管理制度")
        },
        "ZF-04 in the detail pane",
    );
    s.send("q");
    assert!(s.wait_exit(), "exit status");
}

#[path = "../examples/genboards.rs"]
mod genboards;

#[test]
fn a_large_folder_opens_the_same_from_its_parse_cache_and_a_colleagues_edit_shows() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    for i in 0..3 {
        std::fs::write(
            dir.path().join(genboards::file_name(i)),
            genboards::board_text(i, 400, 1),
        )
        .unwrap();
    }
    let args = [dir.path().to_str().unwrap(), "--today", "2023-07-15"];
    let env = [("RECTIFY_CACHE_DIR", cache.path().to_str().unwrap())];
    let entries = || std::fs::read_dir(cache.path()).unwrap().count();
    // The frame is whole once its last line, the status line, is there; that line's clock
    // differs from one start to the next and is left out of the comparison.
    let board = |s: &Session| {
        s.wait_for("数据截至");
        let screen = s.screen();
        screen.lines().take(44).collect::<Vec<_>>().join("\n")
    };
    let mut cold = Session::start(&args, (160, 45), &env);
    cold.wait_for("3 个专项 · 1200 条措施");
    let first = board(&cold);
    // The parses are kept after the first frame, on their own thread.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while entries() < 3 {
        assert!(
            std::time::Instant::now() < deadline,
            "{} entries",
            entries()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    cold.send("q");
    assert!(cold.wait_exit());

    let mut warm = Session::start(&args, (160, 45), &env);
    warm.wait_for("3 个专项 · 1200 条措施");
    assert_eq!(board(&warm), first);
    warm.send("q");
    assert!(warm.wait_exit());

    // A colleague renames the first program: the next start shows the new title, not the
    // kept parse of the old text.
    let board = dir.path().join(genboards::file_name(0));
    let title = genboards::program_title(0);
    let text = std::fs::read_to_string(&board).unwrap();
    std::fs::write(&board, text.replacen(&title, "同事改过的方案名", 1)).unwrap();
    let mut edited = Session::start(&args, (160, 45), &env);
    edited.wait_for("同事改过的方案名");
    edited.send("q");
    assert!(edited.wait_exit());
}
