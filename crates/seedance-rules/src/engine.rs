//! The interpreter of the rule tables: defaults, rules, rewrites, the quote
//! and the balance. It knows no endpoint; everything comes from the tables,
//! compiled for it when the crate is built (`plan.rs`).

use std::borrow::Cow;

#[cfg(any(not(target_family = "wasm"), test))]
use crate::endpoint::Endpoint;
use crate::message::{message, plural, Clipped, Context, Ints, Shown, Words};
#[cfg(not(target_family = "wasm"))]
use crate::plan::{self, At, Op, Plan, RowAmount, Syms, NONE};
use crate::price::{find_row, quote_row, EndpointPrices, Quote};
#[cfg(not(target_family = "wasm"))]
use crate::price::{quote_fixed, quote_per_second, PriceRow};
use crate::report::{warning, Diag, Report};
#[cfg(not(target_family = "wasm"))]
use crate::requests::{Request, Typed};
use crate::spec::{Check, Cond, DefaultValue, EndpointSpec, Rule};
use crate::url_rules;
#[cfg(not(target_family = "wasm"))]
use crate::value::Fields;
use crate::value::{Slots, Value};

/// `$f::<E>(args)` for `$endpoint`, `E` its place in [`Endpoint::ALL`]
/// ([`Endpoint::index`]): one copy of an engine function an endpoint, which
/// sees its tables as constants.
#[cfg(not(target_family = "wasm"))]
macro_rules! on_endpoint {
    ($endpoint:expr, $f:ident($($arg:expr),* $(,)?)) => {
        match $endpoint {
            Endpoint::SeedanceApiV1 => $f::<{ Endpoint::SeedanceApiV1.index() }>($($arg),*),
            Endpoint::SeedanceApiV2 => $f::<{ Endpoint::SeedanceApiV2.index() }>($($arg),*),
            Endpoint::Seedance2aiVideo => $f::<{ Endpoint::Seedance2aiVideo.index() }>($($arg),*),
            Endpoint::Seedance2aiGptImage2 => $f::<{ Endpoint::Seedance2aiGptImage2.index() }>($($arg),*),
            Endpoint::Seedance2aiNanoBananaPro => $f::<{ Endpoint::Seedance2aiNanoBananaPro.index() }>($($arg),*),
            Endpoint::ApiinoneVideos => $f::<{ Endpoint::ApiinoneVideos.index() }>($($arg),*),
        }
    };
}

/// Checks the slots of `report`, already read by type, and prices them when
/// they are valid.
///
/// Natively, the engine walks the endpoint's compiled tables (`plan.rs`),
/// one copy of it per endpoint so that the compiler sees the endpoint's
/// tables as constants: a rule that surely passes is passed over there; any
/// other goes to [`apply`], which writes the violation or warning. In
/// WebAssembly, where the size of the module matters more (the npm package
/// targets 64 KiB gzip and the compiled tables alone are 7 KiB of it), the
/// tables are read as they stand by [`interpret`]. Both give the same report:
/// a test holds them to each other on every conformance case.
#[inline(always)]
pub(crate) fn evaluate<'a>(
    report: &mut Report<'a>,
    diag: Diag,
    body_readable: bool,
    book: &'a str,
    prices: &'a EndpointPrices,
    balance: Option<u64>,
) {
    #[cfg(target_family = "wasm")]
    interpret(report, diag, body_readable, book, prices, balance);
    #[cfg(not(target_family = "wasm"))]
    on_endpoint!(
        report.endpoint,
        run(report, diag, body_readable, book, prices, balance)
    )
}

/// [`evaluate`] for endpoint `Endpoint::ALL[E]`, on its compiled tables.
#[cfg(not(target_family = "wasm"))]
#[inline(never)]
fn run<'a, const E: usize>(
    report: &mut Report<'a>,
    mut diag: Diag,
    body_readable: bool,
    book: &'a str,
    prices: &'a EndpointPrices,
    balance: Option<u64>,
) {
    report.quote = None;
    let body_ok = check_and_price::<E>(
        &mut report.slots,
        &mut diag,
        body_readable,
        book,
        prices,
        &mut report.quote,
    );
    conclude(report, diag, body_ok, balance);
}

