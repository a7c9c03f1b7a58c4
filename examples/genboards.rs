//! Generates valid board files with Chinese text, dates spread over 2023, a realistic mix of
//! statuses, revised deadlines and milestones: for benchmarks and for trying the board at scale.
//!
//! ```sh
//! cargo run --release --example genboards -- --programs 9 --measures 15 /tmp/boards-realistic
//! cargo run --release --example genboards -- --programs 9 --measures 1000 /tmp/boards-large
//! cargo run --release --example genboards -- --programs 200 --measures 500 /tmp/boards-huge
//! ```
//!
//! The same `--seed` (default 1) always gives the same files. The statuses are drawn as a team
//! would report them in mid-July 2023 (`rectify DIR --today 2023-07-15`): most of what fell due
//! earlier is finished or signed off, some of it is late or blocked, and later work is under way.
//! Files this tool wrote before into `DIR` (`NNN-*.ron` starting with its marker comment) are
//! replaced; nothing else there is touched.
//!
//! Benches include this file as a module (`#[path = "../examples/genboards.rs"]`) and call
//! [`generate`] or [`board_text`] directly.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

/// The first line of every generated file: how generated files are recognised.
pub const MARKER: &str = "// genboards:";

/// The day the generated statuses are "as of".
pub const AS_OF: (i32, u32, u32) = (2023, 7, 15);

