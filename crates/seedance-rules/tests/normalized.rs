//! "The normalized request is what will really be sent and billed": for every
//! report that has a normalized request, sending that request again on the
//! same endpoint, with the same price book and balance:
//!
//! - costs the same (credits and usd), and is valid when the first was (or
//!   has the same violations: a balance the price is over);
//! - normalizes to itself;
//! - draws no warning: the normalization resolves each (a rewrite, a
//!   coercion, a duplicate or an unknown key, an input the mode does not use);
//! - holds only fields the endpoint's table knows, each of its documented
//!   JSON type, with the defaults `field_options` names;
//! - reads with serde as the endpoint's typed request, which gets the same
//!   report, owned or not.
//!
//! The bodies: every conformance case; each valid case with one field varied
//! over the values its table names; and, generated, valid cases with one to
//! three fields changed (values in other spellings too), and bodies written
//! member by member (escapes, duplicate keys, `8.0` and `8e0`, unknown keys),
//! each priced by the case file's books as well as the built-in one.
//! `NORMALIZED_CASES=N` sets how many generated bodies an endpoint gets
//! (1,000 by default).

use std::collections::BTreeSet;

use seedance_rules::{Checker, Endpoint, PriceBook, Request};
use serde_json::{json, Map, Value};

use crate::conformance::{body_text, cases};

/// Generated bodies per endpoint, in each generating test.
fn generated_per_endpoint() -> usize {
    std::env::var("NORMALIZED_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000)
}

/// A xorshift generator: the same bodies on every run.
struct Rng(u64);

impl Rng {
    /// A number below `n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

/// The case file's price books, each read, written back and read again
/// (the same book: `to_json` writes the schema it reads).
struct Books(Vec<(String, PriceBook)>);

impl Books {
    fn new(all: &Value) -> Books {
        Books(
            all["price_books"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(name, b)| {
                    let book = PriceBook::from_json(&b.to_string()).unwrap();
                    (name.clone(), PriceBook::from_json(&book.to_json()).unwrap())
                })
                .collect(),
        )
    }

    /// The checker of `case`: its book and balance.
    fn checker(&self, case: &Value) -> Checker<'_> {
        let mut checker = Checker::new();
        if let Some(name) = case.get("price_book").and_then(Value::as_str) {
            let book = &self.0.iter().find(|(n, _)| n == name).unwrap().1;
            checker = checker.price_book(book);
        }
        if let Some(balance) = case.get("balance").and_then(Value::as_u64) {
            checker = checker.balance(balance);
        }
        checker
    }
}

fn report(checker: &Checker<'_>, endpoint: &str, body: &str) -> Option<Value> {
    let r = checker.check(endpoint, body).ok()?;
    Some(serde_json::from_str(&r.to_json()).unwrap())
}

/// The `{code, field}` pairs of a list of violations or warnings.
fn codes(list: &Value) -> BTreeSet<(String, String)> {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|w| {
            let s = |k: &str| w[k].as_str().unwrap_or("").to_owned();
            (s("code"), s("field"))
        })
        .collect()
}

/// What the round trips found, and on how many bodies.
#[derive(Default)]
struct Findings {
    found: Vec<String>,
    bodies: usize,
}

impl Findings {
    /// None found, else each distinct finding once (the same defect shows
    /// on many bodies).
    fn assert_none(self, what: &str) {
        let mut seen = BTreeSet::new();
        let distinct: Vec<&str> = self
            .found
            .iter()
            .filter(|f| {
                let head = f.lines().next().unwrap_or("");
                seen.insert(head.split_once(": ").map_or(head, |(_, w)| w).to_owned())
            })
            .map(String::as_str)
            .collect();
        assert!(
            self.found.is_empty(),
            "{} findings ({} distinct) over {} {what}:\n{}",
            self.found.len(),
            distinct.len(),
            self.bodies,
            distinct.join("\n")
        );
    }
}

