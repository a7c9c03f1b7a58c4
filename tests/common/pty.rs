#![allow(dead_code)]
//! The real binary in a pseudo-terminal, its screen rebuilt by a terminal emulator, so tests
//! can wait for text the way a user's eyes do.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Session {
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

const PATIENCE: Duration = Duration::from_secs(15);
/// Longer than the board's paste window (`app::burst::GAP`) and shorter than any person.
const REACTION: Duration = Duration::from_millis(30);

/// Feeds the emulator whole characters only. A read of the terminal can end anywhere, and the
/// emulator's parser (vte 0.15.0, alacritty/vte#159) prints a character fed in two pieces but
/// also swallows the character after it: `· 受` then shows as `·受`, one cell left, and the next
/// frame's diff leaves a character of the old screen beside it. The start of a character a
/// read cut in two is held for the next read.
#[derive(Default)]
pub struct WholeChars {
    held: Vec<u8>,
}

impl WholeChars {
    pub fn feed(&mut self, parser: &mut vt100::Parser, bytes: &[u8]) {
        self.held.extend_from_slice(bytes);
        let whole = whole_chars(&self.held);
        parser.process(&self.held[..whole]);
        self.held.drain(..whole);
    }
}

/// How much of `bytes` ends on a character boundary: all of it, unless it ends inside a UTF-8
/// sequence.
fn whole_chars(bytes: &[u8]) -> usize {
    let n = bytes.len();
    for back in 1..=n.min(3) {
        let len = match bytes[n - back] {
            0x80..=0xBF => continue,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => return n,
        };
        return if back < len { n - back } else { n };
    }
    n
}

impl Session {
    pub fn start(args: &[&str], size: (u16, u16), env: &[(&str, &str)]) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_rectify"), args, size, env)
    }

    /// Any program in the same terminal: the bench times a shell that prints one line as the
    /// floor under every first frame.
    pub fn start_program(
        program: &str,
        args: &[&str],
        size: (u16, u16),
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: size.1,
                cols: size.0,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // Hermetic: the developer's own config and locale must not reach the app under test.
        cmd.env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron");
        // Nor its parse cache, nor may a test leave entries in it.
        cmd.env("RECTIFY_CACHE_DIR", "off");
        cmd.env("LANG", "zh_CN.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size.1, size.0, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = Arc::new(Mutex::new(pty.master.take_writer().unwrap()));
        let (p, r, w) = (parser.clone(), raw.clone(), writer.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut whole = WholeChars::default();
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                // Every real terminal answers device attributes (DA1); without the answer the
                // app's background question waits its whole time limit at each start.
                if buf[..n].windows(3).any(|x| x == b"\x1b[c") {
                    let mut w = w.lock().unwrap();
                    let _ = w.write_all(b"\x1b[?62;22c");
                    let _ = w.flush();
                }
                r.lock().unwrap().extend_from_slice(&buf[..n]);
                whole.feed(&mut p.lock().unwrap(), &buf[..n]);
            }
        });
        Session {
            master: pty.master,
            child,
            writer,
            parser,
            raw,
        }
    }

    /// A figure from the process's `/proc/PID/status`, in kB (`VmHWM:` is the peak RSS).
    pub fn status_kb(&self, field: &str) -> u64 {
        let pid = self.child.process_id().unwrap();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        status
            .lines()
            .find(|l| l.starts_with(field))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until `text` is on screen; fails with the screen as it was.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(|s| s.contains(text), text);
    }

    pub fn wait_until(&self, ok: impl Fn(&str) -> bool, what: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let s = self.screen();
            if ok(&s) {
                // A person reads the screen before the next key. Without this pause a test can
                // answer a dialog within the board's 5 ms paste window of the key that opened
                // it, and the board rightly takes the two keys for one paste.
                std::thread::sleep(REACTION);
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, bytes: &str) {
        let mut w = self.writer.lock().unwrap();
        w.write_all(bytes.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    pub fn resize(&self, size: (u16, u16)) {
        self.master
            .resize(PtySize {
                rows: size.1,
                cols: size.0,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(size.1, size.0);
    }

    /// Waits until the raw output holds `needle`: after the process ends, the reader thread may
    /// still be draining the terminal.
    pub fn wait_raw(&self, needle: &str) -> Vec<u8> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let raw = self.raw();
            if raw.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                return raw;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {needle:?} in the output"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the process to end and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            assert!(
                Instant::now() < deadline,
                "the app did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// The real binary at 120×30 on a copy of the fraud board in a temp folder, as 张三 on
/// 2023-07-15, its program screen open: the folder, the board file and the session.
pub fn fraud_program_as_zhang() -> (tempfile::TempDir, std::path::PathBuf, Session) {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("01-fraud.ron");
    std::fs::copy("boards/01-fraud.ron", &board).unwrap();
    let args = [
        dir.path().to_str().unwrap(),
        "--today",
        "2023-07-15",
        "--user",
        "张三",
    ];
    let mut s = Session::start(&args, (120, 30), &[]);
    s.wait_for("打击治理电信网络诈骗犯罪");
    s.send("\r");
    s.wait_for("ZP-01");
    (dir, board, s)
}
