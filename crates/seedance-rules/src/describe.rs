//! The tables as data for user interfaces and documentation: everything an
//! endpoint accepts ([`describe`]), and what each field accepts given the
//! rest of a request ([`field_options`]), so that a form never keeps a second
//! copy of a rule.

use crate::endpoint::Endpoint;
use crate::engine::{fill_defaults, holds};
use crate::error::Error;
use crate::json::key;
use crate::json::lex::Lexer;
use crate::json::{to_text, Json, Writer};
use crate::message::{message, Context};
use crate::price::write_table;
use crate::report::{warning, Diag};
use crate::spec::{Check, Cond, EndpointSpec, Rule, UrlPolicy};

/// Everything the library knows of an endpoint, as JSON: fields with types,
/// defaults and sources; rules with conditions, codes and sources; error
/// codes; the library's own warnings it can give, each with its decision;
/// the built-in price table; an example body.
pub fn describe(endpoint: Endpoint) -> Description {
    Description(endpoint.spec())
}

/// The description of an endpoint; see [`describe`].
#[derive(Debug, Clone, Copy)]
pub struct Description(&'static EndpointSpec);

impl Description {
    /// The endpoint's tables.
    pub fn spec(&self) -> &'static EndpointSpec {
        self.0
    }

    /// The description as JSON text on one line.
    pub fn to_json(&self) -> String {
        to_text(false, |w| self.write_json(w))
    }

    /// [`Description::to_json`], indented for people.
    pub fn to_json_pretty(&self) -> String {
        to_text(true, |w| self.write_json(w))
    }

    /// The description as a JSON tree, keys in the order of [`Description::to_json`].
    pub fn to_json_value(&self) -> Json {
        crate::json::reparse(&self.to_json())
    }

    fn write_json(&self, w: &mut Writer<'_>) {
        let e = self.0;
        w.begin_object();
        for (k, v) in [
            ("id", e.id),
            ("provider", e.provider),
            ("route", e.route),
            ("base_url", e.base_url),
            ("models", e.models),
        ] {
            w.key(k);
            w.str(v);
        }
        w.member(key!("headers"));
        w.begin_array();
        for (name, value) in e.headers {
            w.element();
            w.strs([*name, *value]);
        }
        w.end_array();
        w.member(key!("fields"));
        w.begin_array();
        for f in e.fields {
            w.element();
            f.write_json(w);
        }
        w.end_array();
        w.member(key!("rules"));
        w.begin_array();
        for r in e.rules {
            w.element();
            write_rule(w, e, r);
        }
        w.end_array();
        w.member(key!("codes"));
        w.begin_array();
        for c in e.codes {
            w.element();
            c.write_json(w);
        }
        w.end_array();
        // The library's own warnings this endpoint can give, each with the
        // decision it comes from.
        w.member(key!("warnings"));
        w.begin_array();
        for code in e.warnings {
            if let Some(source) = warning::source(code) {
                w.element();
                w.begin_object();
                w.member(key!("code"));
                w.str(code);
                w.member(key!("source"));
                source.write_json(w);
                w.end_object();
            }
        }
        w.end_array();
        w.member(key!("prices"));
        write_table(w, e, e.prices);
        // As written in the table, keys in the provider's order; the
        // examples are valid JSON (a test checks them).
        w.member(key!("example"));
        let mut lx = Lexer::new(e.example);
        match lx.skip_value().and_then(|raw| lx.finish().map(|()| raw)) {
            Ok(raw) => w.raw(raw),
            Err(_) => w.null(),
        }
        w.end_object();
    }
}

// The rules are written with their keys in alphabetical order, as they
// always have been.

fn write_cond(w: &mut Writer<'_>, spec: &EndpointSpec, c: &Cond) {
    w.begin_object();
    match *c {
        Cond::Is(f, v) => {
            w.member(key!("field"));
            w.str(spec.fields[f].name);
            w.member(key!("is"));
            w.str(v);
        }
        Cond::IsNot(f, v) => {
            w.member(key!("field"));
            w.str(spec.fields[f].name);
            w.member(key!("is_not"));
            w.str(v);
        }
        Cond::Absent(f) => {
            w.member(key!("absent"));
            w.bool(true);
            w.member(key!("field"));
            w.str(spec.fields[f].name);
        }
    }
    w.end_object();
}

