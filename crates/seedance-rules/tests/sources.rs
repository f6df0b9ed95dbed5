//! Every source quote is verbatim in the document it names, and every table
//! entry names one.

use seedance_rules::{Check, Endpoint, Kind, PriceBook, Source};

fn document(name: &str) -> String {
    let path = format!("{}/../../docs/sources/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn assert_traceable(what: &str, s: &Source) {
    assert!(
        !s.document.is_empty() || !s.decision.is_empty(),
        "{what}: no document and no decision"
    );
    if !s.document.is_empty() {
        assert!(!s.quote.is_empty(), "{what}: a document but no quote");
        assert!(
            document(&s.document).contains(s.quote.as_ref()),
            "{what}: {:?} is not in {}",
            s.quote,
            s.document
        );
    }
}

#[test]
fn every_field_rule_code_and_price_row_traces_to_a_document_or_a_decision() {
    let mut seen = 0;
    for e in Endpoint::ALL {
        let spec = e.spec();
        for f in spec.fields {
            assert_traceable(&format!("{}.{} (field)", spec.id, f.name), &f.source);
            seen += 1;
        }
        for r in spec.rules {
            assert_traceable(r.id, &r.source);
            seen += 1;
        }
        for c in spec.codes {
            assert_traceable(&format!("{} code {}", spec.id, c.id), &c.source);
        }
        for (i, row) in spec.prices.rows.iter().enumerate() {
            assert_traceable(&format!("{} price row {i}", spec.id), &row.source);
        }
        assert_traceable(&format!("{} usd", spec.id), &spec.prices.usd_source);
        assert_traceable(&format!("{} price note", spec.id), &spec.prices.note);
    }
    assert!(seen > 100);
}

/// A rule that makes a field required quotes the document's word for it
/// ("required", or the flattened tables' "Required" cell with the field's
/// row; v1's body parameters, which say "optional" of every other field,
/// give `prompt:string` alone), not only the field's description, which an
/// optional field can share ("Aspect ratio." is also Nano Banana Pro's
/// optional `image_size`).
#[test]
fn every_required_rule_quotes_the_documents_required() {
    let mut seen = 0;
    for e in Endpoint::ALL {
        for r in e.spec().rules {
            if r.check != Check::Required || !r.when.is_empty() {
                continue;
            }
            seen += 1;
            // apiin.one's page gives the model's id "to use in the request
            // body model field": its only word on `model`.
            if r.id == "apiinone-videos.model.required" {
                assert_eq!(r.source.quote, "Use this in the request body model field.");
                continue;
            }
            let field = e.spec().fields[r.field].name;
            let quote = r.source.quote.as_ref();
            assert!(
                quote.to_lowercase().contains("required")
                    || quote.ends_with(&format!("\n{field}:string\n")),
                "{}: {:?} does not say the field is required",
                r.id,
                r.source.quote
            );
        }
    }
    assert!(seen >= 10, "{seen}");
}

/// Every URL rule carries the decision that a host name is written in
/// ASCII, which the WHATWG parser would otherwise map from Unicode.
#[test]
fn every_url_rule_names_the_ascii_host_decision() {
    let mut seen = 0;
    for e in Endpoint::ALL {
        for r in e.spec().rules {
            if let Check::Url(_) = r.check {
                seen += 1;
                assert!(
                    r.source.decision.contains("the host written in ASCII"),
                    "{}: {:?}",
                    r.id,
                    r.source.decision
                );
            }
        }
    }
    assert!(seen >= 12, "{seen}");
}

/// A rule's quote is not the words of another field of its table: the rule
/// on `reference_audio_urls` quotes the audio field's line, not the video
/// field's.
#[test]
fn no_rule_quotes_another_fields_line() {
    for e in Endpoint::ALL {
        let spec = e.spec();
        for r in spec.rules {
            let quote = r.source.quote.as_ref();
            if quote.is_empty() {
                continue;
            }
            let own = &spec.fields[r.field];
            if own.source.quote.contains(quote) || own.doc.contains(quote) {
                continue;
            }
            for other in spec.fields.iter().filter(|f| f.name != own.name) {
                assert!(
                    !other.source.quote.contains(quote) && !other.doc.contains(quote),
                    "{}: {quote:?} is the line of `{}`",
                    r.id,
                    other.name
                );
            }
        }
    }
}

/// The contract's decision that an empty array counts as absent is the
/// engine's for every list field of every endpoint: each says so in its
/// source, and a body holding one empty list is checked, priced and
/// normalized as the body without it.
#[test]
fn every_list_field_names_the_empty_array_decision_and_keeps_it() {
    let (mut lists, mut tried) = (0, 0);
    for e in Endpoint::ALL {
        let spec = e.spec();
        let example = spec.example.trim_end_matches('}').trim_end();
        let without = seedance_rules::check(spec.id, spec.example).expect("a known endpoint");
        for f in spec.fields.iter().filter(|f| f.kind == Kind::UrlList) {
            lists += 1;
            assert_eq!(
                f.source.decision, "an empty array counts as absent",
                "{}.{}",
                spec.id, f.name
            );
            if spec.example.contains(&format!("\"{}\"", f.name)) {
                continue;
            }
            let body = format!("{example}, \"{}\": []}}", f.name);
            let with = seedance_rules::check(spec.id, &body).expect("a known endpoint");
            assert_eq!(with.to_json(), without.to_json(), "{}: {body}", spec.id);
            tried += 1;
        }
    }
    assert_eq!((lists, tried), (7, 7));
}

/// Each table's list of the warnings its requests can draw is what its
/// fields and rules give: a coerced duration where a field is a duration
/// of either JSON type, a rewritten value where a rule rewrites, an unused
/// input where a rule finds one; an unknown or repeated key anywhere. And
/// `describe` names the decision behind each.
#[test]
fn every_tables_warnings_are_those_its_fields_and_rules_can_give() {
    use seedance_rules::{warning, Check};
    for e in Endpoint::ALL {
        let spec = e.spec();
        let mut can = vec![warning::UNKNOWN_FIELD, warning::DUPLICATE_FIELD];
        if spec
            .fields
            .iter()
            .any(|f| matches!(f.kind, Kind::DurationStr | Kind::DurationInt))
        {
            can.push(warning::COERCED_TYPE);
        }
        if spec
            .rules
            .iter()
            .any(|r| matches!(r.check, Check::Rewrite { .. }))
        {
            can.push(warning::NORMALIZED_VALUE);
        }
        if spec.rules.iter().any(|r| matches!(r.check, Check::Unused)) {
            can.push(warning::UNUSED_FIELD);
        }
        assert_eq!(spec.warnings, can.as_slice(), "{}", spec.id);
        let described = seedance_rules::describe(e).to_json_value();
        let listed: Vec<&str> = described["warnings"]
            .as_array()
            .expect("warnings")
            .iter()
            .map(|w| {
                let decision = w["source"]["decision"].as_str().unwrap_or("");
                assert!(decision.len() > 10, "{}: {w}", spec.id);
                w["code"].as_str().expect("a code")
            })
            .collect();
        assert_eq!(listed, can, "{}: describe's warnings", spec.id);
        for code in can {
            let source = warning::source(code).expect("a warning's source");
            assert!(source.is_decision() && source.document.is_empty(), "{code}");
        }
    }
}

#[test]
fn rule_ids_are_stable_in_form_and_name_their_endpoint_and_field() {
    for e in Endpoint::ALL {
        let spec = e.spec();
        for r in spec.rules {
            let field = spec.fields[r.field].name;
            assert!(
                r.id.starts_with(&format!("{}.{field}.", spec.id)),
                "{} is not <endpoint>.<field>.<check>",
                r.id
            );
        }
    }
}

#[test]
fn every_rule_ids_check_is_in_the_contracts_table() {
    // docs/contract.md's "Rule ids" table lists each `<check>` a rule id ends with.
    let path = format!("{}/../../docs/contract.md", env!("CARGO_MANIFEST_DIR"));
    let contract = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let table = contract
        .split("## Rule ids")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a \"Rule ids\" section in docs/contract.md");
    let listed: Vec<&str> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .collect();
    assert!(listed.len() > 10, "the table lists {listed:?}");
    for e in Endpoint::ALL {
        let spec = e.spec();
        for r in spec.rules {
            let field = spec.fields[r.field].name;
            let check = &r.id[spec.id.len() + field.len() + 2..];
            assert!(
                listed.contains(&check),
                "{}: docs/contract.md's rule-id table has no `{check}`",
                r.id
            );
        }
    }
}

