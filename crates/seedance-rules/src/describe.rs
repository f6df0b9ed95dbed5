//! The tables as data for user interfaces and documentation: everything an
//! endpoint accepts ([`describe`]), and what each field accepts given the
//! rest of a request ([`field_options`]), so that a form never keeps a second
//! copy of a rule.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{json, Value as Json};

use crate::endpoint::Endpoint;
use crate::engine::{context, fill_defaults, holds};
use crate::error::Error;
use crate::price::TableOut;
use crate::report::Diag;
use crate::spec::{Check, Cond, EndpointSpec, Rule, UrlPolicy};

/// Everything the library knows of an endpoint, serializable: fields with
/// types, defaults and sources; rules with conditions, codes and sources;
/// error codes; the built-in price table.
pub fn describe(endpoint: Endpoint) -> Description {
    Description(endpoint.spec())
}

/// The serializable description of an endpoint; see [`describe`].
#[derive(Debug, Clone, Copy)]
pub struct Description(&'static EndpointSpec);

impl Description {
    /// The endpoint's tables.
    pub fn spec(&self) -> &'static EndpointSpec {
        self.0
    }
}

impl Serialize for Description {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", e.id)?;
        m.serialize_entry("provider", e.provider)?;
        m.serialize_entry("route", e.route)?;
        m.serialize_entry("base_url", e.base_url)?;
        m.serialize_entry("models", e.models)?;
        m.serialize_entry("headers", e.headers)?;
        m.serialize_entry("fields", e.fields)?;
        m.serialize_entry("rules", &Rules(e))?;
        m.serialize_entry("codes", e.codes)?;
        m.serialize_entry("prices", &TableOut(e, e.prices))?;
        // As written in the table, keys in the provider's order (a `Value`
        // would sort them); the examples are valid JSON (a test checks them).
        match serde_json::from_str::<&serde_json::value::RawValue>(e.example) {
            Ok(raw) => m.serialize_entry("example", raw)?,
            Err(_) => m.serialize_entry("example", &())?,
        }
        m.end()
    }
}

struct Rules(&'static EndpointSpec);

impl Serialize for Rules {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut q = s.serialize_seq(Some(self.0.rules.len()))?;
        for r in self.0.rules {
            q.serialize_element(&rule_json(self.0, r))?;
        }
        q.end()
    }
}

fn cond_json(spec: &EndpointSpec, c: &Cond) -> Json {
    match *c {
        Cond::Is(f, v) => json!({ "field": spec.fields[f].name, "is": v }),
        Cond::IsNot(f, v) => json!({ "field": spec.fields[f].name, "is_not": v }),
        Cond::Absent(f) => json!({ "field": spec.fields[f].name, "absent": true }),
    }
}

fn check_json(c: &Check) -> Json {
    match *c {
        Check::Required => json!({ "required": true }),
        Check::NotBlank => json!({ "not_blank": true }),
        Check::Chars { min, max } => json!({ "chars": { "min": min, "max": max } }),
        Check::OneOf(v) => json!({ "one_of": v }),
        Check::IntOneOf(v) => json!({ "one_of": v }),
        Check::IntRange(lo, hi) => json!({ "range": [lo, hi] }),
        Check::Count { min, max } => json!({ "count": { "min": min, "max": max } }),
        Check::Url(p) => json!({ "url": match p {
            UrlPolicy::Http => "http or https",
            UrlPolicy::PublicHttp => "public http or https",
            UrlPolicy::PublicHttps => "public https",
        } }),
        Check::Forbidden => json!({ "forbidden": true }),
        Check::Unused => json!({ "unused": true }),
        Check::Rewrite { from, to } => json!({ "rewrite": { "from": from, "to": to } }),
    }
}

fn rule_json(spec: &EndpointSpec, r: &Rule) -> Json {
    let when: Vec<Json> = r.when.iter().map(|c| cond_json(spec, c)).collect();
    json!({
        "id": r.id,
        "field": spec.fields[r.field].name,
        "when": when,
        "check": check_json(&r.check),
        "code": if r.code.id.is_empty() { r.id } else { r.code.id },
        "status": r.code.status,
        "documented": r.code.documented,
        "hint": r.hint,
        "source": r.source,
    })
}

/// What one field accepts, given the rest of a request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldOptions {
    /// The wire name.
    pub name: &'static str,
    /// `string`, `boolean`, `integer` or `string[]`.
    #[serde(rename = "type")]
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
    let (mut slots, _) = crate::body::read_body(spec, body, &mut diag)?;
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
                defaults.get(i).map_or(Json::Null, |v| json!(v))
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
                let new: Vec<Json> = v.iter().map(|s| json!(s)).collect();
                o.allowed = Some(match o.allowed.take() {
                    Some(old) => old.into_iter().filter(|x| new.contains(x)).collect(),
                    None => new,
                });
            }
            Check::IntOneOf(v) => o.allowed = Some(v.iter().map(|n| json!(n)).collect()),
            Check::IntRange(lo, hi) => o.range = Some([lo, hi]),
            Check::Count { min, max } => o.count = Some([min, max]),
            Check::Url(_) => {}
            Check::Forbidden => {
                o.forbidden = Some(format!("`{}` is not allowed{}", o.name, context(spec, r)));
            }
            Check::Unused => o.unused = true,
            Check::Rewrite { from, to } => o.rewrites.push([from, to]),
        }
    }
    Ok(out)
}
