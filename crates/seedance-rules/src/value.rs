//! Field values as the engine sees them, and the fixed-size slot array that
//! holds one request (no heap allocation for the array itself).

use std::borrow::Cow;
use std::fmt;
use std::mem::ManuallyDrop;

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
/// Two lists are equal when they hold the same strings, however each is held.
#[derive(Debug, Clone)]
pub enum List<'a> {
    /// Borrowed from a typed request.
    Borrowed(&'a [Cow<'a, str>]),
    /// Read from JSON text.
    Owned(Vec<Cow<'a, str>>),
}

impl PartialEq for List<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for List<'_> {}

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

    /// A copy that borrows what this value owns or borrows.
    #[inline(always)]
    pub(crate) fn view(&self) -> Value<'_> {
        match self {
            Value::Str(s) => Value::Str(Cow::Borrowed(s)),
            Value::Int(i) => Value::Int(*i),
            Value::Bool(b) => Value::Bool(*b),
            Value::List(l) => Value::List(List::Borrowed(l)),
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

/// Reads `s` as an integer only when it is written the one canonical way
/// (`"8"`, `"-3"`; not `"08"`, `"+8"`, `"-0"` or `" 8"`), and fits 64 bits.
pub(crate) fn canonical_int(s: &str) -> Option<i64> {
    // A duration's one or two digits, without the general loop (natively:
    // in WebAssembly the loop alone is smaller).
    #[cfg(not(target_family = "wasm"))]
    match *s.as_bytes() {
        [d @ b'0'..=b'9'] => return Some(i64::from(d - b'0')),
        [a @ b'1'..=b'9', b @ b'0'..=b'9'] => {
            return Some(i64::from(a - b'0') * 10 + i64::from(b - b'0'))
        }
        _ => {}
    }
    let digits = s.strip_prefix('-').unwrap_or(s).as_bytes();
    match digits {
        [b'0', _, ..] => None,
        [b'0'] if s.len() > 1 => None,
        [b'0'..=b'9', ..] => parse_i64(s),
        _ => None,
    }
}

/// `s` as an `i64` the way `str::parse::<i64>` reads it (an optional sign,
/// then decimal digits; `None` when it does not fit). One routine for every
/// integer read, where `parse` makes a copy per integer type.
pub(crate) fn parse_i64(s: &str) -> Option<i64> {
    let (neg, digits) = match s.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        all => (false, all),
    };
    if digits.is_empty() {
        return None;
    }
    // Accumulated below zero, so that the least i64 reads too.
    let mut v: i64 = 0;
    for &b in digits {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = v.checked_mul(10)?.checked_sub(i64::from(d))?;
    }
    if neg {
        Some(v)
    } else {
        v.checked_neg()
    }
}

