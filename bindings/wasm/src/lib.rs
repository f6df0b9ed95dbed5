//! WebAssembly bindings of `seedance-rules`: the npm package `seedance-rules`.
//!
//! Conversion only, no rule: every function takes JSON text or plain values
//! from the JavaScript glue (`js/api.js`), calls the core, and hands back
//! JSON text, written by the core's own writer, that the glue parses
//! (measured as fast as serde-wasm-bindgen here, and smaller). Misuse comes
//! back as `Err("CODE message")`, which the glue turns into an `Error` with a
//! `.code`.
#![forbid(unsafe_code)]

use seedance_rules::{Checker, Clip, Comparison, Endpoint, FieldOptions, Input, Json};
use std::cell::Cell;

use wasm_bindgen::prelude::*;

/// The module's allocator (single-threaded WebAssembly): talc, smaller than
/// std's dlmalloc.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A thrown error: `"<CODE> <message>"`, read by the JS glue.
type Thrown = String;

fn thrown(code: &str, message: &str) -> Thrown {
    // Pushed rather than `format!`ed: std's `Display` of a string (its
    // padding logic and character count) stays out of the module.
    let mut out = String::from(code);
    out.push(' ');
    out.push_str(message);
    out
}

fn core_error(e: seedance_rules::Error) -> Thrown {
    thrown(e.code(), &text(format_args!("{e}")))
}

/// The text `format!` writes, without its `expect` on the writer's result
/// (writing to a `String` does not fail), which brings std's `Display` of
/// `str` (its padding logic and character count) into the module.
fn text(args: std::fmt::Arguments<'_>) -> String {
    let mut out = String::new();
    let _ = std::fmt::Write::write_fmt(&mut out, args);
    out
}

fn endpoint(id: &str) -> Result<Endpoint, Thrown> {
    id.parse::<Endpoint>().map_err(core_error)
}

thread_local! {
    /// The loaded price books, kept parsed in the module's memory for any
    /// number of checks. A book's handle is its index plus one (0 is "no
    /// book"); `freePriceBook` empties its place, which the next book takes.
    /// Plain numbers rather than a wasm-bindgen class: a class brings glue
    /// of its own, and every operation that takes an optional book would
    /// need a second export.
    ///
    /// A `Cell`, taken for the length of each use and put back: there is
    /// nothing to borrow twice (no use calls another), and no `RefCell`
    /// panic path to carry.
    static BOOKS: Cell<Vec<Option<seedance_rules::PriceBook>>> = const { Cell::new(Vec::new()) };
}

/// Runs `f` on the loaded books.
fn books<T>(f: impl FnOnce(&mut Vec<Option<seedance_rules::PriceBook>>) -> T) -> T {
    // `try_with` of two closures that are not generic: one copy of each, and
    // no `with` (an access error's panic, which a module without threads
    // never meets) for each `T`.
    let mut books = BOOKS.try_with(Cell::take).unwrap_or_default();
    let out = f(&mut books);
    let _ = BOOKS.try_with(|cell| cell.set(books));
    out
}

/// Reads and checks a price book (JSON text); returns its handle.
#[wasm_bindgen(js_name = loadPriceBook)]
pub fn load_price_book(json: &str) -> Result<u32, Thrown> {
    let book = seedance_rules::PriceBook::from_json(json).map_err(core_error)?;
    books(|books| {
        let at = match books.iter().position(Option::is_none) {
            Some(free) => free,
            None => {
                books.push(None);
                books.len() - 1
            }
        };
        if let Some(place) = books.get_mut(at) {
            *place = Some(book);
        }
        u32::try_from(at + 1).map_err(|_| thrown("INVALID_ARGUMENT", "too many price books"))
    })
}

/// Lets the book of `handle` go; its handle may name another book later.
#[wasm_bindgen(js_name = freePriceBook)]
pub fn free_price_book(handle: u32) {
    books(|books| {
        if let Some(place) = books.get_mut((handle as usize).wrapping_sub(1)) {
            *place = None;
        }
    });
}