/// Checks the slots, read by type, on the compiled tables of
/// `Endpoint::ALL[E]`, and prices them into `quote` when they are valid
/// (each quote is written where its caller keeps it). Whether they are.
#[cfg(not(target_family = "wasm"))]
#[inline(always)]
fn check_and_price<'a, const E: usize>(
    slots: &mut impl Fields,
    diag: &mut Diag,
    body_readable: bool,
    book: &'a str,
    prices: &'a EndpointPrices,
    quote: &mut Option<Quote<'a>>,
) -> bool {
    let Some(&endpoint) = Endpoint::ALL.get(E) else {
        return false;
    };
    let plan = plan::plan(endpoint);
    let mut syms = [NONE; 16];
    if body_readable {
        let pass = prepare::<E>(slots, &mut syms, diag);
        check_rules::<E>(plan, slots, &mut syms, pass, diag);
    }
    let body_ok = body_readable && diag.violations.is_empty();
    if body_ok {
        price::<E>(plan, book, prices, slots, &syms, quote);
    }
    body_ok
}

/// The quote of a typed request, read where it stands, on the compiled
/// tables of `Endpoint::ALL[E]` (its endpoint): `Some` when the request is
/// valid, draws no warning, needs no rewrite and is within the balance,
/// which is when the report would have no violation and no warning and this
/// quote. `None` otherwise: the report says why (and for a rewrite, which
/// these fields do not keep, gives the quote).
#[cfg(not(target_family = "wasm"))]
#[inline(never)]
pub(crate) fn quote_typed<'b, const E: usize, R: Request>(
    request: &R,
    book: &'b str,
    prices: &'b EndpointPrices,
    balance: Option<u64>,
) -> Option<Quote<'b>> {
    let mut fields = Typed::new(request);
    let mut diag = Diag::default();
    let mut quote = None;
    let body_ok = check_and_price::<E>(&mut fields, &mut diag, true, book, prices, &mut quote);
    let clean = body_ok && diag.warnings.is_empty() && !fields.rewritten();
    diag.discard();
    quote.filter(|q| clean && over_balance(Some(q), balance).is_none())
}

/// [`evaluate`] on the tables as they stand: the defaults, then every rule
/// in table order, then the first price row that matches.
#[cfg(any(target_family = "wasm", test))]
pub(crate) fn interpret<'a>(
    report: &mut Report<'a>,
    mut diag: Diag,
    body_readable: bool,
    book: &'a str,
    prices: &'a EndpointPrices,
    balance: Option<u64>,
) {
    let spec = report.spec;
    let slots = &mut report.slots;
    if body_readable {
        fill_defaults(spec, slots, &diag);
        // The tables list the rules that hold whatever the other fields say
        // first (a test checks it), so that the conditions of the rest see
        // which fields already failed.
        let (own, across) = spec
            .rules
            .split_at(spec.rules.partition_point(|r| r.when.is_empty()));
        for rule in own {
            apply_to(spec, rule, slots, &mut diag);
        }
        for rule in across {
            if holds(rule.when, slots, &diag) == Some(true) {
                apply_to(spec, rule, slots, &mut diag);
            }
        }
    }
    let body_ok = body_readable && diag.violations.is_empty();
    report.quote = body_ok.then(|| {
        let slots = &report.slots;
        quote_row(spec, book, prices, slots, find_row(&prices.rows, slots))
    });
    conclude(report, diag, body_ok, balance);
}

/// [`apply`] to the value in the slots, rewritten or left out there if the
/// rule says so.
#[cfg(any(target_family = "wasm", test))]
fn apply_to(
    spec: &'static EndpointSpec,
    rule: &'static Rule,
    slots: &mut Slots<'_>,
    diag: &mut Diag,
) {
    let value = slots.view(rule.field);
    match apply(spec, rule, value, diag) {
        Some(Change::To(to)) => slots.put(rule.field, Some(Value::Str(Cow::Borrowed(to)))),
        Some(Change::Out) => slots.put(rule.field, None),
        None => {}
    }
}

