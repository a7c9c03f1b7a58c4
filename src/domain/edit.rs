//! Edits of one measure, as values: which fields change from what to what. The same edit is
//! applied to the in-memory board, written into the file text, checked against a colleague's
//! newer version (conflict), inverted (undo) and logged (history).

use super::{Date, Measure, Status};

/// The fields a user can change from the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Owner,
    Status,
    Progress,
    Notes,
    Revised,
    SignedOff,
    SignedBy,
}

impl Field {
    /// Every field an edit can change, in the order a measure lists them.
    pub const ALL: [Field; 8] = [
        Field::Title,
        Field::Owner,
        Field::Status,
        Field::Progress,
        Field::Notes,
        Field::Revised,
        Field::SignedOff,
        Field::SignedBy,
    ];

    /// The field's name in board files.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Owner => "owner",
            Field::Status => "status",
            Field::Progress => "progress",
            Field::Notes => "notes",
            Field::Revised => "revised",
            Field::SignedOff => "signed_off",
            Field::SignedBy => "signed_by",
        }
    }

    /// The field a board file's name stands for.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn get(self, m: &Measure) -> Value {
        match self {
            Field::Title => Value::Text(Some(m.title.clone())),
            Field::Owner => Value::Text(Some(m.owner.clone())),
            Field::Status => Value::Status(m.status.clone()),
            Field::Progress => Value::Progress(m.progress),
            Field::Notes => Value::Text((!m.notes.is_empty()).then(|| m.notes.clone())),
            Field::Revised => Value::Dates(m.revised.clone()),
            Field::SignedOff => Value::Date(m.signed_off),
            Field::SignedBy => Value::Text(m.signed_by.clone()),
        }
    }

    fn set(self, m: &mut Measure, v: &Value) {
        match (self, v) {
            (Field::Title, Value::Text(Some(t))) => m.title = t.clone(),
            (Field::Owner, Value::Text(Some(t))) => m.owner = t.clone(),
            (Field::Status, Value::Status(s)) => m.status = s.clone(),
            (Field::Progress, Value::Progress(p)) => m.progress = *p,
            (Field::Notes, Value::Text(t)) => m.notes = t.clone().unwrap_or_default(),
            (Field::Revised, Value::Dates(d)) => m.revised = d.clone(),
            (Field::SignedOff, Value::Date(d)) => m.signed_off = *d,
            (Field::SignedBy, Value::Text(t)) => m.signed_by = t.clone(),
            // A value of the wrong kind is never built by the constructors below.
            _ => {}
        }
    }
}

/// A field's value; `None` variants mean the field is absent from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Status(Status),
    Progress(i64),
    Text(Option<String>),
    Date(Option<Date>),
    Dates(Vec<Date>),
}

