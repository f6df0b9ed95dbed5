//! A strict JSON scanner (RFC 8259) for readers of any shape.
//!
//! The lexer walks JSON text one token at a time and leaves the structure to
//! its caller: a tree builder ([`super::Json::parse`]) or a reader that keeps
//! only what it needs. It accepts what serde_json accepts and refuses the
//! rest with serde_json's words and positions, so that a reader built on it
//! reports a fault exactly as serde_json would:
//!
//! - no trailing commas, comments, leading zeros, `NaN` or `Infinity`; white
//!   space is space, tab, line feed and carriage return only;
//! - `\u` escapes must pair their surrogates (`"\ud83d\ude00"`); a lone one is
//!   an error;
//! - arrays and objects nest at most 127 deep ("recursion limit exceeded",
//!   serde_json's limit of 128 levels counted the same way);
//! - a number whose magnitude is beyond every `f64` ("number out of range",
//!   where serde_json, which reads numbers as `f64`, gives up). The boundary
//!   is exact, as serde_json's `float_roundtrip` feature reads it; without
//!   that feature serde_json also refuses a few numbers just below it that
//!   round to `f64::MAX` (`1.7976931348623157081e308`).
//!
//! Strings come back borrowed from the text when they hold no escape, and
//! numbers as their exact text: nothing is converted to floating point and
//! nothing is allocated except the string of an escaped value.
//!
//! Errors carry serde_json's 1-based line and its column: the byte count from
//! the start of the line up to and including the byte at fault (0 at the very
//! start of a line, as for empty text).
//!
//! ```text
//! let mut lx = Lexer::new(r#"{"a": [1, "x"]}"#);
//! lx.begin_object()?;
//! while let Some(key) = lx.next_key()? {
//!     match lx.peek_kind()? {
//!         Kind::Array => { lx.begin_array()?; while lx.next_element()? { lx.skip_value()?; } }
//!         _ => { lx.skip_value()?; }
//!     }
//! }
//! lx.finish()?;
//! ```

use std::borrow::Cow;
use std::fmt;

/// serde_json's messages, word for word.
pub(crate) mod msg {
    pub const EOF_LIST: &str = "EOF while parsing a list";
    pub const EOF_OBJECT: &str = "EOF while parsing an object";
    pub const EOF_STRING: &str = "EOF while parsing a string";
    pub const EOF_VALUE: &str = "EOF while parsing a value";
    pub const EXPECTED_COLON: &str = "expected `:`";
    pub const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
    pub const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
    pub const EXPECTED_IDENT: &str = "expected ident";
    pub const EXPECTED_VALUE: &str = "expected value";
    pub const EXPECTED_QUOTE: &str = "expected `\"`";
    pub const INVALID_ESCAPE: &str = "invalid escape";
    pub const INVALID_NUMBER: &str = "invalid number";
    pub const NUMBER_OUT_OF_RANGE: &str = "number out of range";
    pub const CONTROL_CHARACTER: &str =
        "control character (\\u0000-\\u001F) found while parsing a string";
    pub const KEY_MUST_BE_A_STRING: &str = "key must be a string";
    pub const LONE_LEADING_SURROGATE: &str = "lone leading surrogate in hex escape";
    pub const TRAILING_COMMA: &str = "trailing comma";
    pub const TRAILING_CHARACTERS: &str = "trailing characters";
    pub const UNEXPECTED_END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
    pub const RECURSION_LIMIT_EXCEEDED: &str = "recursion limit exceeded";
    /// Not serde_json's: a method that wants an array or an object found something else.
    pub const EXPECTED_ARRAY: &str = "expected `[`";
    /// Not serde_json's: a method that wants an object found something else.
    pub const EXPECTED_OBJECT: &str = "expected `{`";
}

/// How many arrays and objects may be open at once, plus one: serde_json's
/// recursion limit, counted the same way (127 levels pass, 128 fail).
const DEPTH_LIMIT: u8 = 128;

/// The kind of the next value, known from its first byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

/// Text that is not JSON: serde_json's message and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// What is wrong, in serde_json's words (`expected value`).
    message: Cow<'static, str>,
    /// The 1-based line.
    line: usize,
    /// The column: bytes from the start of the line up to the fault.
    column: usize,
}

impl SyntaxError {
    /// The error for a person, as the library writes it: serde_json's words,
    /// the position as `(line 1, column 4)`, then what the words leave
    /// unsaid about `text`, the text this error is of: that the text is
    /// empty (only JSON's white space), that it starts with a byte order
    /// mark, or what the nesting limit is.
    pub(crate) fn describe(&self, text: &str) -> String {
        let hint = if text.starts_with('\u{feff}') {
            "; the text starts with a byte order mark (U+FEFF), which JSON does not allow: \
             save it as UTF-8 without one"
        } else if Lexer::unranged(text).skip_ws().is_none() {
            "; the text is empty"
        } else if self.message == msg::RECURSION_LIMIT_EXCEEDED {
            "; arrays and objects may nest at most 127 deep"
        } else {
            ""
        };
        crate::message::message!(
            "{} (line {}, column {}){}",
            self.message,
            self.line,
            self.column,
            hint
        )
    }
}