/// The balance against the quote (a violation when the request costs
/// more), and the findings into the report.
#[inline(always)]
fn conclude(report: &mut Report<'_>, mut diag: Diag, body_ok: bool, balance: Option<u64>) {
    let spec = report.spec;
    if let Some((credits, balance)) = over_balance(report.quote.as_ref(), balance) {
        diag.violate(
            None,
            Cow::Borrowed(""),
            Cow::Owned(message!("{}.balance.insufficient", spec.id)),
            spec.balance_code,
            message!(
                "the request costs {} credits and the balance is {}",
                credits,
                balance
            ),
        );
    }
    report.body_ok = body_ok;
    let Diag {
        violations,
        warnings,
        failed: _,
    } = diag;
    put_list(&mut report.violations, violations);
    put_list(&mut report.warnings, warnings);
}

/// The quote's credits and the balance, when the quote is above the balance
/// (the provider's "insufficient credits").
#[inline(always)]
fn over_balance(quote: Option<&Quote<'_>>, balance: Option<u64>) -> Option<(u64, u64)> {
    let credits = quote?.credits()?;
    let balance = balance?;
    (credits > balance).then_some((credits, balance))
}

/// Moves `new` into `slot`. The list replaced, empty and unallocated as a
/// new report's are, needs no dropping.
#[inline(always)]
fn put_list<T>(slot: &mut Vec<T>, new: Vec<T>) {
    let old = std::mem::replace(slot, new);
    if old.capacity() == 0 {
        std::mem::forget(old);
    }
}

/// Reads the symbols of the request, fills the defaults and checks the
/// values. Returns the rules that surely pass.
#[cfg(not(target_family = "wasm"))]
#[inline(always)]
fn prepare<const E: usize>(slots: &mut impl Fields, syms: &mut Syms, diag: &Diag) -> u32 {
    let pass = At::<E>::read_syms(slots, syms) | fill_planned_defaults::<E>(slots, syms, diag);
    // After the defaults, which are values too.
    pass | At::<E>::check_values(slots)
}

/// Prices a valid request: by the compiled rows of the built-in table, or
/// row by row for a loaded one.
#[cfg(not(target_family = "wasm"))]
#[inline(always)]
fn price<'a, const E: usize>(
    plan: &Plan,
    book: &'a str,
    prices: &'a EndpointPrices,
    slots: &impl Fields,
    syms: &Syms,
    out: &mut Option<Quote<'a>>,
) {
    let spec = plan.spec;
    let rows: &'a [PriceRow] = &prices.rows;
    let found = match At::<E>::price_row(rows, slots, syms) {
        Some(found) => found,
        None => {
            *out = Some(quote_row(spec, book, prices, slots, find_row(rows, slots)));
            return;
        }
    };
    let Some((i, row)) = found.and_then(|i| Some((i, rows.get(i)?))) else {
        *out = Some(quote_row(spec, book, prices, slots, None));
        return;
    };
    // Each quote is written where the report keeps it.
    match At::<E>::row_amount(i) {
        RowAmount::Fixed(c) => *out = Some(quote_fixed(spec, book, prices, row, c)),
        RowAmount::PerSecond { num, den } => {
            let seconds = spec.seconds_field.and_then(|f| slots.int_at(f));
            match quote_per_second(spec, book, prices, row, seconds, num, den) {
                Some(q) => *out = Some(q),
                None => *out = Some(quote_row(spec, book, prices, slots, Some(row))),
            }
        }
        RowAmount::General => *out = Some(quote_row(spec, book, prices, slots, Some(row))),
    }
}

