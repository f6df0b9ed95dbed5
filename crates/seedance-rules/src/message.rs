//! The messages of violations and warnings (the engine's, the body reader's,
//! the URL rules' reasons), written piece by piece.
//!
//! [`message!`] writes what `format!` would, without its machinery. An
//! invalid body writes a message for each finding, with the rule's
//! conditions in it, and `format!`'s walk over its arguments, its padding
//! logic, the `String`s of the pieces it was given and the regrowth of its
//! output cost more than the text itself. Here the template is cut around
//! its holes when the crate is compiled, each piece appends itself
//! ([`Piece`]) to one `String`, made large enough for the usual message and
//! the hint that the engine's `fail` may add. The benchmarks' batch of 16
//! bodies, 8 of them invalid, went from 107,707 to 73,868 instructions
//! (`benches/README.md`); valid bodies write no message.

use std::borrow::Cow;

use crate::ratio::push_decimal;
use crate::spec::{Cond, EndpointSpec, Rule};
use crate::value::Value;

/// The room a message starts with: the longest the conformance cases see,
/// with its rule's hint, is under 200 bytes.
#[cfg(not(target_family = "wasm"))]
pub(crate) const ROOM: usize = 192;

/// A message from a template and its pieces, as `format!` writes one: each
/// `{}` of the template is the next piece. `message!("`{}` is
/// required{}", name, Context(spec, rule))`. A template with more or fewer
/// `{}` than pieces does not compile.
///
/// In WebAssembly the same template goes to `format_args!`, whose machinery
/// the module has anyway, with each piece wrapped in [`Put`], whose
/// `Display` is the piece's own `put`: so the module carries no `Display`
/// of std's for strings or integers. (`write` there made the npm package
/// 381 bytes larger gzipped, for about 8% off the batch.) The tests hold
/// both ways to the same text.
macro_rules! message {
    ($template:literal $(, $piece:expr)* $(,)?) => {{
        const PIECES: usize = <[&str]>::len(&[$(stringify!($piece)),*]);
        // The text around the holes, cut when the crate is compiled.
        const TEXT: [&str; PIECES + 1] = $crate::message::cut($template);
        let out: String;
        #[cfg(not(target_family = "wasm"))]
        {
            out = $crate::message::write(&TEXT, &[$(&$piece),*]);
        }
        #[cfg(target_family = "wasm")]
        {
            let _ = TEXT;
            out = $crate::message::text(format_args!($template $(, $crate::message::Put(&$piece))*));
        }
        out
    }};
}
pub(crate) use message;

/// The text of `template` around its `{}`: `N - 1` holes, or no compiling.
pub(crate) const fn cut<const N: usize>(template: &'static str) -> [&'static str; N] {
    let mut out = [""; N];
    let b = template.as_bytes();
    let (mut k, mut start, mut i) = (0, 0, 0);
    while i < b.len() {
        if i + 1 < b.len() && b[i] == b'{' && b[i + 1] == b'}' {
            assert!(
                k + 1 < N,
                "a message template has more holes (`{{}}`) than pieces"
            );
            out[k] = between(template, start, i);
            k += 1;
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    assert!(
        k + 1 == N,
        "a message template has fewer holes (`{{}}`) than pieces"
    );
    out[k] = between(template, start, b.len());
    out
}

/// `s[from..to]`, where both ends are next to an ASCII `{}` or at an end.
const fn between(s: &'static str, from: usize, to: usize) -> &'static str {
    let (head, _) = s.as_bytes().split_at(to);
    let (_, text) = head.split_at(from);
    match std::str::from_utf8(text) {
        Ok(text) => text,
        Err(_) => panic!("a message template is cut at a character boundary"),
    }
}

/// [`message!`]: the template's text with the pieces between: one copy of
/// this loop serves every message, and a call passes a pointer and vtable
/// for each piece, as compact as `format!`'s arguments.
#[cfg(not(target_family = "wasm"))]
pub(crate) fn write(text: &[&str], pieces: &[&dyn Piece]) -> String {
    let mut out = String::with_capacity(ROOM);
    let (first, rest) = text.split_first().unwrap_or((&"", &[]));
    out.push_str(first);
    for (piece, text) in pieces.iter().zip(rest) {
        piece.put(&mut out);
        out.push_str(text);
    }
    out
}

/// Text that appends itself to a message.
pub(crate) trait Piece {
    fn put(&self, out: &mut String);
}

impl Piece for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for Cow<'_, str> {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

impl Piece for bool {
    fn put(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Piece for usize {
    fn put(&self, out: &mut String) {
        push_decimal(out, *self as u128, 0);
    }
}

impl Piece for u64 {
    fn put(&self, out: &mut String) {
        push_decimal(out, u128::from(*self), 0);
    }
}

impl Piece for i64 {
    fn put(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        push_decimal(out, u128::from(self.unsigned_abs()), 0);
    }
}

/// `" when `model` is seedance-2.0 and `duration` is absent"`: the
/// conditions under which a rule applies, or nothing for a rule that always
/// does.
pub(crate) struct Context<'s>(pub &'s EndpointSpec, pub &'s Rule);

impl Piece for Context<'_> {
    fn put(&self, out: &mut String) {
        let Context(spec, rule) = self;
        for (k, c) in rule.when.iter().enumerate() {
            out.push_str(if k == 0 { " when `" } else { " and `" });
            let (f, is, value) = match *c {
                Cond::Is(f, v) => (f, "` is ", v),
                Cond::IsNot(f, v) => (f, "` is not ", v),
                Cond::Absent(f) => (f, "` is absent", ""),
            };
            out.push_str(spec.fields.get(f).map_or("", |field| field.name));
            out.push_str(is);
            out.push_str(value);
        }
    }
}

/// `a, b, c`.
pub(crate) struct Words<'w>(pub &'w [&'w str]);

impl Piece for Words<'_> {
    fn put(&self, out: &mut String) {
        for (i, w) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(w);
        }
    }
}

/// `4, 8 or 12`.
pub(crate) struct Ints<'a>(pub &'a [i64]);

impl Piece for Ints<'_> {
    fn put(&self, out: &mut String) {
        let Some((last, init)) = self.0.split_last() else {
            return;
        };
        for (i, n) in init.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            n.put(out);
        }
        if !init.is_empty() {
            out.push_str(" or ");
        }
        last.put(out);
    }
}

