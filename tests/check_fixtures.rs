//! Every invalid fixture produces exactly the message recorded beside it, in each language
//! (`x.expected` in English, `x.zh.expected` in Chinese), through the loader and through
//! `rectify check` (exit code and output).

mod common;

use common::rectify_in;
use std::fs;
use std::path::{Path, PathBuf};

use rectify::i18n::Lang;
use rectify::storage::{self, Severity};

const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Zh, "zh")];

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir("tests/fixtures/invalid")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    assert!(v.len() >= 10, "fixtures missing: {v:?}");
    v
}

fn expected(p: &Path, lang: Lang) -> String {
    let ext = match lang {
        Lang::En => "expected",
        Lang::Zh => "zh.expected",
    };
    fs::read_to_string(p.with_extension(ext)).unwrap()
}

fn rectify(args: &[&str]) -> (i32, String) {
    // English unless a test says `--lang`.
    let out = rectify_in("en_US.UTF-8")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn loader_gives_the_recorded_message_for_each_fixture() {
    for p in fixtures() {
        let load = storage::load_file(&p);
        for (lang, _) in LANGS {
            let got: String = load
                .diagnostics
                .iter()
                .map(|d| format!("{}\n", d.render(lang)))
                .collect();
            assert_eq!(got, expected(&p, lang), "{} {lang:?}", p.display());
        }
        let has_error = load
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        assert_eq!(load.program.is_none(), has_error, "{}", p.display());
    }
}

#[test]
fn binary_prints_the_message_and_exits_1_on_errors() {
    for p in fixtures() {
        let path = p.to_str().unwrap();
        let errors = expected(&p, Lang::En)
            .lines()
            .filter(|l| l.contains(": error: "))
            .count();
        for (lang, name) in LANGS {
            let (code, out) = rectify(&["check", "--lang", name, path]);
            assert!(out.starts_with(&expected(&p, lang)), "{path}:\n{out}");
            assert_eq!(code, i32::from(errors > 0), "{path}");
            let summary = out.lines().last().unwrap();
            let ok = match lang {
                Lang::En => {
                    summary.starts_with("checked 1 file: ")
                        && summary.contains(&format!("; {errors} error"))
                }
                Lang::Zh => {
                    summary.starts_with("已检查 1 个文件：")
                        && summary.contains(&format!("；错误 {errors} 个"))
                }
            };
            assert!(ok, "{summary}");
        }
    }
}

#[test]
fn check_speaks_the_language_of_the_locale_unless_told() {
    let run = |args: &[&str], locale: &str| {
        let out = rectify_in(locale)
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let bad = "tests/fixtures/invalid/wrong_date.ron";
    let zh = run(&["check", bad], "zh_CN.UTF-8");
    assert!(zh.contains(": 错误：日期 `2023-02-30` 无效"), "{zh}");
    let en = run(&["check", bad], "en_US.UTF-8");
    assert!(en.contains(": error: invalid date `2023-02-30`"), "{en}");
    let told = run(&["check", "--lang", "en", bad], "zh_CN.UTF-8");
    assert_eq!(told, en);
}

#[test]
fn shipped_boards_pass_with_a_summary() {
    let (code, out) = rectify(&["check", "--lang", "en", "boards"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("checked 11 files: 9 programs with "),
        "{out}"
    );
    assert!(out.trim_end().ends_with("0 errors, 0 warnings"), "{out}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let load = storage::load_file(Path::new("tests/fixtures/bom_ok.ron"));
    assert!(load.diagnostics.is_empty(), "{:?}", load.diagnostics);
    let p = load.program.unwrap();
    assert_eq!(p.measures.len(), 2);
    assert_eq!(
        p.measures[0].status,
        rectify::domain::Status::Blocked("等待数据接口".into())
    );
}

#[test]
fn invalid_utf8_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.ron");
    fs::write(&p, b"Program(\n    title: \"\xe6\x89\x93\xff\",\n").unwrap();
    let load = storage::load_file(&p);
    let d = &load.diagnostics[0];
    assert_eq!((d.line, d.col), (2, 14));
    assert_eq!(
        d.message(Lang::En),
        "not valid UTF-8 text (byte 0xFF); save the file as UTF-8"
    );
}

#[test]
fn an_oversized_file_is_refused_with_its_size_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.ron");
    let f = fs::File::create(&p).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    let load = storage::load_file(&p);
    assert_eq!(
        load.diagnostics[0].message(Lang::En),
        "file is 104857600 bytes (100.0 MiB), over the 8 MiB limit for a board file; not read"
    );
}

#[test]
fn one_broken_file_hides_no_other() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["01-fraud.ron", "02-railway.ron"] {
        fs::copy(Path::new("boards").join(f), dir.path().join(f)).unwrap();
    }
    fs::copy(
        "tests/fixtures/invalid/unknown_status.ron",
        dir.path().join("03-broken.ron"),
    )
    .unwrap();
    fs::create_dir(dir.path().join("04-dir.ron")).unwrap();
    let loads = storage::load_dir(dir.path()).unwrap();
    let ok: Vec<_> = loads.iter().filter_map(|l| l.program.as_ref()).collect();
    assert_eq!(ok.len(), 2);
    assert_eq!(
        loads[3].diagnostics[0].message(Lang::En),
        "is a directory, not a board file"
    );
    let (code, out) = rectify(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("03-broken.ron:14:21: error: unknown status `Doingg`"),
        "{out}"
    );
    assert!(out.contains("checked 4 files: 2 programs"), "{out}");
}

#[test]
fn the_same_program_id_in_two_files_refuses_the_second() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy("boards/01-fraud.ron", dir.path().join("a.ron")).unwrap();
    fs::copy("boards/01-fraud.ron", dir.path().join("b.ron")).unwrap();
    let loads = storage::load_dir(dir.path()).unwrap();
    assert!(loads[0].program.is_some());
    assert!(loads[1].program.is_none());
    assert!(
        loads[1].diagnostics[0]
            .message(Lang::En)
            .starts_with("program id `fraud` is already used by")
    );
}

