//! Fuzzing by property: the loader, the span locator and the in-place editor against hostile,
//! mutated and generated board text. (`cargo fuzz` needs a nightly toolchain; these properties
//! run on stable, inside `cargo test`.)
//!
//! - The loader and the locator never panic, whatever the bytes, and every diagnostic points
//!   inside the text it talks about.
//! - Whenever `ron` accepts a board, the locator reads the same structure: every measure is
//!   found by its id, and every span sits on character boundaries.
//! - The editor, on any valid board and any edit a user can make, writes text that loads as the
//!   old board plus exactly that edit; only the edited measure's bytes move and every comment
//!   line stays.
//!
//! `cargo test` runs a modest number of cases; `PROPTEST_CASES=5000 cargo test --release --test
//! fuzz_props` runs a real campaign. Inputs that ever failed are kept in `tests/fixtures/fuzz/`
//! and replayed by `corpus_replays_without_findings`, alongside the shipped boards.

use rectify::i18n::Lang;
use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::sample::Index;
use rectify::domain::edit::Edit;
use rectify::domain::{Date, Measure, Milestone, Program, Status};
use rectify::storage::cst::{self, Kind, Node};
use rectify::storage::{self, FileLoad, Severity};

const PATH: &str = "fuzz.ron";

/// `PROPTEST_CASES` when set (a campaign), else a count that keeps `cargo test` quick.
fn config(default_cases: u32) -> ProptestConfig {
    let mut c = ProptestConfig {
        // Findings are kept by hand, minimised, in tests/fixtures/fuzz.
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = default_cases;
    }
    c
}

fn shipped() -> Vec<(PathBuf, String)> {
    let mut v: Vec<(PathBuf, String)> = fs::read_dir("boards")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| rectify::storage::is_board_path(p))
        .map(|p| {
            let t = fs::read_to_string(&p).unwrap();
            (p, t)
        })
        .collect();
    v.sort();
    assert!(v.len() >= 9, "shipped boards missing");
    v
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the properties and the corpus replay.

/// The loader's verdict is consistent and every diagnostic points inside `text` (the text the
/// positions are counted in: without a BOM, or the valid prefix of non-UTF-8 bytes).
fn check_load(load: &FileLoad, text: &str) {
    let has_error = load
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    assert_eq!(load.program.is_none(), has_error, "{load:?}");
    let lines: Vec<&str> = text.split('\n').collect();
    for d in &load.diagnostics {
        assert_eq!(d.path, Path::new(PATH));
        assert!(!d.message(Lang::En).trim().is_empty(), "{d:?}");
        assert!(
            d.line >= 1 && d.line <= lines.len(),
            "line out of the text: {d:?}"
        );
        let line_chars = lines[d.line - 1].chars().count();
        assert!(
            d.col >= 1 && d.col <= line_chars + 1,
            "column out of line {} ({line_chars} chars): {d:?}",
            d.line
        );
        if !d.source_line.is_empty() {
            assert_eq!(
                d.source_line,
                lines[d.line - 1].trim_end_matches('\r'),
                "{d:?}"
            );
        }
        // Printing it (with its caret snippet) must not panic either.
        let shown = d.render(Lang::En);
        assert!(!d.render(Lang::Zh).trim().is_empty());
        assert!(
            shown.starts_with(&format!("{PATH}:{}:{}: ", d.line, d.col)),
            "{shown}"
        );
    }
}

fn check_span(text: &str, r: &std::ops::Range<usize>) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{r:?} of {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{r:?}"
    );
}

fn check_tree(text: &str, n: &Node, depth: usize) {
    assert!(depth < 1000);
    check_span(text, &n.span);
    match &n.kind {
        Kind::Struct { fields, close, .. } => {
            assert!(*close < n.span.end && text.as_bytes()[*close] == b')');
            for f in fields {
                check_span(text, &f.name_span);
                check_span(text, &(f.value.span.end..f.end));
                check_tree(text, &f.value, depth + 1);
            }
        }
        Kind::Tuple { items, close, .. } | Kind::List { items, close } => {
            assert!(*close < n.span.end);
            for i in items {
                check_tree(text, i, depth + 1);
            }
        }
        Kind::Map { entries, close } => {
            assert!(*close < n.span.end);
            for (k, v) in entries {
                check_tree(text, k, depth + 1);
                check_tree(text, v, depth + 1);
            }
        }
        Kind::Str(_) | Kind::Atom(_) => {}
    }
}

