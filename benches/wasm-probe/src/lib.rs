//! Ways to return a check to JavaScript, each doing a step more, to measure
//! each part of the npm package's cost (see run.sh and ../README.md).

use wasm_bindgen::prelude::*;

/// Nothing done: the crossing of [`check_credits`]'s two strings and its
/// number, the floor under every column after it.
#[wasm_bindgen(js_name = callAlone)]
pub fn call_alone(endpoint: &str, body: &str) -> f64 {
    (endpoint.len() + body.len()) as f64
}

/// Nothing done, with the npm package's `check` signature (a book, the
/// endpoint and body as strings, an optional balance, the quote flag; a
/// string or a thrown string back): what the package's every `check` and
/// `quote` pays before the engine starts.
#[wasm_bindgen(js_name = packageCallAlone)]
pub fn package_call_alone(
    book: u32,
    endpoint: &str,
    body: &str,
    balance: Option<f64>,
    quote: bool,
) -> Result<String, String> {
    match (book, balance, quote) {
        (0, None, true) if endpoint.len() < body.len() => Ok(String::from("28")),
        _ => Err(String::new()),
    }
}

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
