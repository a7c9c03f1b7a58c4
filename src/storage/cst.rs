//! A span locator for RON text: parses just enough structure to know where every struct field,
//! list item and string sits, as byte ranges into the original text.
//!
//! It never re-emits text. Validation uses it to point at the offending value; the in-place
//! editor uses it to replace exactly one field's bytes. It understands strings (with escapes),
//! raw strings, char literals, line and nested block comments, raw identifiers, and unnamed as
//! well as named structs, which is all RON has that could hide a bracket or a comma.

use std::ops::Range;

/// Deeper nesting than any board needs; past it the text is refused rather than risking the
/// stack on a hostile file.
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `Name(field: value, …)` or `(field: value, …)`; `close` is the byte index of `)`.
    Struct {
        name: Option<String>,
        fields: Vec<Field>,
        close: usize,
    },
    /// `Name(value, …)`, `(value, …)`, `Some(x)`, `Blocked("reason")`.
    Tuple {
        name: Option<String>,
        items: Vec<Node>,
        close: usize,
    },
    List {
        items: Vec<Node>,
        close: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        close: usize,
    },
    /// A string literal with its decoded value.
    Str(String),
    /// Anything else: numbers, booleans, chars, bare identifiers such as `Done`.
    Atom(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub name_span: Range<usize>,
    pub value: Node,
    /// Where the field ends including its trailing comma, if it has one.
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    // A byte order mark is not content; offsets stay those of the full text.
    let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut p = Parser { s: text, pos };
    p.skip_trivia()?;
    // `#![enable(...)]` attributes may precede the value.
    while p.s[p.pos..].starts_with("#!") {
        p.skip_until(b']')?;
        p.pos += 1;
        p.skip_trivia()?;
    }
    let node = p.value(0)?;
    p.skip_trivia()?;
    if p.pos < p.s.len() {
        return Err(p.err("unexpected text after the board"));
    }
    Ok(node)
}

/// The first byte at or after `at` that is not whitespace or a comment (the end of the text
/// when an unclosed comment runs to it): where a list's next comma or bracket sits.
pub fn next_token(text: &str, at: usize) -> usize {
    let mut p = Parser { s: text, pos: at };
    match p.skip_trivia() {
        Ok(()) => p.pos,
        Err(_) => text.len(),
    }
}

/// The comments between `at` and the next token, each as its byte range (a line comment's
/// with its line break): which `//` lines are comments of their own and which sit inside a
/// block comment only the lexer can tell.
pub fn comments(text: &str, at: usize) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut p = Parser { s: text, pos: at };
    // An unclosed comment ends the list: what came before it is still right.
    let _ = p.trivia(&mut |r| found.push(r));
    found
}

impl Node {
    pub fn fields(&self) -> &[Field] {
        match &self.kind {
            Kind::Struct { fields, .. } => fields,
            _ => &[],
        }
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields().iter().find(|f| f.name == name)
    }