/// A value as a message shows it: a string quoted and clipped ([`Clipped`]),
/// a number or boolean as it is, an array by its length.
pub(crate) struct Shown<'v>(pub &'v Value<'v>);

impl Piece for Shown<'_> {
    fn put(&self, out: &mut String) {
        match self.0 {
            Value::Str(s) => {
                out.push('"');
                Clipped(s).put(out);
                out.push('"');
            }
            Value::Int(n) => n.put(out),
            Value::Bool(b) => b.put(out),
            Value::List(l) => {
                out.push_str("an array of ");
                l.len().put(out);
            }
        }
    }
}

/// A string as a message quotes it: its first 40 characters, and `…` when
/// there are more.
pub(crate) struct Clipped<'s>(pub &'s str);

impl Piece for Clipped<'_> {
    fn put(&self, out: &mut String) {
        match clipped_head(self.0) {
            Some(head) => {
                out.push_str(head);
                out.push('…');
            }
            None => out.push_str(self.0),
        }
    }
}

/// The first 40 characters of `s` when it has more.
pub(crate) fn clipped_head(s: &str) -> Option<&str> {
    s.char_indices().nth(40).and_then(|(i, _)| s.get(..i))
}

/// In WebAssembly, a piece as [`message!`] gives it to `format_args!`:
/// written by its [`Piece::put`], so that the module carries no `Display` of
/// std's for strings (their padding logic, a character count) or numbers.
#[cfg(any(target_family = "wasm", test))]
pub(crate) struct Put<'a, T: ?Sized>(pub &'a T);

#[cfg(any(target_family = "wasm", test))]
impl<T: Piece + ?Sized> std::fmt::Display for Put<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        self.0.put(&mut out);
        f.write_str(&out)
    }
}

/// The text `format!` writes, without its `expect` on the writer's result
/// (writing to a `String` does not fail): `format!`'s, and `to_string`'s,
/// bring std's `Display` of `str` (its padding logic and character count)
/// into the module with the panic's message.
pub(crate) fn text(args: std::fmt::Arguments<'_>) -> String {
    let mut out = String::new();
    let _ = std::fmt::Write::write_fmt(&mut out, args);
    out
}

/// An integer's decimal text, as its `to_string` writes it.
pub(crate) fn int_text(n: i128) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    push_decimal(&mut out, n.unsigned_abs(), 0);
    out
}