/// `s` as a `u64` when it is only decimal digits (as `str::parse::<u64>`
/// reads it, without a sign). A `const fn`: the price tables' bounds are
/// read with it when the crate is built (`price::most`).
pub(crate) const fn parse_u64(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.is_empty() {
        return None;
    }
    let mut v: u64 = 0;
    let mut k = 0;
    while k < b.len() {
        let d = b[k].wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = match v.checked_mul(10) {
            Some(v) => match v.checked_add(d as u64) {
                Some(v) => v,
                None => return None,
            },
            None => return None,
        };
        k += 1;
    }
    Some(v)
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
///
/// Most requests own nothing: every string is borrowed from the request or
/// from the tables. Such values are kept in `vals`, which is never dropped
/// value by value (there is nothing to free). The few values that own heap
/// memory (JSON strings with escapes, numbers read as strings, arrays read
/// from JSON) are kept apart natively, in fields whose drop frees them, so
/// that dropping slots that own nothing costs nothing: the first in `first`,
/// the others in `more`. A body usually has one such value at most (an
/// array of URLs), which then costs no allocation of its own. In
/// WebAssembly, where code size counts more than a drop, every value is kept
/// in `vals` and dropped with the slots.
pub struct Slots<'a> {
    /// The values that own no heap memory.
    vals: ManuallyDrop<[Option<Value<'a>>; MAX_FIELDS]>,
    /// The values that own heap memory, field `i` at place `at[i]` when bit
    /// `i` of `spilled` is set (`at[i]` is `u8::MAX` until field `i` has a
    /// place): place 0 is `first`, place `k` is `more[k - 1]`. Two flat
    /// fields: in a struct of their own, or with `more` boxed, the slots
    /// were built in a temporary and copied into the report, one more copy
    /// of 700 bytes per check (90 instructions on a typed one).
    #[cfg(not(target_family = "wasm"))]
    first: Option<Value<'a>>,
    #[cfg(not(target_family = "wasm"))]
    more: Vec<Value<'a>>,
    at: [u8; MAX_FIELDS],
    spilled: u32,
    /// A bit per field that holds a value.
    present: u32,
}

impl<'a> Slots<'a> {
    pub(crate) const fn new() -> Slots<'a> {
        Slots {
            vals: ManuallyDrop::new([const { None }; MAX_FIELDS]),
            #[cfg(not(target_family = "wasm"))]
            first: None,
            #[cfg(not(target_family = "wasm"))]
            more: Vec::new(),
            at: [u8::MAX; MAX_FIELDS],
            spilled: 0,
            present: 0,
        }
    }

    /// The value of field `i`: in its place apart if it was spilled there,
    /// else in `vals`. Every other reader of the slots goes through here.
    #[inline(always)]
    pub(crate) fn get(&self, i: usize) -> Option<&Value<'a>> {
        if i < MAX_FIELDS && self.spilled(i) {
            return self.apart(self.at[i]);
        }
        self.vals.get(i)?.as_ref()
    }

    /// The value of field `i`, as a copy that borrows what the slot holds.
    /// Unlike [`Slots::get`], no reference into the slots comes out: the
    /// engine reads the slots with this.
    #[inline(always)]
    pub(crate) fn view(&self, i: usize) -> Option<Value<'_>> {
        self.get(i).map(Value::view)
    }

    /// The integer field `i` stands for ([`Value::as_int`]).
    #[inline(always)]
    pub(crate) fn int_at(&self, i: usize) -> Option<i64> {
        self.get(i)?.as_int()
    }

    /// Whether field `i` is kept apart: never in WebAssembly
    /// ([`Slots::set`]).
    #[inline(always)]
    fn spilled(&self, i: usize) -> bool {
        cfg!(not(target_family = "wasm")) && self.spilled & (1 << i) != 0
    }

    // Natively, inlined where it is called: a value that owns no heap
    // memory (the usual one) is then a few stores.
    #[cfg_attr(not(target_family = "wasm"), inline(always))]
    pub(crate) fn set(&mut self, i: usize, v: Option<Value<'a>>) {
        // In WebAssembly every value is kept in `vals`, dropped with the
        // slots: less code, where size counts more than a drop's cost.
        // (`present` serves only the native engine's compiled tables.)
        if cfg!(target_family = "wasm") {
            if let Some(slot) = self.vals.get_mut(i) {
                *slot = v;
            }
            return;
        }
        match v {
            Some(value) if owns_heap(&value) => self.spill(i, value),
            v => self.put(i, v),
        }
    }

    /// [`Slots::set`] for a value that owns no heap memory (or none).
    #[inline(always)]
    pub(crate) fn put(&mut self, i: usize, v: Option<Value<'a>>) {
        if cfg!(target_family = "wasm") {
            return self.set(i, v);
        }
        debug_assert!(
            !v.as_ref().is_some_and(owns_heap),
            "a value that owns heap memory is set"
        );
        let Some(slot) = self.vals.get_mut(i) else {
            return;
        };
        let bit = 1u32 << i;
        self.spilled &= !bit;
        if v.is_some() {
            self.present |= bit;
        } else {
            self.present &= !bit;
        }
        // What `vals` held owns nothing: there is nothing to drop.
        let _ = ManuallyDrop::new(std::mem::replace(slot, v));
    }

    /// Keeps a value that owns heap memory apart.
    #[cold]
    fn spill(&mut self, i: usize, value: Value<'a>) {
        if i >= MAX_FIELDS {
            return;
        }
        self.put(i, None);
        // Each field has at most one place, taken the first time.
        self.at[i] = self.keep_apart(self.at[i], value);
        self.spilled |= 1 << i;
        self.present |= 1 << i;
    }

    /// The value at place `k` apart.
    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn apart(&self, k: u8) -> Option<&Value<'a>> {
        match k {
            0 => self.first.as_ref(),
            k => self.more.get(usize::from(k) - 1),
        }
    }

    /// Puts `value` at place `k` apart, or at the next place when `k` is
    /// `u8::MAX`, and returns the place. Places are taken in order and never
    /// given back, so `first` is taken before `more` is used.
    #[cfg(not(target_family = "wasm"))]
    fn keep_apart(&mut self, k: u8, value: Value<'a>) -> u8 {
        match (k, &mut self.first) {
            (u8::MAX, first @ None) => {
                *first = Some(value);
                0
            }
            (u8::MAX, Some(_)) => {
                self.more.push(value);
                self.more.len() as u8
            }
            (0, Some(place)) => {
                *place = value;
                0
            }
            (k, _) => {
                if let Some(place) = self.more.get_mut(usize::from(k).wrapping_sub(1)) {
                    *place = value;
                }
                k
            }
        }
    }

    // In WebAssembly nothing is kept apart (`Slots::set`).
    #[cfg(target_family = "wasm")]
    fn apart(&self, _: u8) -> Option<&Value<'a>> {
        None
    }

    #[cfg(target_family = "wasm")]
    fn keep_apart(&mut self, _: u8, _: Value<'a>) -> u8 {
        u8::MAX
    }
}

