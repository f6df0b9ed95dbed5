//! A JSON writer into a `String`, compact or indented, whose output is byte
//! for byte serde_json's (`to_string`, `to_string_pretty`): strings escaped
//! the same way, `"key":value` or `"key": value` with two-space indentation,
//! empty arrays and objects as `[]` and `{}`.

use super::tree::{Json, Number};

/// `"name":`, a literal key quoted with its colon for [`Writer::member`].
macro_rules! key {
    ($name:literal) => {
        concat!("\"", $name, "\":")
    };
}
pub(crate) use key;

/// Writes one JSON value into a `String`. The caller opens and closes
/// arrays and objects, names each member with [`Writer::key`] before its
/// value, and starts each array element with [`Writer::element`].
pub(crate) struct Writer<'o> {
    out: &'o mut String,
    pretty: bool,
    indent: usize,
    /// Whether the innermost open array or object has no element yet.
    first: bool,
}

impl<'o> Writer<'o> {
    /// A writer appending to `out`; `pretty` for serde_json's `to_string_pretty`.
    pub(crate) fn new(out: &'o mut String, pretty: bool) -> Writer<'o> {
        Writer {
            out,
            pretty,
            indent: 0,
            first: false,
        }
    }

    /// Writes `{`.
    pub(crate) fn begin_object(&mut self) {
        self.open('{');
    }

    /// Writes `}`.
    pub(crate) fn end_object(&mut self) {
        self.close('}');
    }

    /// Writes `[`.
    pub(crate) fn begin_array(&mut self) {
        self.open('[');
    }

    /// Writes `]`.
    pub(crate) fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts a member of the open object: its key and the colon.
    pub(crate) fn key(&mut self, key: &str) {
        self.separate();
        write_str(self.out, key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    /// Starts a member of the open object whose key is a name of the tables
    /// (a field's name, an endpoint's id): plain text, which a test holds to needing no
    /// escape, so it is copied as it is.
    pub(crate) fn name(&mut self, name: &'static str) {
        debug_assert!(
            super::lex::special_byte(name.as_bytes()).is_none(),
            "{name} is not a plain name"
        );
        self.separate();
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str(if self.pretty { "\": " } else { "\":" });
    }

    /// Starts a member of the open object whose key is a literal that needs
    /// no escape, given quoted with its colon by [`key!`]: nothing to look
    /// for in it, one copy.
    pub(crate) fn member(&mut self, quoted: &'static str) {
        debug_assert!(
            quoted.len() >= 3
                && super::lex::special_byte(&quoted.as_bytes()[1..quoted.len() - 2]).is_none(),
            "{quoted} is not a plain quoted key"
        );
        self.separate();
        self.out.push_str(quoted);
        if self.pretty {
            self.out.push(' ');
        }
    }

    /// Starts an element of the open array.
    pub(crate) fn element(&mut self) {
        self.separate();
    }

    /// The output, to write a value's text into directly: the caller writes
    /// exactly one valid JSON value.
    pub(crate) fn text(&mut self) -> &mut String {
        self.out
    }

    /// Writes a string value.
    pub(crate) fn str(&mut self, s: &str) {
        write_str(self.out, s);
    }

    /// Writes a rational as a JSON string, `"19/2"` or `"3"`: digits and
    /// `/` need no escape, so the text goes straight into the output.
    pub(crate) fn ratio(&mut self, r: crate::Ratio) {
        self.out.push('"');
        r.push_text(self.out);
        self.out.push('"');
    }

    /// Writes a boolean.
    pub(crate) fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// Writes `null`.
    pub(crate) fn null(&mut self) {
        self.out.push_str("null");
    }

    /// Writes an unsigned integer.
    pub(crate) fn u64(&mut self, n: u64) {
        crate::ratio::push_decimal(self.out, u128::from(n), 0);
    }

    /// Writes a signed integer.
    pub(crate) fn i64(&mut self, n: i64) {
        if n < 0 {
            self.out.push('-');
        }
        crate::ratio::push_decimal(self.out, u128::from(n.unsigned_abs()), 0);
    }

    /// Writes a number as its text.
    pub(crate) fn number(&mut self, n: &Number) {
        self.out.push_str(n.as_str());
    }

    /// Writes JSON text as it is (it must be one valid JSON value), as
    /// serde_json writes a `RawValue`, even when indenting.
    pub(crate) fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }

    /// Writes a string, or `null` for `None`.
    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    /// Writes an integer, or `null` for `None`.
    pub(crate) fn opt_u64(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.u64(n),
            None => self.null(),
        }
    }

    /// Writes an array of strings.
    pub(crate) fn strs<'s>(&mut self, items: impl IntoIterator<Item = &'s str>) {
        self.begin_array();
        for s in items {
            self.element();
            self.str(s);
        }
        self.end_array();
    }

