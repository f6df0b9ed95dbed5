//! Price tables and price books.
//!
//! A price table is a list of rows; each row says which normalized requests it
//! matches (`when`) and what they cost: a number of credits a task, or a rate a
//! second, times an optional markup and an optional integer field (images a
//! batch), rounded up to a whole credit once, at the end. The first row that
//! matches prices the request. The built-in tables (one per endpoint, in
//! `tables/`) are one price book; [`PriceBook::from_json`] loads another in the
//! same schema, which [`PriceBook::to_json`] writes.

use std::borrow::Cow;
use std::fmt;

use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::json::key;
use crate::json::{to_text, Json, Writer};
use crate::message::{message, Words};
use crate::ratio::{push_decimal, Ratio};
use crate::spec::{Check, EndpointSpec, Kind, Source};
use crate::value::{parse_u64, Fields, Value};

/// The schema name of a price book, written in its `schema` key.
pub const PRICE_BOOK_SCHEMA: &str = "seedance-rules/price-book/v1";

/// What a `when` entry compares a normalized field with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MatchValue {
    /// The field holds this string (or, for an integer field, this integer written out).
    Str(Cow<'static, str>),
    /// The field holds this integer (or, for a duration string, its digits).
    Int(i64),
    /// The field holds this boolean.
    Bool(bool),
    /// The field is present (`true`) or absent (`false`).
    Present(bool),
}

/// One condition of a row: a field (by index in the endpoint's field table) and a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index in the endpoint's field table.
    pub field: usize,
    /// What the field must hold.
    pub value: MatchValue,
}

/// What a row charges before its markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Amount {
    /// A fixed number of credits a task.
    Credits(u64),
    /// Credits a second of the endpoint's duration.
    PerSecond(Ratio),
}

/// One row of a price table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceRow {
    /// The conditions, all of which must hold.
    pub when: Cow<'static, [Match]>,
    /// The amount.
    pub amount: Amount,
    /// The row's markup (`3/2` for Mini over the upstream rates); one for none.
    pub markup: Ratio,
    /// An integer field that multiplies the row (`batchCount`).
    pub per: Option<usize>,
    /// Where the row comes from.
    pub source: Source,
}

/// An endpoint's price table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointPrices {
    /// What one credit is worth in US dollars, where the provider says.
    pub usd_per_credit: Option<Ratio>,
    /// Where that rate comes from.
    pub usd_source: Source,
    /// A markup on every row's rounded result (a reseller's); one for none.
    pub markup: Ratio,
    /// The rows, first match wins. Empty when no price is published.
    pub rows: Cow<'static, [PriceRow]>,
    /// Why there are no rows, or what a reader of the table must know.
    pub note: Source,
}

/// A set of price tables: the built-in one, or one loaded from JSON.
///
/// ```
/// use seedance_rules::{check_with, PriceBook};
/// let book = PriceBook::from_json(r#"{
///   "schema": "seedance-rules/price-book/v1", "name": "my list",
///   "endpoints": { "seedance2ai-video": { "usd_per_credit": "0.01",
///     "rows": [ { "when": { "resolution": "1080p" }, "credits_per_second": "8" },
///               { "when": {}, "credits_per_second": "5" } ] } } }"#).unwrap();
/// let report = check_with(&book, "seedance2ai-video",
///     r#"{"prompt": "a glass train on a snowy bridge", "duration": "6"}"#).unwrap();
/// assert_eq!(report.credits(), Some(30));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceBook {
    name: Cow<'static, str>,
    entries: [Option<EndpointPrices>; Endpoint::ALL.len()],
}

impl PriceBook {
    /// The book of the built-in tables, as the provider documents publish them.
    pub fn builtin() -> PriceBook {
        PriceBook {
            name: Cow::Borrowed(BUILTIN_NAME),
            entries: Endpoint::ALL.map(|e| Some(e.spec().prices.clone())),
        }
    }

    /// The book's name (`"built-in"` for the built-in tables).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The endpoint's table in this book, if the book lists it.
    pub fn prices(&self, endpoint: Endpoint) -> Option<&EndpointPrices> {
        self.entries[endpoint as usize].as_ref()
    }

    /// Reads a book in the `seedance-rules/price-book/v1` schema. Every row is
    /// checked: unknown endpoints, unknown field names, unreadable rationals
    /// and misspelt keys are errors, so a typo cannot silently change a price.
    pub fn from_json(text: &str) -> Result<PriceBook, Error> {
        let json = crate::json::parse(text)
            .map_err(|e| Error::price_book("", message!("not JSON: {}", e.describe(text))))?;
        parse_book(&json)
    }

    /// Writes the book in the `seedance-rules/price-book/v1` schema, on one line.
    pub fn to_json(&self) -> String {
        to_text(false, |w| self.write_json(w))
    }

    /// [`PriceBook::to_json`], indented for people.
    pub fn to_json_pretty(&self) -> String {
        to_text(true, |w| self.write_json(w))
    }

    /// The book in the `seedance-rules/price-book/v1` schema, as a tree.
    pub fn to_json_value(&self) -> Json {
        crate::json::reparse(&self.to_json())
    }

    /// Writes one endpoint's table of this book (the value under
    /// `endpoints.<id>` of [`PriceBook::to_json`]), or `None` when the book
    /// does not list the endpoint.
    pub fn table_json(&self, endpoint: Endpoint) -> Option<String> {
        let prices = self.prices(endpoint)?;
        Some(to_text(false, |w| write_table(w, endpoint.spec(), prices)))
    }

    /// [`PriceBook::table_json`], indented for people.
    pub fn table_json_pretty(&self, endpoint: Endpoint) -> Option<String> {
        let prices = self.prices(endpoint)?;
        Some(to_text(true, |w| write_table(w, endpoint.spec(), prices)))
    }

    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.member(key!("schema"));
        w.str(PRICE_BOOK_SCHEMA);
        w.member(key!("name"));
        w.str(&self.name);
        w.member(key!("endpoints"));
        w.begin_object();
        for e in Endpoint::ALL {
            if let Some(p) = self.prices(e) {
                w.name(e.id());
                write_table(w, e.spec(), p);
            }
        }
        w.end_object();
        w.end_object();
    }
}

pub(crate) const BUILTIN_NAME: &str = "built-in";

