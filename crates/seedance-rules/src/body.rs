//! Reading a JSON body into slots without building a `serde_json::Value`.
//!
//! Each known field's value is taken as raw JSON text (borrowed, no copy) and
//! read by the field's documented type; strings without escapes stay borrowed.
//! Numbers are read from their text exactly (no floating point): `10`, `10.0`
//! and `1e1` are the integer 10, `10.5` is not an integer.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer as _;
use serde_json::value::RawValue;

use crate::error::Error;
use crate::report::{warning, Diag};
use crate::spec::{EndpointSpec, Field, Kind, MAX_FIELDS};
use crate::suggest::unknown_field_message;
use crate::value::{canonical_int, List, Slots, Value};

/// Reads `text` as a body for `spec`. `Err` only for text that is not JSON.
/// A JSON value that is not an object gives a violation, not an error.
pub(crate) fn read_body<'a>(
    spec: &'static EndpointSpec,
    text: &'a str,
    diag: &mut Diag,
) -> Result<(Slots<'a>, bool), Error> {
    let mut raws: [Option<&'a RawValue>; MAX_FIELDS] = [None; MAX_FIELDS];
    let first = text
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .bytes()
        .next();
    if first != Some(b'{') {
        // Readable JSON of the wrong shape (an array, a string, ...) is a
        // violation; anything else is not JSON at all.
        serde_json::from_str::<IgnoredAny>(text).map_err(Error::json)?;
        diag.violate(
            None,
            Cow::Borrowed(""),
            Cow::Owned(format!("{}.body.type", spec.id)),
            spec.body_code,
            format!(
                "the body must be a JSON object of fields, not {}",
                json_kind(first)
            ),
        );
        return Ok((Slots::new(), false));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    de.deserialize_map(BodyVisitor {
        spec,
        raws: &mut raws,
        diag,
    })
    .and_then(|()| de.end())
    .map_err(Error::json)?;
    for w in diag
        .warnings
        .iter_mut()
        .filter(|w| w.code == warning::UNKNOWN_FIELD)
    {
        w.message = unknown_field_message(spec, &w.field, |i| raws[i].is_some());
    }
    let mut slots = Slots::new();
    for (i, field) in spec.fields.iter().enumerate() {
        if let Some(raw) = raws[i] {
            slots.set(i, read_field(spec, i, field, raw.get(), diag));
        }
    }
    Ok((slots, true))
}

struct BodyVisitor<'s, 'a> {
    spec: &'static EndpointSpec,
    raws: &'s mut [Option<&'a RawValue>; MAX_FIELDS],
    diag: &'s mut Diag,
}

impl<'de> Visitor<'de> for BodyVisitor<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(CowStr)? {
            match self.spec.field_index(&key) {
                Some(i) => {
                    let raw: &'de RawValue = map.next_value()?;
                    if self.raws[i].replace(raw).is_some() {
                        self.diag.warn(
                            warning::DUPLICATE_FIELD,
                            Cow::Borrowed(self.spec.fields[i].name),
                            format!("`{key}` is given more than once; the last one counts"),
                        );
                    }
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                    // The message is written once the whole body is read,
                    // when it is known whether the close field was given.
                    self.diag.warn(
                        warning::UNKNOWN_FIELD,
                        Cow::Owned(key.into_owned()),
                        String::new(),
                    );
                }
            }
        }
        Ok(())
    }
}

/// A string that stays borrowed from the input when it has no escapes.
struct CowStr;

impl<'de> DeserializeSeed<'de> for CowStr {
    type Value = Cow<'de, str>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for CowStr {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// A JSON value read from its raw text, as far as the engine needs it.
enum Raw<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    /// A number that is not an integer, or one beyond 64 bits.
    OtherNumber,
    Bool(bool),
    Null,
    Array,
    Object,
}

fn json_kind(first: Option<u8>) -> &'static str {
    match first {
        Some(b'"') => "a string",
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

fn classify(raw: &str) -> Raw<'_> {
    match raw.as_bytes().first() {
        Some(b'"') => Raw::Str(read_str(raw)),
        Some(b't') => Raw::Bool(true),
        Some(b'f') => Raw::Bool(false),
        Some(b'n') => Raw::Null,
        Some(b'[') => Raw::Array,
        Some(b'{') => Raw::Object,
        _ => match exact_int(raw) {
            Some(i) => Raw::Int(i),
            None => Raw::OtherNumber,
        },
    }
}

/// A JSON string's value; borrowed when it has no escape.
fn read_str(raw: &str) -> Cow<'_, str> {
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
    if !inner.contains('\\') {
        return Cow::Borrowed(inner);
    }
    // The text was validated as JSON already, so this only decodes escapes.
    serde_json::from_str::<String>(raw).map_or(Cow::Borrowed(inner), Cow::Owned)
}

