//! Three-way merge of board text at field level, for git's merge driver: what THEIRS changed
//! since BASE is carried into OURS with the same in-place edits the board makes, so every byte
//! outside a changed field stays as OURS has it, comments included. Git merges lines: two sites
//! changing neighbouring fields of one measure (progress here, the note there) would conflict
//! for it; here they do not. A field both sides changed to different values is never picked:
//! it is a [`Conflict`], and [`mark`] writes both versions around it for a person to choose.

use super::cst::{self, Kind, Node};
use super::edit::{EditError, Item, line_end, line_start, locate, set_item_field, splice};
use super::grow::{House, into_list};
use super::list::{indent_unit, position_of};
use super::shrink::{cut_range, remove_measure};
use crate::domain::Date;

/// Which of the three versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Base,
    Ours,
    Theirs,
}

/// Why a field-level merge cannot be made; the caller falls back to git's text merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmergeable {
    /// A version does not read as a board: where and what.
    Unreadable(Side, cst::SyntaxError),
    /// Two measures share an id, or two milestones a title, so items cannot be matched up.
    Ambiguous(Side, String),
    /// The edit engine could not carry a change over.
    Edit(EditError),
}

impl From<EditError> for Unmergeable {
    fn from(e: EditError) -> Self {
        Unmergeable::Edit(e)
    }
}

/// What a conflict is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A field of the program itself (title, lead, due, …).
    Program,
    Measure(String),
    /// Milestones have no id; they are matched by title.
    Milestone(String),
}

/// One thing both sides changed differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub place: Place,
    /// The field, or `None` when the whole item is at stake (changed on one side, removed on
    /// the other; added on both with different contents).
    pub field: Option<String>,
    /// Each side's value (or item) as written in its file; `None` where it is absent.
    pub ours: Option<String>,
    pub theirs: Option<String>,
    /// How to turn the merged text into THEIRS's version of this one thing.
    alt: Step,
}

/// The merge: OURS with every change that did not conflict, and the conflicts left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<Conflict>,
}

/// One change carried into the merged text, re-located in the text as it stands each time.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// A field of the program itself.
    Program {
        name: String,
        value: Option<String>,
    },
    Field {
        key: Key,
        name: String,
        /// RON text as THEIRS wrote it; `None` removes the field.
        value: Option<String>,
    },
    Remove(Key),
    /// An item as THEIRS wrote it, put where THEIRS has it.
    Add {
        key: Key,
        raw: String,
        /// Measures: the ids before it in THEIRS, nearest first; it goes after the first still
        /// there, past any OURS added there (ours first, then theirs).
        before: Vec<String>,
        /// Measures OURS added (not in BASE).
        ours_new: Vec<String>,
    },
    Replace {
        key: Key,
        raw: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    Measure(String),
    Milestone(String),
}

impl Key {
    fn list(&self) -> &'static str {
        match self {
            Key::Measure(_) => "measures",
            Key::Milestone(_) => "milestones",
        }
    }

    fn index(&self, root: &Node) -> Option<usize> {
        let items = root.field(self.list())?.value.items();
        match self {
            Key::Measure(id) => position_of(items, id),
            Key::Milestone(title) => items.iter().position(|m| title_of(m) == Some(title)),
        }
    }

    fn item(&self, root: &Node) -> Option<Item<'_>> {
        match self {
            Key::Measure(id) => Some(Item::Measure(id)),
            Key::Milestone(_) => self.index(root).map(|i| Item::Milestone(i + 1)),
        }
    }

    fn place(&self) -> Place {
        match self {
            Key::Measure(id) => Place::Measure(id.clone()),
            Key::Milestone(t) => Place::Milestone(t.clone()),
        }
    }
}

fn field<'n>(n: &'n Node, name: &str) -> Option<&'n Node> {
    n.field(name).map(|f| &f.value)
}

