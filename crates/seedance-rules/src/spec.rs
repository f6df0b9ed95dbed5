//! The vocabulary the rule tables are written in.
//!
//! Each endpoint is one [`EndpointSpec`]: a field table that reads like the
//! provider's parameter table, a rule table (one line a rule, each with its code
//! and its source), its error codes and its built-in price table. The engine in
//! `engine.rs` interprets these tables; no rule lives anywhere else.

use std::borrow::Cow;

use crate::json::key;
use crate::json::Writer;
use crate::price::EndpointPrices;

/// The most fields any endpoint has; normalized requests are fixed arrays of
/// this size, so the hot path never allocates for them.
pub(crate) const MAX_FIELDS: usize = 14;

/// Where a rule, a code or a price comes from.
///
/// Every entry of the built-in tables carries one. `document` names a file of
/// `docs/sources/` and `quote` is text that appears in it verbatim (a test
/// checks this); `decision` states the decision of `docs/rules-contract.md`
/// the library takes where the documents are silent or disagree. A price book
/// loaded at run time may carry its own `note`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// The provider document (a file of `docs/sources/`), or `""`.
    pub document: Cow<'static, str>,
    /// The words of the document this comes from, verbatim, or `""`.
    pub quote: Cow<'static, str>,
    /// The decision taken where the document is silent, or `""`.
    pub decision: Cow<'static, str>,
    /// A free note (the caller's, for a loaded price book), or `""`.
    pub note: Cow<'static, str>,
}

impl Source {
    /// A rule or price stated by a document.
    pub const fn doc(document: &'static str, quote: &'static str) -> Source {
        Source {
            document: Cow::Borrowed(document),
            quote: Cow::Borrowed(quote),
            decision: Cow::Borrowed(""),
            note: Cow::Borrowed(""),
        }
    }

    /// A document's rule completed by a decision of the library.
    pub const fn doc_decision(
        document: &'static str,
        quote: &'static str,
        decision: &'static str,
    ) -> Source {
        Source {
            document: Cow::Borrowed(document),
            quote: Cow::Borrowed(quote),
            decision: Cow::Borrowed(decision),
            note: Cow::Borrowed(""),
        }
    }

    /// A decision of the library where no document speaks.
    pub const fn decision(decision: &'static str) -> Source {
        Source {
            document: Cow::Borrowed(""),
            quote: Cow::Borrowed(""),
            decision: Cow::Borrowed(decision),
            note: Cow::Borrowed(""),
        }
    }

    /// Whether this rests on a decision of the library rather than on a document alone.
    pub fn is_decision(&self) -> bool {
        !self.decision.is_empty()
    }
}

impl Source {
    /// Writes the non-empty parts as an object, in the order of the struct.
    pub(crate) fn write_json(&self, w: &mut Writer<'_>) {
        self.write_parts(
            w,
            [
                (key!("document"), &self.document),
                (key!("quote"), &self.quote),
                (key!("decision"), &self.decision),
                (key!("note"), &self.note),
            ],
        );
    }

    /// Writes the non-empty parts as an object, keys in alphabetical order
    /// (as the rules of `describe` have always written them).
    pub(crate) fn write_json_sorted(&self, w: &mut Writer<'_>) {
        self.write_parts(
            w,
            [
                (key!("decision"), &self.decision),
                (key!("document"), &self.document),
                (key!("note"), &self.note),
                (key!("quote"), &self.quote),
            ],
        );
    }

    /// `parts`: each key quoted with its colon (`key!`), and its text.
    fn write_parts(&self, w: &mut Writer<'_>, parts: [(&'static str, &Cow<'static, str>); 4]) {
        w.begin_object();
        for (k, v) in parts {
            if !v.is_empty() {
                w.member(k);
                w.str(v);
            }
        }
        w.end_object();
    }
}

/// An error code the provider answers with, or one of the library's own where
/// the provider documents none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// The code as the provider spells it (`INVALID_DURATION`, `invalid_request`).
    /// Empty means "the rule id is the code" (apiin.one publishes no codes).
    pub id: &'static str,
    /// The HTTP status the provider answers with.
    pub status: u16,
    /// Whether the provider documents this code; false for the library's own.
    pub documented: bool,
    /// What the provider says the code means, or why the library has its own.
    pub meaning: &'static str,
    /// Where the code comes from.
    pub source: Source,
}