#[test]
fn bad_usage_exits_2() {
    let (code, _) = rectify(&["check", "--no-such-flag"]);
    assert_eq!(code, 2);
}

/// The folder files' fixtures: a folder each, with one small board and a broken
/// `problems.ron` or `rectify.ron`, and beside it the exact messages `check` gives.
fn folder_fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir("tests/fixtures/problems")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    assert!(v.len() >= 7, "fixtures missing: {v:?}");
    v
}

#[test]
fn broken_folder_files_get_the_recorded_message_through_the_binary_and_the_library() {
    for dir in folder_fixtures() {
        let d = dir.to_str().unwrap();
        for (lang, code) in LANGS {
            let (exit, out) = rectify(&["check", "--lang", code, d]);
            assert_eq!(exit, 1, "{d}: {out}");
            let (body, summary) = out.trim_end().rsplit_once('\n').unwrap();
            assert_eq!(format!("{body}\n"), expected(&dir, lang), "{d} {lang:?}");
            assert!(
                summary.contains("1 error") || summary.contains("错误 1 个"),
                "{summary}"
            );
            let report = rectify::check::check(std::slice::from_ref(&dir));
            let got: String = report
                .diagnostics()
                .map(|d| format!("{}\n", d.render(lang)))
                .collect();
            assert_eq!(got, expected(&dir, lang), "{d} {lang:?}");
        }
    }
}

#[test]
fn the_folder_files_are_never_taken_for_boards() {
    let (code, out) = rectify(&["check", "--lang", "en", "boards/problems.ron"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("checked 1 file: 0 programs"), "{out}");
    let loads = storage::load_dir(Path::new("boards")).unwrap();
    assert_eq!(loads.len(), 9);
    assert!(loads.iter().all(|l| l.program.is_some()));
    for name in ["rectify.ron", "problems.ron"] {
        assert!(!storage::is_board_path(
            Path::new("boards").join(name).as_path()
        ));
        assert!(storage::is_watched_path(
            Path::new("boards").join(name).as_path()
        ));
    }
}
