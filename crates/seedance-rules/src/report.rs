//! The answer to a check: violations, warnings, the normalized request and the quote.

use std::borrow::Cow;
use std::fmt;

use crate::endpoint::Endpoint;
use crate::json::key;
use crate::json::{to_text, Json, Writer};
use crate::price::{write_row, Quote, Usd};
use crate::spec::{Code, EndpointSpec, Source};
use crate::value::{Normalized, Slots};

/// One reason the provider would refuse the request. With the `serde`
/// feature it serializes as the report's JSON writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Violation {
    /// The provider's code (`INVALID_DURATION`, `invalid_request`), or the
    /// library's own where the provider documents none.
    pub code: Cow<'static, str>,
    /// The HTTP status the provider would answer with.
    pub status: u16,
    /// The body's field (`duration`, `images[4]`), or `""` for the body itself.
    pub field: Cow<'static, str>,
    /// The stable rule id, `<endpoint>.<field>.<check>`.
    pub rule: Cow<'static, str>,
    /// Whether the provider documents `code`.
    pub documented: bool,
    /// What is wrong and what to do, for a person.
    pub message: String,
}

/// Something worth knowing that does not make the request invalid. With the
/// `serde` feature it serializes as the report's JSON writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Warning {
    /// `UNKNOWN_FIELD`, `COERCED_TYPE`, `NORMALIZED_VALUE`, `UNUSED_FIELD` or `DUPLICATE_FIELD`.
    pub code: &'static str,
    /// The body's field.
    pub field: Cow<'static, str>,
    /// What happened, for a person.
    pub message: String,
}

/// For a person, as `seedance check` lists it:
/// ``INVALID_DURATION (HTTP 400) at `duration`: `duration` must be …``.
impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (HTTP {}", self.code, self.status)?;
        if !self.documented {
            f.write_str(", the library's own code")?;
        }
        f.write_str(")")?;
        if !self.field.is_empty() {
            write!(f, " at `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// For a person, as `seedance check` lists it:
/// ``UNKNOWN_FIELD at `foo`: `foo` is not a field of …``.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at `{}`: {}", self.code, self.field, self.message)
    }
}

/// Warning codes, the library's own.
pub mod warning {
    /// A field the endpoint does not know; the provider ignores it.
    pub const UNKNOWN_FIELD: &str = "UNKNOWN_FIELD";
    /// A duration of the other JSON type, accepted and rewritten.
    pub const COERCED_TYPE: &str = "COERCED_TYPE";
    /// A value the provider rewrites (Mini `1080p` is `720p`).
    pub const NORMALIZED_VALUE: &str = "NORMALIZED_VALUE";
    /// An input the selected mode or type does not use.
    pub const UNUSED_FIELD: &str = "UNUSED_FIELD";
    /// A key given twice; the last one counts.
    pub const DUPLICATE_FIELD: &str = "DUPLICATE_FIELD";

    /// Each code with the decision it comes from (what each means is said
    /// above), read by [`source`].
    const DECISIONS: [(&str, &str); 5] = [
        (
            UNKNOWN_FIELD,
            "not an error, as the provider ignores it, but a warning: a misspelt field leaves its default to be billed",
        ),
        (DUPLICATE_FIELD, "the last one counts, as in JavaScript"),
        (COERCED_TYPE, "accepted, and sent as the documented type"),
        (NORMALIZED_VALUE, "sent and billed as rewritten"),
        (UNUSED_FIELD, "left out of the normalized request"),
    ];

    /// The decision a warning code comes from, as `describe` gives it (the
    /// rule behind a rewrite or an unused input, and a duration field, carry
    /// their own sources too); `None` for a code that is not one of these.
    ///
    /// ```
    /// use seedance_rules::warning;
    /// let source = warning::source(warning::DUPLICATE_FIELD).unwrap();
    /// assert_eq!(source.decision, "the last one counts, as in JavaScript");
    /// ```
    pub fn source(code: &str) -> Option<crate::Source> {
        DECISIONS
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, decision)| crate::Source::decision(decision))
    }
}

/// The violations and warnings gathered while a request is read and checked,
/// and which fields already failed (so that no field is blamed twice).
#[derive(Debug, Default)]
pub(crate) struct Diag {
    pub violations: Vec<Violation>,
    pub warnings: Vec<Warning>,
    pub failed: u32,
}

impl Diag {
    /// Lets go of diagnostics that gathered nothing without running the
    /// lists' drops: they own no memory (never grown, capacity 0).
    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    pub fn discard(self) {
        if self.violations.capacity() == 0 && self.warnings.capacity() == 0 {
            std::mem::forget(self);
        }
    }

