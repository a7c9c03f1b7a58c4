//! What each list shows, derived from the state on demand: filtered, sorted, keyed.
//!
//! The lists are memoised: each is computed once for a given state of what it is derived from
//! (the boards, the filter, the sort, the open program, today) and served from [`RowCache`]
//! until that state changes. A key press that only moves the selection therefore costs a
//! lookup, not a pass over every measure of every board. The cache checks its inputs itself on
//! every read, so no code path that changes the state has to remember to invalidate it.

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

use super::lists::DrillRow;
use super::{App, DeadlineFilter, Filter};
use crate::domain::owners::OwnerRow;
use crate::domain::schedule::{self, percent};
use crate::domain::{Date, Measure, Program};
use crate::i18n::Totals;
use crate::storage::ContentHash;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// As written in the file: the order its authors chose.
    File,
    Due,
    Status,
    Owner,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::File => SortKey::Due,
            SortKey::Due => SortKey::Status,
            SortKey::Status => SortKey::Owner,
            SortKey::Owner => SortKey::File,
        }
    }
}

/// Where a deadline row stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bucket {
    Overdue,
    Week,
    Month,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineRow {
    pub board: usize,
    pub measure: usize,
    pub bucket: Bucket,
    pub days_left: i64,
}

impl DeadlineRow {
    pub fn key(&self, app: &App) -> (PathBuf, String) {
        let b = &app.boards[self.board];
        let id = b
            .program
            .as_ref()
            .map(|p| p.measures[self.measure].id.clone())
            .unwrap_or_default();
        (b.path.clone(), id)
    }
}

/// The text filter, lowercased once per list rather than once per measure.
pub(crate) struct Needle {
    text: String,
    /// No character of the needle is lowercase (CJK, digits, punctuation): lowercasing a
    /// haystack cannot create or destroy a match, so it is searched as it is.
    caseless: bool,
}

impl Needle {
    pub(crate) fn new(filter: &str) -> Needle {
        let text = filter.trim().to_lowercase();
        // Lowercasing only ever produces lowercase letters (and U+0307 after a dotted I), so
        // a needle with none of those matches a lowercased text exactly where it matches the
        // text itself.
        let caseless = text.chars().all(|c| !c.is_lowercase() && c != '\u{307}');
        Needle { text, caseless }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether `hay`, lowercased, contains the needle; without allocating unless a non-ASCII
    /// text must really be lowercased.
    pub(crate) fn found_in(&self, hay: &str) -> bool {
        if self.caseless {
            return hay.contains(self.text.as_str());
        }
        if hay.is_ascii() {
            let n = self.text.as_bytes();
            // An ASCII text lowercases to ASCII: a needle with anything else cannot be in it.
            return n.is_ascii()
                && (n.len() <= hay.len())
                && hay
                    .as_bytes()
                    .windows(n.len().max(1))
                    .any(|w| w.eq_ignore_ascii_case(n));
        }
        hay.to_lowercase().contains(self.text.as_str())
    }
}

/// What a list was derived from, per board: a changed, added, removed or reordered board, or
/// a program replaced in memory, gives a different stamp. Programs are only ever replaced
/// whole (a reload, a save); the content hash and the address of the measures tell a
/// replacement apart even from an identical-looking one.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BoardStamp {
    path: PathBuf,
    hash: Option<ContentHash>,
    measures: usize,
    len: usize,
}

fn stamp_matches(stamps: &[BoardStamp], app: &App) -> bool {
    stamps.len() == app.boards.len()
        && stamps.iter().zip(&app.boards).all(|(s, b)| {
            let (ptr, len) = b
                .program
                .as_ref()
                .map_or((0, 0), |p| (p.measures.as_ptr() as usize, p.measures.len()));
            // The paths' bytes: `Path`'s own equality walks their components, which at 200
            // boards was a tenth of a key press.
            s.measures == ptr
                && s.len == len
                && s.hash == b.hash
                && s.path.as_os_str() == b.path.as_os_str()
        })
}

