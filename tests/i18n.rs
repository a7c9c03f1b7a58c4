//! Every text the interface shows exists in both languages, and each language is itself:
//! Chinese texts are in Chinese, English texts hold no Chinese.

mod common;

use common::*;
use crossterm::event::KeyCode::*;
use rectify::app::ChangeKind;
use rectify::app::keymap::{self, BINDINGS};
use rectify::domain::Date;
use rectify::domain::StatusKind;
use rectify::domain::schedule::Health;
use rectify::i18n::{CheckCounts, EN, Lang, Totals, ZH};
use rectify::storage::{IoCause, Problem, Severity};

fn cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn both(name: &str, zh: &str, en: &str) {
    assert!(!zh.trim().is_empty(), "{name}: Chinese missing");
    assert!(!en.trim().is_empty(), "{name}: English missing");
    assert!(cjk(zh), "{name}: the Chinese text is not Chinese: {zh:?}");
    assert!(!cjk(en), "{name}: the English text holds Chinese: {en:?}");
}

#[test]
fn every_label_and_message_exists_in_both_languages() {
    let (zh, en) = (ZH.strings(), EN.strings());
    assert_eq!(zh.len(), en.len());
    assert!(zh.len() > 90, "the list covers the whole interface");
    for ((name, z), (_, e)) in zh.iter().zip(&en) {
        both(name, z, e);
    }
}

#[test]
fn every_help_line_exists_in_both_languages() {
    for b in BINDINGS.iter().chain([&keymap::SUSPEND]) {
        both(b.keys, b.zh, b.en);
    }
}

#[test]
fn formatted_texts_exist_in_both_languages() {
    for k in StatusKind::ALL {
        both("status", (ZH.status)(k), (EN.status)(k));
    }
    for h in [Health::OnTrack, Health::AtRisk, Health::OffTrack] {
        both("health", (ZH.health)(h), (EN.health)(h));
    }
    for c in [
        ChangeKind::Updated,
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Broken,
        ChangeKind::Fixed,
    ] {
        both("change", (ZH.change)(c), (EN.change)(c));
    }
    for d in [-3, -1, 0, 1, 12] {
        both("days_left", &(ZH.days_left)(d), &(EN.days_left)(d));
    }
    let t = Totals {
        programs: 9,
        measures: 99,
        finished_pct: Some(26),
        signed_off: 15,
        overdue: 4,
        due_soon: 4,
        due_soon_days: 10,
    };
    both("totals", &(ZH.totals)(&t), &(EN.totals)(&t));
    assert!((ZH.totals)(&t).ends_with("10天内到期 4"));
    assert!((EN.totals)(&t).ends_with("4 due ≤10 days"));
    for d in [7, 14] {
        both("bucket_week", &(ZH.bucket_week)(d), &(EN.bucket_week)(d));
        both("attention", &(ZH.attention)(d), &(EN.attention)(d));
    }
    both(
        "too_small",
        &(ZH.too_small)((60, 16), (50, 12)),
        &(EN.too_small)((60, 16), (50, 12)),
    );
    both(
        "conflict_line",
        &(ZH.conflict_line)("progress", "90", "60", "80"),
        &(EN.conflict_line)("progress", "90", "60", "80"),
    );
    both(
        "set_unknown_status",
        &(ZH.set_unknown_status)("doingg"),
        &(EN.set_unknown_status)("doingg"),
    );
    both(
        "set_no_measure",
        &(ZH.set_no_measure)("X-1", "a.ron"),
        &(EN.set_no_measure)("X-1", "a.ron"),
    );
    both(
        "folder_gone",
        &(ZH.folder_gone)("/srv/b"),
        &(EN.folder_gone)("/srv/b"),
    );
    both(
        "no_folder",
        &(ZH.no_folder)("/srv/b"),
        &(EN.no_folder)("/srv/b"),
    );
    for n in [1, 2, 5] {
        both(
            "revised_times",
            &(ZH.revised_times)(n),
            &(EN.revised_times)(n),
        );
        both("more_errors", &(ZH.more_errors)(n), &(EN.more_errors)(n));
    }
    both("seconds", &(ZH.seconds)(1.0), &(EN.seconds)(1.0));
    for (when, who) in [("5 Jul", "X"), ("5 Jul", ""), ("", "X")] {
        both(
            "signed_off_line",
            &(ZH.signed_off_line)(when, who),
            &(EN.signed_off_line)(when, who),
        );
    }
    assert_eq!((ZH.labelled)("目标", "x"), "目标：x");
    assert_eq!((EN.labelled)("Goal", "x"), "Goal: x");
    assert_eq!((ZH.aside)("3/12"), "（3/12）");
    assert_eq!((EN.aside)("3/12"), " (3/12)");
    for n in [0, 1, 2] {
        let c = CheckCounts {
            files: n,
            programs: n,
            measures: n,
            errors: n,
            warnings: n,
        };
        both(
            "check_summary",
            &(ZH.check_summary)(&c),
            &(EN.check_summary)(&c),
        );
    }
}

