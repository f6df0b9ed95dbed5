//! Reading a JSON body into slots in one pass over its text.
//!
//! The core's lexer (`json::lex`) walks the text once. A known field's value
//! is taken as it comes: strings stay borrowed when they hold no escape,
//! numbers are kept as their exact text, arrays as their elements. Nothing
//! else is built: no tree, no copy of the body. Unknown fields are skipped
//! (checked as strictly as the rest) and warned about. The values are then
//! read by each field's documented type in the table's order, so violations
//! come in that order whatever the key order of the body. Numbers are read
//! from their text exactly (no floating point): `10`, `10.0` and `1e1` are
//! the integer 10, `10.5` is not an integer.

use std::borrow::Cow;

use crate::error::Error;
use crate::json::lex::{Kind as JsonKind, Lexer, SyntaxError};
use crate::message::{clipped_head, message, Clipped};
use crate::report::{warning, Diag, Warning};
use crate::spec::{EndpointSpec, Field, Kind};
use crate::suggest::unknown_field_message;
use crate::value::{parse_i64, List, Slots, Value};

/// Reads `text` as a body for `spec` into `slots`, which are empty; whether
/// the body is an object. `Err` only for text that is not JSON. A JSON value
/// that is not an object gives a violation, not an error.
pub(crate) fn read_body<'a>(
    spec: &'static EndpointSpec,
    text: &'a str,
    diag: &mut Diag,
    slots: &mut Slots<'a>,
) -> Result<bool, Error> {
    let mut lx = Lexer::unranged(text);
    let mut members = Members::default();
    match read_members(spec, &mut lx, slots, &mut members, diag) {
        Ok(true) => {}
        Ok(false) => {
            // Readable JSON of the wrong shape (an array, a string, ...) is a
            // violation; anything else is not JSON at all.
            let kind = lx.peek_kind().map_err(|e| Error::syntax(text, e))?;
            lx.skip_value()
                .and_then(|_| lx.finish())
                .map_err(|e| Error::syntax(text, e))?;
            diag.violate(
                None,
                Cow::Borrowed(""),
                Cow::Owned(message!("{}.body.type", spec.id)),
                spec.body_code,
                message!(
                    "the body must be a JSON object of fields, not {}",
                    json_kind(kind)
                ),
            );
            return Ok(false);
        }
        Err(e) => return Err(Error::syntax(text, e)),
    }
    drop_repeats(&mut diag.warnings);
    for w in diag
        .warnings
        .iter_mut()
        .filter(|w| w.code == warning::UNKNOWN_FIELD)
    {
        w.message = unknown_field_message(spec, &w.field, |i| members.given & (1 << i) != 0);
    }
    // The values that were not of their field's type, or that need a word
    // (a coercion), in the table's order.
    if !members.rest.is_empty() {
        for (i, field) in spec.fields.iter().enumerate() {
            if let Some(raw) = members.forget(i) {
                slots.set(i, read_field(spec, i, field, raw, diag));
            }
        }
    }
    Ok(true)
}

/// Keeps one warning of each code and field: a key given three times is
/// one `DUPLICATE_FIELD`, an unknown key given twice one `UNKNOWN_FIELD`.
/// The reading's warnings are sorted by code and field (stably, so the
/// first given leads its run), linear-logarithmic in a body of many keys;
/// each later one of a run is marked with an empty code, then let go.
fn drop_repeats(warnings: &mut Vec<Warning>) {
    if warnings.len() < 2 {
        return;
    }
    fn key(w: &Warning) -> (&str, &str) {
        (w.code, &w.field)
    }
    let order = crate::json::stable_order(warnings.len(), &|a, b| {
        key(&warnings[a]).cmp(&key(&warnings[b]))
    });
    // Each is held to the first of its run, which the marking leaves as it is.
    let Some((&(mut first), rest)) = order.split_first() else {
        return;
    };
    for &at in rest {
        if key(&warnings[first]) == key(&warnings[at]) {
            warnings[at].code = "";
        } else {
            first = at;
        }
    }
    warnings.retain(|w| !w.code.is_empty());
}