fn stamps(app: &App) -> Vec<BoardStamp> {
    app.boards
        .iter()
        .map(|b| {
            let (measures, len) = b
                .program
                .as_ref()
                .map_or((0, 0), |p| (p.measures.as_ptr() as usize, p.measures.len()));
            BoardStamp {
                path: b.path.clone(),
                hash: b.hash,
                measures,
                len,
            }
        })
        .collect()
}

/// What every list depends on besides the boards: the filter, and the day and window a
/// deadline filter judges by.
type FilterKey = (Filter, Date, i64);
type OverviewKey = FilterKey;
/// The filter, the sort and the open program.
type MeasuresKey = (FilterKey, SortKey, Option<PathBuf>);
type DeadlinesKey = FilterKey;
/// The filter, and the unit whose measures are open.
type UnitKey = (FilterKey, String);

/// One memoised list and the key it was computed for.
type Slot<K, T> = Option<(K, Arc<T>)>;

#[derive(Default)]
struct CacheState {
    /// The boards every list below was derived from; `None` until the first read.
    boards: Option<Vec<BoardStamp>>,
    overview: Slot<OverviewKey, [usize]>,
    measures: Slot<MeasuresKey, [usize]>,
    deadlines: Slot<DeadlinesKey, [DeadlineRow]>,
    /// What the deadline table's columns need from every row (their widths), kept with the
    /// rows: at 100,000 measures the scan cost more than the rest of a frame.
    deadline_extent: Slot<DeadlinesKey, (u16, u16)>,
    owners: Slot<FilterKey, [OwnerRow]>,
    unit: Slot<UnitKey, [DrillRow]>,
}

/// The memo of the derived lists; see the module comment. Part of [`App`], but not of its
/// value: a clone starts empty and any two caches compare equal.
#[derive(Default)]
pub struct RowCache(RefCell<CacheState>);

impl Clone for RowCache {
    fn clone(&self) -> RowCache {
        RowCache::default()
    }
}

impl PartialEq for RowCache {
    fn eq(&self, _: &RowCache) -> bool {
        true
    }
}

impl std::fmt::Debug for RowCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RowCache")
    }
}

impl RowCache {
    /// The list in the slot `pick` selects, computed by `make` unless neither the boards nor
    /// the list's `key` changed since it was.
    fn get<K: PartialEq, T: ?Sized>(
        &self,
        app: &App,
        key: K,
        pick: impl Fn(&mut CacheState) -> &mut Slot<K, T>,
        make: impl FnOnce() -> Arc<T>,
    ) -> Arc<T> {
        {
            let mut st = self.0.borrow_mut();
            if !st.boards.as_ref().is_some_and(|s| stamp_matches(s, app)) {
                *st = CacheState {
                    boards: Some(stamps(app)),
                    ..CacheState::default()
                };
            }
            if let Some((k, v)) = pick(&mut st)
                && *k == key
            {
                return v.clone();
            }
        }
        // Computed without holding the borrow: `make` may read another list.
        let v = make();
        *pick(&mut self.0.borrow_mut()) = Some((key, v.clone()));
        v
    }
}

impl App {
    pub(crate) fn needle(&self) -> Needle {
        Needle::new(&self.filter.text)
    }

    /// Whether a measure passes the current text and status filters.
    pub fn matches(&self, m: &Measure) -> bool {
        self.measure_matches(m, &self.needle())
    }

    pub(crate) fn measure_matches(&self, m: &Measure, needle: &Needle) -> bool {
        self.matches_but_owner(m, needle)
            && self
                .filter
                .owner
                .as_deref()
                .is_none_or(|u| crate::domain::owners::names_unit(&m.owner, u))
    }

    /// The text, status and deadline filters, not the owner unit's.
    pub(crate) fn matches_but_owner(&self, m: &Measure, needle: &Needle) -> bool {
        let text_ok = needle.is_empty()
            || needle.found_in(&m.title)
            || needle.found_in(&m.owner)
            || needle.found_in(&m.id);
        let deadline_ok = match self.filter.deadline {
            None => true,
            Some(DeadlineFilter::Overdue) => schedule::is_overdue(m, self.today),
            Some(DeadlineFilter::DueSoon) => {
                schedule::is_due_soon(m, self.today, self.settings.due_soon_days)
            }
        };
        text_ok && deadline_ok && self.filter.status.is_none_or(|s| m.status.kind() == s)
    }

