//! Writing edits back: no lost update between processes or against an editor, no torn file
//! when killed mid-write, permissions kept, clear refusals.

mod common;

use common::rectify;

use rectify::i18n::Lang;
use std::fs;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::NaiveDateTime;
use rectify::domain::edit::{Edit, Field, Value};
use rectify::domain::{Date, Program, Status};
use rectify::storage::save::{self, Author, HISTORY_FILE, SaveError};
use rectify::storage::{ContentHash, load_file};

const FRAUD: &str = "boards/01-fraud.ron";

fn board(dir: &Path) -> PathBuf {
    let p = dir.join("01-fraud.ron");
    fs::copy(FRAUD, &p).unwrap();
    p
}

fn program(p: &Path) -> Program {
    let load = load_file(p);
    load.program
        .unwrap_or_else(|| panic!("{:?}", load.diagnostics))
}

fn author() -> Author {
    Author {
        user: "测试员".into(),
        at: NaiveDateTime::parse_from_str("2023-07-15 09:30:00", "%Y-%m-%d %H:%M:%S").unwrap(),
    }
}

fn hash(p: &Path) -> ContentHash {
    ContentHash::of(&fs::read(p).unwrap())
}

#[test]
fn an_edit_on_the_version_seen_is_written_with_history() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    let m = program(&p).measure("ZP-03").unwrap().clone();
    let saved = save::save(&p, Some(hash(&p)), &Edit::progress(&m, 70), &author()).unwrap();
    assert!(!saved.rebased);
    assert_eq!(saved.hash, hash(&p));
    assert_eq!(program(&p).measure("ZP-03").unwrap().progress, 70);
    let history = fs::read_to_string(dir.path().join(HISTORY_FILE)).unwrap();
    assert_eq!(
        history,
        "2023-07-15T09:30:00\t测试员\tfraud\tZP-03\tprogress\t50 → 70\n"
    );
    assert_eq!(save::read_history(dir.path())[0].change, "50 → 70");
}

#[test]
fn a_colleagues_edit_to_another_field_is_kept_and_ours_goes_on_top() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    let seen = hash(&p);
    let m = program(&p).measure("ZP-03").unwrap().clone();
    // A colleague changes the status of the same measure meanwhile.
    let theirs = fs::read_to_string(&p).unwrap().replacen(
        "            status: InProgress,\n            progress: 50,",
        "            status: Done,\n            progress: 50,",
        1,
    );
    fs::write(&p, &theirs).unwrap();
    let saved = save::save(&p, Some(seen), &Edit::note(&m, "我们的备注"), &author()).unwrap();
    assert!(saved.rebased);
    let now = program(&p);
    let zp3 = now.measure("ZP-03").unwrap();
    assert_eq!(zp3.status, Status::Done, "their edit kept");
    assert_eq!(zp3.notes, "我们的备注", "our edit applied");
}

#[test]
fn the_same_field_changed_by_a_colleague_is_a_conflict_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    let seen = hash(&p);
    let m = program(&p).measure("ZP-03").unwrap().clone();
    let theirs = fs::read_to_string(&p).unwrap().replacen(
        "            progress: 50,",
        "            progress: 90,",
        1,
    );
    fs::write(&p, &theirs).unwrap();
    let err = save::save(&p, Some(seen), &Edit::progress(&m, 60), &author()).unwrap_err();
    let SaveError::Conflict(cs) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(cs[0].field, Field::Progress);
    assert_eq!(
        (cs[0].base.clone(), cs[0].ours.clone(), cs[0].theirs.clone()),
        (
            Value::Progress(50),
            Value::Progress(60),
            Value::Progress(90)
        )
    );
    assert_eq!(fs::read_to_string(&p).unwrap(), theirs, "file untouched");
    let en = err.text(Lang::En);
    assert!(
        en.contains("the progress was changed by someone else to 90% (you saw 50%, you want 60%)"),
        "{en}"
    );
    let zh = err.text(Lang::Zh);
    assert!(
        zh.contains("进度已被他人改为 90%（你看到的是 50%，你要改为 60%）"),
        "{zh}"
    );
    // The same change made by both is no conflict.
    let same = save::save(&p, Some(seen), &Edit::progress(&m, 90), &author()).unwrap();
    assert!(same.rebased);
}