/// Runs `f` with the book of `handle`.
fn with_loaded<T>(
    handle: u32,
    f: impl FnOnce(&seedance_rules::PriceBook) -> Result<T, Thrown>,
) -> Result<T, Thrown> {
    books(|books| match books.get((handle as usize).wrapping_sub(1)) {
        Some(Some(book)) => f(book),
        _ => Err(thrown(
            "INVALID_ARGUMENT",
            "the price book was freed or never loaded",
        )),
    })
}

/// Runs `f` with the checker of `handle` (the built-in prices for 0).
fn with_book<T>(
    handle: u32,
    f: impl FnOnce(Checker<'_>) -> Result<T, Thrown>,
) -> Result<T, Thrown> {
    if handle == 0 {
        return f(Checker::new());
    }
    with_loaded(handle, |book| f(Checker::new().price_book(book)))
}

/// A loaded book in the `seedance-rules/price-book/v1` schema, as JSON text.
#[wasm_bindgen(js_name = priceBookJson)]
pub fn price_book_json(handle: u32) -> Result<String, Thrown> {
    with_loaded(handle, |b| Ok(b.to_json()))
}

/// The checker with a balance (a number of credits from JavaScript).
fn with_balance(checker: Checker<'_>, balance: Option<f64>) -> Result<Checker<'_>, Thrown> {
    let Some(n) = balance else {
        return Ok(checker);
    };
    if !(n >= 0.0 && n.fract() == 0.0) {
        return Err(thrown(
            "INVALID_ARGUMENT",
            "`balance` must be a non-negative integer",
        ));
    }
    // Exact up to 2^64 (every integer a double holds there converts without
    // loss), and past it `as` saturates at u64::MAX: no quote comes near
    // either, since quotes stop at 2^53 - 1 (the price books' limit).
    Ok(checker.balance(n as u64))
}

/// Checks a JSON body, priced with the book of handle `book` (0: the
/// built-in prices); returns the report as JSON text without the price's
/// provenance
/// ([`Report::to_json_without_provenance`](seedance_rules::Report::to_json_without_provenance)):
/// the glue keeps each price table, parsed once, and puts the row, its
/// source and the table's notes back from it. Less text to cross the
/// boundary and parse on every check.
///
/// With `quote`, only the report's credits, in decimal, when the report is
/// ok, and `""` when it is not or has no credits: the package's `quote`.
/// (A second export returning a number made the module 400 bytes gzip
/// larger than this flag.)
#[wasm_bindgen]
pub fn check(
    book: u32,
    endpoint: &str,
    body: &str,
    balance: Option<f64>,
    quote: bool,
) -> Result<String, Thrown> {
    with_book(book, |checker| {
        let report = with_balance(checker, balance)?
            .check(endpoint, body)
            .map_err(core_error)?;
        if !quote {
            return Ok(report.to_json_without_provenance());
        }
        Ok(match report.credits() {
            // The digits as the report writes them (no `Display` machinery).
            Some(c) if report.is_ok() => seedance_rules::Ratio::int(u128::from(c))
                .to_decimal(0)
                .unwrap_or_default(),
            _ => String::new(),
        })
    })
}

/// Every endpoint: `[{ id, provider, route, models }]`.
#[wasm_bindgen]
pub fn endpoints() -> Result<String, Thrown> {
    let list: Json = Endpoint::ALL
        .iter()
        .map(|e| {
            let s = e.spec();
            Json::object([
                ("id", s.id.into()),
                ("provider", s.provider.into()),
                ("route", s.route.into()),
                ("models", s.models.into()),
            ])
        })
        .collect();
    Ok(text(format_args!("{list}")))
}

/// Everything the library knows of an endpoint.
#[wasm_bindgen]
pub fn describe(endpoint_id: &str) -> Result<String, Thrown> {
    Ok(seedance_rules::describe(endpoint(endpoint_id)?).to_json())
}

/// What each field accepts, given the rest of the body (JSON text).
#[wasm_bindgen(js_name = fieldOptions)]
pub fn field_options(endpoint_id: &str, body: &str) -> Result<String, Thrown> {
    let options =
        seedance_rules::field_options(endpoint(endpoint_id)?, body).map_err(core_error)?;
    Ok(json_array(options.iter().map(FieldOptions::to_json)))
}

/// A JSON array of elements already written as JSON text.
fn json_array(items: impl Iterator<Item = String>) -> String {
    let mut out = String::from("[");
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item);
    }
    out.push(']');
    out
}

