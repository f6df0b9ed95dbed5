//! Bad input gets a clear answer and never a panic.

use seedance_rules::{check, Endpoint, PriceBook};

#[test]
fn unknown_endpoint_is_an_error_naming_the_known_ones() {
    let e = check("seedanceapi-v3", "{}").unwrap_err();
    assert!(e.is_unknown_endpoint());
    assert_eq!(e.code(), "UNKNOWN_ENDPOINT");
    assert!(e.to_string().contains("seedanceapi-v2"), "{e}");
}

#[test]
fn an_unknown_endpoint_names_the_one_it_most_likely_meant() {
    let meant = |id: &str| {
        let e = check(id, "{}").unwrap_err().to_string();
        let after = e.split_once("did you mean `").map(|(_, rest)| rest);
        after
            .and_then(|rest| rest.split_once('`'))
            .map(|(id, _)| id.to_owned())
    };
    for (id, want) in [
        ("v2", "seedanceapi-v2"),
        ("seedanceapi_v2", "seedanceapi-v2"),
        ("SeedanceAPI-V1", "seedanceapi-v1"),
        ("nano-banana", "seedance2ai-nano-banana-pro"),
        ("gpt-image-2", "seedance2ai-gpt-image-2"),
        ("apiinone", "apiinone-videos"),
        ("seedance2ai-vidoe", "seedance2ai-video"),
    ] {
        assert_eq!(meant(id).as_deref(), Some(want), "{id}");
    }
    // As close to one as to another, or to none: the list alone.
    for id in ["seedanceapi-v3", "video", "x", "", "seedance"] {
        assert_eq!(meant(id), None, "{id}");
    }
}

#[test]
fn text_that_is_not_json_is_an_error_with_a_position() {
    for text in [
        "",
        "{",
        "{\"prompt\": }",
        "[1,",
        "{} {}",
        "nul",
        "{\"a\":1,}",
    ] {
        let e = check("seedanceapi-v1", text).unwrap_err();
        assert!(e.is_json(), "{text:?}: {e}");
        assert_eq!(e.code(), "INVALID_JSON");
    }
}

#[test]
fn a_price_book_that_is_not_json_gives_the_position_as_a_body_does() {
    let body = check("seedanceapi-v1", "{").unwrap_err().to_string();
    let book = PriceBook::from_json("{").unwrap_err().to_string();
    assert_eq!(
        body,
        "the body is not JSON: EOF while parsing an object (line 1, column 1)"
    );
    assert_eq!(
        book,
        "price book: not JSON: EOF while parsing an object (line 1, column 1)"
    );
    // What serde_json's words leave unsaid is said for both.
    for (text, hint) in [
        (" \n", "; the text is empty"),
        (
            "\u{feff}{}",
            "; the text starts with a byte order mark (U+FEFF)",
        ),
        (
            &"[".repeat(200),
            "; arrays and objects may nest at most 127 deep",
        ),
    ] {
        let body = check("seedanceapi-v1", text).unwrap_err().to_string();
        let book = PriceBook::from_json(text).unwrap_err().to_string();
        assert!(body.contains(hint), "{body}");
        assert!(book.contains(hint), "{book}");
    }
}