    /// Writes a tree.
    pub(crate) fn value(&mut self, v: &Json) {
        match v {
            Json::Null => self.null(),
            Json::Bool(b) => self.bool(*b),
            Json::Number(n) => self.number(n),
            Json::String(s) => self.str(s),
            Json::Array(items) => {
                self.begin_array();
                for item in items {
                    self.element();
                    self.value(item);
                }
                self.end_array();
            }
            Json::Object(members) => {
                self.begin_object();
                for (k, item) in members {
                    self.key(k);
                    self.value(item);
                }
                self.end_object();
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.indent += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.indent = self.indent.saturating_sub(1);
        if !self.first {
            self.newline();
        }
        self.out.push(bracket);
        // The container was itself an element of the one around it.
        self.first = false;
    }

    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.newline();
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.indent {
                self.out.push_str("  ");
            }
        }
    }
}

/// Writes `s` as a JSON string, escaped as serde_json escapes: `"`, `\` and
/// the control characters (`\n`, `\r`, `\t`, `\b`, `\f`, the others as
/// `\u00XX` in lowercase hex); `/`, DEL and every non-ASCII character as they are.
pub(crate) fn write_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Most text has nothing to escape: find the next byte that needs it
        // eight bytes at a time (the bytes a string must escape are those
        // that end a run of plain characters when it is read).
        let Some(n) = super::lex::special_byte(bytes.get(i..).unwrap_or_default()) else {
            break;
        };
        i += n;
        let b = bytes[i];
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            _ => "",
        };
        // `i` is an ASCII byte, so both ends are character boundaries.
        out.push_str(s.get(start..i).unwrap_or_default());
        if short.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        } else {
            out.push_str(short);
        }
        i += 1;
        start = i;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// Text written by `f`, compact or indented.
pub(crate) fn to_text(pretty: bool, f: impl FnOnce(&mut Writer<'_>)) -> String {
    // A report is a few hundred bytes: grow once or not at all.
    let mut out = String::with_capacity(512);
    f(&mut Writer::new(&mut out, pretty));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_json() {
        let all: String = (0u8..0x80).map(char::from).chain("é€😀".chars()).collect();
        let mut out = String::new();
        write_str(&mut out, &all);
        assert_eq!(out, serde_json::to_string(&all).unwrap());
    }

    #[test]
    fn the_tables_names_need_no_escape() {
        // `Writer::name` copies them as they are.
        for e in crate::Endpoint::ALL {
            let names = e.spec().fields.iter().map(|f| f.name);
            for name in names.chain([e.id()]) {
                assert_eq!(
                    super::super::lex::special_byte(name.as_bytes()),
                    None,
                    "{name}"
                );
                for pretty in [false, true] {
                    let named = to_text(pretty, |w| {
                        w.begin_object();
                        w.name(name);
                        w.null();
                        w.end_object();
                    });
                    let keyed = to_text(pretty, |w| {
                        w.begin_object();
                        w.key(name);
                        w.null();
                        w.end_object();
                    });
                    assert_eq!(named, keyed);
                }
            }
        }
    }

    #[test]
    fn compact_and_pretty() {
        let text = to_text(true, |w| {
            w.begin_object();
            w.key("a");
            w.begin_array();
            w.end_array();
            w.key("b");
            w.begin_array();
            w.element();
            w.u64(1);
            w.element();
            w.begin_object();
            w.end_object();
            w.element();
            w.begin_object();
            w.key("c");
            w.null();
            w.end_object();
            w.end_array();
            w.end_object();
        });
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(text, serde_json::to_string_pretty(&v).unwrap());
    }
}
