//! An endpoint's request body as a JSON Schema (draft 2020-12), written from
//! the same tables the checks read: for editors, OpenAPI documents and
//! validators in other languages ([`Description::json_schema`]).
//!
//! Each field is a property with its documented JSON type, its provider's
//! description and its default. Each rule of the table is one entry of
//! `allOf`, named by its rule id, code and HTTP status, under an `if` where
//! the rule has conditions. A condition is on the request as normalized, as
//! the library reads it: a field left out holds its default (v2's `model`
//! left out is `seedance-2.0`), and an empty array is no array.
//!
//! What a schema cannot say, the library checks and the schema's
//! `description` names: whether a URL's host is public and free of user
//! info (the schema holds only its scheme), a value the provider rewrites
//! (Mini's `1080p`, allowed here), an input the mode does not use (its
//! rules do not apply then; the library warns), and the prices. Where the
//! library is lenient, the schema holds the documented form: a duration of
//! the other JSON type (which the library accepts, rewrites and warns
//! about) and a field the endpoint does not know (ignored by the provider,
//! warned about by the library) are refused. So a body the library finds
//! valid with no warning passes the schema, and one that breaks a rule the
//! schema can say fails it: a test holds every conformance case to this.

use crate::describe::Description;
use crate::json::Json;
use crate::spec::{Check, Cond, DefaultValue, EndpointSpec, Field, Kind, Rule, UrlPolicy};

/// The JSON Schema dialect written.
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The largest integer range written as a list of duration strings.
const MAX_LISTED: i64 = 64;

impl Description {
    /// The endpoint's request body as a JSON Schema (draft 2020-12).
    ///
    /// Written from the rule tables ([`describe`](crate::describe)'s
    /// `fields` and `rules`): see the module's notes on what a schema can
    /// and cannot say. Not on the hot path: a new tree each call.
    ///
    /// ```
    /// use seedance_rules::{describe, Endpoint};
    /// let schema = describe(Endpoint::SeedanceApiV2).json_schema();
    /// assert_eq!(schema["$schema"].as_str(), Some("https://json-schema.org/draft/2020-12/schema"));
    /// assert_eq!(schema["properties"]["duration"]["type"].as_str(), Some("integer"));
    /// assert_eq!(schema["required"][0].as_str(), Some("prompt"));
    /// ```
    pub fn json_schema(&self) -> Json {
        body_schema(self.spec())
    }
}

fn body_schema(spec: &EndpointSpec) -> Json {
    let properties = spec
        .fields
        .iter()
        .map(|f| (f.name, property(f)))
        .collect::<Vec<_>>();
    let required = spec
        .rules
        .iter()
        .filter(|r| r.check == Check::Required && r.when.is_empty())
        .map(|r| spec.fields[r.field].name);
    let rules = spec
        .rules
        .iter()
        .filter_map(|r| rule_schema(spec, r))
        .collect::<Vec<_>>();
    Json::object([
        ("$schema", DIALECT.into()),
        ("title", format!("{} request body", spec.id).into()),
        ("description", description(spec).into()),
        ("type", "object".into()),
        ("properties", Json::object(properties)),
        ("required", Json::array(required)),
        ("additionalProperties", false.into()),
        ("allOf", Json::Array(rules)),
    ])
}

fn description(spec: &EndpointSpec) -> String {
    format!(
        "{} {}{} ({}). Written by seedance-rules {} from its rule tables. Not said here, and \
         checked by the library: whether a URL's host is public and has no user info (this \
         schema holds only the scheme), values the provider rewrites, inputs the mode or type \
         does not use (warned about), and the prices. Stricter here than the library, which \
         warns: a duration of the other JSON type, and fields the endpoint does not know.",
        method(spec.route),
        spec.base_url,
        path(spec.route),
        spec.models,
        env!("CARGO_PKG_VERSION"),
    )
}

fn method(route: &str) -> &str {
    route.split_once(' ').map_or("POST", |(m, _)| m)
}

fn path(route: &str) -> &str {
    route.split_once(' ').map_or(route, |(_, p)| p)
}