/// A RON string literal: quotes, backslashes and control characters escaped, everything else
/// (CJK included) as it is.
pub fn ron_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Value {
    /// The value as written in a board file; `None` when the field should be absent.
    pub fn to_ron(&self) -> Option<String> {
        match self {
            Value::Status(Status::Blocked(r)) => Some(format!("Blocked({})", ron_string(r))),
            Value::Status(s) => Some(s.kind().ron_name().to_owned()),
            Value::Progress(p) => Some(p.to_string()),
            Value::Text(t) => t.as_deref().map(ron_string),
            Value::Date(d) => d.map(|d| format!("\"{d}\"")),
            Value::Dates(ds) if ds.is_empty() => None,
            Value::Dates(ds) => Some(format!(
                "[{}]",
                ds.iter()
                    .map(|d| format!("\"{d}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// For messages and history: the RON form, or `—` for an absent field.
    pub fn show(&self) -> String {
        self.to_ron().unwrap_or_else(|| "—".to_owned())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: Field,
    /// What the user saw when making the edit.
    pub old: Value,
    pub new: Value,
}

/// A change to one measure, identified by id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edit {
    pub measure: String,
    pub changes: Vec<FieldChange>,
    /// Why, where the change must say it: reopening a sign-off. Kept in the history.
    pub reason: Option<String>,
}

impl Edit {
    fn on(m: &Measure, fields: &[(Field, Value)]) -> Edit {
        Edit {
            reason: None,
            measure: m.id.clone(),
            changes: fields
                .iter()
                .filter(|(f, v)| f.get(m) != *v)
                .map(|(f, v)| FieldChange {
                    field: *f,
                    old: f.get(m),
                    new: v.clone(),
                })
                .collect(),
        }
    }

    /// A new status. Signing off through here records the day and who, like [`Edit::sign_off`];
    /// leaving signed off drops the sign-off record, which would otherwise contradict it.
    pub fn status(m: &Measure, s: Status, today: Date, user: &str) -> Edit {
        if s == Status::SignedOff {
            return Edit::sign_off(m, today, user);
        }
        let mut fields = vec![(Field::Status, Value::Status(s))];
        if m.status == Status::SignedOff {
            fields.push((Field::SignedOff, Value::Date(None)));
            fields.push((Field::SignedBy, Value::Text(None)));
        }
        Edit::on(m, &fields)
    }

    /// `e`: the title and the owner unit, trimmed.
    pub fn rename(m: &Measure, title: &str, owner: &str) -> Edit {
        Edit::on(
            m,
            &[
                (Field::Title, Value::Text(Some(title.trim().to_owned()))),
                (Field::Owner, Value::Text(Some(owner.trim().to_owned()))),
            ],
        )
    }

    pub fn progress(m: &Measure, p: i64) -> Edit {
        Edit::on(m, &[(Field::Progress, Value::Progress(p.clamp(0, 100)))])
    }

    pub fn note(m: &Measure, text: &str) -> Edit {
        let t = text.trim_end();
        Edit::on(
            m,
            &[(
                Field::Notes,
                Value::Text((!t.is_empty()).then(|| t.to_owned())),
            )],
        )
    }

    /// 销号: signed off today by `user`.
    pub fn sign_off(m: &Measure, today: Date, user: &str) -> Edit {
        Edit::on(
            m,
            &[
                (Field::Status, Value::Status(Status::SignedOff)),
                (Field::SignedOff, Value::Date(Some(today))),
                (Field::SignedBy, Value::Text(Some(user.to_owned()))),
            ],
        )
    }

    /// 撤销销号: the sign-off withdrawn for a reason, the measure back in `s`. A blocked
    /// measure's reason is the one given for reopening it.
    pub fn reopen(m: &Measure, s: Status, reason: &str, today: Date, user: &str) -> Edit {
        let s = match s {
            Status::Blocked(_) => Status::Blocked(reason.to_owned()),
            s => s,
        };
        Edit {
            reason: Some(reason.to_owned()),
            ..Edit::status(m, s, today, user)
        }
    }

    /// A new deadline: appended to the revisions, the original stays.
    pub fn revise(m: &Measure, due: Date) -> Edit {
        if due == m.effective_due() {
            return Edit::on(m, &[]);
        }
        let mut revised = m.revised.clone();
        revised.push(due);
        Edit::on(m, &[(Field::Revised, Value::Dates(revised))])
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        Edit {
            reason: None,
            measure: self.measure.clone(),
            changes: self
                .changes
                .iter()
                .rev()
                .map(|c| FieldChange {
                    field: c.field,
                    old: c.new.clone(),
                    new: c.old.clone(),
                })
                .collect(),
        }
    }

    pub fn apply_to(&self, m: &mut Measure) {
        for c in &self.changes {
            c.field.set(m, &c.new);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_ron_and_cjk_kept() {
        assert_eq!(ron_string("进度\"过半\"\\\n"), r#""进度\"过半\"\\\n""#);
        assert_eq!(ron_string("a\u{1b}b"), r#""a\u{1b}b""#);
    }
}
