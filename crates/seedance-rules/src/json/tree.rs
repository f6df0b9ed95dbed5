//! An owned JSON tree that keeps numbers as their text and objects in the
//! order they were written.

use std::borrow::Cow;
use std::fmt;

use super::lex::{Kind, Lexer, SyntaxError};
use super::write::{to_text, Writer};

/// A JSON value, owned.
///
/// Numbers keep their exact text (`1.50` stays `1.50`; nothing is ever
/// converted to floating point) and objects keep their members in the order
/// written: a list of `(key, value)` pairs. Written back ([`Display`](fmt::Display) for
/// compact text, [`Json::to_string_pretty`] for indented), a tree is byte for
/// byte what serde_json writes for the same data.
///
/// Parsed text keeps what a `serde_json::Value` would not: a key given
/// twice is kept twice, and a number keeps the text it was written with
/// (`1e2` stays `1e2`, where a `Value` writes `100.0`). So two trees are
/// equal when their texts are: `1.0` is not `1`.
///
/// ```
/// use seedance_rules::Json;
/// let v = Json::parse(r#"{"b": 1, "a": [true, null, "x"], "big": 123456789012345678901234567890}"#)?;
/// assert_eq!(v["b"].as_u64(), Some(1));
/// assert_eq!(v["a"][2].as_str(), Some("x"));
/// assert_eq!(v["big"].as_number().unwrap().as_str(), "123456789012345678901234567890");
/// assert_eq!(v.to_string(), r#"{"b":1,"a":[true,null,"x"],"big":123456789012345678901234567890}"#);
///
/// let built = Json::object([("ok", true.into()), ("credits", Json::from(Some(28u64)))]);
/// assert_eq!(built.to_string(), r#"{"ok":true,"credits":28}"#);
/// assert_eq!(built.to_string_pretty(), "{\n  \"ok\": true,\n  \"credits\": 28\n}");
/// # Ok::<(), seedance_rules::Error>(())
/// ```
///
/// With the `serde` feature, a `Json` is `serde::Serialize`: embed one in
/// your own serde types to carry a report ([`Report::to_json_value`]).
///
/// [`Report::to_json_value`]: crate::Report::to_json_value
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Json {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its text.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: its members in order. Parsed text keeps a key given twice
    /// twice; [`Json::get`] finds the last, as JSON readers do.
    Object(Vec<(String, Json)>),
}

/// A JSON number as its exact text, such as `42`, `-7`, `1.50` or `2e10`.
///
/// Two numbers are equal when their texts are; integers are always written
/// the one canonical way (no leading zero, no plus sign, no exponent).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Number(String);

impl Number {
    /// The text, as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value when the text is an integer (digits only) that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        crate::value::parse_u64(&self.0)
    }

    /// The value when the text is an integer (digits, after an optional
    /// minus sign) that fits an `i64`. `-0` is not read as one: serde_json
    /// reads it as a float, and so it stays apart here.
    pub fn as_i64(&self) -> Option<i64> {
        if self.0 == "-0" {
            return None;
        }
        crate::value::parse_i64(&self.0)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! number_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Number {
            fn from(n: $t) -> Number {
                Number(crate::message::int_text(n as i128))
            }
        }
        impl From<$t> for Json {
            fn from(n: $t) -> Json {
                Json::Number(Number::from(n))
            }
        }
    )*};
}

number_from!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl Json {
    /// Reads JSON text strictly (RFC 8259, as serde_json reads it). `Err`
    /// (an [`Error`](crate::Error) with [`is_json`](crate::Error::is_json))
    /// carries serde_json's message, line and column. Its message speaks of
    /// "the body", as [`check`](crate::check) reports it, whatever the text is.
    pub fn parse(text: &str) -> Result<Json, crate::Error> {
        parse(text).map_err(|e| crate::Error::syntax(text, e))
    }

    /// An object of these members, in this order.
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// An array of these elements.
    pub fn array<T: Into<Json>>(items: impl IntoIterator<Item = T>) -> Json {
        Json::Array(items.into_iter().map(Into::into).collect())
    }

    /// The member `key` of an object (the last, if given twice).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Json::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The number, if this is an integer that fits a `u64` ([`Number::as_u64`]).
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number()?.as_u64()
    }

    /// The number, if this is an integer that fits an `i64` ([`Number::as_i64`]).
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number()?.as_i64()
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members in order, if this is an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// Indented text, as serde_json's `to_string_pretty` writes it.
    pub fn to_string_pretty(&self) -> String {
        to_text(true, |w| w.value(self))
    }
}

impl fmt::Display for Json {
    /// Compact text, as serde_json's `to_string` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&to_text(false, |w: &mut Writer<'_>| w.value(self)))
    }
}

/// `Null` for a missing member or element, as serde_json's `Value` does.
static NULL: Json = Json::Null;

impl std::ops::Index<&str> for Json {
    type Output = Json;

    /// The member `key`, or `null` when this is not an object or has no such member.
    fn index(&self, key: &str) -> &Json {
        self.get(key).unwrap_or(&NULL)
    }
}

impl std::ops::Index<usize> for Json {
    type Output = Json;

    /// The element at `i`, or `null` when this is not an array or is shorter.
    fn index(&self, i: usize) -> &Json {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&NULL)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::String(s)
    }
}

impl From<Cow<'_, str>> for Json {
    fn from(s: Cow<'_, str>) -> Json {
        Json::String(s.into_owned())
    }
}

