//! The man page in the language in force. clap_mangen renders each section with an English
//! heading of its own (`NAME`, `SYNOPSIS`, … and `EXTRA` for what is here the examples), and
//! offers every section on its own: the page is put together from those, each under our
//! heading. The options' headings are the arguments' help headings (the Chinese help's
//! 参数 and 选项), so they are kept.

use std::io::Write;

use crate::i18n::Lang;

/// The preamble roff writes before every piece it renders; the page wants it once.
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

struct Headings {
    name: &'static str,
    synopsis: &'static str,
    description: &'static str,
    commands: &'static str,
    examples: &'static str,
    version: &'static str,
    authors: &'static str,
}

const ZH: Headings = Headings {
    name: "名称",
    synopsis: "概要",
    description: "描述",
    commands: "命令",
    examples: "示例",
    version: "版本",
    authors: "作者",
};

const EN: Headings = Headings {
    name: "NAME",
    synopsis: "SYNOPSIS",
    description: "DESCRIPTION",
    commands: "COMMANDS",
    examples: "EXAMPLES",
    version: "VERSION",
    authors: "AUTHORS",
};

/// `rectify man`: the whole command's page.
pub struct Man {
    man: clap_mangen::Man,
    headings: &'static Headings,
    has_options: bool,
    has_commands: bool,
    has_examples: bool,
    has_version: bool,
    has_authors: bool,
}

impl Man {
    pub fn new(lang: Lang) -> Man {
        let mut cmd = super::command(lang);
        cmd.build();
        // The synopsis spells out every option, as the English one does, rather than the
        // short usage line the Chinese help shows.
        cmd = cmd.override_usage(None);
        // The examples' own title line ("Examples:") would repeat the section's heading.
        if let Some(after) = cmd.get_after_help().map(|a| a.to_string())
            && let Some((first, rest)) = after.split_once('\n')
            && (first.ends_with(':') || first.ends_with('：'))
        {
            let rest = rest.to_owned();
            cmd = cmd.after_help(rest);
        }
        let headings = match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        };
        let has_options = cmd.get_arguments().any(|a| !a.is_hide_set());
        let has_commands = cmd.get_subcommands().any(|s| !s.is_hide_set());
        let has_examples = cmd.get_after_help().is_some() || cmd.get_after_long_help().is_some();
        let has_version = cmd.get_version().is_some() || cmd.get_long_version().is_some();
        let has_authors = cmd.get_author().is_some();
        Man {
            man: clap_mangen::Man::new(cmd),
            headings,
            has_options,
            has_commands,
            has_examples,
            has_version,
            has_authors,
        }
    }

    /// Writes the page (roff).
    pub fn render(&self, w: &mut dyn Write) -> std::io::Result<()> {
        use clap_mangen::Man as M;
        let h = self.headings;
        let mut page = PREAMBLE.to_owned();
        page.push_str(&piece(&self.man, M::render_title)?);
        let mut add = |shown: bool, heading: Option<&str>, render: Section| {
            if shown {
                let text = piece(&self.man, render)?;
                page.push_str(&match heading {
                    Some(heading) => retitle(&text, heading),
                    None => text,
                });
            }
            std::io::Result::Ok(())
        };
        add(true, Some(h.name), M::render_name_section)?;
        add(true, Some(h.synopsis), M::render_synopsis_section)?;
        add(true, Some(h.description), M::render_description_section)?;
        add(self.has_options, None, M::render_options_section)?;
        add(
            self.has_commands,
            Some(h.commands),
            M::render_subcommands_section,
        )?;
        add(self.has_examples, Some(h.examples), examples)?;
        add(self.has_version, Some(h.version), M::render_version_section)?;
        add(self.has_authors, Some(h.authors), M::render_authors_section)?;
        w.write_all(page.as_bytes())?;
        w.flush()
    }
}

type Section = fn(&clap_mangen::Man, &mut dyn Write) -> std::io::Result<()>;

/// The examples as they are laid out in the help, one to a line: roff would fill them into
/// a paragraph.
fn examples(man: &clap_mangen::Man, w: &mut dyn Write) -> std::io::Result<()> {
    let text = piece(man, clap_mangen::Man::render_extra_section)?;
    let text = match text.split_once('\n') {
        Some((heading, lines)) => format!("{heading}\n.nf\n{lines}.fi\n"),
        None => text,
    };
    w.write_all(text.as_bytes())
}

/// One piece as clap_mangen renders it, without roff's preamble.
fn piece(man: &clap_mangen::Man, render: Section) -> std::io::Result<String> {
    let mut buf = Vec::new();
    render(man, &mut buf)?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    Ok(match text.strip_prefix(PREAMBLE) {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The section under `heading` instead of clap_mangen's first `.SH`.
fn retitle(section: &str, heading: &str) -> String {
    match section.split_once('\n') {
        Some((first, rest)) if first.starts_with(".SH ") => format!(".SH {heading}\n{rest}"),
        _ => section.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lang: Lang) -> String {
        let mut out = Vec::new();
        Man::new(lang).render(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_preamble_comes_once_and_the_examples_one_to_a_line_without_their_title() {
        for lang in [Lang::Zh, Lang::En] {
            let p = page(lang);
            assert!(p.starts_with(PREAMBLE), "{p}");
            assert_eq!(p.matches(".ds Aq").count(), 2, "{p}");
            assert!(!p.contains("Examples:") && !p.contains("示例："), "{p}");
            let examples = p.split_once("\n.nf\n").map(|(_, e)| e).unwrap_or_default();
            assert!(examples.starts_with("  rectify ") && examples.contains("\n.fi\n"));
        }
    }
}