/// Everything the loader and the locator promise about `bytes`.
fn check_bytes(bytes: &[u8]) -> Option<(String, Program)> {
    let load = storage::load_bytes(Path::new(PATH), bytes);
    assert!(load.hash.is_some());
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            assert!(load.program.is_none());
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap();
            check_load(&load, valid);
            return None;
        }
    };
    check_load(&load, text.strip_prefix('\u{feff}').unwrap_or(text));
    let tree = cst::parse(text);
    if let Ok(root) = &tree {
        check_tree(text, root, 0);
    }
    let program = load.program?;
    // What ron accepts, the locator must read the same way, or an edit would land elsewhere.
    let root = tree
        .unwrap_or_else(|e| panic!("ron reads the board, the locator does not: {e:?}\n{text:?}"));
    for m in &program.measures {
        let node = root
            .measure(&m.id)
            .unwrap_or_else(|| panic!("measure {:?} not located\n{text:?}", m.id));
        let title = node.field("title").and_then(|f| f.value.as_str());
        assert_eq!(
            title,
            Some(m.title.as_str()),
            "measure {:?} located wrongly\n{text:?}",
            m.id
        );
    }
    Some((text.to_owned(), program))
}

/// Comment lines (a line that holds only a comment, outside any string), as they appear. An
/// edit may leave more (a removed field's trailing comment can end up alone on its line),
/// never fewer. A small lexer of its own, independent of the locator under test; it only
/// needs to be right for valid boards.
fn comment_lines(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let blank = |from: usize, to: usize| text[from..to].trim().is_empty();
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |k| at + k);
    let mut out = Vec::new();
    let (mut i, mut line_start) = (0, 0);
    while i < b.len() {
        match b[i] {
            b'\n' => {
                i += 1;
                line_start = i;
            }
            b'"' => {
                i += 1;
                while i < b.len() {
                    match b[i] {
                        b'\\' => i += 1,
                        b'"' => break,
                        _ => {}
                    }
                    if b.get(i) == Some(&b'\n') {
                        line_start = i + 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            b'r' if (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
                && text[i + 1..].trim_start_matches('#').starts_with('"') =>
            {
                let hashes = text[i + 1..].len() - text[i + 1..].trim_start_matches('#').len();
                let body = i + 2 + hashes;
                let end = format!("\"{}", "#".repeat(hashes));
                let close = text[body..].find(&end).map_or(text.len(), |k| body + k);
                if let Some(k) = text[body..close].rfind('\n') {
                    line_start = body + k + 1;
                }
                i = (close + end.len()).min(text.len());
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = line_end(i);
                if blank(line_start, i) {
                    out.push(text[i..end].trim().to_owned());
                }
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let (start, mut depth) = (i, 0);
                while i < b.len() {
                    if b[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if b[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                let own_line = blank(line_start, start) && blank(i, line_end(i));
                if let Some(k) = text[start..i].rfind('\n') {
                    line_start = start + k + 1;
                }
                if own_line {
                    out.push(text[start..i].trim().to_owned());
                }
            }
            _ => i += 1,
        }
    }
    out.sort_unstable();
    out
}

/// Applies `edit` to `text` through the in-place editor and checks the result is the old
/// board plus exactly that edit, changed only inside the measure. Returns the new text.
fn check_edit(text: &str, before: &Program, edit: &Edit) -> String {
    let idx = before
        .measures
        .iter()
        .position(|m| m.id == edit.measure)
        .unwrap();
    let new = match storage::edit::apply(text, edit) {
        Ok(t) => t,
        // A valid board and a user's edit: refusing it would leave the user unable to work.
        Err(e) => panic!("edit refused on a valid board: {e}\nedit: {edit:?}\n{text:?}"),
    };
    let mut expected = before.clone();
    edit.apply_to(&mut expected.measures[idx]);
    let got = storage::load_text(Path::new(PATH), &new);
    assert_eq!(
        got.program.as_ref(),
        Some(&expected),
        "edited text does not load as the board plus the edit\nedit: {edit:?}\n--- new text:\n{new}\n--- diagnostics: {:?}",
        got.diagnostics
    );
    // Only the measure's own bytes move.
    let span = cst::parse(text)
        .unwrap()
        .measure(&edit.measure)
        .unwrap()
        .span
        .clone();
    assert!(
        new.starts_with(&text[..span.start]) && new.ends_with(&text[span.end..]),
        "bytes outside measure {:?} changed\n--- new text:\n{new}",
        edit.measure
    );
    let mut kept = comment_lines(&new);
    for line in comment_lines(text) {
        let at = kept.iter().position(|k| *k == line).unwrap_or_else(|| {
            panic!(
                "comment line {line:?} was lost\nedit: {edit:?}\n--- old:\n{text}\n--- new:\n{new}"
            )
        });
        kept.remove(at);
    }
    new
}

// ---------------------------------------------------------------------------------------------
// Strategies: hostile characters and tokens.

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        3 => proptest::char::range(' ', '~'),
        3 => proptest::char::range('\u{4e00}', '\u{9fa5}'),
        2 => prop::sample::select(vec![
            '"', '\\', '#', '\'', '(', ')', ',', ':', '/', '*', '{', '}', '[', ']', '\n', '\r',
            '\t', '\0', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{200b}',
            '\u{200e}', '\u{202e}', '\u{2028}', '\u{2029}', '\u{feff}', '😀', '“', '”', '，',
            'é', '\u{10ffff}',
        ]),
        1 => any::<char>(),
    ]
}

fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..max).prop_map(String::from_iter)
}

/// Non-blank after trimming: what the validator requires of ids and titles.
fn name_text(max: usize) -> impl Strategy<Value = String> {
    hostile_text(max).prop_map(|s| {
        if s.trim().is_empty() {
            format!("{s}x")
        } else {
            s
        }
    })
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "\\\"",
    "r\"",
    "r#\"",
    "\"#",
    "r##\"",
    "b\"",
    "'",
    "'\\",
    "/*",
    "*/",
    "//",
    "/**/",
    "\n",
    "\r\n",
    "\r",
    ",",
    ":",
    ",,",
    "::",
    "\\",
    "\\u{",
    "\\u{1F600}",
    "\\x",
    "\\xe4",
    "\\\n",
    "#![enable(implicit_some)]",
    "#!",
    "Some(",
    "None",
    "Blocked(",
    "Measure(",
    "Milestone(",
    "Program(",
    "id: ",
    "progress: ",
    "status: ",
    "r#id: ",
    "-",
    "+",
    "9999999999999999999999",
    "-9223372036854775809",
    "1e400",
    "0x",
    "true",
    "\u{202e}",
    "\u{feff}",
    "\u{200b}",
    "\u{2028}",
    "\u{85}",
    "\u{b}",
    "中文",
    "\0",
    "\u{1b}[2J",
    "\u{1b}]0;x\u{7}",
    "😀",
    "\t",
    " ",
    "2023-02-30",
    "\"2023-07-15\"",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete(Index, usize),
    Insert(Index, String),
    Replace(Index, usize, String),
    /// Copies a range elsewhere: repeated fields, measures, brackets.
    Duplicate(Index, usize, Index),
    /// Deep nesting: a run of one opening (or closing) bracket.
    Nest(Index, &'static str, usize),
    Bytes(Index, Vec<u8>),
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(TOKENS).prop_map(str::to_owned),
        1 => hostile_text(8),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 1..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        4 => (any::<Index>(), token()).prop_map(|(i, t)| Mutation::Insert(i, t)),
        3 => (any::<Index>(), 1..16usize, token()).prop_map(|(i, n, t)| Mutation::Replace(i, n, t)),
        1 => (any::<Index>(), 1..400usize, any::<Index>())
            .prop_map(|(i, n, j)| Mutation::Duplicate(i, n, j)),
        1 => (
            any::<Index>(),
            prop::sample::select(&["[", "(", "{", "Measure(", "Some(", "]", ")", "/*", "\""][..]),
            1..12_000usize
        )
            .prop_map(|(i, t, n)| Mutation::Nest(i, t, n)),
        1 => (any::<Index>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Mutation::Bytes(i, b)),
    ]
}

fn mutate(mut bytes: Vec<u8>, ms: &[Mutation]) -> Vec<u8> {
    for m in ms {
        let len = bytes.len();
        let at = |i: &Index| if len == 0 { 0 } else { i.index(len + 1) };
        match m {
            Mutation::Delete(i, n) => {
                let a = at(i);
                bytes.drain(a..(a + n).min(len));
            }
            Mutation::Insert(i, t) => {
                let a = at(i);
                bytes.splice(a..a, t.bytes());
            }
            Mutation::Replace(i, n, t) => {
                let a = at(i);
                bytes.splice(a..(a + n).min(len), t.bytes());
            }
            Mutation::Duplicate(i, n, j) => {
                let a = at(i);
                let piece = bytes[a..(a + n).min(len)].to_vec();
                let b = at(j);
                bytes.splice(b..b, piece);
            }
            Mutation::Nest(i, t, n) => {
                let a = at(i);
                bytes.splice(a..a, t.repeat(*n).into_bytes());
            }
            Mutation::Bytes(i, b) => {
                let a = at(i);
                bytes.splice(a..a, b.iter().copied());
            }
        }
    }
    bytes
}

// ---------------------------------------------------------------------------------------------
// Generated valid boards: a program as data, written out in a random but legal style.

fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Date::from_ymd(y, m, d).unwrap())
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::NotStarted),
        Just(Status::InProgress),
        hostile_text(12).prop_map(Status::Blocked),
        Just(Status::Done),
        Just(Status::SignedOff),
    ]
}