impl From<Number> for Json {
    fn from(n: Number) -> Json {
        Json::Number(n)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    /// The value, or `null` for `None`.
    fn from(v: Option<T>) -> Json {
        v.map_or(Json::Null, Into::into)
    }
}

impl<T: Into<Json>> From<Vec<T>> for Json {
    fn from(items: Vec<T>) -> Json {
        Json::array(items)
    }
}

impl<T: Into<Json>> FromIterator<T> for Json {
    /// An array.
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Json {
        Json::array(items)
    }
}

impl std::str::FromStr for Json {
    type Err = crate::Error;

    fn from_str(text: &str) -> Result<Json, crate::Error> {
        Json::parse(text)
    }
}

/// Reads `text` into a tree, with the lexer's own error.
pub(crate) fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut lx = Lexer::new(text);
    let v = value(&mut lx)?;
    lx.finish()?;
    Ok(v)
}

/// One value; recursion is bounded by the lexer's depth limit.
fn value(lx: &mut Lexer<'_>) -> Result<Json, SyntaxError> {
    Ok(match lx.peek_kind()? {
        Kind::Null => {
            lx.null()?;
            Json::Null
        }
        Kind::Bool => Json::Bool(lx.boolean()?),
        Kind::Number => Json::Number(Number(lx.number()?.to_owned())),
        Kind::String => Json::String(lx.string()?.into_owned()),
        Kind::Array => {
            lx.begin_array()?;
            let mut items = Vec::new();
            while lx.next_element()? {
                items.push(value(lx)?);
            }
            Json::Array(items)
        }
        Kind::Object => {
            lx.begin_object()?;
            let mut members = Vec::new();
            while let Some(key) = lx.next_key()? {
                let v = value(lx)?;
                members.push((key.into_owned(), v));
            }
            Json::Object(members)
        }
    })
}

#[cfg(feature = "serde")]
impl serde::Serialize for Json {
    /// Integers as integers (up to 128 bits); any other number as the nearest
    /// `f64`, serde having no exact decimal type. `serde_json::to_string`
    /// writes an integer beyond 64 bits; `serde_json::to_value` refuses it
    /// ("number out of range"), its `Number` holding 64 bits at most.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => {
                let text = n.as_str();
                if let Some(v) = n.as_u64() {
                    s.serialize_u64(v)
                } else if let Some(v) = n.as_i64() {
                    s.serialize_i64(v)
                } else if let Ok(v) = text.parse::<u128>() {
                    s.serialize_u128(v)
                } else if let (true, Ok(v)) = (text != "-0", text.parse::<i128>()) {
                    s.serialize_i128(v)
                } else {
                    s.serialize_f64(text.parse().unwrap_or(f64::NAN))
                }
            }
            Json::String(v) => s.serialize_str(v),
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_keep_their_order_and_the_last_of_a_key_counts() {
        let v = Json::parse(r#"{"z": 1, "a": 2, "z": 3}"#).unwrap();
        assert_eq!(v.to_string(), r#"{"z":1,"a":2,"z":3}"#);
        assert_eq!(v.get("z").and_then(Json::as_u64), Some(3));
        assert_eq!(v["a"].as_u64(), Some(2));
        assert!(v["missing"].is_null());
        assert!(v[0].is_null());
    }

    #[test]
    fn builders_and_conversions() {
        let v = Json::object([
            ("s", Json::from("x")),
            ("n", Json::from(-3i64)),
            ("u", Json::from(7u32)),
            ("b", Json::from(false)),
            ("none", Json::from(None::<u64>)),
            ("some", Json::from(Some("y"))),
            ("list", Json::from(vec!["a", "b"])),
            ("cow", Json::from(Cow::Borrowed("c"))),
            ("empty", Json::array(Vec::<Json>::new())),
            ("obj", Json::object(Vec::<(String, Json)>::new())),
        ]);
        assert_eq!(
            v.to_string(),
            r#"{"s":"x","n":-3,"u":7,"b":false,"none":null,"some":"y","list":["a","b"],"cow":"c","empty":[],"obj":{}}"#
        );
        assert_eq!(
            v.to_string_pretty(),
            "{\n  \"s\": \"x\",\n  \"n\": -3,\n  \"u\": 7,\n  \"b\": false,\n  \"none\": null,\n  \"some\": \"y\",\n  \"list\": [\n    \"a\",\n    \"b\"\n  ],\n  \"cow\": \"c\",\n  \"empty\": [],\n  \"obj\": {}\n}"
        );
        assert_eq!(v, v.to_string().parse::<Json>().unwrap());
    }

    #[test]
    fn numbers_read_as_integers_only_when_written_as_integers() {
        let n = |t: &str| Json::parse(t).unwrap();
        assert_eq!(n("42").as_u64(), Some(42));
        assert_eq!(n("42").as_i64(), Some(42));
        assert_eq!(n("-42").as_u64(), None);
        assert_eq!(n("-42").as_i64(), Some(-42));
        for not_int in ["4.0", "4e0", "-0", "18446744073709551616", "0.5"] {
            assert_eq!(n(not_int).as_u64(), None, "{not_int}");
            assert_eq!(n(not_int).as_i64(), None, "{not_int}");
        }
        assert_eq!(n("0").as_i64(), Some(0));
        assert_eq!(n("1.50").as_number().map(Number::as_str), Some("1.50"));
    }

    #[test]
    fn a_parse_error_is_the_crates_json_error() {
        let e = Json::parse("{\"a\": }").unwrap_err();
        assert!(e.is_json());
        assert_eq!(e.code(), "INVALID_JSON");
        assert_eq!(
            e.to_string(),
            "the body is not JSON: expected value (line 1, column 7)"
        );
    }
}
