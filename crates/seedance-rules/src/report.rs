//! The answer to a check: violations, warnings, the normalized request and the quote.

use std::borrow::Cow;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::endpoint::Endpoint;
use crate::price::{Quote, RowOut, Usd};
use crate::spec::{Code, EndpointSpec, Source};
use crate::value::{Normalized, Slots};

/// One reason the provider would refuse the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Something worth knowing that does not make the request invalid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// `UNKNOWN_FIELD`, `COERCED_TYPE`, `NORMALIZED_VALUE`, `UNUSED_FIELD` or `DUPLICATE_FIELD`.
    pub code: &'static str,
    /// The body's field.
    pub field: Cow<'static, str>,
    /// What happened, for a person.
    pub message: String,
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
/// Serialized (with serde), it is the report every surface shares: see
/// `docs/contract.md`.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub(crate) endpoint: Endpoint,
    pub(crate) spec: &'static EndpointSpec,
    pub(crate) slots: Slots<'a>,
    pub(crate) body_ok: bool,
    pub(crate) violations: Vec<Violation>,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) quote: Option<Quote<'a>>,
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

    /// The credits the request costs, or `None` when it is invalid or no price is published.
    pub fn credits(&self) -> Option<u64> {
        self.quote.as_ref()?.credits()
    }

    /// The exact price in US dollars, where the provider states a rate.
    pub fn usd(&self) -> Option<Usd> {
        self.quote.as_ref()?.usd()
    }

    /// Every violation, in table order.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Every warning.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The request as it will be sent and billed, or `None` when the body has a violation.
    pub fn normalized(&self) -> Option<Normalized<'_, 'a>> {
        self.body_ok.then_some(Normalized {
            spec: self.spec,
            slots: &self.slots,
        })
    }

    /// How the request was priced, or `None` when the body has a violation.
    pub fn quote(&self) -> Option<&Quote<'a>> {
        self.quote.as_ref()
    }

    /// The report as JSON text (the shared contract).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A copy that borrows nothing from the request, for keeping beyond it.
    /// Its quote is dropped when it came from a loaded price book; the
    /// credits stay readable through [`OwnedReport`].
    pub fn into_owned(self) -> OwnedReport {
        OwnedReport {
            json: serde_json::to_value(&self).unwrap_or(serde_json::Value::Null),
            ok: self.is_ok(),
            credits: self.credits(),
        }
    }
}

/// A report detached from the request and price book it was made from.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnedReport {
    json: serde_json::Value,
    ok: bool,
    credits: Option<u64>,
}

impl OwnedReport {
    /// Whether the provider would accept the request.
    pub fn is_ok(&self) -> bool {
        self.ok
    }

    /// The credits, if priced.
    pub fn credits(&self) -> Option<u64> {
        self.credits
    }

    /// The report in the shared JSON shape.
    pub fn as_json(&self) -> &serde_json::Value {
        &self.json
    }
}

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("ok", &self.is_ok())?;
        m.serialize_entry("endpoint", self.spec.id)?;
        m.serialize_entry("credits", &self.credits())?;
        m.serialize_entry("usd", &self.usd())?;
        m.serialize_entry("normalized", &self.normalized())?;
        m.serialize_entry("violations", &self.violations)?;
        m.serialize_entry("warnings", &self.warnings)?;
        m.serialize_entry("price", &self.quote)?;
        m.end()
    }
}

impl Serialize for Quote<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("published", &self.row.is_some())?;
        m.serialize_entry("credits", &self.credits)?;
        m.serialize_entry("usd", &self.usd())?;
        m.serialize_entry("book", self.book)?;
        if let Some(row) = self.row {
            m.serialize_entry("formula", &self.formula())?;
            m.serialize_entry("row", &RowOut(self.endpoint, row))?;
        }
        if self.prices.markup != crate::Ratio::ONE {
            m.serialize_entry("markup", &self.prices.markup.to_string())?;
        }
        if let Some(u) = self.prices.usd_per_credit {
            m.serialize_entry("usd_per_credit", &Usd(u))?;
            m.serialize_entry("usd_source", &self.prices.usd_source)?;
        }
        if self.prices.note != Source::default() {
            m.serialize_entry("note", &self.prices.note)?;
        }
        m.end()
    }
}