/// What the members of a body left besides the values in the slots.
#[derive(Default)]
struct Members<'a> {
    /// The fields given, by index.
    given: u32,
    /// The values read as they came, to be judged by type in the table's
    /// order. Empty (and unallocated) for a body whose values all have
    /// their field's type.
    rest: Vec<(usize, Raw<'a>)>,
}

impl<'a> Members<'a> {
    /// Takes field `i`'s value out of `rest` (there is at most one).
    fn forget(&mut self, i: usize) -> Option<Raw<'a>> {
        let k = self.rest.iter().position(|(j, _)| *j == i)?;
        Some(self.rest.swap_remove(k).1)
    }
}

/// Reads the members of the body's object: a value of its field's type
/// straight into its slot, any other into `members.rest` (the last of a
/// duplicated key counts). `Ok(false)` when the body is not an object, with
/// nothing read.
fn read_members<'a>(
    spec: &'static EndpointSpec,
    lx: &mut Lexer<'a>,
    slots: &mut Slots<'a>,
    members: &mut Members<'a>,
    diag: &mut Diag,
) -> Result<bool, SyntaxError> {
    if lx.peek_kind()? != JsonKind::Object {
        return Ok(false);
    }
    lx.begin_object()?;
    let field_index = spec.field_finder();
    while let Some(key) = lx.next_key()? {
        let Some((i, field)) = field_index(&key).and_then(|i| Some((i, spec.fields.get(i)?)))
        else {
            lx.skip_value()?;
            // The message is written once the whole body is read, when it
            // is known whether the close field was given.
            diag.warn(
                warning::UNKNOWN_FIELD,
                Cow::Owned(key.into_owned()),
                String::new(),
            );
            continue;
        };
        let bit = 1u32 << i;
        if members.given & bit != 0 {
            members.forget(i);
            diag.warn(
                warning::DUPLICATE_FIELD,
                Cow::Borrowed(field.name),
                message!("`{}` is given more than once; the last one counts", key),
            );
        }
        members.given |= bit;
        match read_value(field.kind, lx)? {
            Ok(value) => slots.set(i, Some(value)),
            Err(raw) => match list_of_strings(field.kind, raw) {
                Ok(list) => slots.set(i, Some(list)),
                Err(raw) => {
                    slots.set(i, None);
                    members.rest.push((i, raw));
                }
            },
        }
    }
    lx.finish()?;
    Ok(true)
}

/// The next value as its field's type when it has it (`Ok`), as it came
/// otherwise (`Err`).
#[inline]
fn read_value<'a>(
    kind: Kind,
    lx: &mut Lexer<'a>,
) -> Result<Result<Value<'a>, Raw<'a>>, SyntaxError> {
    if let Kind::Str | Kind::UrlString | Kind::DurationStr = kind {
        if let Some(s) = lx.plain_string() {
            return Ok(Ok(Value::Str(Cow::Borrowed(s))));
        }
    }
    if let Kind::Int | Kind::DurationInt = kind {
        if let Some(n) = lx.plain_int() {
            return Ok(Ok(Value::Int(n)));
        }
    }
    Ok(match (lx.peek_kind()?, kind) {
        (JsonKind::String, Kind::Str | Kind::UrlString | Kind::DurationStr) => {
            Ok(Value::Str(lx.string()?))
        }
        (JsonKind::Bool, Kind::Bool) => Ok(Value::Bool(lx.boolean()?)),
        (JsonKind::Number, Kind::Int | Kind::DurationInt) => {
            let text = lx.number()?;
            exact_int(text).map(Value::Int).ok_or(Raw::Number(text))
        }
        _ => Err(read_raw(lx)?),
    })
}