/// How a request was priced: the credits and how they were reached.
#[derive(Clone)]
#[must_use]
pub struct Quote<'a> {
    pub(crate) endpoint: &'static EndpointSpec,
    pub(crate) book: &'a str,
    pub(crate) prices: &'a EndpointPrices,
    pub(crate) row: Option<&'a PriceRow>,
    pub(crate) seconds: Option<u64>,
    pub(crate) per: Option<u64>,
    pub(crate) row_credits: Option<u64>,
    pub(crate) credits: Option<u64>,
}

/// The credits and how they were reached, with the endpoint by id and the
/// row that priced it: not the tables, which `describe` shows.
impl fmt::Debug for Quote<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Quote")
            .field("endpoint", &self.endpoint.id)
            .field("book", &self.book)
            .field("credits", &self.credits)
            .field("row", &self.row)
            .field("seconds", &self.seconds)
            .field("per", &self.per)
            .field("row_credits", &self.row_credits)
            .finish_non_exhaustive()
    }
}

impl<'a> Quote<'a> {
    /// This quote, made on `prices` (under the book named `book`) and held
    /// for a shorter time, as a quote that holds them as long as they live.
    pub(crate) fn on<'b>(&self, book: &'b str, prices: &'b EndpointPrices) -> Quote<'b> {
        debug_assert!(std::ptr::eq(self.prices, prices) && self.book == book);
        Quote {
            endpoint: self.endpoint,
            book,
            prices,
            row: (self.row).and_then(|row| prices.rows.iter().find(|r| std::ptr::eq(*r, row))),
            seconds: self.seconds,
            per: self.per,
            row_credits: self.row_credits,
            credits: self.credits,
        }
    }

    /// The credits, or `None` when no row prices the request (no published
    /// price). Never above 2^53 − 1: a price book whose row could quote a
    /// valid request above it is refused when it is read.
    pub fn credits(&self) -> Option<u64> {
        self.credits
    }

    /// The exact US dollar value, where the provider states the rate.
    pub fn usd(&self) -> Option<Usd> {
        let rate = self.prices.usd_per_credit?;
        Ratio::int(u128::from(self.credits?))
            .checked_mul(rate)
            .map(Usd)
    }

    /// The row that priced the request.
    pub fn row(&self) -> Option<&'a PriceRow> {
        self.row
    }

    /// The name of the book that priced the request.
    pub fn book(&self) -> &'a str {
        self.book
    }

    /// Whether the table has rows and none of them prices the request: a
    /// loaded book's gap, not a provider that publishes no price (whose
    /// table has no rows).
    pub fn no_row_matches(&self) -> bool {
        self.row.is_none() && !self.prices.rows.is_empty()
    }

    /// The price table the request was priced with (its rate to US dollars, markup and note).
    pub fn table(&self) -> &'a EndpointPrices {
        self.prices
    }

    /// How the credits were computed, for people: `ceil(19/2 × 8 s × 3/2) = 114`.
    pub fn formula(&self) -> String {
        let mut out = String::new();
        self.push_formula(&mut out);
        out
    }

    /// Appends [`Quote::formula`]: piece by piece, with no formatting
    /// machinery (it is written on every check).
    pub(crate) fn push_formula(&self, out: &mut String) {
        let Some(row) = self.row else {
            return;
        };
        let int = |out: &mut String, n: u64| push_decimal(out, u128::from(n), 0);
        // Only a fixed price with no markup and no multiplier is whole as it
        // stands: its row credits are its credits.
        let whole = matches!(row.amount, Amount::Credits(_))
            && row.markup == Ratio::ONE
            && row.per.is_none();
        let table_markup = self.prices.markup != Ratio::ONE;
        if let (Some(r), true) = (self.row_credits, table_markup) {
            out.push_str("ceil(");
            int(out, r);
            out.push_str(" × ");
            self.prices.markup.push_text(out);
            out.push_str(") where ");
            int(out, r);
            out.push_str(" = ");
        }
        if !whole {
            out.push_str("ceil(");
        }
        match row.amount {
            Amount::Credits(c) => int(out, c),
            Amount::PerSecond(r) => {
                r.push_text(out);
                out.push_str(" × ");
                int(out, self.seconds.unwrap_or(0));
                out.push_str(" s");
            }
        }
        if row.markup != Ratio::ONE {
            out.push_str(" × ");
            row.markup.push_text(out);
        }
        if let (Some(per), Some(ix)) = (self.per, row.per) {
            out.push_str(" × ");
            int(out, per);
            out.push_str(" (");
            out.push_str(self.endpoint.fields.get(ix).map_or("", |f| f.name));
            out.push(')');
        }
        if !whole {
            out.push(')');
        }
        match self.row_credits {
            Some(_) if table_markup => {
                if let Some(c) = self.credits {
                    out.push_str(" → ");
                    int(out, c);
                }
            }
            Some(_) if whole => out.push_str(" (a fixed price)"),
            Some(r) => {
                out.push_str(" = ");
                int(out, r);
            }
            None => out.push_str(" overflows"),
        }
    }
}

#[cfg(test)]
impl Quote<'_> {
    /// [`Quote::formula`] as it was written with `format!`, to hold the
    /// piece-by-piece writer to it.
    pub(crate) fn formula_by_format(&self) -> String {
        let Some(row) = self.row else {
            return String::new();
        };
        let mut f = match row.amount {
            Amount::Credits(c) => c.to_string(),
            Amount::PerSecond(r) => format!("{r} × {} s", self.seconds.unwrap_or(0)),
        };
        if row.markup != Ratio::ONE {
            f = format!("{f} × {}", row.markup);
        }
        if let (Some(per), Some(ix)) = (self.per, row.per) {
            f = format!("{f} × {per} ({})", self.endpoint.fields[ix].name);
        }
        let whole = matches!(row.amount, Amount::Credits(_))
            && row.markup == Ratio::ONE
            && row.per.is_none();
        if !whole {
            f = format!("ceil({f})");
        }
        match self.row_credits {
            Some(r) if self.prices.markup != Ratio::ONE => {
                let after = self.credits.map(|c| format!(" → {c}")).unwrap_or_default();
                format!("ceil({r} × {}) where {r} = {f}{after}", self.prices.markup)
            }
            Some(r) if f == r.to_string() => format!("{r} (a fixed price)"),
            Some(r) => format!("{f} = {r}"),
            None => format!("{f} overflows"),
        }
    }
}