/// One of every problem a board file can have. The `match` has no wildcard: a new kind of
/// problem does not compile until it is listed here, and so tested in both languages.
fn every_problem() -> Vec<Problem> {
    let d = |s| Date::parse(s).unwrap();
    let io = |kind| IoCause {
        kind,
        detail: "Input/output error (os error 5)".into(),
    };
    let ron_errors = [
        "Program(id: \"a\", title: \"t\", lead: \"l\", start: \"2023-01-01\", due: \"2023-12-31\", measures: [], milestones: [], statuss: 1)",
        "Program(id: \"a\"",
        "Program(id: 3)",
        "Program(id: \"a\" title: \"t\")",
        "Program(id: \"a\", id: \"b\")",
        "Measure()",
        "Program(measures: [Measure(status: Doingg)])",
        "Program(measures: [Measure(due: \"2023-02-30\")])",
        "Program(measures: [Measure(progress: \"x\")])",
        "Program(measures: (1))",
        "Program(id: \"a\") trailing",
        "/* open",
        "Program(measures: [Measure(status: Blocked)])",
        "Program(id: \"a\\q\")",
        "Program(id: \"a\", title: true, lead: t)",
    ];
    let mut all: Vec<Problem> = ron_errors
        .iter()
        .map(|text| {
            let load = rectify::storage::load_text(std::path::Path::new("x.ron"), text);
            load.diagnostics[0].problem.clone()
        })
        .collect();
    all.extend([
        Problem::CannotRead(io(std::io::ErrorKind::PermissionDenied)),
        Problem::CannotRead(io(std::io::ErrorKind::NotFound)),
        Problem::CannotRead(io(std::io::ErrorKind::Other)),
        Problem::IsDirectory,
        Problem::NotRegularFile,
        Problem::TooLarge {
            bytes: 9_000_000,
            limit_mib: 8,
        },
        Problem::NotUtf8 { byte: 0xff },
        Problem::FolderUnreadable(io(std::io::ErrorKind::NotFound)),
        Problem::FolderLost(io(std::io::ErrorKind::NotFound)),
        Problem::DuplicateProgram {
            id: "fraud".into(),
            other: "boards/a.ron".into(),
        },
        Problem::Unreadable,
        Problem::ProgramFieldEmpty { field: "title" },
        Problem::ProgramDueBeforeStart {
            due: d("2023-01-01"),
            start: d("2023-02-01"),
        },
        Problem::MeasureIdEmpty,
        Problem::DuplicateMeasureId {
            id: "A-1".into(),
            first: 1,
        },
        Problem::MeasureTitleEmpty { id: "A-1".into() },
        Problem::NoOwner { id: "A-1".into() },
        Problem::ProgressOutOfRange { progress: 300 },
        Problem::DueBeforeProgramStart {
            id: "A-1".into(),
            due: d("2023-01-01"),
            start: d("2023-02-01"),
        },
        Problem::DueAfterProgram {
            id: "A-1".into(),
            due: d("2024-01-01"),
            program_due: d("2023-12-31"),
        },
        Problem::RevisedEarlier {
            revised: d("2023-01-01"),
            prev: d("2023-02-01"),
        },
        Problem::BlockedWithoutReason { id: "A-1".into() },
        Problem::SignedOffWithoutDate { id: "A-1".into() },
        Problem::DateButNotSignedOff { id: "A-1".into() },
        Problem::MilestoneTitleEmpty,
        Problem::MilestoneBeforeStart {
            title: "Kickoff".into(),
            due: d("2023-01-01"),
            start: d("2023-02-01"),
        },
        Problem::MilestoneAfterProgram {
            title: "Review".into(),
            due: d("2024-01-01"),
            program_due: d("2023-12-31"),
        },
        Problem::UnsafeCharacters { field: "title" },
        Problem::MergeConflict,
        Problem::MoreNotShown {
            errors: 3,
            warnings: 4,
        },
        Problem::DuplicateProblemId {
            id: "P01".into(),
            first: 1,
        },
        Problem::BadReference {
            reference: "ZP-01".into(),
        },
        Problem::UnknownProgram {
            reference: "frod/ZP-01".into(),
        },
        Problem::UnknownMeasure {
            reference: "fraud/ZP-99".into(),
        },
        Problem::DueSoonOutOfRange { days: 120 },
    ]);
    for p in &all {
        match p {
            Problem::CannotRead(_)
            | Problem::IsDirectory
            | Problem::NotRegularFile
            | Problem::TooLarge { .. }
            | Problem::NotUtf8 { .. }
            | Problem::FolderUnreadable(_)
            | Problem::FolderLost(_)
            | Problem::DuplicateProgram { .. }
            | Problem::Unreadable
            | Problem::Syntax(_)
            | Problem::MergeConflict
            | Problem::ProgramFieldEmpty { .. }
            | Problem::ProgramDueBeforeStart { .. }
            | Problem::MeasureIdEmpty
            | Problem::DuplicateMeasureId { .. }
            | Problem::MeasureTitleEmpty { .. }
            | Problem::NoOwner { .. }
            | Problem::ProgressOutOfRange { .. }
            | Problem::DueBeforeProgramStart { .. }
            | Problem::DueAfterProgram { .. }
            | Problem::RevisedEarlier { .. }
            | Problem::BlockedWithoutReason { .. }
            | Problem::SignedOffWithoutDate { .. }
            | Problem::DateButNotSignedOff { .. }
            | Problem::MilestoneTitleEmpty
            | Problem::MilestoneBeforeStart { .. }
            | Problem::MilestoneAfterProgram { .. }
            | Problem::UnsafeCharacters { .. }
            | Problem::MoreNotShown { .. }
            | Problem::DuplicateProblemId { .. }
            | Problem::BadReference { .. }
            | Problem::UnknownProgram { .. }
            | Problem::UnknownMeasure { .. }
            | Problem::DueSoonOutOfRange { .. } => {}
        }
    }
    all
}