    fn filter_key(&self) -> FilterKey {
        let mut f = self.filter.clone();
        // Typing a filter's text changes the text, not whether it is being typed.
        f.editing = false;
        (f, self.today, self.settings.due_soon_days)
    }

    /// Boards on the overview, in file order. The text filter matches a program's title, lead
    /// unit or id, or any of its measures.
    pub fn overview_rows(&self) -> Vec<usize> {
        self.overview_list().to_vec()
    }

    /// [`App::overview_rows`], shared rather than copied.
    pub fn overview_list(&self) -> Arc<[usize]> {
        let key = self.filter_key();
        self.rows_cache.get(
            self,
            key,
            |c| &mut c.overview,
            || self.compute_overview().into(),
        )
    }

    fn compute_overview(&self) -> Vec<usize> {
        let needle = self.needle();
        (0..self.boards.len())
            .filter(|&i| {
                if !self.filter.is_active() {
                    return true;
                }
                let Some(p) = &self.boards[i].program else {
                    return needle.is_empty() && !self.filter.narrows_measures();
                };
                let own = !needle.is_empty()
                    && !self.filter.narrows_measures()
                    && (needle.found_in(&p.title)
                        || needle.found_in(&p.lead)
                        || needle.found_in(&p.id));
                own || p.measures.iter().any(|m| self.measure_matches(m, &needle))
            })
            .collect()
    }

    /// Measures of the open program that pass the filter, in the chosen order.
    pub fn measure_rows(&self) -> Vec<usize> {
        self.measure_list().to_vec()
    }

    /// [`App::measure_rows`], shared rather than copied.
    pub fn measure_list(&self) -> Arc<[usize]> {
        let key = (self.filter_key(), self.sort, self.program_path.clone());
        self.rows_cache.get(
            self,
            key,
            |c| &mut c.measures,
            || self.compute_measures().into(),
        )
    }

    fn compute_measures(&self) -> Vec<usize> {
        let Some(p) = self.current_board().and_then(|b| b.program.as_ref()) else {
            return Vec::new();
        };
        let needle = self.needle();
        let mut rows: Vec<usize> = (0..p.measures.len())
            .filter(|&i| self.measure_matches(&p.measures[i], &needle))
            .collect();
        sort_measures(&mut rows, p, self.sort);
        rows
    }

    /// The ledger of what needs attention across all programs: overdue first, then due within
    /// the due-soon window, then within 30 days; nearest first within each.
    pub fn deadline_rows(&self) -> Vec<DeadlineRow> {
        self.deadline_list().to_vec()
    }

    /// [`App::deadline_rows`], shared rather than copied.
    pub fn deadline_list(&self) -> Arc<[DeadlineRow]> {
        let key = self.filter_key();
        self.rows_cache.get(
            self,
            key,
            |c| &mut c.deadlines,
            || self.compute_deadlines().into(),
        )
    }

    /// What `measure` derives from the whole deadline list, computed once per list rather than
    /// once per frame; the deadline table alone asks for it.
    pub fn deadline_extent(
        &self,
        measure: impl FnOnce(&[DeadlineRow]) -> (u16, u16),
    ) -> (u16, u16) {
        let key = self.filter_key();
        let rows = self.deadline_list();
        *self.rows_cache.get(
            self,
            key,
            |c| &mut c.deadline_extent,
            || Arc::new(measure(&rows)),
        )
    }