/// A JSON value as far as the engine needs it, before it is read by type.
enum Raw<'a> {
    Str(Cow<'a, str>),
    /// A number, by its exact text.
    Number(&'a str),
    Bool(bool),
    Null,
    Array(Vec<Elem<'a>>),
    Object,
}

/// An element of an array: a string, or the kind of what is there instead.
enum Elem<'a> {
    Str(Cow<'a, str>),
    Other(JsonKind),
}

fn read_raw<'a>(lx: &mut Lexer<'a>) -> Result<Raw<'a>, SyntaxError> {
    Ok(match lx.peek_kind()? {
        JsonKind::String => Raw::Str(lx.string()?),
        JsonKind::Number => Raw::Number(lx.number()?),
        JsonKind::Bool => Raw::Bool(lx.boolean()?),
        JsonKind::Null => {
            lx.null()?;
            Raw::Null
        }
        JsonKind::Object => {
            lx.skip_value()?;
            Raw::Object
        }
        JsonKind::Array => {
            lx.begin_array()?;
            let mut elems = Vec::new();
            while lx.next_element()? {
                elems.push(match lx.peek_kind()? {
                    JsonKind::String => Elem::Str(lx.string()?),
                    other => {
                        lx.skip_value()?;
                        Elem::Other(other)
                    }
                });
            }
            Raw::Array(elems)
        }
    })
}

fn json_kind(kind: JsonKind) -> &'static str {
    match kind {
        JsonKind::String => "a string",
        JsonKind::Array => "an array",
        JsonKind::Object => "an object",
        JsonKind::Bool => "a boolean",
        JsonKind::Null => "null",
        JsonKind::Number => "a number",
    }
}

/// The integer a JSON number's text stands for, read exactly: `10`, `10.0`,
/// `1e1` and `100e-1` are all 10. `None` for a fraction or beyond `i64`.
pub(crate) fn exact_int(text: &str) -> Option<i64> {
    read_int(text).ok()
}

/// Why a JSON number is no `i64`.
#[derive(Debug, PartialEq)]
enum NotInt {
    /// It has a fractional part (`10.5`, `1e-1`).
    Fraction,
    /// It is a whole number beyond `i64` (`9223372036854775808`, `1e400`).
    Beyond,
}

/// [`exact_int`], saying why a number is not one.
fn read_int(text: &str) -> Result<i64, NotInt> {
    // The usual number: digits alone.
    if let Some(n) = crate::value::parse_i64(text) {
        return Ok(n);
    }
    let (neg, t) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = t.split_once(['e', 'E']).unwrap_or((t, "0"));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let exp_digits = exp.strip_prefix('+').unwrap_or(exp);
    // An exponent too large for i64 makes any non-zero mantissa too large too.
    let exp: i64 = crate::value::parse_i64(exp_digits).unwrap_or(if exp_digits.starts_with('-') {
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
        return Ok(0);
    }
    let scale = exp - frac.len() as i64 + trailing as i64;
    if scale < 0 {
        return Err(NotInt::Fraction);
    }
    // Past `i64::MAX + 1` it is beyond either way: stop there.
    let limit = i128::from(i64::MAX) + 1;
    let mut value: i128 = 0;
    for b in digits.take(total - trailing) {
        value = value * 10 + i128::from(b - b'0');
        if value > limit {
            return Err(NotInt::Beyond);
        }
    }
    for _ in 0..scale {
        value *= 10;
        if value > limit {
            return Err(NotInt::Beyond);
        }
    }
    let value = if neg { -value } else { value };
    i64::try_from(value).map_err(|_| NotInt::Beyond)
}

/// Reads one field's value by its documented type. A wrong type is a
/// violation (the field's type code, rule `<endpoint>.<field>.type`).
fn read_field<'a>(
    spec: &'static EndpointSpec,
    i: usize,
    field: &Field,
    raw: Raw<'a>,
    diag: &mut Diag,
) -> Option<Value<'a>> {
    let name = field.name;
    // The field's type rule: a value of another type, or a number beyond 64 bits.
    let violate = |diag: &mut Diag, message: String| {
        diag.violate(
            Some(i),
            Cow::Borrowed(name),
            Cow::Owned(message!("{}.{}.type", spec.id, name)),
            field.type_code,
            message,
        );
    };
    let type_violation = |diag: &mut Diag, got: &str| {
        violate(
            diag,
            message!("`{}` must be {}, not {}", name, article(field.kind), got),
        );
    };
    let raw = match raw {
        Raw::Number(text) => match read_int(text) {
            Ok(n) => Token::Int(n),
            Err(why)
                if matches!(
                    field.kind,
                    Kind::Int | Kind::DurationInt | Kind::DurationStr
                ) =>
            {
                match why {
                    // A whole number is of a type the field takes, but beyond
                    // every range the tables allow (which all lie within 64 bits).
                    NotInt::Beyond => violate(
                        diag,
                        message!("`{}` is out of range (got {})", name, Clipped(text)),
                    ),
                    NotInt::Fraction => type_violation(diag, &message!("{}", Clipped(text))),
                }
                return None;
            }
            Err(_) => Token::Other(JsonKind::Number),
        },
        Raw::Str(s) => Token::Str(s),
        Raw::Bool(b) => Token::Bool(b),
        Raw::Array(elems) => Token::Array(elems),
        Raw::Null => Token::Other(JsonKind::Null),
        Raw::Object => Token::Other(JsonKind::Object),
    };
    match (field.kind, raw) {
        (Kind::Str | Kind::UrlString | Kind::DurationStr, Token::Str(s)) => Some(Value::Str(s)),
        (Kind::Bool, Token::Bool(b)) => Some(Value::Bool(b)),
        (Kind::Int | Kind::DurationInt, Token::Int(n)) => Some(Value::Int(n)),
        (Kind::DurationStr, Token::Int(n)) => {
            diag.warn(
                warning::COERCED_TYPE,
                Cow::Borrowed(name),
                message!(
                    "`{}` is documented as a string; the number {} is sent as \"{}\"",
                    name,
                    n,
                    n
                ),
            );
            Some(Value::Str(Cow::Owned(message!("{}", n))))
        }
        (Kind::DurationInt, Token::Str(s)) => match parse_i64(&s) {
            Some(n) => {
                diag.warn(
                    warning::COERCED_TYPE,
                    Cow::Borrowed(name),
                    message!(
                        "`{}` is documented as an integer; the string \"{}\" is sent as {}",
                        name,
                        s,
                        n
                    ),
                );
                Some(Value::Int(n))
            }
            None => {
                type_violation(diag, &message!("the string \"{}\"", Clipped(&s)));
                None
            }
        },
        (Kind::UrlList, Token::Array(elems)) => read_list(spec, i, field, elems, diag),
        (_, other) => {
            type_violation(diag, json_kind(other.kind()));
            None
        }
    }
}

