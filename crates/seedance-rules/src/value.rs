//! Field values as the engine sees them, and the fixed-size slot array that
//! holds one request (no heap allocation for the array itself).

use std::borrow::Cow;

use crate::json::{Json, Writer};
use crate::spec::{EndpointSpec, MAX_FIELDS};

/// One field's value, of its documented JSON type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    /// A string.
    Str(Cow<'a, str>),
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// An array of strings.
    List(List<'a>),
}

/// An array of strings, borrowed from a typed request or read from JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum List<'a> {
    /// Borrowed from a typed request.
    Borrowed(&'a [Cow<'a, str>]),
    /// Read from JSON text.
    Owned(Vec<Cow<'a, str>>),
}

impl<'a> std::ops::Deref for List<'a> {
    type Target = [Cow<'a, str>];

    fn deref(&self) -> &[Cow<'a, str>] {
        match self {
            List::Borrowed(l) => l,
            List::Owned(l) => l,
        }
    }
}

impl Value<'_> {
    /// The integer this value stands for: an integer, or a string of canonical
    /// decimal digits (`"8"`, not `"08"`, `" 8"` or `"+8"`).
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Str(s) => canonical_int(s),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A copy that owns its data.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Str(s) => Value::Str(Cow::Owned(s.into_owned())),
            Value::Int(i) => Value::Int(i),
            Value::Bool(b) => Value::Bool(b),
            Value::List(l) => Value::List(List::Owned(
                l.iter().map(|s| Cow::Owned(s.to_string())).collect(),
            )),
        }
    }
}

/// Reads `s` as an integer only when it is written the one canonical way.
pub(crate) fn canonical_int(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && s != "-0";
    if canonical {
        s.parse().ok()
    } else {
        None
    }
}

impl Value<'_> {
    /// Writes the value as JSON: a string, an integer, a boolean or an array of strings.
    pub(crate) fn write_json(&self, w: &mut Writer<'_>) {
        match self {
            Value::Str(v) => w.str(v),
            Value::Int(v) => w.i64(*v),
            Value::Bool(v) => w.bool(*v),
            Value::List(v) => w.strs(v.iter().map(|s| s.as_ref())),
        }
    }

    /// The value as a JSON tree.
    pub(crate) fn to_json(&self) -> Json {
        match self {
            Value::Str(v) => Json::from(v.as_ref()),
            Value::Int(v) => Json::from(*v),
            Value::Bool(v) => Json::Bool(*v),
            Value::List(v) => v.iter().map(|s| s.as_ref()).collect(),
        }
    }
}

/// A request's fields, indexed like the endpoint's field table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slots<'a> {
    vals: [Option<Value<'a>>; MAX_FIELDS],
}

impl<'a> Slots<'a> {
    pub(crate) const fn new() -> Slots<'a> {
        Slots {
            vals: [const { None }; MAX_FIELDS],
        }
    }

    pub(crate) fn get(&self, i: usize) -> Option<&Value<'a>> {
        self.vals.get(i)?.as_ref()
    }

    pub(crate) fn set(&mut self, i: usize, v: Option<Value<'a>>) {
        if let Some(slot) = self.vals.get_mut(i) {
            *slot = v;
        }
    }
}

/// The normalized request: every field present or defaulted, in the table's order.
#[derive(Debug, Clone, Copy)]
pub struct Normalized<'r, 'a> {
    pub(crate) spec: &'static EndpointSpec,
    pub(crate) slots: &'r Slots<'a>,
}

impl<'r, 'a> Normalized<'r, 'a> {
    /// The value of a field by its wire name.
    pub fn get(&self, name: &str) -> Option<&'r Value<'a>> {
        self.slots.get(self.spec.field_index(name)?)
    }

    /// The fields in the table's order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'r Value<'a>)> + '_ {
        let slots = self.slots;
        self.spec
            .fields
            .iter()
            .enumerate()
            .filter_map(move |(i, f)| Some((f.name, slots.get(i)?)))
    }

    /// The normalized request as a JSON object, fields in the table's order.
    pub fn to_json(&self) -> Json {
        Json::Object(
            self.iter()
                .map(|(k, v)| (k.to_owned(), v.to_json()))
                .collect(),
        )
    }

    /// Writes the normalized request as a JSON object.
    pub(crate) fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        for (k, v) in self.iter() {
            w.key(k);
            v.write_json(w);
        }
        w.end_object();
    }
}
