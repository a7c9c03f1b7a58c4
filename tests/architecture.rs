//! The modules stay in layers: each top-level module of `src/` may name (through a `crate::`
//! path) only its own module and those in lower layers. Read from the source text, so a new
//! import that reaches up fails here naming its file and line, before it makes a circle.
//! `docs/architecture.md` explains the same list.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Lowest first (layer 1). Modules in one layer do not name each other.
const LAYERS: &[(&str, &[&str])] = &[
    // git knows bytes and commits, nothing of boards: storage reads boards out of it.
    (
        "pure domain and text; git's objects",
        &["domain", "text", "git"],
    ),
    // Side by side and apart: storage returns data and typed problems, never words.
    ("files; word tables", &["storage", "i18n"]),
    ("words for domain things and problems", &["describe"]),
    ("watcher, themes", &["watch", "theme"]),
    ("settings, reports", &["config", "report"]),
    ("state and update", &["app"]),
    ("views", &["ui"]),
    ("command line", &["cli"]),
    ("shell commands", &["check", "set"]),
    ("shell commands built on set", &["ledger"]),
    ("shell commands built on ledger", &["new_board"]),
    ("event loop", &["tui"]),
];

/// Items exported at the crate root that belong to a module: `crate::tr` is i18n's macro.
const ROOT_ITEMS: &[(&str, &str)] = &[("tr", "i18n")];

/// Files that are no module of their own: the crate root and the binary, which tie it all.
const ROOTS: &[&str] = &["lib.rs", "main.rs"];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, ms)| ms.contains(&module))
}