/// An exact amount of US dollars, ordered by value: the figure to compare
/// across endpoints. With the `serde` feature it serializes as the report
/// writes it, a string (`"2.46"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Usd(pub Ratio);

#[cfg(feature = "serde")]
impl serde::Serialize for Usd {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = String::new();
        self.push_text(&mut text);
        s.serialize_str(&text)
    }
}

impl fmt::Display for Usd {
    /// At least two decimals, and as many more as the amount needs (`0.08`, `0.125`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.push_text(&mut text);
        f.write_str(&text)
    }
}

impl Usd {
    /// Appends the amount's text ([`Usd`'s `Display`](#impl-Display-for-Usd)).
    fn push_text(&self, out: &mut String) {
        if !self.0.push_decimal_text(out, 2) {
            // A fraction `n/d` that has no finite decimal expansion.
            let _ = fmt::Write::write_fmt(out, format_args!("{}", self.0));
        }
    }

    /// Writes the amount as a JSON string (`"2.46"`): digits, `.` and `/`
    /// need no escape, so the text goes straight into the output.
    pub(crate) fn write_json(&self, w: &mut Writer<'_>) {
        let out = w.text();
        out.push('"');
        self.push_text(out);
        out.push('"');
    }
}

/// The first row of `rows` whose conditions all hold: the row that prices
/// the request.
#[inline(never)]
pub(crate) fn find_row<'p>(rows: &'p [PriceRow], slots: &impl Fields) -> Option<&'p PriceRow> {
    rows.iter()
        .find(|r| r.when.iter().all(|m| matches(m, slots)))
}

/// Prices a normalized request by the row that matches it (`None`: no row
/// does, no published price). Allocation-free.
#[inline]
pub(crate) fn quote_row<'a>(
    spec: &'static EndpointSpec,
    book: &'a str,
    prices: &'a EndpointPrices,
    slots: &impl Fields,
    row: Option<&'a PriceRow>,
) -> Quote<'a> {
    let mut q = Quote {
        endpoint: spec,
        book,
        prices,
        row,
        seconds: None,
        per: None,
        row_credits: None,
        credits: None,
    };
    let Some(row) = row else {
        return q;
    };
    let base = match row.amount {
        // A fixed price with no markup and no multiplier is whole as it stands.
        Amount::Credits(c) if row.markup == Ratio::ONE && row.per.is_none() => {
            q.row_credits = Some(c);
            q.credits = apply_markup(c, prices.markup);
            return q;
        }
        Amount::Credits(c) => Some(Ratio::int(u128::from(c))),
        Amount::PerSecond(rate) => {
            let secs = spec.seconds_field.and_then(|i| slots.int_at(i));
            q.seconds = secs.and_then(|s| u64::try_from(s).ok());
            q.seconds.map(|_| rate)
        }
    };
    let seconds = q.seconds.unwrap_or(1);
    let mut per = 1;
    if let Some(ix) = row.per {
        q.per = slots.int_at(ix).and_then(|n| u64::try_from(n).ok());
        per = match q.per {
            Some(n) => n,
            None => return q,
        };
    }
    q.row_credits = base.and_then(|b| ceil_row(b, seconds, row.markup, per));
    q.credits = q.row_credits.and_then(|r| apply_markup(r, prices.markup));
    q
}

/// [`quote_row`] for a row of fixed credits with no markup and no multiplier.
#[cfg(not(target_family = "wasm"))]
#[inline(always)]
pub(crate) fn quote_fixed<'a>(
    spec: &'static EndpointSpec,
    book: &'a str,
    prices: &'a EndpointPrices,
    row: &'a PriceRow,
    credits: u64,
) -> Quote<'a> {
    Quote {
        endpoint: spec,
        book,
        prices,
        row: Some(row),
        seconds: None,
        per: None,
        row_credits: Some(credits),
        credits: apply_markup(credits, prices.markup),
    }
}

/// [`quote_row`] for a row of `num / den` credits a second (its markup
/// included) and no multiplier, given the request's seconds. `None` when the
/// product leaves 64 bits: [`quote_row`] then decides.
#[cfg(not(target_family = "wasm"))]
#[inline(always)]
pub(crate) fn quote_per_second<'a>(
    spec: &'static EndpointSpec,
    book: &'a str,
    prices: &'a EndpointPrices,
    row: &'a PriceRow,
    seconds: Option<i64>,
    num: u64,
    den: u64,
) -> Option<Quote<'a>> {
    let seconds = seconds.and_then(|s| u64::try_from(s).ok());
    let row_credits = match seconds {
        Some(s) => Some(div_ceil(num.checked_mul(s)?, den)),
        None => None,
    };
    Some(Quote {
        endpoint: spec,
        book,
        prices,
        row: Some(row),
        seconds,
        per: None,
        row_credits,
        credits: row_credits.and_then(|r| apply_markup(r, prices.markup)),
    })
}

/// A row's credits after the table's markup.
#[inline]
fn apply_markup(credits: u64, markup: Ratio) -> Option<u64> {
    if markup == Ratio::ONE {
        Some(credits)
    } else {
        ceil_product(&[Ratio::int(u128::from(credits)), markup])
    }
}

/// `ceil(base × seconds × markup × per)`, exactly: in 64 bits when every
/// factor and the products fit, as [`ceil_product`] otherwise.
#[cfg_attr(not(target_family = "wasm"), inline)]
#[cfg_attr(target_family = "wasm", inline(never))]
fn ceil_row(base: Ratio, seconds: u64, markup: Ratio, per: u64) -> Option<u64> {
    let small = |r: u128| u64::try_from(r).ok();
    let fast = (|| {
        let n = small(base.numer())?
            .checked_mul(seconds)?
            .checked_mul(small(markup.numer())?)?
            .checked_mul(per)?;
        let d = small(base.denom())?.checked_mul(small(markup.denom())?)?;
        Some(div_ceil(n, d))
    })();
    match fast {
        Some(c) => Some(c),
        None => ceil_product(&[
            base,
            Ratio::int(u128::from(seconds)),
            markup,
            Ratio::int(u128::from(per)),
        ]),
    }
}

