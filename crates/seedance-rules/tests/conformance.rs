//! Runs `conformance/cases.json`, the case file the Node and browser tests run too.

use seedance_rules::{Checker, PriceBook};
use serde_json::{Map, Value};

/// The shared case file, as JSON (the other test modules read it here too).
pub(crate) fn cases() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../conformance/cases.json");
    let text = std::fs::read_to_string(path).expect("conformance/cases.json is readable");
    serde_json::from_str(&text).expect("conformance/cases.json is JSON")
}

/// A case's body as the text it sends: its `body` written out, or its
/// `body_text`; `None` when it has neither, or both.
pub(crate) fn body_text(case: &Value) -> Option<String> {
    match (case.get("body"), case.get("body_text")) {
        (Some(b), None) => Some(b.to_string()),
        (None, Some(Value::String(t))) => Some(t.clone()),
        _ => None,
    }
}

/// The entries of a list as comparable strings of `keys`, sorted: a
/// multiset, so an entry given twice must be there twice.
fn pairs(list: &Value, keys: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = list
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| {
            keys.iter()
                .map(|k| v.get(*k).map(|x| x.to_string()).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    out.sort();
    out
}

/// The differences between a case's expectation and the report, if any.
fn compare(expect: &Map<String, Value>, report: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["ok", "credits", "usd"] {
        if let Some(want) = expect.get(key) {
            if report.get(key) != Some(want) {
                out.push(format!("{key}: want {want}, got {}", report[key]));
            }
        }
    }
    for key in ["violations", "warnings"] {
        let Some(want) = expect.get(key) else {
            continue;
        };
        // Compare on the keys the case gives for each entry (code and field, and
        // status or rule when it gives them).
        let mut keys = vec!["code", "field"];
        for extra in ["status", "rule"] {
            if want
                .as_array()
                .into_iter()
                .flatten()
                .any(|w| w.get(extra).is_some())
            {
                keys.push(extra);
            }
        }
        let got_all = report[key].as_array().cloned().unwrap_or_default();
        let got: Vec<Value> = got_all
            .iter()
            .map(|g| {
                let mut m = Map::new();
                for k in &keys {
                    let w_has = want
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|w| w.get(*k).is_some());
                    if w_has || ["code", "field"].contains(k) {
                        m.insert((*k).to_owned(), g[*k].clone());
                    }
                }
                Value::Object(m)
            })
            .collect();
        // Entries that leave out status/rule match on code and field alone.
        let want_set = pairs(want, &["code", "field"]);
        let got_set = pairs(&Value::Array(got.clone()), &["code", "field"]);
        if want_set != got_set {
            out.push(format!(
                "{key}: want {want_set:?}, got {got_set:?} ({})",
                report[key]
            ));
            continue;
        }
        for w in want.as_array().into_iter().flatten() {
            for extra in ["status", "rule"] {
                if let Some(wv) = w.get(extra) {
                    let hit = got_all.iter().any(|g| {
                        g["code"] == w["code"] && g["field"] == w["field"] && &g[extra] == wv
                    });
                    if !hit {
                        out.push(format!(
                            "{key}: no entry {w} with {extra} {wv}; got {}",
                            report[key]
                        ));
                    }
                }
            }
        }
    }
    if let Some(want) = expect.get("normalized") {
        let got = &report["normalized"];
        match want {
            Value::Null if !got.is_null() => out.push(format!("normalized: want null, got {got}")),
            Value::Object(w) => {
                for (k, v) in w {
                    if got.get(k) != Some(v) {
                        out.push(format!(
                            "normalized.{k}: want {v}, got {}",
                            got.get(k).unwrap_or(&Value::Null)
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(absent) = expect.get("normalized_absent").and_then(Value::as_array) {
        for k in absent.iter().filter_map(Value::as_str) {
            if report["normalized"].get(k).is_some() {
                out.push(format!(
                    "normalized.{k} should be absent, got {}",
                    report["normalized"][k]
                ));
            }
        }
    }
    out
}

#[test]
fn every_case_of_the_shared_file_holds() {
    let all = cases();
    let books: Vec<(String, PriceBook)> = all["price_books"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, b)| {
            (
                name.clone(),
                PriceBook::from_json(&b.to_string()).unwrap_or_else(|e| panic!("book {name}: {e}")),
            )
        })
        .collect();
    let cases = all["cases"].as_array().expect("cases is an array");
    assert!(cases.len() > 300, "the case file lost its cases");
    let mut failures = Vec::new();
    for case in cases {
        let id = case["id"].as_str().unwrap_or("?");
        let endpoint = case["endpoint"].as_str().expect("endpoint");
        let body =
            body_text(case).unwrap_or_else(|| panic!("{id}: exactly one of body and body_text"));
        let mut checker = Checker::new();
        if let Some(name) = case.get("price_book").and_then(Value::as_str) {
            let book = &books
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("{id}: no book {name}"))
                .1;
            checker = checker.price_book(book);
        }
        if let Some(balance) = case.get("balance").and_then(Value::as_u64) {
            checker = checker.balance(balance);
        }
        let report = match checker.check(endpoint, &body) {
            Ok(r) => {
                let full = serde_json::from_str::<Value>(&r.to_json()).expect("a report is JSON");
                let lean = serde_json::from_str(&r.to_json_without_provenance()).expect("JSON");
                let e = r.endpoint();
                let table = case
                    .get("price_book")
                    .and_then(|n| books.iter().find(|(m, _)| n == m.as_str()))
                    .and_then(|(_, b)| b.table_json(e))
                    .or_else(|| PriceBook::builtin().table_json(e))
                    .expect("a table");
                let table = serde_json::from_str(&table).expect("a table is JSON");
                if with_provenance(lean, &table) != full {
                    failures.push(format!(
                        "{id}: the report without provenance loses something"
                    ));
                }
                full
            }
            Err(e) => {
                failures.push(format!("{id}: error {e}"));
                continue;
            }
        };
        let expect = case["expect"].as_object().expect("expect is an object");
        for d in compare(expect, &report) {
            failures.push(format!("{id}: {d}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A report of `Report::to_json_without_provenance` made whole again from
/// its price table, as the npm package does.
fn with_provenance(mut lean: Value, table: &Value) -> Value {
    let Some(price) = lean.get_mut("price").and_then(Value::as_object_mut) else {
        return lean;
    };
    if let Some(i) = price.get("row").and_then(Value::as_u64) {
        price["row"] = table["rows"][i as usize].clone();
    }
    let mut whole = Map::new();
    for (k, v) in std::mem::take(price) {
        let usd = k == "usd_per_credit";
        whole.insert(k, v);
        if usd {
            let source = table.get("usd_source").cloned();
            whole.insert(
                "usd_source".into(),
                source.unwrap_or_else(|| Value::Object(Map::new())),
            );
        }
    }
    if let Some(note) = table.get("note") {
        whole.insert("note".into(), note.clone());
    }
    *price = whole;
    lean
}

/// Whether every condition of a described rule holds on a case's body (an
/// absent field has its default). The tables' rule conditions are `is` and
/// `is_not` on one field; any other form fails the test.
fn rule_applies(rule: &Value, fields: &[Value], body: &Value) -> bool {
    rule["when"].as_array().into_iter().flatten().all(|cond| {
        let name = cond["field"].as_str().expect("a condition names a field");
        let value = body.get(name).cloned().unwrap_or_else(|| {
            fields
                .iter()
                .find(|f| f["name"] == name)
                .map(|f| f["default"].clone())
                .unwrap_or(Value::Null)
        });
        match (cond.get("is"), cond.get("is_not")) {
            (Some(v), None) => &value == v,
            (None, Some(v)) => &value != v,
            _ => panic!("a rule condition of an unknown form: {cond}"),
        }
    })
}

/// The shared cases exercise every line of every table: each rule (each
/// line, not each id: v2's per-model duration lines share one) is the rule
/// of a violation, or for a rewrite or an unused input the reason of a
/// warning, that some case asserts, on a body its conditions hold for; and
/// each row of each built-in price table prices some case that asserts its
/// credits. So a table line no case reaches cannot creep in, and the Node
/// and browser tests, which run the same cases, reach it too.
#[test]
fn the_shared_cases_exercise_every_rule_and_every_price_row() {
    let all = cases();
    let mut missing = Vec::new();
    for endpoint in seedance_rules::Endpoint::ALL {
        let id = endpoint.id();
        let description: Value =
            serde_json::from_str(&seedance_rules::describe(endpoint).to_json()).expect("JSON");
        let fields = description["fields"].as_array().expect("fields");
        let rows = description["prices"]["rows"].as_array().map_or(0, Vec::len);
        // What each case of the endpoint asserts, with its report.
        let mut seen = Vec::new();
        for case in all["cases"].as_array().expect("cases") {
            if case["endpoint"] != id {
                continue;
            }
            let Some(text) = body_text(case) else {
                continue;
            };
            let body = serde_json::from_str::<Value>(&text).unwrap_or(Value::Null);
            let Ok(report) = seedance_rules::check(id, &text) else {
                continue;
            };
            let lean: Value =
                serde_json::from_str(&report.to_json_without_provenance()).expect("JSON");
            seen.push((case, body, lean));
        }
        for rule in description["rules"].as_array().expect("rules") {
            let rule_id = rule["id"].as_str().expect("a rule id");
            let warning = if rule["check"].get("rewrite").is_some() {
                Some("NORMALIZED_VALUE")
            } else if rule["check"].get("unused").is_some() {
                Some("UNUSED_FIELD")
            } else {
                None
            };
            let hit = seen.iter().any(|(case, body, lean)| {
                let asserted = |key: &str| case["expect"].get(key).is_some();
                let reported = match warning {
                    None => {
                        asserted("violations")
                            && lean["violations"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .any(|v| v["rule"] == rule_id)
                    }
                    Some(code) => {
                        asserted("warnings")
                            && lean["warnings"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .any(|w| w["code"] == code && w["field"] == rule["field"])
                    }
                };
                reported && rule_applies(rule, fields, body)
            });
            if !hit {
                missing.push(format!("{id}: rule {rule_id} when {}", rule["when"]));
            }
        }
        for row in 0..rows {
            let hit = seen.iter().any(|(case, _, lean)| {
                case.get("price_book").is_none()
                    && case["expect"].get("credits").is_some_and(|c| !c.is_null())
                    && lean["price"]["row"] == row
            });
            if !hit {
                missing.push(format!(
                    "{id}: price row {row} {}",
                    description["prices"]["rows"][row]["when"]
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no case exercises {} table lines:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
