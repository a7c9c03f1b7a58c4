//! Git's problems and `--git-commit`'s outcome in the reader's words.

use crate::git::GitError;
use crate::i18n::Lang;
use crate::tr;

/// Why git could not do what was asked; gix's own message is quoted as it comes (English).
pub fn git_error(e: &GitError, lang: Lang) -> String {
    match e {
        // A folder in no repository, or a path outside the repository's work tree: to the
        // user both mean git does not hold it.
        GitError::NoRepository(p) | GitError::Outside(p) => {
            let p = p.display();
            tr!(
                lang,
                "{p} 不在 git 工作区中",
                "{p} is not in a git work tree"
            )
        }
        GitError::Git(m) => tr!(lang, "git：{m}", "git: {m}"),
    }
}

/// A commit `--git-commit` made, for the line that reports it.
pub fn git_committed(id: &str, lang: Lang) -> String {
    let short = id.get(..7).unwrap_or(id);
    tr!(lang, "已提交到 git：{short}", "committed to git: {short}")
}

/// A save that `--git-commit` could not commit: the file is saved all the same.
pub fn git_commit_failed(e: &GitError, lang: Lang) -> String {
    let why = git_error(e, lang);
    tr!(
        lang,
        "已保存，但未能提交到 git：{why}",
        "saved, but not committed to git: {why}"
    )
}
