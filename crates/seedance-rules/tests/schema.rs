//! `describe(endpoint).json_schema()` held to the library: on every
//! conformance case, a body the library finds valid with no warning passes
//! the schema, and one that breaks a rule the schema can say fails it.

use seedance_rules::{check, describe, Endpoint};
use serde_json::Value;

use crate::conformance::cases;

fn schema(e: Endpoint) -> Value {
    serde_json::from_str(&describe(e).json_schema().to_string()).expect("the schema is JSON")
}

fn validator(e: Endpoint) -> jsonschema::Validator {
    jsonschema::validator_for(&schema(e)).expect("the schema compiles")
}

#[test]
fn every_schema_is_a_draft_2020_12_schema() {
    for e in Endpoint::ALL {
        let s = schema(e);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        if let Err(err) = jsonschema::meta::validate(&s) {
            panic!("{}: not a valid schema: {err}", e.id());
        }
        // One `allOf` entry a rule that a schema can say, each named by its rule id.
        let ids: Vec<&str> = s["allOf"]
            .as_array()
            .expect("allOf")
            .iter()
            .map(|r| {
                r["description"]
                    .as_str()
                    .expect("named")
                    .split(':')
                    .next()
                    .unwrap_or("")
            })
            .collect();
        for r in e.spec().rules {
            let said = ids.contains(&r.id);
            let sayable = !matches!(
                r.check,
                seedance_rules::Check::Unused | seedance_rules::Check::Rewrite { .. }
            );
            assert_eq!(said, sayable, "{}: rule {}", e.id(), r.id);
        }
    }
}

#[test]
fn every_tables_example_passes_its_schema() {
    for e in Endpoint::ALL {
        let example: Value = serde_json::from_str(e.spec().example).expect("the example is JSON");
        let v = validator(e);
        let errors: Vec<String> = v.iter_errors(&example).map(|err| err.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", e.id());
    }
}

/// What the schema must say of a body, by the library's report: pass
/// (`Some(true)`) a body valid with no warning, fail (`Some(false)`) one
/// refused by a rule other than a URL's (whether a host is public is the
/// library's alone), and anything of the rest.
fn schema_must_pass(report: &seedance_rules::Report<'_>) -> Option<bool> {
    if report.is_ok() && report.warnings().is_empty() {
        Some(true)
    } else if report
        .violations()
        .iter()
        .any(|x| !x.rule.ends_with(".url"))
    {
        Some(false)
    } else {
        None
    }
}

#[test]
fn the_schema_agrees_with_the_library_on_every_conformance_case() {
    let validators: Vec<(Endpoint, jsonschema::Validator)> = Endpoint::ALL
        .into_iter()
        .map(|e| (e, validator(e)))
        .collect();
    let (mut passed, mut failed) = (0, 0);
    let mut wrong = Vec::new();
    for case in cases()["cases"].as_array().expect("cases") {
        // The bodies the case file gives as values (the texts are about JSON itself).
        let Some(body) = case.get("body") else {
            continue;
        };
        let Some((_, v)) = validators.iter().find(|(e, _)| e.id() == case["endpoint"]) else {
            continue;
        };
        let text = body.to_string();
        let report =
            check(case["endpoint"].as_str().unwrap_or(""), &text).expect("a known endpoint");
        let says = v.is_valid(body);
        let id = case["id"].as_str().unwrap_or("?");
        match schema_must_pass(&report) {
            Some(true) => {
                passed += 1;
                if !says {
                    let errors: Vec<String> = v.iter_errors(body).map(|e| e.to_string()).collect();
                    wrong.push(format!("{id}: valid, refused by the schema: {errors:?}"));
                }
            }
            Some(false) => {
                failed += 1;
                if says {
                    let rules: Vec<&str> = report.violations().iter().map(|x| &*x.rule).collect();
                    wrong.push(format!("{id}: refused ({rules:?}), passed by the schema"));
                }
            }
            None => {}
        }
    }
    assert!(
        wrong.is_empty(),
        "{} disagreements:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    // Both ways, on many cases: the test cannot pass by reading none.
    assert!(
        passed >= 200 && failed >= 150,
        "{passed} valid, {failed} refused"
    );
}

/// Bodies at the edges the schema's patterns must draw as the library does:
/// white space as `str::trim` reads it, and a URL's scheme as the WHATWG
/// parser reads it (tabs and newlines removed anywhere).
#[test]
fn the_schema_draws_white_space_and_url_schemes_as_the_library_does() {
    let v = validator(Endpoint::SeedanceApiV2);
    let mut bodies: Vec<Value> = [
        "\u{85}", "\u{feff}", "\u{1c}", "\u{3000}", "\u{200b}", " \t\n", "\u{a0}x",
    ]
    .into_iter()
    .map(|p| serde_json::json!({ "prompt": p }))
    .collect();
    for url in [
        "ht\ttps://example.com/a.png",
        "h\nttps://example.com/a.png",
        "https\r://example.com/a.png",
        "\u{1}HTTP://example.com/a.png",
        "ht tps://example.com/a.png",
        "\tftp://example.com/a.png",
    ] {
        bodies.push(serde_json::json!({ "prompt": "A cat", "images": [url] }));
    }
    let (mut valid, mut refused) = (0, 0);
    for body in &bodies {
        let text = body.to_string();
        let report = check("seedanceapi-v2", &text).expect("a known endpoint");
        let says = v.is_valid(body);
        if report.is_ok() && report.warnings().is_empty() {
            valid += 1;
            assert!(says, "{body}: valid, refused by the schema");
        } else {
            refused += 1;
            assert!(!says, "{body}: refused, passed by the schema");
        }
    }
    assert!(
        valid >= 5 && refused >= 4,
        "{valid} valid, {refused} refused"
    );
}

/// The schemas, compiled once for the property test.
#[cfg(feature = "serde")]
fn validators() -> &'static [jsonschema::Validator] {
    static ALL: std::sync::OnceLock<Vec<jsonschema::Validator>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| Endpoint::ALL.into_iter().map(validator).collect())
}