/// The round trip of one body (`label` names it in the findings), whose
/// report is `first`.
fn round_trip(
    checker: &Checker<'_>,
    endpoint: Endpoint,
    label: &str,
    body: &str,
    first: &Value,
    out: &mut Findings,
) {
    typed_agrees(checker, endpoint, label, body, first, out);
    let normalized = &first["normalized"];
    if normalized.is_null() {
        return;
    }
    out.bodies += 1;
    let sent = normalized.to_string();
    let mut fail = |what: String| {
        out.found
            .push(format!("{label}: {what}\n    body {body}\n    sent {sent}"));
    };
    // The typed view writes what the report's JSON holds, as text and with serde.
    if let Ok(report) = checker.check_endpoint(endpoint, body) {
        let n = report.normalized().expect("a normalized request");
        let text: Value = serde_json::from_str(&n.to_json_text()).unwrap();
        if text != *normalized {
            fail(format!("to_json_text() wrote {text}"));
        }
        #[cfg(feature = "serde")]
        if serde_json::to_value(n).ok().as_ref() != Some(normalized) {
            fail(format!("serde wrote {:?}", serde_json::to_value(n)));
        }
    }
    let description: Value =
        serde_json::from_str(&seedance_rules::describe(endpoint).to_json()).unwrap();
    let fields = description["fields"].as_array().unwrap();
    for (k, v) in normalized.as_object().unwrap() {
        let Some(f) = fields.iter().find(|f| f["name"] == *k) else {
            fail(format!("unknown field `{k}` in the normalized request"));
            continue;
        };
        let typed = match f["type"].as_str().unwrap() {
            "string" => v.is_string(),
            "boolean" => v.is_boolean(),
            "integer" => v.is_i64() || v.is_u64(),
            "string[]" => v
                .as_array()
                .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_string)),
            _ => false,
        };
        if !typed {
            fail(format!("`{k}` is {v}, not a {}", f["type"]));
        }
    }
    // An absent field is filled in with the default `field_options` names.
    let given: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    for o in seedance_rules::field_options(endpoint, body).unwrap_or_default() {
        if given.get(o.name).is_some() {
            continue;
        }
        let default: Value = serde_json::from_str(&o.default.to_string()).unwrap();
        let filled = normalized.get(o.name).cloned().unwrap_or(Value::Null);
        if default != filled {
            fail(format!(
                "`{}`: field_options' default {default}, normalized {filled}",
                o.name
            ));
        }
    }
    let Some(again) = report(checker, endpoint.id(), &sent) else {
        fail("the normalized request is refused as misuse".into());
        return;
    };
    for key in ["credits", "usd"] {
        if again[key] != first[key] {
            fail(format!("{key}: {} then {}", first[key], again[key]));
        }
    }
    if first["ok"] == true && again["ok"] != true {
        fail(format!("valid, then violations {}", again["violations"]));
    }
    if first["ok"] != true && codes(&again["violations"]) != codes(&first["violations"]) {
        fail(format!(
            "violations {} then {}",
            first["violations"], again["violations"]
        ));
    }
    if again["normalized"] != *normalized {
        fail(format!("normalizes again to {}", again["normalized"]));
    }
    for w in again["warnings"].as_array().into_iter().flatten() {
        fail(format!("warns again: {w}"));
    }
    if !typed_agrees(checker, endpoint, label, &sent, first, out) {
        out.found.push(format!(
            "{label}: serde cannot read the normalized request as the typed request\n    sent {sent}"
        ));
    }
}

/// The body read with serde as its endpoint's typed request gets the JSON
/// text's report, and so does that report made owned. Whether serde read
/// it (it refuses what is not of the documented types). A body with a
/// `null` is left out: serde reads it as an absent optional field, where the
/// JSON check calls it the wrong type (the `Request` trait's doc says so).
fn typed_agrees(
    checker: &Checker<'_>,
    endpoint: Endpoint,
    label: &str,
    body: &str,
    first: &Value,
    out: &mut Findings,
) -> bool {
    fn on<'a, R: Request + serde::Deserialize<'a>>(
        c: &Checker<'_>,
        body: &'a str,
    ) -> Option<(String, String)> {
        let req = serde_json::from_str::<R>(body).ok()?;
        let owned = c.check_request(&req).into_owned().as_json().to_string();
        Some((c.check_request(&req).to_json(), owned))
    }
    if serde_json::from_str::<Map<String, Value>>(body)
        .is_ok_and(|m| m.values().any(Value::is_null))
    {
        return true;
    }
    let got = on_typed_request!(endpoint, on(checker, body));
    let Some((typed, owned)) = got else {
        return false;
    };
    let typed: Value = serde_json::from_str(&typed).unwrap();
    let owned: Value = serde_json::from_str(&owned).unwrap();
    for key in ["ok", "credits", "usd", "normalized"] {
        if typed[key] != first[key] {
            out.found.push(format!(
                "{label}: the typed request's {key} is {}, the JSON text's {}\n    body {body}",
                typed[key], first[key]
            ));
        }
        if owned[key] != typed[key] {
            out.found.push(format!(
                "{label}: the owned report's {key} differs\n    body {body}"
            ));
        }
    }
    true
}

