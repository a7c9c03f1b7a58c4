//! In-process benchmarks at realistic and huge scale, on boards from `examples/genboards.rs`:
//! reading and validating files, the schedule rules over every measure, drawing each screen to
//! a test backend, a key press through `update` and the redraw, and an edit of one field in a
//! large file.
//!
//! `cargo bench --bench scale` (a few minutes on 2 cores); `cargo bench --bench scale -- render`
//! runs one group.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../examples/genboards.rs"]
mod genboards;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rectify::app::{self, Action, App, Screen, Settings};
use rectify::domain::edit::{Edit, Field, FieldChange, Value};
use rectify::domain::{Date, schedule};
use rectify::storage::{self, save};
use rectify::theme::Theme;

const SEED: u64 = 1;

fn today() -> Date {
    Date::from_ymd(2023, 7, 15).unwrap()
}

fn now() -> chrono::NaiveDateTime {
    today().0.and_hms_opt(9, 30, 0).unwrap()
}

/// Where the generated boards go; removed at the end of `main`.
fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| tempfile::tempdir().unwrap().keep())
}

/// A folder of `programs` × `measures` generated boards, made once per run.
fn boards(programs: usize, measures: usize) -> PathBuf {
    static MADE: Mutex<Vec<(usize, usize)>> = Mutex::new(Vec::new());
    let dir = root().join(format!("{programs}x{measures}"));
    let mut made = MADE.lock().unwrap();
    if !made.contains(&(programs, measures)) {
        genboards::generate(&dir, programs, measures, SEED).unwrap();
        made.push((programs, measures));
    }
    dir
}

fn app_over(dir: &Path, size: (u16, u16)) -> App {
    let mut app = App::new(
        dir,
        storage::load_dir(dir),
        today(),
        now(),
        Settings::default(),
    );
    app::update(&mut app, Action::Resize(size.0, size.1));
    app
}

/// Brings `app` to `screen`: the overview, the first program, or the deadlines ledger.
fn show(app: &mut App, screen: Screen) {
    while app.screen != Screen::Overview {
        app::update(app, Action::Back);
    }
    match screen {
        Screen::Overview => {}
        Screen::Program => {
            app::update(app, Action::Open);
        }
        Screen::Deadlines => {
            app::update(app, Action::PrevScreen);
        }
    }
    assert_eq!(app.screen, screen);
}

fn terminal(size: (u16, u16)) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(size.0, size.1)).unwrap()
}

fn draw(t: &mut Terminal<TestBackend>, app: &App, theme: &Theme) {
    t.draw(|f| rectify::ui::render(app, theme, f)).unwrap();
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    for measures in [15, 1000] {
        let text = genboards::board_text(0, measures, SEED);
        let path = Path::new("bench.ron");
        g.bench_function(BenchmarkId::new("parse_validate_file", measures), |b| {
            b.iter(|| {
                let l = storage::load_text(path, black_box(&text));
                assert!(l.program.is_some());
                l
            })
        });
    }
    for (programs, measures) in [(9, 15), (9, 1000), (200, 500)] {
        let dir = boards(programs, measures);
        if programs * measures >= 100_000 {
            g.sampling_mode(SamplingMode::Flat);
            g.sample_size(10);
        }
        g.bench_function(
            BenchmarkId::new("load_dir", format!("{programs}x{measures}")),
            |b| b.iter(|| storage::load_dir(black_box(&dir)).unwrap()),
        );
    }
    g.finish();
}

/// From nothing to the first frame, in process: read and check every file, build the app,
/// lay it out and draw the overview. The end-to-end bench adds the process start and the
/// terminal.
fn startup(c: &mut Criterion) {
    let theme = Theme::built_in("dark").unwrap();
    let mut g = c.benchmark_group("startup");
    for (programs, measures) in [(9, 15), (9, 1000), (200, 500)] {
        let dir = boards(programs, measures);
        if programs * measures >= 100_000 {
            g.sampling_mode(SamplingMode::Flat);
            g.sample_size(10);
        }
        g.bench_function(
            BenchmarkId::new("first_frame", format!("{programs}x{measures}")),
            |b| {
                b.iter(|| {
                    let app = app_over(&dir, (160, 45));
                    draw(&mut terminal((160, 45)), &app, &theme);
                    app
                })
            },
        );
    }
    g.finish();
}