#[cfg(feature = "serde")]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3_000))]

    /// Bodies made at random from each endpoint's example, some fields set
    /// to the endpoint's own words or to wrong values (the generator of the
    /// typed-request tests): the schema agrees with the library as on the
    /// conformance cases.
    #[test]
    fn the_schema_agrees_with_the_library_on_random_bodies(
        e in 0..Endpoint::ALL.len(),
        picks in proptest::collection::vec((0..64usize, 0..64usize), 0..6),
        drop in proptest::collection::vec(0..64usize, 0..3),
    ) {
        let endpoint = Endpoint::ALL[e];
        let spec = endpoint.spec();
        let text = crate::typed::random_body(spec, &crate::typed::field_values(spec), &drop, &picks);
        let body: Value = serde_json::from_str(&text).expect("the body is JSON");
        let report = check(endpoint.id(), &text).expect("a known endpoint");
        let says = validators()[e].is_valid(&body);
        if let Some(must) = schema_must_pass(&report) {
            let rules: Vec<&str> = report.violations().iter().map(|x| &*x.rule).collect();
            proptest::prop_assert_eq!(says, must, "{}: the library's violations {:?}", text, rules);
        }
    }
}

// ---- the price-book format ----------------------------------------------------

fn book_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&seedance_rules::PriceBook::json_schema().to_string())
        .expect("the schema is JSON");
    if let Err(err) = jsonschema::meta::validate(&schema) {
        panic!("the price-book schema is not a valid schema: {err}");
    }
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

/// The built-in book, and the case file's books: read by the library, passed by the schema.
#[test]
fn every_book_the_library_reads_passes_the_book_schema() {
    let v = book_validator();
    let mut books: Vec<Value> =
        vec![serde_json::from_str(&seedance_rules::PriceBook::builtin().to_json()).expect("JSON")];
    books.extend(
        cases()["price_books"]
            .as_object()
            .expect("price_books")
            .values()
            .cloned(),
    );
    for book in &books {
        seedance_rules::PriceBook::from_json(&book.to_string()).expect("the library reads it");
        let errors: Vec<String> = v.iter_errors(book).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", book["name"]);
    }
}