impl fmt::Display for SyntaxError {
    /// As serde_json writes its errors: `expected value at line 1 column 1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// A cursor over JSON text. See the module documentation.
#[derive(Debug, Clone)]
pub(crate) struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    pos: usize,
    /// How many more arrays and objects may be opened, plus one.
    depth_left: u8,
    /// Whether the innermost open array or object has had no element yet.
    first: bool,
    /// Whether a number beyond every `f64` is an error (serde_json's
    /// `Value`), or only text like any other (serde_json's raw values).
    ranged: bool,
}

type Result<T> = std::result::Result<T, SyntaxError>;

impl<'a> Lexer<'a> {
    /// A lexer at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Lexer<'a> {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth_left: DEPTH_LIMIT,
            first: false,
            ranged: true,
        }
    }

    /// A lexer that takes numbers of any magnitude (`1e400`) as text, as
    /// serde_json does when it keeps a value raw or skips it: for readers
    /// that judge numbers themselves, exactly, from their text.
    pub(crate) fn unranged(text: &'a str) -> Lexer<'a> {
        Lexer {
            ranged: false,
            ..Lexer::new(text)
        }
    }

    /// Skips white space and tells the kind of the next value, consuming
    /// nothing else. Errors when the text ends or the next byte starts no
    /// value.
    pub(crate) fn peek_kind(&mut self) -> Result<Kind> {
        match self.skip_ws() {
            Some(b'n') => Ok(Kind::Null),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b'"') => Ok(Kind::String),
            Some(b'[') => Ok(Kind::Array),
            Some(b'{') => Ok(Kind::Object),
            Some(_) => Err(self.peek_error(msg::EXPECTED_VALUE)),
            None => Err(self.peek_error(msg::EOF_VALUE)),
        }
    }

    /// Reads `null`.
    pub(crate) fn null(&mut self) -> Result<()> {
        match self.skip_ws() {
            Some(b'n') => {
                self.pos += 1;
                self.ident(b"ull")
            }
            _ => Err(self.value_error(msg::EXPECTED_IDENT)),
        }
    }

    /// Reads `true` or `false`.
    pub(crate) fn boolean(&mut self) -> Result<bool> {
        match self.skip_ws() {
            Some(b't') => {
                self.pos += 1;
                self.ident(b"rue").map(|()| true)
            }
            Some(b'f') => {
                self.pos += 1;
                self.ident(b"alse").map(|()| false)
            }
            _ => Err(self.value_error(msg::EXPECTED_IDENT)),
        }
    }

    /// Reads a number and returns its exact text (`-12.50e3` stays so).
    pub(crate) fn number(&mut self) -> Result<&'a str> {
        match self.skip_ws() {
            Some(b'-' | b'0'..=b'9') => {}
            _ => return Err(self.value_error(msg::INVALID_NUMBER)),
        }
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        // The integer part: one `0`, or a digit 1-9 and more digits.
        let int_start = self.pos;
        match self.next_byte() {
            None => return Err(self.error(msg::EOF_VALUE)),
            Some(b'0') => {
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.peek_error(msg::INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error(msg::INVALID_NUMBER)),
        }
        let int_end = self.pos;
        let mut frac = (int_end, int_end);
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let from = self.pos;
            self.digits();
            if self.pos == from {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(msg::INVALID_NUMBER),
                    None => self.peek_error(msg::EOF_VALUE),
                });
            }
            frac = (from, self.pos);
        }
        let mantissa = Mantissa {
            int: self.bytes.get(int_start..int_end).unwrap_or_default(),
            frac: self.bytes.get(frac.0..frac.1).unwrap_or_default(),
        };
        let mut exp: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let negative = match self.peek() {
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                _ => false,
            };
            let mut e: i32 = match self.next_byte() {
                None => return Err(self.error(msg::EOF_VALUE)),
                Some(d @ b'0'..=b'9') => i32::from(d - b'0'),
                Some(_) => return Err(self.error(msg::INVALID_NUMBER)),
            };
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.pos += 1;
                let d = i32::from(d - b'0');
                // Past i32, as serde_json: out of range unless the value is 0
                // or the exponent negative (then it is 0 and the rest is skipped).
                match e.checked_mul(10).and_then(|e| e.checked_add(d)) {
                    Some(next) => e = next,
                    None => {
                        if self.ranged && !negative && !mantissa.is_zero() {
                            return Err(self.error(msg::NUMBER_OUT_OF_RANGE));
                        }
                        self.digits();
                        return Ok(self.slice(start, self.pos));
                    }
                }
            }
            exp = if negative {
                -i64::from(e)
            } else {
                i64::from(e)
            };
        }
        if self.ranged && mantissa.overflows(exp) {
            return Err(self.error(msg::NUMBER_OUT_OF_RANGE));
        }
        Ok(self.slice(start, self.pos))
    }

    /// Reads a string; borrowed from the text when it holds no escape.
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>> {
        match self.skip_ws() {
            Some(b'"') => {
                self.pos += 1;
                self.string_body(true)
            }
            _ => Err(self.value_error(msg::EXPECTED_QUOTE)),
        }
    }

    /// A string that starts right here (no white space before it) and holds
    /// no escape, read at once: the usual value of compact JSON. `None`
    /// (nothing consumed) for anything else, which [`Lexer::string`] reads.
    #[inline(always)]
    pub(crate) fn plain_string(&mut self) -> Option<&'a str> {
        // WebAssembly reads every string the general way: less code.
        if cfg!(target_family = "wasm") {
            return None;
        }
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.pos + 1;
        let n = self.plain_run(start)?;
        self.pos = start + n + 1;
        Some(self.slice(start, start + n))
    }

    /// An integer that starts right here (no white space before it),
    /// written plainly (`42`, `-7`: no fraction, no exponent, at most 18
    /// digits), read at once: the usual integer of a body. `None` (nothing
    /// consumed) for anything else, which [`Lexer::number`] reads, and says
    /// what is wrong with when it is not a number.
    #[inline(always)]
    pub(crate) fn plain_int(&mut self) -> Option<i64> {
        // WebAssembly reads every number the general way: less code.
        if cfg!(target_family = "wasm") {
            return None;
        }
        let rest = self.bytes.get(self.pos..)?;
        let (sign, digits) = match rest.first()? {
            b'-' => (1, rest.get(1..)?),
            _ => (0, rest),
        };
        let n = digits
            .iter()
            .take(19)
            .take_while(|b| b.is_ascii_digit())
            .count();
        // A leading zero is JSON only alone; a fraction or an exponent is
        // read exactly by the general reader.
        if n == 0
            || n > 18
            || (n > 1 && digits.first() == Some(&b'0'))
            || matches!(digits.get(n), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        // 18 digits fit an i64.
        let v = digits
            .iter()
            .take(n)
            .fold(0i64, |v, &b| v * 10 + i64::from(b - b'0'));
        self.pos += sign + n;
        Some(if sign == 1 { -v } else { v })
    }

    /// Opens an array: the elements follow through [`Lexer::next_element`].
    pub(crate) fn begin_array(&mut self) -> Result<()> {
        match self.skip_ws() {
            Some(b'[') => self.enter(),
            _ => Err(self.value_error(msg::EXPECTED_ARRAY)),
        }
    }

    /// Moves to the next element of the innermost open array: `true` when
    /// there is one (read it next), `false` at the closing `]`, which it
    /// consumes.
    pub(crate) fn next_element(&mut self) -> Result<bool> {
        let b = match self.skip_ws() {
            Some(b) => b,
            None => return Err(self.peek_error(msg::EOF_LIST)),
        };
        if b == b']' {
            self.leave();
            Ok(false)
        } else if self.first {
            self.first = false;
            Ok(true)
        } else if b == b',' {
            self.pos += 1;
            match self.skip_ws() {
                Some(b']') => Err(self.peek_error(msg::TRAILING_COMMA)),
                Some(_) => Ok(true),
                None => Err(self.peek_error(msg::EOF_VALUE)),
            }
        } else {
            Err(self.peek_error(msg::EXPECTED_LIST_COMMA_OR_END))
        }
    }

    /// Opens an object: the members follow through [`Lexer::next_key`].
    pub(crate) fn begin_object(&mut self) -> Result<()> {
        match self.skip_ws() {
            Some(b'{') => self.enter(),
            _ => Err(self.value_error(msg::EXPECTED_OBJECT)),
        }
    }

    /// Moves to the next member of the innermost open object: its key, with
    /// the `:` after it consumed (read the value next), or `None` at the
    /// closing `}`, which it consumes. Keys are borrowed when unescaped.
    pub(crate) fn next_key(&mut self) -> Result<Option<Cow<'a, str>>> {
        match self.plain_key() {
            Some(key) => Ok(Some(Cow::Borrowed(key))),
            None => self.key(true),
        }
    }

    /// The usual member of compact JSON, read at once: `"key":` first in
    /// its object, or `,"key":` after a member, the key holding no escape.
    /// `None` (nothing consumed) for anything else, which [`Lexer::key`]
    /// reads.
    #[inline(always)]
    fn plain_key(&mut self) -> Option<&'a str> {
        // WebAssembly reads every key the general way: less code.
        if cfg!(target_family = "wasm") {
            return None;
        }
        let skip = match self.bytes.get(self.pos..)? {
            [b'"', ..] if self.first => 1,
            [b',', b'"', ..] if !self.first => 2,
            _ => return None,
        };
        let start = self.pos + skip;
        let n = self.plain_run(start)?;
        if self.bytes.get(start + n + 1) != Some(&b':') {
            return None;
        }
        self.first = false;
        self.pos = start + n + 2;
        Some(self.slice(start, start + n))
    }

    /// Skips one value of any kind, checked as strictly as it would be read,
    /// and returns its text (from its first byte to its last, no white space
    /// around). Allocates nothing, whatever the value holds.
    pub(crate) fn skip_value(&mut self) -> Result<&'a str> {
        self.peek_kind()?;
        let start = self.pos;
        // One bit an open container, innermost lowest: 1 for an object. The
        // depth limit keeps the count below 128.
        let mut objects: u128 = 0;
        let mut open: u32 = 0;
        loop {
            match self.peek_kind()? {
                Kind::Null => self.null()?,
                Kind::Bool => {
                    self.boolean()?;
                }
                Kind::Number => {
                    self.number()?;
                }
                Kind::String => {
                    self.pos += 1;
                    self.string_body(false)?;
                }
                Kind::Array => {
                    self.enter()?;
                    objects <<= 1;
                    open += 1;
                }
                Kind::Object => {
                    self.enter()?;
                    objects = objects << 1 | 1;
                    open += 1;
                }
            }
            // Close what ends here, up to the next value to read.
            loop {
                if open == 0 {
                    return Ok(self.slice(start, self.pos));
                }
                let more = if objects & 1 == 1 {
                    self.key(false)?.is_some()
                } else {
                    self.next_element()?
                };
                if more {
                    break;
                }
                objects >>= 1;
                open -= 1;
            }
        }
    }

    /// Checks that only white space is left.
    pub(crate) fn finish(&mut self) -> Result<()> {
        match self.skip_ws() {
            Some(_) => Err(self.peek_error(msg::TRAILING_CHARACTERS)),
            None => Ok(()),
        }
    }

    /// An error about the byte just read (serde_json's `error`): for a
    /// reader's own faults found once a value is read, such as a wrong type.
    pub(crate) fn error(&self, message: impl Into<Cow<'static, str>>) -> SyntaxError {
        self.error_at(self.pos, message.into())
    }

    /// An error about the next byte, not yet read (serde_json's `peek_error`).
    pub(crate) fn peek_error(&self, message: impl Into<Cow<'static, str>>) -> SyntaxError {
        self.error_at(self.pos.saturating_add(1), message.into())
    }

    // ---- the parts ---------------------------------------------------------

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next_byte(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    /// Skips white space; the next byte, not consumed.
    fn skip_ws(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b' ' | b'\n' | b'\t' | b'\r' => self.pos += 1,
                _ => return Some(b),
            }
        }
        None
    }

    fn digits(&mut self) {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        self.pos += rest.iter().take_while(|b| b.is_ascii_digit()).count();
    }

    /// The text between two offsets that lie on ASCII bytes (quotes,
    /// brackets, digits), so always on character boundaries. Inlined
    /// natively, where it is on the path of every key.
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// The rest of `null`, `true` or `false`, its first byte read.
    fn ident(&mut self, rest: &[u8]) -> Result<()> {
        for &want in rest {
            match self.next_byte() {
                None => return Err(self.error(msg::EOF_VALUE)),
                Some(b) if b != want => return Err(self.error(msg::EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// The error of a method called where its kind of value does not start:
    /// at the end of the text, or where no value starts, the error of
    /// reading any value; otherwise `wanted`.
    fn value_error(&mut self, wanted: &'static str) -> SyntaxError {
        match self.peek_kind() {
            Err(e) => e,
            Ok(_) => self.peek_error(wanted),
        }
    }

    /// Consumes `[` or `{` (the next byte), within the depth limit.
    fn enter(&mut self) -> Result<()> {
        self.depth_left -= 1;
        if self.depth_left == 0 {
            self.depth_left += 1;
            return Err(self.peek_error(msg::RECURSION_LIMIT_EXCEEDED));
        }
        self.pos += 1;
        self.first = true;
        Ok(())
    }

    /// Consumes `]` or `}` (the next byte). The container was an element of
    /// the one around it, which therefore has had one.
    fn leave(&mut self) {
        self.pos += 1;
        self.depth_left = (self.depth_left + 1).min(DEPTH_LIMIT);
        self.first = false;
    }

    fn key(&mut self, keep: bool) -> Result<Option<Cow<'a, str>>> {
        let b = match self.skip_ws() {
            Some(b) => b,
            None => return Err(self.peek_error(msg::EOF_OBJECT)),
        };
        if b == b'}' {
            self.leave();
            return Ok(None);
        }
        if self.first {
            self.first = false;
            if b != b'"' {
                return Err(self.peek_error(msg::KEY_MUST_BE_A_STRING));
            }
        } else if b == b',' {
            self.pos += 1;
            match self.skip_ws() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.peek_error(msg::TRAILING_COMMA)),
                Some(_) => return Err(self.peek_error(msg::KEY_MUST_BE_A_STRING)),
                None => return Err(self.peek_error(msg::EOF_VALUE)),
            }
        } else {
            return Err(self.peek_error(msg::EXPECTED_OBJECT_COMMA_OR_END));
        }
        self.pos += 1;
        let key = self.string_body(keep)?;
        match self.skip_ws() {
            Some(b':') => self.pos += 1,
            Some(_) => return Err(self.peek_error(msg::EXPECTED_COLON)),
            None => return Err(self.peek_error(msg::EOF_OBJECT)),
        }
        Ok(Some(key))
    }

    /// A string after its opening quote, up to and including the closing
    /// one. With `keep` false the escapes are checked but nothing is built
    /// (the result is then empty).
    // Inlined natively into its two callers; WebAssembly keeps one copy.
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    fn string_body(&mut self, keep: bool) -> Result<Cow<'a, str>> {
        // The usual string: its first byte to look at is the closing quote.
        let start = self.pos;
        if let Some(n) = self.plain_run(start) {
            self.pos = start + n + 1;
            return Ok(Cow::Borrowed(if keep {
                self.slice(start, start + n)
            } else {
                ""
            }));
        }
        self.escaped_string_body(keep)
    }

    /// The length of the string body that starts at `start` when nothing in
    /// it needs reading (no escape, no control character) and a quote ends
    /// it; `None` otherwise.
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    fn plain_run(&self, start: usize) -> Option<usize> {
        let rest = self.bytes.get(start..)?;
        let n = special_byte(rest)?;
        (rest.get(n) == Some(&b'"')).then_some(n)
    }

    /// [`Lexer::string_body`] for a string with an escape, a control
    /// character or no end.
    #[cold]
    #[inline(never)]
    fn escaped_string_body(&mut self, keep: bool) -> Result<Cow<'a, str>> {
        let mut start = self.pos;
        let mut owned: Option<String> = None;
        loop {
            match special_byte(self.bytes.get(self.pos..).unwrap_or_default()) {
                Some(n) => self.pos += n,
                None => {
                    self.pos = self.bytes.len();
                    return Err(self.error(msg::EOF_STRING));
                }
            }
            let run = self.slice(start, self.pos);
            match self.next_byte() {
                Some(b'"') => {
                    return Ok(match owned {
                        None if keep => Cow::Borrowed(run),
                        None => Cow::Borrowed(""),
                        Some(mut s) => {
                            s.push_str(run);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let c = self.escape()?;
                    if keep {
                        let s = owned.get_or_insert_with(String::new);
                        s.push_str(run);
                        s.push(c);
                    }
                    start = self.pos;
                }
                _ => return Err(self.error(msg::CONTROL_CHARACTER)),
            }
        }
    }

    /// The character of an escape, its backslash read.
    fn escape(&mut self) -> Result<char> {
        let c = match self.next_byte() {
            None => return Err(self.error(msg::EOF_STRING)),
            Some(c) => c,
        };
        Ok(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.error(msg::INVALID_ESCAPE)),
        })
    }

    /// A `\u` escape, `\u` read; a leading surrogate must be followed by a
    /// `\u` escape of a trailing one.
    fn unicode_escape(&mut self) -> Result<char> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error(msg::LONE_LEADING_SURROGATE));
        }
        let code = if (0xD800..=0xDBFF).contains(&n) {
            for want in [b'\\', b'u'] {
                match self.next_byte() {
                    None => return Err(self.error(msg::EOF_STRING)),
                    Some(b) if b != want => {
                        return Err(self.error(msg::UNEXPECTED_END_OF_HEX_ESCAPE))
                    }
                    Some(_) => {}
                }
            }
            let low = self.hex4()?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return Err(self.error(msg::LONE_LEADING_SURROGATE));
            }
            0x1_0000 + ((u32::from(n) - 0xD800) << 10 | (u32::from(low) - 0xDC00))
        } else {
            u32::from(n)
        };
        char::from_u32(code).ok_or_else(|| self.error(msg::INVALID_ESCAPE))
    }

    fn hex4(&mut self) -> Result<u16> {
        let Some(digits) = self.bytes.get(self.pos..self.pos + 4) else {
            self.pos = self.bytes.len();
            return Err(self.error(msg::EOF_STRING));
        };
        self.pos += 4;
        let mut n: u16 = 0;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error(msg::INVALID_ESCAPE)),
            };
            n = n << 4 | u16::from(v);
        }
        Ok(n)
    }

    /// serde_json's position of byte offset `at` (capped at the end).
    fn error_at(&self, at: usize, message: Cow<'static, str>) -> SyntaxError {
        let before = self
            .bytes
            .get(..at.min(self.bytes.len()))
            .unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        SyntaxError {
            message,
            line,
            column: before.len() - line_start,
        }
    }
}