fn write_check(w: &mut Writer<'_>, c: &Check) {
    let min_max = |w: &mut Writer<'_>, min: usize, max: Option<usize>| {
        w.begin_object();
        w.member(key!("max"));
        w.opt_u64(max.map(|m| m as u64));
        w.member(key!("min"));
        w.u64(min as u64);
        w.end_object();
    };
    w.begin_object();
    match *c {
        Check::Required => {
            w.member(key!("required"));
            w.bool(true);
        }
        Check::NotBlank => {
            w.member(key!("not_blank"));
            w.bool(true);
        }
        Check::Chars { min, max } => {
            w.member(key!("chars"));
            min_max(w, min, max);
        }
        Check::OneOf(v) => {
            w.member(key!("one_of"));
            w.strs(v.iter().copied());
        }
        Check::IntOneOf(v) => {
            w.member(key!("one_of"));
            w.begin_array();
            for n in v {
                w.element();
                w.i64(*n);
            }
            w.end_array();
        }
        Check::IntRange(lo, hi) => {
            w.member(key!("range"));
            w.begin_array();
            w.element();
            w.i64(lo);
            w.element();
            w.i64(hi);
            w.end_array();
        }
        Check::Count { min, max } => {
            w.member(key!("count"));
            min_max(w, min, Some(max));
        }
        Check::Url(p) => {
            w.member(key!("url"));
            w.str(match p {
                UrlPolicy::Http => "http or https",
                UrlPolicy::PublicHttp => "public http or https",
                UrlPolicy::PublicHttps => "public https",
            });
        }
        Check::Forbidden => {
            w.member(key!("forbidden"));
            w.bool(true);
        }
        Check::Unused => {
            w.member(key!("unused"));
            w.bool(true);
        }
        Check::Rewrite { from, to } => {
            w.member(key!("rewrite"));
            w.begin_object();
            w.member(key!("from"));
            w.str(from);
            w.member(key!("to"));
            w.str(to);
            w.end_object();
        }
    }
    w.end_object();
}

fn write_rule(w: &mut Writer<'_>, spec: &EndpointSpec, r: &Rule) {
    w.begin_object();
    w.member(key!("check"));
    write_check(w, &r.check);
    w.member(key!("code"));
    w.str(if r.code.id.is_empty() {
        r.id
    } else {
        r.code.id
    });
    w.member(key!("documented"));
    w.bool(r.code.documented);
    w.member(key!("field"));
    w.str(spec.fields[r.field].name);
    w.member(key!("hint"));
    w.str(r.hint);
    w.member(key!("id"));
    w.str(r.id);
    w.member(key!("source"));
    r.source.write_json_sorted(w);
    w.member(key!("status"));
    w.u64(u64::from(r.code.status));
    w.member(key!("when"));
    w.begin_array();
    for c in r.when {
        w.element();
        write_cond(w, spec, c);
    }
    w.end_array();
    w.end_object();
}

/// What one field accepts, given the rest of a request.
///
/// As JSON ([`FieldOptions::to_json`]) the members are named as the fields
/// here, `kind` as `type`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldOptions {
    /// The wire name.
    pub name: &'static str,
    /// `string`, `boolean`, `integer` or `string[]`.
    pub kind: &'static str,
    /// The value the provider uses when the field is absent (given the rest of the request).
    pub default: Json,
    /// Whether the request needs the field.
    pub required: bool,
    /// The allowed values, when they are a list (strings, or integers).
    pub allowed: Option<Vec<Json>>,
    /// The allowed closed range of an integer (or duration) field.
    pub range: Option<[i64; 2]>,
    /// Characters a string needs: `[min, max]` (`max` null for no limit).
    pub chars: Option<[Option<usize>; 2]>,
    /// Elements an array may have: `[min, max]`.
    pub count: Option<[usize; 2]>,
    /// Why the field must not be given, when it must not.
    pub forbidden: Option<String>,
    /// Whether the provider ignores the field in this request.
    pub unused: bool,
    /// Values the provider rewrites: `[from, to]`.
    pub rewrites: Vec<[&'static str; 2]>,
    /// The hints of the rules that apply, for people.
    pub notes: Vec<&'static str>,
    /// The provider's description.
    pub doc: &'static str,
}

