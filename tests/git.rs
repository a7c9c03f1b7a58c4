//! Boards in a git work tree: the detail pane's changes from git's history, `--since` a
//! revision, and `--git-commit`. The repositories are made with gix in temporary folders, so
//! the tests need no `git` binary (as the program needs none).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use chrono::NaiveDateTime;
use crossterm::event::KeyCode;
use rectify::cli::BoardArgs;
use rectify::git::Repo;
use rectify::git::commit::Committer;
use rectify::storage::git_history::Cache;
use rectify::storage::git_worker::{self as worker, Request};
use rectify::tui::{self, Driver, Event, Step};

/// A work tree holding `boards/01-fraud.ron`, committed by 整改办, its `.git` config given
/// `extra_config`.
struct Site {
    tmp: tempfile::TempDir,
    file: PathBuf,
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

impl Site {
    fn new(extra_config: &str) -> Site {
        let tmp = tempfile::tempdir().unwrap();
        gix::init(tmp.path()).unwrap();
        if !extra_config.is_empty() {
            let config = tmp.path().join(".git/config");
            let mut text = fs::read_to_string(&config).unwrap();
            text.push_str(extra_config);
            fs::write(&config, text).unwrap();
        }
        fs::create_dir(tmp.path().join("boards")).unwrap();
        let file = tmp.path().join("boards/01-fraud.ron");
        fs::copy("boards/01-fraud.ron", &file).unwrap();
        fs::write(tmp.path().join("README.txt"), "说明\n").unwrap();
        let site = Site { tmp, file };
        site.commit_as("整改办", "2023-07-01 09:00", "the board");
        let readme = site.tmp.path().join("README.txt");
        site.repo()
            .commit_file(&readme, &who("整改办", "2023-07-01 09:01"), "readme")
            .unwrap();
        site
    }

    fn dir(&self) -> PathBuf {
        self.tmp.path().join("boards")
    }

    fn repo(&self) -> Repo {
        Repo::discover(&self.dir()).expect("the temp folder is a work tree")
    }

    /// Replaces `from` by `to` in the board file, as an editor would.
    fn change(&self, from: &str, to: &str) {
        let text = fs::read_to_string(&self.file).unwrap();
        assert!(text.contains(from), "{from} not in the board");
        fs::write(&self.file, text.replacen(from, to, 1)).unwrap();
    }

    fn commit_as(&self, name: &str, when: &str, message: &str) {
        let id = self
            .repo()
            .commit_file(&self.file, &who(name, when), message)
            .unwrap();
        assert!(id.is_some(), "nothing to commit for {message}");
    }

    /// A colleague at another site (李四) moves ZP-03 from 50 % to 85 %, and later blocks
    /// ZP-04.
    fn with_colleague(self) -> Site {
        self.change(
            "status: InProgress,\n            progress: 50,",
            "status: InProgress,\n            progress: 85,",
        );
        self.commit_as("李四", "2023-07-10 14:30", "ZP-03 进度");
        self.change(
            "status: InProgress,\n            progress: 60,",
            "status: Blocked(\"待审批\"),\n            progress: 60,",
        );
        self.commit_as("李四", "2023-07-12 16:00", "ZP-04 受阻");
        self
    }

    fn board_args(&self) -> BoardArgs {
        BoardArgs {
            today: Some(common::today()),
            ..BoardArgs::new(self.dir())
        }
    }