fn title_of(m: &Node) -> Option<&str> {
    m.field("title").and_then(|f| f.value.as_str())
}

fn id_of(m: &Node) -> Option<&str> {
    m.field("id").and_then(|f| f.value.as_str())
}

/// One version, parsed.
struct Version<'a> {
    text: &'a str,
    root: Node,
}

impl<'a> Version<'a> {
    fn read(side: Side, text: &'a str) -> Result<Version<'a>, Unmergeable> {
        let root = cst::parse(text).map_err(|e| Unmergeable::Unreadable(side, e))?;
        if !matches!(root.kind, Kind::Struct { .. }) {
            let e = cst::SyntaxError {
                offset: root.span.start,
                message: "expected Program(…)".to_owned(),
            };
            return Err(Unmergeable::Unreadable(side, e));
        }
        let v = Version { text, root };
        for key in [Key::Measure(String::new()), Key::Milestone(String::new())] {
            let mut seen = Vec::new();
            for it in v.items(key.list()) {
                let name = match key {
                    Key::Measure(_) => id_of(it),
                    Key::Milestone(_) => title_of(it),
                };
                let Some(name) = name else {
                    return Err(Unmergeable::Ambiguous(side, String::new()));
                };
                if seen.contains(&name) {
                    return Err(Unmergeable::Ambiguous(side, name.to_owned()));
                }
                seen.push(name);
            }
        }
        Ok(v)
    }

    fn items(&self, list: &str) -> &[Node] {
        self.root.field(list).map_or(&[], |f| f.value.items())
    }

    fn keys(&self, list: &str) -> Vec<Key> {
        self.items(list)
            .iter()
            .filter_map(|it| match list {
                "measures" => id_of(it).map(|s| Key::Measure(s.to_owned())),
                _ => title_of(it).map(|s| Key::Milestone(s.to_owned())),
            })
            .collect()
    }

    fn find(&self, key: &Key) -> Option<&Node> {
        key.index(&self.root)
            .and_then(|i| self.items(key.list()).get(i))
    }

    fn raw(&self, n: &Node) -> String {
        self.text[n.span.clone()].to_owned()
    }
}

/// A value with layout and comments taken away: two sides that wrote the same value
/// differently agree.
fn canon(n: &Node) -> String {
    let list = |items: &[Node]| items.iter().map(canon).collect::<Vec<_>>().join(",");
    match &n.kind {
        Kind::Str(s) => format!("{s:?}"),
        Kind::Atom(a) => a.clone(),
        Kind::Struct { name, fields, .. } => {
            let fs: Vec<String> = fields
                .iter()
                .map(|f| format!("{}:{}", f.name, canon(&f.value)))
                .collect();
            format!("{}({})", name.as_deref().unwrap_or(""), fs.join(","))
        }
        Kind::Tuple { name, items, .. } => {
            format!("{}({})", name.as_deref().unwrap_or(""), list(items))
        }
        Kind::List { items, .. } => format!("[{}]", list(items)),
        Kind::Map { entries, .. } => {
            let es: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}:{}", canon(k), canon(v)))
                .collect();
            format!("{{{}}}", es.join(","))
        }
    }
}

/// What to do with one thing THEIRS may have changed.
enum Pick {
    Keep,
    Take,
    Conflict,
}

/// The three-way rule: THEIRS's change is taken where OURS left the thing as it was; both
/// sides arriving at the same value is agreement, not conflict.
fn pick(base: Option<&Node>, ours: Option<&Node>, theirs: Option<&Node>) -> Pick {
    let (b, o, t) = (base.map(canon), ours.map(canon), theirs.map(canon));
    if t == b || t == o {
        Pick::Keep
    } else if o == b {
        Pick::Take
    } else {
        Pick::Conflict
    }
}

/// Field names of any of the structs, in first-seen order.
fn field_names(nodes: [Option<&Node>; 3]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for n in nodes.into_iter().flatten() {
        for f in n.fields() {
            if !names.contains(&f.name.as_str()) {
                names.push(&f.name);
            }
        }
    }
    names
}