impl Code {
    /// Writes `{"code", "status", "documented", "meaning", "source"}`.
    pub(crate) fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.member(key!("code"));
        w.str(self.id);
        w.member(key!("status"));
        w.u64(u64::from(self.status));
        w.member(key!("documented"));
        w.bool(self.documented);
        w.member(key!("meaning"));
        w.str(self.meaning);
        w.member(key!("source"));
        self.source.write_json(w);
        w.end_object();
    }
}

/// The JSON type of a field, as the provider documents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// A string.
    Str,
    /// A boolean.
    Bool,
    /// An integer.
    Int,
    /// A string of digits documented as a string (`"8"`); a JSON number is
    /// accepted, rewritten as the string and warned about.
    DurationStr,
    /// An integer documented as a number; a numeric string is accepted,
    /// rewritten as the number and warned about.
    DurationInt,
    /// A string holding one URL.
    UrlString,
    /// An array of URL strings; an empty array counts as absent.
    UrlList,
}

impl Kind {
    /// The name used in messages and in the exported schema.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Str | Kind::UrlString | Kind::DurationStr => "string",
            Kind::Bool => "boolean",
            Kind::Int | Kind::DurationInt => "integer",
            Kind::UrlList => "string[]",
        }
    }
}

/// A field's default, filled into the normalized request when it is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DefaultValue {
    /// No default: absent stays absent.
    None,
    /// A string default.
    Str(&'static str),
    /// A boolean default.
    Bool(bool),
    /// An integer default.
    Int(i64),
}

/// One row of an endpoint's field table.
#[derive(Debug, Clone)]
pub struct Field {
    /// The body's field name, exactly as on the wire.
    pub name: &'static str,
    /// The documented JSON type.
    pub kind: Kind,
    /// The code a wrong JSON type is answered with.
    pub type_code: &'static Code,
    /// The default, if the provider documents one.
    pub default: DefaultValue,
    /// The default applies only when these conditions hold (v2 `aspect_ratio`
    /// defaults to `16:9` for text-to-video only).
    pub default_when: &'static [Cond],
    /// The provider's description of the field.
    pub doc: &'static str,
    /// Where the field, its type and its default come from.
    pub source: Source,
}

/// A condition on the normalized request, the `when` of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cond {
    /// The field (by index in the field table) holds this string.
    Is(usize, &'static str),
    /// The field holds a value other than this string (or is absent).
    IsNot(usize, &'static str),
    /// The field is absent (an empty array counts as absent).
    Absent(usize),
}

/// What a rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Check {
    /// The field must be present.
    Required,
    /// A string must have a character other than white space.
    NotBlank,
    /// A string's length in Unicode scalar values.
    Chars {
        /// The least number of characters.
        min: usize,
        /// The most, if there is a limit.
        max: Option<usize>,
    },
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// One of these integers (a duration string is read as its integer).
    IntOneOf(&'static [i64]),
    /// An integer in this closed range (a duration string is read as its integer).
    IntRange(i64, i64),
    /// The number of elements of an array.
    Count {
        /// The least number of elements.
        min: usize,
        /// The most.
        max: usize,
    },
    /// The URL (or every URL of the array) must meet this policy.
    Url(UrlPolicy),
    /// The field must not be present.
    Forbidden,
    /// The field is not used: a warning, not a violation.
    Unused,
    /// The provider rewrites `from` as `to`: a warning, and the normalized
    /// request (and the price) carry `to`.
    Rewrite {
        /// The value as given.
        from: &'static str,
        /// The value as the provider sends and bills it.
        to: &'static str,
    },
}

/// What a URL must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UrlPolicy {
    /// An absolute `http` or `https` URL.
    Http,
    /// An absolute `http` or `https` URL to a public host, with no user info.
    PublicHttp,
    /// An absolute `https` URL to a public host, with no user info.
    PublicHttps,
}