/// Books made from the built-in one by one edit (the case file's
/// `price_book_edits`, which the Node tests run too): each is read by the
/// library or refused by it, as the edit says, and the schema says the same.
#[test]
fn the_book_schema_agrees_with_the_reader_on_edited_books() {
    let v = book_validator();
    let builtin: Value =
        serde_json::from_str(&seedance_rules::PriceBook::builtin().to_json()).expect("JSON");
    let edits = cases()["price_book_edits"]
        .as_array()
        .expect("price_book_edits")
        .clone();
    let mut wrong = Vec::new();
    for edit in &edits {
        let pointer = edit["at"].as_str().expect("at");
        let reads = edit["reads"].as_bool().expect("reads");
        let mut book = builtin.clone();
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        let target = book
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .expect("the parent is an object");
        match edit.get("set") {
            Some(value) => {
                target.insert(key.to_owned(), value.clone());
            }
            None => {
                assert_eq!(edit["remove"], true, "{pointer}: neither set nor remove");
                target.remove(key);
            }
        }
        let read = seedance_rules::PriceBook::from_json(&book.to_string()).is_ok();
        assert_eq!(
            read, reads,
            "{pointer} ({}): the library's reading",
            edit["note"]
        );
        if v.is_valid(&book) != read {
            wrong.push(format!(
                "{pointer} ({}): library {read}, schema {}",
                edit["note"], !read
            ));
        }
    }
    // Both ways: the test cannot pass on edits of one kind.
    let read = edits.iter().filter(|e| e["reads"] == true).count();
    assert!(
        read >= 10 && edits.len() - read >= 10,
        "{read} of {} read",
        edits.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The schema's description names the route and the models, then what it
/// leaves to the library; a field's default is the schema's `default` only
/// where it always applies (v2's `model`), and otherwise its description
/// says so (v2's `aspect_ratio`, 16:9 for text-to-video alone).
#[test]
fn the_schema_names_its_route_and_gives_a_default_only_where_it_always_applies() {
    let s = schema(Endpoint::SeedanceApiV2);
    let description = s["description"].as_str().expect("a description");
    assert!(
        description.starts_with(
            "POST https://seedanceapi.org/v2/generate \
             (seedance-2.0, seedance-2.0-fast, seedance-2-mini). Written by seedance-rules "
        ),
        "{description}"
    );
    assert!(
        description.contains("whether a URL's host is public"),
        "{description}"
    );
    assert_eq!(s["properties"]["model"]["default"], "seedance-2.0");
    let aspect = &s["properties"]["aspect_ratio"];
    assert_eq!(aspect.get("default"), None, "{aspect}");
    let doc = aspect["description"].as_str().expect("a description");
    assert!(
        doc.ends_with(" (defaults to \"16:9\" only under some conditions)"),
        "{doc}"
    );
}

/// The schema's `allOf` entries of one rule, by their description
/// (`RULE: CODE (HTTP STATUS)`), in order.
fn entries<'s>(s: &'s Value, description: &str) -> Vec<&'s Value> {
    s["allOf"]
        .as_array()
        .expect("allOf")
        .iter()
        .filter(|r| r["description"] == description)
        .collect()
}

/// A count of at least one is written as `maxItems` alone: an empty array
/// is no array, so no count of one or more can be short.
#[test]
fn a_count_of_at_least_one_is_written_as_its_most() {
    let s = schema(Endpoint::SeedanceApiV2);
    let count = entries(
        &s,
        "seedanceapi-v2.images.count: TOO_MANY_IMAGES (HTTP 400)",
    );
    assert_eq!(count.len(), 1, "{count:?}");
    assert_eq!(
        count[0]["properties"]["images"],
        serde_json::json!({"type": "array", "maxItems": 4})
    );
}

