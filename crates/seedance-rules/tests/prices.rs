//! Properties of the prices: exact rounding, monotony, and Mini's two views.

use proptest::prelude::*;
use seedance_rules::{
    check, check_request, Amount, Checker, Endpoint, Json, PriceBook, Ratio, SeedanceApiV2Request,
};

/// The published per-second rate of a Mini row, read from the document's
/// words in the row's source ("ceil(14.25 × seconds)", "9 × seconds").
fn published_rate(quote: &str) -> Ratio {
    // "| 480p | text / image | ceil(14.25 × seconds) |": the third cell.
    let formula = quote
        .trim_matches(|c| c == '|' || c == ' ')
        .split(" | ")
        .nth(2)
        .unwrap();
    let number: String = formula
        .trim_start_matches("ceil(")
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number.parse().unwrap()
}

#[test]
fn mini_rows_are_the_upstream_rates_times_three_halves_of_the_published_table() {
    let rows = &Endpoint::SeedanceApiV2.spec().prices.rows;
    let mini: Vec<_> = rows
        .iter()
        .filter(|r| matches!(r.amount, Amount::PerSecond(_)))
        .collect();
    assert_eq!(mini.len(), 4);
    for row in mini {
        let Amount::PerSecond(upstream) = row.amount else {
            unreachable!()
        };
        assert_eq!(row.markup, Ratio::new(3, 2).unwrap());
        let published = published_rate(&row.source.quote);
        assert_eq!(
            upstream.checked_mul(row.markup),
            Some(published),
            "{}",
            row.source.quote
        );
    }
}

fn mini_body(seconds: u32, resolution: &str, video: bool) -> String {
    let refs = if video {
        r#", "reference_video_urls": ["https://example.com/a.mp4"]"#
    } else {
        ""
    };
    format!(
        r#"{{"prompt": "p", "model": "seedance-2-mini", "duration": {seconds}, "resolution": "{resolution}"{refs}}}"#
    )
}

proptest! {
    #[test]
    fn mini_quote_is_the_least_integer_not_below_the_published_rate_times_seconds(
        seconds in 4u32..=15, res in prop::sample::select(vec!["480p", "720p", "1080p"]), video: bool,
    ) {
        let credits = check("seedanceapi-v2", &mini_body(seconds, res, video)).unwrap().credits().unwrap();
        // Published rates in quarters of a credit: 14.25 = 57/4, 9 = 36/4, 30.75 = 123/4, 18.75 = 75/4.
        let quarters: u64 = match (res, video) {
            ("480p", false) => 57,
            ("480p", true) => 36,
            (_, false) => 123,
            (_, true) => 75,
        };
        let exact_times_4 = quarters * u64::from(seconds);
        prop_assert!(credits * 4 >= exact_times_4);
        prop_assert!((credits - 1) * 4 < exact_times_4);
        // And the same from the upstream view: ceil(upstream × 3/2 × s), upstream in halves.
        let upstream_halves: u64 = match (res, video) { ("480p", false) => 19, ("480p", true) => 12, (_, false) => 41, (_, true) => 25 };
        prop_assert_eq!(credits, (upstream_halves * 3 * u64::from(seconds)).div_ceil(4));
    }

    #[test]
    fn mini_never_gets_cheaper_with_more_seconds_or_a_higher_resolution(seconds in 4u32..15, video: bool) {
        let q = |s, r| check("seedanceapi-v2", &mini_body(s, r, video)).unwrap().credits().unwrap();
        prop_assert!(q(seconds + 1, "480p") >= q(seconds, "480p"));
        prop_assert!(q(seconds + 1, "720p") >= q(seconds, "720p"));
        prop_assert!(q(seconds, "720p") >= q(seconds, "480p"));
        prop_assert_eq!(q(seconds, "1080p"), q(seconds, "720p"));
    }

    #[test]
    fn typed_and_json_mini_agree(seconds in 0u32..20, res in prop::sample::select(vec!["480p", "720p", "1080p", "4K"])) {
        let req = SeedanceApiV2Request {
            model: Some("seedance-2-mini".into()),
            duration: Some(seconds),
            resolution: Some(res.into()),
            ..SeedanceApiV2Request::new("p")
        };
        let typed = check_request(&req);
        let json = format!(r#"{{"prompt": "p", "model": "seedance-2-mini", "duration": {seconds}, "resolution": "{res}"}}"#);
        let parsed = check("seedanceapi-v2", &json).unwrap();
        prop_assert_eq!(typed.to_json(), parsed.to_json());
    }

    #[test]
    fn a_reseller_markup_rounds_up_once_over_the_rounded_row(num in 1u64..400, den in 1u64..100, seconds in 4u32..=15) {
        let book = format!(r#"{{"schema": "seedance-rules/price-book/v1", "name": "r",
            "endpoints": {{"seedanceapi-v2": {{"markup": "{num}/{den}", "rows": [
              {{"when": {{"model": "seedance-2-mini"}}, "credits_per_second": "19/2", "markup": "3/2"}}]}}}}}}"#);
        let book = seedance_rules::PriceBook::from_json(&book).unwrap();
        let body = mini_body(seconds, "480p", false);
        let credits = seedance_rules::check_with(&book, "seedanceapi-v2", &body).unwrap().credits().unwrap();
        let row = (57 * u64::from(seconds)).div_ceil(4);
        prop_assert_eq!(credits, (row * num).div_ceil(den));
    }
}