/// A field's type, description and (unconditional) default.
fn property(f: &Field) -> Json {
    let mut members = type_of(f.kind);
    let mut doc = f.doc.to_owned();
    let default = match f.default {
        DefaultValue::None => None,
        DefaultValue::Str(v) => Some(Json::from(v)),
        DefaultValue::Bool(v) => Some(Json::from(v)),
        DefaultValue::Int(v) => Some(Json::from(v)),
    };
    match default {
        Some(d) if f.default_when.is_empty() => {
            members.push(("description".into(), doc.into()));
            members.push(("default".into(), d));
        }
        Some(d) => {
            doc.push_str(&format!(" (defaults to {d} only under some conditions)"));
            members.push(("description".into(), doc.into()));
        }
        None => members.push(("description".into(), doc.into())),
    }
    Json::Object(members)
}

fn type_of(kind: Kind) -> Vec<(String, Json)> {
    match kind {
        Kind::UrlList => vec![
            ("type".into(), "array".into()),
            ("items".into(), Json::object([("type", "string".into())])),
        ],
        other => vec![("type".into(), other.name().into())],
    }
}

/// One rule as an `allOf` entry; `None` for a rule a schema cannot say
/// (a rewrite, an unused input).
fn rule_schema(spec: &EndpointSpec, r: &Rule) -> Option<Json> {
    let f = &spec.fields[r.field];
    let then = constraint(f, &r.check)?;
    let code = if r.code.id.is_empty() {
        r.id
    } else {
        r.code.id
    };
    let about = format!("{}: {} (HTTP {})", r.id, code, r.code.status);
    // The conditions of the rule, and that the field is used (a rule of
    // an input the mode does not use does not apply).
    let mut when: Vec<Json> = r.when.iter().map(|c| cond(spec, c)).collect();
    for unused in spec
        .rules
        .iter()
        .filter(|u| u.field == r.field && u.check == Check::Unused)
    {
        when.push(not(all(unused
            .when
            .iter()
            .map(|c| cond(spec, c))
            .collect())));
    }
    let mut entry = vec![("description".to_owned(), Json::from(about))];
    if when.is_empty() {
        entry.extend(members(then));
    } else {
        entry.push(("if".into(), all(when)));
        entry.push(("then".into(), then));
    }
    Some(Json::Object(entry))
}

/// What a check asks of the body, as a schema on the whole body.
fn constraint(f: &Field, check: &Check) -> Option<Json> {
    let name = f.name;
    let on_field = |members: Vec<(&str, Json)>| {
        Json::object([("properties", Json::object([(name, Json::object(members))]))])
    };
    // The value a list's elements or a string must have.
    let on_value = |members: Vec<(&str, Json)>| match f.kind {
        Kind::UrlList => on_field(vec![("items", Json::object(members))]),
        _ => on_field(members),
    };
    Some(match *check {
        Check::Required if f.kind == Kind::UrlList => Json::object([
            ("required", Json::array([name])),
            (
                "properties",
                Json::object([(name, Json::object([("minItems", 1u64.into())]))]),
            ),
        ]),
        Check::Required => Json::object([("required", Json::array([name]))]),
        Check::NotBlank => on_field(vec![("pattern", "\\S".into())]),
        Check::Chars { min, max } => {
            let mut m = vec![("minLength", Json::from(min as u64))];
            if let Some(max) = max {
                m.push(("maxLength", Json::from(max as u64)));
            }
            on_field(m)
        }
        Check::OneOf(values) => on_field(vec![("enum", Json::array(values.iter().copied()))]),
        Check::IntOneOf(values) => on_field(vec![("enum", ints(f.kind, values.iter().copied()))]),
        Check::IntRange(lo, hi) if f.kind == Kind::DurationStr && hi - lo <= MAX_LISTED => {
            on_field(vec![("enum", ints(f.kind, lo..=hi))])
        }
        Check::IntRange(_, _) if f.kind == Kind::DurationStr => {
            on_field(vec![("pattern", "^-?[0-9]+$".into())])
        }
        Check::IntRange(lo, hi) => on_field(vec![
            ("minimum", Json::from(lo)),
            ("maximum", Json::from(hi)),
        ]),
        // An empty array is no array: only a count above one can be short.
        Check::Count { min, max } if min > 1 => on_field(vec![(
            "anyOf",
            Json::array([
                Json::object([("maxItems", 0u64.into())]),
                Json::object([
                    ("minItems", Json::from(min as u64)),
                    ("maxItems", Json::from(max as u64)),
                ]),
            ]),
        )]),
        Check::Count { max, .. } => on_field(vec![("maxItems", Json::from(max as u64))]),
        Check::Url(policy) => on_value(vec![("pattern", scheme(policy).into())]),
        Check::Forbidden if f.kind == Kind::UrlList => on_field(vec![("maxItems", 0u64.into())]),
        Check::Forbidden => not(Json::object([("required", Json::array([name]))])),
        Check::Unused | Check::Rewrite { .. } => return None,
    })
}