/// `ceil(n / d)` for `d > 0`, with a shift when `d` is a power of two.
#[inline(always)]
fn div_ceil(n: u64, d: u64) -> u64 {
    if d.is_power_of_two() {
        let s = d.trailing_zeros();
        (n >> s) + u64::from(n & (d - 1) != 0)
    } else {
        n.div_ceil(d)
    }
}

/// The least integer not below the product of `factors`, exactly. The
/// numerators and denominators are multiplied out first and divided once
/// (no reduction on the hot path); only when that overflows are the factors
/// reduced one by one.
fn ceil_product(factors: &[Ratio]) -> Option<u64> {
    let unreduced = factors.iter().try_fold((1u128, 1u128), |(n, d), f| {
        Some((n.checked_mul(f.numer())?, d.checked_mul(f.denom())?))
    });
    let ceil = match unreduced {
        // Most quotes fit in 64 bits, where division is one instruction.
        Some((n, d)) => match (u64::try_from(n), u64::try_from(d)) {
            (Ok(n), Ok(d)) => u128::from(n.div_ceil(d)),
            _ => n.div_ceil(d),
        },
        None => factors
            .iter()
            .try_fold(Ratio::ONE, |acc, f| acc.checked_mul(*f))?
            .ceil(),
    };
    u64::try_from(ceil).ok()
}

fn matches(m: &Match, slots: &impl Fields) -> bool {
    let v = slots.view(m.field);
    match (&m.value, v) {
        (MatchValue::Present(p), v) => v.is_some() == *p,
        (_, None) => false,
        (MatchValue::Str(s), Some(Value::Str(t))) => *s == t,
        (MatchValue::Str(s), Some(Value::Int(i))) => crate::value::parse_i64(s) == Some(i),
        (MatchValue::Int(i), Some(v)) => v.as_int() == Some(*i),
        (MatchValue::Bool(b), Some(Value::Bool(c))) => *b == c,
        _ => false,
    }
}

// ---- the JSON schema -------------------------------------------------------

/// Writes one endpoint's table in the price-book schema.
pub(crate) fn write_table(w: &mut Writer<'_>, spec: &'static EndpointSpec, p: &EndpointPrices) {
    w.begin_object();
    if let Some(u) = p.usd_per_credit {
        w.member(key!("usd_per_credit"));
        Usd(u).write_json(w);
    }
    if p.usd_source != Source::default() {
        w.member(key!("usd_source"));
        p.usd_source.write_json(w);
    }
    if p.markup != Ratio::ONE {
        w.member(key!("markup"));
        w.ratio(p.markup);
    }
    w.member(key!("rows"));
    w.begin_array();
    for r in p.rows.iter() {
        w.element();
        write_row(w, spec, r);
    }
    w.end_array();
    if p.note != Source::default() {
        w.member(key!("note"));
        p.note.write_json(w);
    }
    w.end_object();
}

/// Writes one row in the price-book schema.
pub(crate) fn write_row(w: &mut Writer<'_>, spec: &'static EndpointSpec, r: &PriceRow) {
    w.begin_object();
    w.member(key!("when"));
    w.begin_object();
    for m in r.when.iter() {
        w.name(spec.fields[m.field].name);
        match &m.value {
            MatchValue::Str(v) => w.str(v),
            MatchValue::Int(v) => w.i64(*v),
            MatchValue::Bool(v) => w.bool(*v),
            MatchValue::Present(p) => {
                w.begin_object();
                w.member(key!("present"));
                w.bool(*p);
                w.end_object();
            }
        }
    }
    w.end_object();
    match r.amount {
        Amount::Credits(c) => {
            w.member(key!("credits"));
            w.u64(c);
        }
        Amount::PerSecond(rate) => {
            w.member(key!("credits_per_second"));
            w.ratio(rate);
        }
    }
    if r.markup != Ratio::ONE {
        w.member(key!("markup"));
        w.ratio(r.markup);
    }
    if let Some(ix) = r.per {
        w.member(key!("per"));
        w.str(spec.fields[ix].name);
    }
    if r.source != Source::default() {
        w.member(key!("source"));
        r.source.write_json(w);
    }
    w.end_object();
}

impl PriceRow {
    /// The row in the price-book schema, as JSON (keys in the schema's
    /// order), its fields named by `endpoint`'s table, which must be the
    /// table the row was made for. `None` when the row names a field that
    /// table does not have (a row built by hand with an index past its end).
    pub fn to_json(&self, endpoint: Endpoint) -> Option<Json> {
        let spec = endpoint.spec();
        let mut fields = self.when.iter().map(|m| m.field).chain(self.per);
        fields
            .all(|f| f < spec.fields.len())
            .then(|| crate::json::reparse(&to_text(false, |w| write_row(w, spec, self))))
    }
}

/// An object of a price book, its keys in alphabetical order. Walking the
/// book in this order keeps which error is reported first as it has always
/// been.
struct Obj<'j>(Vec<(&'j str, &'j Json)>);

impl<'j> Obj<'j> {
    /// The object `v`, or the error `what` at `path`. A key given twice is an
    /// error too: a book is written by hand, and a map would keep the last
    /// value without a word.
    fn at(v: &'j Json, path: &str, what: &str) -> Result<Obj<'j>, Error> {
        let members = v.as_object().ok_or_else(|| Error::price_book(path, what))?;
        let sorted =
            crate::json::stable_order(members.len(), &|a, b| members[a].0.cmp(&members[b].0));
        let mut out: Vec<(&str, &Json)> = Vec::with_capacity(sorted.len());
        for i in sorted {
            let m = (members[i].0.as_str(), &members[i].1);
            if out.last().is_some_and(|last| last.0 == m.0) {
                return Err(Error::price_book(&join_path(path, m.0), "is given twice"));
            }
            out.push(m);
        }
        Ok(Obj(out))
    }

    fn get(&self, key: &str) -> Option<&'j Json> {
        self.0
            .binary_search_by(|m| m.0.cmp(key))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|m| m.1)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn iter(&self) -> impl Iterator<Item = (&'j str, &'j Json)> + '_ {
        self.0.iter().copied()
    }
}

