//! `rectify git merge` (the merge driver git calls) and `rectify git setup` (which installs
//! it). Both shell out to the `git` binary: the driver runs only under git, and setting a
//! repository's config and git's own text merge are git's business.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use clap::{Args, Subcommand};

use crate::i18n::Lang;
use crate::storage::merge::{self, Conflict, Place, Unmergeable};
use crate::storage::save::{self, HISTORY_FILE};
use crate::storage::{self, Problem};
use crate::tr;

#[derive(Debug, Clone, Subcommand)]
pub enum GitCommand {
    /// Merge three versions of a board field by field; git calls this as its merge driver
    /// (`%O %A %B %P`). Exit 0: merged into OURS; exit 1: conflicts marked in OURS.
    #[command(
        after_help = "Example (installed by `rectify git setup`; git runs it on `git pull` and `git merge`):\n  rectify git merge %O %A %B %P"
    )]
    Merge(MergeArgs),
    /// Make the repository holding DIR merge boards with `rectify git merge`: .gitattributes,
    /// the repository's merge driver settings, and .gitignore for rectify's local files.
    /// Safe to run again.
    #[command(after_help = "Example:\n  rectify git setup boards")]
    Setup(SetupArgs),
}

#[derive(Debug, Clone, Args)]
pub struct MergeArgs {
    /// The common ancestor's version (git's %O)
    pub base: PathBuf,
    /// Our version, where the result is written (git's %A)
    pub ours: PathBuf,
    /// Their version (git's %B)
    pub theirs: PathBuf,
    /// The board's path in the repository, for messages (git's %P)
    pub path: Option<PathBuf>,
    #[arg(long, value_parser = super::parse_lang, help = super::LANG_HELP)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Args)]
pub struct SetupArgs {
    /// The boards folder, inside a git work tree [default: from the config file, else `boards`]
    pub dir: Option<PathBuf>,
    #[arg(long, value_parser = super::parse_lang, help = super::LANG_HELP)]
    pub lang: Option<Lang>,
}

/// What the driver did, for git's exit-code contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Merged,
    Conflicts,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Merged => 0,
            Outcome::Conflicts => 1,
        }
    }
}

/// The merge driver. OURS is replaced whole (atomically) or left as it was; anything that is
/// not a clean merge is exit 1 with what to look at on stderr.
pub fn merge(a: &MergeArgs, lang: Lang) -> Outcome {
    let shown = a.path.clone().unwrap_or_else(|| a.ours.clone());
    let name = shown.display().to_string();
    let read = |p: &Path| {
        std::fs::read(p)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
    };
    let texts = (read(&a.base), read(&a.ours), read(&a.theirs));
    let (Some(base), Some(ours), Some(theirs)) = texts else {
        eprintln!(
            "{}",
            tr!(
                lang,
                "rectify：{name} 的某个版本无法读取或不是 UTF-8，改用 git 的文本合并",
                "rectify: a version of {name} cannot be read or is not UTF-8; using git's text merge"
            )
        );
        return text_merge(a, &shown, lang);
    };
    let merged = match merge::merge(&base, &ours, &theirs) {
        Ok(m) => m,
        Err(why) => {
            let why = unmergeable(&why, lang);
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "rectify：{name} 无法按字段合并（{why}），改用 git 的文本合并",
                    "rectify: {name} cannot be merged field by field ({why}); using git's text merge"
                )
            );
            return text_merge(a, &shown, lang);
        }
    };
    if merged.conflicts.is_empty() {
        // The field-level result must read as well as OURS did, or it is not offered.
        if !reads(&shown, &merged.text) && reads(&shown, &ours) {
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "rectify：{name} 按字段合并的结果无法读取，改用 git 的文本合并",
                    "rectify: the field-level merge of {name} does not read; using git's text merge"
                )
            );
            return text_merge(a, &shown, lang);
        }
        return match save::replace(&a.ours, merged.text.as_bytes()) {
            Ok(()) => Outcome::Merged,
            Err(e) => {
                eprintln!("rectify: {name}: {}", e.text(lang));
                Outcome::Conflicts
            }
        };
    }
    let marked = match merge::mark(&merged, |c| conflict_comment(c, lang)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("rectify: {name}: {e}");
            return text_merge(a, &shown, lang);
        }
    };
    if let Err(e) = save::replace(&a.ours, marked.as_bytes()) {
        eprintln!("rectify: {name}: {}", e.text(lang));
        return Outcome::Conflicts;
    }
    for c in &merged.conflicts {
        eprintln!("{name}: {}", conflict_comment(c, lang));
    }
    eprintln!(
        "{}",
        tr!(
            lang,
            "rectify：{name} 有冲突，已在文件中用 <<<<<<< 和 >>>>>>> 标出两方的值；保留一方、删去标记后 `rectify check` 校验",
            "rectify: {name} has conflicts, marked in the file between <<<<<<< and >>>>>>> with both values; keep one side, delete the markers, then run `rectify check`"
        )
    );
    Outcome::Conflicts
}