/// A URL's scheme, as the WHATWG parser reads it: any case, after leading
/// C0 controls and spaces (which it strips).
fn scheme(policy: UrlPolicy) -> &'static str {
    match policy {
        UrlPolicy::Http | UrlPolicy::PublicHttp => "^[\\u0000- ]*[Hh][Tt][Tt][Pp][Ss]?:",
        UrlPolicy::PublicHttps => "^[\\u0000- ]*[Hh][Tt][Tt][Pp][Ss]:",
    }
}

/// Integers as the field writes them: numbers, or strings of digits.
fn ints(kind: Kind, values: impl IntoIterator<Item = i64>) -> Json {
    Json::Array(
        values
            .into_iter()
            .map(|n| match kind {
                Kind::DurationStr => Json::from(n.to_string()),
                _ => Json::from(n),
            })
            .collect(),
    )
}

/// A condition on the normalized request, as a schema of the body.
fn cond(spec: &EndpointSpec, c: &Cond) -> Json {
    match *c {
        Cond::Is(i, v) => {
            let f = &spec.fields[i];
            let given = Json::object([
                ("required", Json::array([f.name])),
                (
                    "properties",
                    Json::object([(f.name, Json::object([("const", v.into())]))]),
                ),
            ]);
            // Left out, the field holds its default where the default applies.
            if f.default == DefaultValue::Str(v) {
                let mut absent = vec![not(Json::object([("required", Json::array([f.name]))]))];
                absent.extend(f.default_when.iter().map(|c| cond(spec, c)));
                Json::object([("anyOf", Json::array([given, all(absent)]))])
            } else {
                given
            }
        }
        Cond::IsNot(i, v) => not(cond(spec, &Cond::Is(i, v))),
        Cond::Absent(i) => {
            let f = &spec.fields[i];
            let absent = if f.kind == Kind::UrlList {
                // Left out or empty.
                Json::object([(
                    "properties",
                    Json::object([(f.name, Json::object([("maxItems", 0u64.into())]))]),
                )])
            } else {
                not(Json::object([("required", Json::array([f.name]))]))
            };
            match f.default {
                DefaultValue::None => absent,
                // A default fills it in wherever it applies.
                _ if f.default_when.is_empty() => false.into(),
                _ => all(vec![
                    absent,
                    not(all(f.default_when.iter().map(|c| cond(spec, c)).collect())),
                ]),
            }
        }
    }
}

/// Not `schema`: `{"not": {"not": s}}` is written `s`.
fn not(schema: Json) -> Json {
    match schema {
        Json::Object(mut m) if m.len() == 1 && m[0].0 == "not" => m.remove(0).1,
        other => Json::object([("not", other)]),
    }
}

/// All of `schemas`, each once: the one itself when there is one.
fn all(schemas: Vec<Json>) -> Json {
    let mut once: Vec<Json> = Vec::with_capacity(schemas.len());
    for s in schemas {
        if !once.contains(&s) {
            once.push(s);
        }
    }
    if once.len() == 1 {
        once.remove(0)
    } else {
        Json::object([("allOf", Json::Array(once))])
    }
}

/// An object schema's members, to write into another.
fn members(schema: Json) -> Vec<(String, Json)> {
    match schema {
        Json::Object(m) => m,
        other => vec![("allOf".into(), Json::array([other]))],
    }
}