    fn compute_deadlines(&self) -> Vec<DeadlineRow> {
        let needle = self.needle();
        let week = self.settings.due_soon_days;
        let mut rows = Vec::new();
        for (bi, b) in self.boards.iter().enumerate() {
            let Some(p) = &b.program else { continue };
            for (mi, m) in p.measures.iter().enumerate() {
                if m.status.is_finished() || !self.measure_matches(m, &needle) {
                    continue;
                }
                let days_left = schedule::days_left(m, self.today);
                let bucket = match days_left {
                    d if d < 0 => Bucket::Overdue,
                    d if d <= week => Bucket::Week,
                    d if d <= 30 => Bucket::Month,
                    _ => continue,
                };
                rows.push(DeadlineRow {
                    board: bi,
                    measure: mi,
                    bucket,
                    days_left,
                });
            }
        }
        // Board and measure indices make every key unique: an unstable sort gives the same
        // order as a stable one, without the stable sort's buffer.
        rows.sort_unstable_by_key(|r| (r.bucket, r.days_left, r.board, r.measure));
        rows
    }

    /// [`App::owner_rows`], shared: counted once per state of the boards and the filter,
    /// not once per key and per frame.
    pub fn owner_list(&self) -> Arc<[OwnerRow]> {
        let key = self.filter_key();
        self.rows_cache
            .get(self, key, |c| &mut c.owners, || self.owner_rows().into())
    }

    /// The open unit's measures ([`App::drill_rows`] on the owner screen), shared.
    pub(super) fn unit_list(&self, unit: &str) -> Arc<[DrillRow]> {
        let key = (self.filter_key(), unit.to_owned());
        self.rows_cache
            .get(self, key, |c| &mut c.unit, || self.unit_rows(unit).into())
    }

    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            programs: 0,
            measures: 0,
            finished_pct: None,
            signed_off: 0,
            overdue: 0,
            due_soon: 0,
            due_soon_days: self.settings.due_soon_days,
        };
        let mut finished = 0;
        for a in self.boards.iter().filter_map(|b| b.assessment.as_ref()) {
            t.programs += 1;
            t.measures += a.total;
            finished += a.finished();
            t.signed_off += a.count(crate::domain::StatusKind::SignedOff);
            t.overdue += a.overdue;
            t.due_soon += a.due_soon;
        }
        t.finished_pct = percent(finished, t.measures);
        t
    }

    pub fn overview_index(&self, rows: &[usize]) -> usize {
        self.overview_sel
            .as_ref()
            .and_then(|p| rows.iter().position(|&i| &self.boards[i].path == p))
            .unwrap_or(0)
    }

    pub fn measure_index(&self, rows: &[usize]) -> usize {
        let Some(p) = self.current_board().and_then(|b| b.program.as_ref()) else {
            return 0;
        };
        self.measure_sel
            .as_ref()
            .and_then(|id| rows.iter().position(|&i| &p.measures[i].id == id))
            .unwrap_or(0)
    }

    pub fn deadline_index(&self, rows: &[DeadlineRow]) -> usize {
        let Some((path, id)) = self.deadline_sel.as_ref() else {
            return 0;
        };
        // The selected board's index, then its rows only: no key is built per row.
        let Some(board) = self.board_index(path) else {
            return 0;
        };
        let Some(p) = self.boards[board].program.as_ref() else {
            return 0;
        };
        rows.iter()
            .position(|r| {
                r.board == board && p.measures.get(r.measure).is_some_and(|m| &m.id == id)
            })
            .unwrap_or(0)
    }
}

fn sort_measures(rows: &mut [usize], p: &Program, key: SortKey) {
    let m = |i: &usize| &p.measures[*i];
    match key {
        SortKey::File => {}
        SortKey::Due => rows.sort_by_key(|i| m(i).effective_due()),
        // Open work before finished work, most urgent state first.
        SortKey::Status => rows.sort_by_key(|i| {
            use crate::domain::StatusKind::*;
            let rank = match m(i).status.kind() {
                Blocked => 0,
                InProgress => 1,
                NotStarted => 2,
                Done => 3,
                SignedOff => 4,
            };
            (rank, m(i).effective_due())
        }),
        SortKey::Owner => rows.sort_by(|a, b| {
            m(a).owner
                .cmp(&m(b).owner)
                .then(m(a).effective_due().cmp(&m(b).effective_due()))
        }),
    }
}
