//! Why a save failed, in the reader's words.

use crate::describe;
use crate::i18n::Lang;
use crate::storage::save::{Refusal, SaveError};
use crate::tr;

impl SaveError {
    /// What went wrong, in the reader's language.
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            SaveError::Conflict(cs) => {
                let parts: Vec<String> = cs
                    .iter()
                    .map(|c| {
                        (t.conflict_line)(
                            &describe::field(c.field, lang),
                            &describe::value(&c.theirs, lang),
                            &describe::value(&c.base, lang),
                            &describe::value(&c.ours, lang),
                        )
                    })
                    .collect();
                let (title, parts) = (t.conflict_title, parts.join(&tr!(lang, "；", "; ")));
                // The title already holds a colon in Chinese: a full stop, not a second one.
                tr!(lang, "{title}。{parts}", "{title}: {parts}")
            }
            SaveError::ReadOnly(d) => format!("{}{}", t.save_read_only, (t.aside)(d)),
            SaveError::Broken(d) => format!("{} {}", t.save_broken, d.headline(lang)),
            SaveError::NoMeasure(id) => format!("{id} {}", t.save_no_measure),
            SaveError::Duplicate(id) => tr!(
                lang,
                "文件中已有编号为 {id} 的措施",
                "the file already has a measure with id {id}"
            ),
            SaveError::Changed(id) => tr!(
                lang,
                "{id} 在你查看之后已被他人修改，请看过新内容后再操作",
                "{id} was changed by someone since you looked at it; look at it again first"
            ),
            SaveError::NoMilestone(n) => tr!(
                lang,
                "文件中没有第 {n} 个时间节点",
                "the file has no milestone number {n}"
            ),
            SaveError::MilestoneChanged(n) => tr!(
                lang,
                "时间节点 {n} 在你查看之后已被他人修改，请看过新内容后再操作",
                "milestone {n} was changed by someone since you looked at it; look at it again first"
            ),
            SaveError::Moved => tr!(
                lang,
                "文件在此之后又有修改，撤销会丢掉那些修改，未撤销",
                "the file changed since; undoing now would lose those changes, so nothing was undone"
            ),
            SaveError::Refused(r) => {
                let why = match r {
                    Refusal::NotUtf8 => t.not_utf8.to_owned(),
                    Refusal::Locate(m) => m.clone(),
                    Refusal::Reread(Some(d)) => d.headline(lang),
                    Refusal::Reread(None) => t.save_differs.to_owned(),
                };
                format!("{}{}", t.save_refused, (t.aside)(&why))
            }
            SaveError::InUse(d) => format!(
                "{}{}",
                tr!(
                    lang,
                    "文件被其他程序占用，未能保存，请关闭该程序后重试",
                    "the file is in use by another program and was not saved; close it and try again"
                ),
                (t.aside)(d)
            ),
            SaveError::Io(d) => format!("{}{}", t.save_io, (t.aside)(d)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_file_is_reported_as_in_use_not_read_only() {
        let e = SaveError::InUse(r"C:\boards\01.ron: os error 32".into());
        assert!(e.text(Lang::En).contains("in use by another program"));
        assert!(e.text(Lang::Zh).contains("被其他程序占用"));
        assert!(!e.text(Lang::En).contains("read-only"));
    }
}