/// Endpoint `e`'s description, and the values of each field as
/// [`allowed_values`] lists them.
fn described(e: Endpoint) -> (Value, Vec<(String, Vec<Value>)>) {
    let description: Value = serde_json::from_str(&seedance_rules::describe(e).to_json()).unwrap();
    let values = allowed_values(&description);
    (description, values)
}

/// [`described`]'s values with [`odd_but_accepted`]'s added.
fn oddly_described(e: Endpoint) -> (Value, Vec<(String, Vec<Value>)>) {
    let (description, values) = described(e);
    let fields = description["fields"].as_array().unwrap();
    let values = values
        .into_iter()
        .zip(fields)
        .map(|((name, v), f)| {
            let odd = odd_but_accepted(&name, f["type"].as_str().unwrap(), &v);
            (name, odd)
        })
        .collect();
    (description, values)
}

/// The values the table allows for each field (by its rules and type): the
/// rules' words and integers, both ends and the inside of ranges, rewrites,
/// the values rule conditions name, booleans, and one public URL.
fn allowed_values(description: &Value) -> Vec<(String, Vec<Value>)> {
    let fields = description["fields"].as_array().unwrap();
    let rules = description["rules"].as_array().unwrap();
    fields
        .iter()
        .map(|f| {
            let name = f["name"].as_str().unwrap();
            let ty = f["type"].as_str().unwrap();
            let mut values: Vec<Value> = Vec::new();
            fn push(values: &mut Vec<Value>, v: Value) {
                if !values.contains(&v) {
                    values.push(v);
                }
            }
            for rule in rules {
                if rule["field"] == name {
                    let c = &rule["check"];
                    for v in c["one_of"].as_array().into_iter().flatten() {
                        push(&mut values, v.clone());
                    }
                    if let Some(r) = c["range"].as_array() {
                        let (lo, hi) = (r[0].as_i64().unwrap(), r[1].as_i64().unwrap());
                        let mut ints: Vec<i64> = if hi - lo <= 20 {
                            (lo..=hi).collect()
                        } else {
                            vec![lo, lo + 1, 42, hi]
                        };
                        ints.dedup();
                        for n in ints {
                            push(
                                &mut values,
                                if name == "duration" && ty == "string" {
                                    json!(n.to_string())
                                } else {
                                    json!(n)
                                },
                            );
                        }
                    }
                    if let Some(rw) = c.get("rewrite") {
                        push(&mut values, rw["from"].clone());
                        push(&mut values, rw["to"].clone());
                    }
                }
                for cond in rule["when"].as_array().into_iter().flatten() {
                    if cond["field"] == name {
                        if let Some(v) = cond.get("is").or(cond.get("is_not")) {
                            push(&mut values, v.clone());
                        }
                    }
                }
            }
            match ty {
                "boolean" => {
                    push(&mut values, json!(true));
                    push(&mut values, json!(false));
                }
                "string[]" => push(&mut values, json!(["https://example.com/a.png"])),
                "string" if name.contains("url") || name == "image" => {
                    push(&mut values, json!("https://example.com/a.png"))
                }
                _ => {}
            }
            // The other JSON type of a duration, which the rules accept.
            if name == "duration" {
                let extra: Vec<Value> = values
                    .iter()
                    .filter_map(|v| match v {
                        Value::String(s) => s.parse::<i64>().ok().map(|n| json!(n)),
                        Value::Number(n) => Some(json!(n.to_string())),
                        _ => None,
                    })
                    .collect();
                for v in extra {
                    push(&mut values, v);
                }
            }
            (name.to_owned(), values)
        })
        .collect()
}

