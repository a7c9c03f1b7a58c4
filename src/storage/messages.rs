//! ron's parse errors, said in the words of a board file's author.

use ron::error::Error;

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn what(outer: &Option<String>) -> String {
    match outer.as_deref() {
        Some("Program") => "the program".into(),
        Some("Measure") => "a measure".into(),
        Some("Milestone") => "a milestone".into(),
        Some("ConfigFile") => "the config file".into(),
        Some(o) => format!("`{o}`"),
        None => "this value".into(),
    }
}

pub fn describe(e: &Error) -> String {
    match e {
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } if outer.as_deref() == Some("Status") => format!(
            "unknown status `{found}`; expected one of {}",
            list(expected).replace("`Blocked`", "`Blocked(\"reason\")`")
        ),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unknown value `{found}` for {}; expected one of {}",
            what(outer),
            list(expected)
        ),
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}` in {}; expected one of {}",
            what(outer),
            list(expected)
        ),
        Error::MissingStructField { field, outer } => {
            format!("missing field `{field}` in {}", what(outer))
        }
        Error::DuplicateStructField { field, outer } => {
            format!("field `{field}` is given twice in {}", what(outer))
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}(…)` here, found `{found}(…)`")
        }
        Error::ExpectedString | Error::ExpectedStringEnd => {
            "expected a text in double quotes, like \"…\"".into()
        }
        Error::ExpectedInteger => "expected a whole number".into(),
        Error::IntegerOutOfBounds => "number is out of range".into(),
        Error::ExpectedComma => "expected `,` between entries".into(),
        Error::ExpectedArray => "expected a list in `[ … ]`".into(),
        Error::ExpectedArrayEnd => "expected `,` or the closing `]` of the list".into(),
        Error::ExpectedStructLikeEnd => "expected `,` or the closing `)`".into(),
        Error::Eof => "the file ends too early: a bracket or quote is not closed".into(),
        Error::TrailingCharacters => "unexpected text after the end of the program".into(),
        Error::ExceededRecursionLimit => "nested too deeply".into(),
        Error::UnclosedBlockComment => "a `/* … */` comment is not closed".into(),
        Error::Message(m) => m.clone(),
        other => {
            // ron's own sentence, with its capital dropped so it reads like ours.
            let s = other.to_string();
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_lowercase().chain(c).collect(),
                None => s,
            }
        }
    }
}