fn rules(c: &mut Criterion) {
    let dir = boards(200, 500);
    let programs: Vec<_> = storage::load_dir(&dir)
        .unwrap()
        .into_iter()
        .filter_map(|l| l.program)
        .collect();
    assert_eq!(
        programs.iter().map(|p| p.measures.len()).sum::<usize>(),
        100_000
    );
    let mut g = c.benchmark_group("schedule");
    g.bench_function("assess_all_100k", |b| {
        b.iter(|| {
            programs
                .iter()
                .map(|p| schedule::assess(p, black_box(today()), 7))
                .filter(|a| a.overdue > 0)
                .count()
        })
    });
    // The ledger from scratch: the day alternates, so the memoised rows never serve.
    let mut app = app_over(&dir, (160, 45));
    let days = [today(), today().add_days(1)];
    let mut n = 0;
    g.bench_function("deadline_rows_100k", |b| {
        b.iter(|| {
            n += 1;
            app.today = days[n % 2];
            black_box(&app).deadline_list().len()
        })
    });
    g.finish();
}

const SCREENS: [(Screen, &str); 3] = [
    (Screen::Overview, "overview"),
    (Screen::Program, "program"),
    (Screen::Deadlines, "deadlines"),
];

fn render<M: Measurement>(c: &mut Criterion<M>, group: &str) {
    let theme = Theme::built_in("dark").unwrap();
    let mut g = c.benchmark_group(group);
    for (programs, label) in [(20, "10k"), (200, "100k")] {
        let dir = boards(programs, 500);
        let mut app = app_over(&dir, (160, 45));
        for size in [(160u16, 45u16), (400, 100)] {
            app::update(&mut app, Action::Resize(size.0, size.1));
            let mut t = terminal(size);
            for (screen, name) in SCREENS {
                show(&mut app, screen);
                g.bench_function(
                    BenchmarkId::new(name, format!("{label}/{}x{}", size.0, size.1)),
                    |b| b.iter(|| draw(&mut t, &app, &theme)),
                );
            }
            show(&mut app, Screen::Overview);
            app::update(&mut app, Action::ToggleHelp);
            g.bench_function(
                BenchmarkId::new("help", format!("{label}/{}x{}", size.0, size.1)),
                |b| b.iter(|| draw(&mut t, &app, &theme)),
            );
            app::update(&mut app, Action::ToggleHelp);
        }
    }
    g.finish();
}

/// The program screen of one program with 100,000 measures: the table fills most of the frame,
/// so this is where the table's row drawing shows. Compare two builds with criterion's
/// baselines (`cargo bench --bench scale -- program_table --save-baseline a`, change the row
/// renderer, then `--baseline a`). Hand-written row renderers that wrote cells straight into
/// the buffer saved 0.05 ms of CPU a frame at 160×45 and 0.2 ms at 400×100 over plain
/// `Line`s and `Paragraph`s (0.13 → 0.18 ms, 0.65 → 0.86 ms): not worth a second copy of
/// ratatui's drawing, so they were removed.
fn program_table<M: Measurement>(c: &mut Criterion<M>, group: &str) {
    let theme = Theme::built_in("dark").unwrap();
    let dir = boards(1, 100_000);
    let mut app = app_over(&dir, (160, 45));
    let mut g = c.benchmark_group(group);
    for size in [(160u16, 45u16), (400, 100)] {
        app::update(&mut app, Action::Resize(size.0, size.1));
        show(&mut app, Screen::Program);
        let mut t = terminal(size);
        g.bench_function(
            BenchmarkId::new("program", format!("1x100k/{}x{}", size.0, size.1)),
            |b| b.iter(|| draw(&mut t, &app, &theme)),
        );
    }
    g.finish();
}