/// What the engine reads of a request's fields, and writes into them: the
/// [`Slots`], or natively, on the hot path of `quote_request`, a typed
/// request read where it stands (`requests::Typed`). The engine and the
/// price rows are written once, over this.
pub(crate) trait Fields {
    /// Field `i`'s value, as a copy that borrows it.
    fn view(&self, i: usize) -> Option<Value<'_>>;

    /// The integer field `i` stands for ([`Value::as_int`]).
    #[inline(always)]
    fn int_at(&self, i: usize) -> Option<i64> {
        self.view(i)?.as_int()
    }

    /// A bit per field that holds a value.
    #[cfg(not(target_family = "wasm"))]
    fn present(&self) -> u32;

    /// The string of field `i`, if it holds one (borrowed, as every value of
    /// a typed request is; the slots say it of owned strings too).
    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn str_at(&self, i: usize) -> Option<&str> {
        match self.view(i) {
            Some(Value::Str(Cow::Borrowed(s))) => Some(s),
            _ => None,
        }
    }

    /// The kind of value field `i` holds: 0 absent, 1 a string, 2 an
    /// integer, 3 a boolean, 4 an array; and the boolean.
    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn kind_at(&self, i: usize) -> (u8, bool) {
        match self.view(i) {
            None => (0, false),
            Some(Value::Str(_)) => (1, false),
            Some(Value::Int(_)) => (2, false),
            Some(Value::Bool(b)) => (3, b),
            Some(Value::List(_)) => (4, false),
        }
    }

    /// The length of the array field `i` holds, if it holds one.
    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn list_len_at(&self, i: usize) -> Option<usize> {
        match self.view(i) {
            Some(Value::List(l)) => Some(l.len()),
            _ => None,
        }
    }

    /// Gives absent field `i` its default, `value` (the table's).
    #[cfg(not(target_family = "wasm"))]
    fn fill_default(&mut self, i: usize, value: Value<'static>);

    /// Rewrites field `i` as `to`, as a rule says.
    #[cfg(not(target_family = "wasm"))]
    fn rewrite(&mut self, i: usize, to: &'static str);

    /// Leaves field `i` out of the request, as a rule says of an unused input.
    #[cfg(not(target_family = "wasm"))]
    fn leave_out(&mut self, i: usize);
}

impl Fields for Slots<'_> {
    #[inline(always)]
    fn view(&self, i: usize) -> Option<Value<'_>> {
        Slots::view(self, i)
    }

    #[inline(always)]
    fn int_at(&self, i: usize) -> Option<i64> {
        Slots::int_at(self, i)
    }

    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn present(&self) -> u32 {
        self.present
    }