/// The built-in price table of an endpoint, in the price-book schema.
#[wasm_bindgen(js_name = priceTable)]
pub fn price_table(endpoint_id: &str) -> Result<String, Thrown> {
    let e = endpoint(endpoint_id)?;
    seedance_rules::PriceBook::builtin()
        .table_json(e)
        .ok_or_else(|| {
            thrown(
                "INTERNAL",
                &text(format_args!("the built-in book has no `{e}`")),
            )
        })
}

/// Prices a clip on every video endpoint and model, with the book of handle
/// `book` (0: the built-in prices); returns JSON text.
#[wasm_bindgen]
pub fn compare(
    book: u32,
    duration: f64,
    resolution: &str,
    input: Option<String>,
    audio: bool,
    prompt: Option<String>,
    balance: Option<f64>,
) -> Result<String, Thrown> {
    let clip = clip(
        duration,
        resolution,
        input.as_deref(),
        audio,
        prompt.as_deref(),
    )?;
    with_book(book, |checker| {
        let rows = seedance_rules::compare(&clip, &with_balance(checker, balance)?);
        Ok(json_array(rows.iter().map(Comparison::to_json)))
    })
}

fn clip<'a>(
    duration: f64,
    resolution: &'a str,
    input: Option<&str>,
    audio: bool,
    prompt: Option<&'a str>,
) -> Result<Clip<'a>, Thrown> {
    // A whole number past u32::MAX is longer than any endpoint makes, as
    // u32::MAX is (the CLI reads it so too): every endpoint then says so.
    if !(duration >= 0.0 && duration.fract() == 0.0) {
        return Err(thrown(
            "INVALID_ARGUMENT",
            "`duration` must be a non-negative integer number of seconds",
        ));
    }
    let input = match input {
        None => Input::Text,
        Some(name) => Input::from_name(name).ok_or_else(|| {
            thrown(
                "INVALID_ARGUMENT",
                "`input` must be \"text\", \"image\" or \"video\"",
            )
        })?,
    };
    Ok(Clip {
        // A whole number: exact up to u32::MAX, saturated above it.
        duration: duration as u32,
        resolution,
        input,
        audio,
        prompt,
    })
}

/// Runs when the module is instantiated. Nothing to set up: it exists because
/// the glue's `__wbg_reset_state` (wasm-bindgen 0.2.129) calls the start
/// export when it re-instantiates the module after a trap.
#[wasm_bindgen(start)]
pub fn start() {}

