//! Pre-flight validation and exact credit quotes for Seedance video and image
//! generation APIs, before any network call.
//!
//! ```
//! let report = seedance_rules::check(
//!     "seedanceapi-v2",
//!     r#"{"prompt": "A slow dolly shot through a neon-lit street", "model": "seedance-2-mini",
//!         "duration": 8, "resolution": "1080p"}"#,
//! )?;
//! assert!(report.is_ok());
//! assert_eq!(report.credits(), Some(246)); // billed as 720p: ceil(20.5 × 3/2 × 8)
//! assert_eq!(report.usd().unwrap().to_string(), "2.46");
//! assert_eq!(report.warnings()[0].code, "NORMALIZED_VALUE");
//! # Ok::<(), seedance_rules::Error>(())
//! ```
//!
//! An invalid request is not an error but a [`Report`] listing every violation,
//! each with the provider's own code, HTTP status, field and a message:
//!
//! ```
//! let report = seedance_rules::check("seedanceapi-v2",
//!     r#"{"prompt": "", "model": "seedance-2.0", "duration": 7}"#)?;
//! assert!(!report.is_ok());
//! let codes: Vec<_> = report.violations().iter().map(|v| v.code.as_ref()).collect();
//! assert_eq!(codes, ["INVALID_PROMPT", "INVALID_DURATION"]);
//! assert_eq!(report.credits(), None);
//! # Ok::<(), seedance_rules::Error>(())
//! ```
//!
//! `Err` is kept for misuse: an unknown endpoint id, text that is not JSON, a
//! price book that does not fit its schema ([`Error`]).
//!
//! A service that builds its requests in Rust checks them as typed requests
//! ([`SeedanceApiV2Request`] and the others): [`check_request`] answers with
//! the whole report, and [`quote_request`], the hot path of a pre-flight
//! check, with the quote alone when the request is clean (the report
//! otherwise: a valid request with a warning, such as Mini's 1080p sent as
//! 720p, is answered with its report, which is ok and has the quote).
//! Neither allocates when the request is valid and draws no warning.
//!
//! # Where the rules come from
//!
//! Each endpoint is a table in the crate's `tables/` folder, one line a field
//! and one line a rule, beside the provider's own parameter table. Every
//! field, rule, error code and price row carries a [`Source`]: the provider
//! document (a file of `docs/sources/`) and the words in it, or the decision
//! the library takes where the documents are silent. [`describe`] exposes all
//! of it; [`PriceBook::builtin`] exports the prices as JSON.
//!
//! # Arithmetic
//!
//! Prices are integers or exact rationals ([`Ratio`]); nothing is floating
//! point. Mini's per-second prices are its upstream rates times 3/2, rounded
//! up to a whole credit once, at the end.
//!
//! # JSON
//!
//! The crate reads and writes JSON itself, as strictly as serde_json reads it
//! and byte for byte as serde_json writes it: [`Report::to_json`] is the report
//! every surface shares, [`Json`] a tree that keeps numbers as their text. The
//! default `serde` feature adds serde's `Serialize` and `Deserialize` to the
//! typed requests ([`Request`]) and `Serialize` to [`Json`]; the reports are not
//! `Serialize` (embed their [`Json`]).
//!
//! The default `schema` feature writes an endpoint's request body as a JSON
//! Schema, draft 2020-12 (`describe(endpoint).json_schema()`, from the same
//! tables; `seedance schema ENDPOINT`).
//!
//! # URLs
//!
//! URLs are parsed by the WHATWG URL standard, as browsers do, with a parser of
//! the library's own that a test holds to the `url` crate, with two
//! departures: a host name must be ASCII (an internationalized one in its
//! Punycode form, `xn--…`; mapping Unicode names needs tables that would
//! triple the npm package), and all of `0.0.0.0/8` counts as unspecified.
//! Whether a host is public is judged from the URL alone: the library never
//! resolves names, so a name whose DNS records point at a private address
//! passes.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod body;
mod compare;
mod describe;
mod endpoint;
mod engine;
mod error;
mod json;
mod message;
// The compiled tables are the native engine's (`engine::evaluate`); the
// WebAssembly build reads the tables as they stand (`engine::interpret`).
#[cfg(not(target_family = "wasm"))]
mod plan;
mod price;
mod ratio;
mod report;
mod requests;
#[cfg(feature = "schema")]
mod schema;
mod spec;
mod suggest;
mod tables;
mod url_rules;
mod value;

pub use crate::compare::{compare, Clip, Comparison, Input, UnknownInput};
pub use crate::describe::{describe, field_options, Description, FieldOptions};
pub use crate::endpoint::Endpoint;
pub use crate::error::Error;
pub use crate::json::{Json, Number};
pub use crate::price::{
    Amount, EndpointPrices, Match, MatchValue, PriceBook, PriceRow, Quote, Usd, PRICE_BOOK_SCHEMA,
};
pub use crate::ratio::{ParseRatioError, Ratio};
pub use crate::report::{warning, OwnedReport, Report, Violation, Warning};
pub use crate::requests::{
    ApiinoneVideosRequest, OwnedRequest, Request, Seedance2aiGptImage2Request,
    Seedance2aiNanoBananaProRequest, Seedance2aiVideoRequest, SeedanceApiV1Request,
    SeedanceApiV2Request,
};
pub use crate::spec::{
    Check, Code, Cond, DefaultValue, EndpointSpec, Field, Kind, Rule, Source, UrlPolicy,
};
pub use crate::value::{List, Normalized, Value};

