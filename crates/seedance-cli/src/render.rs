//! Text for people: reports and price tables. Everything is written into a
//! `String` (which cannot fail); `main` writes it out once.

use std::borrow::Cow;
use std::fmt::Write as _;

use seedance_rules::{
    Amount, Clip, Comparison, Endpoint, EndpointPrices, EndpointSpec, Input, MatchValue, PriceRow,
    Ratio, Report, Source, Usd,
};

/// A report for a person: the verdict, the price and how it was reached (with
/// the table that priced it: its rate, its note), the normalized request,
/// each violation and each warning.
pub fn report(out: &mut String, report: &Report<'_>) {
    let spec = report.endpoint().spec();
    let n = report.violations().len();
    let verdict = if report.is_ok() {
        "valid".to_owned()
    } else {
        format!("invalid ({n} violation{})", if n == 1 { "" } else { "s" })
    };
    let _ = writeln!(out, "{} ({}): {verdict}", spec.id, spec.route);

    let _ = writeln!(out);
    match report.quote() {
        None => {
            let _ = writeln!(out, "price: none (the request is invalid)");
        }
        Some(q) => match (q.row(), q.credits()) {
            // A loaded book's gap is not the provider's silence.
            (None, _) if q.no_row_matches() => {
                let _ = writeln!(out, "price: no row of the price table matches this request");
                let _ = writeln!(out, "  book: {}", printable(q.book()));
            }
            (None, _) => {
                let _ = writeln!(out, "price: no published price");
                let note = &q.table().note;
                if *note != Source::default() {
                    let _ = writeln!(out, "  note: {}", source(note));
                }
                let _ = writeln!(out, "  book: {}", printable(q.book()));
            }
            (Some(row), credits) => {
                match credits {
                    Some(c) => {
                        let usd = q.usd().map(|u| format!(" (${u})")).unwrap_or_default();
                        let _ = writeln!(out, "price: {c} credits{usd}");
                    }
                    None => {
                        let _ = writeln!(out, "price: too large to compute");
                    }
                }
                // A fixed price needs no formula (`480 = 480`).
                let formula = q.formula();
                if credits.is_none_or(|c| formula != format!("{c} = {c}")) {
                    let _ = writeln!(out, "  formula: {formula}");
                }
                let _ = writeln!(out, "  row:     {}", conditions(spec, row));
                if row.source != Source::default() {
                    let _ = writeln!(out, "  source:  {}", source(&row.source));
                }
                // The rate and its source, from the table that priced it.
                let prices = q.table();
                if let (Some(rate), true) = (prices.usd_per_credit, q.usd().is_some()) {
                    let _ = write!(out, "  rate:    1 credit = ${}", Usd(rate));
                    if prices.usd_source != Source::default() {
                        let _ = write!(out, " ({})", source(&prices.usd_source));
                    }
                    let _ = writeln!(out);
                }
                let _ = writeln!(out, "  book:    {}", printable(q.book()));
            }
        },
    }

    let _ = writeln!(out);
    match report.normalized() {
        Some(n) => {
            let json = n.to_json().to_string_pretty();
            let _ = writeln!(out, "normalized request:\n{json}");
        }
        None => {
            let _ = writeln!(out, "normalized request: none (the body has a violation)");
        }
    }

    if !report.violations().is_empty() {
        let _ = writeln!(out, "\nviolations:");
        for v in report.violations() {
            let _ = writeln!(out, "  {}", printable(&v.to_string()));
        }
    }
    if !report.warnings().is_empty() {
        let _ = writeln!(out, "\nwarnings:");
        for w in report.warnings() {
            let _ = writeln!(out, "  {}", printable(&w.to_string()));
        }
    }
}

/// A clip priced on every endpoint: one line an endpoint and model, then
/// what to know (warnings, notes) or why it cannot be made there.
pub fn comparison(out: &mut String, clip: &Clip<'_>, rows: &[Comparison]) {
    let input = match clip.input {
        Input::Text => "from text",
        Input::Image => "from an image",
        Input::Video => "from a reference video",
        _ => "from another input",
    };
    let audio = if clip.audio { "with audio" } else { "no audio" };
    let _ = writeln!(
        out,
        "clip: {} s, {}, {input}, {audio}\n",
        clip.duration,
        printable(clip.resolution)
    );
    let price = |r: &Comparison| match (r.ok, r.credits) {
        (true, Some(c)) => match &r.usd {
            Some(usd) => format!("{c} credits (${usd})"),
            None => format!("{c} credits"),
        },
        (true, None) => "not priced".to_owned(),
        (false, _) => "cannot".to_owned(),
    };
    let w_price = rows
        .iter()
        .map(|r| price(r).chars().count())
        .max()
        .unwrap_or(0);
    let w_endpoint = rows.iter().map(|r| r.endpoint.len()).max().unwrap_or(0);
    for r in rows {
        // Without a model choice, the endpoint's one model.
        let model = r
            .model
            .or_else(|| Some(Endpoint::from_id(r.endpoint)?.spec().models));
        let _ = writeln!(
            out,
            "{:w_price$}  {:w_endpoint$}  {}",
            price(r),
            r.endpoint,
            model.unwrap_or("")
        );
        let indent = " ".repeat(w_price + 4);
        for v in &r.violations {
            let _ = writeln!(
                out,
                "{indent}{}: {}",
                printable(&v.code),
                printable(&v.message)
            );
        }
        for w in &r.warnings {
            let _ = writeln!(
                out,
                "{indent}warning {}: {}",
                printable(w.code),
                printable(&w.message)
            );
        }
        if let Some(note) = r.note {
            let _ = writeln!(out, "{indent}{note}");
        }
    }
}