/// The source with comments and string and char literals blanked (newlines kept, so lines
/// still count): a path in a doc comment or a message is no import.
fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1).copied() == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1).copied() == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1).copied() == Some('*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1).copied() == Some('/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if c[i] == 'r'
            && (c.get(i + 1).copied() == Some('"') || c.get(i + 1).copied() == Some('#'))
            && (i == 0 || !is_ident(c[i - 1]))
        {
            // A raw string: r"…" or r#"…"#, closed by the same number of hashes.
            let mut j = i + 1;
            while c.get(j) == Some(&'#') {
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            i = j + 1;
            while i < c.len() {
                if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                if let Some(&ch) = c.get(i) {
                    blank(&mut out, ch);
                }
                i += 1;
            }
            i += 1;
        } else if c[i] == '\'' && c.get(i + 1).copied() == Some('\\') {
            i += 2;
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c[i] == '\'' && c.get(i + 2).copied() == Some('\'') {
            i += 3;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// Every first segment after `crate::` with its 1-based line: `crate::app::App` gives `app`,
/// `use crate::{app::App, domain::{Date, Program}}` gives `app` and `domain`.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let c: Vec<char> = code.chars().collect();
    let line_at = |i: usize| c[..i].iter().filter(|&&ch| ch == '\n').count() + 1;
    let word_at = |mut i: usize| {
        while c.get(i).is_some_and(|ch| ch.is_whitespace()) {
            i += 1;
        }
        let start = i;
        while c.get(i).is_some_and(|&ch| is_ident(ch)) {
            i += 1;
        }
        (c[start..i].iter().collect::<String>(), i)
    };
    let needle: Vec<char> = "crate".chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= c.len() {
        let starts_word = i == 0 || !is_ident(c[i - 1]);
        if !(starts_word && c[i..i + needle.len()] == needle[..]) {
            i += 1;
            continue;
        }
        let mut j = i + needle.len();
        while c.get(j).is_some_and(|ch| ch.is_whitespace()) {
            j += 1;
        }
        if !(c.get(j) == Some(&':') && c.get(j + 1) == Some(&':')) {
            i += 1;
            continue;
        }
        j += 2;
        while c.get(j).is_some_and(|ch| ch.is_whitespace()) {
            j += 1;
        }
        if c.get(j) == Some(&'{') {
            // A group: the names at its top level, each after `{` or `,`.
            let mut depth = 0;
            let mut expect_name = true;
            while j < c.len() {
                match c[j] {
                    '{' => {
                        depth += 1;
                        expect_name = depth == 1;
                        j += 1;
                    }
                    '}' => {
                        depth -= 1;
                        j += 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => {
                        expect_name = true;
                        j += 1;
                    }
                    ch if ch.is_whitespace() => j += 1,
                    _ if expect_name => {
                        let (w, end) = word_at(j);
                        if !w.is_empty() {
                            found.push((line_at(j), w));
                        }
                        expect_name = false;
                        j = end.max(j + 1);
                    }
                    _ => j += 1,
                }
            }
        } else {
            let (w, _) = word_at(j);
            if !w.is_empty() {
                found.push((line_at(j), w));
            }
        }
        i = j.max(i + 1);
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file under `src/` belongs to: `src/app/edit.rs` and `src/app.rs`
/// are both `app`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.strip_suffix(".rs").unwrap_or(&first).to_owned()
}

/// Every import that breaks the layer order, as `file:line: …` lines.
fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut bad = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if ROOTS.contains(&rel.as_str()) {
            continue;
        }
        let from = module_of(src, &file);
        let shown = format!("src/{rel}");
        let Some(from_layer) = layer_of(&from) else {
            bad.push(format!(
                "{shown}: module `{from}` is in no layer: add it to LAYERS in tests/architecture.rs \
                 and to docs/architecture.md"
            ));
            continue;
        };
        let code = code_only(&fs::read_to_string(&file).unwrap());
        for (line, name) in crate_paths(&code) {
            let to = ROOT_ITEMS
                .iter()
                .find(|(item, _)| *item == name)
                .map_or(name.clone(), |(_, m)| (*m).to_owned());
            if to == from {
                continue;
            }
            match layer_of(&to) {
                Some(l) if l < from_layer => {}
                Some(l) => bad.push(format!(
                    "{shown}:{line}: `{from}` (layer {}: {}) imports `crate::{name}`, \
                     but `{to}` is in layer {} ({}), not below it",
                    from_layer + 1,
                    LAYERS[from_layer].0,
                    l + 1,
                    LAYERS[l].0
                )),
                None => bad.push(format!(
                    "{shown}:{line}: `crate::{name}` is no module in LAYERS of tests/architecture.rs"
                )),
            }
        }
    }
    bad
}

#[test]
fn every_module_imports_only_layers_below_its_own() {
    let bad = violations(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(
        bad.is_empty(),
        "imports against the layer order:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_layer_names_a_module_that_exists_and_each_only_once() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, (_, ms)) in LAYERS.iter().enumerate() {
        for m in *ms {
            assert!(
                src.join(format!("{m}.rs")).is_file() || src.join(m).join("mod.rs").is_file(),
                "layer {} names `{m}`, which is no module in src/",
                i + 1
            );
            assert_eq!(seen.insert(m, i), None, "`{m}` is in two layers");
        }
    }
}

#[test]
fn paths_are_read_from_use_lines_groups_and_inline_code_but_not_comments_or_texts() {
    let src = r#"
use crate::app::{App, Screen};
use crate::{
    domain::{Date, Program},
    text::width,
};
// use crate::ui; in a comment
/* crate::tui in a block comment */
fn f() -> String {
    let s = "crate::cli in a text";
    let q = '"';
    let r = r"crate::ledger in a raw text";
    crate::storage::load(); tr(q, s, r)
}
pub(crate) fn g() {}
"#;
    let found = crate_paths(&code_only(src));
    let names: Vec<(usize, &str)> = found.iter().map(|(l, n)| (*l, n.as_str())).collect();
    assert_eq!(
        names,
        [(2, "app"), (4, "domain"), (5, "text"), (13, "storage")]
    );
}

#[test]
fn an_import_that_reaches_up_is_named_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    fs::create_dir_all(src.join("storage")).unwrap();
    fs::write(src.join("lib.rs"), "pub mod storage;\npub mod app;\n").unwrap();
    fs::write(src.join("app.rs"), "use crate::storage::load;\n").unwrap();
    fs::write(
        src.join("storage/save.rs"),
        "use crate::domain::Date;\n\nfn f() { crate::tr!(lang, \"\", \"\"); }\n",
    )
    .unwrap();
    fs::write(src.join("storage/mod.rs"), "use crate::{domain, app};\n").unwrap();
    fs::write(src.join("gadget.rs"), "").unwrap();
    let bad = violations(src);
    assert_eq!(bad.len(), 3, "{bad:#?}");
    assert!(bad[0].starts_with("src/gadget.rs: module `gadget` is in no layer"));
    assert!(
        bad[1].starts_with("src/storage/mod.rs:1: `storage` (layer 2: files; word tables)")
            && bad[1].contains("imports `crate::app`"),
        "{}",
        bad[1]
    );
    assert!(
        bad[2].starts_with("src/storage/save.rs:3: ") && bad[2].contains("`crate::tr`"),
        "{}",
        bad[2]
    );
}