#[test]
fn fixed_tables_never_fall_as_duration_resolution_or_audio_rise() {
    for endpoint in ["seedanceapi-v1", "apiinone-videos"] {
        let audio_field = if endpoint == "apiinone-videos" {
            "generateAudio"
        } else {
            "generate_audio"
        };
        let model = if endpoint == "apiinone-videos" {
            r#""model": "seedance-1-5-pro", "#
        } else {
            ""
        };
        let q = |d: &str, r: &str, a: bool| {
            let body = format!(
                r#"{{{model}"prompt": "p", "duration": "{d}", "resolution": "{r}", "{audio_field}": {a}}}"#
            );
            check(endpoint, &body).unwrap().credits().unwrap()
        };
        for a in [false, true] {
            for r in ["480p", "720p"] {
                assert!(q("4", r, a) <= q("8", r, a) && q("8", r, a) <= q("12", r, a));
            }
            for d in ["4", "8", "12"] {
                assert!(q(d, "480p", a) <= q(d, "720p", a));
                assert!(q(d, "480p", false) <= q(d, "480p", true));
            }
        }
    }
    for model in ["seedance-2.0", "seedance-2.0-fast"] {
        let q = |d: u32| {
            check(
                "seedanceapi-v2",
                &format!(r#"{{"prompt": "p", "model": "{model}", "duration": {d}}}"#),
            )
            .unwrap()
            .credits()
            .unwrap()
        };
        assert!(q(5) < q(10) && q(10) < q(15));
    }
}

#[test]
fn ratios_parse_reduce_and_print_exactly() {
    assert_eq!("19/2".parse::<Ratio>(), Ok(Ratio::new(19, 2).unwrap()));
    assert_eq!("9.50".parse::<Ratio>(), Ok(Ratio::new(19, 2).unwrap()));
    assert_eq!("6/4".parse::<Ratio>().unwrap().to_string(), "3/2");
    for bad in ["1/0", "-1", "1e3", "", ".5", "1.", "1/2/3", "0x10"] {
        assert!(bad.parse::<Ratio>().is_err(), "{bad}");
    }
    assert_eq!(Ratio::new(8, 100).unwrap().to_decimal(2).unwrap(), "0.08");
    assert_eq!(Ratio::new(246, 100).unwrap().to_decimal(2).unwrap(), "2.46");
    assert_eq!(Ratio::new(1, 8).unwrap().to_decimal(2).unwrap(), "0.125");
    assert_eq!(Ratio::int(3).to_decimal(0).unwrap(), "3");
    assert_eq!(Ratio::new(1, 3).unwrap().to_decimal(2), None);
    // Where the numerator times 10^decimals would pass 128 bits.
    let big = Ratio::new(437_666_666_666_666_666_229, 1_000_000_000_000_000_000).unwrap();
    assert_eq!(big.to_decimal(2).unwrap(), "437.666666666666666229");
    let big = Ratio::new(u128::MAX - 1, 1 << 20).unwrap();
    assert_eq!(
        big.to_decimal(2).unwrap(),
        "324518553658426726783156020576255.9999980926513671875"
    );
    assert_eq!(Ratio::new(57 * 5, 4).unwrap().ceil(), 72);
    assert_eq!(Ratio::int(72).ceil(), 72);
}

/// A product is exact, in lowest terms, whichever terms share a factor: the
/// first numerator with the second denominator, the second numerator with
/// the first denominator, or both.
#[test]
fn a_product_of_ratios_is_exact_whichever_terms_share_a_factor() {
    let r = |n, d| Ratio::new(n, d).unwrap();
    for (x, y, product) in [
        // No common factor across: 19/2 × 3/2 = 57/4 (Mini's 480p rate).
        (r(19, 2), r(3, 2), r(57, 4)),
        // 3 shared by the first numerator and the second denominator.
        (r(3, 4), r(5, 3), r(5, 4)),
        // 2 shared by the second numerator and the first denominator.
        (r(5, 4), r(2, 7), r(5, 14)),
        // Both: 3/4 × 2/3 = 6/12 = 1/2.
        (r(3, 4), r(2, 3), r(1, 2)),
        // 4/15 × 5/8 = 20/120 = 1/6.
        (r(4, 15), r(5, 8), r(1, 6)),
        (Ratio::int(7), r(1, 7), Ratio::ONE),
    ] {
        assert_eq!(x.checked_mul(y), Some(product), "{x} × {y}");
        assert_eq!(y.checked_mul(x), Some(product), "{y} × {x}");
    }
}

/// A ratio is whole exactly when its lowest terms have denominator 1.
#[test]
fn a_ratio_is_an_integer_exactly_when_it_reduces_to_a_whole_number() {
    let r = |n, d| Ratio::new(n, d).unwrap();
    for whole in [Ratio::int(0), Ratio::int(3), r(6, 3), r(0, 7), Ratio::ONE] {
        assert!(whole.is_integer(), "{whole}");
    }
    for fraction in [r(19, 2), r(1, 3), r(7, 6)] {
        assert!(!fraction.is_integer(), "{fraction}");
    }
    assert!("9.0".parse::<Ratio>().unwrap().is_integer());
    assert!(!"9.5".parse::<Ratio>().unwrap().is_integer());
}

/// Lowest terms for a small numerator over a denominator past 64 bits:
/// 2^64 + 3 is odd and 1 modulo 3 (2^64 = 4^32), so 6/(2^64 + 3) is
/// already in lowest terms, and 6/(2 × (2^64 + 3)) is 3/(2^64 + 3).
#[test]
fn a_small_numerator_over_a_denominator_past_64_bits_reduces_exactly() {
    let big = (1u128 << 64) + 3;
    let r = Ratio::new(6, big).unwrap();
    assert_eq!((r.numer(), r.denom()), (6, big));
    let r = Ratio::new(6, 2 * big).unwrap();
    assert_eq!((r.numer(), r.denom()), (3, big));
}

/// A rational that cannot be read says why, in the words a price book's
/// error gives after the text it could not read.
#[test]
fn a_rational_that_cannot_be_read_says_why() {
    for text in ["1/0", "x", "1000000000000000001", "0.0000000000000000001"] {
        let why = text.parse::<Ratio>().unwrap_err().to_string();
        assert!(
            why.starts_with(|c: char| c.is_ascii_lowercase()) && !why.ends_with('.'),
            "{text}: {why:?}"
        );
        let err = book_of(
            "seedance2ai-video",
            &format!(r#"{{"markup": "{text}", "rows": []}}"#),
        )
        .unwrap_err()
        .to_string();
        assert!(err.ends_with(&format!("`{text}`: {why}")), "{text}: {err}");
    }
}

/// A book's dollar rate is a decimal of at most 18 places, as the book's
/// decimals are read: so every quote's dollars are an exact decimal, and the
/// book written back loads again.
#[test]
fn a_dollar_rate_is_a_decimal_of_at_most_18_decimals() {
    let table = |rate: &str| {
        format!(
            r#"{{"usd_per_credit": "{rate}", "rows": [{{"when": {{}}, "credits_per_second": "101"}}]}}"#
        )
    };
    let body = r#"{"prompt": "a cat on a roof", "duration": "13"}"#;
    for (rate, usd) in [
        ("0.333333333333333333", "437.666666666666666229"),
        ("1/1024", "1.2822265625"),
        ("1/262144", "0.005008697509765625"),
        // Written back with two decimals, `.00` and `.80`, which must read again.
        ("100000000000000000", "131300000000000000000.00"),
        ("99999999999999999.8", "131299999999999999737.40"),
    ] {
        let book = book_of("seedance2ai-video", &table(rate)).expect(rate);
        let report = Checker::new()
            .price_book(&book)
            .check("seedance2ai-video", body)
            .unwrap();
        assert_eq!(report.credits(), Some(1313), "{rate}");
        assert_eq!(
            report.usd().map(|u| u.to_string()).as_deref(),
            Some(usd),
            "{rate}"
        );
        assert_eq!(report.to_json_value()["usd"].as_str(), Some(usd), "{rate}");
        // Written back, it loads again, the same.
        assert_eq!(
            PriceBook::from_json(&book.to_json()).as_ref(),
            Ok(&book),
            "{rate}"
        );
    }
    // 1/3 never ends; 2^-20 and 2^-50 end after 20 and 50 decimals.
    for rate in ["1/3", "1/1048576", "1/1125899906842624"] {
        let err = book_of("seedance2ai-video", &table(rate))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("usd_per_credit`")
                && err.contains(&format!(
                    "must be a decimal of at most 18 places, and {rate} is not one; \
                     write it rounded, as a decimal"
                )),
            "{rate}: {err}"
        );
    }
    // Written as a decimal of 19 places, in the same words.
    let err = book_of("seedance2ai-video", &table("0.0000000000000000001"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("at most 18 decimal places"), "{err}");
}

/// A book written back reads as the same book, its rows' conditions in the
/// order they were written (the built-in tables list them as the provider's
/// grids do: resolution, duration, audio), and writes back as the same text.
#[test]
fn a_book_written_back_is_the_same_book_in_the_same_order() {
    let builtin = PriceBook::builtin();
    let again = PriceBook::from_json(&builtin.to_json()).unwrap();
    assert_eq!(again, builtin);
    assert_eq!(again.to_json(), builtin.to_json());
    // A user's order, which is not alphabetical, is kept too.
    let book = book_of(
        "seedanceapi-v1",
        r#"{"rows": [{"when": {"resolution": "720p", "generate_audio": true, "duration": "8"}, "credits": 30}]}"#,
    )
    .unwrap();
    let text = book.to_json();
    let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
    assert!(
        at("resolution") < at("generate_audio") && at("generate_audio") < at("duration"),
        "{text}"
    );
    assert_eq!(PriceBook::from_json(&text).unwrap(), book);
}

/// A row's own `credits` is at most 2^53 − 1 too, even where a markup below
/// one would bring its quote under it: JavaScript reads the row in a
/// report's provenance.
#[test]
fn a_rows_credits_are_at_most_2_to_the_53_minus_1() {
    let table = |credits: u64| {
        format!(r#"{{"rows": [{{"when": {{}}, "credits": {credits}, "markup": "1/1000"}}]}}"#)
    };
    let max = (1u64 << 53) - 1;
    let book = book_of("seedanceapi-v1", &table(max)).unwrap();
    let report =
        seedance_rules::check_with(&book, "seedanceapi-v1", r#"{"prompt": "a cat"}"#).unwrap();
    assert_eq!(report.credits(), Some(max.div_ceil(1000)));
    for credits in [max + 1, u64::MAX] {
        let err = book_of("seedanceapi-v1", &table(credits))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("rows[0].credits`: must be a whole number of credits, at most 2^53-1"),
            "{err}"
        );
    }
}

/// A book's whole numbers read as a body's do, in any JSON spelling (`12.0`,
/// `1.2e1`), as the book's JSON Schema (`"type": "integer"`) takes them: a
/// book written by a program that writes every number as a float reads.
/// A fraction, or an integer past 64 bits, is refused.
#[test]
fn a_books_whole_numbers_read_in_any_json_spelling() {
    let table = |credits: &str, duration: &str, markup: &str| {
        format!(
            r#"{{"markup": {markup}, "rows": [{{"when": {{"duration": {duration}}}, "credits": {credits}}}, {{"credits": 1}}]}}"#
        )
    };
    let body = r#"{"prompt": "a cat", "duration": "12"}"#;
    for (credits, duration, markup) in [
        ("7", "12", "2"),
        ("7.0", "12.0", "2.0"),
        ("70e-1", "1.2e1", "0.2e1"),
    ] {
        let book = book_of("seedanceapi-v1", &table(credits, duration, markup)).unwrap();
        let report = seedance_rules::check_with(&book, "seedanceapi-v1", body).unwrap();
        assert_eq!(report.credits(), Some(14), "{credits} {duration} {markup}");
        // Written back in the one canonical spelling.
        let text = book.to_json();
        assert!(
            text.contains(r#""credits":7}"#) && text.contains(r#""duration":12"#),
            "{text}"
        );
    }
    for (credits, duration, markup, at) in [
        ("7.5", "12", "2", "rows[0].credits`: must be a whole number"),
        (
            "7",
            "12.5",
            "2",
            "rows[0].when.duration`: must be an integer of 64 bits",
        ),
        (
            "7",
            "9223372036854775808",
            "2",
            "rows[0].when.duration`: must be an integer of 64 bits",
        ),
        ("7", "12", "2.5", "markup`: must be a string"),
    ] {
        let err = book_of("seedanceapi-v1", &table(credits, duration, markup))
            .unwrap_err()
            .to_string();
        assert!(err.contains(at), "{credits} {duration} {markup}: {err}");
    }
}

/// A `when` value of a type its field never holds after normalization (a
/// string for a boolean, a number for a resolution) would never match, and
/// would leave the request to a later row: it is refused where it stands.
#[test]
fn a_when_value_that_can_never_match_is_refused() {
    let row = |when: &str| {
        format!(
            r#"{{"rows": [{{"when": {when}, "credits_per_second": "2"}}, {{"credits_per_second": "3"}}]}}"#
        )
    };
    for (endpoint, when, key) in [
        (
            "seedance2ai-video",
            r#"{"generate_audio": "false"}"#,
            "generate_audio",
        ),
        ("seedance2ai-video", r#"{"resolution": 1080}"#, "resolution"),
        (
            "seedance2ai-video",
            r#"{"media_urls": "https://example.com/a.mp4"}"#,
            "media_urls",
        ),
        ("seedance2ai-video", r#"{"duration": "five"}"#, "duration"),
        ("seedance2ai-video", r#"{"seed": true}"#, "seed"),
        ("seedanceapi-v2", r#"{"duration": "ten"}"#, "duration"),
        ("seedanceapi-v2", r#"{"public": 1}"#, "public"),
        // A duration kept as a string is matched as written: "8", not "08".
        ("seedanceapi-v1", r#"{"duration": "08"}"#, "duration"),
        ("seedanceapi-v1", r#"{"duration": "+8"}"#, "duration"),
    ] {
        let err = book_of(endpoint, &row(when)).unwrap_err().to_string();
        assert!(
            err.contains(&format!(
                "rows[0].when.{key}`: never matches: the normalized field never holds such a value"
            )),
            "{endpoint} {when}: {err}"
        );
    }
    // Each type its field holds matches, and prices with the first row.
    for (endpoint, when, body) in [
        (
            "seedance2ai-video",
            r#"{"generate_audio": false}"#,
            r#"{"prompt": "a cat on a roof", "generate_audio": false}"#,
        ),
        (
            "seedance2ai-video",
            r#"{"resolution": "1080p"}"#,
            r#"{"prompt": "a cat on a roof", "resolution": "1080p"}"#,
        ),
        (
            "seedance2ai-video",
            r#"{"media_urls": {"present": false}}"#,
            r#"{"prompt": "a cat on a roof"}"#,
        ),
        (
            "seedance2ai-video",
            r#"{"duration": 5}"#,
            r#"{"prompt": "a cat on a roof"}"#,
        ),
        (
            "seedance2ai-video",
            r#"{"duration": "5"}"#,
            r#"{"prompt": "a cat on a roof"}"#,
        ),
        (
            "seedance2ai-video",
            r#"{"seed": "7"}"#,
            r#"{"prompt": "a cat on a roof", "seed": 7}"#,
        ),
        (
            "seedanceapi-v2",
            r#"{"duration": "10"}"#,
            r#"{"prompt": "a cat", "duration": 10}"#,
        ),
        (
            "seedanceapi-v2",
            r#"{"public": true}"#,
            r#"{"prompt": "a cat", "public": true}"#,
        ),
        (
            "seedanceapi-v2",
            r#"{"duration": "+10"}"#,
            r#"{"prompt": "a cat", "duration": 10}"#,
        ),
        (
            "seedanceapi-v1",
            r#"{"duration": "8"}"#,
            r#"{"prompt": "a cat", "duration": "8"}"#,
        ),
        (
            "seedanceapi-v1",
            r#"{"duration": 8}"#,
            r#"{"prompt": "a cat", "duration": "8"}"#,
        ),
    ] {
        let book = book_of(endpoint, &row(when)).unwrap_or_else(|e| panic!("{when}: {e}"));
        let report = seedance_rules::check_with(&book, endpoint, body).unwrap();
        let seconds = report.quote().and_then(|q| q.row()).map(|r| r.amount);
        assert_eq!(
            seconds,
            Some(Amount::PerSecond(Ratio::int(2))),
            "{endpoint} {when} on {body}"
        );
    }
}

/// A book's pretty text, its tree and each table's text are the JSON that
/// `to_json` writes, however it is laid out.
#[test]
fn a_books_json_is_the_same_compact_pretty_as_a_tree_or_table_by_table() {
    let book = PriceBook::builtin();
    let compact = Json::parse(&book.to_json()).unwrap();
    let pretty = book.to_json_pretty();
    assert!(pretty.contains('\n'));
    assert_eq!(Json::parse(&pretty).unwrap(), compact);
    assert_eq!(book.to_json_value(), compact);
    for e in Endpoint::ALL {
        let table = Json::parse(&book.table_json(e).unwrap()).unwrap();
        assert_eq!(table, compact["endpoints"][e.id()], "{e}");
        let pretty = book.table_json_pretty(e).unwrap();
        assert!(pretty.contains('\n'), "{e}");
        assert_eq!(Json::parse(&pretty).unwrap(), table, "{e}");
    }
    // A book that lists one endpoint has no table for another.
    let one = book_of("seedanceapi-v1", r#"{"rows": []}"#).unwrap();
    assert!(one.table_json_pretty(Endpoint::SeedanceApiV1).is_some());
    assert_eq!(one.table_json_pretty(Endpoint::SeedanceApiV2), None);
}

/// A reseller's markup on a table is written with the table, and the book
/// written back quotes what it quoted; a markup of one, the default, is
/// left out.
#[test]
fn a_tables_markup_is_written_back_with_it() {
    let rows = r#""rows": [{"when": {"model": "seedance-2-mini"}, "credits_per_second": "19/2", "markup": "3/2"}]"#;
    let book = book_of("seedanceapi-v2", &format!(r#"{{"markup": "5/4", {rows}}}"#)).unwrap();
    let again = PriceBook::from_json(&book.to_json()).unwrap();
    assert_eq!(again, book);
    // Mini at 480p for 8 s: ceil(19/2 × 8 × 3/2) = 114 (14.25 × 8), then
    // ceil(114 × 5/4) = ceil(142.5) = 143.
    let body = mini_body(8, "480p", false);
    for b in [&book, &again] {
        let report = seedance_rules::check_with(b, "seedanceapi-v2", &body).unwrap();
        assert_eq!(report.credits(), Some(143));
        // The report's price says the markup, as its formula applies it.
        let price = report.to_json_value();
        let price = price.get("price").unwrap();
        assert_eq!(price.get("markup").and_then(Json::as_str), Some("5/4"));
        assert_eq!(
            price.get("formula").and_then(Json::as_str),
            Some("ceil(114 × 5/4) where 114 = ceil(19/2 × 8 s × 3/2) → 143")
        );
    }
    let plain = book_of("seedanceapi-v2", &format!("{{{rows}}}")).unwrap();
    let table = Json::parse(&plain.table_json(Endpoint::SeedanceApiV2).unwrap()).unwrap();
    assert_eq!(table.get("markup"), None, "{table:?}");
    assert_eq!(PriceBook::from_json(&plain.to_json()).unwrap(), plain);
    // Nor does a report priced without one name it.
    let report = seedance_rules::check_with(&plain, "seedanceapi-v2", &body).unwrap();
    assert_eq!(report.credits(), Some(114));
    let price = report.to_json_value();
    assert_eq!(price.get("price").unwrap().get("markup"), None, "{price:?}");
}

/// `{"present": true}` or `{"present": false}` is the only object a `when`
/// takes: a key beside `present`, or no `present`, is refused rather than
/// read as a presence test.
#[test]
fn a_presence_test_is_an_object_of_present_alone() {
    let table = |media: &str| {
        format!(r#"{{"rows": [{{"when": {{"media_urls": {media}}}, "credits": 3}}]}}"#)
    };
    for media in [
        r#"{"present": true, "equals": "x"}"#,
        r#"{"equals": "x", "present": false}"#,
        r#"{"present": "yes"}"#,
        r#"{}"#,
    ] {
        let err = book_of("seedance2ai-video", &table(media))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(r#"rows[0].when.media_urls`: an object here must be {"present": true} or {"present": false}"#),
            "{media}: {err}"
        );
    }
    for media in [r#"{"present": true}"#, r#"{"present": false}"#] {
        assert!(
            book_of("seedance2ai-video", &table(media)).is_ok(),
            "{media}"
        );
    }
}

/// A book of one endpoint's table.
fn book_of(
    endpoint: &str,
    table: &str,
) -> Result<seedance_rules::PriceBook, seedance_rules::Error> {
    seedance_rules::PriceBook::from_json(&format!(
        r#"{{"schema": "seedance-rules/price-book/v1", "name": "edge", "endpoints": {{"{endpoint}": {table}}}}}"#
    ))
}

/// No quote passes 2^53 − 1, the largest integer a JSON number holds
/// exactly: a row that could price a valid request above it (at the most
/// seconds and the largest multiplier the rules allow) is refused when the
/// book is read, and one just below it prices that request exactly.
#[test]
fn a_book_row_that_could_quote_past_2_to_the_53_is_refused_where_it_stands() {
    const MAX: u64 = (1 << 53) - 1;
    let gpt = r#"{"type": "text-to-image", "prompt": "a shoe on chrome", "resolution": "1K", "aspectRatio": "1:1", "batchCount": 4}"#;
    let video = r#"{"prompt": "a glass train on a snowy bridge", "duration": "15"}"#;
    let v1 = r#"{"prompt": "a cat", "duration": "12"}"#;
    // (endpoint, the largest amount allowed, the row's `per`, the table's
    // markup, the dearest valid body, what that row charges it); one credit
    // more on the amount is refused.
    let cases = [
        // × 4 images at most.
        (
            "seedance2ai-gpt-image-2",
            MAX / 4,
            r#""per": "batchCount""#,
            "",
            gpt,
            MAX / 4 * 4,
        ),
        // × 15 seconds at most.
        ("seedance2ai-video", MAX / 15, "", "", video, MAX / 15 * 15),
        // A fixed price, under a reseller's markup of 2.
        (
            "seedanceapi-v1",
            MAX / 2,
            "",
            r#""markup": "2","#,
            v1,
            MAX / 2 * 2,
        ),
        ("seedanceapi-v1", MAX, "", "", v1, MAX),
    ];
    for (endpoint, amount, per, markup, body, most) in cases {
        let key = if endpoint == "seedance2ai-video" {
            "credits_per_second"
        } else {
            "credits"
        };
        let table = |amount: u64| {
            let sep = if per.is_empty() { "" } else { ", " };
            format!(r#"{{{markup} "rows": [{{"when": {{}}, "{key}": {amount}{sep}{per}}}]}}"#)
        };
        let book = book_of(endpoint, &table(amount))
            .unwrap_or_else(|e| panic!("{endpoint} at {amount}: {e}"));
        let report = seedance_rules::check_with(&book, endpoint, body).unwrap();
        assert_eq!(
            report.credits(),
            Some(most),
            "{endpoint}: {}",
            report.to_json()
        );
        let err = book_of(endpoint, &table(amount + 1)).expect_err("one credit more is refused");
        let text = err.to_string();
        assert!(
            text.contains(&format!("endpoints.{endpoint}.rows[0]")) && text.contains("2^53-1"),
            "{endpoint}: {text}"
        );
    }
    // A multiplier a request may leave out (`seed` has no default).
    let err = book_of(
        "seedance2ai-video",
        r#"{"rows": [{"credits": 2, "per": "seed"}]}"#,
    )
    .expect_err("`per` on a field without a default")
    .to_string();
    assert!(
        err.contains("rows[0].per") && err.contains("with a default"),
        "{err}"
    );
    // A decimal whose digits pass 10^18 (in lowest terms (10^36 - 1) / 10^18)
    // is refused: under a row markup of 101/10^18 it used to load, then
    // overflow 128 bits at 7 or 9 seconds and price a matching request at
    // nothing.
    let err = book_of(
        "seedance2ai-video",
        r#"{"rows": [{"credits_per_second": "999999999999999999.999999999999999999", "markup": "101/1000000000000000000"}]}"#,
    )
    .expect_err("a decimal past 18 digits")
    .to_string();
    assert!(err.contains("at most 18 digits"), "{err}");
    // The largest credits a row can hold, under any markup.
    assert!(book_of(
        "seedanceapi-v1",
        r#"{"markup": "1000", "rows": [{"credits": 18446744073709551615}]}"#
    )
    .is_err());
}

/// The valid bodies of `endpoint` among the shared conformance cases, read once.
fn valid_bodies(endpoint: &str) -> &'static [String] {
    static BODIES: std::sync::OnceLock<Vec<(String, Vec<String>)>> = std::sync::OnceLock::new();
    let all = BODIES.get_or_init(|| {
        let all = crate::conformance::cases();
        Endpoint::ALL
            .iter()
            .map(|e| {
                let bodies = all["cases"]
                    .as_array()
                    .expect("cases")
                    .iter()
                    .filter(|c| c["endpoint"] == e.id() && c.get("price_book").is_none())
                    .filter_map(crate::conformance::body_text)
                    .filter(|b| check(e.id(), b).is_ok_and(|r| r.is_ok()))
                    .collect();
                (e.id().to_owned(), bodies)
            })
            .collect()
    });
    all.iter()
        .find(|(id, _)| id == endpoint)
        .map_or(&[], |(_, bodies)| bodies.as_slice())
}

/// A rational as a price book writes it, from log-uniform parts (up to
/// 10^18 each): a fraction `n/d`, or a decimal `w.f` of up to 18 decimals,
/// so that every size and both forms are drawn.
fn rational() -> impl Strategy<Value = String> {
    (
        0u32..=18,
        0u32..=18,
        any::<u64>(),
        any::<u64>(),
        any::<bool>(),
    )
        .prop_map(|(a, b, n, d, decimal)| {
            let n = n % 10u64.pow(a) + 1;
            if decimal {
                let f = d % 10u64.pow(b);
                let width = b as usize;
                format!("{n}.{f:0width$}").trim_end_matches('.').to_owned()
            } else {
                format!("{n}/{}", d % 10u64.pow(b) + 1)
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every rational the reader takes keeps both terms, in lowest terms,
    /// within 10^18, decimals too: so a quote's products (a rate, a row
    /// markup, at most 15 seconds and a multiplier of at most 4) stay within
    /// 128 bits, and no quote of a book that loads can overflow.
    #[test]
    fn a_read_rational_keeps_both_terms_within_10_to_the_18(text in rational()) {
        if let Ok(r) = text.parse::<Ratio>() {
            let limit = 10u128.pow(18);
            prop_assert!(r.numer() <= limit && r.denom() <= limit, "{text}: {r:?}");
        }
    }

    /// A book's rate to dollars, given as any fraction the reader takes whose
    /// decimal terminates, is written back as that decimal, which reads as
    /// the same fraction: the book written back loads, and is the same book.
    #[test]
    fn a_books_rate_to_dollars_reads_back_as_it_is_written(
        num in (0u32..=18, any::<u64>()).prop_map(|(e, n)| u128::from(n) % 10u128.pow(e) + 1),
        twos in 0u32..=18,
        fives in 0u32..=18,
        spelled in prop::sample::select(vec!["fraction", "decimal"]),
    ) {
        let den = 2u128.pow(twos) * 5u128.pow(fives);
        let Some(rate) = Ratio::new(num, den) else { unreachable!() };
        let text = if spelled == "fraction" {
            format!("{num}/{den}")
        } else {
            rate.to_decimal(0).unwrap()
        };
        let book = book_of(
            "seedanceapi-v2",
            &format!(r#"{{"usd_per_credit": "{text}", "rows": [{{"when": {{}}, "credits": 1}}]}}"#),
        );
        let limit = 10u128.pow(18);
        if rate.numer() > limit || den > limit {
            prop_assert!(book.is_err(), "{text} loaded");
            return Ok(());
        }
        let book = book.map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        let again = PriceBook::from_json(&book.to_json())
            .map_err(|e| TestCaseError::fail(format!("{text} written back: {e}")))?;
        prop_assert_eq!(again.to_json(), book.to_json());
        prop_assert!(again == book, "{}", text);
    }

    /// Whatever a book's amounts and markups, a book that loads prices
    /// every valid request its rows match, at no more than 2^53 − 1
    /// credits; and one that does not load says why.
    #[test]
    fn a_loaded_book_prices_every_matching_valid_request_within_2_to_the_53(
        endpoint in prop::sample::select(vec!["seedanceapi-v2", "seedance2ai-video", "seedance2ai-gpt-image-2", "seedanceapi-v1"]),
        credits in (0u32..=19, any::<u64>()).prop_map(|(e, n)| if e == 19 { n } else { n % 10u64.pow(e) }),
        rate in rational(),
        row_markup in rational(),
        markup in rational(),
        per_second: bool,
        per: bool,
    ) {
        let amount = if per_second && endpoint != "seedance2ai-gpt-image-2" {
            format!(r#""credits_per_second": "{rate}""#)
        } else {
            format!(r#""credits": {credits}"#)
        };
        let per = if per && endpoint == "seedance2ai-gpt-image-2" { r#", "per": "batchCount""# } else { "" };
        let table = format!(
            r#"{{"markup": "{markup}", "rows": [{{"when": {{}}, {amount}, "markup": "{row_markup}"{per}}}]}}"#
        );
        match book_of(endpoint, &table) {
            Ok(book) => {
                prop_assert!(!valid_bodies(endpoint).is_empty());
                for body in valid_bodies(endpoint) {
                    let report = seedance_rules::check_with(&book, endpoint, body).unwrap();
                    let credits = report.credits();
                    prop_assert!(
                        credits.is_some_and(|c| c < 1 << 53),
                        "{table} on {body}: {credits:?}"
                    );
                }
            }
            Err(e) => {
                let e = e.to_string();
                // Over 2^53 - 1 (the row's quote, or its own credits), or
                // a number past the ratio reader's limits.
                prop_assert!(
                    e.contains("rows[0]`: can quote over 2^53-1 credits")
                        || (e.contains("rows[0].credits`: must be a whole number of credits, at most 2^53-1")
                            && credits >= 1 << 53)
                        || e.contains("at most 18 digits")
                        || e.contains("number too large"),
                    "{table}: {e}"
                );
            }
        }
    }
}