    pub fn failed(&self, field: usize) -> bool {
        self.failed & (1 << field) != 0
    }

    pub fn violate(
        &mut self,
        field: Option<usize>,
        path: Cow<'static, str>,
        rule: Cow<'static, str>,
        code: &'static Code,
        message: String,
    ) {
        if let Some(f) = field {
            self.failed |= 1 << f;
        }
        let code_text = if code.id.is_empty() {
            rule.clone()
        } else {
            Cow::Borrowed(code.id)
        };
        self.violations.push(Violation {
            code: code_text,
            status: code.status,
            field: path,
            rule,
            documented: code.documented,
            message,
        });
    }

    pub fn warn(&mut self, code: &'static str, field: Cow<'static, str>, message: String) {
        self.warnings.push(Warning {
            code,
            field,
            message,
        });
    }
}

/// The answer to a check.
///
/// As JSON ([`Report::to_json`], [`Report::to_json_value`]) it is the report
/// every surface shares: see `docs/contract.md`. A report is not
/// `serde::Serialize`; to carry one in your own serde types, embed its
/// [`Json`] (which is, with the `serde` feature).
#[derive(Clone)]
#[must_use = "a report says whether the request may be sent; read it"]
pub struct Report<'a> {
    pub(crate) endpoint: Endpoint,
    pub(crate) spec: &'static EndpointSpec,
    pub(crate) slots: Slots<'a>,
    pub(crate) body_ok: bool,
    pub(crate) violations: Vec<Violation>,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) quote: Option<Quote<'a>>,
}

/// The verdict for a person, on one line: `valid: 246 credits ($2.46)`,
/// `valid, not priced`, or `invalid: ` and every violation as
/// [`Violation`]'s `Display` writes it, separated by `; `. A warning is
/// counted (`, 1 warning`), not written.
fn write_verdict(
    f: &mut fmt::Formatter<'_>,
    credits: Option<u64>,
    usd: Option<Usd>,
    violations: &[Violation],
    warnings: usize,
) -> fmt::Result {
    if violations.is_empty() {
        match (credits, usd) {
            (Some(n), Some(usd)) => write!(f, "valid: {n} credits (${usd})")?,
            (Some(n), None) => write!(f, "valid: {n} credits")?,
            (None, _) => f.write_str("valid, not priced")?,
        }
    } else {
        f.write_str("invalid: ")?;
        for (i, v) in violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
    }
    match warnings {
        0 => Ok(()),
        1 => f.write_str(", 1 warning"),
        n => write!(f, ", {n} warnings"),
    }
}

/// The verdict on one line (`invalid: INVALID_DURATION (HTTP 400) at
/// `duration`: …`), so that a report can be an error: `quote_request`'s
/// `Err` works with `?` in a function returning `Box<dyn Error + '_>`, and
/// its [`Report::into_owned`] in one returning `anyhow::Result`.
impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_verdict(
            f,
            self.credits(),
            self.usd(),
            &self.violations,
            self.warnings.len(),
        )
    }
}

impl std::error::Error for Report<'_> {}

/// As [`Report`]'s `Display`.
impl fmt::Display for OwnedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_verdict(
            f,
            self.credits,
            self.usd,
            &self.violations,
            self.warnings.len(),
        )
    }
}

impl std::error::Error for OwnedReport {}

/// The findings and the quote, with the endpoint by name: not its tables,
/// which `describe` shows.
impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("endpoint", &self.endpoint)
            .field("ok", &self.is_ok())
            .field("violations", &self.violations)
            .field("warnings", &self.warnings)
            .field("quote", &self.quote)
            .finish_non_exhaustive()
    }
}