/// Traps, to test that the glue survives a trap (a panic is one: the
/// module is built with `panic = "abort"`). Not part of the API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    // A trap, as a panic is with `panic = "abort"`, without a panic's
    // message and formatting in the module.
    #[cfg(target_family = "wasm")]
    core::arch::wasm32::unreachable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_the_core_report_without_provenance() {
        let body = r#"{"prompt": "a cat", "model": "seedance-2-mini", "duration": 8, "resolution": "1080p"}"#;
        let text = check(0, "seedanceapi-v2", body, None, false).unwrap();
        let core = seedance_rules::check("seedanceapi-v2", body).unwrap();
        assert_eq!(text, core.to_json_without_provenance());
    }

    #[test]
    fn a_quote_is_the_reports_credits_when_it_is_ok() {
        let valid = r#"{"prompt": "Sunrise over misty mountains", "duration": 10}"#;
        assert_eq!(
            check(0, "seedanceapi-v2", valid, None, true).unwrap(),
            "480"
        );
        assert_eq!(
            check(0, "seedanceapi-v2", valid, Some(479.0), true).unwrap(),
            ""
        );
        let invalid = r#"{"prompt": "Sunrise over misty mountains", "duration": 16}"#;
        assert_eq!(check(0, "seedanceapi-v2", invalid, None, true).unwrap(), "");
        // Valid, and no row prices it.
        let unpriced = r#"{"type": "text-to-image", "prompt": "a watercolor map"}"#;
        let report = seedance_rules::check("seedance2ai-nano-banana-pro", unpriced).unwrap();
        assert!(report.is_ok() && report.credits().is_none());
        assert_eq!(
            check(0, "seedance2ai-nano-banana-pro", unpriced, None, true).unwrap(),
            ""
        );
        let e = check(0, "nope", "{}", None, true).unwrap_err();
        assert!(e.starts_with("UNKNOWN_ENDPOINT "), "{e}");
    }

    #[test]
    fn misuse_is_a_code_then_a_message() {
        let e = check(0, "nope", "{}", None, false).unwrap_err();
        assert!(
            e.starts_with("UNKNOWN_ENDPOINT unknown endpoint `nope`"),
            "{e}"
        );
        let e = check(0, "seedanceapi-v1", "{", None, false).unwrap_err();
        assert!(e.starts_with("INVALID_JSON "), "{e}");
        let e = load_price_book("{}").err().unwrap();
        assert!(e.starts_with("INVALID_PRICE_BOOK "), "{e}");
        for bad in [-1.0, 0.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let e = check(0, "seedanceapi-v1", "{}", Some(bad), false).unwrap_err();
            assert!(e.starts_with("INVALID_ARGUMENT "), "{bad}: {e}");
        }
        // Any integer is a balance; past u64::MAX it saturates, above every quote.
        let body = r#"{"prompt": "x"}"#;
        for big in [9_007_199_254_740_992.0, 18_446_744_073_709_551_616.0, 1e300] {
            let out = check(0, "seedanceapi-v1", body, Some(big), true).unwrap();
            assert_eq!(out, "28", "{big}");
        }
    }

    #[test]
    fn a_balance_and_a_book() {
        let book = load_price_book(&seedance_rules::PriceBook::builtin().to_json()).unwrap();
        assert!(price_book_json(book)
            .unwrap()
            .contains(r#""name":"built-in""#));
        let body = r#"{"prompt": "x", "duration": 10}"#;
        let text = check(book, "seedanceapi-v2", body, Some(400.0), false).unwrap();
        assert!(text.contains("INSUFFICIENT_CREDITS"), "{text}");
        // Freed, the handle names nothing until a new book takes its place.
        free_price_book(book);
        let e = check(book, "seedanceapi-v2", body, None, false).unwrap_err();
        assert!(e.starts_with("INVALID_ARGUMENT "), "{e}");
        assert!(price_book_json(book).is_err());
        assert_eq!(
            load_price_book(&seedance_rules::PriceBook::builtin().to_json()).unwrap(),
            book
        );
        assert!(check(7, "seedanceapi-v2", body, None, false).is_err());
    }

    #[test]
    fn price_table_is_the_books_entry_in_its_order() {
        let table = price_table("seedanceapi-v1").unwrap();
        let book = Json::parse(&seedance_rules::PriceBook::builtin().to_json()).unwrap();
        let parsed = Json::parse(&table).unwrap();
        assert_eq!(parsed, book["endpoints"]["seedanceapi-v1"]);
        assert_eq!(parsed["rows"].as_array().map(<[Json]>::len), Some(12));
        assert!(table.starts_with('{') && table.find("usd_per_credit") < table.find("rows"));
    }

    #[test]
    fn endpoints_in_order() {
        let list = Json::parse(&endpoints().unwrap()).unwrap();
        let ids: Vec<_> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].clone())
            .collect();
        let want: Vec<_> = Endpoint::ALL.iter().map(|e| Json::from(e.id())).collect();
        assert_eq!(ids, want);
    }

    #[test]
    fn a_clip_is_checked_for_its_types() {
        for d in [-1.0, 2.5, f64::NAN, f64::INFINITY] {
            assert!(
                compare(0, d, "720p", None, false, None, None).is_err(),
                "{d}"
            );
        }
        // A whole number past u32::MAX is the longest clip: none can make it.
        let rows = compare(0, 5e9, "720p", None, false, None, None).unwrap();
        assert!(!rows.contains("\"ok\":true"), "{rows}");
        assert!(rows.contains("\"ok\":false"), "{rows}");
        let e = compare(0, 8.0, "720p", Some("audio".into()), false, None, None).unwrap_err();
        assert!(e.starts_with("INVALID_ARGUMENT "), "{e}");
        assert!(compare(0, 8.0, "720p", Some("image".into()), true, None, None).is_ok());
    }
}
