//! Ways to return a check to JavaScript, each doing a step more, to measure
//! each part of the npm package's cost (see run.sh and ../README.md).

use wasm_bindgen::prelude::*;

/// `check` and only the credits (-1 invalid, -2 no price): the engine's own cost.
#[wasm_bindgen(js_name = checkCredits)]
pub fn check_credits(endpoint: &str, body: &str) -> f64 {
    match seedance_rules::check(endpoint, body) {
        Ok(r) if r.is_ok() => r.credits().map_or(-2.0, |c| c as f64),
        _ => -1.0,
    }
}

/// `check` and the report the npm package sends, written but left in the
/// module (its length out): the writer's cost without the crossing.
#[wasm_bindgen(js_name = checkPackageLen)]
pub fn check_package_len(endpoint: &str, body: &str) -> f64 {
    check_package(endpoint, body).len() as f64
}

/// `check` and the report the npm package sends across: without the
/// price's provenance, which its JavaScript side adds from the table.
#[wasm_bindgen(js_name = checkPackage)]
pub fn check_package(endpoint: &str, body: &str) -> String {
    seedance_rules::check(endpoint, body)
        .expect("JSON")
        .to_json_without_provenance()
}

/// `check` and the full report, with the price's provenance (as `seedance
/// check --json` writes it; the npm package sent this one at first).
#[wasm_bindgen(js_name = checkFull)]
pub fn check_full(endpoint: &str, body: &str) -> String {
    seedance_rules::check(endpoint, body)
        .expect("JSON")
        .to_json()
}