#[cfg(unix)]
#[test]
fn the_files_permissions_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    let m = program(&p).measure("ZP-03").unwrap().clone();
    save::save(&p, None, &Edit::progress(&m, 55), &author()).unwrap();
    assert_eq!(
        fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[cfg(unix)]
#[test]
fn a_write_protected_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&p).unwrap();
    let m = program(&p).measure("ZP-03").unwrap().clone();
    let err = save::save(&p, None, &Edit::progress(&m, 55), &author()).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnly(_)), "{err:?}");
    let (en, zh) = (err.text(Lang::En), err.text(Lang::Zh));
    assert!(
        en.contains("read-only") && en.contains("01-fraud.ron"),
        "{en}"
    );
    assert!(zh.contains("只读"), "{zh}");
    assert_eq!(fs::read(&p).unwrap(), before);
}

#[test]
fn a_file_broken_meanwhile_is_not_edited() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    let m = program(&p).measure("ZP-03").unwrap().clone();
    let broken =
        fs::read_to_string(&p)
            .unwrap()
            .replacen("status: InProgress", "status: Doingg", 1);
    fs::write(&p, &broken).unwrap();
    let err = save::save(&p, None, &Edit::progress(&m, 55), &author()).unwrap_err();
    let (en, zh) = (err.text(Lang::En), err.text(Lang::Zh));
    assert!(en.contains("unknown status `Doingg`"), "{en}");
    assert!(zh.contains("未知的状态 `Doingg`"), "{zh}");
    assert_eq!(fs::read_to_string(&p).unwrap(), broken);
}

#[test]
fn rectify_set_reports_and_exits_1_on_bad_values() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    let path = p.to_str().unwrap();
    let (code, out, _) = rectify(&["set", path, "ZP-03", "--status", "done", "--user", "王五"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim_end(),
        format!("{path}: ZP-03 状态 推进中 → 已完成")
    );
    // Each mistake in both languages.
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["--progress", "300"],
            "--progress: progress \"300\" is out of range: write a whole number from 0 to 100",
            "--progress：进度“300”超出范围：请写 0 到 100 的整数",
        ),
        (
            &["--due", "2023-02-30"],
            "--due: invalid date \"2023-02-30\" (February 2023 has 28 days): write 2023-07-15",
            "--due：日期“2023-02-30”无效（2023年2月只有28天）：可写 2023-07-15",
        ),
        (
            &["--status", "doingg"],
            "unknown status `doingg`",
            "未知的状态 `doingg`",
        ),
        (
            &["--status", "blocked"],
            "--status blocked needs --reason",
            "--status blocked 需要用 --reason",
        ),
        (&[], "nothing to change", "没有要修改的内容"),
    ];
    for (extra, en, zh) in cases {
        for (lang, want) in [("en", en), ("zh", zh)] {
            let mut args = vec!["set", path, "ZP-03", "--lang", lang];
            args.extend_from_slice(extra);
            let (code, _, err) = rectify(&args);
            assert_eq!(code, 1, "{extra:?}");
            assert!(err.contains(want), "{extra:?}: {err}");
        }
    }
    let (code, _, err) = rectify(&["set", path, "NOPE", "--progress", "5", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(err.contains("no measure `NOPE`"), "{err}");
    let (_, _, err) = rectify(&["set", path, "NOPE", "--progress", "5", "--lang", "zh"]);
    assert!(err.contains("中没有措施 `NOPE`"), "{err}");
    let (code, _, _) = rectify(&["set", path, "ZP-03", "--no-such-flag"]);
    assert_eq!(code, 2);
}

#[test]
fn concurrent_rectify_set_processes_lose_no_edit() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    let ids = ["ZP-01", "ZP-03", "ZP-04", "ZP-05", "ZP-06"];
    const EACH: usize = 40;
    let start = Date::parse("2023-08-01").unwrap();
    std::thread::scope(|scope| {
        for id in ids {
            let p = p.clone();
            scope.spawn(move || {
                for i in 0..EACH {
                    // Each edit appends a revised deadline, so every one must be in the end.
                    // --force: the first may be earlier than the deadline it replaces.
                    let due = start.add_days(i as i64).to_string();
                    let path = p.to_str().unwrap();
                    let (code, _, err) = rectify(&["set", path, id, "--due", &due, "--force"]);
                    assert_eq!(code, 0, "{id} {i}: {err}");
                }
            });
        }
    });
    let prog = program(&p);
    for id in ids {
        let m = prog.measure(id).unwrap();
        let original = fs::read_to_string(FRAUD)
            .unwrap()
            .contains(&format!("id: \"{id}\",\n            title"));
        assert!(original);
        let ours: Vec<Date> = m.revised.iter().copied().filter(|d| *d >= start).collect();
        let want: Vec<Date> = (0..EACH).map(|i| start.add_days(i as i64)).collect();
        assert_eq!(ours, want, "{id}");
    }
    // One line per save, each whole; the file, not the board's bounded tail of it.
    let history = fs::read_to_string(dir.path().join(HISTORY_FILE)).unwrap();
    assert_eq!(history.lines().count(), ids.len() * EACH);
    assert!(history.lines().all(|l| l.split('\t').count() == 6));
}

