//! The README is the front door: short, and every door it and the docs open leads somewhere.

use std::fs;
use std::path::{Path, PathBuf};

/// The README's limit; other branches add a line or two, so it is kept well under.
const README_MAX_BYTES: usize = 16_000;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn docs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

/// The targets of `[text](target)` links outside fenced code, with their 1-based lines.
fn links(markdown: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut fenced = false;
    for (n, line) in markdown.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let Some(end) = after.find(')') else { break };
            out.push((n + 1, after[..end].trim().to_owned()));
            rest = &after[end..];
        }
    }
    out
}

fn is_relative(target: &str) -> bool {
    !(target.is_empty()
        || target.starts_with('#')
        || target.contains("://")
        || target.starts_with("mailto:"))
}

/// Every relative link of `file` that names no existing file, as `file:line: target`.
fn broken_links(file: &Path) -> Vec<String> {
    let text = fs::read_to_string(file).unwrap();
    let dir = file.parent().unwrap();
    links(&text)
        .into_iter()
        .filter(|(_, t)| is_relative(t))
        .filter(|(_, t)| {
            let path = t.split('#').next().unwrap_or(t);
            !dir.join(path).exists()
        })
        .map(|(n, t)| {
            let shown = file.strip_prefix(root()).unwrap_or(file).display();
            format!("{shown}:{n}: {t}")
        })
        .collect()
}

#[test]
fn every_relative_link_in_the_readme_and_the_docs_names_an_existing_file() {
    let mut files = vec![root().join("README.md")];
    files.extend(docs());
    let broken: Vec<String> = files.iter().flat_map(|f| broken_links(f)).collect();
    assert!(
        broken.is_empty(),
        "links to nothing:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_readme_stays_a_front_door() {
    let bytes = fs::metadata(root().join("README.md")).unwrap().len() as usize;
    assert!(
        bytes <= README_MAX_BYTES,
        "README.md is {bytes} bytes, over {README_MAX_BYTES}: move reference text to docs/"
    );
}

#[test]
fn every_docs_page_is_linked_from_the_readme() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let linked: Vec<String> = links(&readme).into_iter().map(|(_, t)| t).collect();
    for page in docs() {
        let name = format!("docs/{}", page.file_name().unwrap().to_string_lossy());
        assert!(
            linked
                .iter()
                .any(|t| t.split('#').next() == Some(name.as_str())),
            "{name} is not linked from README.md"
        );
    }
}

#[test]
fn a_link_to_a_missing_file_is_named_with_its_line_and_code_and_web_links_are_not_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("here.md"), "").unwrap();
    let page = dir.path().join("page.md");
    fs::write(
        &page,
        "See [here](here.md#top) and [web](https://example.com) and [top](#top).\n\
         ```\n[in code](nowhere.md)\n```\n\
         Then [gone](gone.md), [also gone](sub/x.md).\n",
    )
    .unwrap();
    let broken = broken_links(&page);
    assert_eq!(broken.len(), 2, "{broken:#?}");
    assert!(broken[0].ends_with("page.md:5: gone.md"), "{}", broken[0]);
    assert!(broken[1].ends_with("page.md:5: sub/x.md"), "{}", broken[1]);
}