/// What each field of `endpoint` accepts, given the request `body` (JSON text;
/// `"{}"` for none): the allowed values for the selected model, mode or
/// channel, whether a field is required, forbidden or unused, and the
/// defaults that apply. Interfaces build their controls from this.
///
/// ```
/// use seedance_rules::{field_options, Endpoint};
/// let opts = field_options(Endpoint::SeedanceApiV2, r#"{"model": "seedance-2-mini"}"#)?;
/// let duration = opts.iter().find(|o| o.name == "duration").unwrap();
/// assert_eq!(duration.range, Some([4, 15]));
/// let opts = field_options(Endpoint::SeedanceApiV2, r#"{"model": "seedance-2.0"}"#)?;
/// let duration = opts.iter().find(|o| o.name == "duration").unwrap();
/// assert_eq!(duration.allowed, Some(vec![5.into(), 10.into(), 15.into()]));
/// # Ok::<(), seedance_rules::Error>(())
/// ```
pub fn field_options(endpoint: Endpoint, body: &str) -> Result<Vec<FieldOptions>, Error> {
    let spec = endpoint.spec();
    let mut diag = Diag::default();
    let mut slots = crate::value::Slots::new();
    crate::body::read_body(spec, body, &mut diag, &mut slots)?;
    let mut defaults = crate::value::Slots::new();
    fill_defaults(spec, &mut slots, &diag);
    fill_defaults(spec, &mut defaults, &Diag::default());
    let mut out: Vec<FieldOptions> = spec
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            // The default given the rest of the request: v2 `aspect_ratio` has
            // none once `images` is there.
            let default = if holds(f.default_when, &slots, &diag) == Some(true) {
                defaults.get(i).map_or(Json::Null, |v| v.to_json())
            } else {
                Json::Null
            };
            FieldOptions {
                name: f.name,
                kind: f.kind.name(),
                default,
                required: false,
                allowed: None,
                range: None,
                chars: None,
                count: None,
                forbidden: None,
                unused: false,
                rewrites: Vec::new(),
                notes: Vec::new(),
                doc: f.doc,
            }
        })
        .collect();
    for r in spec.rules {
        if holds(r.when, &slots, &diag) != Some(true) {
            continue;
        }
        let Some(o) = out.get_mut(r.field) else {
            continue;
        };
        if !r.hint.is_empty() && !r.when.is_empty() {
            o.notes.push(r.hint);
        }
        match r.check {
            Check::Required => o.required = true,
            Check::NotBlank => {}
            Check::Chars { min, max } => o.chars = Some([Some(min), max]),
            Check::OneOf(v) => {
                let new: Vec<Json> = v.iter().map(|&s| Json::from(s)).collect();
                o.allowed = Some(match o.allowed.take() {
                    Some(old) => old.into_iter().filter(|x| new.contains(x)).collect(),
                    None => new,
                });
            }
            Check::IntOneOf(v) => o.allowed = Some(v.iter().map(|&n| Json::from(n)).collect()),
            Check::IntRange(lo, hi) => o.range = Some([lo, hi]),
            Check::Count { min, max } => o.count = Some([min, max]),
            Check::Url(_) => {}
            Check::Forbidden => {
                o.forbidden = Some(message!("`{}` is not allowed{}", o.name, Context(spec, r)));
            }
            Check::Unused => o.unused = true,
            Check::Rewrite { from, to } => o.rewrites.push([from, to]),
        }
    }
    Ok(out)
}

impl FieldOptions {
    /// The options as JSON text on one line: `{"name", "type", "default",
    /// "required", "allowed", "range", "chars", "count", "forbidden",
    /// "unused", "rewrites", "notes", "doc"}`.
    pub fn to_json(&self) -> String {
        to_text(false, |w| self.write_json(w))
    }

    /// The options as a JSON tree, keys in the order of [`FieldOptions::to_json`].
    pub fn to_json_value(&self) -> Json {
        crate::json::reparse(&self.to_json())
    }

    fn write_json(&self, w: &mut Writer<'_>) {
        fn pair(w: &mut Writer<'_>, a: Option<u64>, b: Option<u64>) {
            w.begin_array();
            w.element();
            w.opt_u64(a);
            w.element();
            w.opt_u64(b);
            w.end_array();
        }
        w.begin_object();
        w.member(key!("name"));
        w.str(self.name);
        w.member(key!("type"));
        w.str(self.kind);
        w.member(key!("default"));
        w.value(&self.default);
        w.member(key!("required"));
        w.bool(self.required);
        w.member(key!("allowed"));
        match &self.allowed {
            Some(a) => {
                w.begin_array();
                for v in a {
                    w.element();
                    w.value(v);
                }
                w.end_array();
            }
            None => w.null(),
        }
        w.member(key!("range"));
        match self.range {
            Some([lo, hi]) => {
                w.begin_array();
                w.element();
                w.i64(lo);
                w.element();
                w.i64(hi);
                w.end_array();
            }
            None => w.null(),
        }
        w.member(key!("chars"));
        match self.chars {
            Some([min, max]) => pair(w, min.map(|n| n as u64), max.map(|n| n as u64)),
            None => w.null(),
        }
        w.member(key!("count"));
        match self.count {
            Some([min, max]) => pair(w, Some(min as u64), Some(max as u64)),
            None => w.null(),
        }
        w.member(key!("forbidden"));
        w.opt_str(self.forbidden.as_deref());
        w.member(key!("unused"));
        w.bool(self.unused);
        w.member(key!("rewrites"));
        w.begin_array();
        for [from, to] in &self.rewrites {
            w.element();
            w.strs([*from, *to]);
        }
        w.end_array();
        w.member(key!("notes"));
        w.strs(self.notes.iter().copied());
        w.member(key!("doc"));
        w.str(self.doc);
        w.end_object();
    }
}
