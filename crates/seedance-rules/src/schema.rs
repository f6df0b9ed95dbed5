//! An endpoint's request body as a JSON Schema (draft 2020-12), written from
//! the same tables the checks read: for editors, OpenAPI documents and
//! validators in other languages ([`Description::json_schema`]). And the
//! price-book format as one ([`PriceBook::json_schema`]), for those who
//! write books by hand.
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
//! schema can say fails it: a test holds every conformance case and 3,000
//! random bodies a run to this. One more thing only the library sees: a
//! validator that reads numbers as doubles reads
//! `10.000000000000000000001` as `10`, which the library refuses.

use crate::describe::Description;
use crate::endpoint::Endpoint;
use crate::json::Json;
use crate::price::{PriceBook, PRICE_BOOK_SCHEMA};
use crate::spec::{Check, Cond, DefaultValue, EndpointSpec, Field, Kind, Rule, UrlPolicy};

/// The JSON Schema dialect written.
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The largest integer range written as a list of duration strings.
const MAX_LISTED: i64 = 64;

/// An integer written the one way the library reads a duration string:
/// no leading zero, no sign but `-`.
const CANONICAL_INT: &str = "^(0|-?[1-9][0-9]*)$";

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
    let (method, path) = spec.route.split_once(' ').unwrap_or(("POST", spec.route));
    format!(
        "{} {}{} ({}). Written by seedance-rules {} from its rule tables. Not said here, and \
         checked by the library: whether a URL's host is public and has no user info (this \
         schema holds only the scheme), values the provider rewrites, inputs the mode or type \
         does not use (warned about), and the prices. Stricter here than the library, which \
         warns: a duration of the other JSON type, and fields the endpoint does not know.",
        method,
        spec.base_url,
        path,
        spec.models,
        env!("CARGO_PKG_VERSION"),
    )
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
    // Each constraint with the type it is about, as validators that lint
    // schemas (ajv's strict mode) ask.
    let ty = match f.kind {
        Kind::UrlList => "array",
        other => other.name(),
    };
    let on_field = |members: Vec<(&str, Json)>| {
        let mut typed = vec![("type", Json::from(ty))];
        typed.extend(members);
        Json::object([("properties", Json::object([(name, Json::object(typed))]))])
    };
    // The value a list's elements or a string must have.
    let on_value = |mut members: Vec<(&str, Json)>| match f.kind {
        Kind::UrlList => {
            members.insert(0, ("type", "string".into()));
            on_field(vec![("items", Json::object(members))])
        }
        _ => on_field(members),
    };
    Some(match *check {
        Check::Required if f.kind == Kind::UrlList => Json::object([
            ("required", Json::array([name])),
            (
                "properties",
                Json::object([(
                    name,
                    Json::object([("type", "array".into()), ("minItems", 1u64.into())]),
                )]),
            ),
        ]),
        Check::Required => Json::object([("required", Json::array([name]))]),
        Check::NotBlank => on_field(vec![("pattern", NOT_BLANK.into())]),
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
        // The integer as the library reads a duration string; the range
        // itself is the library's to say.
        Check::IntRange(_, _) if f.kind == Kind::DurationStr => {
            on_field(vec![("pattern", CANONICAL_INT.into())])
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

/// A string with a character other than white space, as the library's
/// `str::trim` reads white space (Unicode's White_Space): the characters
/// themselves, not `\s`, whose set differs between regular-expression
/// engines, nor `\u` escapes, which some do not read.
const NOT_BLANK: &str =
    "[^\t-\r \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}]";

/// A URL's scheme, as the WHATWG parser reads it: any case, after leading
/// C0 controls and spaces (which it strips), with tabs and newlines
/// anywhere (which it removes). `\x00`, which every common engine reads.
fn scheme(policy: UrlPolicy) -> &'static str {
    match policy {
        UrlPolicy::Http | UrlPolicy::PublicHttp => {
            "^[\\x00- ]*[Hh][\\t\\n\\r]*[Tt][\\t\\n\\r]*[Tt][\\t\\n\\r]*[Pp][\\t\\n\\r]*([Ss][\\t\\n\\r]*)?:"
        }
        UrlPolicy::PublicHttps => {
            "^[\\x00- ]*[Hh][\\t\\n\\r]*[Tt][\\t\\n\\r]*[Tt][\\t\\n\\r]*[Pp][\\t\\n\\r]*[Ss][\\t\\n\\r]*:"
        }
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
                    Json::object([(
                        f.name,
                        Json::object([("type", "array".into()), ("maxItems", 0u64.into())]),
                    )]),
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

impl PriceBook {
    /// The price-book format (`seedance-rules/price-book/v1`) as a JSON
    /// Schema (draft 2020-12), written from the endpoints' field tables: an
    /// editor completes the endpoint ids, the row keys, the fields a `when`
    /// may name (with their values as examples) and the `per` fields.
    ///
    /// What the reader also refuses and a schema cannot say is in its
    /// `description`: a fraction's terms above 10^18 as written (a
    /// decimal's value in lowest terms), a `usd_per_credit` that is not a
    /// decimal of at most 18 places, a row that could quote over 2^53 − 1
    /// credits, a key given twice. So a book
    /// [`PriceBook::from_json`] reads passes the schema, and one it refuses
    /// for a reason the schema can say fails it (a test holds both).
    ///
    /// ```
    /// use seedance_rules::PriceBook;
    /// let schema = PriceBook::json_schema();
    /// assert_eq!(schema["properties"]["schema"]["const"].as_str(), Some("seedance-rules/price-book/v1"));
    /// ```
    pub fn json_schema() -> Json {
        book_schema()
    }
}

/// A rational as a book writes it: `"19/2"`, `"9.5"`, `"12"` or a whole number
/// (a fraction's denominator not zero).
fn rational() -> Json {
    Json::object([(
        "anyOf",
        Json::array([
            Json::object([
                ("type", "string".into()),
                (
                    "pattern",
                    "^([0-9]+(\\.[0-9]{1,18})?|[0-9]+/0*[1-9][0-9]*)$".into(),
                ),
            ]),
            Json::object([
                ("type", "integer".into()),
                ("minimum", 0u64.into()),
                ("maximum", 1_000_000_000_000_000_000u64.into()),
            ]),
        ]),
    )])
}

fn source() -> Json {
    let text = || Json::object([("type", "string".into())]);
    Json::object([
        ("type", "object".into()),
        (
            "properties",
            Json::object([
                ("document", text()),
                ("quote", text()),
                ("decision", text()),
                ("note", text()),
            ]),
        ),
        ("additionalProperties", false.into()),
    ])
}

fn book_schema() -> Json {
    let mut defs = vec![
        ("rational".to_owned(), rational()),
        ("source".to_owned(), source()),
    ];
    let mut tables = Vec::new();
    for e in Endpoint::ALL {
        defs.push((e.id().to_owned(), table(e.spec())));
        tables.push((e.id(), reference(e.id())));
    }
    Json::object([
        ("$schema", DIALECT.into()),
        ("title", PRICE_BOOK_SCHEMA.into()),
        (
            "description",
            format!(
                "A seedance-rules price book, as PriceBook::from_json, `seedance check \
                 --price-book` and the npm package's loadPriceBook read it (seedance-rules {}). \
                 Also refused by the reader, and not said here: a fraction whose terms as \
                 written pass 10^18 (a decimal: its value in lowest terms), a usd_per_credit \
                 that is not a decimal of at most 18 places, a row that could quote over \
                 2^53 - 1 credits, and a key given twice in one object. A whole number reads in any JSON spelling of one, as this \
                 schema takes it (`12.0` and `1.2e1` are 12).",
                env!("CARGO_PKG_VERSION")
            )
            .into(),
        ),
        ("type", "object".into()),
        (
            "properties",
            Json::object([
                ("schema", Json::object([("const", PRICE_BOOK_SCHEMA.into())])),
                (
                    "name",
                    Json::object([
                        ("type", "string".into()),
                        ("description", "The book's name, shown in reports (`price.book`).".into()),
                    ]),
                ),
                (
                    "endpoints",
                    Json::object([
                        ("type", "object".into()),
                        (
                            "description",
                            "A table for each endpoint the book prices; the others are priced by the built-in tables."
                                .into(),
                        ),
                        ("properties", Json::object(tables)),
                        ("additionalProperties", false.into()),
                    ]),
                ),
            ]),
        ),
        ("required", Json::array(["schema", "endpoints"])),
        ("additionalProperties", false.into()),
        ("$defs", Json::Object(defs)),
    ])
}

fn reference(def: &str) -> Json {
    Json::object([("$ref", format!("#/$defs/{def}").into())])
}

/// One endpoint's table.
fn table(spec: &EndpointSpec) -> Json {
    let row = row(spec);
    Json::object([
        ("type", "object".into()),
        ("description", format!("{} {}", spec.id, spec.route).into()),
        (
            "properties",
            Json::object([
                (
                    "usd_per_credit",
                    Json::object([(
                        "anyOf",
                        Json::array([
                            reference("rational"),
                            Json::object([("type", "null".into())]),
                        ]),
                    )]),
                ),
                ("usd_source", reference("source")),
                ("markup", reference("rational")),
                (
                    "rows",
                    Json::object([("type", "array".into()), ("items", row)]),
                ),
                ("note", reference("source")),
            ]),
        ),
        ("required", Json::array(["rows"])),
        ("additionalProperties", false.into()),
    ])
}

/// A row of `spec`'s table: the fields its `when` may name, and its amount.
fn row(spec: &EndpointSpec) -> Json {
    let present = Json::object([
        ("type", "object".into()),
        (
            "properties",
            Json::object([("present", Json::object([("type", "boolean".into())]))]),
        ),
        ("required", Json::array(["present"])),
        ("additionalProperties", false.into()),
    ]);
    let when = spec
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut ways = match f.kind {
                Kind::Bool => vec![Json::object([("type", "boolean".into())])],
                Kind::Str | Kind::UrlString => vec![Json::object([("type", "string".into())])],
                // An integer, or its text: any for an integer field, the
                // plain digits for a duration kept as a string.
                Kind::Int | Kind::DurationInt => vec![
                    i64_schema(),
                    Json::object([
                        ("type", "string".into()),
                        ("pattern", "^[+-]?[0-9]+$".into()),
                    ]),
                ],
                Kind::DurationStr => vec![
                    i64_schema(),
                    Json::object([("type", "string".into()), ("pattern", CANONICAL_INT.into())]),
                ],
                // A list is matched on its presence alone.
                Kind::UrlList => vec![],
            };
            ways.push(present.clone());
            let mut members = vec![("anyOf".to_owned(), Json::Array(ways))];
            let examples = allowed(spec, i);
            if !examples.is_empty() {
                members.push(("examples".into(), Json::Array(examples)));
            }
            (f.name, Json::Object(members))
        })
        .collect::<Vec<_>>();
    // `per`: an integer field with a default, which every valid request has.
    let per: Vec<&str> = spec
        .fields
        .iter()
        .filter(|f| {
            matches!(f.kind, Kind::Int | Kind::DurationInt)
                && matches!(f.default, DefaultValue::Int(_))
        })
        .map(|f| f.name)
        .collect();
    let mut properties = vec![
        (
            "when",
            Json::object([
                ("type", "object".into()),
                (
                    "description",
                    "The normalized request's fields and values this row prices; {} matches any request.".into(),
                ),
                ("properties", Json::object(when)),
                ("additionalProperties", false.into()),
            ]),
        ),
        (
            "credits",
            Json::object([
                ("type", "integer".into()),
                ("minimum", 0u64.into()),
                ("maximum", 9_007_199_254_740_991u64.into()),
            ]),
        ),
    ];
    let mut amounts = vec![Json::object([("required", Json::array(["credits"]))])];
    if spec.seconds_field.is_some() {
        properties.push(("credits_per_second", reference("rational")));
        amounts.push(Json::object([(
            "required",
            Json::array(["credits_per_second"]),
        )]));
    }
    properties.push(("markup", reference("rational")));
    // An endpoint with no such field has no `per` (an empty `enum` is refused by some validators).
    if !per.is_empty() {
        properties.push(("per", Json::object([("enum", Json::array(per))])));
    }
    properties.push(("source", reference("source")));
    Json::object([
        ("type", "object".into()),
        ("properties", Json::object(properties)),
        // Exactly one amount.
        ("oneOf", Json::Array(amounts)),
        ("additionalProperties", false.into()),
    ])
}

/// An integer a book's `when` reads: one of 64 bits.
fn i64_schema() -> Json {
    Json::object([
        ("type", "integer".into()),
        ("minimum", i64::MIN.into()),
        ("maximum", i64::MAX.into()),
    ])
}

/// The values the rules allow a field, as examples for an editor (integers in order).
fn allowed(spec: &EndpointSpec, field: usize) -> Vec<Json> {
    let f = &spec.fields[field];
    let mut out: Vec<Json> = Vec::new();
    for r in spec.rules.iter().filter(|r| r.field == field) {
        let values: Vec<Json> = match r.check {
            Check::OneOf(v) => v.iter().map(|s| Json::from(*s)).collect(),
            Check::IntOneOf(v) => v.iter().map(|n| Json::from(*n)).collect(),
            Check::IntRange(lo, hi) if hi - lo <= MAX_LISTED => (lo..=hi).map(Json::from).collect(),
            _ => continue,
        };
        for v in values {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    if f.kind == Kind::Bool {
        out = vec![true.into(), false.into()];
    }
    if out.iter().all(|v| v.as_i64().is_some()) {
        out.sort_by_key(|v| v.as_i64());
    }
    out
}