/// `"s"`, unless `n` is one.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `message!` with one piece, natively; and as the WebAssembly build
    /// writes it, the template through `format_args!` with the piece in
    /// its [`Put`].
    macro_rules! writes {
        ($piece:expr, $text:expr) => {{
            let text: &str = $text;
            assert_eq!(message!("<{}>", $piece), format!("<{text}>"));
            assert_eq!(
                super::text(format_args!("<{}>", super::Put(&$piece))),
                format!("<{text}>")
            );
        }};
    }

    #[test]
    fn an_integers_text_is_its_to_string() {
        for n in [0, 1, -1, 9, -10, i128::from(u64::MAX), i128::MIN, i128::MAX] {
            assert_eq!(int_text(n), n.to_string());
        }
    }

    /// Each piece writes what the `format!` it replaced wrote.
    #[test]
    fn pieces_write_what_format_wrote() {
        for n in [0i64, 7, -7, 10, i64::MIN, i64::MAX] {
            writes!(n, &n.to_string());
        }
        writes!(usize::MAX, &usize::MAX.to_string());
        writes!(u64::MAX, &u64::MAX.to_string());
        writes!(0usize, "0");
        writes!(true, "true");
        writes!(false, "false");
        writes!(Words(&[]), "");
        writes!(Words(&["a", "b", "c"]), "a, b, c");
        writes!(Ints(&[]), "");
        writes!(Ints(&[5]), "5");
        writes!(Ints(&[4, 8]), "4 or 8");
        writes!(Ints(&[-1, 8, 12]), "-1, 8 or 12");
        let long = "é".repeat(41);
        writes!(Clipped(&long), &format!("{}…", "é".repeat(40)));
        writes!(Clipped(&long[2..]), &"é".repeat(40));
        let list = Value::List(crate::value::List::Owned(vec![
            Cow::Borrowed("a"),
            Cow::Borrowed("b"),
        ]));
        for (v, shown) in [
            (Value::Str(Cow::Borrowed("x\"y")), "\"x\"y\""),
            (Value::Int(-3), "-3"),
            (Value::Bool(true), "true"),
            (Value::Bool(false), "false"),
            (list, "an array of 2"),
        ] {
            writes!(Shown(&v), shown);
        }
        assert_eq!((plural(0), plural(1), plural(2)), ("s", "", "s"));
        let owned: Cow<'_, str> = Cow::Owned("b".to_owned());
        assert_eq!(
            message!("<{}{}{}{}>", "a", owned, 1usize, String::from("d")),
            "<ab1d>"
        );
        assert_eq!(message!("no pieces"), "no pieces");
        assert_eq!(cut::<3>("{}{ }{}}{"), ["", "{ }", "}{"]);
        assert_eq!(message!("{}{ }{}}{", 1usize, 2usize), "1{ }2}{");
    }

    /// The conditions read as each rule's `when`, in the table's order, with
    /// the fields' names: what `format!` wrote, on every rule of every table.
    #[test]
    fn context_names_each_condition() {
        let (mut several, mut kinds) = (0, [0; 3]);
        for endpoint in crate::Endpoint::ALL {
            let spec = endpoint.spec();
            for rule in spec.rules {
                let mut expected = String::new();
                for (k, c) in rule.when.iter().enumerate() {
                    expected.push_str(if k == 0 { " when " } else { " and " });
                    expected.push_str(&match *c {
                        Cond::Is(f, v) => format!("`{}` is {v}", spec.fields[f].name),
                        Cond::IsNot(f, v) => format!("`{}` is not {v}", spec.fields[f].name),
                        Cond::Absent(f) => format!("`{}` is absent", spec.fields[f].name),
                    });
                    kinds[match c {
                        Cond::Is(..) => 0,
                        Cond::IsNot(..) => 1,
                        Cond::Absent(_) => 2,
                    }] += 1;
                }
                several += usize::from(rule.when.len() >= 2);
                writes!(Context(spec, rule), &expected);
            }
        }
        // No rule of the tables has an `Absent` condition (price rows do).
        assert!(
            several > 0 && kinds[0] > 0 && kinds[1] > 0,
            "{several} {kinds:?}"
        );
        let spec = crate::Endpoint::SeedanceApiV2.spec();
        let rule = Rule {
            when: &[Cond::Absent(0), Cond::IsNot(1, "x"), Cond::Is(0, "y")],
            ..spec.rules[0].clone()
        };
        let (a, b) = (spec.fields[0].name, spec.fields[1].name);
        writes!(
            Context(spec, &rule),
            &format!(" when `{a}` is absent and `{b}` is not x and `{a}` is y")
        );
    }
}