/// v2's three `duration.allowed` entries, as written: a condition on the
/// model's default (seedance-2.0) also holds with the model left out, a
/// condition on another model only with it given; a list of durations is
/// an `enum`, and Mini's range its two bounds.
#[test]
fn a_condition_on_a_default_holds_with_the_field_left_out() {
    use serde_json::json;
    let s = schema(Endpoint::SeedanceApiV2);
    let duration = entries(
        &s,
        "seedanceapi-v2.duration.allowed: INVALID_DURATION (HTTP 400)",
    );
    let model = |m: &str| json!({"required": ["model"], "properties": {"model": {"const": m}}});
    assert_eq!(
        duration,
        [
            &json!({
                "description": "seedanceapi-v2.duration.allowed: INVALID_DURATION (HTTP 400)",
                "if": {"anyOf": [model("seedance-2.0"), {"not": {"required": ["model"]}}]},
                "then": {"properties": {"duration": {"type": "integer", "enum": [5, 10, 15]}}},
            }),
            &json!({
                "description": "seedanceapi-v2.duration.allowed: INVALID_DURATION (HTTP 400)",
                "if": model("seedance-2.0-fast"),
                "then": {"properties": {"duration": {"type": "integer", "enum": [5, 10, 15]}}},
            }),
            &json!({
                "description": "seedanceapi-v2.duration.allowed: INVALID_DURATION (HTTP 400)",
                "if": model("seedance-2-mini"),
                "then": {"properties": {"duration": {"type": "integer", "minimum": 4, "maximum": 15}}},
            }),
        ]
    );
}

/// `seedance2ai-video`'s entries as written: the condition of a rule and
/// that its input is used (not "mode is not media-to-video") are the one
/// condition, written once with its double negation cancelled; a field
/// forbidden under a condition is one not required.
#[test]
fn a_double_negation_is_written_as_what_it_negates() {
    use serde_json::json;
    let s = schema(Endpoint::Seedance2aiVideo);
    assert_eq!(
        entries(
            &s,
            "seedance2ai-video.media_urls.count: invalid_request (HTTP 400)"
        ),
        [&json!({
            "description": "seedance2ai-video.media_urls.count: invalid_request (HTTP 400)",
            "if": {"required": ["mode"], "properties": {"mode": {"const": "media-to-video"}}},
            "then": {"properties": {"media_urls": {"type": "array", "maxItems": 12}}},
        })]
    );
    assert_eq!(
        entries(
            &s,
            "seedance2ai-video.seed.not-on-real-channel: invalid_request (HTTP 400)"
        ),
        [&json!({
            "description": "seedance2ai-video.seed.not-on-real-channel: invalid_request (HTTP 400)",
            "if": {"required": ["channel"], "properties": {"channel": {"const": "real"}}},
            "then": {"not": {"required": ["seed"]}},
        })]
    );
}

/// The book schema's rows, for an editor: the values each field of a `when`
/// may hold as examples (the rules' words and integers, in order), no
/// examples for a field the rules give none, and `per` only where an
/// integer field has a default (v2's `duration`; `seedance2ai-video` has
/// none, its seed having no default and its duration being a string).
#[test]
fn the_book_schemas_rows_give_examples_and_per_from_the_rules() {
    use serde_json::json;
    let book: Value = serde_json::from_str(&seedance_rules::PriceBook::json_schema().to_string())
        .expect("the schema is JSON");
    let row = |e: &str| book["$defs"][e]["properties"]["rows"]["items"]["properties"].clone();
    let v2 = row("seedanceapi-v2");
    assert_eq!(v2["per"], json!({"enum": ["duration"]}));
    assert_eq!(
        v2["when"]["properties"]["duration"]["examples"],
        json!([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
    );
    assert_eq!(
        v2["when"]["properties"]["model"]["examples"],
        json!(["seedance-2.0", "seedance-2.0-fast", "seedance-2-mini"])
    );
    assert_eq!(v2["when"]["properties"]["prompt"].get("examples"), None);
    let video = row("seedance2ai-video");
    assert_eq!(video.get("per"), None);
    assert_eq!(
        video["when"]["properties"]["generate_audio"]["examples"],
        json!([true, false])
    );
}