/// One endpoint's price table for a person, and the name of the `book` it
/// comes from if there is a choice of books.
pub fn table(out: &mut String, spec: &EndpointSpec, prices: &EndpointPrices, book: Option<&str>) {
    let _ = writeln!(out, "{} ({} {})", spec.id, spec.provider, spec.route);
    if let Some(name) = book {
        let _ = writeln!(out, "  book: {}", printable(name));
    }
    if let Some(rate) = prices.usd_per_credit {
        let _ = write!(out, "  1 credit = ${}", Usd(rate));
        if prices.usd_source != Source::default() {
            let _ = write!(out, "  ({})", source(&prices.usd_source));
        }
        let _ = writeln!(out);
    } else if prices.usd_source != Source::default() {
        let _ = writeln!(out, "  no US dollar rate  ({})", source(&prices.usd_source));
    }
    if prices.markup != Ratio::ONE {
        let _ = writeln!(out, "  every row's credits × {}, rounded up", prices.markup);
    }
    if prices.rows.is_empty() {
        let _ = writeln!(out, "  no published price");
    }
    for row in prices.rows.iter() {
        let _ = writeln!(out, "  {}: {}", conditions(spec, row), amount(spec, row));
        if row.source != Source::default() {
            let _ = writeln!(out, "      {}", source(&row.source));
        }
    }
    if prices.note != Source::default() {
        let _ = writeln!(out, "  note: {}", source(&prices.note));
    }
}

/// A row's conditions: `model = seedance-2.0, duration = 5`, or `any request`.
fn conditions(spec: &EndpointSpec, row: &PriceRow) -> String {
    if row.when.is_empty() {
        return "any request".to_owned();
    }
    let parts: Vec<String> = row
        .when
        .iter()
        .map(|m| {
            let name = spec.fields.get(m.field).map_or("?", |f| f.name);
            match &m.value {
                MatchValue::Str(s) => format!("{name} = {}", printable(s)),
                MatchValue::Int(i) => format!("{name} = {i}"),
                MatchValue::Bool(b) => format!("{name} = {b}"),
                MatchValue::Present(true) => format!("{name} given"),
                MatchValue::Present(false) => format!("no {name}"),
                // A kind of condition newer than this renderer.
                other => format!("{name}: {other:?}"),
            }
        })
        .collect();
    parts.join(", ")
}

/// What a row charges: `240 credits`, `41/2 credits a second × 3/2, rounded up`.
fn amount(spec: &EndpointSpec, row: &PriceRow) -> String {
    let mut s = match row.amount {
        Amount::Credits(c) => format!("{c} credits"),
        Amount::PerSecond(r) => match r.to_decimal(0) {
            Some(d) if !r.is_integer() => format!("{r} ({d}) credits a second"),
            _ => format!("{r} credits a second"),
        },
        // A kind of amount newer than this renderer.
        other => format!("{other:?}"),
    };
    if row.markup != Ratio::ONE {
        let _ = write!(s, " × {}", row.markup);
    }
    if let Some(f) = row.per.and_then(|i| spec.fields.get(i)) {
        let _ = write!(s, " × `{}`", f.name);
    }
    if !matches!(row.amount, Amount::Credits(_)) || row.markup != Ratio::ONE {
        s.push_str(", rounded up");
    }
    s
}

/// A source in one line: `document: "quote"; decision; note`.
fn source(s: &Source) -> String {
    let mut parts = Vec::new();
    match (s.document.is_empty(), s.quote.is_empty()) {
        (false, false) => parts.push(format!("{}: “{}”", s.document, s.quote)),
        (false, true) => parts.push(s.document.to_string()),
        (true, false) => parts.push(format!("“{}”", s.quote)),
        (true, true) => {}
    }
    if !s.decision.is_empty() {
        parts.push(format!("decision: {}", s.decision));
    }
    if !s.note.is_empty() {
        parts.push(format!("note: {}", s.note));
    }
    printable(&parts.join("; ")).into_owned()
}

/// Text from a request or a price book, safe to print on a terminal: control
/// characters (an escape sequence in a field name) and the invisible
/// characters that reorder or hide text (see [`hidden`]) are shown escaped.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if hidden(c) {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Whether `c` would act on the terminal, or on the text around it, rather
/// than show: a control character (C0, DEL, C1), or one of Unicode's
/// invisible format characters that reorder the text after them (the bidi
/// embeddings, overrides and isolates, U+202A to U+202E and U+2066 to
/// U+2069, and the marks U+061C, U+200E, U+200F) or hide that text is there
/// (the zero-width characters U+200B to U+200D, U+2060 to U+2064, U+FEFF).
/// A value shown as `"x\u{202e}evil"` cannot pass for another.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}