/// SplitMix64: small, fast, and the same everywhere, so a seed always gives the same boards.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }
    /// True with probability `pct` percent.
    pub fn chance(&mut self, pct: u64) -> bool {
        self.next_u64() % 100 < pct
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// Program subjects and the file-name slug for each.
const DOMAINS: [(&str, &str); 20] = [
    ("电信网络诈骗犯罪", "fraud"),
    ("道路交通安全隐患", "traffic"),
    ("铁路沿线安全环境", "railway"),
    ("食品药品环境犯罪", "food-drug"),
    ("黄赌毒违法犯罪", "vice"),
    ("农村道路交通安全", "rural-traffic"),
    ("夏季社会治安", "summer"),
    ("执法突出问题", "law-enforcement"),
    ("网络谣言和网络暴力", "online-rumour"),
    ("养老诈骗", "elder-fraud"),
    ("非法集资", "illegal-funding"),
    ("涉枪涉爆违法犯罪", "guns"),
    ("跨境赌博", "gambling"),
    ("危险化学品安全", "chemicals"),
    ("校园及周边安全", "campus"),
    ("电动自行车安全", "e-bikes"),
    ("侵犯公民个人信息犯罪", "privacy"),
    ("盗抢骗违法犯罪", "theft"),
    ("拐卖妇女儿童犯罪", "trafficking"),
    ("消防安全隐患", "fire"),
];

/// How a program is named: a verb before the subject, or a kind of campaign after it.
const KINDS: [(&str, bool); 10] = [
    ("打击治理", true),
    ("专项整治", false),
    ("集中整治", true),
    ("综合治理", false),
    ("隐患排查整治", false),
    ("百日攻坚行动", false),
    ("源头治理", true),
    ("突出问题整改", false),
    ("规范提升", true),
    ("严打整治", true),
];

const UNITS: [&str; 22] = [
    "刑事侦查局",
    "治安管理局",
    "交通管理局",
    "法制局",
    "科技信息化局",
    "网络安全保卫局",
    "食品药品犯罪侦查局",
    "铁路公安局",
    "经济犯罪侦查局",
    "禁毒局",
    "国际合作局",
    "监所管理局",
    "督察审计局",
    "警务保障局",
    "政治部",
    "办公厅",
    "各省级公安机关",
    "各地市公安局",
    "各县级公安机关",
    "出入境管理局",
    "反恐怖局",
    "新闻宣传局",
];

const VERBS: [&str; 20] = [
    "开展",
    "深入推进",
    "健全",
    "完善",
    "组织",
    "落实",
    "深化",
    "集中整治",
    "全面排查",
    "建立",
    "规范",
    "严厉打击",
    "加强",
    "推动",
    "部署",
    "强化",
    "持续开展",
    "专项清理",
    "督导检查",
    "研究制定",
];

const OBJECTS: [&str; 30] = [
    "重点地区隐患",
    "涉案资金查控机制",
    "基层派出所执法规范化",
    "跨部门协作机制",
    "线索核查与研判",
    "重点人员排查管控",
    "群众反映强烈的突出问题",
    "执法办案管理中心建设",
    "预警劝阻工作",
    "宣传防范工作",
    "信息系统数据共享",
    "危险路段和临水临崖路段",
    "重点行业场所检查",
    "案件积案清理",
    "涉案财物管理",
    "警情通报和研判制度",
    "源头治理措施",
    "网上巡查处置",
    "执法监督检查",
    "重点企业安全检查",
    "应急处置预案",
    "行刑衔接机制",
    "受案立案制度改革",
    "公开曝光典型案例",
    "队伍教育整顿",
    "装备配备和经费保障",
    "联合督办挂牌整治",
    "社区警务网格化管理",
    "视频监控补点建设",
    "群众满意度回访",
];

const SUFFIXES: [&str; 10] = [
    "专项行动",
    "工作",
    "长效机制",
    "排查整治",
    "集中攻坚",
    "试点工作",
    "制度建设",
    "问题整改",
    "",
    "",
];

const NOTES: [&str; 12] = [
    "已排查隐患{a}处，完成整改{b}处。",
    "召开推进会{c}次，印发工作方案并明确责任分工。",
    "抓获犯罪嫌疑人{a}名，破获案件{b}起。",
    "已在{c}个省份开展试点，下月起全面推开。",
    "会同相关部门联合督导{c}次，发现问题{b}个。",
    "已完成制度文件起草，正在征求意见。",
    "累计清理积案{a}起，剩余{b}起正在攻坚。",
    "已组织培训{c}期，覆盖民警{a}人次。",
    "系统一期已上线，二期建设正在推进。",
    "已建立周调度机制，每周报送进展。",
    "群众满意度回访{a}人次，满意率{p}%。",
    "已挂牌督办{c}个重点地区，逐一明确整改时限。",
];

const REASONS: [&str; 8] = [
    "待编制部门审批",
    "等待财政资金下达",
    "需跨部门协调数据共享",
    "系统建设招标尚未完成",
    "待上级批复实施方案",
    "涉及立法修订，需等待征求意见结束",
    "相关单位机构调整，责任主体待明确",
    "境外协作渠道暂不畅通",
];

const SIGNERS: [&str; 5] = [
    "部主题教育办",
    "督察审计局",
    "整改工作专班",
    "部专项整治办",
    "法制局",
];

const MILESTONES: [&str; 10] = [
    "印发实施方案",
    "完成动员部署",
    "完成集中排查",
    "完成线索集中研判",
    "中期评估",
    "集中攻坚",
    "开展交叉检查",
    "巩固提升",
    "建立长效机制",
    "总结验收",
];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn as_of() -> NaiveDate {
    day(AS_OF.0, AS_OF.1, AS_OF.2)
}

fn add(d: NaiveDate, days: i64) -> NaiveDate {
    d + chrono::Duration::days(days)
}

fn month_end(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    add(day(y, m, 1), -1)
}

/// A RON string literal.
fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The title of program `i` (0-based): unique for the first 200 programs, numbered after.
pub fn program_title(i: usize) -> String {
    let (domain, _) = DOMAINS[i % DOMAINS.len()];
    let kind = (i / DOMAINS.len() + i % DOMAINS.len()) % KINDS.len();
    let (k, before) = KINDS[kind];
    let base = if before {
        format!("{k}{domain}")
    } else {
        format!("{domain}{k}")
    };
    let round = i / (DOMAINS.len() * KINDS.len());
    if round == 0 {
        base
    } else {
        format!("{base}（第{}批）", round + 1)
    }
}

/// The file name of program `i`.
pub fn file_name(i: usize) -> String {
    format!("{:03}-{}.ron", i + 1, DOMAINS[i % DOMAINS.len()].1)
}

/// The id of measure `j` of program `i`.
pub fn measure_id(i: usize, j: usize) -> String {
    format!("P{:03}-{:04}", i + 1, j + 1)
}

fn fill(template: &str, rng: &mut Rng) -> String {
    template
        .replace("{a}", &rng.range(12, 3800).to_string())
        .replace("{b}", &rng.range(3, 900).to_string())
        .replace("{c}", &rng.range(2, 31).to_string())
        .replace("{p}", &rng.range(86, 99).to_string())
}

/// The text of program `i`'s board with `measures` measures; the same for the same seed.
pub fn board_text(i: usize, measures: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
    let today = as_of();
    let start = day(
        2023,
        rng.range(1, 6) as u32,
        if rng.chance(80) { 1 } else { 15 },
    );
    let due = if rng.chance(70) {
        day(2023, 12, 31)
    } else {
        month_end(day(2023, rng.range(9, 11) as u32, 1))
    };
    let span = (due - start).num_days();
    let (domain, _) = DOMAINS[i % DOMAINS.len()];
    let lead = rng.word(&UNITS[..16]);

    let mut s = String::with_capacity(480 * measures + 2048);
    let _ = writeln!(
        s,
        "{MARKER} seed {seed}, program {}, {measures} measures",
        i + 1
    );
    s.push_str("// 生成的演示数据，仅供性能测试，并非真实记录。\n");
    s.push_str("Program(\n");
    let _ = writeln!(s, "    id: {},", lit(&format!("prog-{:03}", i + 1)));
    let _ = writeln!(s, "    title: {},", lit(&program_title(i)));
    let _ = writeln!(s, "    lead: {},", lit(lead));
    let _ = writeln!(s, "    start: \"{start}\",");
    let _ = writeln!(s, "    due: \"{due}\",");
    let _ = writeln!(
        s,
        "    goal: {},",
        lit(&format!(
            "聚焦{domain}突出问题，{}，确保{}月底前全面完成整改任务。",
            rng.pick(&[
                "压实各级责任，健全长效机制",
                "坚持打防管控建一体推进",
                "以点带面，集中攻坚与常态治理相结合",
                "标本兼治，切实提升群众安全感和满意度",
            ]),
            due.month()
        ))
    );
    s.push_str("    measures: [\n");
    for j in 0..measures {
        if j % 25 == 0 {
            let _ = writeln!(s, "        // 第{}组", j / 25 + 1);
        }
        measure(&mut s, &mut rng, i, j, start, due, span, today, domain);
    }
    s.push_str("    ],\n");
    s.push_str("    milestones: [\n");
    let n = rng.range(3, 6) as usize;
    for k in 0..n {
        // Evenly over the span, the last on the due date.
        let at = add(start, span * (k as i64 + 1) / n as i64);
        let title = MILESTONES
            [(k * MILESTONES.len() / n + rng.range(0, 1) as usize).min(MILESTONES.len() - 1)];
        let done = if at <= today && rng.chance(80) {
            Some(add(at, rng.range(-6, 3)).min(today))
        } else if at > today && at <= add(today, 20) && rng.chance(25) {
            Some(add(today, -rng.range(0, 5)))
        } else {
            None
        };
        let _ = write!(s, "        Milestone(title: {}, due: \"{at}\"", lit(title));
        if let Some(d) = done {
            let _ = write!(s, ", done: \"{d}\"");
        }
        s.push_str("),\n");
    }
    s.push_str("    ],\n)\n");
    s
}

#[allow(clippy::too_many_arguments)]
fn measure(
    s: &mut String,
    rng: &mut Rng,
    i: usize,
    j: usize,
    start: NaiveDate,
    due: NaiveDate,
    span: i64,
    today: NaiveDate,
    domain: &str,
) {
    // Deadlines fall anywhere in the span, more often on a month's end, as work plans set them.
    let raw = add(start, rng.range(14.min(span), span));
    let mut first = if rng.chance(60) { month_end(raw) } else { raw };
    if first > due {
        first = due;
    }
    let mut revised = Vec::new();
    let slips = match rng.next_u64() % 100 {
        0..=3 => 2,
        4..=17 => 1,
        _ => 0,
    };
    let mut last = first;
    for _ in 0..slips {
        let next = month_end(add(last, rng.range(20, 75))).min(due);
        if next <= last {
            break;
        }
        revised.push(next);
        last = next;
    }
    let in_force = last;
    let past = in_force < today;
    let roll = rng.next_u64() % 100;
    // (status, progress, reason)
    enum S {
        NotStarted,
        InProgress,
        Blocked,
        Done,
        SignedOff,
    }
    let status = if past {
        match roll {
            0..=54 => S::SignedOff,
            55..=79 => S::Done,
            80..=91 => S::InProgress,
            92..=95 => S::Blocked,
            _ => S::NotStarted,
        }
    } else {
        match roll {
            0..=5 => S::SignedOff,
            6..=14 => S::Done,
            15..=69 => S::InProgress,
            70..=77 => S::Blocked,
            _ => S::NotStarted,
        }
    };
    let verb = rng.pick(&VERBS);
    let object = rng.pick(&OBJECTS);
    let mut suffix = rng.word(&SUFFIXES);
    if object.ends_with("工作") || object.ends_with("建设") {
        suffix = "";
    }
    let title = if rng.chance(30) {
        format!("{verb}{domain}{object}{suffix}")
    } else {
        format!("{verb}{object}{suffix}")
    };
    let owner = if rng.chance(25) {
        format!("{}、{}", rng.pick(&UNITS), rng.pick(&UNITS[..16]))
    } else {
        rng.word(&UNITS).to_owned()
    };

    let _ = writeln!(s, "        Measure(");
    let _ = writeln!(s, "            id: {},", lit(&measure_id(i, j)));
    let _ = writeln!(s, "            title: {},", lit(&title));
    let _ = writeln!(s, "            owner: {},", lit(&owner));
    let _ = writeln!(s, "            due: \"{first}\",");
    if !revised.is_empty() {
        let list: Vec<String> = revised.iter().map(|d| format!("\"{d}\"")).collect();
        let _ = writeln!(s, "            revised: [{}],", list.join(", "));
    }
    let progress = match status {
        S::NotStarted => 0,
        S::InProgress => rng.range(1, 19) * 5,
        S::Blocked => rng.range(1, 12) * 5,
        S::Done | S::SignedOff => 100,
    };
    let status_text = match status {
        S::NotStarted => "NotStarted".to_owned(),
        S::InProgress => "InProgress".to_owned(),
        S::Blocked => format!("Blocked({})", lit(rng.word(&REASONS))),
        S::Done => "Done".to_owned(),
        S::SignedOff => "SignedOff".to_owned(),
    };
    let _ = writeln!(s, "            status: {status_text},");
    if progress > 0 {
        let _ = writeln!(s, "            progress: {progress},");
    }
    if rng.chance(40) {
        let template = rng.word(&NOTES);
        let note = fill(template, rng);
        let _ = writeln!(s, "            notes: {},", lit(&note));
    }
    if matches!(status, S::SignedOff) {
        // Checked some days after the work was done, never in the future.
        let finished = if past {
            in_force
        } else {
            add(today, -rng.range(0, 20))
        };
        let on = add(finished, rng.range(0, 15)).min(today).max(start);
        let _ = writeln!(s, "            signed_off: \"{on}\",");
        let _ = writeln!(s, "            signed_by: {},", lit(rng.word(&SIGNERS)));
    }
    s.push_str("        ),\n");
}

/// Writes `programs` boards of `measures` measures each into `dir` and returns their paths.
/// Files an earlier run wrote there are replaced first.
pub fn generate(
    dir: &Path,
    programs: usize,
    measures: usize,
    seed: u64,
) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        let ours = p.extension().is_some_and(|x| x == "ron")
            && std::fs::read_to_string(&p).is_ok_and(|t| t.starts_with(MARKER));
        if ours {
            std::fs::remove_file(&p)?;
        }
    }
    (0..programs)
        .map(|i| {
            let p = dir.join(file_name(i));
            std::fs::write(&p, board_text(i, measures, seed))?;
            Ok(p)
        })
        .collect()
}

fn usage() -> ! {
    eprintln!(
        "usage: genboards --programs P --measures M [--seed S] DIR\n\
         writes P board files of M measures each into DIR (created if missing)"
    );
    std::process::exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut programs, mut measures, mut seed, mut dir) = (9usize, 15usize, 1u64, None);
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> u64 {
            args.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
                eprintln!("genboards: {name} needs a number");
                usage()
            })
        };
        match a.as_str() {
            "--programs" => programs = num("--programs") as usize,
            "--measures" => measures = num("--measures") as usize,
            "--seed" => seed = num("--seed"),
            "-h" | "--help" => usage(),
            _ if a.starts_with('-') => usage(),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else { usage() };
    match generate(&dir, programs, measures, seed) {
        Ok(paths) => {
            let bytes: u64 = paths
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum();
            println!(
                "{} boards, {} measures, {:.1} MB in {}",
                paths.len(),
                programs * measures,
                bytes as f64 / 1e6,
                dir.display()
            );
        }
        Err(e) => {
            eprintln!("genboards: {e}");
            std::process::exit(1);
        }
    }
}