/// Whether `text` reads as a board (validation warnings and rule errors aside: a merge may
/// combine two valid changes into a board `check` then questions).
fn reads(path: &Path, text: &str) -> bool {
    !storage::load_text(path, text)
        .errors()
        .any(|d| matches!(d.problem, Problem::Syntax(_)))
}

/// The comment above a conflict's markers, and its line on stderr.
pub fn conflict_comment(c: &Conflict, lang: Lang) -> String {
    let what = match &c.place {
        Place::Program => tr!(lang, "方案本身", "the program"),
        Place::Measure(id) => tr!(lang, "措施 {id}", "measure {id}"),
        Place::Milestone(t) => tr!(lang, "时间节点“{t}”", "milestone \"{t}\""),
    };
    let none = || tr!(lang, "（无）", "(none)");
    // A value spread over lines (a revised list, a whole measure) is shown on one.
    let one_line = |v: &Option<String>| {
        v.as_deref()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_else(none)
    };
    let (ours, theirs) = (one_line(&c.ours), one_line(&c.theirs));
    match &c.field {
        Some(f) => tr!(
            lang,
            "合并冲突：{what} 的字段 {f}，我方为 {ours}，对方为 {theirs}",
            "merge conflict: {what}, field {f}: ours {ours}, theirs {theirs}"
        ),
        None if c.ours.is_none() => tr!(
            lang,
            "合并冲突：{what} 我方已删除，对方作了修改",
            "merge conflict: {what} removed here, changed there"
        ),
        None if c.theirs.is_none() => tr!(
            lang,
            "合并冲突：{what} 我方作了修改，对方已删除",
            "merge conflict: {what} changed here, removed there"
        ),
        None => tr!(
            lang,
            "合并冲突：{what} 双方都新增了，内容不同",
            "merge conflict: {what} added on both sides, differently"
        ),
    }
}

fn unmergeable(u: &Unmergeable, lang: Lang) -> String {
    let side = |s: merge::Side| match s {
        merge::Side::Base => tr!(lang, "共同祖先", "the common ancestor"),
        merge::Side::Ours => tr!(lang, "我方", "ours"),
        merge::Side::Theirs => tr!(lang, "对方", "theirs"),
    };
    match u {
        Unmergeable::Unreadable(s, e) => {
            let (s, m) = (side(*s), &e.message);
            tr!(lang, "{s}的版本无法解析：{m}", "{s} does not parse: {m}")
        }
        Unmergeable::Ambiguous(s, name) => {
            let s = side(*s);
            tr!(
                lang,
                "{s}的版本中有重复的“{name}”",
                "{s} has \"{name}\" twice"
            )
        }
        Unmergeable::Edit(e) => e.to_string(),
    }
}