/// The integer a JSON number's text stands for, read exactly: `10`, `10.0`,
/// `1e1` and `100e-1` are all 10. `None` for a fraction or beyond `i64`.
pub(crate) fn exact_int(text: &str) -> Option<i64> {
    let (neg, t) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, "0"),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let exp_digits = exp.strip_prefix('+').unwrap_or(exp);
    // An exponent too large for i64 makes any non-zero mantissa too large too.
    let exp: i64 = exp_digits
        .parse()
        .unwrap_or(if exp_digits.starts_with('-') {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        });
    let digits = int.bytes().chain(frac.bytes());
    let trailing = int
        .bytes()
        .chain(frac.bytes())
        .rev()
        .take_while(|&b| b == b'0')
        .count();
    let total = int.len() + frac.len();
    if trailing == total {
        return Some(0);
    }
    let scale = exp - frac.len() as i64 + trailing as i64;
    if scale < 0 {
        return None;
    }
    let mut value: i128 = 0;
    for b in digits.take(total - trailing) {
        value = value.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        if value > i128::from(i64::MAX) + 1 {
            return None;
        }
    }
    for _ in 0..scale {
        value = value.checked_mul(10)?;
        if value > i128::from(i64::MAX) + 1 {
            return None;
        }
    }
    let value = if neg { -value } else { value };
    i64::try_from(value).ok()
}

/// Reads one field's raw JSON by its documented type. A wrong type is a
/// violation (the field's type code, rule `<endpoint>.<field>.type`).
fn read_field<'a>(
    spec: &'static EndpointSpec,
    i: usize,
    field: &Field,
    raw: &'a str,
    diag: &mut Diag,
) -> Option<Value<'a>> {
    let got = classify(raw);
    let name = field.name;
    let type_violation = |diag: &mut Diag, got: &str| {
        diag.violate(
            Some(i),
            Cow::Borrowed(name),
            Cow::Owned(format!("{}.{name}.type", spec.id)),
            field.type_code,
            format!("`{name}` must be {}, not {got}", article(field.kind)),
        );
    };
    match (field.kind, got) {
        (Kind::Str | Kind::UrlString, Raw::Str(s)) => Some(Value::Str(s)),
        (Kind::Bool, Raw::Bool(b)) => Some(Value::Bool(b)),
        (Kind::Int, Raw::Int(n)) => Some(Value::Int(n)),
        (Kind::DurationStr, Raw::Str(s)) => Some(Value::Str(s)),
        (Kind::DurationStr, Raw::Int(n)) => {
            diag.warn(
                warning::COERCED_TYPE,
                Cow::Borrowed(name),
                format!("`{name}` is documented as a string; the number {n} is sent as \"{n}\""),
            );
            Some(Value::Str(Cow::Owned(n.to_string())))
        }
        (Kind::DurationInt, Raw::Int(n)) => Some(Value::Int(n)),
        (Kind::DurationInt, Raw::Str(s)) => match canonical_int(&s) {
            Some(n) => {
                diag.warn(
                    warning::COERCED_TYPE,
                    Cow::Borrowed(name),
                    format!(
                        "`{name}` is documented as an integer; the string \"{s}\" is sent as {n}"
                    ),
                );
                Some(Value::Int(n))
            }
            None => {
                type_violation(diag, &format!("the string \"{}\"", clip(&s)));
                None
            }
        },
        (Kind::UrlList, Raw::Array) => read_list(spec, i, field, raw, diag),
        (_, Raw::OtherNumber)
            if matches!(
                field.kind,
                Kind::Int | Kind::DurationInt | Kind::DurationStr
            ) =>
        {
            type_violation(diag, &format!("{} (not a 64-bit integer)", clip(raw)));
            None
        }
        _ => {
            type_violation(diag, json_kind(raw.as_bytes().first().copied()));
            None
        }
    }
}

fn article(kind: Kind) -> &'static str {
    match kind {
        Kind::Str | Kind::UrlString | Kind::DurationStr => "a string",
        Kind::Bool => "a boolean (true or false)",
        Kind::Int | Kind::DurationInt => "an integer",
        Kind::UrlList => "an array of URL strings",
    }
}

/// At most 40 characters of a value, for messages.
pub(crate) fn clip(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(40) {
        Some((i, _)) => Cow::Owned(format!("{}…", &s[..i])),
        None => Cow::Borrowed(s),
    }
}

fn read_list<'a>(
    spec: &'static EndpointSpec,
    i: usize,
    field: &Field,
    raw: &'a str,
    diag: &mut Diag,
) -> Option<Value<'a>> {
    let elems: Vec<&'a RawValue> = serde_json::from_str(raw).ok()?;
    if elems.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(elems.len());
    let mut bad = false;
    for (k, e) in elems.iter().enumerate() {
        match classify(e.get()) {
            Raw::Str(s) => out.push(s),
            _ => {
                bad = true;
                diag.violate(
                    Some(i),
                    Cow::Owned(format!("{}[{k}]", field.name)),
                    Cow::Owned(format!("{}.{}.type", spec.id, field.name)),
                    field.type_code,
                    format!(
                        "`{}[{k}]` must be a URL string, not {}",
                        field.name,
                        json_kind(e.get().as_bytes().first().copied())
                    ),
                );
            }
        }
    }
    (!bad).then_some(Value::List(List::Owned(out)))
}
