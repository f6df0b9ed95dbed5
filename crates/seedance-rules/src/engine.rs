//! The interpreter of the rule tables: defaults, rules, rewrites, the quote
//! and the balance. It knows no endpoint; everything comes from the tables.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::body::clip;
use crate::endpoint::Endpoint;
use crate::price::{quote, EndpointPrices};
use crate::report::{warning, Diag, Report};
use crate::spec::{Check, Cond, DefaultValue, EndpointSpec, Rule};
use crate::url_rules;
use crate::value::{Slots, Value};

/// Checks slots already read by type, and prices them when they are valid.
pub(crate) fn evaluate<'a>(
    endpoint: Endpoint,
    mut slots: Slots<'a>,
    mut diag: Diag,
    body_readable: bool,
    book: &'a str,
    prices: &'a EndpointPrices,
    balance: Option<u64>,
) -> Report<'a> {
    let spec = endpoint.spec();
    if body_readable {
        fill_defaults(spec, &mut slots, &diag);
        // The tables list the rules that hold whatever the other fields say
        // first (a test checks it), so that the conditions of the rest see
        // which fields already failed.
        let (own, across) = spec
            .rules
            .split_at(spec.rules.partition_point(|r| r.when.is_empty()));
        for rule in own {
            apply(spec, rule, &mut slots, &mut diag);
        }
        for rule in across {
            if holds(rule.when, &slots, &diag) == Some(true) {
                apply(spec, rule, &mut slots, &mut diag);
            }
        }
    }
    let body_ok = body_readable && diag.violations.is_empty();
    let quote = body_ok.then(|| quote(spec, book, prices, &slots));
    if let (Some(balance), Some(credits)) = (balance, quote.as_ref().and_then(|q| q.credits())) {
        if credits > balance {
            diag.violate(
                None,
                Cow::Borrowed(""),
                Cow::Owned(format!("{}.balance.insufficient", spec.id)),
                spec.balance_code,
                format!("the request costs {credits} credits and the balance is {balance}"),
            );
        }
    }
    Report {
        endpoint,
        spec,
        slots,
        body_ok,
        violations: diag.violations,
        warnings: diag.warnings,
        quote,
    }
}