/// The digits of a number, for the range check.
struct Mantissa<'a> {
    int: &'a [u8],
    frac: &'a [u8],
}

/// The least magnitude that is beyond every `f64` (2^1024 - 2^970, halfway
/// between `f64::MAX` and the next power of two), as significant digits: a
/// number is out of range from 0.17976931348623158079 × 10^309 up. Twenty
/// digits decide it to within a rounding error of the boundary.
const OVERFLOW_DIGITS: &[u8] = b"17976931348623158079";
const OVERFLOW_EXP: i64 = 309;

impl Mantissa<'_> {
    fn digits(&self) -> impl Iterator<Item = u8> + '_ {
        self.int.iter().chain(self.frac).copied()
    }

    fn is_zero(&self) -> bool {
        self.digits().all(|d| d == b'0')
    }

    /// Whether `0.<digits> × 10^int.len() × 10^exp` is beyond every `f64`.
    fn overflows(&self, exp: i64) -> bool {
        let leading = self.digits().take_while(|&d| d == b'0').count();
        if leading == self.int.len() + self.frac.len() {
            return false;
        }
        // The value is 0.<significant digits> × 10^point.
        let point = self.int.len() as i64 - leading as i64 + exp;
        if point != OVERFLOW_EXP {
            return point > OVERFLOW_EXP;
        }
        let mut significant = self.digits().skip(leading);
        for &bound in OVERFLOW_DIGITS {
            match significant.next() {
                Some(d) if d > bound => return true,
                Some(d) if d < bound => return false,
                Some(_) => {}
                None => return false,
            }
        }
        true
    }
}