fn parse_book(json: &Json) -> Result<PriceBook, Error> {
    let obj = Obj::at(json, "", "a price book is a JSON object")?;
    known_keys(&obj, "", &["schema", "name", "endpoints"])?;
    match obj.get("schema").and_then(Json::as_str) {
        Some(PRICE_BOOK_SCHEMA) => {}
        other => {
            return Err(Error::price_book(
                "schema",
                message!(
                    "expected \"{}\", found {}",
                    PRICE_BOOK_SCHEMA,
                    other.map_or_else(|| "nothing".to_owned(), |s| message!("\"{}\"", s))
                ),
            ))
        }
    }
    let name = match obj.get("name") {
        None => "price book".to_owned(),
        Some(Json::String(s)) => s.clone(),
        Some(_) => return Err(Error::price_book("name", "must be a string")),
    };
    let endpoints = Obj::at(
        obj.get("endpoints").unwrap_or(&Json::Null),
        "endpoints",
        "must be an object of endpoint ids",
    )?;
    let mut entries: [Option<EndpointPrices>; Endpoint::ALL.len()] = Default::default();
    for (id, table) in endpoints.iter() {
        let path = join_path("endpoints", id);
        let e = Endpoint::from_id(id).ok_or_else(|| {
            Error::price_book(
                &path,
                message!("unknown endpoint; known: {}", Endpoint::ids()),
            )
        })?;
        entries[e as usize] = Some(parse_table(e, table, &path)?);
    }
    Ok(PriceBook {
        name: Cow::Owned(name),
        entries,
    })
}

fn known_keys(obj: &Obj<'_>, path: &str, known: &[&str]) -> Result<(), Error> {
    match obj.iter().map(|m| m.0).find(|k| !known.contains(k)) {
        Some(k) => Err(Error::price_book(
            path,
            message!("unknown key `{}`; expected one of {}", k, Words(known)),
        )),
        None => Ok(()),
    }
}

/// A whole number of the book, read as a body's integers are: any JSON
/// spelling of one (`5`, `5.0`, `5e0`, `-0`), as the book's JSON Schema
/// (`"type": "integer"`) takes it too. `None` for a fraction, a
/// number past 64 bits (signed) or a value that is no number.
fn whole(v: &Json) -> Option<i64> {
    crate::body::exact_int(v.as_number()?.as_str())
}

fn ratio_at(v: &Json, path: &str) -> Result<Ratio, Error> {
    let text = match (v, whole(v).map(u64::try_from)) {
        (Json::String(s), _) => s.clone(),
        (_, Some(Ok(n))) => message!("{}", n),
        _ => {
            return Err(Error::price_book(
                path,
                "must be a string such as \"19/2\" or \"9.5\", or a whole number",
            ))
        }
    };
    text.parse::<Ratio>()
        .map_err(|e| Error::price_book(path, message!("`{}`: {}", text, e)))
}

fn source_at(v: Option<&Json>, path: &str) -> Result<Source, Error> {
    let Some(v) = v else {
        return Ok(Source::default());
    };
    let obj = Obj::at(v, path, "must be an object")?;
    known_keys(&obj, path, &["document", "quote", "decision", "note"])?;
    let get = |k: &str| -> Result<Cow<'static, str>, Error> {
        match obj.get(k) {
            None => Ok(Cow::Borrowed("")),
            Some(Json::String(s)) => Ok(Cow::Owned(s.clone())),
            Some(_) => Err(Error::price_book(&join_path(path, k), "must be a string")),
        }
    };
    Ok(Source {
        document: get("document")?,
        quote: get("quote")?,
        decision: get("decision")?,
        note: get("note")?,
    })
}

fn parse_table(endpoint: Endpoint, v: &Json, path: &str) -> Result<EndpointPrices, Error> {
    let spec = endpoint.spec();
    let obj = Obj::at(v, path, "must be an object")?;
    known_keys(
        &obj,
        path,
        &["usd_per_credit", "usd_source", "markup", "rows", "note"],
    )?;
    let usd_per_credit = match obj.get("usd_per_credit") {
        None | Some(Json::Null) => None,
        Some(v) => {
            let p = join_path(path, "usd_per_credit");
            let r = ratio_at(v, &p)?;
            // A decimal of at most 18 places, as the book's decimals are
            // read, so that the book written back reads the same
            // (`"1/1048576"` would be written with 20 decimals) and every
            // price's dollars are an exact decimal. The reader keeps a
            // denominator within 10^18, so it fits 64 bits.
            if 1_000_000_000_000_000_000 % (r.denom() as u64) != 0 {
                return Err(Error::price_book(
                    &p,
                    message!(
                        "must be a decimal of at most 18 places, and {} is not one; \
                         write it rounded, as a decimal",
                        r
                    ),
                ));
            }
            Some(r)
        }
    };
    let markup = match obj.get("markup") {
        None => Ratio::ONE,
        Some(v) => ratio_at(v, &join_path(path, "markup"))?,
    };
    let rows_json = obj
        .get("rows")
        .and_then(Json::as_array)
        .ok_or_else(|| Error::price_book(&join_path(path, "rows"), "must be an array of rows"))?;
    let mut rows = Vec::with_capacity(rows_json.len());
    for (i, r) in rows_json.iter().enumerate() {
        let p = message!("{}.rows[{}]", path, i);
        let row = parse_row(spec, r, &p)?;
        if most_credits(endpoint, &row, markup).is_none_or(|c| c > MAX_CREDITS) {
            return Err(Error::price_book(&p, "can quote over 2^53-1 credits"));
        }
        rows.push(row);
    }
    Ok(EndpointPrices {
        usd_per_credit,
        usd_source: source_at(obj.get("usd_source"), &join_path(path, "usd_source"))?,
        markup,
        rows: Cow::Owned(rows),
        note: source_at(obj.get("note"), &join_path(path, "note"))?,
    })
}

