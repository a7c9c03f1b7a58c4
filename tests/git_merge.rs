//! Two sites sharing boards through a bare repository, with the real `git` binary and the
//! merge driver installed by `rectify git setup`: what `git pull` makes of edits at both sites.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const BOARD: &str = "boards/01-fraud.ron";

/// Commands run as in a clean account: no global git config, no rectify config.
fn command(program: &str) -> Command {
    let mut c = Command::new(program);
    c.env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
        .env("RECTIFY_USER", "测试员")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

fn run(mut c: Command) -> Output {
    c.output().unwrap()
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let mut c = command("git");
    c.arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Site", "-c", "user.email=site@example.org"])
        .args(args);
    run(c)
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn rectify(args: &[&str]) -> Output {
    let mut c = command(env!("CARGO_BIN_EXE_rectify"));
    c.args(args);
    run(c)
}

/// A ministry and a province: two clones of one bare repository holding the fraud board,
/// each set up with `rectify git setup`.
struct Sites {
    _tmp: TempDir,
    ministry: PathBuf,
    province: PathBuf,
}

impl Sites {
    fn new() -> Sites {
        let tmp = TempDir::new().unwrap();
        let hub = tmp.path().join("hub.git");
        ok(git(
            tmp.path(),
            &["init", "-q", "--bare", "-b", "main", hub.to_str().unwrap()],
        ));
        let ministry = tmp.path().join("ministry");
        let province = tmp.path().join("province");
        ok(git(
            tmp.path(),
            &[
                "clone",
                "-q",
                hub.to_str().unwrap(),
                ministry.to_str().unwrap(),
            ],
        ));
        fs::create_dir(ministry.join("boards")).unwrap();
        fs::copy(BOARD, ministry.join(BOARD)).unwrap();
        let said = ok(rectify(&[
            "git",
            "setup",
            ministry.join("boards").to_str().unwrap(),
        ]));
        assert!(said.contains("merge.rectify.driver"), "{said}");
        ok(git(&ministry, &["add", "-A"]));
        ok(git(&ministry, &["commit", "-q", "-m", "boards"]));
        ok(git(&ministry, &["push", "-q", "origin", "HEAD:main"]));
        ok(git(
            tmp.path(),
            &[
                "clone",
                "-q",
                hub.to_str().unwrap(),
                province.to_str().unwrap(),
            ],
        ));
        ok(rectify(&[
            "git",
            "setup",
            province.join("boards").to_str().unwrap(),
        ]));
        Sites {
            _tmp: tmp,
            ministry,
            province,
        }
    }

    /// `rectify set` at a site, committed and (for the ministry) pushed.
    fn set(site: &Path, args: &[&str]) {
        let file = site.join(BOARD);
        let mut all = vec!["set", file.to_str().unwrap()];
        all.extend_from_slice(args);
        ok(rectify(&all));
        ok(git(site, &["commit", "-q", "-am", "edit"]));
    }

    /// The province pulls the ministry's pushed work.
    fn pull(&self) -> Output {
        ok(git(&self.ministry, &["push", "-q", "origin", "HEAD:main"]));
        git(&self.province, &["pull", "--no-rebase", "origin", "main"])
    }

    fn board(&self) -> rectify::domain::Program {
        let load = rectify::storage::load_file(&self.province.join(BOARD));
        load.program
            .unwrap_or_else(|| panic!("{:?}", load.diagnostics))
    }
}

#[test]
fn neighbouring_fields_of_one_measure_and_different_measures_merge_cleanly() {
    let sites = Sites::new();
    Sites::set(&sites.ministry, &["ZP-03", "--progress", "70"]);
    Sites::set(
        &sites.ministry,
        &["ZP-05", "--status", "blocked", "--reason", "待银行数据"],
    );
    Sites::set(&sites.province, &["ZP-03", "--note", "省厅：已收网两批"]);
    Sites::set(&sites.province, &["ZP-04", "--progress", "75"]);
    let pulled = sites.pull();
    assert!(
        pulled.status.success(),
        "{}",
        String::from_utf8_lossy(&pulled.stderr)
    );
    let p = sites.board();
    let m = |id: &str| p.measure(id).unwrap().clone();
    assert_eq!(m("ZP-03").progress, 70);
    assert_eq!(m("ZP-03").notes, "省厅：已收网两批");
    assert_eq!(m("ZP-04").progress, 75);
    assert_eq!(
        m("ZP-05").status,
        rectify::domain::Status::Blocked("待银行数据".into())
    );
    // The comments of the shared board are still there.
    let text = fs::read_to_string(sites.province.join(BOARD)).unwrap();
    assert!(text.contains("// 打击：集群战役与专项行动"));
    let checked = rectify(&["check", sites.province.join(BOARD).to_str().unwrap()]);
    assert!(checked.status.success(), "{checked:?}");
    // The merge is committed and the local files stayed out of it.
    let status = ok(git(&sites.province, &["status", "--porcelain"]));
    assert_eq!(status, "", "nothing left uncommitted or untracked");
}

#[test]
fn measures_added_at_both_sites_are_both_kept_ours_first() {
    let sites = Sites::new();
    let add = |site: &Path, title: &str, id: &str| {
        let file = site.join(BOARD);
        ok(rectify(&[
            "add",
            file.to_str().unwrap(),
            "--id",
            id,
            "--title",
            title,
            "--owner",
            "刑侦局",
            "--due",
            "2023-11-30",
            "--force",
        ]));
        ok(git(site, &["commit", "-q", "-am", "add"]));
    };
    add(&sites.ministry, "部里新增", "ZP-20");
    add(&sites.province, "省里新增", "ZP-21");
    let pulled = sites.pull();
    assert!(pulled.status.success(), "{pulled:?}");
    let ids: Vec<String> = sites
        .board()
        .measures
        .iter()
        .map(|m| m.id.clone())
        .collect();
    let (ours, theirs) = (
        ids.iter().position(|i| i == "ZP-21").unwrap(),
        ids.iter().position(|i| i == "ZP-20").unwrap(),
    );
    assert!(ours < theirs, "{ids:?}");
}

#[test]
fn the_same_field_at_both_sites_is_a_conflict_that_check_points_at() {
    let sites = Sites::new();
    Sites::set(&sites.ministry, &["ZP-03", "--progress", "70"]);
    Sites::set(&sites.province, &["ZP-03", "--progress", "65"]);
    Sites::set(&sites.province, &["ZP-04", "--note", "省厅备注"]);
    let pulled = sites.pull();
    assert!(!pulled.status.success(), "a conflict must stop the merge");
    let said = String::from_utf8_lossy(&pulled.stdout).into_owned()
        + &String::from_utf8_lossy(&pulled.stderr);
    assert!(
        said.contains("measure ZP-03, field progress: ours 65, theirs 70"),
        "{said}"
    );
    let text = fs::read_to_string(sites.province.join(BOARD)).unwrap();
    assert!(text.contains("// merge conflict: measure ZP-03, field progress: ours 65, theirs 70"));
    assert!(text.contains("<<<<<<< ours\n            progress: 65,\n=======\n            progress: 70,\n>>>>>>> theirs\n"), "{text}");
    // The edit that did not conflict is in.
    assert!(text.contains("notes: \"省厅备注\""));
    let checked = rectify(&["check", sites.province.join(BOARD).to_str().unwrap()]);
    assert!(!checked.status.success());
    let out = String::from_utf8_lossy(&checked.stdout);
    let line = text.lines().position(|l| l == "<<<<<<< ours").unwrap() + 1;
    assert!(
        out.contains(&format!(
            "01-fraud.ron:{line}:1: error: unresolved merge conflict"
        )),
        "{out}"
    );
    // Choosing a side gives a board that checks clean.
    let resolved = text
        .lines()
        .filter(|l| !l.starts_with("<<<<<<<") && !l.starts_with(">>>>>>>"))
        .collect::<Vec<_>>()
        .join("\n");
    let resolved = resolved.replace("            progress: 65,\n=======\n", "");
    fs::write(sites.province.join(BOARD), resolved).unwrap();
    let checked = rectify(&["check", sites.province.join(BOARD).to_str().unwrap()]);
    assert!(checked.status.success(), "{checked:?}");
    assert_eq!(sites.board().measure("ZP-03").unwrap().progress, 70);
}

#[test]
fn setup_twice_changes_nothing_the_second_time() {
    let sites = Sites::new();
    let boards = sites.province.join("boards");
    let said = ok(rectify(&["git", "setup", boards.to_str().unwrap()]));
    assert!(said.contains("already has what is needed"), "{said}");
    assert!(said.contains("merge.rectify.driver already set"), "{said}");
    let attrs = fs::read_to_string(boards.join(".gitattributes")).unwrap();
    assert_eq!(attrs, "*.ron merge=rectify\n");
    let ignore = fs::read_to_string(boards.join(".gitignore")).unwrap();
    assert_eq!(
        ignore,
        "rectify-history.tsv\n.rectify.lock\n.rectify-*.tmp\n"
    );
    let driver = ok(git(
        &sites.province,
        &["config", "--local", "merge.rectify.driver"],
    ));
    assert!(
        driver.trim().ends_with(" git merge %O %A %B %P"),
        "{driver}"
    );
}

#[test]
fn setup_outside_a_repository_says_so() {
    let tmp = TempDir::new().unwrap();
    let out = rectify(&["git", "setup", tmp.path().to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not inside a git repository"), "{err}");
    assert!(!tmp.path().join(".gitattributes").exists());
}

#[test]
fn a_side_that_does_not_parse_falls_back_to_git_text_merge() {
    let tmp = TempDir::new().unwrap();
    let base = fs::read_to_string(BOARD).unwrap();
    let ours = base.replace("progress: 50,", "progress: 55,");
    // A half-finished hand edit at the other site: an unclosed string.
    let theirs = base.replace(
        "progress: 60,",
        "progress: 60,\n            notes: \"未写完,",
    );
    let paths: Vec<PathBuf> = ["base", "ours", "theirs"]
        .iter()
        .map(|n| tmp.path().join(format!("{n}.ron")))
        .collect();
    for (p, t) in paths.iter().zip([&base, &ours, &theirs]) {
        fs::write(p, t).unwrap();
    }
    let s = |p: &PathBuf| p.to_str().unwrap().to_owned();
    let out = rectify(&[
        "git",
        "merge",
        &s(&paths[0]),
        &s(&paths[1]),
        &s(&paths[2]),
        BOARD,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("using git's text merge"), "{err}");
    // Git's text merge combined the lines; the result is not passed off as a good board.
    let merged = fs::read_to_string(&paths[1]).unwrap();
    assert!(merged.contains("progress: 55,") && merged.contains("未写完"));
}