fn measure() -> impl Strategy<Value = Measure> {
    (
        (name_text(6), name_text(12), hostile_text(8), date()),
        (prop::collection::vec(date(), 0..3), status(), 0i64..=100),
        (
            hostile_text(20),
            prop::option::of(date()),
            prop::option::of(hostile_text(6)),
        ),
    )
        .prop_map(
            |((id, title, owner, due), (revised, status, progress), (notes, so, sb))| Measure {
                id,
                title,
                owner,
                due,
                revised,
                status,
                progress,
                notes,
                signed_off: so,
                signed_by: sb,
            },
        )
}

fn program() -> impl Strategy<Value = Program> {
    (
        (
            name_text(6),
            name_text(12),
            name_text(8),
            date(),
            date(),
            hostile_text(12),
        ),
        prop::collection::vec(measure(), 1..4),
        prop::collection::vec((name_text(8), date(), prop::option::of(date())), 0..3),
    )
        .prop_map(|((id, title, lead, a, b, goal), mut measures, ms)| {
            // Unique measure ids, as the validator requires.
            for (i, m) in measures.iter_mut().enumerate() {
                m.id = format!("{}{i}", m.id);
            }
            Program {
                id,
                title,
                lead,
                start: a.min(b),
                due: a.max(b),
                goal,
                measures,
                milestones: ms
                    .into_iter()
                    .map(|(title, due, done)| Milestone { title, due, done })
                    .collect(),
            }
        })
}