fn parse_row(spec: &'static EndpointSpec, v: &Json, path: &str) -> Result<PriceRow, Error> {
    let obj = Obj::at(v, path, "a row is an object")?;
    known_keys(
        &obj,
        path,
        &[
            "when",
            "credits",
            "credits_per_second",
            "markup",
            "per",
            "source",
        ],
    )?;
    let field = |name: &str, p: &str| -> Result<usize, Error> {
        spec.field_index(name).ok_or_else(|| {
            let names: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
            Error::price_book(
                p,
                message!(
                    "`{}` is not a field of {}; its fields: {}",
                    name,
                    spec.id,
                    Words(&names)
                ),
            )
        })
    };
    let mut when = Vec::new();
    match obj.get("when") {
        None => {}
        Some(w @ Json::Object(members)) => {
            let when_path = join_path(path, "when");
            // No key twice; then read in the order written, which the book
            // written back keeps.
            Obj::at(w, &when_path, "")?;
            for (k, val) in members {
                let p = join_path(&when_path, k);
                let value = match val {
                    Json::String(s) => MatchValue::Str(Cow::Owned(s.clone())),
                    Json::Bool(b) => MatchValue::Bool(*b),
                    Json::Number(_) => {
                        MatchValue::Int(whole(val).ok_or_else(|| {
                            Error::price_book(&p, "must be an integer of 64 bits")
                        })?)
                    }
                    Json::Object(_) => {
                        let o = Obj::at(val, &p, "")?;
                        match (o.len(), o.get("present")) {
                            (1, Some(Json::Bool(b))) => MatchValue::Present(*b),
                            _ => return Err(Error::price_book(
                                &p,
                                "an object here must be {\"present\": true} or {\"present\": false}",
                            )),
                        }
                    }
                    _ => {
                        return Err(Error::price_book(
                            &p,
                            "must be a string, an integer, a boolean or {\"present\": bool}",
                        ))
                    }
                };
                let f = field(k, &p)?;
                // A value of a type the normalized field never holds would
                // never match, and leave the request to a later row.
                let kind = spec.fields[f].kind;
                let fits = match (&value, kind) {
                    (MatchValue::Present(_), _)
                    | (MatchValue::Bool(_), Kind::Bool)
                    | (MatchValue::Str(_), Kind::Str | Kind::UrlString)
                    | (MatchValue::Int(_), Kind::Int | Kind::DurationInt | Kind::DurationStr) => {
                        true
                    }
                    // An integer field matches the integer a string reads as;
                    // a duration kept as a string, only its plain digits.
                    (MatchValue::Str(s), Kind::Int | Kind::DurationInt) => {
                        crate::value::parse_i64(s).is_some()
                    }
                    (MatchValue::Str(s), Kind::DurationStr) => {
                        crate::value::canonical_int(s).is_some()
                    }
                    _ => false,
                };
                if !fits {
                    return Err(Error::price_book(
                        &p,
                        "never matches: the normalized field never holds such a value",
                    ));
                }
                when.push(Match { field: f, value });
            }
        }
        Some(_) => {
            return Err(Error::price_book(
                &join_path(path, "when"),
                "must be an object",
            ))
        }
    }
    let amount = match (obj.get("credits"), obj.get("credits_per_second")) {
        // At most 2^53 - 1, as quotes are: JavaScript reads the row in a
        // report's provenance, and reads a larger integer inexactly.
        (Some(c), None) => Amount::Credits(
            whole(c)
                .and_then(|c| u64::try_from(c).ok())
                .filter(|&c| c <= MAX_CREDITS)
                .ok_or_else(|| {
                    Error::price_book(
                        &join_path(path, "credits"),
                        "must be a whole number of credits, at most 2^53-1",
                    )
                })?,
        ),
        (None, Some(r)) => {
            if spec.seconds_field.is_none() {
                return Err(Error::price_book(
                    &join_path(path, "credits_per_second"),
                    message!("{} has no duration; use `credits`", spec.id),
                ));
            }
            Amount::PerSecond(ratio_at(r, &join_path(path, "credits_per_second"))?)
        }
        _ => {
            return Err(Error::price_book(
                path,
                "a row needs exactly one of `credits` and `credits_per_second`",
            ))
        }
    };
    let markup = match obj.get("markup") {
        None => Ratio::ONE,
        Some(v) => ratio_at(v, &join_path(path, "markup"))?,
    };
    let per = match obj.get("per") {
        None => None,
        Some(Json::String(name)) => {
            let p = join_path(path, "per");
            let ix = field(name, &p)?;
            // A multiplier every valid request has: an integer field with a
            // default (none of which can be below 0; a test holds the
            // tables to it). Without a default, a request could leave it
            // out (`seed`), and the row would price it at nothing known.
            let f = &spec.fields[ix];
            if !matches!(
                f.kind,
                crate::spec::Kind::Int | crate::spec::Kind::DurationInt
            ) || !matches!(f.default, crate::spec::DefaultValue::Int(_))
            {
                return Err(Error::price_book(
                    &p,
                    message!("`{}` is not an integer field with a default", name),
                ));
            }
            Some(ix)
        }
        Some(_) => {
            return Err(Error::price_book(
                &join_path(path, "per"),
                "must be a field name",
            ))
        }
    };
    Ok(PriceRow {
        when: Cow::Owned(when),
        amount,
        markup,
        per,
        source: source_at(obj.get("source"), &join_path(path, "source"))?,
    })
}

/// The most credits a quote may come to: 2^53 − 1, the largest integer a
/// JSON number (a JavaScript `Number`) holds exactly, so that a quote is the
/// same number on every surface. A loaded book whose row could price a
/// valid request above it is refused ([`most_credits`]); the built-in rows
/// stay far below it (a test holds them to it). So no quote of any book
/// leaves 64 bits either; and since every term a book writes is at most
/// 10^18 (`ratio.rs`), the products on the way, a rate, a row markup, at
/// most 15 seconds and a multiplier of at most 4, stay within 128 bits.
pub(crate) const MAX_CREDITS: u64 = (1 << 53) - 1;

/// The most credits `row` of endpoint `e` can charge a valid request
/// under a table `markup`: its amount at the most seconds and the largest
/// multiplier the endpoint's rules allow ([`MOST`]), rounded as a quote
/// rounds it; `None` past 64 bits. A quote only grows with the seconds and
/// the multiplier, so no valid request costs more.
fn most_credits(e: Endpoint, row: &PriceRow, markup: Ratio) -> Option<u64> {
    let most = |i: usize| MOST[e as usize].get(i).map(|&n| most_of(n));
    let (base, seconds) = match row.amount {
        Amount::Credits(c) => (Ratio::int(u128::from(c)), 1),
        Amount::PerSecond(rate) => (rate, most(e.spec().seconds_field?)?),
    };
    let per = match row.per {
        Some(i) => most(i)?,
        None => 1,
    };
    apply_markup(ceil_row(base, seconds, row.markup, per)?, markup)
}

/// The most fields an endpoint has.
const MOST_FIELDS: usize = 16;