    pub fn items(&self) -> &[Node] {
        match &self.kind {
            Kind::List { items, .. } | Kind::Tuple { items, .. } => items,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The measure struct in `measures` whose `id` is `id`.
    pub fn measure(&self, id: &str) -> Option<&Node> {
        self.field("measures")?
            .value
            .items()
            .iter()
            .find(|m| m.field("id").and_then(|f| f.value.as_str()) == Some(id))
    }
}

struct Parser<'a> {
    s: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn err(&self, message: &str) -> SyntaxError {
        SyntaxError {
            offset: self.pos,
            message: message.to_owned(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.s.as_bytes().get(self.pos + k).copied()
    }

    fn skip_until(&mut self, b: u8) -> Result<(), SyntaxError> {
        match self.s.as_bytes()[self.pos..].iter().position(|&c| c == b) {
            Some(i) => {
                self.pos += i;
                Ok(())
            }
            None => Err(self.err("unexpected end of file")),
        }
    }

    /// The length of the whitespace character at the cursor, if there is one. ron counts more
    /// than ASCII blanks as whitespace (a vertical tab, U+2028, the LRM mark a word processor
    /// leaves): a board ron reads must not be one the locator refuses to edit.
    fn whitespace_len(&self) -> Option<usize> {
        let c = self.s.get(self.pos..)?.chars().next()?;
        matches!(
            c,
            ' ' | '\t'
                | '\n'
                | '\r'
                | '\x0B'
                | '\x0C'
                | '\u{85}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
        )
        .then(|| c.len_utf8())
    }

    fn skip_trivia(&mut self) -> Result<(), SyntaxError> {
        self.trivia(&mut |_| {})
    }

    /// Skips whitespace and comments, telling `comment` where each comment lies.
    fn trivia(&mut self, comment: &mut dyn FnMut(Range<usize>)) -> Result<(), SyntaxError> {
        loop {
            if let Some(n) = self.whitespace_len() {
                self.pos += n;
                continue;
            }
            let start = self.pos;
            match (self.peek(), self.peek_at(1)) {
                (Some(b'/'), Some(b'/')) => {
                    match self.s.as_bytes()[self.pos..]
                        .iter()
                        .position(|&c| c == b'\n')
                    {
                        Some(i) => self.pos += i + 1,
                        None => self.pos = self.s.len(),
                    }
                }
                (Some(b'/'), Some(b'*')) => self.block_comment()?,
                _ => return Ok(()),
            }
            comment(start..self.pos);
        }
    }

    fn block_comment(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let b = self.s.as_bytes();
        let mut depth = 0usize;
        while self.pos + 1 < b.len() {
            match (b[self.pos], b[self.pos + 1]) {
                (b'/', b'*') => {
                    depth += 1;
                    self.pos += 2;
                }
                (b'*', b'/') => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                _ => self.pos += 1,
            }
        }
        self.pos = start;
        Err(self.err("unclosed block comment"))
    }

    fn expect(&mut self, c: u8, what: &str) -> Result<(), SyntaxError> {
        self.skip_trivia()?;
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.err(what))
        }
    }

    fn ident(&mut self) -> Option<(String, Range<usize>)> {
        let start = self.pos;
        if self.s[self.pos..].starts_with("r#") {
            self.pos += 2;
        }
        let body = self.pos;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.pos += 1;
            } else {
                break;
            }
        }
        if self.pos == body || self.s.as_bytes()[body].is_ascii_digit() {
            self.pos = start;
            return None;
        }
        Some((self.s[body..self.pos].to_owned(), start..self.pos))
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.err("nested too deeply"));
        }
        self.skip_trivia()?;
        let start = self.pos;
        let raw_string = |s: &str| {
            let t = s.strip_prefix('b').unwrap_or(s);
            t.starts_with("r\"") || t.starts_with("r#\"") || t.starts_with("r##")
        };
        match self.peek() {
            None => Err(self.err("unexpected end of file")),
            Some(b'"') => self.string(start),
            Some(b'b') if self.peek_at(1) == Some(b'"') => {
                self.pos += 1;
                self.string(start)
            }
            Some(b'b' | b'r') if raw_string(&self.s[self.pos..]) => self.raw_string(start),
            Some(b'[') => {
                self.pos += 1;
                let (items, close) = self.seq(b']', depth)?;
                Ok(Node {
                    span: start..self.pos,
                    kind: Kind::List { items, close },
                })
            }
            Some(b'{') => self.map(start, depth),
            Some(b'(') => self.paren(start, None, depth),
            Some(b'\'') => self.char_lit(start),
            Some(_) => {
                if let Some((name, _)) = self.ident() {
                    let after = self.pos;
                    self.skip_trivia()?;
                    if self.peek() == Some(b'(') {
                        return self.paren(start, Some(name), depth);
                    }
                    self.pos = after;
                    return Ok(Node {
                        span: start..after,
                        kind: Kind::Atom(name),
                    });
                }
                self.atom(start)
            }
        }
    }

    fn atom(&mut self, start: usize) -> Result<Node, SyntaxError> {
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'+' | b'-') {
                self.pos += 1;
            } else {
                break;
            }
        }
        if self.pos == start {
            return Err(self.err("expected a value"));
        }
        Ok(Node {
            span: start..self.pos,
            kind: Kind::Atom(self.s[start..self.pos].to_owned()),
        })
    }

    fn char_lit(&mut self, start: usize) -> Result<Node, SyntaxError> {
        self.pos += 1;
        loop {
            match self.s[self.pos..].chars().next() {
                None => return Err(self.err("unclosed character literal")),
                // Step over the escaped character whole: it may be multi-byte, or missing.
                Some('\\') => {
                    self.pos += 1;
                    match self.s[self.pos..].chars().next() {
                        Some(c) => self.pos += c.len_utf8(),
                        None => return Err(self.err("unclosed character literal")),
                    }
                }
                Some('\'') => {
                    self.pos += 1;
                    break;
                }
                Some(c) => self.pos += c.len_utf8(),
            }
        }
        Ok(Node {
            span: start..self.pos,
            kind: Kind::Atom(self.s[start..self.pos].to_owned()),
        })
    }

    fn string(&mut self, start: usize) -> Result<Node, SyntaxError> {
        let s = self.s;
        let mut i = self.pos + 1; // past the opening quote
        let mut out = String::new();
        while let Some(c) = s[i..].chars().next() {
            i += c.len_utf8();
            match c {
                '"' => {
                    self.pos = i;
                    return Ok(Node {
                        span: start..self.pos,
                        kind: Kind::Str(out),
                    });
                }
                '\\' => match escape(s, &mut i) {
                    Some(Some(e)) => out.push(e),
                    Some(None) => {}
                    None => break,
                },
                c => out.push(c),
            }
        }
        self.pos = start;
        Err(self.err("unclosed string"))
    }

    fn raw_string(&mut self, start: usize) -> Result<Node, SyntaxError> {
        if self.peek() == Some(b'b') {
            self.pos += 1;
        }
        self.pos += 1; // r
        let hashes = self.s[self.pos..]
            .bytes()
            .take_while(|&c| c == b'#')
            .count();
        self.pos += hashes;
        if self.peek() != Some(b'"') {
            return Err(self.err("malformed raw string"));
        }
        self.pos += 1;
        let terminator = format!("\"{}", "#".repeat(hashes));
        match self.s[self.pos..].find(&terminator) {
            Some(i) => {
                let body = self.s[self.pos..self.pos + i].to_owned();
                self.pos += i + terminator.len();
                Ok(Node {
                    span: start..self.pos,
                    kind: Kind::Str(body),
                })
            }
            None => {
                self.pos = start;
                Err(self.err("unclosed raw string"))
            }
        }
    }

    /// Items up to `end`, separated by commas, trailing comma allowed.
    fn seq(&mut self, end: u8, depth: usize) -> Result<(Vec<Node>, usize), SyntaxError> {
        let mut items = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek() == Some(end) {
                let close = self.pos;
                self.pos += 1;
                return Ok((items, close));
            }
            items.push(self.value(depth + 1)?);
            self.skip_trivia()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(c) if c == end => {}
                _ => return Err(self.err("expected `,` or a closing bracket")),
            }
        }
    }

    fn map(&mut self, start: usize, depth: usize) -> Result<Node, SyntaxError> {
        self.pos += 1;
        let mut entries = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek() == Some(b'}') {
                let close = self.pos;
                self.pos += 1;
                return Ok(Node {
                    span: start..self.pos,
                    kind: Kind::Map { entries, close },
                });
            }
            let k = self.value(depth + 1)?;
            self.expect(b':', "expected `:` in a map")?;
            let v = self.value(depth + 1)?;
            entries.push((k, v));
            self.skip_trivia()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {}
                _ => return Err(self.err("expected `,` or `}`")),
            }
        }
    }

    /// After an optional name, at `(`: a struct when the first entry is `ident:`, else a tuple.
    fn paren(
        &mut self,
        start: usize,
        name: Option<String>,
        depth: usize,
    ) -> Result<Node, SyntaxError> {
        self.pos += 1;
        let save = self.pos;
        self.skip_trivia()?;
        let is_struct = match self.ident() {
            Some(_) => {
                self.skip_trivia()?;
                self.peek() == Some(b':')
            }
            None => false,
        };
        self.pos = save;
        if !is_struct {
            let (items, close) = self.seq(b')', depth)?;
            return Ok(Node {
                span: start..self.pos,
                kind: Kind::Tuple { name, items, close },
            });
        }
        let mut fields = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek() == Some(b')') {
                let close = self.pos;
                self.pos += 1;
                return Ok(Node {
                    span: start..self.pos,
                    kind: Kind::Struct {
                        name,
                        fields,
                        close,
                    },
                });
            }
            let (fname, name_span) = self
                .ident()
                .ok_or_else(|| self.err("expected a field name"))?;
            self.expect(b':', "expected `:` after a field name")?;
            let value = self.value(depth + 1)?;
            self.skip_trivia()?;
            let end = match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.pos
                }
                Some(b')') => value.span.end,
                _ => return Err(self.err("expected `,` or `)`")),
            };
            fields.push(Field {
                name: fname,
                name_span,
                value,
                end,
            });
        }
    }
}