/// One line of an endpoint's rule table.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The stable rule id, `<endpoint>.<field>.<check>`.
    pub id: &'static str,
    /// The field the rule is about (index in the field table).
    pub field: usize,
    /// The rule applies only when all of these hold.
    pub when: &'static [Cond],
    /// What it checks.
    pub check: Check,
    /// The code a violation is answered with.
    pub code: &'static Code,
    /// What a person can do, added to the generated message ("seedance-2-mini accepts 4-15").
    pub hint: &'static str,
    /// Where the rule comes from.
    pub source: Source,
}

/// Everything the library knows about one endpoint.
#[derive(Debug)]
pub struct EndpointSpec {
    /// The endpoint id (`seedanceapi-v2`).
    pub id: &'static str,
    /// The provider's host (`seedanceapi.org`).
    pub provider: &'static str,
    /// The HTTP method and path.
    pub route: &'static str,
    /// The base URL the route is relative to.
    pub base_url: &'static str,
    /// The model(s) the endpoint serves, for people.
    pub models: &'static str,
    /// Headers a request needs besides `Content-Type`.
    pub headers: &'static [(&'static str, &'static str)],
    /// The field table, in the provider's order.
    pub fields: &'static [Field],
    /// The rule table.
    pub rules: &'static [Rule],
    /// Every error code the endpoint can answer with, documented or the library's own.
    pub codes: &'static [&'static Code],
    /// The code for a body that is not a JSON object.
    pub body_code: &'static Code,
    /// The code for a quote above the caller's balance.
    pub balance_code: &'static Code,
    /// The field that gives the duration in seconds, for per-second prices.
    pub seconds_field: Option<usize>,
    /// The built-in prices.
    pub prices: &'static EndpointPrices,
    /// A valid example body, checked by the tests.
    pub example: &'static str,
    /// The library's own warning codes ([`warning`](crate::warning)) a
    /// request of the endpoint can draw; `describe` lists each with the
    /// decision it comes from (a test holds the list to the fields and rules).
    pub warnings: &'static [&'static str],
}

impl EndpointSpec {
    /// The index of a field by its wire name.
    pub fn field_index(&self, name: &str) -> Option<usize> {
        #[cfg(not(target_family = "wasm"))]
        if let Some(find) = crate::plan::field_finder(self) {
            return find(name);
        }
        self.fields.iter().position(|f| f.name == name)
    }

    /// [`EndpointSpec::field_index`], its way of finding chosen once (for
    /// the keys of a body): natively, a built-in endpoint's own finder,
    /// its names compared as constants.
    #[inline]
    pub(crate) fn field_finder(&self) -> impl Fn(&str) -> Option<usize> + '_ {
        #[cfg(not(target_family = "wasm"))]
        let find = crate::plan::field_finder(self);
        move |name| {
            #[cfg(not(target_family = "wasm"))]
            if let Some(find) = find {
                return find(name);
            }
            self.field_index(name)
        }
    }
}

/// The index of `name` in `fields`, evaluated at compile time by the tables so
/// that a misspelt field name in a rule is a build error, and the engine
/// never compares names on the hot path.
pub(crate) const fn ix(fields: &[Field], name: &str) -> usize {
    let mut i = 0;
    while i < fields.len() {
        if str_eq(fields[i].name, name) {
            return i;
        }
        i += 1;
    }
    panic!("a rule names a field that is not in the field table")
}

/// `a == b`, in a `const fn`.
pub(crate) const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Field {
    /// Writes `{"name", "type", "default", "doc", "source"}`.
    pub(crate) fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.member(key!("name"));
        w.str(self.name);
        w.member(key!("type"));
        w.str(self.kind.name());
        w.member(key!("default"));
        match self.default {
            DefaultValue::None => w.null(),
            DefaultValue::Str(v) => w.str(v),
            DefaultValue::Bool(v) => w.bool(v),
            DefaultValue::Int(v) => w.i64(v),
        }
        w.member(key!("doc"));
        w.str(self.doc);
        w.member(key!("source"));
        self.source.write_json(w);
        w.end_object();
    }
}