    // An owned string too (the default reads borrowed ones only).
    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn str_at(&self, i: usize) -> Option<&str> {
        match self.get(i) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        }
    }

    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn fill_default(&mut self, i: usize, value: Value<'static>) {
        self.put(i, Some(value));
    }

    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn rewrite(&mut self, i: usize, to: &'static str) {
        self.put(i, Some(Value::Str(Cow::Borrowed(to))));
    }

    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn leave_out(&mut self, i: usize) {
        // A value kept apart stays there, freed with the slots.
        self.put(i, None);
    }
}

/// Whether dropping `v` may free heap memory.
#[inline]
fn owns_heap(v: &Value<'_>) -> bool {
    matches!(v, Value::Str(Cow::Owned(_)) | Value::List(List::Owned(_)))
}

// Natively, no `Drop`: one would make every report's lifetime outlive its
// drop, which `check(e, &body)?.credits()` at the end of a block does not.
#[cfg(target_family = "wasm")]
impl Drop for Slots<'_> {
    fn drop(&mut self) {
        // `vals` holds values that own heap memory too (`Slots::set`).
        drop(std::mem::replace(
            &mut *self.vals,
            [const { None }; MAX_FIELDS],
        ));
    }
}

impl Clone for Slots<'_> {
    fn clone(&self) -> Self {
        let mut c = Slots::new();
        for i in 0..MAX_FIELDS {
            c.set(i, self.get(i).cloned());
        }
        c
    }
}

impl PartialEq for Slots<'_> {
    fn eq(&self, other: &Self) -> bool {
        (0..MAX_FIELDS).all(|i| self.get(i) == other.get(i))
    }
}

impl Eq for Slots<'_> {}

impl fmt::Debug for Slots<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let vals: Vec<Option<&Value<'_>>> = (0..MAX_FIELDS).map(|i| self.get(i)).collect();
        f.debug_struct("Slots").field("vals", &vals).finish()
    }
}

/// The normalized request: every field present or defaulted, in the table's order.
///
/// With the `serde` feature it is `Serialize`, as the JSON object
/// [`Normalized::to_json`] makes, so a service can put it in its own
/// request to the provider.
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

    /// The normalized request as JSON text on one line: the body to send,
    /// as the report's `normalized` member writes it.
    ///
    /// ```
    /// let report = seedance_rules::check("seedanceapi-v2",
    ///     r#"{"prompt": "a kite", "model": "seedance-2-mini", "resolution": "1080p"}"#)?;
    /// let body = report.normalized().expect("valid").to_json_text();
    /// assert!(body.contains(r#""resolution":"720p""#)); // as Mini bills it
    /// # Ok::<(), seedance_rules::Error>(())
    /// ```
    pub fn to_json_text(&self) -> String {
        crate::json::to_text(false, |w| self.write_json(w))
    }

    /// Writes the normalized request as a JSON object.
    pub(crate) fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        for (k, v) in self.iter() {
            w.name(k);
            v.write_json(w);
        }
        w.end_object();
    }
}

/// As the JSON object [`Normalized::to_json`] makes, fields in the table's order.
#[cfg(feature = "serde")]
impl serde::Serialize for Normalized<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        for (name, value) in self.iter() {
            map.serialize_entry(name, &value.to_json())?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_read_as_str_parse_reads_them() {
        let texts = [
            "",
            "0",
            "-0",
            "+0",
            "8",
            "08",
            "+8",
            "-8",
            "-",
            "+",
            "1e3",
            "1.0",
            " 8",
            "8 ",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "00000000000000000000000012",
            "٣",
            "12a",
            "--1",
        ];
        for t in texts {
            assert_eq!(parse_i64(t), t.parse::<i64>().ok(), "{t:?} as i64");
            let digits_only = t.bytes().all(|b| b.is_ascii_digit());
            let std_u64 = t.parse::<u64>().ok().filter(|_| digits_only);
            assert_eq!(parse_u64(t), std_u64, "{t:?} as u64");
            let canonical = t.parse::<i64>().ok().filter(|n| n.to_string() == t);
            assert_eq!(canonical_int(t), canonical, "{t:?} canonical");
        }
    }