/// Merges THEIRS into OURS against BASE. Conflicts are collected, not resolved: the text
/// returned holds OURS's side of each.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Result<Merged, Unmergeable> {
    let b = Version::read(Side::Base, base)?;
    let o = Version::read(Side::Ours, ours)?;
    let t = Version::read(Side::Theirs, theirs)?;
    let mut steps = Vec::new();
    let mut conflicts = Vec::new();

    // The program's own fields; its lists are merged item by item below.
    for name in field_names([Some(&b.root), Some(&o.root), Some(&t.root)]) {
        if name == "measures" || name == "milestones" {
            continue;
        }
        let (bv, ov, tv) = (
            field(&b.root, name),
            field(&o.root, name),
            field(&t.root, name),
        );
        match pick(bv, ov, tv) {
            Pick::Keep => {}
            Pick::Take => steps.push(program_step(name, tv.map(|n| t.raw(n)))),
            Pick::Conflict => conflicts.push(Conflict {
                place: Place::Program,
                field: Some(name.to_owned()),
                ours: ov.map(|n| o.raw(n)),
                theirs: tv.map(|n| t.raw(n)),
                alt: program_step(name, tv.map(|n| t.raw(n))),
            }),
        }
    }

    for list in ["measures", "milestones"] {
        let base_keys = b.keys(list);
        let ours_keys = o.keys(list);
        let theirs_keys = t.keys(list);
        for key in &base_keys {
            let (bi, oi, ti) = (b.find(key), o.find(key), t.find(key));
            match (oi, ti) {
                (Some(om), Some(tm)) => {
                    for name in field_names([bi, Some(om), Some(tm)]) {
                        let (bv, ov, tv) = (
                            bi.and_then(|n| field(n, name)),
                            field(om, name),
                            field(tm, name),
                        );
                        let step = || Step::Field {
                            key: key.clone(),
                            name: name.to_owned(),
                            value: tv.map(|n| t.raw(n)),
                        };
                        match pick(bv, ov, tv) {
                            Pick::Keep => {}
                            Pick::Take => steps.push(step()),
                            Pick::Conflict => conflicts.push(Conflict {
                                place: key.place(),
                                field: Some(name.to_owned()),
                                ours: ov.map(|n| o.raw(n)),
                                theirs: tv.map(|n| t.raw(n)),
                                alt: step(),
                            }),
                        }
                    }
                }
                (Some(om), None) => match pick(bi, Some(om), None) {
                    Pick::Take => steps.push(Step::Remove(key.clone())),
                    Pick::Keep => {}
                    Pick::Conflict => conflicts.push(Conflict {
                        place: key.place(),
                        field: None,
                        ours: Some(o.raw(om)),
                        theirs: None,
                        alt: Step::Remove(key.clone()),
                    }),
                },
                (None, Some(tm)) => {
                    if let Pick::Conflict = pick(bi, None, Some(tm)) {
                        conflicts.push(Conflict {
                            place: key.place(),
                            field: None,
                            ours: None,
                            theirs: Some(t.raw(tm)),
                            alt: add_step(key, &t, &theirs_keys, &base_keys, &ours_keys),
                        });
                    }
                }
                (None, None) => {}
            }
        }
        for key in theirs_keys.iter().filter(|k| !base_keys.contains(k)) {
            let Some(tm) = t.find(key) else { continue };
            match o.find(key) {
                None => steps.push(add_step(key, &t, &theirs_keys, &base_keys, &ours_keys)),
                Some(om) if canon(om) == canon(tm) => {}
                Some(om) => conflicts.push(Conflict {
                    place: key.place(),
                    field: None,
                    ours: Some(o.raw(om)),
                    theirs: Some(t.raw(tm)),
                    alt: Step::Replace {
                        key: key.clone(),
                        raw: t.raw(tm),
                    },
                }),
            }
        }
    }

    // Field edits first, while every item is where the keys find it; then the list changes.
    steps.sort_by_key(|s| match s {
        Step::Program { .. } | Step::Field { .. } => 0,
        Step::Remove(_) => 1,
        Step::Replace { .. } => 2,
        Step::Add { .. } => 3,
    });
    let mut text = ours.to_owned();
    for s in &steps {
        text = apply(&text, s)?;
    }
    Ok(Merged { text, conflicts })
}