use crate::report::Diag;

/// Checks a JSON body against an endpoint's rules and prices it with the
/// built-in tables.
///
/// `Err` only when `endpoint` is unknown or `body` is not JSON text; an
/// invalid request is an `Ok` report with violations.
///
/// ```
/// let report = seedance_rules::check("seedanceapi-v1",
///     r#"{"prompt": "a cat", "duration": "12", "generate_audio": true}"#)?;
/// assert!(report.is_ok());
/// assert_eq!(report.credits(), Some(84)); // 720p 12 s with audio, the v1 grid
///
/// let e = seedance_rules::check("seedanceapi-v1", "{").unwrap_err();
/// assert_eq!(e.code(), "INVALID_JSON");
/// # Ok::<(), seedance_rules::Error>(())
/// ```
#[inline]
pub fn check<'a>(endpoint: &str, body: &'a str) -> Result<Report<'a>, Error> {
    Checker::new().check(endpoint, body)
}

/// [`check`], priced with a price book; endpoints the book does not list are
/// priced by the built-in tables.
///
/// ```
/// use seedance_rules::{check_with, PriceBook};
/// let book = PriceBook::from_json(r#"{"schema": "seedance-rules/price-book/v1",
///     "name": "my list", "endpoints": {"seedance2ai-video": {"usd_per_credit": "0.01",
///     "rows": [{"when": {}, "credits_per_second": "6"}]}}}"#)?;
/// let report = check_with(&book, "seedance2ai-video", r#"{"prompt": "a kite", "duration": "6"}"#)?;
/// assert_eq!(report.credits(), Some(36));
/// assert_eq!(report.usd().unwrap().to_string(), "0.36");
/// # Ok::<(), seedance_rules::Error>(())
/// ```
pub fn check_with<'a>(
    book: &'a PriceBook,
    endpoint: &str,
    body: &'a str,
) -> Result<Report<'a>, Error> {
    Checker::new().price_book(book).check(endpoint, body)
}

/// Checks a typed request with the built-in tables. Makes no heap allocation
/// when the request is valid and draws no warning, URLs included;
/// `tests/alloc.rs` counts.
///
/// ```
/// use seedance_rules::{check_request, SeedanceApiV1Request};
/// let req = SeedanceApiV1Request {
///     resolution: Some("480p".into()),
///     duration: Some("8".into()),
///     ..SeedanceApiV1Request::new("a cat")
/// };
/// let report = check_request(&req);
/// assert_eq!(report.credits(), Some(14)); // 480p 8 s, the v1 grid
/// let body = report.normalized().unwrap().to_json_text(); // what to send
/// assert!(body.starts_with(r#"{"prompt":"a cat""#));
/// ```
pub fn check_request<R: Request>(request: &R) -> Report<'_> {
    Checker::new().check_request(request)
}

/// The hot path of a pre-flight check: the quote of a typed request that is
/// valid and draws no warning, or else its whole report. See
/// [`Checker::quote_request`].
///
/// ```
/// use seedance_rules::{quote_request, SeedanceApiV2Request};
/// let request = SeedanceApiV2Request {
///     duration: Some(10),
///     ..SeedanceApiV2Request::new("Sunrise over misty mountains")
/// };
/// assert_eq!(quote_request(&request).ok().and_then(|q| q.credits()), Some(480));
///
/// let too_long = SeedanceApiV2Request { duration: Some(16), ..request };
/// let report = quote_request(&too_long).unwrap_err();
/// assert_eq!(report.violations()[0].code, "INVALID_DURATION");
/// ```
pub fn quote_request<R: Request>(request: &R) -> Result<Quote<'static>, Box<Report<'_>>> {
    Checker::new().quote_request(request)
}

/// A check with options: a price book, an account balance.
///
/// ```
/// use seedance_rules::Checker;
/// let report = Checker::new().balance(400).check("seedanceapi-v2",
///     r#"{"prompt": "Sunrise over misty mountains", "duration": 10}"#)?;
/// assert_eq!(report.credits(), Some(480));
/// assert_eq!(report.violations()[0].code, "INSUFFICIENT_CREDITS");
/// assert_eq!(report.violations()[0].status, 402);
/// # Ok::<(), seedance_rules::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Checker<'b> {
    book: Option<&'b PriceBook>,
    balance: Option<u64>,
}