/// [`fill_defaults`], on the compiled tables: only the fields that have a
/// default and are absent are visited. Returns the rules the defaults
/// surely pass.
#[cfg(not(target_family = "wasm"))]
#[inline(always)]
fn fill_planned_defaults<const E: usize>(
    slots: &mut impl Fields,
    syms: &mut Syms,
    diag: &Diag,
) -> u32 {
    let mut pass = 0;
    At::<E>::each_default(!slots.present() & !diag.failed, |f, d| {
        if !d.when.holds(slots.present(), diag.failed, syms) {
            return;
        }
        let Some(value) = default_value(d.value) else {
            return;
        };
        slots.fill_default(f, value);
        syms[f & 15] = d.sym;
        pass |= d.pass;
    });
    pass
}

/// Every rule that may speak, in table order (the rules without conditions
/// come first, a build-time check in `plan.rs`, so the conditions of the rest
/// see which fields already failed). `pass`: the rules the symbols and the
/// value checks say pass.
#[cfg(not(target_family = "wasm"))]
#[inline(always)]
fn check_rules<const E: usize>(
    plan: &Plan,
    slots: &mut impl Fields,
    syms: &mut Syms,
    pass: u32,
    diag: &mut Diag,
) {
    let present = slots.present();
    let candidates = plan.candidates(present);
    let mut todo = candidates & !pass & At::<E>::open(present, diag.failed, syms);
    while todo != 0 {
        let k = todo.trailing_zeros() as usize;
        todo &= todo - 1;
        let r = At::<E>::rule(k);
        let f = usize::from(r.field);
        let bit = 1u32 << (f & 15);
        if present & bit != 0 {
            if diag.failed & bit != 0 && !r.when_failed {
                // One violation a field is enough.
                continue;
            }
            if passes(r.op, slots, f, syms[f & 15]) {
                continue;
            }
        }
        todo = general(plan, k, slots, syms, diag, candidates);
    }
}

/// Rule `k` by the general code, which writes its violation or warning.
/// A violation or a rewrite may open or close the conditions of the rules
/// still to come, or change what passes: returns the rules left to visit.
#[cfg(not(target_family = "wasm"))]
#[cold]
#[inline(never)]
fn general(
    plan: &Plan,
    k: usize,
    slots: &mut impl Fields,
    syms: &mut Syms,
    diag: &mut Diag,
    candidates: u32,
) -> u32 {
    let spec = plan.spec;
    if let Some(rule) = spec.rules.get(k) {
        let f = rule.field;
        // A copy that borrows what the slot holds: no reference into the
        // slots outlives this call.
        let value = slots.view(f);
        match apply(spec, rule, value, diag) {
            Some(Change::To(to)) => {
                slots.rewrite(f, to);
                syms[f & 15] = plan.sym(f, to);
            }
            // An unused input: no condition or symbol reads one.
            Some(Change::Out) => slots.leave_out(f),
            None => {}
        }
    }
    let later = u32::MAX.checked_shl(k as u32 + 1).unwrap_or(0);
    let present = slots.present();
    candidates & later & !plan.passing(present, syms) & plan.open(present, diag.failed, syms)
}

/// Whether a rule surely passes, without a word, on a present value whose
/// symbol is `sym`. `false` sends the rule to [`apply`], which decides.
#[cfg(not(target_family = "wasm"))]
#[inline(always)]
fn passes(op: Op, slots: &impl Fields, f: usize, sym: u8) -> bool {
    match op {
        Op::Required => true,
        // No white space is a visible ASCII character.
        Op::NotBlank => slots
            .str_at(f)
            .and_then(|s| s.as_bytes().first())
            .is_some_and(u8::is_ascii_graphic),
        Op::Chars { min_bytes, max } => slots
            .str_at(f)
            .is_some_and(|s| min_bytes <= s.len() && s.len() <= max),
        Op::OneOf(mask) => sym != NONE && mask & (1u32 << (sym & 31)) != 0,
        Op::IntOneOf(list) => slots.int_at(f).is_some_and(|n| list.contains(&n)),
        Op::IntRange(lo, hi) => slots.int_at(f).is_some_and(|n| lo <= n && n <= hi),
        Op::Count { min, max } => slots.list_len_at(f).is_some_and(|n| min <= n && n <= max),
        // Only the string `from` is rewritten.
        Op::Rewrite { from } => sym != from,
        Op::Url(policy) => match slots.view(f) {
            Some(Value::Str(s)) => url_rules::check(policy, &s).is_ok(),
            Some(Value::List(l)) => l.iter().all(|s| url_rules::check(policy, s).is_ok()),
            _ => false,
        },
        Op::General => false,
    }
}