fn program_step(name: &str, value: Option<String>) -> Step {
    Step::Program {
        name: name.to_owned(),
        value,
    }
}

fn add_step(
    key: &Key,
    t: &Version<'_>,
    theirs_keys: &[Key],
    base_keys: &[Key],
    ours_keys: &[Key],
) -> Step {
    let raw = t.find(key).map(|n| t.raw(n)).unwrap_or_default();
    let at = theirs_keys.iter().position(|k| k == key).unwrap_or(0);
    let name = |k: &Key| match k {
        Key::Measure(s) | Key::Milestone(s) => s.clone(),
    };
    Step::Add {
        key: key.clone(),
        raw,
        before: theirs_keys[..at].iter().rev().map(name).collect(),
        ours_new: ours_keys
            .iter()
            .filter(|k| !base_keys.contains(k))
            .map(name)
            .collect(),
    }
}

/// `text` with one step done.
fn apply(text: &str, step: &Step) -> Result<String, EditError> {
    let root = locate(text)?;
    match step {
        Step::Program { name, value } => set_program_field(text, &root, name, value.as_deref()),
        Step::Field { key, name, value } => {
            let item = key.item(&root).ok_or_else(|| missing(key))?;
            set_item_field(text, item, name, value.as_deref())
        }
        Step::Remove(key) => {
            if let Key::Measure(id) = key {
                return Ok(remove_measure(text, id)?.text);
            }
            let i = key.index(&root).ok_or_else(|| missing(key))?;
            let list = &root.field(key.list()).ok_or_else(|| missing(key))?.value;
            let range = cut_range(text, list, list.items(), i);
            Ok(splice(text, range.start, range.end, ""))
        }
        Step::Replace { key, raw } => {
            let i = key.index(&root).ok_or_else(|| missing(key))?;
            let list = &root.field(key.list()).ok_or_else(|| missing(key))?.value;
            let span = list.items()[i].span.clone();
            Ok(splice(text, span.start, span.end, raw))
        }
        Step::Add {
            key,
            raw,
            before,
            ours_new,
        } => {
            let list = &root
                .field(key.list())
                .ok_or_else(|| EditError::NoPlace(raw.clone()))?
                .value;
            let items = list.items();
            let at = match key {
                Key::Measure(_) => {
                    let after = before.iter().find_map(|id| position_of(items, id));
                    let mut at = after.map_or(0, |i| i + 1);
                    while items
                        .get(at)
                        .and_then(id_of)
                        .is_some_and(|id| ours_new.iter().any(|n| n == id))
                    {
                        at += 1;
                    }
                    at
                }
                // Milestones stand in date order, as the board adds them.
                Key::Milestone(_) => {
                    let due_of = |n: &Node| {
                        n.field("due")
                            .and_then(|f| f.value.as_str().and_then(Date::parse))
                    };
                    let due = cst::parse(raw).ok().and_then(|n| due_of(&n));
                    items
                        .iter()
                        .rposition(|it| due_of(it).is_some_and(|d| due.is_none_or(|due| d <= due)))
                        .map_or(0, |i| i + 1)
                }
            };
            let house = match key {
                Key::Measure(_) => House::Measure,
                Key::Milestone(_) => House::Milestone,
            };
            let unit = indent_unit(text, &root);
            let inserts = into_list(text, list, at, &unit, house, |_| raw.clone())?;
            Ok(super::edit::apply_inserts(text, &inserts))
        }
    }
}

