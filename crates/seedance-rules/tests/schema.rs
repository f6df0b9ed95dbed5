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
        if report.is_ok() && report.warnings().is_empty() {
            passed += 1;
            if !says {
                let errors: Vec<String> = v.iter_errors(body).map(|e| e.to_string()).collect();
                wrong.push(format!("{id}: valid, refused by the schema: {errors:?}"));
            }
        } else if report
            .violations()
            .iter()
            // Whether a URL's host is public is the library's alone.
            .any(|x| !x.rule.ends_with(".url"))
        {
            failed += 1;
            if says {
                let rules: Vec<&str> = report.violations().iter().map(|x| &*x.rule).collect();
                wrong.push(format!("{id}: refused ({rules:?}), passed by the schema"));
            }
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
