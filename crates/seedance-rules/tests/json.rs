//! The crate's own JSON against serde_json: what serde_json writes, `Json`
//! reads and writes back to the byte, compact and indented; what serde_json
//! refuses, `Json` refuses with the same message, line and column.

use proptest::prelude::*;
use seedance_rules::Json;
use serde_json::Value;

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[\"\\\\/\\u{0}-\\u{1f}\\u{7f} aé😀]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The tree holds the same data as serde_json's, integers exactly.
fn same(v: &Value, j: &Json) -> bool {
    match (v, j) {
        (Value::Null, Json::Null) => true,
        (Value::Bool(a), Json::Bool(b)) => a == b,
        (Value::Number(n), Json::Number(m)) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => m.as_u64() == Some(u) && m.as_str() == u.to_string(),
            (None, Some(i)) => m.as_i64() == Some(i) && m.as_str() == i.to_string(),
            (None, None) => m.as_u64().is_none() && m.as_str() == n.to_string(),
        },
        (Value::String(a), Json::String(b)) => a == b,
        (Value::Array(a), Json::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), Json::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn serde_json_text_reads_and_writes_back_to_the_byte(v in value()) {
        let compact = serde_json::to_string(&v).unwrap();
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        let j = Json::parse(&compact).unwrap();
        prop_assert!(same(&v, &j), "{compact}");
        prop_assert_eq!(j.to_string(), compact.clone());
        prop_assert_eq!(j.to_string_pretty(), pretty.clone());
        let jp = Json::parse(&pretty).unwrap();
        prop_assert_eq!(&jp, &j);
        prop_assert_eq!(jp.to_string_pretty(), pretty);
        #[cfg(feature = "serde")]
        prop_assert_eq!(serde_json::to_value(&j).unwrap(), v);
    }
}

/// What serde_json says of text it refuses, in the crate's error.
fn serde_json_error(text: &str) -> String {
    let e = serde_json::from_str::<Value>(text).expect_err("not JSON for serde_json");
    let full = e.to_string();
    let message = full.split(" at line ").next().unwrap_or_default();
    format!(
        "the body is not JSON: {message} (line {}, column {})",
        e.line(),
        e.column()
    )
}

#[test]
fn invalid_text_is_an_error_for_both() {
    let deep_array = "[".repeat(128) + &"]".repeat(128);
    let deep_object = "{\"a\":".repeat(128) + "1" + &"}".repeat(128);
    let texts: Vec<&str> = vec![
        "",
        " \n\t\r",
        "{",
        "}",
        "[1,]",
        "[1 2]",
        "[,1]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{\"a\":}",
        "{a:1}",
        "{'a':1}",
        "{\"a\":1 \"b\":2}",
        "{\"a\":1}}",
        "// comment\n{}",
        "{} /* comment */",
        "01",
        "-01",
        "+1",
        ".5",
        "1.",
        "1.e3",
        "1e",
        "1e+",
        "0x10",
        "NaN",
        "-Infinity",
        "Infinity",
        "1e400",
        "-1e400",
        "tru",
        "nulll",
        "True",
        "\"abc",
        "\"a\\qb\"",
        "\"\\u12g4\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\udbff\"",
        "\"\\ud800x\"",
        "\"tab\there\"",
        "\"line\nbreak\"",
        "\u{feff}{}",
        "\u{a0}{}",
        "{}\u{0}",
        "[] []",
        &deep_array,
        &deep_object,
    ];
    // What the library adds after serde_json's words, where they say too little.
    const EMPTY: &str = "; the text is empty";
    const BOM: &str = "; the text starts with a byte order mark (U+FEFF), which JSON does \
                       not allow: save it as UTF-8 without one";
    const DEEP: &str = "; arrays and objects may nest at most 127 deep";
    let hint = |text: &str| match text {
        "" | " \n\t\r" => EMPTY,
        "\u{feff}{}" => BOM,
        _ if text == deep_array || text == deep_object => DEEP,
        _ => "",
    };
    for text in texts {
        let ours = Json::parse(text).expect_err(text);
        assert!(ours.is_json(), "{text:?}");
        let want = serde_json_error(text) + hint(text);
        assert_eq!(ours.to_string(), want, "{text:?}");
    }
}

#[test]
fn valid_edge_cases_read_as_serde_json_reads_them() {
    let deep = "[".repeat(127) + &"]".repeat(127);
    for text in [
        "0",
        "-0",
        "-0.0e-0",
        " 1.5E+3 ",
        "123456789012345678901234567890",
        "-9223372036854775808",
        "18446744073709551615",
        "1e-400",
        "\"\\ud83d\\ude00 \\u00e9 \\/ \\\" \\\\ \\b\\f\\n\\r\\t\"",
        "{\"\":[{}, [], null, true, false]}",
        &deep,
    ] {
        let ours = Json::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let theirs: Value = serde_json::from_str(text).unwrap();
        // The same data: serde_json reads what `Json` writes as what it read itself.
        let again: Value = serde_json::from_str(&ours.to_string()).unwrap();
        assert_eq!(again, theirs, "{text:?}");
    }
    // Numbers keep their text; integers read as integers, exactly.
    let v = Json::parse("[-0, 1.50, 2e3, 18446744073709551615, -9223372036854775808]").unwrap();
    assert_eq!(
        v.to_string(),
        "[-0,1.50,2e3,18446744073709551615,-9223372036854775808]"
    );
    assert_eq!(v[0].as_i64(), None);
    assert_eq!(v[1].as_u64(), None);
    assert_eq!(v[2].as_u64(), None);
    assert_eq!(v[3].as_u64(), Some(u64::MAX));
    assert_eq!(v[4].as_i64(), Some(i64::MIN));
}

/// Compact text, members with no space between them: a key right after a
/// value still needs its comma, and the first key has none before it. Both
/// the tree and the body reader refuse it, with serde_json's words.
#[test]
fn compact_members_need_a_comma_between_them_and_none_before_the_first() {
    for (text, want) in [
        (
            r#"{"a":1"b":2}"#,
            "the body is not JSON: expected `,` or `}` (line 1, column 7)",
        ),
        (
            r#"{"a":"x""b":2}"#,
            "the body is not JSON: expected `,` or `}` (line 1, column 9)",
        ),
        (
            r#"{,"a":1}"#,
            "the body is not JSON: key must be a string (line 1, column 2)",
        ),
    ] {
        assert_eq!(serde_json_error(text), want, "{text:?}");
        let tree = Json::parse(text).expect_err(text);
        assert_eq!(tree.to_string(), want, "{text:?}");
        let body = seedance_rules::check("seedanceapi-v1", text).expect_err(text);
        assert_eq!(body.to_string(), want, "{text:?}");
    }
}

/// A key is read up to its closing quote and its colon looked for after
/// that, past any white space: a key may end with a colon of its own, and a
/// space may come before the colon.
#[test]
fn a_keys_colon_is_the_first_byte_after_its_closing_quote_and_white_space() {
    for (text, compact) in [
        (r#"{"abc" :1}"#, r#"{"abc":1}"#),
        (r#"{"a:" :1}"#, r#"{"a:":1}"#),
        (
            r#"{"x":0,"abc" :1,"a:" :2,"b:":3}"#,
            r#"{"x":0,"abc":1,"a:":2,"b:":3}"#,
        ),
    ] {
        let v = Json::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(v.to_string(), compact, "{text:?}");
    }
    for text in [r#"{"a:"1}"#, r#"{"x":0,"a:"1}"#] {
        let e = Json::parse(text).expect_err(text);
        assert_eq!(e.to_string(), serde_json_error(text), "{text:?}");
    }
    assert_eq!(
        serde_json_error(r#"{"a:"1}"#),
        "the body is not JSON: expected `:` (line 1, column 6)"
    );
}

/// Serialized, an integer past 64 bits stays an integer, of either sign,
/// and `-0` is the float serde_json reads it as: `-0.0`.
#[cfg(feature = "serde")]
#[test]
fn serialized_numbers_are_integers_up_to_128_bits_and_negative_zero_a_float() {
    let v = Json::parse("[-0,-99999999999999999999,99999999999999999999,1.50]").unwrap();
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        "[-0.0,-99999999999999999999,99999999999999999999,1.5]"
    );
    assert_eq!(
        serde_json::to_string(&serde_json::from_str::<Value>("-0").unwrap()).unwrap(),
        "-0.0"
    );
}

#[test]
fn a_number_shows_as_written_and_makes_a_json_number() {
    let n = Json::parse("-12.50").expect("JSON");
    let Json::Number(number) = n.clone() else {
        panic!("a number: {n:?}");
    };
    assert_eq!(number.to_string(), "-12.50");
    assert_eq!(Json::from(number), n);
    assert_eq!(Json::from(7u32).to_string(), "7");
    // Only a boolean is one.
    assert_eq!(Json::Bool(false).as_bool(), Some(false));
    assert_eq!(Json::Bool(true).as_bool(), Some(true));
    for other in ["0", "1", "\"true\"", "null", "[]"] {
        assert_eq!(Json::parse(other).expect("JSON").as_bool(), None, "{other}");
    }
}