/// The value a default gives a field, if it gives one.
pub(crate) fn default_value(d: DefaultValue) -> Option<Value<'static>> {
    match d {
        DefaultValue::None => None,
        DefaultValue::Str(s) => Some(Value::Str(Cow::Borrowed(s))),
        DefaultValue::Bool(b) => Some(Value::Bool(b)),
        DefaultValue::Int(n) => Some(Value::Int(n)),
    }
}

pub(crate) fn fill_defaults(spec: &EndpointSpec, slots: &mut Slots<'_>, diag: &Diag) {
    for (i, f) in spec.fields.iter().enumerate() {
        if slots.get(i).is_some() || diag.failed(i) {
            continue;
        }
        let Some(value) = default_value(f.default) else {
            continue;
        };
        if holds(f.default_when, slots, diag) == Some(true) {
            slots.set(i, Some(value));
        }
    }
}

/// Whether every condition holds; `None` when one of them is about a field
/// that already failed (nothing can be said of it).
pub(crate) fn holds(when: &[Cond], slots: &Slots<'_>, diag: &Diag) -> Option<bool> {
    let mut all = true;
    for c in when {
        let (Cond::Is(f, _) | Cond::IsNot(f, _) | Cond::Absent(f)) = *c;
        if diag.failed(f) {
            return None;
        }
        let v = slots.get(f);
        all &= match *c {
            Cond::Is(_, want) => v.and_then(Value::as_str) == Some(want),
            Cond::IsNot(_, want) => v.and_then(Value::as_str) != Some(want),
            Cond::Absent(_) => v.is_none(),
        };
    }
    Some(all)
}