#[test]
fn every_table_lists_its_unconditional_rules_before_the_conditional_ones() {
    // The engine relies on it to apply the field's own rules first.
    for e in Endpoint::ALL {
        let rules = e.spec().rules;
        let split = rules.partition_point(|r| r.when.is_empty());
        assert!(
            rules[split..].iter().all(|r| !r.when.is_empty()),
            "{}",
            e.id()
        );
    }
}

#[test]
fn every_documented_error_code_of_every_provider_is_in_a_table() {
    let v1 = document("002_4c02b8e17acb5dad.txt");
    let s2ai = document("003_8aaaa4f40c740086.txt");
    let known: Vec<&str> = Endpoint::ALL
        .iter()
        .flat_map(|e| e.spec().codes.iter().map(|c| c.id))
        .collect();
    for code in [
        "INVALID_PROMPT",
        "INVALID_ASPECT_RATIO",
        "INVALID_RESOLUTION",
        "INVALID_DURATION",
        "TOO_MANY_IMAGES",
        "INVALID_API_KEY",
        "INSUFFICIENT_CREDITS",
        "TASK_NOT_FOUND",
        "INTERNAL_ERROR",
    ] {
        assert!(v1.contains(code) && known.contains(&code), "{code}");
    }
    for code in [
        "unauthorized",
        "invalid_request",
        "insufficient_credits",
        "rate_limited",
        "idempotency_conflict",
        "service_busy",
        "not_found",
        "internal_error",
    ] {
        assert!(s2ai.contains(code) && known.contains(&code), "{code}");
    }
}

#[test]
fn the_examples_of_every_endpoint_are_valid() {
    for e in Endpoint::ALL {
        let r = seedance_rules::check(e.id(), e.spec().example).unwrap();
        assert!(r.is_ok(), "{}: {:?}", e.id(), r.violations());
        assert!(r.warnings().is_empty(), "{}: {:?}", e.id(), r.warnings());
    }
}

#[test]
fn the_builtin_book_round_trips_through_json() {
    let book = PriceBook::builtin();
    let again = PriceBook::from_json(&book.to_json()).unwrap();
    // `when` is a JSON object: compare as values, where key order does not count.
    let as_value = |b: &PriceBook| serde_json::from_str::<serde_json::Value>(&b.to_json()).unwrap();
    assert_eq!(as_value(&again), as_value(&book));
    assert!(book.to_json().contains("ceil(14.25 × seconds)"));
}