#[test]
fn json_that_is_not_an_object_is_a_violation() {
    for (text, what) in [
        ("[]", "an array"),
        ("\"a\"", "a string"),
        ("5.5", "a number"),
        ("null", "null"),
        ("true", "a boolean"),
    ] {
        for e in Endpoint::ALL {
            let r = check(e.id(), text).unwrap();
            assert!(!r.is_ok());
            assert_eq!(r.violations().len(), 1);
            assert_eq!(r.violations()[0].field, "");
            assert!(
                r.violations()[0].message.contains(what),
                "{}",
                r.violations()[0].message
            );
            assert!(r.normalized().is_none());
        }
    }
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let deep = "[".repeat(100_000);
    assert!(check("seedanceapi-v2", &deep).unwrap_err().is_json());
    let deep_value = format!("{{\"prompt\": {}}}", "[".repeat(100_000));
    assert!(check("seedanceapi-v2", &deep_value).unwrap_err().is_json());
    let closed = format!(
        "{{\"prompt\": \"a\", \"x\": {}{}}}",
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(check("seedanceapi-v2", &closed).is_ok());
}

#[test]
fn a_five_megabyte_prompt_is_a_violation_that_counts_characters() {
    let body = format!("{{\"prompt\": \"{}\"}}", "é".repeat(2_500_000));
    let r = check("seedanceapi-v1", &body).unwrap();
    assert_eq!(r.violations()[0].code, "INVALID_PROMPT");
    assert!(
        r.violations()[0].message.contains("2500000 characters"),
        "{}",
        r.violations()[0].message
    );
}

#[test]
fn huge_and_odd_numbers_are_read_exactly() {
    for (duration, ok) in [
        ("1e400", false),
        ("-0", false),
        ("5.0", true),
        ("0.5e1", true),
        ("50e-1", true),
        ("5.000001", false),
        ("99999999999999999999", false),
    ] {
        let body = format!("{{\"prompt\": \"a\", \"duration\": {duration}}}");
        let r = check("seedanceapi-v2", &body).unwrap();
        assert_eq!(r.is_ok(), ok, "{duration}: {:?}", r.violations());
    }
}

/// A whole number past 64 bits is an integer out of range, not a value of
/// another type; a fraction is not an integer.
#[test]
fn a_number_past_64_bits_is_out_of_range_and_a_fraction_is_no_integer() {
    for (endpoint, field, number, message) in [
        (
            "seedance2ai-video",
            "seed",
            "9223372036854775808",
            "`seed` is out of range (got 9223372036854775808)",
        ),
        (
            "seedance2ai-video",
            "seed",
            "-1e19",
            "`seed` is out of range (got -1e19)",
        ),
        (
            "seedance2ai-video",
            "seed",
            "1.5",
            "`seed` must be an integer, not 1.5",
        ),
        (
            "seedance2ai-video",
            "duration",
            "1e20",
            "`duration` is out of range (got 1e20)",
        ),
        (
            "seedance2ai-video",
            "duration",
            "5.5",
            "`duration` must be a string, not 5.5",
        ),
        (
            "seedanceapi-v2",
            "duration",
            "18446744073709551616",
            "`duration` is out of range (got 18446744073709551616)",
        ),
        (
            "seedance2ai-gpt-image-2",
            "batchCount",
            "1e-1",
            "`batchCount` must be an integer, not 1e-1",
        ),
        // An exponent past 64 bits: beyond for a whole number, a fraction
        // for a negative one (never read as a small exponent).
        (
            "seedance2ai-video",
            "seed",
            "1e99999999999999999999",
            "`seed` is out of range (got 1e99999999999999999999)",
        ),
        (
            "seedance2ai-video",
            "seed",
            "1e-99999999999999999999",
            "`seed` must be an integer, not 1e-99999999999999999999",
        ),
        // The 64-bit ends, written as no plain integer is: read exactly,
        // then judged by the rule.
        (
            "seedance2ai-video",
            "seed",
            "-9223372036854775808.0",
            "`seed` must be an integer from -1 to 4294967295 (got -9223372036854775808)",
        ),
        (
            "seedance2ai-video",
            "seed",
            "9.223372036854775807e18",
            "`seed` must be an integer from -1 to 4294967295 (got 9223372036854775807)",
        ),
        // Digits past what 128 bits hold, clipped in the message.
        (
            "seedance2ai-video",
            "seed",
            "123456789012345678901234567890123456789012345",
            "`seed` is out of range (got 1234567890123456789012345678901234567890…)",
        ),
    ] {
        let body = format!("{{\"prompt\": \"a cat\", \"{field}\": {number}}}");
        let r = check(endpoint, &body).unwrap();
        let v = r.violations().iter().find(|v| v.field == field);
        assert_eq!(
            v.map(|v| v.message.as_ref()),
            Some(message),
            "{endpoint} {body}"
        );
    }
    // A field that takes no number says so, whatever the number.
    for number in ["5", "1.5", "1e999", "-0"] {
        let body = format!("{{\"prompt\": {number}}}");
        let r = check("seedanceapi-v2", &body).unwrap();
        let messages: Vec<&str> = r.violations().iter().map(|v| v.message.as_str()).collect();
        assert_eq!(
            messages,
            ["`prompt` must be a string, not a number"],
            "{number}"
        );
    }
}

#[test]
fn escaped_strings_are_decoded() {
    let r = check(
        "seedanceapi-v2",
        r#"{"prompt": "a\nb", "model": "seedance\u002d2-mini", "duration": 4}"#,
    )
    .unwrap();
    assert!(r.is_ok(), "{:?}", r.violations());
    assert_eq!(
        r.normalized().unwrap().get("model").unwrap().as_str(),
        Some("seedance-2-mini")
    );
}

#[test]
fn price_books_that_do_not_fit_the_schema_say_where() {
    let cases = [
        ("[]", "a price book is a JSON object"),
        (r#"{"schema": "v0", "endpoints": {}}"#, "schema"),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"nope": {"rows": []}}}"#,
            "unknown endpoint",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-video": {"rows": [{"when": {"durations": "5"}, "credits": 1}]}}}"#,
            "`durations` is not a field",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-video": {"rows": [{"credits": 1, "credits_per_second": "1"}]}}}"#,
            "exactly one",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-video": {"rows": [{"credits_per_second": "1/0"}]}}}"#,
            "denominator",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-video": {"rows": [{"credit": 5}]}}}"#,
            "unknown key `credit`",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-gpt-image-2": {"rows": [{"credits_per_second": "2"}]}}}"#,
            "no duration",
        ),
        // A key given twice, at every depth, is an error where it is.
        (
            r#"{"schema": "seedance-rules/price-book/v1", "name": "a", "name": "b", "endpoints": {}}"#,
            "price book `name`: is given twice",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-video": {"usd_per_credit": "0.01", "usd_per_credit": "10", "rows": []}}}"#,
            "price book `endpoints.seedance2ai-video.usd_per_credit`: is given twice",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-video": {"rows": []}, "seedance2ai-video": {"rows": []}}}"#,
            "price book `endpoints.seedance2ai-video`: is given twice",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-video": {"rows": [{"when": {"resolution": "720p", "resolution": "1080p"}, "credits": 1}]}}}"#,
            "price book `endpoints.seedance2ai-video.rows[0].when.resolution`: is given twice",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-video": {"rows": [{"when": {"image_url": {"present": true, "present": false}}, "credits": 1, "credits": 2}]}}}"#,
            "price book `endpoints.seedance2ai-video.rows[0].credits`: is given twice",
        ),
        (
            r#"{"schema": "seedance-rules/price-book/v1", "endpoints": {"seedance2ai-video": {"rows": [{"when": {"image_url": {"present": true, "present": false}}, "credits": 1}]}}}"#,
            "price book `endpoints.seedance2ai-video.rows[0].when.image_url.present`: is given twice",
        ),
    ];
    for (text, words) in cases {
        let e = PriceBook::from_json(text).unwrap_err();
        assert!(e.is_price_book());
        assert!(e.to_string().contains(words), "{text}: {e}");
        // The place and the message, apart, are what the text is made of.
        let (place, why) = e.price_book_place().expect("a price book error");
        let whole = if place.is_empty() {
            format!("price book: {why}")
        } else {
            format!("price book `{place}`: {why}")
        };
        assert_eq!(e.to_string(), whole);
    }
    let e = PriceBook::from_json(cases[5].0).unwrap_err();
    assert_eq!(
        e.price_book_place().map(|p| p.0),
        Some("endpoints.seedance2ai-video.rows[0].credits_per_second")
    );
    assert_eq!(check("nope", "{}").unwrap_err().price_book_place(), None);
}

#[test]
fn random_bytes_never_panic() {
    // A cheap deterministic fuzz: every prefix of every example body, and each
    // with one byte changed, is either an error or a report.
    for e in Endpoint::ALL {
        let example = e.spec().example.as_bytes();
        for cut in 0..example.len() {
            let _ = check(e.id(), &String::from_utf8_lossy(&example[..cut]));
            for b in [b'"', b'{', b'[', b'\\', b'0', b'-', b'e', b'}'] {
                let mut v = example.to_vec();
                v[cut] = b;
                let _ = check(e.id(), &String::from_utf8_lossy(&v));
            }
        }
    }
}

#[test]
fn a_misspelt_field_is_a_warning_that_names_the_real_one() {
    let r = check(
        "apiinone-videos",
        r#"{"model": "seedance-1-5-pro", "prompt": "a", "generate_audio": true}"#,
    )
    .unwrap();
    assert_eq!(r.credits(), Some(28));
    let w = &r.warnings()[0];
    assert_eq!(
        (w.code, w.field.as_ref()),
        ("UNKNOWN_FIELD", "generate_audio")
    );
    assert!(
        w.message.contains("did you mean `generateAudio`"),
        "{}",
        w.message
    );
    assert!(
        w.message.contains("stays at its default, false"),
        "{}",
        w.message
    );
    // With the real field given too, there is no default to speak of.
    let r = check(
        "seedanceapi-v2",
        r#"{"prompt": "a", "duration": 10, "durations": 15}"#,
    )
    .unwrap();
    assert!(
        !r.warnings()[0].message.contains("default"),
        "{}",
        r.warnings()[0].message
    );
    let r = check("seedanceapi-v2", r#"{"prompt": "a", "zzz": 1}"#).unwrap();
    assert!(
        !r.warnings()[0].message.contains("did you mean"),
        "{}",
        r.warnings()[0].message
    );
}

#[test]
fn a_key_given_any_number_of_times_is_one_warning() {
    for times in 1..=9 {
        let mut body = String::from(r#"{"prompt": "a paper boat""#);
        for i in 0..times {
            // An unknown key and a known one, interleaved with a third.
            body.push_str(&format!(r#", "aa": {i}, "duration": "8", "bb": {i}"#));
        }
        body.push('}');
        let report = check("seedanceapi-v1", &body).unwrap();
        let warnings: Vec<(&str, &str)> = report
            .warnings()
            .iter()
            .map(|w| (w.code, w.field.as_ref()))
            .collect();
        // Each where it was first given: the repeat of `duration` comes
        // after the first `bb`.
        let mut want = vec![("UNKNOWN_FIELD", "aa"), ("UNKNOWN_FIELD", "bb")];
        if times > 1 {
            want.push(("DUPLICATE_FIELD", "duration"));
        }
        assert_eq!(warnings, want, "{times} times");
    }
}

#[test]
fn one_allowed_value_is_named_alone_several_as_a_choice() {
    let message = |endpoint: &str, body: &str, field: &str| {
        let report = check(endpoint, body).unwrap();
        let v = report.violations().iter().find(|v| v.field == field);
        v.map(|v| v.message.to_string()).unwrap_or_default()
    };
    let one = message(
        "seedance2ai-gpt-image-2",
        r#"{"prompt": "abc", "type": "text-to-image", "aspectRatio": "auto", "resolution": "2K"}"#,
        "resolution",
    );
    assert!(
        one.starts_with("`resolution` must be 1K when `aspectRatio` is auto (got \"2K\")"),
        "{one}"
    );
    let several = message(
        "seedanceapi-v2",
        r#"{"prompt": "abc", "resolution": "4k"}"#,
        "resolution",
    );
    assert!(
        several.starts_with("`resolution` must be one of 480p, 720p, 1080p (got \"4k\")"),
        "{several}"
    );
}

/// Each kind of rule says, in full, what is wrong, what is allowed and when:
/// the words a person reads to fix the request (the conformance cases hold
/// the codes, fields and rules, not the words).
#[test]
fn each_kind_of_rule_says_what_is_wrong_and_what_is_allowed() {
    let long = format!(
        r#"{{"mode": "text-to-video", "prompt": "{}"}}"#,
        "é".repeat(10_001)
    );
    let cases: &[(&str, &str, &str, &str)] = &[
        // Required, with what to send.
        (
            "apiinone-videos",
            r#"{"prompt": "a kite"}"#,
            "model",
            r#"`model` is required; send "model": "seedance-1-5-pro""#,
        ),
        // Not blank: empty and white space apart.
        (
            "apiinone-videos",
            r#"{"prompt": "", "model": "seedance-1-5-pro"}"#,
            "prompt",
            "`prompt` is empty",
        ),
        (
            "apiinone-videos",
            r#"{"prompt": " \t", "model": "seedance-1-5-pro"}"#,
            "prompt",
            "`prompt` is only white space",
        ),
        // Characters, counted as characters, not bytes.
        (
            "seedance2ai-video",
            r#"{"mode": "text-to-video", "prompt": "éé"}"#,
            "prompt",
            "`prompt` has 2 characters; at least 3 are needed",
        ),
        (
            "seedance2ai-video",
            &long,
            "prompt",
            "`prompt` has 10001 characters; at most 10000 are allowed",
        ),
        // Integers, from a list under a condition, and from a range.
        (
            "seedanceapi-v2",
            r#"{"prompt": "a", "duration": 7}"#,
            "duration",
            "`duration` must be 5, 10 or 15 when `model` is seedance-2.0 (got 7); \
             seedance-2-mini accepts any integer from 4 to 15",
        ),
        (
            "seedance2ai-video",
            r#"{"mode": "text-to-video", "prompt": "abc", "duration": "16"}"#,
            "duration",
            r#"`duration` must be an integer from 4 to 15 (got "16")"#,
        ),
        // A count of URLs over the most.
        (
            "seedanceapi-v1",
            r#"{"prompt": "abc", "image_urls": ["https://a.example/1.png", "https://a.example/2.png"]}"#,
            "image_urls",
            "`image_urls` has 2 URLs; at most 1 allowed",
        ),
        // A URL alone, and each bad element of a list by its index.
        (
            "apiinone-videos",
            r#"{"prompt": "abc", "model": "seedance-1-5-pro", "callback_url": "http://127.0.0.1/x"}"#,
            "callback_url",
            r#"`callback_url` points at 127.0.0.1, a loopback address, not a public host (got "http://127.0.0.1/x")"#,
        ),
        (
            "seedanceapi-v1",
            r#"{"prompt": "abc", "image_urls": ["ftp://a.example/1.png"]}"#,
            "image_urls[0]",
            r#"`image_urls[0]` must use http or https, not `ftp:` (got "ftp://a.example/1.png")"#,
        ),
        // Not allowed under a condition, with the rule's hint.
        (
            "seedanceapi-v2",
            r#"{"prompt": "abc", "model": "seedance-2.0", "reference_video_urls": ["https://a.example/v.mp4"]}"#,
            "reference_video_urls",
            "`reference_video_urls` is not allowed when `model` is not seedance-2-mini; \
             only seedance-2-mini takes reference videos",
        ),
        // A value of a type the field cannot hold.
        (
            "seedance2ai-video",
            r#"{"mode": "text-to-video", "prompt": "abc", "duration": true}"#,
            "duration",
            "`duration` must be a string, not a boolean",
        ),
    ];
    /// The messages about `field` among (field, message) pairs.
    fn about<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>, field: &str) -> Vec<&'a str> {
        pairs.filter(|&(f, _)| f == field).map(|(_, m)| m).collect()
    }
    for &(endpoint, body, field, want) in cases {
        let report = check(endpoint, body).unwrap();
        let pairs = report.violations().iter().map(|v| (&*v.field, &*v.message));
        let got = about(pairs, field);
        assert_eq!(got, [want], "{endpoint} {body:.80}");
    }
    // The two warnings that change the request sent.
    for (endpoint, body, field, want) in [
        (
            "seedance2ai-video",
            r#"{"mode": "text-to-video", "prompt": "abc", "end_image_url": "https://a.example/1.png"}"#,
            "end_image_url",
            "`end_image_url` is not used when `mode` is not image-to-video: \
             the normalized request leaves it out",
        ),
        (
            "seedanceapi-v2",
            r#"{"prompt": "abc", "model": "seedance-2-mini", "resolution": "1080p", "duration": 5}"#,
            "resolution",
            r#"`resolution` "1080p" is sent and billed as "720p" when `model` is seedance-2-mini"#,
        ),
    ] {
        let report = check(endpoint, body).unwrap();
        assert!(report.is_ok(), "{endpoint} {body}");
        let pairs = report.warnings().iter().map(|w| (&*w.field, &*w.message));
        let got = about(pairs, field);
        assert_eq!(got, [want], "{endpoint} {body}");
    }
}