/// What a rule does to the value it passes, besides a warning.
pub(crate) enum Change {
    /// The value is sent and billed as this word (Mini's `1080p` as `720p`).
    To(&'static str),
    /// The value is an input the request does not use: the normalized
    /// request leaves it out, as it does an unknown field.
    Out,
}

/// Applies one rule to the value of its field: a violation, a warning, or
/// nothing. Returns what becomes of the value, if anything.
pub(crate) fn apply(
    spec: &'static EndpointSpec,
    rule: &'static Rule,
    value: Option<Value<'_>>,
    diag: &mut Diag,
) -> Option<Change> {
    let i = rule.field;
    // One violation a field is enough, except that every bad URL of an array
    // is worth knowing even when the array is also too long.
    if diag.failed(i) && !matches!(rule.check, Check::Url(_)) {
        return None;
    }
    let name = spec.fields.get(i)?.name;
    let Some(value) = &value else {
        if rule.check == Check::Required {
            let msg = message!("`{}` is required{}", name, Context(spec, rule));
            fail(rule, diag, Cow::Borrowed(name), msg);
        }
        return None;
    };
    let mut change = None;
    let problem: Option<String> = match (rule.check, value) {
        (Check::Required, _) => None,
        (Check::NotBlank, Value::Str(s)) => s.trim().is_empty().then(|| {
            if s.is_empty() {
                message!("`{}` is empty", name)
            } else {
                message!("`{}` is only white space", name)
            }
        }),
        (Check::Chars { min, max }, Value::Str(s)) => chars_problem(name, s, min, max),
        (Check::OneOf(allowed), Value::Str(s)) => (!allowed.contains(&s.as_ref())).then(|| {
            message!(
                "`{}` must be {}{}{} (got \"{}\")",
                name,
                if allowed.len() == 1 { "" } else { "one of " },
                Words(allowed),
                Context(spec, rule),
                Clipped(s)
            )
        }),
        (Check::IntOneOf(allowed), v) => match v.as_int() {
            Some(n) if allowed.contains(&n) => None,
            _ => Some(message!(
                "`{}` must be {}{} (got {})",
                name,
                Ints(allowed),
                Context(spec, rule),
                Shown(v)
            )),
        },
        (Check::IntRange(lo, hi), v) => match v.as_int() {
            Some(n) if (lo..=hi).contains(&n) => None,
            _ => Some(message!(
                "`{}` must be an integer from {} to {}{} (got {})",
                name,
                lo,
                hi,
                Context(spec, rule),
                Shown(v)
            )),
        },
        (Check::Count { min, max }, Value::List(l)) => {
            let n = l.len();
            (n < min || n > max).then(|| {
                let (bound, limit) = if n > max {
                    ("most", max)
                } else {
                    ("least", min)
                };
                message!(
                    "`{}` has {} URL{}; at {} {} allowed",
                    name,
                    n,
                    plural(n),
                    bound,
                    limit
                )
            })
        }
        (Check::Url(policy), Value::Str(s)) => url_rules::check(policy, s)
            .err()
            .map(|why| message!("`{}` {} (got \"{}\")", name, why, Clipped(s))),
        (Check::Url(policy), Value::List(l)) => {
            // Each bad element is its own violation, with its index.
            for (k, s) in l.iter().enumerate() {
                if let Err(why) = url_rules::check(policy, s) {
                    let msg = message!("`{}[{}]` {} (got \"{}\")", name, k, why, Clipped(s));
                    fail(rule, diag, Cow::Owned(message!("{}[{}]", name, k)), msg);
                }
            }
            None
        }
        (Check::Forbidden, _) => Some(message!("`{}` is not allowed{}", name, Context(spec, rule))),
        (Check::Unused, _) => {
            let msg = message!(
                "`{}` is not used{}: the normalized request leaves it out",
                name,
                Context(spec, rule)
            );
            diag.warn(warning::UNUSED_FIELD, Cow::Borrowed(name), msg);
            change = Some(Change::Out);
            None
        }
        (Check::Rewrite { from, to }, Value::Str(s)) if s == from => {
            let msg = message!(
                "`{}` \"{}\" is sent and billed as \"{}\"{}",
                name,
                from,
                to,
                Context(spec, rule)
            );
            diag.warn(warning::NORMALIZED_VALUE, Cow::Borrowed(name), msg);
            change = Some(Change::To(to));
            None
        }
        (Check::Rewrite { .. }, _) => None,
        // The field was read by its type, so a check of another type cannot
        // meet it; say so rather than pass in silence.
        (_, v) => Some(message!("`{}` cannot hold {}", name, Shown(v))),
    };
    if let Some(msg) = problem {
        fail(rule, diag, Cow::Borrowed(name), msg);
    }
    change
}

fn fail(rule: &'static Rule, diag: &mut Diag, path: Cow<'static, str>, mut message: String) {
    if !rule.hint.is_empty() {
        message.push_str("; ");
        message.push_str(rule.hint);
    }
    diag.violate(
        Some(rule.field),
        path,
        Cow::Borrowed(rule.id),
        rule.code,
        message,
    );
}

/// The number of characters (Unicode scalar values) of `s`: its bytes that
/// do not continue a UTF-8 sequence. A loop of its own, where
/// `chars().count()` brings the standard library's unrolled one (a size
/// the WebAssembly build notices).
pub(crate) fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

fn chars_problem(name: &str, s: &str, min: usize, max: Option<usize>) -> Option<String> {
    // A string has at most as many characters as bytes, and at least a
    // quarter as many: count only when the bytes cannot decide.
    let short_possible = s.len() < min.saturating_mul(4);
    let long_possible = max.is_some_and(|m| s.len() > m);
    if !short_possible && !long_possible {
        return None;
    }
    let n = char_count(s);
    if n < min {
        return Some(message!(
            "`{}` has {} character{}; at least {} are needed",
            name,
            n,
            plural(n),
            min
        ));
    }
    match max {
        Some(m) if n > m => Some(message!(
            "`{}` has {} characters; at most {} are allowed",
            name,
            n,
            m
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Json;
    use crate::{Checker, PriceBook};

    /// The compiled tables (the native engine) and [`interpret`] (the
    /// WebAssembly build's) write the same report, byte for byte, on every
    /// conformance case: with and without a price book and a balance. And the
    /// formula, written piece by piece, is the one `format!` wrote.
    #[test]
    fn the_interpreter_writes_the_reports_of_the_compiled_tables() {
        let doc = Json::parse(include_str!("../../../conformance/cases.json")).unwrap();
        let books = doc.get("price_books").unwrap();
        let mut compared = 0;
        let mut formulas = 0;
        for case in doc.get("cases").and_then(Json::as_array).unwrap() {
            let id = case.get("id").and_then(Json::as_str).unwrap();
            let endpoint: Endpoint = case
                .get("endpoint")
                .and_then(Json::as_str)
                .unwrap()
                .parse()
                .unwrap();
            let body = match case.get("body_text").and_then(Json::as_str) {
                Some(text) => text.to_owned(),
                None => case.get("body").unwrap().to_string(),
            };
            let book = case
                .get("price_book")
                .and_then(Json::as_str)
                .map(|name| PriceBook::from_json(&books.get(name).unwrap().to_string()).unwrap());
            let balance = case.get("balance").and_then(Json::as_u64);
            let mut checker = Checker::new();
            if let Some(book) = &book {
                checker = checker.price_book(book);
            }
            if let Some(b) = balance {
                checker = checker.balance(b);
            }
            let Ok(compiled) = checker.check_endpoint(endpoint, &body) else {
                continue;
            };
            let mut diag = Diag::default();
            let mut slots = Slots::new();
            let readable =
                crate::body::read_body(endpoint.spec(), &body, &mut diag, &mut slots).unwrap();
            let (name, prices) = checker.prices(endpoint);
            let mut interpreted = Report::new(endpoint, slots);
            interpret(&mut interpreted, diag, readable, name, prices, balance);
            assert_eq!(interpreted.to_json(), compiled.to_json(), "{id}");
            if let Some(q) = compiled.quote() {
                assert_eq!(q.formula(), q.formula_by_format(), "{id}");
                formulas += 1;
            }
            compared += 1;
        }
        assert!(compared > 500, "only {compared} cases compared");
        assert!(formulas > 250, "only {formulas} formulas compared");
    }

    /// `quote_request`'s hot path is taken where it may be: a valid typed
    /// request that draws no warning and is within the balance is quoted
    /// where it stands (`quote_typed`), with the report's quote; one whose
    /// value the rules rewrite, or over the balance, is left to the report.
    /// (Leaving it to the report gives the same answer, so only this test
    /// sees the hot path lost.)
    #[test]
    fn a_clean_typed_request_is_quoted_without_the_report() {
        use crate::requests::private::Sealed;
        use crate::SeedanceApiV2Request;
        let checker = Checker::new();
        let (name, prices) = checker.prices(Endpoint::SeedanceApiV2);
        let mini = |resolution: &'static str| SeedanceApiV2Request {
            model: Some("seedance-2-mini".into()),
            duration: Some(8),
            resolution: Some(resolution.into()),
            ..SeedanceApiV2Request::new("A kite over the sea")
        };
        let clean = mini("720p");
        let report = checker.check_request(&clean);
        assert!(report.is_ok() && report.warnings().is_empty());
        let quick = clean
            .quick_quote(name, prices, None)
            .map(|q| format!("{q:?}"));
        assert_eq!(quick, report.quote().map(|q| format!("{q:?}")));
        assert!(quick.is_some());
        assert!(clean.quick_quote(name, prices, Some(10_000)).is_some());
        // Over the balance, and Mini's 1080p billed as 720p: the report says.
        assert!(clean.quick_quote(name, prices, Some(1)).is_none());
        assert!(mini("1080p").quick_quote(name, prices, None).is_none());
        assert!(!checker.check_request(&mini("1080p")).warnings().is_empty());
    }

    /// Bodies made at random from each endpoint's example, up to two of
    /// its fields left out or set to one of the endpoint's own words (the
    /// strings and integers its rules name, the field's first) or to a value
    /// wrong in a usual way, with and without a balance: the interpreter
    /// writes the compiled tables' report, byte for byte. `ENGINE_CASES=N`
    /// runs N bodies an endpoint (1,000 by default).
    #[test]
    fn the_interpreter_writes_the_reports_of_the_compiled_tables_on_random_bodies() {
        let n: usize = std::env::var("ENGINE_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1_000);
        // xorshift64*: the same bodies on every run.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |below: usize| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % below.max(1)
        };
        let odd: [Json; 12] = [
            Json::from(""),
            Json::from(" "),
            Json::from("x"),
            Json::from("08"),
            Json::from("1080p"),
            Json::from("https://example.com/a.png"),
            Json::from("http://127.0.0.1/a.png"),
            Json::from("a\"q\u{1}"),
            Json::from(-1),
            Json::from(100),
            Json::Bool(true),
            Json::Null,
        ];
        let (mut compared, mut priced) = (0, 0);
        for endpoint in Endpoint::ALL {
            let spec = endpoint.spec();
            let example = Json::parse(spec.example).unwrap();
            let example = example.as_object().unwrap();
            // Each field's own words and integers.
            let mut own: Vec<Vec<Json>> = vec![Vec::new(); spec.fields.len()];
            for rule in spec.rules {
                let words = &mut own[rule.field];
                match rule.check {
                    Check::OneOf(list) => words.extend(list.iter().map(|&w| Json::from(w))),
                    Check::IntOneOf(list) => {
                        words.extend(list.iter().map(|&i| Json::from(i)));
                        words.extend(list.iter().map(|&i| Json::from(i.to_string())));
                    }
                    Check::IntRange(lo, hi) => {
                        words.extend([lo - 1, lo, hi, hi + 1].map(Json::from));
                    }
                    Check::Rewrite { from, to } => words.extend([from, to].map(Json::from)),
                    _ => {}
                }
                for c in rule.when {
                    if let Cond::Is(f, w) | Cond::IsNot(f, w) = *c {
                        own[f].push(Json::from(w));
                    }
                }
            }
            for _ in 0..n {
                let mut members: Vec<(String, Json)> = example.to_vec();
                for _ in 0..next(3) {
                    let f = next(spec.fields.len());
                    let name = spec.fields[f].name;
                    members.retain(|(k, _)| k != name);
                    let value = match next(8) {
                        0 => continue,
                        1 => odd[next(odd.len())].clone(),
                        2 => Json::array(
                            (0..next(4))
                                .map(|_| odd[next(odd.len())].clone())
                                .collect::<Vec<_>>(),
                        ),
                        _ if own[f].is_empty() => odd[next(odd.len())].clone(),
                        _ => own[f][next(own[f].len())].clone(),
                    };
                    members.push((name.to_owned(), value));
                }
                if next(8) == 0 {
                    members.push(("promt".to_owned(), Json::from("x")));
                }
                let body = Json::Object(members).to_string();
                let balance = [None, Some(0), Some(10), Some(1_000)][next(4)];
                let mut checker = Checker::new();
                if let Some(b) = balance {
                    checker = checker.balance(b);
                }
                let compiled = checker.check_endpoint(endpoint, &body).unwrap();
                let mut diag = Diag::default();
                let mut slots = Slots::new();
                let readable = crate::body::read_body(spec, &body, &mut diag, &mut slots).unwrap();
                let (name, prices) = checker.prices(endpoint);
                let mut interpreted = Report::new(endpoint, slots);
                interpret(&mut interpreted, diag, readable, name, prices, balance);
                assert_eq!(interpreted.to_json(), compiled.to_json(), "{body}");
                compared += 1;
                priced += usize::from(compiled.credits().is_some());
            }
        }
        assert_eq!(compared, n * Endpoint::ALL.len());
        // Not only bodies that fail early: many are priced.
        assert!(priced * 4 > compared, "{priced} of {compared} priced");
    }
}