/// Decodes the escape after a backslash at `s[*i..]`, advancing `i`, the way ron does: a decoded
/// id that differed from ron's would send an edit to no measure, or to the wrong one. `None` at
/// the end of the text; `Some(None)` for a line continuation, which stands for nothing. What
/// ron would refuse is decoded leniently (such a board never loads, so is never edited).
fn escape(s: &str, i: &mut usize) -> Option<Option<char>> {
    let c = s[*i..].chars().next()?;
    *i += c.len_utf8();
    let skip_blanks = |i: &mut usize| {
        let rest = &s[*i..];
        *i += rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
    };
    Some(Some(match c {
        // `\` at the end of a line: the break and the next line's indent are not text.
        '\n' => {
            skip_blanks(i);
            return Some(None);
        }
        '\r' if s[*i..].starts_with('\n') => {
            *i += 1;
            skip_blanks(i);
            return Some(None);
        }
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'u' => {
            let rest = &s[*i..];
            let end = rest.find('}')?;
            *i += end + 1;
            let hex = rest[..end].trim_start_matches('{');
            u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        }
        // `\xNN`: a byte; a non-ASCII character is written as its UTF-8 bytes, one `\xNN` each.
        'x' => {
            let mut bytes = Vec::new();
            loop {
                let hex = s.get(*i..*i + 2)?;
                *i += 2;
                let Ok(b) = u8::from_str_radix(hex, 16) else {
                    return Some(Some(char::REPLACEMENT_CHARACTER));
                };
                bytes.push(b);
                match std::str::from_utf8(&bytes) {
                    Ok(t) => return Some(t.chars().next()),
                    Err(e) if e.error_len().is_none() && s[*i..].starts_with("\\x") => *i += 2,
                    Err(_) => return Some(Some(char::REPLACEMENT_CHARACTER)),
                }
            }
        }
        other => other,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_past_comments_and_tricky_strings() {
        let text = r##"// top ) comment
Program(
    id: "p", /* a ( block /* nested */ */
    title: "括号)和,逗号 \" 引号",
    measures: [
        Measure(id: "A-1", status: Blocked(r#"raw ) "quote""#), progress: 10),
        (id: "A-2", status: Done,),
    ],
)
"##;
        let root = parse(text).unwrap();
        assert_eq!(
            root.field("title").unwrap().value.as_str(),
            Some("括号)和,逗号 \" 引号")
        );
        let m1 = root.measure("A-1").unwrap();
        let status = &m1.field("status").unwrap().value;
        assert_eq!(
            &text[status.span.clone()],
            r##"Blocked(r#"raw ) "quote""#)"##
        );
        let m2 = root.measure("A-2").unwrap();
        assert_eq!(
            &text[m2.field("status").unwrap().value.span.clone()],
            "Done"
        );
        assert!(root.measure("A-3").is_none());
    }

    #[test]
    fn refuses_hostile_nesting_without_overflowing() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        assert_eq!(parse(&text).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn reports_unclosed_strings_at_their_start() {
        let err = parse("(a: \"open)").unwrap_err();
        assert_eq!(err.offset, 4);
    }
}