/// Values a field's rules accept, or that the library accepts in another
/// form (a float-written integer, the other JSON type of a duration, an
/// empty array, URLs written oddly but valid).
fn odd_but_accepted(name: &str, ty: &str, values: &[Value]) -> Vec<Value> {
    let mut out = values.to_vec();
    for v in values {
        if let Some(n) = v.as_i64() {
            out.push(json!(n as f64));
        }
        if let Some(s) = v.as_str() {
            if let Ok(n) = s.parse::<i64>() {
                out.push(json!(n as f64));
            }
        }
    }
    match ty {
        "string[]" => {
            out.push(json!([]));
            out.push(json!(["http://example.com/a.png"]));
            out.push(json!([
                "HTTPS://Example.COM/a.png",
                "https://example.com/b.png"
            ]));
        }
        "string" if name.contains("url") || name == "image" => {
            out.push(json!("http://example.com/a.png"));
            out.push(json!(" https://example.com/a.png "));
            out.push(json!("HTTPS://EXAMPLE.COM/a.png"));
        }
        _ => {}
    }
    out
}

#[test]
fn normalized_requests_of_the_cases_check_again_to_themselves() {
    let all = cases();
    let books = Books::new(&all);
    let mut out = Findings::default();
    for endpoint in Endpoint::ALL {
        let id = endpoint.id();
        let (_, values) = described(endpoint);
        for case in all["cases"].as_array().unwrap() {
            if case["endpoint"] != id {
                continue;
            }
            let case_id = case["id"].as_str().unwrap_or("?");
            let Some(body) = body_text(case) else {
                continue;
            };
            let checker = books.checker(case);
            let Some(first) = report(&checker, id, &body) else {
                continue;
            };
            round_trip(&checker, endpoint, case_id, &body, &first, &mut out);
            // Each valid case with one field absent, or each of its values.
            let Ok(Value::Object(base)) = serde_json::from_str::<Value>(&body) else {
                continue;
            };
            if first["ok"] != true {
                continue;
            }
            for (name, vals) in &values {
                let mut variants: Vec<Map<String, Value>> = Vec::new();
                let mut without = base.clone();
                without.remove(name);
                variants.push(without);
                for v in vals {
                    let mut b = base.clone();
                    b.insert(name.clone(), v.clone());
                    variants.push(b);
                }
                for b in variants {
                    let text = Value::Object(b).to_string();
                    if let Some(r) = report(&checker, id, &text) {
                        let label = format!("{case_id} ({name} varied)");
                        round_trip(&checker, endpoint, &label, &text, &r, &mut out);
                    }
                }
            }
        }
    }
    assert!(
        out.bodies > 5_000,
        "only {} bodies had a normalized request",
        out.bodies
    );
    out.assert_none("cases and their variants");
}

#[test]
fn normalized_requests_of_random_bodies_check_again_to_themselves() {
    let all = cases();
    let books = Books::new(&all);
    let n = generated_per_endpoint();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut out = Findings::default();
    for endpoint in Endpoint::ALL {
        let id = endpoint.id();
        let (_, values) = oddly_described(endpoint);
        // The books that price this endpoint (seedance2ai.io has no
        // built-in prices: without them its round trips compare nulls).
        let covering: Vec<&String> = all["price_books"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, b)| b["endpoints"].get(id).is_some())
            .map(|(name, _)| name)
            .collect();
        // Valid cases as bases, each with its book and balance.
        let bases: Vec<(&Value, Map<String, Value>)> = all["cases"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|case| case["endpoint"] == id)
            .filter_map(|case| {
                let body = body_text(case)?;
                let r = report(&books.checker(case), id, &body)?;
                match serde_json::from_str::<Value>(&body) {
                    Ok(Value::Object(m)) if r["ok"] == true => Some((case, m)),
                    _ => None,
                }
            })
            .collect();
        assert!(!bases.is_empty(), "{id}: no valid case");
        let before = out.bodies;
        for _ in 0..n {
            let (case, base) = &bases[rng.below(bases.len())];
            let mut body = base.clone();
            for _ in 0..1 + rng.below(3) {
                let (name, vals) = &values[rng.below(values.len())];
                match vals.get(rng.below(vals.len() + 1)) {
                    Some(v) => body.insert(name.clone(), v.clone()),
                    None => body.remove(name),
                };
            }
            let text = Value::Object(body).to_string();
            let mut case = (*case).clone();
            if case.get("price_book").is_none() && !covering.is_empty() && rng.below(3) != 0 {
                case["price_book"] = json!(covering[rng.below(covering.len())]);
            }
            let checker = books.checker(&case);
            if let Some(r) = report(&checker, id, &text) {
                let label = format!("{} (random)", case["id"].as_str().unwrap_or("?"));
                round_trip(&checker, endpoint, &label, &text, &r, &mut out);
            }
        }
        assert!(
            out.bodies - before > n / 4,
            "{id}: few bodies had a normalized request"
        );
    }
    out.assert_none("random bodies");
}