fn missing(key: &Key) -> EditError {
    match key {
        Key::Measure(id) => EditError::NoMeasure(id.clone()),
        Key::Milestone(t) => EditError::NoPlace(t.clone()),
    }
}

fn set_program_field(
    text: &str,
    root: &Node,
    name: &str,
    value: Option<&str>,
) -> Result<String, EditError> {
    Ok(match (root.field(name), value) {
        (Some(f), Some(v)) => splice(text, f.value.span.start, f.value.span.end, v),
        (Some(f), None) => {
            let ls = line_start(text, f.name_span.start);
            splice(text, ls, line_end(text, f.end), "")
        }
        (None, Some(v)) => {
            let inserts = super::edit::insert(text, root, &super::edit::PROGRAM_ORDER, name, v);
            super::edit::apply_inserts(text, &inserts)
        }
        (None, None) => text.to_owned(),
    })
}

/// The merged text with each conflict's lines written twice, git's way, so a person chooses:
/// `label` gives the comment line above the markers that names the measure, the field and
/// both values (in the reader's words). The markers start their lines, so `rectify check`
/// points at them; conflicts on one line share one pair of markers.
pub fn mark(merged: &Merged, label: impl Fn(&Conflict) -> String) -> Result<String, EditError> {
    let text = &merged.text;
    // Each conflict's lines in the merged text, and THEIRS's lines for them.
    let mut regions: Vec<(usize, usize, Vec<&Conflict>)> = Vec::new();
    for c in &merged.conflicts {
        let (start, end) = lines_changed(text, &apply(text, &c.alt)?);
        regions.push((start, end, vec![c]));
    }
    regions.sort_by_key(|r| r.0);
    let mut groups: Vec<(usize, usize, Vec<&Conflict>)> = Vec::new();
    for r in regions {
        match groups.last_mut() {
            Some(g) if r.0 < g.1 || (r.0 == g.0) => {
                g.1 = g.1.max(r.1);
                g.2.extend(r.2);
            }
            _ => groups.push(r),
        }
    }
    let nl = super::edit::newline(text);
    let mut out = text.clone();
    for (start, end, cs) in groups.iter().rev() {
        let mut theirs = text.clone();
        for c in cs {
            theirs = apply(&theirs, &c.alt)?;
        }
        let tail = text.len() - end;
        let their_lines = &theirs[*start..theirs.len() - tail];
        let indent: String = text[*start..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let mut block = String::new();
        for c in cs {
            block.push_str(&format!("{indent}// {}{nl}", label(c)));
        }
        block.push_str(&format!("<<<<<<< ours{nl}"));
        block.push_str(&with_end(&text[*start..*end], nl));
        block.push_str(&format!("======={nl}"));
        block.push_str(&with_end(their_lines, nl));
        block.push_str(&format!(">>>>>>> theirs{nl}"));
        out = splice(&out, *start, *end, &block);
    }
    Ok(out)
}

fn with_end(lines: &str, nl: &str) -> String {
    if lines.is_empty() || lines.ends_with('\n') {
        lines.to_owned()
    } else {
        format!("{lines}{nl}")
    }
}

/// The whole lines of `a` that differ from `b` (common start and end kept out), as a range of
/// `a`; empty (at a line start) when `b` only adds lines.
fn lines_changed(a: &str, b: &str) -> (usize, usize) {
    let prefix = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let max_suffix = a.len().min(b.len()) - prefix;
    let suffix = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    // Back to a character boundary: the common run may end inside a multi-byte character.
    let mut p = prefix;
    while !a.is_char_boundary(p) {
        p -= 1;
    }
    let start = line_start(a, p);
    let mut end = a.len() - suffix;
    while !a.is_char_boundary(end) {
        end += 1;
    }
    let end = if end <= start || a[..end].ends_with('\n') {
        end.max(start)
    } else {
        line_end(a, end)
    };
    (start, end)
}