#[test]
fn every_problem_in_a_board_file_is_told_in_both_languages() {
    let all = every_problem();
    let syntax = all
        .iter()
        .filter(|p| matches!(p, Problem::Syntax(_)))
        .count();
    assert_eq!(syntax, 15, "each sample text fails to parse: {all:#?}");
    for p in &all {
        let (zh, en) = (p.text(Lang::Zh), p.text(Lang::En));
        both(&format!("{p:?}"), &zh, &en);
        // ron's own English passes through only as the tail of a marked Chinese sentence.
        assert!(!zh.contains("expected"), "{p:?}: {zh}");
    }
    for s in [Severity::Error, Severity::Warning] {
        both("severity", s.word(Lang::Zh), s.word(Lang::En));
    }
}

#[test]
fn every_doubtful_date_is_asked_and_refused_in_both_languages() {
    use rectify::domain::DateDoubt;
    let d = |s| rectify::domain::Date::parse(s).unwrap();
    let all = [
        DateDoubt::BeforeStart {
            due: d("2023-01-01"),
            start: d("2023-02-01"),
        },
        DateDoubt::AfterProgram {
            due: d("2024-01-01"),
            program_due: d("2023-12-31"),
        },
        DateDoubt::EarlierThanReplaced {
            revised: d("2023-09-30"),
            prev: d("2023-10-31"),
        },
    ];
    for doubt in &all {
        let one = std::slice::from_ref(doubt);
        let name = format!("{doubt:?}");
        use rectify::describe::{date_doubts_question, date_doubts_refusal};
        both(
            &name,
            &date_doubts_question(one, Lang::Zh),
            &date_doubts_question(one, Lang::En),
        );
        both(
            &name,
            &date_doubts_refusal(one, Lang::Zh),
            &date_doubts_refusal(one, Lang::En),
        );
    }
}

#[test]
fn dates_are_written_the_way_each_language_writes_them() {
    assert_eq!((ZH.date)(today()), "2023年7月15日");
    assert_eq!((EN.date)(today()), "15 Jul 2023");
}