pub(crate) fn fill_defaults(spec: &EndpointSpec, slots: &mut Slots<'_>, diag: &Diag) {
    for (i, f) in spec.fields.iter().enumerate() {
        if slots.get(i).is_some() || diag.failed(i) {
            continue;
        }
        let value = match f.default {
            DefaultValue::None => continue,
            DefaultValue::Str(s) => Value::Str(Cow::Borrowed(s)),
            DefaultValue::Bool(b) => Value::Bool(b),
            DefaultValue::Int(n) => Value::Int(n),
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

fn apply(spec: &'static EndpointSpec, rule: &'static Rule, slots: &mut Slots<'_>, diag: &mut Diag) {
    let i = rule.field;
    // One violation a field is enough, except that every bad URL of an array
    // is worth knowing even when the array is also too long.
    if diag.failed(i) && !matches!(rule.check, Check::Url(_)) {
        return;
    }
    let name = spec.fields[i].name;
    let Some(value) = slots.get(i) else {
        if rule.check == Check::Required {
            let msg = format!("`{name}` is required{}", context(spec, rule));
            fail(rule, diag, Cow::Borrowed(name), msg);
        }
        return;
    };
    let problem: Option<String> = match (rule.check, value) {
        (Check::Required, _) => None,
        (Check::NotBlank, Value::Str(s)) => s.trim().is_empty().then(|| {
            if s.is_empty() {
                format!("`{name}` is empty")
            } else {
                format!("`{name}` is only white space")
            }
        }),
        (Check::Chars { min, max }, Value::Str(s)) => chars_problem(name, s, min, max),
        (Check::OneOf(allowed), Value::Str(s)) => (!allowed.contains(&s.as_ref())).then(|| {
            format!(
                "`{name}` must be one of {}{} (got \"{}\")",
                allowed.join(", "),
                context(spec, rule),
                clip(s)
            )
        }),
        (Check::IntOneOf(allowed), v) => match v.as_int() {
            Some(n) if allowed.contains(&n) => None,
            _ => Some(format!(
                "`{name}` must be {}{} (got {})",
                list_ints(allowed),
                context(spec, rule),
                shown(v)
            )),
        },
        (Check::IntRange(lo, hi), v) => match v.as_int() {
            Some(n) if (lo..=hi).contains(&n) => None,
            _ => Some(format!(
                "`{name}` must be an integer from {lo} to {hi}{} (got {})",
                context(spec, rule),
                shown(v)
            )),
        },
        (Check::Count { min, max }, Value::List(l)) => {
            let n = l.len();
            (n < min || n > max).then(|| {
                let bound = if n > max {
                    format!("at most {max}")
                } else {
                    format!("at least {min}")
                };
                format!(
                    "`{name}` has {n} URL{}; {bound} allowed",
                    if n == 1 { "" } else { "s" }
                )
            })
        }
        (Check::Url(policy), Value::Str(s)) => url_rules::check(policy, s)
            .err()
            .map(|why| format!("`{name}` {why} (got \"{}\")", clip(s))),
        (Check::Url(policy), Value::List(l)) => {
            // Each bad element is its own violation, with its index.
            for (k, s) in l.iter().enumerate() {
                if let Err(why) = url_rules::check(policy, s) {
                    let msg = format!("`{name}[{k}]` {why} (got \"{}\")", clip(s));
                    fail(rule, diag, Cow::Owned(format!("{name}[{k}]")), msg);
                }
            }
            None
        }
        (Check::Forbidden, _) => Some(format!("`{name}` is not allowed{}", context(spec, rule))),
        (Check::Unused, _) => {
            let msg = format!("`{name}` is not used{} and is ignored", context(spec, rule));
            diag.warn(warning::UNUSED_FIELD, Cow::Borrowed(name), msg);
            None
        }
        (Check::Rewrite { from, to }, Value::Str(s)) if s == from => {
            let msg = format!(
                "`{name}` \"{from}\" is sent and billed as \"{to}\"{}",
                context(spec, rule)
            );
            diag.warn(warning::NORMALIZED_VALUE, Cow::Borrowed(name), msg);
            slots.set(i, Some(Value::Str(Cow::Borrowed(to))));
            None
        }
        (Check::Rewrite { .. }, _) => None,
        // The field was read by its type, so a check of another type cannot
        // meet it; say so rather than pass in silence.
        (_, v) => Some(format!("`{name}` cannot hold {}", shown(v))),
    };
    if let Some(msg) = problem {
        fail(rule, diag, Cow::Borrowed(name), msg);
    }
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

fn chars_problem(name: &str, s: &str, min: usize, max: Option<usize>) -> Option<String> {
    // A string has at most as many characters as bytes, and at least a
    // quarter as many: count only when the bytes cannot decide.
    let short_possible = s.len() < min.saturating_mul(4);
    let long_possible = max.is_some_and(|m| s.len() > m);
    if !short_possible && !long_possible {
        return None;
    }
    let n = s.chars().count();
    if n < min {
        return Some(format!(
            "`{name}` has {n} character{}; at least {min} are needed",
            if n == 1 { "" } else { "s" }
        ));
    }
    match max {
        Some(m) if n > m => Some(format!(
            "`{name}` has {n} characters; at most {m} are allowed"
        )),
        _ => None,
    }
}

/// " when `model` is seedance-2.0", from a rule's conditions.
pub(crate) fn context(spec: &EndpointSpec, rule: &Rule) -> String {
    let mut out = String::new();
    for (k, c) in rule.when.iter().enumerate() {
        out.push_str(if k == 0 { " when " } else { " and " });
        let _ = match *c {
            Cond::Is(f, v) => write!(out, "`{}` is {v}", spec.fields[f].name),
            Cond::IsNot(f, v) => write!(out, "`{}` is not {v}", spec.fields[f].name),
            Cond::Absent(f) => write!(out, "`{}` is absent", spec.fields[f].name),
        };
    }
    out
}

fn list_ints(v: &[i64]) -> String {
    match v {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => {
            let head: Vec<String> = init.iter().map(i64::to_string).collect();
            format!("{} or {last}", head.join(", "))
        }
    }
}

fn shown(v: &Value<'_>) -> String {
    match v {
        Value::Str(s) => format!("\"{}\"", clip(s)),
        Value::Int(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::List(l) => format!("an array of {}", l.len()),
    }
}