/// A raw value with its number read: what is matched against the field's kind.
enum Token<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    Bool(bool),
    Array(Vec<Elem<'a>>),
    Other(JsonKind),
}

impl Token<'_> {
    fn kind(&self) -> JsonKind {
        match self {
            Token::Str(_) => JsonKind::String,
            Token::Int(_) => JsonKind::Number,
            Token::Bool(_) => JsonKind::Bool,
            Token::Array(_) => JsonKind::Array,
            Token::Other(k) => *k,
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
    match clipped_head(s) {
        Some(head) => Cow::Owned(message!("{}…", head)),
        None => Cow::Borrowed(s),
    }
}

fn read_list<'a>(
    spec: &'static EndpointSpec,
    i: usize,
    field: &Field,
    elems: Vec<Elem<'a>>,
    diag: &mut Diag,
) -> Option<Value<'a>> {
    if elems.is_empty() {
        return None;
    }
    let mut bad = false;
    for (k, e) in elems.iter().enumerate() {
        if let Elem::Other(kind) = e {
            bad = true;
            diag.violate(
                Some(i),
                Cow::Owned(message!("{}[{}]", field.name, k)),
                Cow::Owned(message!("{}.{}.type", spec.id, field.name)),
                field.type_code,
                message!(
                    "`{}[{}]` must be a URL string, not {}",
                    field.name,
                    k,
                    json_kind(*kind)
                ),
            );
        }
    }
    (!bad).then(|| strings(elems))
}

/// An array read for a list field, as the list when it is one: not empty
/// and strings only (the usual array), natively. Anything else stays as it
/// came, to be judged with the values of another type (by [`read_list`] for
/// an array), as everything does in WebAssembly, where the bytes count more.
///
/// The array is taken here, once read, and not by [`read_value`] as it is
/// read: a branch for it there made the inlined reader slower on every
/// body (80 to 134 more instructions on bodies without a list).
#[inline(never)]
fn list_of_strings(kind: Kind, raw: Raw<'_>) -> Result<Value<'_>, Raw<'_>> {
    match raw {
        Raw::Array(elems)
            if cfg!(not(target_family = "wasm"))
                && kind == Kind::UrlList
                && !elems.is_empty()
                && elems.iter().all(|e| matches!(e, Elem::Str(_))) =>
        {
            Ok(strings(elems))
        }
        raw => Err(raw),
    }
}