impl<'b> Checker<'b> {
    /// The built-in tables, no balance.
    #[must_use]
    pub const fn new() -> Checker<'b> {
        Checker {
            book: None,
            balance: None,
        }
    }

    /// Prices with `book` (falling back to the built-in tables for endpoints it does not list).
    #[must_use = "price_book returns the new Checker; the one it is called on is unchanged"]
    pub const fn price_book(mut self, book: &'b PriceBook) -> Checker<'b> {
        self.book = Some(book);
        self
    }

    /// The account balance in credits: a quote above it is the provider's
    /// "insufficient credits" violation (HTTP 402).
    #[must_use = "balance returns the new Checker; the one it is called on is unchanged"]
    pub const fn balance(mut self, credits: u64) -> Checker<'b> {
        self.balance = Some(credits);
        self
    }

    /// Checks a JSON body; see [`check`].
    #[inline]
    pub fn check<'a>(&self, endpoint: &str, body: &'a str) -> Result<Report<'a>, Error>
    where
        'b: 'a,
    {
        let endpoint =
            Endpoint::from_id(endpoint).ok_or_else(|| Error::unknown_endpoint(endpoint))?;
        self.check_endpoint(endpoint, body)
    }

    /// Checks a JSON body for an endpoint.
    #[inline]
    pub fn check_endpoint<'a>(&self, endpoint: Endpoint, body: &'a str) -> Result<Report<'a>, Error>
    where
        'b: 'a,
    {
        let spec = endpoint.spec();
        let mut diag = Diag::default();
        // The body is read where the report keeps it.
        let mut report = Report::new(endpoint, value::Slots::new());
        let readable = body::read_body(spec, body, &mut diag, &mut report.slots)?;
        self.finish(&mut report, diag, readable);
        Ok(report)
    }

    /// Checks a typed request.
    pub fn check_request<'a, R: Request>(&self, request: &'a R) -> Report<'a>
    where
        'b: 'a,
    {
        // The slots are filled where the report keeps them.
        let mut report = Report::new(R::ENDPOINT, value::Slots::new());
        requests::private::Sealed::fill(request, &mut report.slots);
        self.finish(&mut report, Diag::default(), true);
        report
    }

    /// The hot path of a pre-flight check: `Ok` with the quote when the
    /// request is valid and draws no warning, `Err` with the whole report
    /// (its violations, its warnings, and its quote if it is valid)
    /// otherwise, boxed: it has findings, so it allocates anyway, and the
    /// usual answer stays small. `Ok(q)` exactly when [`Checker::check_request`]'s report
    /// has no violation and no warning, and `q` is that report's quote.
    ///
    /// Natively, the compiled engine reads the request where it stands,
    /// with no slots and no report (the defaults it gives are kept as
    /// bits). Only when that check finds something, or a rule would
    /// rewrite a value (which it does not keep), is the request checked
    /// again into the report, which answers. Makes no heap allocation when
    /// the answer is `Ok` (`tests/alloc.rs` counts).
    ///
    /// The quote borrows the price book, not the request: with the built-in
    /// prices it is a `Quote<'static>`, which outlives the request.
    ///
    /// A valid request the tables do not price (seedance2ai.io, whose prices
    /// are not published, without a price book) is `Ok` with a quote whose
    /// [`credits`](Quote::credits) is `None`, and no balance can be checked
    /// against it: a billing pre-flight refuses that case itself, or loads a
    /// book. `Err`'s report is a [`std::error::Error`] (its `Display` is the
    /// verdict on one line), so `?` passes it on; [`Report::into_owned`]
    /// makes it `'static` for `anyhow` and the like.
    pub fn quote_request<'a, R: Request>(
        &self,
        request: &'a R,
    ) -> Result<Quote<'b>, Box<Report<'a>>>
    where
        'b: 'a,
    {
        #[cfg(not(target_family = "wasm"))]
        {
            let (name, prices) = self.prices(R::ENDPOINT);
            if let Some(quote) =
                requests::private::Sealed::quick_quote(request, name, prices, self.balance)
            {
                return Ok(quote);
            }
        }
        // The report says why not (or, after a rule's rewrite, which the
        // quick path leaves to it, gives the quote). In WebAssembly, where
        // the tables are interpreted, the report is the only path.
        let report = self.check_request(request);
        match report.quote() {
            Some(quote) if report.is_ok() && report.warnings().is_empty() => {
                let (name, prices) = self.prices(R::ENDPOINT);
                Ok(quote.on(name, prices))
            }
            _ => Err(Box::new(report)),
        }
    }

    #[inline(always)]
    fn finish<'a>(&self, report: &mut Report<'a>, diag: Diag, readable: bool)
    where
        'b: 'a,
    {
        let (name, prices) = self.prices(report.endpoint);
        engine::evaluate(report, diag, readable, name, prices, self.balance);
    }

    /// The book's name and the endpoint's price table: the loaded book's,
    /// or the built-in one where it has none.
    #[inline(always)]
    fn prices(&self, endpoint: Endpoint) -> (&'b str, &'b price::EndpointPrices) {
        match self
            .book
            .and_then(|b| Some((b.name(), b.prices(endpoint)?)))
        {
            Some(found) => found,
            None => (price::BUILTIN_NAME, endpoint.spec().prices),
        }
    }
}

/// The wire contract: the report, its codes, the rule ids and the price-book
/// schema, shared by the Rust API, the command line, the npm package and the
/// web calculator (`docs/contract.md`).
#[doc = include_str!("../contract.md")]
pub mod contract {}

/// The README's Rust example, run as a doc test so that it cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