/// The index of the first byte of `bytes` that ends a run of plain string
/// characters: a quote, a backslash or a control character. Eight bytes at a
/// time (the bit tricks of "Bit Twiddling Hacks", as serde_json does): a
/// flag is set in the high bit of each byte that is one of them, and the
/// lowest flag is exact.
#[cfg_attr(not(target_family = "wasm"), inline(always))]
pub(crate) fn special_byte(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        let flags = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (x.wrapping_sub(ONES * 0x20) & !x);
        let flags = flags & HIGHS;
        if flags != 0 {
            return Some(offset + (flags.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|n| offset + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `plain_int` read `text` (`Ok(true)`) or left it, consuming
    /// nothing (`Ok(false)`); `Err` says how it parted from what `number`
    /// and the exact integer reader read, and to where.
    pub(super) fn plain_int_agrees(text: &str) -> std::result::Result<bool, String> {
        let mut plain = Lexer::new(text);
        let Some(n) = plain.plain_int() else {
            return match plain.pos {
                0 => Ok(false),
                at => Err(format!("{text:?}: left to the general reader at {at}")),
            };
        };
        let mut general = Lexer::new(text);
        let number = general.number();
        match number
            .as_ref()
            .ok()
            .copied()
            .and_then(crate::body::exact_int)
        {
            Some(m) if m == n && plain.pos == general.pos => Ok(true),
            _ => Err(format!(
                "{text:?}: plainly {n} to {}, generally {number:?} to {}",
                plain.pos, general.pos
            )),
        }
    }

    /// `plain_int` reads what `number` and the exact integer reader read,
    /// to the same place, or leaves it to them.
    #[test]
    fn plain_integers_read_as_numbers_do() {
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "7",
            "-7",
            "42",
            "10",
            "00",
            "01",
            "-01",
            "-",
            "",
            "1.5",
            "1.0",
            "10e1",
            "1E2",
            "3-",
            "12,",
            "12}",
            "12 ",
            " 12",
            "+1",
            "x",
            "999999999999999999",
            "1000000000000000000",
            "-999999999999999999",
            "9223372036854775807",
            "-9223372036854775808",
            "99999999999999999999",
        ]
        .map(String::from)
        .to_vec();
        for digits in 1..=20 {
            texts.push("9".repeat(digits));
            texts.push(format!("-1{}", "0".repeat(digits)));
            texts.push(format!("{}.", "5".repeat(digits)));
        }
        let mut read = 0;
        for text in &texts {
            match plain_int_agrees(text) {
                Ok(plainly) => read += usize::from(plainly),
                Err(why) => panic!("{why}"),
            }
        }
        assert!(read >= 25, "{read} read plainly");
    }

    #[test]
    fn special_byte_finds_the_first_quote_backslash_or_control() {
        let naive = |b: &[u8]| b.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20);
        let specials = [b'"', b'\\', 0x00, 0x1f, b'\n'];
        let plain = [b'a', b' ', 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0xff, 0x20];
        for len in 0..20 {
            for at in 0..=len {
                for &sp in &specials {
                    for &p in &plain {
                        let mut v = vec![p; len];
                        if at < len {
                            v[at] = sp;
                        }
                        // A second special after the first must not win.
                        if at + 3 < len {
                            v[at + 3] = b'"';
                        }
                        assert_eq!(special_byte(&v), naive(&v), "{v:?}");
                    }
                }
            }
        }
    }

    fn err(text: &str) -> String {
        let mut lx = Lexer::new(text);
        let e = lx
            .skip_value()
            .and_then(|_| lx.finish())
            .expect_err("an error");
        e.to_string()
    }

    #[test]
    fn tokens_one_by_one() {
        let mut lx =
            Lexer::new(" {\"a\" : [1, -2.5e+3, \"x\\ny\", true, null], \"b\\u00e9\": {}} ");
        lx.begin_object().unwrap();
        assert_eq!(lx.next_key().unwrap(), Some(Cow::Borrowed("a")));
        assert_eq!(lx.peek_kind().unwrap(), Kind::Array);
        lx.begin_array().unwrap();
        assert!(lx.next_element().unwrap());
        assert_eq!(lx.number().unwrap(), "1");
        assert!(lx.next_element().unwrap());
        assert_eq!(lx.number().unwrap(), "-2.5e+3");
        assert!(lx.next_element().unwrap());
        let s = lx.string().unwrap();
        assert!(matches!(s, Cow::Owned(_)));
        assert_eq!(s, "x\ny");
        assert!(lx.next_element().unwrap());
        assert!(lx.boolean().unwrap());
        assert!(lx.next_element().unwrap());
        lx.null().unwrap();
        assert!(!lx.next_element().unwrap());
        assert_eq!(lx.next_key().unwrap().as_deref(), Some("bé"));
        assert_eq!(lx.skip_value().unwrap(), "{}");
        assert_eq!(lx.next_key().unwrap(), None);
        lx.finish().unwrap();
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let mut lx = Lexer::new(r#""plain é""#);
        assert!(matches!(lx.string().unwrap(), Cow::Borrowed("plain é")));
        let mut lx = Lexer::new(r#""\ud83d\ude00\/\"\\\b\f\r\t""#);
        assert_eq!(lx.string().unwrap(), "😀/\"\\\u{8}\u{c}\r\t");
    }

    /// `\u` escapes take their hex digits in either case, as serde_json does.
    #[test]
    fn hex_escapes_take_digits_in_either_case() {
        for (text, want) in [
            (r#""\u00C9\u00c9""#, "ÉÉ"),
            (r#""\u20AC\u20ac\u20aC""#, "€€€"),
            (r#""\uABCD\uabcd\uFFFF""#, "\u{abcd}\u{abcd}\u{ffff}"),
            (r#""\uD83D\uDE00\ud83d\ude00\uD83d\uDe00""#, "😀😀😀"),
        ] {
            assert_eq!(Lexer::new(text).string().unwrap(), want, "{text}");
            assert_eq!(
                serde_json::from_str::<String>(text).unwrap(),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn skip_value_returns_the_raw_text() {
        let text = "  [1, {\"a\": [\"\\u0041\", {}]}, \"s\"]  ";
        let mut lx = Lexer::new(text);
        assert_eq!(lx.skip_value().unwrap(), text.trim());
        lx.finish().unwrap();
        let mut lx = Lexer::new("[[]] x");
        assert_eq!(lx.skip_value().unwrap(), "[[]]");
        assert_eq!(
            lx.finish().unwrap_err().to_string(),
            "trailing characters at line 1 column 6"
        );
    }

    #[test]
    fn serde_json_words_and_positions() {
        for (text, want) in [
            ("", "EOF while parsing a value at line 1 column 0"),
            ("   ", "EOF while parsing a value at line 1 column 3"),
            ("x", "expected value at line 1 column 1"),
            ("\u{feff}{}", "expected value at line 1 column 1"),
            ("[1,]", "trailing comma at line 1 column 4"),
            ("{\"a\":1,}", "trailing comma at line 1 column 8"),
            ("{\"a\" 1}", "expected `:` at line 1 column 6"),
            ("{1:2}", "key must be a string at line 1 column 2"),
            ("{\"a\":1 \"b\"}", "expected `,` or `}` at line 1 column 8"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("01", "invalid number at line 1 column 2"),
            ("-", "EOF while parsing a value at line 1 column 1"),
            ("-a", "invalid number at line 1 column 2"),
            ("1.", "EOF while parsing a value at line 1 column 2"),
            ("1.x", "invalid number at line 1 column 3"),
            ("1e", "EOF while parsing a value at line 1 column 2"),
            ("1e+x", "invalid number at line 1 column 4"),
            ("1e999", "number out of range at line 1 column 5"),
            ("nul", "EOF while parsing a value at line 1 column 3"),
            ("nulx", "expected ident at line 1 column 4"),
            ("\"a", "EOF while parsing a string at line 1 column 2"),
            ("\"\\x\"", "invalid escape at line 1 column 3"),
            ("\"\\u12\"", "EOF while parsing a string at line 1 column 6"),
            ("\"\\uZZZZ\"", "invalid escape at line 1 column 7"),
            ("\"\\udc00\"", "lone leading surrogate in hex escape at line 1 column 7"),
            ("\"\\ud800\"", "unexpected end of hex escape at line 1 column 8"),
            ("\"\\ud800\\n\"", "unexpected end of hex escape at line 1 column 9"),
            ("\"\\ud800\\u0041\"", "lone leading surrogate in hex escape at line 1 column 13"),
            ("\"a\u{1}\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"),
            ("\n\n  {\"é\": x}", "expected value at line 3 column 10"),
            ("[1] 2", "trailing characters at line 1 column 5"),
            ("{", "EOF while parsing an object at line 1 column 1"),
            ("[", "EOF while parsing a list at line 1 column 1"),
            ("[1,", "EOF while parsing a value at line 1 column 3"),
        ] {
            assert_eq!(err(text), want, "{text:?}");
        }
    }

    #[test]
    fn the_depth_limit_is_serde_jsons() {
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        Lexer::new(&ok).skip_value().unwrap();
        let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert_eq!(err(&deep), "recursion limit exceeded at line 1 column 128");
        let deep = format!("{}{}", "{\"a\":".repeat(200), "}".repeat(200));
        assert!(err(&deep).starts_with("recursion limit exceeded"));
    }

    /// The limit is on what is open at once: a closed array or object gives
    /// its level back, so each of many siblings may nest to the limit.
    #[test]
    fn a_closed_container_gives_its_level_back() {
        // 126 levels in each sibling, 127 with the array around them.
        let array = format!("{}{}", "[".repeat(126), "]".repeat(126));
        let object = format!("{}1{}", "{\"a\":".repeat(126), "}".repeat(126));
        let inner = [array.as_str(), &object].repeat(150).join(",");
        let siblings = format!("[{inner}]");
        let mut lx = Lexer::new(&siblings);
        assert_eq!(lx.skip_value().map(str::len), Ok(siblings.len()));
        lx.finish().unwrap();
        let tree = crate::json::parse(&siblings).unwrap();
        assert_eq!(tree.as_array().map(<[_]>::len), Some(300));
        // A last sibling one level deeper is refused at its 127th `[`, the
        // 128th open with the array around it.
        let head = format!("[{inner},");
        let over = format!("{head}{}{}]", "[".repeat(127), "]".repeat(127));
        let want = format!(
            "recursion limit exceeded at line 1 column {}",
            head.len() + 127
        );
        assert_eq!(err(&over), want);
        let tree = crate::json::parse(&over).unwrap_err();
        assert_eq!(tree.to_string(), want);
    }

    #[test]
    fn numbers_stay_text_and_out_of_range_is_past_f64() {
        for ok in [
            "0", "-0", "1.5", "1E5", "1e-999999", "0e999999", "1.7976931348623157e308",
            "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "0.0000000000000000001e327", "123456789012345678901234567890",
            "1e-99999999999", "0e99999999999",
        ] {
            let mut lx = Lexer::new(ok);
            assert_eq!(lx.number(), Ok(ok), "{ok}");
        }
        for bad in [
            "1.8e308",
            "1e309",
            "17976931348623159e292",
            "1e99999999999",
            "-1e400",
        ] {
            assert!(err(bad).starts_with("number out of range"), "{bad}");
        }
    }

    /// The least magnitude beyond every `f64`, 2^1024 - 2^970, is
    /// 1.797693134862315807937...e308: a number agreeing with it in its
    /// first digits is on the side of the first digit that differs, whatever
    /// digits come after that one.
    #[test]
    fn the_first_digit_that_differs_from_the_boundary_decides() {
        for ok in [
            "1.7976931348623157999e308",
            "1.7976931348623158078e308",
            "1.79769313486231580789e308",
            "-17976931348623158078999e286",
        ] {
            let mut lx = Lexer::new(ok);
            assert_eq!(lx.number(), Ok(ok), "{ok}");
        }
        for bad in [
            "1.797693134862315808e308",
            "1.7976931348623158079e308",
            "1.79769313486231580790001e308",
        ] {
            assert_eq!(
                err(bad),
                format!("number out of range at line 1 column {}", bad.len()),
                "{bad}"
            );
        }
    }
}

/// The lexer against serde_json on text that is mostly not JSON: the same
/// verdict, and for a fault the same message, line and column.
#[cfg(test)]
mod differential {
    use super::*;
    use proptest::prelude::*;

    fn ours(text: &str) -> std::result::Result<(), String> {
        let mut lx = Lexer::new(text);
        lx.skip_value()
            .and_then(|_| lx.finish())
            .map_err(|e| e.to_string())
    }

    fn theirs(text: &str) -> std::result::Result<(), String> {
        serde_json::from_str::<serde_json::Value>(text)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    const TOKENS: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "\"a\"",
        "\"é\"",
        "\\",
        "\\u",
        "d83d",
        "de00",
        "dc00",
        "0041",
        "00e9",
        "zz",
        "\\n",
        "\\x",
        "1",
        "0",
        "07",
        "-",
        ".",
        "e",
        "E",
        "+",
        "12",
        "9.5",
        "true",
        "false",
        "null",
        "nul",
        "tru",
        " ",
        "\n",
        "\t",
        "\r",
        "\u{1}",
        "\u{1f}",
        "é",
        "😀",
        "x",
        "/",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "1e400",
        "-0",
        "{\"k\":",
        "[[",
        "]]",
    ];

    fn tokens() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(TOKENS), 0..14).prop_map(|t| t.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn token_soup(text in tokens()) {
            prop_assert_eq!(ours(&text), theirs(&text), "{:?}", text);
        }

        /// A plain integer read at once is the number the general readers
        /// read, to the same place; anything else is left to them.
        #[test]
        fn plain_integers(text in "-?[0-9]{0,21}([.eE][-+]?[0-9]{0,3})?[,} x]?") {
            if let Err(why) = super::tests::plain_int_agrees(&text) {
                return Err(TestCaseError::fail(why));
            }
        }

        #[test]
        fn mutated_json(text in tokens(), at in 0usize..64, cut in 0usize..3) {
            // A valid document with a few bytes removed or the soup inserted.
            let doc = r#"{"a": [1, -2.5e3, "x\ty\u00e9"], "b": {"c": null, "d": true}, "e": "\ud83d\ude00"}"#;
            let at = at.min(doc.len());
            let mut s = String::from(&doc[..at]);
            s.push_str(&text);
            s.push_str(&doc[(at + cut).min(doc.len())..]);
            prop_assert_eq!(ours(&s), theirs(&s), "{:?}", s);
        }
    }

    #[test]
    fn the_table_of_faults_is_serde_jsons() {
        for text in [
            "",
            "  ",
            "x",
            "\u{feff}{}",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":1 \"b\"}",
            "[1 2]",
            "01",
            "-",
            "-a",
            "1.",
            "1.x",
            "1e",
            "1e+x",
            "1e999",
            "nul",
            "nulx",
            "\"a",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\uZZZZ\"",
            "\"\\udc00\"",
            "\"\\ud800\"",
            "\"\\ud800\\n\"",
            "\"\\ud800\\u0041\"",
            "\"a\u{1}\"",
            "\n\n  {\"é\": x}",
            "[1] 2",
            "{",
            "[",
            "[1,",
            "1e99999999999",
            "-1e99999999999",
            "0e99999999999",
            "1e-99999999999",
            "1.8e308",
            "1.7976931348623157e308",
            "-1.8e308",
            "[1e309]",
            "{\"a\":1e400 }",
            "1e-400",
        ] {
            assert_eq!(ours(text), theirs(text), "{text:?}");
        }
    }
}