/// For each endpoint (in [`Endpoint::ALL`]'s order) and each of its fields,
/// the largest integer a valid request can give the field, by [`most`],
/// worked out when the crate is built. One byte each: every bound is a
/// small count (seconds, images) but `seed`'s, 2^32 − 1, written `u8::MAX`
/// ([`most_of`]); a bound of any other size does not compile.
static MOST: [[u8; MOST_FIELDS]; Endpoint::ALL.len()] = {
    let mut table = [[0; MOST_FIELDS]; Endpoint::ALL.len()];
    let mut e = 0;
    while e < Endpoint::ALL.len() {
        let spec = Endpoint::ALL[e].spec();
        assert!(spec.fields.len() <= MOST_FIELDS);
        let mut i = 0;
        while i < spec.fields.len() {
            table[e][i] = match most(spec, i) {
                n if n < u8::MAX as u64 => n as u8,
                n if n == u32::MAX as u64 => u8::MAX,
                _ => panic!("a bound that is neither a small count nor 2^32 - 1"),
            };
            i += 1;
        }
        e += 1;
    }
    table
};

/// A bound of [`MOST`] as the integer it stands for.
fn most_of(n: u8) -> u64 {
    match n {
        u8::MAX => u64::from(u32::MAX),
        n => u64::from(n),
    }
}

/// The largest value a valid request can give integer field `i`: the
/// largest bound of the rules that range its values (`IntRange`,
/// `IntOneOf`, or `OneOf` of decimal strings for a duration string); 0 when
/// that is below 0 or no rule bounds the field, which is then not an
/// integer (a test holds every integer field to a bound). Rules under a
/// condition count too: where a field is bounded under conditions only
/// (v2's duration, per model), the conditions cover every request (a test
/// holds the tables to that as well).
const fn most(spec: &EndpointSpec, i: usize) -> u64 {
    let mut most: Option<i64> = None;
    let mut r = 0;
    while r < spec.rules.len() {
        let rule = &spec.rules[r];
        r += 1;
        if rule.field != i {
            continue;
        }
        let (ints, strs): (&[i64], &[&str]) = match rule.check {
            Check::IntRange(_, hi) => {
                most = max(most, hi);
                continue;
            }
            Check::IntOneOf(list) => (list, &[]),
            Check::OneOf(list) => (&[], list),
            _ => continue,
        };
        let mut k = 0;
        while k < ints.len() {
            most = max(most, ints[k]);
            k += 1;
        }
        k = 0;
        while k < strs.len() {
            if let Some(n) = parse_u64(strs[k]) {
                most = max(
                    most,
                    if n > i64::MAX as u64 {
                        i64::MAX
                    } else {
                        n as i64
                    },
                );
            }
            k += 1;
        }
    }
    match most {
        Some(n) if n > 0 => n as u64,
        _ => 0,
    }
}

const fn max(most: Option<i64>, n: i64) -> Option<i64> {
    match most {
        Some(m) if m >= n => most,
        _ => Some(n),
    }
}

