//! The parse cache for large boards: a warm start shows exactly what parsing shows, an edited
//! file is never served from an older entry, a damaged entry or another build's is a miss, and
//! only clean large boards are kept.

#[path = "../examples/genboards.rs"]
mod genboards;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rectify::storage::parse_cache::{MAX_ENTRY_BYTES, MIN_BYTES, ParseCache};
use rectify::storage::{ContentHash, FileLoad, load_dir, load_dir_cached};

/// A folder with two large generated boards and one small shipped one.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2 {
        let text = genboards::board_text(i, 400, 1);
        assert!(text.len() >= MIN_BYTES, "{} bytes", text.len());
        fs::write(dir.path().join(genboards::file_name(i)), text).unwrap();
    }
    fs::copy("boards/01-fraud.ron", dir.path().join("zz-fraud.ron")).unwrap();
    dir
}

fn cache_in(dir: &Path, build: &str) -> ParseCache {
    ParseCache::with_build(dir.join("cache"), build.to_owned())
}

fn boards(dir: &Path) -> Vec<PathBuf> {
    load_dir(dir).unwrap().into_iter().map(|l| l.path).collect()
}

fn entries(cache: &ParseCache) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(cache.dir())
        .map(|r| r.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Where the cache keeps the entry for `hash`: its hex digits, `.json`.
fn entry_of(cache: &ParseCache, hash: &ContentHash) -> PathBuf {
    let hex: String = hash.0.iter().map(|b| format!("{b:02x}")).collect();
    cache.dir().join(format!("{hex}.json"))
}

fn hash_of(path: &Path) -> ContentHash {
    ContentHash::of(&fs::read(path).unwrap())
}

fn loads(dir: &Path, cache: &ParseCache) -> Vec<FileLoad> {
    load_dir_cached(dir, cache).unwrap()
}

#[test]
fn a_warm_start_shows_exactly_what_parsing_shows_and_small_boards_are_not_kept() {
    let root = tempfile::tempdir().unwrap();
    let dir = folder();
    let cache = cache_in(root.path(), "b1");
    let parsed = load_dir(dir.path()).unwrap();
    assert_eq!(
        loads(dir.path(), &cache),
        parsed,
        "cold: nothing cached yet"
    );
    assert_eq!(cache.fill(&boards(dir.path())), 2, "the two large boards");
    assert_eq!(entries(&cache).len(), 2);
    assert_eq!(loads(dir.path(), &cache), parsed, "warm");
    assert_eq!(cache.fill(&boards(dir.path())), 0, "nothing left to add");
}

#[test]
fn a_warm_start_reads_the_entry_not_the_file() {
    let root = tempfile::tempdir().unwrap();
    let dir = folder();
    let cache = cache_in(root.path(), "b1");
    let path = dir.path().join(genboards::file_name(0));
    let mut other = load_dir(dir.path()).unwrap()[1].program.clone().unwrap();
    other.title = "缓存里的方案".into();
    cache.put(&hash_of(&path), &other).unwrap();
    let first = &loads(dir.path(), &cache)[0];
    assert_eq!(first.program.as_ref().unwrap().title, "缓存里的方案");
    assert_eq!(
        first.hash,
        Some(hash_of(&path)),
        "the file's hash, for saves"
    );
}

#[test]
fn an_edited_board_is_never_served_from_the_entry_of_its_older_text() {
    let root = tempfile::tempdir().unwrap();
    let dir = folder();
    let cache = cache_in(root.path(), "b1");
    cache.fill(&boards(dir.path()));
    let path = dir.path().join(genboards::file_name(0));
    let text = fs::read_to_string(&path).unwrap();
    let first_title = load_dir(dir.path()).unwrap()[0]
        .program
        .clone()
        .unwrap()
        .measures[0]
        .title
        .clone();
    fs::write(&path, text.replacen(&first_title, "同事刚改的标题", 1)).unwrap();
    let got = loads(dir.path(), &cache);
    assert_eq!(got, load_dir(dir.path()).unwrap());
    assert_eq!(
        got[0].program.as_ref().unwrap().measures[0].title,
        "同事刚改的标题"
    );
    assert_eq!(
        cache.fill(&boards(dir.path())),
        1,
        "the new text is kept too"
    );
}

#[test]
fn a_damaged_or_cut_entry_is_a_miss_never_a_wrong_board() {
    let root = tempfile::tempdir().unwrap();
    let dir = folder();
    let cache = cache_in(root.path(), "b1");
    cache.fill(&boards(dir.path()));
    let parsed = load_dir(dir.path()).unwrap();
    let [a, b] = &entries(&cache)[..] else {
        panic!("two entries")
    };
    // Still valid JSON, one title changed: only the entry's own hash can tell.
    let text = fs::read_to_string(a).unwrap();
    let at = text.find("\"title\":\"").unwrap() + 9;
    let mut bytes = text.into_bytes();
    bytes[at] = if bytes[at] == b'X' { b'Y' } else { b'X' };
    fs::write(a, bytes).unwrap();
    let cut = fs::read(b).unwrap();
    fs::write(b, &cut[..cut.len() / 2]).unwrap();
    assert_eq!(loads(dir.path(), &cache), parsed);
    fs::write(b, "").unwrap();
    assert_eq!(loads(dir.path(), &cache), parsed);
}

#[test]
fn another_build_never_reads_an_entry() {
    let root = tempfile::tempdir().unwrap();
    let dir = folder();
    let path = dir.path().join(genboards::file_name(0));
    let mut other = load_dir(dir.path()).unwrap()[0].program.clone().unwrap();
    other.title = "旧版本写的".into();
    cache_in(root.path(), "old")
        .put(&hash_of(&path), &other)
        .unwrap();
    let newer = cache_in(root.path(), "new");
    assert_eq!(newer.get(&hash_of(&path)), None);
    assert_eq!(loads(dir.path(), &newer), load_dir(dir.path()).unwrap());
}

#[test]
fn a_large_board_with_an_error_or_a_warning_is_parsed_every_time() {
    let root = tempfile::tempdir().unwrap();
    let dir = folder();
    let cache = cache_in(root.path(), "b1");
    let broken = dir.path().join(genboards::file_name(0));
    let text = fs::read_to_string(&broken).unwrap();
    fs::write(&broken, text.replacen("status:", "stauts:", 1)).unwrap();
    let warned = dir.path().join(genboards::file_name(1));
    let text = fs::read_to_string(&warned).unwrap();
    let goal = text.find("goal: \"").unwrap() + 7;
    fs::write(&warned, format!("{}\u{7}{}", &text[..goal], &text[goal..])).unwrap();
    let parsed = load_dir(dir.path()).unwrap();
    assert!(parsed[0].program.is_none() && parsed[0].first_error().is_some());
    assert!(parsed[1].program.is_some() && !parsed[1].diagnostics.is_empty());
    assert_eq!(cache.fill(&boards(dir.path())), 0);
    assert!(entries(&cache).is_empty());
    assert_eq!(loads(dir.path(), &cache), parsed, "the messages stay");
}

#[test]
fn the_cache_keeps_the_newest_entries_and_clears_cut_writes() {
    let root = tempfile::tempdir().unwrap();
    let cache = cache_in(root.path(), "b1");
    let dir = folder();
    let program = load_dir(dir.path()).unwrap()[0].program.clone().unwrap();
    let now = SystemTime::now();
    for i in 0..5u8 {
        let hash = ContentHash::of(&[i]);
        cache.put(&hash, &program).unwrap();
    }
    // Entry i was written i minutes after the first.
    let mut named = Vec::new();
    for i in 0..5u8 {
        let p = entry_of(&cache, &ContentHash::of(&[i]));
        let f = fs::File::options().write(true).open(&p).unwrap();
        f.set_modified(now - Duration::from_secs(600 - 60 * u64::from(i)))
            .unwrap();
        named.push(p);
    }
    let old_temp = cache.dir().join(".entry-cut");
    let new_temp = cache.dir().join(".entry-writing");
    for (p, age) in [(&old_temp, 7200), (&new_temp, 5)] {
        fs::write(p, "{").unwrap();
        let f = fs::File::options().write(true).open(p).unwrap();
        f.set_modified(now - Duration::from_secs(age)).unwrap();
    }
    cache.trim(3);
    let mut kept = entries(&cache);
    kept.retain(|p| p.extension().is_some_and(|e| e == "json"));
    let mut newest = named[2..].to_vec();
    newest.sort();
    assert_eq!(kept, newest);
    assert!(!old_temp.exists(), "a write cut short an hour ago is gone");
    assert!(new_temp.exists(), "one being written now is left alone");
}

#[test]
fn an_entry_as_large_as_the_largest_board_is_read_and_a_monstrous_one_never_is() {
    let root = tempfile::tempdir().unwrap();
    let cache = cache_in(root.path(), "b1");
    let dir = folder();
    let mut program = load_dir(dir.path()).unwrap()[0].program.clone().unwrap();
    // A board at the size limit with one enormous note: its entry is larger than the board.
    program.measures[0].notes = "备注".repeat(rectify::storage::MAX_FILE_BYTES as usize / 6);
    let big = ContentHash::of(b"big");
    cache.put(&big, &program).unwrap();
    let len = fs::metadata(entry_of(&cache, &big)).unwrap().len();
    assert!(len > rectify::storage::MAX_FILE_BYTES, "{len}");
    assert_eq!(cache.get(&big).as_ref(), Some(&program));
    // An entry of exactly the limit is read; one byte more and it is refused unread, however
    // well formed.
    let edge = ContentHash::of(b"edge");
    program.measures[0].notes = "x".into();
    cache.put(&edge, &program).unwrap();
    let one = fs::metadata(entry_of(&cache, &edge)).unwrap().len();
    program.measures[0].notes = "x".repeat((MAX_ENTRY_BYTES - one + 1) as usize);
    cache.put(&edge, &program).unwrap();
    assert_eq!(
        fs::metadata(entry_of(&cache, &edge)).unwrap().len(),
        MAX_ENTRY_BYTES
    );
    assert_eq!(cache.get(&edge).as_ref(), Some(&program));
    let monstrous = ContentHash::of(b"monstrous");
    program.measures[0].notes.push('x');
    cache.put(&monstrous, &program).unwrap();
    assert!(fs::metadata(entry_of(&cache, &monstrous)).unwrap().len() > MAX_ENTRY_BYTES);
    assert_eq!(cache.get(&monstrous), None);
}

#[cfg(unix)]
#[test]
fn an_entry_that_is_not_a_file_is_a_miss_and_never_read() {
    let root = tempfile::tempdir().unwrap();
    let cache = cache_in(root.path(), "b1");
    let dir = folder();
    let path = dir.path().join(genboards::file_name(0));
    fs::create_dir_all(cache.dir()).unwrap();
    // A device that never ends, under the entry's name: reading it would never finish.
    std::os::unix::fs::symlink("/dev/zero", entry_of(&cache, &hash_of(&path))).unwrap();
    assert_eq!(loads(dir.path(), &cache), load_dir(dir.path()).unwrap());
}