/// Bodies written as text, member by member: keys given twice, keys and
/// values with escapes, numbers in other spellings, unknown keys; from the
/// endpoint's example, with each book that prices the endpoint.
#[test]
fn normalized_requests_of_odd_texts_check_again_to_themselves() {
    /// `s` as a JSON string with its `k`th character escaped.
    fn escaped(s: &str, k: usize) -> String {
        let mut out = String::from("\"");
        for (i, c) in s.chars().enumerate() {
            if i == k {
                out.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                let one = serde_json::to_string(&c.to_string()).unwrap();
                out.push_str(&one[1..one.len() - 1]);
            }
        }
        out.push('"');
        out
    }
    fn spell(v: &Value, pick: usize) -> String {
        match v {
            Value::String(s) if pick % 3 == 0 && !s.is_empty() => {
                escaped(s, pick % s.chars().count())
            }
            Value::Number(x) if x.is_i64() && pick % 3 == 1 => format!("{x}.0"),
            Value::Number(x) if x.is_i64() && pick % 3 == 2 => format!("{x}e0"),
            other => other.to_string(),
        }
    }
    let all = cases();
    let books = Books::new(&all);
    let n = generated_per_endpoint();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = Findings::default();
    let name_of = |key: &str| serde_json::from_str::<String>(key).unwrap();
    for endpoint in Endpoint::ALL {
        let id = endpoint.id();
        let (description, values) = oddly_described(endpoint);
        let example: Map<String, Value> =
            serde_json::from_value(description["example"].clone()).unwrap();
        let mut settings: Vec<Value> = vec![json!({}), json!({"balance": 100})];
        for (name, b) in all["price_books"].as_object().unwrap() {
            if b["endpoints"].get(id).is_some() {
                settings.push(json!({"price_book": name}));
                settings.push(json!({"price_book": name, "balance": 50}));
            }
        }
        let before = out.bodies;
        for _ in 0..n {
            let mut members: Vec<(String, String)> = example
                .iter()
                .map(|(k, v)| (serde_json::to_string(k).unwrap(), v.to_string()))
                .collect();
            for _ in 0..rng.below(5) {
                let (name, vals) = &values[rng.below(values.len())];
                let key = if rng.below(4) == 0 {
                    escaped(name, rng.below(name.len()))
                } else {
                    serde_json::to_string(name).unwrap()
                };
                match vals.get(rng.below(vals.len() + 1)) {
                    Some(v) => {
                        let v = spell(v, rng.below(6));
                        // Sometimes given twice: the last counts.
                        if rng.below(3) != 0 {
                            members.retain(|(k, _)| name_of(k) != *name);
                        }
                        members.push((key, v));
                    }
                    None => members.retain(|(k, _)| name_of(k) != *name),
                }
            }
            if rng.below(6) == 0 {
                members.push(("\"promt\"".into(), "\"x\"".into()));
            }
            let text = format!(
                "{{{}}}",
                members
                    .iter()
                    .map(|(k, v)| format!("{k}:{v}"))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            let checker = books.checker(&settings[rng.below(settings.len())]);
            match report(&checker, id, &text) {
                Some(r) => round_trip(
                    &checker,
                    endpoint,
                    &format!("{id} (text)"),
                    &text,
                    &r,
                    &mut out,
                ),
                None => out.found.push(format!("{id}: refused as misuse: {text}")),
            }
        }
        assert!(
            out.bodies - before > n / 4,
            "{id}: few bodies had a normalized request"
        );
    }
    out.assert_none("bodies written as text");
}