    fn owned(s: &str) -> Value<'static> {
        Value::Str(Cow::Owned(s.to_owned()))
    }

    impl Slots<'_> {
        /// The places taken apart.
        fn places(&self) -> usize {
            usize::from(self.first.is_some()) + self.more.len()
        }
    }

    #[test]
    fn lists_are_equal_by_what_they_hold() {
        let strings = [Cow::Borrowed("https://example.com/a.png")];
        let borrowed = Value::List(List::Borrowed(&strings));
        let owned = Value::List(List::Owned(vec![Cow::Owned(
            "https://example.com/a.png".into(),
        )]));
        assert_eq!(borrowed, owned);
        assert_eq!(owned, borrowed);
        assert_ne!(borrowed, Value::List(List::Owned(Vec::new())));
        assert_ne!(
            borrowed,
            Value::List(List::Owned(vec![Cow::Borrowed(
                "https://example.com/b.png"
            )]))
        );
    }

    #[test]
    fn slots_keep_owned_and_borrowed_values_apart() {
        let mut s = Slots::new();
        s.set(0, Some(Value::Str(Cow::Borrowed("a"))));
        s.set(1, Some(owned("b")));
        s.set(
            2,
            Some(Value::List(List::Owned(vec![Cow::Owned("c".into())]))),
        );
        s.set(3, Some(Value::Int(7)));
        assert_eq!(s.present(), 0b1111);
        assert_eq!(s.get(0), Some(&Value::Str(Cow::Borrowed("a"))));
        assert_eq!(s.get(1), Some(&owned("b")));
        assert_eq!(s.str_at(1), Some("b"));
        assert_eq!(s.list_len_at(2), Some(1));
        assert_eq!(s.int_at(3), Some(7));
        assert_eq!(s.kind_at(3), (2, false));
        // Replacing a value held apart, with another one or with a borrowed one.
        s.set(1, Some(owned("b2")));
        assert_eq!(s.get(1), Some(&owned("b2")));
        assert_eq!(s.places(), 2, "a field keeps its one place");
        s.set(1, Some(Value::Bool(true)));
        assert_eq!(s.get(1), Some(&Value::Bool(true)));
        s.set(1, Some(owned("b3")));
        assert_eq!(s.get(1), Some(&owned("b3")));
        assert_eq!(s.places(), 2);
        // And a value in the second place.
        let list = Value::List(List::Owned(vec![Cow::Borrowed("d"), Cow::Borrowed("e")]));
        s.set(2, Some(list.clone()));
        assert_eq!(s.get(2), Some(&list));
        assert_eq!(s.get(1), Some(&owned("b3")));
        assert_eq!(s.places(), 2);
        s.set(2, None);
        assert_eq!(s.get(2), None);
        assert_eq!(s.present(), 0b1011);
        // Out of range: nothing, and no panic.
        s.set(MAX_FIELDS, Some(owned("x")));
        assert_eq!(s.get(MAX_FIELDS), None);
        assert_eq!(s.str_at(MAX_FIELDS), None);
        let c = s.clone();
        assert_eq!(c, s);
        assert_eq!(format!("{c:?}"), format!("{s:?}"));
        // A clone is a copy: a change to it leaves the original as it was.
        let mut d = s.clone();
        d.set(1, Some(owned("other")));
        assert_ne!(d, s);
        assert_eq!(s.get(1), Some(&owned("b3")));
        // The debug form shows the values, wherever they are held.
        let shown = format!("{s:?}");
        assert!(
            shown.contains("\"a\"") && shown.contains("\"b3\""),
            "{shown}"
        );
    }

    #[test]
    fn canonical_integers() {
        for (text, want) in [
            ("0", Some(0)),
            ("8", Some(8)),
            ("10", Some(10)),
            ("99", Some(99)),
            ("100", Some(100)),
            ("-3", Some(-3)),
            ("-12", Some(-12)),
            ("0x", None),
            ("1x", None),
            ("x1", None),
            ("9223372036854775807", Some(i64::MAX)),
            ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775808", None),
            ("-0", None),
            ("08", None),
            ("+8", None),
            (" 8", None),
            ("", None),
            ("-", None),
            ("1e1", None),
        ] {
            assert_eq!(canonical_int(text), want, "{text:?}");
        }
    }
}