/// Git's own line merge, in place in OURS (`git merge-file`): the fallback for versions the
/// field merge cannot read. Clean only when git says so and the result reads as a board.
fn text_merge(a: &MergeArgs, shown: &Path, lang: Lang) -> Outcome {
    let status = Process::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(&a.ours)
        .arg(&a.base)
        .arg(&a.theirs)
        .status();
    match status {
        Ok(s) if s.success() => {
            let merged = std::fs::read_to_string(&a.ours).unwrap_or_default();
            if reads(shown, &merged) {
                Outcome::Merged
            } else {
                Outcome::Conflicts
            }
        }
        Ok(_) => Outcome::Conflicts,
        Err(e) => {
            let name = shown.display();
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "rectify：无法运行 git merge-file（{e}），{name} 保持我方版本，请手工合并",
                    "rectify: cannot run git merge-file ({e}); {name} is left as ours: merge it by hand"
                )
            );
            Outcome::Conflicts
        }
    }
}

/// The lines `setup` makes sure are in `.gitignore`: rectify's local files, never shared.
pub const IGNORED: [&str; 3] = [HISTORY_FILE, ".rectify.lock", ".rectify-*.tmp"];
pub const ATTRIBUTE: &str = "*.ron merge=rectify";

/// `rectify git setup`: what it did (or found already done), one line each.
pub fn setup(dir: &Path, lang: Lang) -> anyhow::Result<String> {
    let shown = dir.display().to_string();
    let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        anyhow::anyhow!(tr!(
            lang,
            "{shown} 不在 git 仓库中（{e}）；先 git init 或 git clone",
            "{shown} is not inside a git repository ({e}); git init or git clone first"
        ))
    })?;
    let mut said = Vec::new();
    let attributes = dir.join(".gitattributes");
    let added = ensure_lines(&attributes, &[ATTRIBUTE])?;
    said.push(lines_said(&attributes, &added, lang));
    let gitignore = dir.join(".gitignore");
    let added = ensure_lines(&gitignore, &IGNORED)?;
    said.push(lines_said(&gitignore, &added, lang));
    let exe = std::env::current_exe()?;
    let driver = format!(
        "{} git merge %O %A %B %P",
        shell_quote(&exe.to_string_lossy())
    );
    let name = "rectify: board fields merged one by one";
    for (key, value) in [
        ("merge.rectify.name", name),
        ("merge.rectify.driver", &driver),
    ] {
        let now = git(dir, &["config", "--local", "--get", key]).ok();
        if now.as_deref() == Some(value) {
            said.push(tr!(lang, "{key} 已设置", "{key} already set"));
        } else {
            git(dir, &["config", "--local", key, value])?;
            said.push(tr!(lang, "已设置 {key} = {value}", "set {key} = {value}"));
        }
    }
    said.push(tr!(
        lang,
        "仓库 {top} 的看板将按字段合并；请提交 .gitattributes 和 .gitignore，其他站点各自运行一次 rectify git setup",
        "boards in {top} now merge field by field; commit .gitattributes and .gitignore, and run rectify git setup once at every other site"
    ));
    Ok(said.join("\n"))
}

fn lines_said(file: &Path, added: &[&str], lang: Lang) -> String {
    let f = file.display();
    if added.is_empty() {
        tr!(lang, "{f} 已包含所需内容", "{f} already has what is needed")
    } else {
        let l = added.join(", ");
        tr!(lang, "已在 {f} 中加入：{l}", "added to {f}: {l}")
    }
}

/// Appends the lines of `want` that `file` lacks (creating it), keeping what is there; the
/// lines added.
fn ensure_lines<'a>(file: &Path, want: &[&'a str]) -> anyhow::Result<Vec<&'a str>> {
    let have = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => anyhow::bail!("{}: {e}", file.display()),
    };
    let missing: Vec<&str> = want
        .iter()
        .copied()
        .filter(|w| !have.lines().any(|l| l.trim() == *w))
        .collect();
    if missing.is_empty() {
        return Ok(missing);
    }
    let mut text = have;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for m in &missing {
        text.push_str(m);
        text.push('\n');
    }
    std::fs::write(file, text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    Ok(missing)
}

/// Git runs a merge driver through the shell.
fn shell_quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<String> {
    let out = Process::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| anyhow::anyhow!("git: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        anyhow::bail!("git {}: {err}", args.join(" "));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}
