//! Three ways to return a check to JavaScript, to measure each part of the
//! npm package's cost (see run.sh and ../README.md).

use wasm_bindgen::prelude::*;

/// `check` and only the credits (-1 invalid, -2 no price): the engine's own cost.
#[wasm_bindgen(js_name = checkCredits)]
pub fn check_credits(endpoint: &str, body: &str) -> f64 {
    match seedance_rules::check(endpoint, body) {
        Ok(r) if r.is_ok() => r.credits().map_or(-2.0, |c| c as f64),
        _ => -1.0,
    }
}

/// `check` and a compact report: ok, credits, usd, violation codes and fields.
#[wasm_bindgen(js_name = checkCompact)]
pub fn check_compact(endpoint: &str, body: &str) -> String {
    let r = seedance_rules::check(endpoint, body).expect("JSON");
    let v: Vec<_> = r
        .violations()
        .iter()
        .map(|v| serde_json::json!({"code": v.code, "field": v.field, "message": v.message}))
        .collect();
    serde_json::json!({"ok": r.is_ok(), "credits": r.credits(), "usd": r.usd().map(|u| u.to_string()), "violations": v})
        .to_string()
}

/// `check` and the full report, as the npm package does.
#[wasm_bindgen(js_name = checkFull)]
pub fn check_full(endpoint: &str, body: &str) -> String {
    seedance_rules::check(endpoint, body)
        .expect("JSON")
        .to_json()
}