#[test]
fn the_english_board_shows_no_chinese_label() {
    let mut app = shipped((160, 45));
    app.settings.lang = Lang::En;
    let data: String = app
        .boards
        .iter()
        .filter_map(|b| b.program.as_ref())
        .flat_map(|p| {
            [p.title.clone(), p.lead.clone(), p.goal.clone()]
                .into_iter()
                .chain(p.milestones.iter().map(|m| m.title.clone()))
                .chain(p.measures.iter().flat_map(|m| {
                    let reason = match &m.status {
                        rectify::domain::Status::Blocked(r) => r.clone(),
                        _ => String::new(),
                    };
                    [m.title.clone(), m.owner.clone(), m.notes.clone(), reason]
                }))
        })
        .chain(
            app.problems
                .iter()
                .filter_map(|p| p.list.as_ref())
                .flat_map(|l| {
                    std::iter::once(l.title.clone()).chain(l.aspects.iter().flat_map(|a| {
                        std::iter::once(a.title.clone())
                            .chain(a.problems.iter().map(|p| p.title.clone()))
                    }))
                }),
        )
        .collect();
    // Characters of the Chinese interface that no board uses: any of them on an English
    // screen is a label that was not translated.
    let mut label: String = ZH.strings().iter().map(|(_, s)| *s).collect();
    label.extend(keymap::help_lines().map(|b| b.zh));
    let telltale: Vec<char> = label
        .chars()
        .filter(|c| cjk(&c.to_string()) && !data.contains(*c))
        .collect();
    assert!(telltale.len() > 50, "{}", telltale.len());
    for keys in [
        &[][..],
        &[Enter],
        &[Char('s')],
        &[Esc, Esc, BackTab],
        &[Enter],
        &[Esc, BackTab],
        &[Enter],
        &[Esc, BackTab],
        &[Char('?')],
    ] {
        press(&mut app, keys);
        let text = screen(&app, &dark());
        let leaked: String = text.chars().filter(|c| telltale.contains(c)).collect();
        assert!(leaked.is_empty(), "{keys:?}: {leaked}\n{text}");
    }
}

#[test]
fn english_labels_are_not_cut_where_chinese_ones_fit() {
    let mut app = shipped((80, 24));
    app.settings.lang = Lang::En;
    let text = screen(&app, &dark());
    assert!(
        text.contains("● on track") && text.contains("■ off track") && text.contains("▲ at risk"),
        "{text}"
    );
    press(&mut app, &[Enter]);
    let text = screen(&app, &dark());
    assert!(
        text.contains("in progress") && text.contains("signed off"),
        "{text}"
    );
}

/// Every command's description and every argument's help, however deep.
fn help_texts(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    out.push((format!("{path} (about)"), about));
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
        out.push((format!("{path} {}", a.get_id()), help));
    }
    for s in cmd.get_subcommands() {
        help_texts(s, &format!("{path} {}", s.get_name()), out);
    }
}

#[test]
fn every_command_line_help_line_exists_in_chinese() {
    let mut zh = rectify::cli::command(Lang::Zh);
    zh.build();
    let mut texts = Vec::new();
    help_texts(&zh, "rectify", &mut texts);
    assert!(
        texts.len() > 60,
        "the walk reaches every command: {texts:?}"
    );
    for (where_, text) in texts {
        assert!(cjk(&text), "{where_}: no Chinese help: {text:?}");
    }
    // The English command is clap's own, untouched.
    let mut en = rectify::cli::command(Lang::En);
    en.build();
    assert_eq!(
        en.find_subcommand("check")
            .and_then(|c| c.get_about())
            .map(|a| a.to_string()),
        Some("Validate board files; print each problem as path:line:col and a summary".into())
    );
}

#[test]
fn help_speaks_the_language_of_the_flag_the_config_or_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.ron");
    std::fs::write(&cfg, "(lang: \"en\")").unwrap();
    let run = |args: &[&str], locale: &str, config: &std::path::Path| {
        let out = rectify_in(locale)
            .env("RECTIFY_CONFIG", config)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let none = std::path::Path::new("/nonexistent/rectify-test-config.ron");
    let zh = run(&["--help"], "zh_CN.UTF-8", none);
    assert!(
        zh.contains("用法：rectify") && zh.contains("校验看板文件"),
        "{zh}"
    );
    let en = run(&["--help"], "en_US.UTF-8", none);
    assert!(
        en.contains("Usage: rectify") && en.contains("Validate board files"),
        "{en}"
    );
    assert_eq!(run(&["--help", "--lang", "en"], "zh_CN.UTF-8", none), en);
    assert_eq!(
        run(&["--help"], "zh_CN.UTF-8", &cfg),
        en,
        "the config file's lang"
    );
    let set = run(&["set", "--help", "--lang=zh"], "en_US.UTF-8", none);
    assert!(set.contains("受阻原因") && set.contains("示例："), "{set}");
    let man = run(&["man", "--lang", "zh"], "en_US.UTF-8", none);
    assert!(man.contains("校验看板文件"), "the man page follows too");
}