/// `path.key`, the path of a member in a book's error messages.
fn join_path(path: &str, key: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1 + key.len());
    out.push_str(path);
    if !path.is_empty() {
        out.push('.');
    }
    out.push_str(key);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{Cond, Kind};
    use crate::value::parse_i64;

    /// The rules that bound an integer field's values, as [`most`] reads them.
    fn bounding(spec: &EndpointSpec, i: usize) -> impl Iterator<Item = &crate::spec::Rule> {
        spec.rules.iter().filter(move |r| {
            r.field == i
                && match r.check {
                    Check::IntRange(..) | Check::IntOneOf(_) => true,
                    Check::OneOf(list) => list.iter().any(|s| parse_i64(s).is_some()),
                    _ => false,
                }
        })
    }

    /// [`most`] takes conditioned rules as bounds too, which is sound only
    /// when they cover every request: for each integer field, some bounding
    /// rule holds unconditionally, or the bounding rules are each under
    /// `field = value` of one field, which every request has (a default),
    /// over every value that field allows.
    #[test]
    fn the_rules_bound_every_integer_field_under_every_condition() {
        for e in Endpoint::ALL {
            let spec = e.spec();
            for (i, field) in spec.fields.iter().enumerate() {
                let integer = matches!(field.kind, Kind::Int | Kind::DurationInt)
                    || spec.seconds_field == Some(i);
                if !integer {
                    continue;
                }
                let rules: Vec<_> = bounding(spec, i).collect();
                assert!(
                    !rules.is_empty(),
                    "{}: `{}` has no bound",
                    spec.id,
                    field.name
                );
                if rules.iter().any(|r| r.when.is_empty()) {
                    continue;
                }
                let mut on = None;
                let mut values = Vec::new();
                for r in &rules {
                    let [Cond::Is(f, v)] = r.when else {
                        panic!("{}: {} is bounded under {:?}", spec.id, r.id, r.when);
                    };
                    assert!(on.is_none_or(|g| g == *f), "{}: {}", spec.id, r.id);
                    on = Some(*f);
                    values.push(*v);
                }
                let on = on.expect("a condition");
                // The field the conditions read is in every request.
                let cond = &spec.fields[on];
                assert!(
                    !matches!(cond.default, crate::spec::DefaultValue::None)
                        && cond.default_when.is_empty(),
                    "{}: `{}` is bounded by `{}`, which a request may leave out",
                    spec.id,
                    field.name,
                    cond.name
                );
                let allowed = spec
                    .rules
                    .iter()
                    .find_map(|r| match r.check {
                        Check::OneOf(list) if r.field == on && r.when.is_empty() => Some(list),
                        _ => None,
                    })
                    .expect("the condition's field is one of a list");
                for v in allowed {
                    assert!(
                        values.contains(v),
                        "{}: `{}` is not bounded when `{}` is {v}",
                        spec.id,
                        field.name,
                        spec.fields[on].name
                    );
                }
            }
        }
    }

    /// What a row multiplies by is in every valid request, and not below 0:
    /// the seconds field, and every integer field with a default (what a
    /// book's `per` may name), have an unconditional default and no bound
    /// below 0. So a row that matches a valid request always prices it.
    #[test]
    fn every_multiplier_a_row_may_use_is_always_there_and_not_negative() {
        for e in Endpoint::ALL {
            let spec = e.spec();
            for (i, field) in spec.fields.iter().enumerate() {
                let per = matches!(field.kind, Kind::Int | Kind::DurationInt)
                    && matches!(field.default, crate::spec::DefaultValue::Int(_));
                if !per && spec.seconds_field != Some(i) {
                    continue;
                }
                let default = match field.default {
                    crate::spec::DefaultValue::Int(n) => Some(n),
                    crate::spec::DefaultValue::Str(s) => parse_i64(s),
                    _ => None,
                };
                assert!(
                    default.is_some_and(|n| n >= 0) && field.default_when.is_empty(),
                    "{}: `{}` may be left without a value",
                    spec.id,
                    field.name
                );
                for rule in bounding(spec, i) {
                    let least = match rule.check {
                        Check::IntRange(lo, _) => lo,
                        Check::IntOneOf(list) => list.iter().copied().min().unwrap_or(0),
                        Check::OneOf(list) => {
                            list.iter().filter_map(|s| parse_i64(s)).min().unwrap_or(0)
                        }
                        _ => 0,
                    };
                    assert!(least >= 0, "{}: {} allows {least}", spec.id, rule.id);
                }
            }
        }
    }

    #[test]
    fn most_reads_the_largest_bound() {
        let v2 = Endpoint::SeedanceApiV2.spec();
        assert_eq!(most(v2, v2.seconds_field.unwrap()), 15);
        let v1 = Endpoint::SeedanceApiV1.spec();
        assert_eq!(most(v1, v1.seconds_field.unwrap()), 12);
        let gpt = Endpoint::Seedance2aiGptImage2.spec();
        assert_eq!(most(gpt, gpt.field_index("batchCount").unwrap()), 4);
        let video = Endpoint::Seedance2aiVideo.spec();
        assert_eq!(
            most(video, video.field_index("seed").unwrap()),
            4_294_967_295
        );
        // A field no rule ranges has no bound.
        assert_eq!(most(v2, v2.field_index("prompt").unwrap()), 0);
        // The table built with the crate says the same.
        let e = Endpoint::Seedance2aiGptImage2;
        assert_eq!(MOST[e as usize][gpt.field_index("batchCount").unwrap()], 4);
        let seed = MOST[Endpoint::Seedance2aiVideo as usize][video.field_index("seed").unwrap()];
        assert_eq!(most_of(seed), 4_294_967_295);
    }

    /// [`most`] is the largest bound of all the rules that range a field,
    /// whatever their kind and order: a list's largest element wherever it
    /// stands, a bound of an earlier rule above a later one's, a duration
    /// string's digits (past `i64::MAX`, `i64::MAX`), and 0 when every
    /// bound is below 0.
    #[test]
    fn most_is_the_largest_bound_in_any_order() {
        let v2 = Endpoint::SeedanceApiV2.spec();
        let d = v2.seconds_field.unwrap();
        let base = v2.rules.iter().find(|r| r.field == d).unwrap();
        let spec = |checks: &[Check]| EndpointSpec {
            rules: Box::leak(
                checks
                    .iter()
                    .map(|&check| crate::spec::Rule {
                        check,
                        ..base.clone()
                    })
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ),
            ..*v2
        };
        for (checks, want) in [
            (&[Check::IntOneOf(&[15, 10, 5])][..], 15),
            (&[Check::IntOneOf(&[15, 10, 5]), Check::IntRange(4, 12)], 15),
            (&[Check::IntRange(4, 20), Check::IntOneOf(&[5, 10])], 20),
            (&[Check::OneOf(&["12", "8", "x"])], 12),
            (&[Check::OneOf(&["9223372036854775808"])], i64::MAX as u64),
            (&[Check::IntRange(-5, -1)], 0),
        ] {
            assert_eq!(most(&spec(checks), d), want, "{checks:?}");
        }
    }

    #[test]
    fn every_built_in_row_stays_within_max_credits() {
        for e in Endpoint::ALL {
            let prices = e.spec().prices;
            for row in prices.rows.iter() {
                let most = most_credits(e, row, prices.markup);
                assert!(
                    most.is_some_and(|c| c <= MAX_CREDITS),
                    "{}: {row:?} up to {most:?}",
                    e.id()
                );
            }
        }
    }

    #[test]
    fn a_quote_held_longer_is_the_same_quote() {
        let book = PriceBook::builtin();
        let prices = book.prices(Endpoint::SeedanceApiV2).unwrap();
        let request = crate::SeedanceApiV2Request {
            model: Some("seedance-2-mini".into()),
            duration: Some(9),
            ..crate::SeedanceApiV2Request::new("x")
        };
        let checker = crate::Checker::new().price_book(&book);
        let report = checker.check_request(&request);
        let short = report.quote().unwrap();
        let long = short.on(book.name(), prices);
        assert!(std::ptr::eq(long.row().unwrap(), short.row().unwrap()));
        assert_eq!(long.credits(), Some(277));
        assert_eq!(
            (long.credits(), long.formula(), long.book()),
            (short.credits(), short.formula(), short.book())
        );
    }

    #[test]
    fn a_row_is_written_as_its_table_writes_it_or_not_at_all() {
        let book = PriceBook::builtin();
        let mut rows = 0;
        for e in Endpoint::ALL {
            let table = Json::parse(&book.table_json(e).unwrap()).unwrap();
            for (i, row) in e.spec().prices.rows.iter().enumerate() {
                assert_eq!(row.to_json(e).as_ref(), Some(&table["rows"][i]), "{e}");
                rows += 1;
            }
        }
        assert!(rows > 20);
        // A row built by hand that names a field past the table's end.
        let row = &Endpoint::SeedanceApiV2.spec().prices.rows[0];
        let v2 = Endpoint::SeedanceApiV2.spec().fields.len();
        let past = |field| Match {
            field,
            value: MatchValue::Bool(true),
        };
        for bad in [
            PriceRow {
                when: Cow::Owned(vec![past(v2)]),
                ..row.clone()
            },
            PriceRow {
                per: Some(v2),
                ..row.clone()
            },
            PriceRow {
                when: Cow::Owned(vec![past(usize::MAX)]),
                ..row.clone()
            },
        ] {
            assert_eq!(bad.to_json(Endpoint::SeedanceApiV2), None);
        }
        assert!(PriceRow {
            per: Some(v2 - 1),
            ..row.clone()
        }
        .to_json(Endpoint::SeedanceApiV2)
        .is_some());
    }
}