/// A key through `update` (which settles every list) and the redraw that follows: what the
/// event loop does for one key press, without the terminal's own output.
fn keys<M: Measurement>(c: &mut Criterion<M>, group: &str) {
    let theme = Theme::built_in("dark").unwrap();
    let dir = boards(200, 500);
    let size = (160, 45);
    let mut app = app_over(&dir, size);
    let mut t = terminal(size);
    let mut g = c.benchmark_group(group);
    for (screen, name) in SCREENS {
        show(&mut app, screen);
        let mut down = true;
        g.bench_function(BenchmarkId::new(name, "100k/160x45"), |b| {
            b.iter(|| {
                down = !down;
                app::update(&mut app, if down { Action::Down } else { Action::Up });
                draw(&mut t, &app, &theme);
            })
        });
    }
    // Typing into the text filter narrows every list on each key.
    show(&mut app, Screen::Deadlines);
    app::update(&mut app, Action::StartFilter);
    let mut typed = false;
    g.bench_function(BenchmarkId::new("filter_char", "100k/160x45"), |b| {
        b.iter(|| {
            typed = !typed;
            let a = if typed {
                Action::FilterChar('治')
            } else {
                Action::FilterBackspace
            };
            app::update(&mut app, a);
            draw(&mut t, &app, &theme);
        })
    });
    g.finish();
}

fn edit(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(genboards::file_name(0));
    let text = genboards::board_text(0, 1000, SEED);
    std::fs::write(&path, &text).unwrap();
    let program = storage::load_text(&path, &text).program.unwrap();
    // A measure half-way down the file.
    let m = &program.measures[500];
    let edit = Edit {
        measure: m.id.clone(),
        changes: vec![FieldChange {
            field: Field::Progress,
            old: Value::Progress(m.progress),
            new: Value::Progress(if m.progress == 40 { 45 } else { 40 }),
        }],
        reason: None,
    };
    let mut g = c.benchmark_group("edit");
    g.bench_function("apply_1000", |b| {
        b.iter(|| storage::edit::apply(black_box(&text), &edit).unwrap())
    });
    let who = save::Author {
        user: "bench".into(),
        at: now(),
    };
    g.sample_size(20);
    g.bench_function("save_1000", |b| {
        b.iter(|| save::save(&path, None, &edit, &who).unwrap())
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

/// A criterion measurement: the CPU time of the benchmarking thread. On a machine shared with
/// other work, wall time counts the time the thread waits for a core; this does not.
struct ThreadCpu(WallTime);

#[cfg(target_os = "linux")]
fn thread_cpu_ns() -> u64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    ts.sec as u64 * 1_000_000_000 + ts.nsec as u64
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_ns() -> u64 {
    // Elsewhere: wall time since the first call.
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_nanos() as u64
}

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Nanoseconds, like wall time.
        self.0.formatter()
    }
}

fn render_wall(c: &mut Criterion) {
    render(c, "render");
}

fn keys_wall(c: &mut Criterion) {
    keys(c, "key_to_frame");
}

fn program_table_wall(c: &mut Criterion) {
    program_table(c, "program_table");
}

fn program_table_cpu(c: &mut Criterion<ThreadCpu>) {
    program_table(c, "program_table_cpu");
}

fn render_cpu(c: &mut Criterion<ThreadCpu>) {
    render(c, "render_cpu");
}

fn keys_cpu(c: &mut Criterion<ThreadCpu>) {
    keys(c, "key_to_frame_cpu");
}

criterion_group! {
    name = benches;
    config = config();
    targets = load, startup, rules, render_wall, program_table_wall, keys_wall, edit
}

criterion_group! {
    name = cpu;
    config = config().with_measurement(ThreadCpu(WallTime));
    targets = render_cpu, program_table_cpu, keys_cpu
}

fn main() {
    benches();
    cpu();
    Criterion::default().configure_from_args().final_summary();
    let _ = std::fs::remove_dir_all(root());
}