impl<'a> Report<'a> {
    /// A report on `slots` with nothing found yet.
    #[inline]
    pub(crate) fn new(endpoint: Endpoint, slots: Slots<'a>) -> Report<'a> {
        Report {
            endpoint,
            spec: endpoint.spec(),
            slots,
            body_ok: false,
            violations: Vec::new(),
            warnings: Vec::new(),
            quote: None,
        }
    }

    /// Whether the provider would accept the request (no violation).
    pub fn is_ok(&self) -> bool {
        self.violations.is_empty()
    }

    /// The endpoint checked.
    pub fn endpoint(&self) -> Endpoint {
        self.endpoint
    }

    /// The credits the request costs, or `None` when the body has a violation
    /// or no price is published. A balance shortfall alone keeps them: the
    /// request is valid, and costs that much.
    pub fn credits(&self) -> Option<u64> {
        self.quote.as_ref()?.credits()
    }

    /// The exact price in US dollars, where the provider states a rate.
    pub fn usd(&self) -> Option<Usd> {
        self.quote.as_ref()?.usd()
    }

    /// The HTTP status the provider would answer with: `None` for a valid
    /// request, else the first violation's. (A request over the balance is
    /// otherwise valid: an invalid one has no price to compare.)
    ///
    /// ```
    /// use seedance_rules::Checker;
    /// let body = r#"{"prompt": "Sunrise over misty mountains", "duration": 10}"#;
    /// assert_eq!(Checker::new().check("seedanceapi-v2", body)?.status(), None);
    /// assert_eq!(Checker::new().balance(100).check("seedanceapi-v2", body)?.status(), Some(402));
    /// # Ok::<(), seedance_rules::Error>(())
    /// ```
    pub fn status(&self) -> Option<u16> {
        self.violations.first().map(|v| v.status)
    }

    /// Every violation: the values of the wrong JSON type first, in the
    /// order of the fields, then the rules' findings in table order, then
    /// the balance.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Every warning.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The request as it will be sent and billed, or `None` when the body
    /// has a violation. A quote over the balance is a violation of the
    /// account, not of the body: its report has both this and
    /// [`quote`](Self::quote).
    pub fn normalized(&self) -> Option<Normalized<'_, 'a>> {
        self.body_ok.then_some(Normalized {
            spec: self.spec,
            slots: &self.slots,
        })
    }

    /// How the request was priced, or `None` when the body has a violation
    /// (not when the only violation is a quote over the balance: it is
    /// priced, so that the report can say by how much).
    pub fn quote(&self) -> Option<&Quote<'a>> {
        self.quote.as_ref()
    }

    /// The report as JSON text on one line (the shared contract).
    pub fn to_json(&self) -> String {
        to_text(false, |w| self.write_json(w))
    }

    /// The report as JSON text without the price's provenance, for a caller
    /// that keeps the price table at hand (the npm package does, so that
    /// less text crosses into JavaScript on every check). It is
    /// [`Report::to_json`] except in `price`: `row` is the row's index in the
    /// table's `rows` (as [`PriceBook::table_json`](crate::PriceBook::table_json)
    /// writes them), and `usd_source` and `note` are left out; they are the
    /// table's own (`usd_source` is `{}` where the table has none).
    pub fn to_json_without_provenance(&self) -> String {
        to_text(false, |w| self.write_json_as(w, false))
    }

    /// The report as a JSON tree, keys in the order of [`Report::to_json`].
    pub fn to_json_value(&self) -> Json {
        crate::json::reparse(&self.to_json())
    }

    /// A copy that borrows nothing from the request or the price book, for
    /// keeping beyond them: the report as JSON, and its endpoint, verdict,
    /// price and findings as values.
    pub fn into_owned(self) -> OwnedReport {
        OwnedReport {
            json: self.to_json_value(),
            endpoint: self.endpoint,
            credits: self.credits(),
            usd: self.usd(),
            violations: self.violations,
            warnings: self.warnings,
        }
    }

    fn write_json(&self, w: &mut Writer<'_>) {
        self.write_json_as(w, true);
    }

    fn write_json_as(&self, w: &mut Writer<'_>, provenance: bool) {
        w.begin_object();
        w.member(key!("ok"));
        w.bool(self.is_ok());
        w.member(key!("endpoint"));
        w.str(self.spec.id);
        w.member(key!("credits"));
        w.opt_u64(self.credits());
        w.member(key!("usd"));
        write_usd(w, self.usd());
        w.member(key!("normalized"));
        match self.normalized() {
            Some(n) => n.write_json(w),
            None => w.null(),
        }
        w.member(key!("violations"));
        write_violations(w, &self.violations);
        w.member(key!("warnings"));
        write_warnings(w, &self.warnings);
        w.member(key!("price"));
        match &self.quote {
            Some(q) => q.write_json(w, provenance),
            None => w.null(),
        }
        w.end_object();
    }
}

fn write_usd(w: &mut Writer<'_>, usd: Option<Usd>) {
    match usd {
        Some(u) => u.write_json(w),
        None => w.null(),
    }
}

/// Writes violations as `[{"code", "status", "field", "rule", "documented", "message"}]`.
pub(crate) fn write_violations(w: &mut Writer<'_>, violations: &[Violation]) {
    w.begin_array();
    for v in violations {
        w.element();
        w.begin_object();
        w.member(key!("code"));
        w.str(&v.code);
        w.member(key!("status"));
        w.u64(u64::from(v.status));
        w.member(key!("field"));
        w.str(&v.field);
        w.member(key!("rule"));
        w.str(&v.rule);
        w.member(key!("documented"));
        w.bool(v.documented);
        w.member(key!("message"));
        w.str(&v.message);
        w.end_object();
    }
    w.end_array();
}