/// Choices for the writer, consumed one by one; when they run out every choice is the plain
/// one, so shrinking the list shrinks the style towards the shipped boards'.
struct Style {
    picks: Vec<u8>,
    next: usize,
    crlf: bool,
}

impl Style {
    fn pick(&mut self, n: u8) -> u8 {
        let b = self.picks.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        b % n
    }

    /// True with probability 1 in `n` (never when the choices have run out).
    fn rarely(&mut self, n: u8) -> bool {
        self.pick(n) == n - 1
    }

    fn nl(&self) -> &'static str {
        if self.crlf { "\r\n" } else { "\n" }
    }
}

struct Writer {
    out: String,
    style: Style,
}

const COMMENT_WORDS: &[&str] = &[
    "注释",
    "a \"quoted\" word",
    "(paren",
    "comma,",
    "r#\"raw",
    "*",
    "/",
    "}",
    "😀",
    "\\",
];

impl Writer {
    fn comment_text(&mut self) -> String {
        let n = self.style.pick(4) as usize;
        (0..n)
            .map(|_| COMMENT_WORDS[self.style.pick(COMMENT_WORDS.len() as u8) as usize])
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Blank space where a token may be separated by nothing: nothing, spaces, rarely a block
    /// comment or whitespace that only ron's tokenizer knows.
    fn tight(&mut self) {
        match self.style.pick(12) {
            1 => self.out.push(' '),
            2 => self.out.push_str("  "),
            3 => {
                let c = self.comment_text();
                self.out.push_str(&format!(" /* {c} */ "));
            }
            4 => {
                let c = self.comment_text();
                self.out.push_str(&format!("/* {c} /* nested {c} */ */"));
            }
            5 => self.out.push('\t'),
            6 => {
                let ws = [
                    "\u{b}", "\u{c}", "\u{85}", "\u{200e}", "\u{200f}", "\u{2028}", "\u{2029}",
                ];
                let w = ws[self.style.pick(ws.len() as u8) as usize];
                self.out.push_str(w);
            }
            _ => {}
        }
    }

    /// Between entries: a new line with `indent` (multi-line), or a space (one line); either
    /// may carry comments.
    fn gap(&mut self, multi: bool, indent: &str) {
        if !multi {
            self.out.push(' ');
            self.tight();
            return;
        }
        if self.style.rarely(4) {
            let c = self.comment_text();
            self.out.push_str(&format!(" // {c}"));
        }
        let nl = self.style.nl();
        self.out.push_str(nl);
        if self.style.rarely(6) {
            self.out.push_str(nl);
        }
        if self.style.rarely(4) {
            let c = self.comment_text();
            self.out.push_str(&format!("{indent}// {c}{nl}"));
        }
        if self.style.rarely(8) {
            let c = self.comment_text();
            self.out.push_str(&format!("{indent}/* {c} */{nl}"));
        }
        self.out.push_str(indent);
    }

    fn string(&mut self, s: &str) {
        let raw_ok = !s.contains('\r'); // a raw CR would survive, but editors may rewrite it
        if raw_ok && self.style.rarely(5) {
            // Enough hashes that no `"###` inside ends the string early.
            let mut hashes = 0;
            while s.contains(&format!("\"{}", "#".repeat(hashes))) {
                hashes += 1;
            }
            let h = "#".repeat(hashes);
            self.out.push_str(&format!("r{h}\"{s}\"{h}"));
            return;
        }
        self.out.push('"');
        for (i, c) in s.chars().enumerate() {
            // A line continuation: the break and the next line's indent are not content (so it
            // cannot stand before content that is itself blank).
            if i > 0 && !matches!(c, ' ' | '\t' | '\n' | '\r') && self.style.rarely(30) {
                let nl = self.style.nl();
                self.out.push_str(&format!("\\{nl}        "));
            }
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => match self.style.pick(3) {
                    1 => self.out.push('\n'),
                    2 => self.out.push_str("\\u{a}"),
                    _ => self.out.push_str("\\n"),
                },
                '\t' if self.style.rarely(2) => self.out.push('\t'),
                '\t' => self.out.push_str("\\t"),
                '\r' => self.out.push_str("\\r"),
                '\0' => self.out.push_str("\\0"),
                c if c.is_ascii() && self.style.rarely(10) => {
                    self.out.push_str(&format!("\\x{:02x}", c as u32));
                }
                c if !c.is_ascii() && self.style.rarely(10) => {
                    // ron also takes a character as its UTF-8 bytes.
                    let mut buf = [0u8; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        self.out.push_str(&format!("\\x{b:02X}"));
                    }
                }
                c if c.is_control() || self.style.rarely(12) => {
                    self.out.push_str(&format!("\\u{{{:x}}}", c as u32));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn date(&mut self, d: Date) {
        match self.style.pick(8) {
            1 => self.out.push_str(&format!("r\"{d}\"")),
            2 => self.out.push_str(&format!("r#\"{d}\"#")),
            _ => self.out.push_str(&format!("\"{d}\"")),
        }
    }

    fn name(&mut self, name: &str) {
        if self.style.rarely(10) {
            self.out.push_str("r#");
        }
        self.out.push_str(name);
    }

    /// `name(` … `)` with fields written by `write`, in the order of `order`.
    fn structure<T>(
        &mut self,
        name: &str,
        multi: bool,
        indent: &str,
        order: &mut [&'static str],
        v: &T,
        write: impl Fn(&mut Writer, &'static str, &T, &str),
    ) {
        if self.style.pick(6) != 5 {
            self.out.push_str(name);
            self.tight();
        }
        self.out.push('(');
        // Fisher-Yates with the style's choices: random field order.
        for i in (1..order.len()).rev() {
            let j = self.style.pick((i + 1) as u8) as usize;
            order.swap(i, j);
        }
        let inner = format!("{indent}    ");
        let n = order.len();
        for (k, f) in order.iter().enumerate() {
            if k == 0 {
                if multi {
                    self.gap(true, &inner);
                } else {
                    self.tight();
                }
            }
            self.name(f);
            self.tight();
            self.out.push(':');
            if !self.style.rarely(6) {
                self.out.push(' ');
            }
            self.tight();
            write(self, f, v, &inner);
            self.tight();
            let last = k + 1 == n;
            if !last || multi != self.style.rarely(3) {
                self.out.push(',');
            }
            if !last {
                self.gap(multi, &inner);
            }
        }
        if multi {
            self.gap(true, indent);
        } else {
            self.tight();
        }
        self.out.push(')');
    }

    fn list<T>(
        &mut self,
        items: &[T],
        multi: bool,
        indent: &str,
        item: impl Fn(&mut Writer, &T, &str),
    ) {
        self.out.push('[');
        let inner = format!("{indent}    ");
        for (k, it) in items.iter().enumerate() {
            if k == 0 {
                if multi {
                    self.gap(true, &inner);
                } else {
                    self.tight();
                }
            }
            item(self, it, &inner);
            self.tight();
            let last = k + 1 == items.len();
            if !last || self.style.pick(2) == 0 {
                self.out.push(',');
            }
            if !last {
                self.gap(multi, &inner);
            }
        }
        if multi && !items.is_empty() {
            self.gap(true, indent);
        }
        self.out.push(']');
    }

    fn opt_date(&mut self, d: Option<Date>) {
        match d {
            None => self.out.push_str("None"),
            Some(d) if self.style.rarely(4) => {
                self.out.push_str("Some(");
                self.date(d);
                self.out.push(')');
            }
            Some(d) => self.date(d),
        }
    }

    fn measure(&mut self, m: &Measure, indent: &str) {
        let mut order = vec!["id", "title", "owner", "due", "status"];
        // Optional fields: written when they hold something, sometimes also when they don't.
        if !m.revised.is_empty() || self.style.rarely(6) {
            order.push("revised");
        }
        if m.progress != 0 || !self.style.rarely(4) {
            order.push("progress");
        }
        if !m.notes.is_empty() || self.style.rarely(6) {
            order.push("notes");
        }
        if m.signed_off.is_some() || self.style.rarely(8) {
            order.push("signed_off");
        }
        if m.signed_by.is_some() || self.style.rarely(8) {
            order.push("signed_by");
        }
        let multi = !self.style.rarely(3);
        self.structure(
            "Measure",
            multi,
            indent,
            &mut order,
            m,
            |w, f, m, ind| match f {
                "id" => w.string(&m.id),
                "title" => w.string(&m.title),
                "owner" => w.string(&m.owner),
                "due" => w.date(m.due),
                "revised" => {
                    let multi = w.style.rarely(4);
                    w.list(&m.revised, multi, ind, |w, d, _| w.date(*d));
                }
                "status" => match &m.status {
                    Status::Blocked(r) => {
                        w.out.push_str("Blocked");
                        w.tight();
                        w.out.push('(');
                        w.tight();
                        w.string(r);
                        w.tight();
                        w.out.push(')');
                    }
                    s => w.out.push_str(s.kind().ron_name()),
                },
                "progress" => w.out.push_str(&m.progress.to_string()),
                "notes" => w.string(&m.notes),
                "signed_off" => w.opt_date(m.signed_off),
                "signed_by" => match &m.signed_by {
                    None => w.out.push_str("None"),
                    Some(s) => w.string(s),
                },
                _ => unreachable!(),
            },
        );
    }

    fn program(&mut self, p: &Program) {
        if self.style.rarely(8) {
            self.out.push('\u{feff}');
        }
        let nl = self.style.nl();
        if self.style.pick(3) != 0 {
            let c = self.comment_text();
            self.out.push_str(&format!("// {c}{nl}"));
        }
        if self.style.rarely(8) {
            self.out.push_str(&format!("#![enable(implicit_some)]{nl}"));
        }
        let mut order = vec!["id", "title", "lead", "start", "due", "measures"];
        if !p.goal.is_empty() || self.style.rarely(4) {
            order.push("goal");
        }
        if !p.milestones.is_empty() || self.style.rarely(4) {
            order.push("milestones");
        }
        self.structure("Program", true, "", &mut order, p, |w, f, p, ind| match f {
            "id" => w.string(&p.id),
            "title" => w.string(&p.title),
            "lead" => w.string(&p.lead),
            "start" => w.date(p.start),
            "due" => w.date(p.due),
            "goal" => w.string(&p.goal),
            "measures" => w.list(&p.measures, true, ind, |w, m, ind| w.measure(m, ind)),
            "milestones" => w.list(&p.milestones, true, ind, |w, m, ind| {
                let mut order = vec!["title", "due"];
                if m.done.is_some() || w.style.rarely(4) {
                    order.push("done");
                }
                let multi = w.style.rarely(2);
                w.structure(
                    "Milestone",
                    multi,
                    ind,
                    &mut order,
                    m,
                    |w, f, m, _| match f {
                        "title" => w.string(&m.title),
                        "due" => w.date(m.due),
                        "done" => w.opt_date(m.done),
                        _ => unreachable!(),
                    },
                );
            }),
            _ => unreachable!(),
        });
        if self.style.pick(4) != 3 {
            self.out.push_str(nl);
        }
        if self.style.rarely(4) {
            let c = self.comment_text();
            self.out.push_str(&format!("// {c}{nl}"));
        }
    }
}

fn write_board(p: &Program, picks: Vec<u8>, crlf: bool) -> String {
    let mut w = Writer {
        out: String::new(),
        style: Style {
            picks,
            next: 0,
            crlf,
        },
    };
    w.program(p);
    w.out
}

/// A generated board: its text and the program it must load as.
fn generated_board() -> impl Strategy<Value = (String, Program)> {
    (
        program(),
        prop::collection::vec(any::<u8>(), 0..400),
        any::<bool>(),
    )
        .prop_map(|(p, picks, crlf)| (write_board(&p, picks, crlf), p))
}

// ---------------------------------------------------------------------------------------------
// Edits a user can make.

#[derive(Debug, Clone)]
enum Op {
    Status(u8, String),
    Progress(i64),
    Note(String),
    SignOff,
    Revise(Date),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..5, hostile_text(16)).prop_map(|(k, r)| Op::Status(k, r)),
        prop_oneof![any::<i64>(), -5i64..110].prop_map(Op::Progress),
        hostile_text(40).prop_map(Op::Note),
        Just(Op::SignOff),
        date().prop_map(Op::Revise),
    ]
}

fn build_edit(op: &Op, m: &Measure, today: Date, user: &str) -> Edit {
    match op {
        Op::Status(k, reason) => {
            let s = match k {
                0 => Status::NotStarted,
                1 => Status::InProgress,
                2 => Status::Blocked(reason.clone()),
                3 => Status::Done,
                _ => Status::SignedOff,
            };
            Edit::status(m, s, today, user)
        }
        Op::Progress(p) => Edit::progress(m, *p),
        Op::Note(t) => Edit::note(m, t),
        Op::SignOff => Edit::sign_off(m, today, user),
        Op::Revise(d) => Edit::revise(m, *d),
    }
}

/// A run of edits on one board, each checked on the text the previous one left.
fn check_edits(text: &str, program: &Program, edits: &[(Index, Op)], today: Date, user: &str) {
    let mut text = text.to_owned();
    let mut program = program.clone();
    for (which, op) in edits {
        let m = &program.measures[which.index(program.measures.len())];
        let edit = build_edit(op, m, today, user);
        text = check_edit(&text, &program, &edit);
        program = storage::load_text(Path::new(PATH), &text).program.unwrap();
    }
}

// ---------------------------------------------------------------------------------------------
// The properties.

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn loader_and_locator_survive_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_bytes(&bytes);
    }

    #[test]
    fn loader_and_locator_survive_any_text(text in hostile_text(600)) {
        check_bytes(text.as_bytes());
    }

    #[test]
    fn loader_and_locator_survive_ron_like_token_soup(
        tokens in prop::collection::vec(token(), 0..200)
    ) {
        check_bytes(tokens.concat().as_bytes());
    }
}

proptest! {
    #![proptest_config(config(192))]

    /// A mutant that still loads is a valid board in an odd shape: the editor must handle it.
    #[test]
    fn loader_locator_and_editor_survive_mutated_shipped_boards(
        board in any::<Index>(),
        ms in prop::collection::vec(mutation(), 1..8),
        edits in prop::collection::vec((any::<Index>(), op()), 1..3),
    ) {
        let boards = shipped();
        let (_, text) = &boards[board.index(boards.len())];
        if let Some((text, p)) = check_bytes(&mutate(text.clone().into_bytes(), &ms))
            && !p.measures.is_empty()
        {
            check_edits(&text, &p, &edits, Date::from_ymd(2023, 7, 15).unwrap(), "张三");
        }
    }

    #[test]
    fn loader_locator_and_editor_survive_mutated_generated_boards(
        (text, _) in generated_board(),
        ms in prop::collection::vec(mutation(), 1..6),
        edits in prop::collection::vec((any::<Index>(), op()), 1..3),
    ) {
        if let Some((text, p)) = check_bytes(&mutate(text.into_bytes(), &ms))
            && !p.measures.is_empty()
        {
            check_edits(&text, &p, &edits, Date::from_ymd(2023, 7, 15).unwrap(), "张三");
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn generated_boards_load_as_written((text, program) in generated_board()) {
        let (_, loaded) = check_bytes(text.as_bytes())
            .unwrap_or_else(|| panic!("generated board refused:\n{text}\n{:?}",
                storage::load_text(Path::new(PATH), &text).diagnostics));
        prop_assert_eq!(loaded, program, "{}", text);
    }

    #[test]
    fn edits_on_generated_boards_change_exactly_the_field(
        (text, program) in generated_board(),
        edits in prop::collection::vec((any::<Index>(), op()), 1..4),
        today in date(),
        user in name_text(8),
    ) {
        let loaded = storage::load_text(Path::new(PATH), &text).program;
        prop_assume!(loaded.as_ref() == Some(&program));
        check_edits(&text, &program, &edits, today, &user);
    }

    #[test]
    fn edits_on_shipped_boards_change_exactly_the_field(
        board in any::<Index>(),
        edits in prop::collection::vec((any::<Index>(), op()), 1..4),
        today in date(),
        user in name_text(8),
    ) {
        let boards = shipped();
        let (path, text) = &boards[board.index(boards.len())];
        let program = storage::load_file(path).program.unwrap();
        check_edits(text, &program, &edits, today, &user);
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus: the shipped boards and every input that once failed, replayed on each run.

/// Edits of every kind, with awkward values, on every measure of a valid board.
fn replay_edits(text: &str, program: &Program) {
    let today = Date::from_ymd(2023, 7, 15).unwrap();
    let ops = [
        Op::Status(2, "待\"审批\"\\\n\u{1b}[2J 😀".into()),
        Op::Status(1, String::new()),
        Op::Status(0, String::new()),
        Op::Progress(101),
        Op::Progress(-3),
        Op::Note("多行\r\n备注 \"引号\" \\ r#\"raw\"# \u{202e}".into()),
        Op::Note(String::new()),
        Op::SignOff,
        Op::Revise(Date::from_ymd(2024, 2, 29).unwrap()),
    ];
    for m in &program.measures {
        for op in &ops {
            let edit = build_edit(op, m, today, "张\"三\"");
            check_edit(text, program, &edit);
        }
        // Signing off then leaving it again removes the fields it added.
        let signed = check_edit(text, program, &Edit::sign_off(m, today, "李四"));
        let p2 = storage::load_text(Path::new(PATH), &signed)
            .program
            .unwrap();
        let m2 = p2.measure(&m.id).unwrap();
        check_edit(
            &signed,
            &p2,
            &Edit::status(m2, Status::InProgress, today, "李四"),
        );
    }
}

fn corpus() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir("tests/fixtures/fuzz")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v.extend(shipped().into_iter().map(|(p, _)| p));
    v
}

#[test]
fn corpus_replays_without_findings() {
    let mut valid = 0;
    let mut failed = Vec::new();
    for p in corpus() {
        let bytes = fs::read(&p).unwrap();
        let r = std::panic::catch_unwind(|| {
            if let Some((text, program)) = check_bytes(&bytes) {
                replay_edits(&text, &program);
                true
            } else {
                false
            }
        });
        match r {
            Ok(ok) => valid += usize::from(ok),
            Err(_) => failed.push(p.display().to_string()),
        }
    }
    assert!(
        failed.is_empty(),
        "corpus files fail (messages above): {failed:?}"
    );
    assert!(
        valid >= 9,
        "the shipped boards must all replay as valid boards"
    );
}

#[test]
fn the_comment_oracle_sees_comments_not_strings() {
    let text = "(\n    // own line\n    a: \"x\n// in a string\", // trailing\n    /* block */\n    b: r#\"\n// raw\"#, /* inline */ c: 1,\n      /* two\n lines */  \n)\n";
    assert_eq!(
        comment_lines(text),
        ["/* block */", "/* two\n lines */", "// own line"]
    );
}