#[test]
fn killing_a_writer_at_random_moments_never_leaves_a_torn_board() {
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    let path = p.to_str().unwrap().to_owned();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut killed = 0;
    for i in 0..150 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rectify"))
            // Hermetic: no developer config reaches the binary under test.
            .env("RECTIFY_CONFIG", "/nonexistent/rectify-test-config.ron")
            .args([
                "set",
                &path,
                "ZP-03",
                "--note",
                &format!("第{i}次，被杀前写下的备注").repeat(20),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 4000));
        if child.try_wait().unwrap().is_none() {
            killed += 1;
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let load = load_file(&p);
        assert!(
            load.program.is_some(),
            "after kill {i}: {:?}",
            load.diagnostics
        );
    }
    assert!(
        killed > 20,
        "only {killed} writers were killed mid-run; the test proves little"
    );
}

#[test]
fn a_save_sweeps_its_own_stale_temp_files_and_nothing_else() {
    use chrono::TimeZone;
    let dir = tempfile::tempdir().unwrap();
    let p = board(dir.path());
    let who = author();
    let at = |minutes_before: i64| {
        let t = who.at - chrono::TimeDelta::minutes(minutes_before);
        std::time::SystemTime::from(chrono::Local.from_local_datetime(&t).earliest().unwrap())
    };
    let make = |name: &str, minutes_before: i64| {
        let f = dir.path().join(name);
        fs::write(&f, "half a board").unwrap();
        fs::File::options()
            .write(true)
            .open(&f)
            .unwrap()
            .set_modified(at(minutes_before))
            .unwrap();
        f
    };
    // A crash's leftovers, a colleague's save in progress, and files that are not ours.
    let stale = [
        make(".rectify-AbC123.tmp", 61),
        make(".rectify-x.tmp", 60 * 24 * 3),
    ];
    let kept = [
        make(".rectify-Fresh1.tmp", 59),
        make(".rectify-old.txt", 120),
        make(".other-tool-1.tmp", 120),
        make("rectify-notes.tmp", 120),
        make("02-old.ron.tmp", 120),
    ];
    let before: Vec<_> = kept.iter().map(|f| fs::read(f).unwrap()).collect();
    // The board never lists them, old or new.
    let listed: Vec<PathBuf> = rectify::storage::load_dir(dir.path())
        .unwrap()
        .into_iter()
        .map(|l| l.path)
        .collect();
    assert_eq!(listed, vec![p.clone()]);

    let m = program(&p).measure("ZP-03").unwrap().clone();
    save::save(&p, Some(hash(&p)), &Edit::progress(&m, 70), &who).unwrap();
    for f in &stale {
        assert!(!f.exists(), "{} was left", f.display());
    }
    for (f, bytes) in kept.iter().zip(&before) {
        assert_eq!(&fs::read(f).unwrap(), bytes, "{} was touched", f.display());
    }
    assert!(dir.path().join(save::LOCK_FILE).exists());
    assert_eq!(program(&p).measure("ZP-03").unwrap().progress, 70);
}