/// Writes warnings as `[{"code", "field", "message"}]`.
pub(crate) fn write_warnings(w: &mut Writer<'_>, warnings: &[Warning]) {
    w.begin_array();
    for v in warnings {
        w.element();
        w.begin_object();
        w.member(key!("code"));
        w.str(v.code);
        w.member(key!("field"));
        w.str(&v.field);
        w.member(key!("message"));
        w.str(&v.message);
        w.end_object();
    }
    w.end_array();
}

/// A report detached from the request and price book it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a report says whether the request may be sent; read it"]
pub struct OwnedReport {
    json: Json,
    endpoint: Endpoint,
    credits: Option<u64>,
    usd: Option<Usd>,
    violations: Vec<Violation>,
    warnings: Vec<Warning>,
}

impl OwnedReport {
    /// The endpoint checked.
    pub fn endpoint(&self) -> Endpoint {
        self.endpoint
    }

    /// Whether the provider would accept the request.
    pub fn is_ok(&self) -> bool {
        self.violations.is_empty()
    }

    /// The credits, if priced ([`Report::credits`]).
    pub fn credits(&self) -> Option<u64> {
        self.credits
    }

    /// The exact price in US dollars, where the price table states a rate.
    pub fn usd(&self) -> Option<Usd> {
        self.usd
    }

    /// Every violation ([`Report::violations`]).
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The HTTP status the provider would answer with ([`Report::status`]).
    pub fn status(&self) -> Option<u16> {
        self.violations.first().map(|v| v.status)
    }

    /// Every warning ([`Report::warnings`]).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The request as it will be sent and billed, as JSON, or `None` when
    /// the body has a violation ([`Report::normalized`]).
    pub fn normalized(&self) -> Option<&Json> {
        self.member("normalized")
    }

    /// How the request was priced, as JSON (`published`, `credits`, `usd`,
    /// `book`, `formula`, `row` ...), or `None` when the body has a
    /// violation ([`Report::quote`]).
    pub fn price(&self) -> Option<&Json> {
        self.member("price")
    }

    /// The report in the shared JSON shape ([`Report::to_json_value`]).
    pub fn as_json(&self) -> &Json {
        &self.json
    }

    /// The report as JSON text on one line, as [`Report::to_json`] wrote it.
    pub fn to_json(&self) -> String {
        to_text(false, |w| w.value(&self.json))
    }

    /// A member of the report's JSON other than `null`.
    fn member(&self, key: &str) -> Option<&Json> {
        self.json.get(key).filter(|v| !v.is_null())
    }
}

impl Quote<'_> {
    /// Writes the quote: `published`, `credits`, `usd`, `book`, then what
    /// applies of `formula`, `row`, `markup`, `usd_per_credit`,
    /// `usd_source` and `note`.
    ///
    /// Without `provenance`, the row is its index in the table, and
    /// `usd_source` and `note` are left out.
    pub(crate) fn write_json(&self, w: &mut Writer<'_>, provenance: bool) {
        w.begin_object();
        w.member(key!("published"));
        w.bool(self.row.is_some());
        w.member(key!("credits"));
        w.opt_u64(self.credits);
        w.member(key!("usd"));
        write_usd(w, self.usd());
        w.member(key!("book"));
        w.str(self.book);
        if let Some(row) = self.row {
            w.member(key!("formula"));
            // Digits, field names and ` × ()=→`: nothing to escape.
            let out = w.text();
            out.push('"');
            self.push_formula(out);
            out.push('"');
            w.member(key!("row"));
            if provenance {
                write_row(w, self.endpoint, row);
            } else {
                let index = self.prices.rows.iter().position(|r| std::ptr::eq(r, row));
                w.opt_u64(index.map(|i| i as u64));
            }
        }
        if self.prices.markup != crate::Ratio::ONE {
            w.member(key!("markup"));
            w.ratio(self.prices.markup);
        }
        if let Some(u) = self.prices.usd_per_credit {
            w.member(key!("usd_per_credit"));
            Usd(u).write_json(w);
            if provenance {
                w.member(key!("usd_source"));
                self.prices.usd_source.write_json(w);
            }
        }
        if provenance && self.prices.note != Source::default() {
            w.member(key!("note"));
            self.prices.note.write_json(w);
        }
        w.end_object();
    }
}