/// The strings of an array, as a list. Collected in place: the list keeps
/// the array's memory (no second allocation).
fn strings(elems: Vec<Elem<'_>>) -> Value<'_> {
    let strings = elems.into_iter().filter_map(|e| match e {
        Elem::Str(s) => Some(s),
        Elem::Other(_) => None,
    });
    Value::List(List::Owned(strings.collect()))
}

#[cfg(test)]
mod tests {
    use crate::check;

    fn rules(body: &str) -> Vec<String> {
        let report = check("seedanceapi-v2", body).expect("JSON");
        report
            .violations()
            .iter()
            .map(|v| v.rule.to_string())
            .collect()
    }

    fn coerced(body: &str) -> usize {
        let report = check("seedanceapi-v2", body).expect("JSON");
        report
            .warnings()
            .iter()
            .filter(|w| w.code == crate::report::warning::COERCED_TYPE)
            .count()
    }

    #[test]
    fn type_violations_come_in_the_tables_order_whatever_the_keys_order() {
        // `prompt` comes before `model` and `duration` in the table; values
        // of their type read straight into the slots, the others later.
        let want = [
            "seedanceapi-v2.prompt.type",
            "seedanceapi-v2.model.type",
            "seedanceapi-v2.duration.type",
        ];
        for body in [
            r#"{"duration":true,"model":5,"prompt":null,"resolution":"720p"}"#,
            r#"{"resolution":"720p","prompt":null,"duration":true,"model":5}"#,
            r#"{"model":5,"resolution":"720p","duration":true,"prompt":null}"#,
        ] {
            assert_eq!(rules(body), want, "{body}");
        }
    }

    #[test]
    fn the_last_of_a_duplicated_key_counts_whatever_the_types() {
        // Mistyped first, then of its type: nothing wrong.
        assert_eq!(
            rules(r#"{"prompt":"A fox","duration":true,"duration":10}"#),
            Vec::<String>::new()
        );
        // Of its type first, then mistyped: the mistyped one is judged.
        assert_eq!(
            rules(r#"{"prompt":"A fox","duration":10,"duration":true}"#),
            ["seedanceapi-v2.duration.type"]
        );
        // Coerced first, then of its type: no coercion is left to report.
        assert_eq!(
            coerced(r#"{"prompt":"A fox","duration":"10","duration":10}"#),
            0
        );
        assert_eq!(
            coerced(r#"{"prompt":"A fox","duration":10,"duration":"10"}"#),
            1
        );
        let report = check(
            "seedanceapi-v2",
            r#"{"prompt":"A fox","duration":true,"duration":10}"#,
        )
        .expect("JSON");
        assert_eq!(
            report.credits(),
            check("seedanceapi-v2", r#"{"prompt":"A fox","duration":10}"#)
                .expect("JSON")
                .credits()
        );
    }

    #[test]
    fn integers_read_exactly_in_every_spelling() {
        for (text, want) in [
            ("10", Some(10)),
            ("-7", Some(-7)),
            ("10.0", Some(10)),
            ("1e1", Some(10)),
            ("100e-1", Some(10)),
            ("0.5e1", Some(5)),
            ("10.5", None),
            ("9223372036854775807", Some(i64::MAX)),
            ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775808", None),
            ("1e400", None),
        ] {
            assert_eq!(super::exact_int(text), want, "{text}");
        }
        for (text, why) in [
            ("10.5", super::NotInt::Fraction),
            ("1e-1", super::NotInt::Fraction),
            ("-0.5", super::NotInt::Fraction),
            ("9223372036854775808", super::NotInt::Beyond),
            ("-9223372036854775809", super::NotInt::Beyond),
            ("1e400", super::NotInt::Beyond),
            ("1.5e400", super::NotInt::Beyond),
            ("18446744073709551616", super::NotInt::Beyond),
        ] {
            assert_eq!(super::read_int(text), Err(why), "{text}");
        }
    }
}