    fn rectify(&self, args: &[&str]) -> (i32, String, String) {
        let out = common::rectify_in("zh_CN.UTF-8")
            .current_dir(self.tmp.path())
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

fn who<'a>(name: &'a str, when: &str) -> Committer<'a> {
    Committer { name, at: at(when) }
}

fn request(file: &Path, measure: &str) -> Request {
    Request {
        file: file.to_owned(),
        program: "fraud".into(),
        measure: measure.into(),
        saves: 5,
    }
}

#[test]
fn the_worker_names_the_colleague_who_changed_a_measure_and_what() {
    let site = Site::new("").with_colleague();
    let repo = site.repo();
    let mut cache = Cache::default();
    let a = worker::answer(Some(&repo), request(&site.file, "ZP-03"), &mut cache);
    assert_eq!(a.error, None);
    let said: Vec<(&str, &str, &str, &str)> = a
        .lines
        .iter()
        .map(|h| {
            (
                h.at.as_str(),
                h.user.as_str(),
                h.field.as_str(),
                h.change.as_str(),
            )
        })
        .collect();
    assert_eq!(
        said,
        [("2023-07-10T14:30:00", "李四", "progress", "50 → 85")],
        "only ZP-03's own change, by its author, at the author's time"
    );
    let b = worker::answer(Some(&repo), request(&site.file, "ZP-04"), &mut cache);
    assert_eq!(b.lines.len(), 1);
    assert_eq!(b.lines[0].field, "status");
    assert_eq!(b.lines[0].change, "InProgress → Blocked(\"待审批\")");
    let untouched = worker::answer(Some(&repo), request(&site.file, "ZP-01"), &mut cache);
    assert!(untouched.lines.is_empty(), "{:?}", untouched.lines);
}

#[test]
fn the_worker_stops_at_the_saves_the_pane_shows_oldest_first() {
    let site = Site::new("");
    for (i, p) in [60, 70, 80].iter().enumerate() {
        let before = if i == 0 { 50 } else { p - 10 };
        site.change(
            &format!("status: InProgress,\n            progress: {before},"),
            &format!("status: InProgress,\n            progress: {p},"),
        );
        site.commit_as("王五", &format!("2023-07-1{i} 10:00"), "step");
    }
    let repo = site.repo();
    let mut r = request(&site.file, "ZP-03");
    r.saves = 2;
    let a = worker::answer(Some(&repo), r, &mut Cache::default());
    let changes: Vec<&str> = a.lines.iter().map(|h| h.change.as_str()).collect();
    assert_eq!(changes, ["60 → 70", "70 → 80"]);
}

/// The board as the loop runs it: drawn first, the worker started after, its answer filling
/// the detail pane.
fn board_after_git(site: &Site) -> (Driver, String, String) {
    let session = tui::prepare(&site.board_args(), common::now()).unwrap();
    let mut driver = Driver::new(session, true);
    let app = &mut driver.session.app;
    rectify::app::update(app, rectify::app::Action::Resize(160, 45));
    common::press(app, &[KeyCode::Enter, KeyCode::Down, KeyCode::Down]);
    assert_eq!(app.measure_sel.as_deref(), Some("ZP-03"));
    let before = common::screen(&driver.session.app, &common::dark());
    let (tx, rx) = mpsc::channel();
    driver.git_events = Some(tx);
    driver.start_git();
    let ev = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the git worker answers");
    assert!(matches!(ev, Event::Git(_)));
    assert_eq!(driver.step(Ok(ev)), Step::Redraw);
    let after = common::screen(&driver.session.app, &common::dark());
    (driver, before, after)
}

#[test]
fn the_detail_pane_fills_in_the_colleagues_change_from_git() {
    let site = Site::new("").with_colleague();
    let (_, before, after) = board_after_git(&site);
    assert!(
        !before.contains("李四"),
        "the board is drawn before git is read:\n{before}"
    );
    assert!(after.contains("修改记录"), "{after}");
    let line = after
        .lines()
        .find(|l| l.contains("李四"))
        .unwrap_or_else(|| panic!("no line by 李四:\n{after}"));
    assert!(line.contains("2023-07-10 14:30:00"), "{line}");
    assert!(line.contains("进度 50% → 85%"), "{line}");
}

#[test]
fn a_save_committed_with_git_commit_is_listed_once() {
    let site = Site::new("").with_colleague();
    let (code, _, err) = site.rectify(&[
        "set",
        "boards/01-fraud.ron",
        "ZP-03",
        "--progress",
        "90",
        "--user",
        "王五",
        "--git-commit",
    ]);
    assert_eq!(code, 0, "{err}");
    let (_, _, after) = board_after_git(&site);
    assert_eq!(after.matches("85% → 90%").count(), 1, "{after}");
    let mine: Vec<&str> = after.lines().filter(|l| l.contains("85% → 90%")).collect();
    assert!(mine[0].contains("王五"), "{}", mine[0]);
    assert!(after.contains("李四"), "{after}");
}

#[test]
fn outside_a_repository_the_pane_keeps_the_history_file_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("01-fraud.ron");
    fs::copy("boards/01-fraud.ron", &file).unwrap();
    assert!(Repo::discover(tmp.path()).is_none());
    let a = worker::answer(None, request(&file, "ZP-03"), &mut Cache::default());
    assert!(a.lines.is_empty() && a.error.is_none());
    let (code, _, err) = common::rectify(&[
        "set",
        file.to_str().unwrap(),
        "ZP-03",
        "--progress",
        "70",
        "--lang",
        "en",
        "--git-commit",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("saved, but not committed to git") && err.contains("not in a git work tree"),
        "{err}"
    );
    assert!(fs::read_to_string(&file).unwrap().contains("progress: 70"));
}

#[test]
fn report_since_a_revision_lists_what_changed_after_it() {
    let site = Site::new("").with_colleague();
    let (code, out, err) = site.rectify(&[
        "report",
        "boards",
        "--today",
        "2023-07-15",
        "--since",
        "HEAD~1",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("与 2023年7月10日 的快照相比"), "{out}");
    assert!(
        out.contains("ZP-04") && out.contains("推进中 → 受阻"),
        "{out}"
    );
}

#[test]
fn since_that_is_neither_a_file_nor_a_revision_is_refused_clearly() {
    let site = Site::new("");
    let (code, _, err) = site.rectify(&["report", "boards", "--since", "meeting-0715"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("meeting-0715")
            && err.contains("无法读取快照")
            && err.contains("也不是 git 修订版本"),
        "{err}"
    );
    let tmp = tempfile::tempdir().unwrap();
    fs::copy("boards/01-fraud.ron", tmp.path().join("01-fraud.ron")).unwrap();
    let (code, _, err) = common::rectify(&[
        "report",
        tmp.path().to_str().unwrap(),
        "--since",
        "HEAD~1",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("cannot read the snapshot")
            && err.contains("the boards folder is not in a git repository"),
        "{err}"
    );
}

#[test]
fn the_board_compares_with_a_revision_on_c() {
    let site = Site::new("").with_colleague();
    let args = BoardArgs {
        since: Some(PathBuf::from("HEAD~1")),
        ..site.board_args()
    };
    let mut session = tui::prepare(&args, common::now()).unwrap();
    let app = &mut session.app;
    rectify::app::update(app, rectify::app::Action::Resize(160, 45));
    common::press(app, &[KeyCode::Char('c')]);
    let screen = common::screen(app, &common::dark());
    assert!(screen.contains("2023年7月10日"), "{screen}");
    assert!(screen.contains("ZP-04"), "{screen}");
    assert!(screen.contains("受阻"), "{screen}");
}

#[test]
fn git_commit_commits_only_the_board_authored_by_the_user() {
    let site = Site::new("[user]\n\temail = wang5@province.gov.cn\n");
    // Another file changed and not to be committed.
    fs::write(site.tmp.path().join("README.txt"), "改过的说明\n").unwrap();
    let (code, out, err) = site.rectify(&[
        "set",
        "boards/01-fraud.ron",
        "ZP-03",
        "--progress",
        "80",
        "--user",
        "王五",
        "--git-commit",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已提交到 git："), "{out}");

    let repo = gix::open(site.tmp.path()).unwrap();
    let head = repo.head_commit().unwrap();
    let author = head.author().unwrap();
    assert_eq!(author.name, "王五");
    assert_eq!(author.email, "wang5@province.gov.cn");
    let message = head.message_raw().unwrap().to_string();
    assert!(message.contains("ZP-03 进度 50% → 80%"), "{message}");
    let parent = repo.find_commit(head.parent_ids().next().unwrap()).unwrap();
    let mut changed = Vec::new();
    for path in ["boards/01-fraud.ron", "README.txt"] {
        let id = |c: &gix::Commit<'_>| {
            c.tree()
                .unwrap()
                .lookup_entry_by_path(path)
                .unwrap()
                .map(|e| e.object_id())
        };
        if id(&head) != id(&parent) {
            changed.push(path);
        }
    }
    assert_eq!(changed, ["boards/01-fraud.ron"]);
    // The index agrees with the commit: git shows the board clean.
    let index = repo.open_index().unwrap();
    let entry = index
        .entry_by_path("boards/01-fraud.ron".into())
        .expect("the board is in the index");
    let committed = head
        .tree()
        .unwrap()
        .lookup_entry_by_path("boards/01-fraud.ron")
        .unwrap()
        .unwrap()
        .object_id();
    assert_eq!(entry.id, committed);
}

#[test]
fn git_commit_from_config_commits_a_new_board() {
    let site = Site::new("");
    let config = site.tmp.path().join("config.ron");
    fs::write(&config, "(git_commit: true, user: \"赵六\")\n").unwrap();
    let (code, out, err) = site.rectify(&[
        "--config",
        config.to_str().unwrap(),
        "new",
        "boards/10-campus.ron",
        "--id",
        "campus",
        "--title",
        "校园安全专项整治",
        "--lead",
        "治安局",
        "--start",
        "2023-08-01",
        "--due",
        "2023-12-31",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已提交到 git："), "{out}");
    let repo = gix::open(site.tmp.path()).unwrap();
    let head = repo.head_commit().unwrap();
    assert!(
        head.tree()
            .unwrap()
            .lookup_entry_by_path("boards/10-campus.ron")
            .unwrap()
            .is_some()
    );
}
