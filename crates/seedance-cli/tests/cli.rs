//! The `seedance` binary, run as a user runs it: arguments, standard input,
//! exit status, standard output and standard error.

use std::io::Write;
use std::process::{Command, Stdio};

use seedance_rules::{Endpoint, PriceBook};
use serde_json::Value;

const MINI_1080P_8S: &str = r#"{"prompt": "A slow dolly shot through a neon-lit street", "model": "seedance-2-mini", "duration": 8, "resolution": "1080p"}"#;
const BAD_DURATION: &str =
    r#"{"prompt": "Sunrise over misty mountains", "model": "seedance-2.0", "duration": 7}"#;

/// What one run gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The run ended on its own, with no panic.
    fn assert_no_crash(&self) {
        assert!(
            !self.stderr.contains("panicked"),
            "panic on stderr:\n{}",
            self.stderr
        );
        assert!(
            [0, 1, 2].contains(&self.code),
            "exit {} (stderr: {})",
            self.code,
            self.stderr
        );
    }

    /// Exit 2 with one `seedance: ` line first on stderr.
    fn assert_failed(&self) {
        self.assert_no_crash();
        assert_eq!(
            self.code, 2,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.starts_with("seedance: "),
            "stderr: {}",
            self.stderr
        );
        assert!(self.stdout.is_empty(), "stdout: {}", self.stdout);
    }
}

/// Runs `seedance ARGS` with `stdin` as standard input (none: empty input).
fn seedance(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_seedance"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.unwrap_or_default().to_vec();
    // Write from a thread: a large body must not wait on a full stdout pipe.
    let writer = std::thread::spawn(move || {
        // The command may exit before reading (a usage error): ignore EPIPE.
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary ends");
    writer.join().expect("the writer thread ends");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn codes(report: &Value) -> Vec<&str> {
    report["violations"]
        .as_array()
        .expect("violations is an array")
        .iter()
        .map(|v| v["code"].as_str().expect("a code"))
        .collect()
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("seedance-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("temp file");
    path
}

// ---- check: verdicts and exit status ----------------------------------------

#[test]
fn a_valid_request_exits_0_and_json_quotes_246() {
    let run = seedance(&["check", "seedanceapi-v2", MINI_1080P_8S, "--json"], None);
    run.assert_no_crash();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "one line: {}", run.stdout);
    let report = run.json();
    assert_eq!(report["ok"], true);
    assert_eq!(report["credits"], 246);
    assert_eq!(report["usd"], "2.46");
    assert_eq!(report["violations"], Value::Array(vec![]));
    assert_eq!(report["normalized"]["resolution"], "720p");
    assert_eq!(report["warnings"][0]["code"], "NORMALIZED_VALUE");
}

#[test]
fn json_output_is_exactly_the_library_report() {
    let run = seedance(&["check", "seedanceapi-v2", BAD_DURATION, "--json"], None);
    let expected = seedance_rules::check("seedanceapi-v2", BAD_DURATION)
        .unwrap()
        .to_json();
    assert_eq!(run.stdout, expected + "\n");
}

#[test]
fn an_invalid_request_exits_1_with_its_codes() {
    let run = seedance(&["check", "seedanceapi-v2", BAD_DURATION, "--json"], None);
    run.assert_no_crash();
    assert_eq!(run.code, 1);
    let report = run.json();
    assert_eq!(report["ok"], false);
    assert_eq!(report["credits"], Value::Null);
    assert_eq!(codes(&report), ["INVALID_DURATION"]);
}

#[test]
fn the_person_readable_report_shows_price_formula_source_and_request() {
    let run = seedance(&["check", "seedanceapi-v2", MINI_1080P_8S], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.contains("valid"), "{out}");
    assert!(out.contains("246 credits ($2.46)"), "{out}");
    assert!(out.contains("ceil(41/2 × 8 s × 3/2) = 246"), "{out}");
    assert!(
        out.contains("ceil(30.75 × seconds)"),
        "the row's quote: {out}"
    );
    assert!(
        out.contains("\"model\": \"seedance-2-mini\""),
        "pretty normalized request: {out}"
    );
    assert!(out.contains("NORMALIZED_VALUE"), "the warning: {out}");
}

#[test]
fn the_person_readable_report_names_each_violation() {
    let run = seedance(&["check", "seedanceapi-v2", BAD_DURATION], None);
    assert_eq!(run.code, 1);
    let out = &run.stdout;
    assert!(out.contains("invalid"), "{out}");
    assert!(out.contains("INVALID_DURATION"), "{out}");
    assert!(out.contains("HTTP 400"), "{out}");
    assert!(out.contains("`duration`"), "{out}");
    assert!(out.contains("must be 5, 10 or 15"), "the message: {out}");
}

#[test]
fn a_balance_below_the_quote_is_insufficient_credits() {
    let run = seedance(
        &[
            "check",
            "seedanceapi-v2",
            MINI_1080P_8S,
            "--balance",
            "10",
            "--json",
        ],
        None,
    );
    assert_eq!(run.code, 1);
    let report = run.json();
    assert_eq!(codes(&report), ["INSUFFICIENT_CREDITS"]);
    assert_eq!(report["violations"][0]["status"], 402);
    assert_eq!(report["credits"], 246);

    let enough = seedance(
        &["check", "seedanceapi-v2", MINI_1080P_8S, "--balance=246"],
        None,
    );
    assert_eq!(enough.code, 0, "{}", enough.stdout);
    // Quotes stop at 2^53 - 1: a balance past u64::MAX covers every one.
    let with_balance = |balance: &str| {
        let args = [
            "check",
            "seedanceapi-v2",
            MINI_1080P_8S,
            "--balance",
            balance,
        ];
        seedance(&args, None)
    };
    for balance in [
        "18446744073709551615",
        "18446744073709551616",
        &"1".repeat(40),
    ] {
        let run = with_balance(balance);
        assert_eq!(run.code, 0, "{balance}: {}{}", run.stdout, run.stderr);
    }
    for balance in ["-1", "1.5", "1e3", ""] {
        let run = with_balance(balance);
        assert_eq!(run.code, 2, "{balance}: {}", run.stdout);
        assert!(
            run.stderr.contains("whole number of credits"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_body_that_is_not_an_object_is_a_violation() {
    let run = seedance(&["check", "seedanceapi-v2", "[1, 2]", "--json"], None);
    assert_eq!(run.code, 1);
    assert_eq!(codes(&run.json()), ["INVALID_BODY"]);
}

// ---- check: standard input and hostile input --------------------------------

#[test]
fn the_body_is_read_from_standard_input() {
    for args in [
        &["check", "seedanceapi-v2", "--json"][..],
        &["check", "seedanceapi-v2", "-", "--json"],
    ] {
        let run = seedance(args, Some(MINI_1080P_8S.as_bytes()));
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(run.json()["credits"], 246, "{args:?}");
    }
    let run = seedance(&["check", "seedanceapi-v2"], Some(BAD_DURATION.as_bytes()));
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("INVALID_DURATION"), "{}", run.stdout);
}

#[test]
fn bytes_that_are_not_utf8_are_an_error() {
    let run = seedance(
        &["check", "seedanceapi-v2"],
        Some(b"{\"prompt\": \"caf\xe9 at night\"}"),
    );
    run.assert_failed();
    assert!(run.stderr.contains("UTF-8"), "{}", run.stderr);
}

#[test]
fn a_byte_order_mark_is_named() {
    let body = "\u{feff}{\"prompt\": \"a cat\"}";
    let book = temp_file(
        "bom-book.json",
        &format!("\u{feff}{}", PriceBook::builtin().to_json()),
    );
    let book = book.to_str().expect("a UTF-8 path");
    for run in [
        seedance(&["check", "seedanceapi-v2"], Some(body.as_bytes())),
        seedance(&["check", "seedanceapi-v2", body], None),
        seedance(
            &["check", "seedanceapi-v2", "{}", "--price-book", book],
            None,
        ),
    ] {
        run.assert_failed();
        assert!(run.stderr.contains("byte order mark"), "{}", run.stderr);
    }
    // It is text that is not JSON, as the library says.
    let run = seedance(
        &["check", "seedanceapi-v2", "--json"],
        Some(body.as_bytes()),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.json()["error"]["code"], "INVALID_JSON");
}

#[test]
fn empty_input_and_broken_json_are_errors() {
    for input in [&b""[..], b"  \n", b"{", b"{\"prompt\": }", b"nul"] {
        let run = seedance(&["check", "seedanceapi-v2"], Some(input));
        run.assert_failed();
        assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
    }
}

#[test]
fn deep_nesting_does_not_crash() {
    let open = "[".repeat(100_000);
    let run = seedance(&["check", "seedanceapi-v2"], Some(open.as_bytes()));
    run.assert_no_crash();
    assert_ne!(run.code, 0);

    // Well-formed and just as deep, inside a field and as the body.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for body in [
        format!(r#"{{"prompt": "a dog on a beach", "images": {deep}}}"#),
        deep.clone(),
        format!(r#"{{"prompt": "a dog on a beach", "unknown": {deep}}}"#),
    ] {
        let run = seedance(
            &["check", "seedanceapi-v2", "--json"],
            Some(body.as_bytes()),
        );
        run.assert_no_crash();
        if run.code != 2 {
            run.json();
        } else {
            assert!(run.stderr.contains("at most 127 deep"), "{}", run.stderr);
        }
    }
}

#[test]
fn a_five_megabyte_prompt_is_invalid_prompt() {
    let body = format!(
        r#"{{"prompt": "{}", "model": "seedance-2.0"}}"#,
        "a".repeat(5 * 1024 * 1024)
    );
    let run = seedance(
        &["check", "seedanceapi-v2", "--json"],
        Some(body.as_bytes()),
    );
    run.assert_no_crash();
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.len() < 10_000,
        "the report does not echo the prompt"
    );
    assert_eq!(codes(&run.json()), ["INVALID_PROMPT"]);
}

/// A body of 16 MiB is read and checked; one byte more is refused unread,
/// as is an endless stream (`/dev/zero`), on standard input and as a book.
#[test]
fn input_over_sixteen_mebibytes_is_refused_unread() {
    let limit = 16 << 20;
    let body = format!(r#"{{"prompt": "a cat"}}{}"#, " ".repeat(limit - 19));
    assert_eq!(body.len(), limit);
    let run = seedance(
        &["check", "seedanceapi-v2", "--json"],
        Some(body.as_bytes()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let small = seedance(
        &[
            "check",
            "seedanceapi-v2",
            r#"{"prompt": "a cat"}"#,
            "--json",
        ],
        None,
    );
    assert_eq!(run.stdout, small.stdout);
    let run = seedance(
        &["check", "seedanceapi-v2"],
        Some(format!("{body} ").as_bytes()),
    );
    run.assert_failed();
    assert_eq!(
        run.stderr.trim_end(),
        "seedance: standard input holds more than 16 MiB, far more than any request body; \
         nothing was checked"
    );
    if std::path::Path::new("/dev/zero").exists() {
        let run = seedance(
            &[
                "check",
                "seedanceapi-v2",
                "{}",
                "--price-book",
                "/dev/zero",
                "--json",
            ],
            None,
        );
        assert_eq!(run.code, 2);
        let failure = &run.json()["error"];
        assert_eq!(failure["code"], "INVALID_PRICE_BOOK");
        assert!(
            failure["message"]
                .as_str()
                .unwrap()
                .starts_with("price book `/dev/zero` holds more than 16 MiB"),
            "{failure}"
        );
    }
}

#[test]
fn terminal_escapes_from_the_body_are_not_printed_raw() {
    let run = seedance(
        &[
            "check",
            "seedanceapi-v2",
            r#"{"prompt": "a red kite", "\u001b[31mx": 1}"#,
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("UNKNOWN_FIELD"), "{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
}

#[test]
fn characters_that_reorder_or_hide_text_are_shown_escaped() {
    // A right-to-left override (U+202E) would show the rest of a value
    // backwards; a zero-width space (U+200B) would hide that a field's name
    // is not the one it looks like.
    let run = seedance(
        &[
            "check",
            "seedanceapi-v2",
            r#"{"prompt": "a", "model": "x\u202eevil", "seed\u200b": 1}"#,
        ],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains(r"x\u{202e}evil") && run.stdout.contains(r"seed\u{200b}"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains(['\u{202e}', '\u{200b}']),
        "{:?}",
        run.stdout
    );
}

#[test]
fn a_body_of_unicode_spaces_is_not_json_rather_than_empty() {
    // JSON's white space is space, tab and line breaks: a no-break space
    // is a character the reader cannot take, as `seedance` says of any.
    for body in ["\u{a0}", "\u{3000}{}"] {
        let run = seedance(&["check", "seedanceapi-v2", body], None);
        run.assert_failed();
        assert!(
            run.stderr.contains("expected value (line 1, column 1)")
                && !run.stderr.contains("empty"),
            "{}",
            run.stderr
        );
    }
    let run = seedance(&["check", "seedanceapi-v2", " \t\r\n"], None);
    run.assert_failed();
    assert!(run.stderr.contains("the body is empty"), "{}", run.stderr);
}

// ---- check: price books -----------------------------------------------------

const BOOK: &str = r#"{
  "schema": "seedance-rules/price-book/v1", "name": "test list",
  "endpoints": { "seedance2ai-video": { "usd_per_credit": "0.01",
    "rows": [ { "when": { "resolution": "1080p" }, "credits_per_second": "8" },
              { "when": {}, "credits_per_second": "5", "source": { "note": "our own list" } } ] } } }"#;
const S2AI_BODY: &str = r#"{"prompt": "a glass train on a snowy bridge", "duration": "6"}"#;

#[test]
fn a_price_book_prices_seedance2ai_video() {
    let book = temp_file("book.json", BOOK);
    let book = book.to_str().unwrap();
    let run = seedance(
        &[
            "check",
            "seedance2ai-video",
            S2AI_BODY,
            "--price-book",
            book,
            "--json",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["credits"], 30);
    assert_eq!(report["usd"], "0.30");
    assert_eq!(report["price"]["book"], "test list");

    let person = seedance(
        &[
            "check",
            "seedance2ai-video",
            S2AI_BODY,
            "--price-book",
            book,
        ],
        None,
    );
    assert!(person.stdout.contains("30 credits"), "{}", person.stdout);
    assert!(person.stdout.contains("our own list"), "{}", person.stdout);

    // Without the book: valid, but no published price.
    let builtin = seedance(&["check", "seedance2ai-video", S2AI_BODY, "--json"], None);
    assert_eq!(builtin.code, 0);
    assert_eq!(builtin.json()["credits"], Value::Null);
    let builtin = seedance(&["check", "seedance2ai-video", S2AI_BODY], None);
    assert!(
        builtin.stdout.contains("no published price"),
        "{}",
        builtin.stdout
    );
}

#[test]
fn an_unreadable_price_book_is_an_error() {
    let missing = std::env::temp_dir().join("seedance-cli-test-no-such-book.json");
    let wrong_schema = temp_file("wrong-schema.json", r#"{"schema": "v0", "endpoints": {}}"#);
    let typo = temp_file(
        "typo.json",
        &BOOK.replace("credits_per_second\": \"5\"", "credit_per_second\": \"5\""),
    );
    let not_utf8 = temp_file("latin1.json", "");
    std::fs::write(&not_utf8, b"{\"name\": \"caf\xe9\"}").unwrap();
    for path in [missing, wrong_schema, typo, not_utf8] {
        let run = seedance(
            &[
                "check",
                "seedance2ai-video",
                S2AI_BODY,
                "--price-book",
                path.to_str().unwrap(),
            ],
            None,
        );
        run.assert_failed();
        assert!(
            run.stderr.contains("price book") || run.stderr.contains(".json"),
            "{}",
            run.stderr
        );
    }
}

// ---- misuse -----------------------------------------------------------------

#[test]
fn an_unknown_endpoint_lists_the_known_ones() {
    for args in [
        &["check", "seedanceapi-v3", "{}"][..],
        &["check", "seedanceapi-v3"],
        &["tables", "seedanceapi-v3"],
        &["describe", "seedanceapi-v3"],
        &["schema", "seedanceapi-v3"],
    ] {
        let run = seedance(args, None);
        run.assert_failed();
        assert!(run.stderr.contains("`seedanceapi-v3`"), "{}", run.stderr);
        for e in Endpoint::ALL {
            assert!(run.stderr.contains(e.id()), "{args:?}: {}", run.stderr);
        }
    }
}

#[test]
fn usage_errors_exit_2_with_the_usage() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["--frobnicate"],
        &["help", "frobnicate"],
        &["help", "check", "extra"],
        &["check"],
        &["check", "seedanceapi-v2", "{}", "--nope"],
        &["check", "seedanceapi-v2", "{}", "--balance", "ten"],
        &["check", "seedanceapi-v2", "{}", "--balance"],
        &["check", "seedanceapi-v2", "{}", "{}"],
        &["tables", "--yaml"],
        &["describe"],
        &["compare", "--duration", "8"],
        &[
            "compare",
            "--duration",
            "8",
            "--resolution",
            "720p",
            "--input",
            "sound",
        ],
    ] {
        let run = seedance(args, None);
        run.assert_failed();
        assert!(run.stderr.contains("usage:"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn a_command_misused_shows_its_own_usage() {
    for (args, command, not) in [
        (
            &["check"][..],
            "seedance check ENDPOINT",
            "seedance compare",
        ),
        (
            &["check", "seedanceapi-v2", "{}", "--nope"],
            "seedance check ENDPOINT",
            "seedance tables",
        ),
        (
            &["compare", "--duration", "8"],
            "seedance compare --duration",
            "seedance check ENDPOINT",
        ),
        (
            &["tables", "--yaml"],
            "seedance tables [ENDPOINT]",
            "seedance describe",
        ),
        (
            &["describe"],
            "seedance describe ENDPOINT",
            "seedance endpoints",
        ),
    ] {
        let run = seedance(args, None);
        run.assert_failed();
        assert!(run.stderr.contains(command), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains(not), "{args:?}: {}", run.stderr);
    }
    // No command read, or `help` misused: the whole usage.
    for args in [&["frobnicate"][..], &["help", "check", "extra"]] {
        let run = seedance(args, None);
        run.assert_failed();
        for command in [
            "seedance check ENDPOINT",
            "seedance compare",
            "seedance describe",
        ] {
            assert!(run.stderr.contains(command), "{args:?}: {}", run.stderr);
        }
    }
}

#[test]
fn a_misspelt_command_gets_the_closest_and_a_flag_first_is_named() {
    for (typed, hint) in [
        ("chek", Some("check")),
        ("TABELS", Some("tables")),
        ("descirbe", Some("describe")),
        // Two edits in a short name, or a word like none: no guess.
        ("hlep", None),
        ("frobnicate", None),
    ] {
        let run = seedance(&[typed], None);
        run.assert_failed();
        let first = run.stderr.lines().next().unwrap_or_default();
        let guess = first
            .split_once("did you mean `")
            .and_then(|(_, rest)| rest.split_once('`'))
            .map(|(name, _)| name);
        assert_eq!(guess, hint, "{typed}: {first}");
    }
    let run = seedance(&["--frobnicate", "check"], None);
    run.assert_failed();
    assert!(
        run.stderr
            .starts_with("seedance: unknown flag `--frobnicate`; give a command first\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn help_and_version_exit_0() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let run = seedance(args, None);
        assert_eq!(run.code, 0, "{args:?}");
        for command in [
            "check ENDPOINT",
            "compare --duration",
            "endpoints",
            "describe",
        ] {
            assert!(
                run.stdout.contains(&format!("seedance {command}")),
                "{args:?}: {}",
                run.stdout
            );
        }
        assert!(run.stderr.is_empty());
    }
    // One command's help shows that command alone, however it is asked for.
    for (args, command, not) in [
        (&["help", "check"][..], "check ENDPOINT", "compare"),
        (&["check", "--help"], "check ENDPOINT", "compare"),
        (
            &["check", "seedanceapi-v2", "-h"],
            "check ENDPOINT",
            "tables",
        ),
        (&["help", "compare"], "compare --duration", "check ENDPOINT"),
        (&["tables", "--help"], "tables [ENDPOINT]", "describe"),
        (&["help", "describe"], "describe ENDPOINT", "tables"),
        (&["help", "--help"], "help [COMMAND]", "describe"),
        (&["help", "-h"], "help [COMMAND]", "describe"),
    ] {
        let run = seedance(args, None);
        assert_eq!(run.code, 0, "{args:?}");
        assert!(
            run.stdout.contains(&format!("seedance {command}")),
            "{args:?}: {}",
            run.stdout
        );
        assert!(
            !run.stdout.contains(&format!("seedance {not}")),
            "{args:?}: {}",
            run.stdout
        );
        // The notes on flags hold for every command.
        assert!(run.stdout.contains("(`--balance=500`)"), "{args:?}");
        assert!(run.stderr.is_empty());
    }
    let run = seedance(&["--version"], None);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("seedance {}\n", env!("CARGO_PKG_VERSION"))
    );
}

// ---- compare ----------------------------------------------------------------

#[test]
fn compare_lists_endpoints_cheapest_first() {
    let run = seedance(
        &[
            "compare",
            "--duration",
            "8",
            "--resolution",
            "720p",
            "--json",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = run.json();
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows[0]["credits"], 28, "Seedance 1.5 Pro, 720p 8 s");
    let priced: Vec<u64> = rows.iter().filter_map(|r| r["credits"].as_u64()).collect();
    assert!(priced.windows(2).all(|w| w[0] <= w[1]), "{priced:?}");
    let mini = rows
        .iter()
        .find(|r| r["model"] == "seedance-2-mini")
        .expect("Mini is listed");
    assert_eq!(mini["credits"], 246);

    let person = seedance(
        &["compare", "--duration", "8", "--resolution", "720p"],
        None,
    );
    assert_eq!(person.code, 0);
    assert!(
        person.stdout.contains("28 credits ($0.28)"),
        "{}",
        person.stdout
    );
    assert!(
        person.stdout.contains("INVALID_DURATION"),
        "why 2.0 cannot: {}",
        person.stdout
    );
}

#[test]
fn compare_for_people_names_the_input_and_indents_why_under_the_endpoint() {
    for (input, words) in [
        (None, "from text, no audio"),
        (Some("image"), "from an image, with audio"),
        (Some("video"), "from a reference video, with audio"),
    ] {
        let mut args = vec!["compare", "--duration", "8", "--resolution", "720p"];
        if let Some(i) = input {
            args.extend(["--input", i, "--audio"]);
        }
        let run = seedance(&args, None);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mut lines = run.stdout.lines();
        assert_eq!(
            lines.next(),
            Some(format!("clip: 8 s, 720p, {words}").as_str())
        );
        assert_eq!(lines.next(), Some(""));
        // Each row's endpoint starts in one column; what is said of it
        // starts two further in.
        let mut column = None;
        let mut said = 0;
        for line in lines {
            if line.starts_with(' ') {
                let indent = line.len() - line.trim_start().len();
                assert_eq!(
                    Some(indent),
                    column.map(|c| c + 2),
                    "{line:?}\n{}",
                    run.stdout
                );
                said += 1;
            } else {
                let at = Endpoint::ALL
                    .iter()
                    .filter_map(|e| line.find(&format!("  {}  ", e.id())))
                    .min()
                    .map(|i| i + 2);
                assert!(at.is_some(), "a row names its endpoint: {line:?}");
                assert!(column.is_none() || column == at, "{}", run.stdout);
                column = at;
            }
        }
        assert!(said > 0, "some endpoint cannot: {}", run.stdout);
    }
}

#[test]
fn compare_exits_1_when_no_endpoint_can_make_the_clip() {
    let run = seedance(
        &["compare", "--duration", "99", "--resolution", "720p"],
        None,
    );
    run.assert_no_crash();
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("cannot"), "{}", run.stdout);
}

#[test]
fn compare_takes_a_price_book_and_a_balance() {
    let book = temp_file("compare-book.json", BOOK);
    let run = seedance(
        &[
            "compare",
            "--duration",
            "6",
            "--resolution",
            "720p",
            "--input",
            "image",
            "--audio",
            "--price-book",
            book.to_str().unwrap(),
            "--json",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = run.json();
    let s2ai = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["endpoint"] == "seedance2ai-video")
        .expect("seedance2ai-video is listed");
    assert_eq!(s2ai["credits"], 30);

    let poor = seedance(
        &[
            "compare",
            "--duration",
            "8",
            "--resolution",
            "720p",
            "--balance",
            "1",
            "--json",
        ],
        None,
    );
    let rows = poor.json();
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["credits"].is_null() || r["ok"] == false));
}

// ---- endpoints, tables, describe --------------------------------------------

#[test]
fn endpoints_lists_one_line_each() {
    let run = seedance(&["endpoints"], None);
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), Endpoint::ALL.len());
    for (line, e) in lines.iter().zip(Endpoint::ALL) {
        let spec = e.spec();
        for part in [spec.id, spec.provider, spec.route, spec.models] {
            assert!(line.contains(part), "{line}");
        }
    }
    let run = seedance(&["endpoints", "--json"], None);
    // The keys in the order of the columns, and of the npm package's list.
    assert!(
        run.stdout
            .starts_with(r#"[{"id":"seedanceapi-v1","provider":"seedanceapi.org","route":"POST /v1/generate","models":"#),
        "{}",
        run.stdout
    );
    let json = run.json();
    assert_eq!(json[1]["id"], "seedanceapi-v2");
    assert_eq!(json[1]["route"], "POST /v2/generate");
}

#[test]
fn describe_takes_json_and_then_fails_in_json() {
    let run = seedance(&["describe", "seedanceapi-v1", "--json"], None);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        seedance(&["describe", "seedanceapi-v1"], None).stdout
    );
    let run = seedance(&["describe", "seedanceapi-v3", "--json"], None);
    assert_eq!(run.code, 2);
    let json = run.json();
    assert_eq!(json["ok"], false);
    assert_eq!(json["error"]["code"], "UNKNOWN_ENDPOINT");
}

#[test]
fn tables_json_is_the_builtin_price_book() {
    let run = seedance(&["tables", "--json"], None);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, PriceBook::builtin().to_json_pretty() + "\n");
    let book = PriceBook::from_json(&run.stdout).expect("a price book");
    // `PriceBook`'s `==` compares each row's conditions in order, and a loaded
    // book has them in the order of its JSON object: compare as JSON values.
    let as_value = |b: &PriceBook| serde_json::from_str::<Value>(&b.to_json()).unwrap();
    assert_eq!(as_value(&book), as_value(&PriceBook::builtin()));
    assert_eq!(book.name(), "built-in");
    // And it prices as the built-in tables do.
    let report = seedance_rules::check_with(&book, "seedanceapi-v2", MINI_1080P_8S).unwrap();
    assert_eq!(report.credits(), Some(246));
}

#[test]
fn tables_json_for_one_endpoint_is_its_entry() {
    let whole: Value = seedance(&["tables", "--json"], None).json();
    for e in Endpoint::ALL {
        let run = seedance(&["tables", e.id(), "--json"], None);
        assert_eq!(run.code, 0);
        assert_eq!(run.json(), whole["endpoints"][e.id()], "{e}");
    }
    // Such a table given as a book is refused, with how to make it one; the
    // book made that way loads and prices as the table says.
    let table = seedance(&["tables", "seedanceapi-v2", "--json"], None).stdout;
    let path = temp_file("one-table.json", &table);
    let check_with = |book: &std::path::Path| {
        let book = book.to_str().unwrap();
        seedance(
            &[
                "check",
                "seedanceapi-v2",
                MINI_1080P_8S,
                "--price-book",
                book,
            ],
            None,
        )
    };
    let run = check_with(&path);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("one endpoint's price table"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(r#""endpoints": {"ENDPOINT": TABLE}"#),
        "{}",
        run.stderr
    );
    let book = format!(
        r#"{{"schema": "seedance-rules/price-book/v1", "name": "mine", "endpoints": {{"seedanceapi-v2": {table}}}}}"#
    );
    let path = temp_file("one-table-book.json", &book);
    let run = check_with(&path);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // A book that is wrong for another reason gets no such hint.
    let path = temp_file("not-a-table.json", r#"{"schema": "v0"}"#);
    let run = check_with(&path);
    assert_eq!(run.code, 2);
    assert!(
        !run.stderr.contains("one endpoint's price table"),
        "{}",
        run.stderr
    );
}

#[test]
fn tables_for_people_show_rows_sources_and_unpublished_prices() {
    let run = seedance(&["tables"], None);
    assert_eq!(run.code, 0);
    let out = &run.stdout;
    for e in Endpoint::ALL {
        assert!(out.contains(e.id()), "{e}");
    }
    assert!(
        out.contains("model = seedance-2.0, duration = 5: 240 credits"),
        "{out}"
    );
    assert!(out.contains("41/2 (20.5) credits a second × 3/2"), "{out}");
    assert!(
        out.contains("Seedance 2.0 (standard): 5s = 240 credits"),
        "the source: {out}"
    );
    assert!(out.contains("1 credit = $0.01"), "{out}");

    let one = seedance(&["tables", "seedance2ai-video"], None);
    assert_eq!(one.code, 0);
    assert!(one.stdout.contains("no published price"), "{}", one.stdout);
    assert!(
        one.stdout.contains("Load a price book"),
        "the note: {}",
        one.stdout
    );
    assert!(!one.stdout.contains("seedanceapi-v2"), "{}", one.stdout);
}

/// A reseller's book: a rate without a source, a markup on every row, a
/// fixed price, one marked up, one by the second, a table with a row and no
/// rate, and one with no row and no note.
const RESELLER_BOOK: &str = r#"{"schema": "seedance-rules/price-book/v1", "name": "reseller",
  "endpoints": {
    "seedanceapi-v2": {"usd_per_credit": "0.02", "markup": "6/5", "rows": [
      {"when": {"model": "seedance-2.0"}, "credits": 300},
      {"when": {"model": "seedance-2.0-fast"}, "credits": 100, "markup": "3/2",
       "source": {"decision": "Fast at cost plus half"}},
      {"when": {}, "credits_per_second": "8", "per": "duration"}]},
    "seedance2ai-video": {"rows": [{"when": {}, "credits": 30}]},
    "seedance2ai-nano-banana-pro": {"rows": []}}}"#;

/// The lines of `out` from the one that starts with `id` to the blank line
/// after it.
fn table_of<'a>(out: &'a str, id: &str) -> Vec<&'a str> {
    out.lines()
        .skip_while(|l| !l.starts_with(&format!("{id} (")))
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn tables_for_people_show_a_books_tables_and_name_the_book() {
    let book = temp_file("reseller-book.json", RESELLER_BOOK);
    let book = book.to_str().unwrap();
    let run = seedance(&["tables", "--price-book", book], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert_eq!(
        table_of(out, "seedanceapi-v2"),
        [
            "seedanceapi-v2 (seedanceapi.org POST /v2/generate)",
            "  book: reseller",
            // No source for the rate: nothing after it.
            "  1 credit = $0.02",
            "  every row's credits × 6/5, rounded up",
            // A fixed price, neither marked up nor sourced: alone on its line.
            "  model = seedance-2.0: 300 credits",
            "  model = seedance-2.0-fast: 100 credits × 3/2, rounded up",
            "      decision: Fast at cost plus half",
            // A whole rate a second has no decimal form beside it.
            "  any request: 8 credits a second × `duration`, rounded up",
        ]
    );
    // No rate and no source for it: no line about dollars.
    assert_eq!(
        table_of(out, "seedance2ai-video"),
        [
            "seedance2ai-video (seedance2ai.io POST /api/v1/video/seedance)",
            "  book: reseller",
            "  any request: 30 credits",
        ]
    );
    // An endpoint the book does not list is priced by the built-in table.
    let v1 = table_of(out, "seedanceapi-v1");
    assert_eq!(v1[1], "  book: built-in");
    assert!(v1[2].starts_with("  1 credit = $0.01  (000_"), "{v1:?}");

    // Without a book, no book is named, and no table has a markup.
    let builtin = seedance(&["tables"], None).stdout;
    assert!(!builtin.contains("book:"), "{builtin}");
    assert!(!builtin.contains("every row's"), "{builtin}");
    assert_eq!(
        table_of(&builtin, "seedance2ai-video")[1],
        "  no US dollar rate  (decision: seedance2ai.io publishes no rate of credits to US dollars)"
    );

    // With --json, the book as read, or the table a check uses.
    let whole = seedance(&["tables", "--price-book", book, "--json"], None);
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    let loaded = PriceBook::from_json(RESELLER_BOOK).unwrap();
    assert_eq!(whole.stdout, loaded.to_json_pretty() + "\n");
    let one = seedance(
        &[
            "tables",
            "seedance2ai-video",
            "--price-book",
            book,
            "--json",
        ],
        None,
    );
    assert_eq!(
        one.json(),
        serde_json::json!({"rows": [{"when": {}, "credits": 30}]})
    );
    let unlisted = seedance(
        &["tables", "seedanceapi-v1", "--price-book", book, "--json"],
        None,
    );
    assert_eq!(
        unlisted.stdout,
        PriceBook::builtin()
            .table_json_pretty(Endpoint::SeedanceApiV1)
            .unwrap()
            + "\n"
    );
    // A book that cannot be read fails as it does for `check`.
    let bad = seedance(&["tables", "--price-book", "/nonexistent/book.json"], None);
    bad.assert_failed();
    assert!(
        bad.stderr.contains("cannot read price book"),
        "{}",
        bad.stderr
    );
}

#[test]
fn the_report_gives_the_rate_with_its_source_and_a_silent_table_its_note() {
    let body =
        r#"{"prompt": "Sunrise over misty mountains", "model": "seedance-2.0", "duration": 10}"#;
    let builtin = seedance(&["check", "seedanceapi-v2", body], None);
    assert_eq!(builtin.code, 0, "{}", builtin.stderr);
    assert!(
        builtin.stdout.lines().any(|l| l
            == "  rate:    1 credit = $0.01 (001_7afcf58364257041.txt: “1 USD = 100 credits.”)"),
        "{}",
        builtin.stdout
    );
    let book = temp_file("reseller-book-check.json", RESELLER_BOOK);
    let book = book.to_str().unwrap();
    let run = seedance(
        &["check", "seedanceapi-v2", body, "--price-book", book],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 300 × 6/5 = 360 credits at $0.02; the rate has no source to give.
    assert!(
        run.stdout.contains("price: 360 credits ($7.20)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l == "  rate:    1 credit = $0.02"),
        "{}",
        run.stdout
    );

    // No published price: the built-in table's note says why; a book's
    // table of no rows and no note has nothing to add.
    let image = r#"{"type": "text-to-image", "prompt": "a watercolor map"}"#;
    let silent = seedance(&["check", "seedance2ai-nano-banana-pro", image], None);
    assert_eq!(silent.code, 0, "{}", silent.stderr);
    assert!(
        silent
            .stdout
            .contains("price: no published price\n  note: 003_"),
        "{}",
        silent.stdout
    );
    let empty = seedance(
        &[
            "check",
            "seedance2ai-nano-banana-pro",
            image,
            "--price-book",
            book,
        ],
        None,
    );
    assert_eq!(empty.code, 0, "{}", empty.stderr);
    assert!(!empty.stdout.contains("note:"), "{}", empty.stdout);
}

#[test]
fn describe_prints_the_description_pretty() {
    let run = seedance(&["describe", "seedanceapi-v2"], None);
    assert_eq!(run.code, 0);
    assert!(run.stdout.lines().count() > 10, "pretty-printed");
    let json = run.json();
    let expected: Value =
        serde_json::from_str(&seedance_rules::describe(Endpoint::SeedanceApiV2).to_json()).unwrap();
    assert_eq!(json, expected);
}

#[test]
fn schema_prints_the_json_schema_pretty_and_fails_in_json() {
    for e in Endpoint::ALL {
        let run = seedance(&["schema", e.id()], None);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(
            run.stdout,
            seedance_rules::describe(e).json_schema().to_string_pretty() + "\n"
        );
        assert_eq!(run.json()["title"], format!("{} request body", e.id()));
    }
    let run = seedance(&["schema", "price-book"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        seedance_rules::PriceBook::json_schema().to_string_pretty() + "\n"
    );
    assert_eq!(run.json()["title"], "seedance-rules/price-book/v1");
    let run = seedance(&["schema", "seedanceapi-v3", "--json"], None);
    assert_eq!(run.code, 2);
    assert_eq!(run.json()["error"]["code"], "UNKNOWN_ENDPOINT");
    assert!(run.stderr.contains("`price-book`"), "{}", run.stderr);
    let run = seedance(&["schema"], None);
    run.assert_failed();
    assert!(
        run.stderr.contains("seedance schema ENDPOINT"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("seedance describe"), "{}", run.stderr);
}

#[test]
fn a_closed_stdout_is_not_a_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_seedance"))
        .args(["describe", "seedanceapi-v2"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Close the reading end at once, as `| head -1` does once it has its line.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("the binary ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

// ---- messages a shell user meets ---------------------------------------------

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error() {
    // `/dev/full` takes no byte: every write fails with "no space left".
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_seedance"))
        .args(["tables"])
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("seedance: cannot write to standard output: "),
        "{stderr}"
    );
}

#[test]
fn an_unknown_endpoint_with_control_characters_is_shown_escaped() {
    for args in [
        &["describe", "a\u{1b}[2Jb"][..],
        &["check", "seedance\u{1b}[31mapi", "{}"],
        &["tables", "a\nb"],
    ] {
        let run = seedance(args, None);
        run.assert_failed();
        assert!(run.stderr.contains("unknown endpoint"), "{}", run.stderr);
        assert!(
            !run.stderr.contains('\u{1b}') && run.stderr.lines().count() == 1,
            "{:?}",
            run.stderr
        );
    }
}

#[test]
fn a_body_given_for_the_endpoint_says_which_comes_first() {
    let run = seedance(&["check", r#"{"prompt": "a"}"#, "seedanceapi-v2"], None);
    run.assert_failed();
    assert!(
        run.stderr.contains("unknown endpoint")
            && run
                .stderr
                .trim_end()
                .ends_with("the endpoint comes before the body"),
        "{}",
        run.stderr
    );
    // Only then: a plain misspelt id gets the list alone.
    let run = seedance(&["check", "seedanceapi-v3", "{}"], None);
    assert!(!run.stderr.contains("comes before"), "{}", run.stderr);
}

#[test]
fn a_file_name_given_as_body_says_how_to_give_the_file() {
    let path = temp_file("body-as-name.json", MINI_1080P_8S);
    let name = path.to_str().unwrap();
    for body in [name.to_owned(), format!("@{name}")] {
        let run = seedance(&["check", "seedanceapi-v2", &body], None);
        run.assert_failed();
        assert!(
            run.stderr.contains("the body is not JSON"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("give it on standard input"),
            "{}",
            run.stderr
        );
    }
    // Text that names no file gets no hint: a word, or JSON gone wrong,
    // even with a slash in it.
    for body in ["{bad", "nonsense", r#"{"a/b"#] {
        let run = seedance(&["check", "seedanceapi-v2", body], None);
        run.assert_failed();
        assert!(!run.stderr.contains("file"), "{body}: {}", run.stderr);
    }
    // A file name of a file that is not there: the same, and that it is not.
    for body in ["no-such-body.json", "./no/such", "@no-such"] {
        let run = seedance(&["check", "seedanceapi-v2", body], None);
        run.assert_failed();
        let no_file = format!(
            "there is no file `{}` here either",
            body.trim_start_matches('@')
        );
        assert!(run.stderr.contains(&no_file), "{}", run.stderr);
        assert!(run.stderr.contains("(`< FILE`)"), "{}", run.stderr);
    }
    // A directory is named as one; a URL is not taken for a file name.
    let dir = path.parent().unwrap().to_str().unwrap().to_owned() + "/";
    let run = seedance(&["check", "seedanceapi-v2", &dir], None);
    assert!(
        run.stderr.contains(&format!("`{dir}` is a directory")),
        "{}",
        run.stderr
    );
    let run = seedance(&["check", "seedanceapi-v2", "https://x.test/a"], None);
    run.assert_failed();
    assert!(!run.stderr.contains("file"), "{}", run.stderr);
    // The file itself, on standard input, is checked.
    let text = std::fs::read(&path).unwrap();
    let run = seedance(&["check", "seedanceapi-v2", "-"], Some(&text));
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn an_empty_price_book_says_so_and_a_bad_one_names_its_file_once() {
    let empty = temp_file("empty-book.json", "  \n");
    let run = seedance(
        &[
            "check",
            "seedanceapi-v2",
            MINI_1080P_8S,
            "--price-book",
            empty.to_str().unwrap(),
        ],
        None,
    );
    run.assert_failed();
    assert!(
        run.stderr.trim_end().ends_with("is empty"),
        "{}",
        run.stderr
    );
    let truncated = temp_file("truncated-book.json", "{\"schema\": ");
    let run = seedance(
        &[
            "check",
            "seedanceapi-v2",
            MINI_1080P_8S,
            "--price-book",
            truncated.to_str().unwrap(),
        ],
        None,
    );
    run.assert_failed();
    assert!(
        run.stderr.starts_with("seedance: price book `")
            && run.stderr.matches("price book").count() == 1,
        "{}",
        run.stderr
    );
    // A row's error says where in the book, and names the book once.
    let bad_row = temp_file(
        "bad-row-book.json",
        r#"{"schema": "seedance-rules/price-book/v1", "name": "b", "endpoints": {"seedanceapi-v2": {"rows": [{"when": {}, "credits": "abc"}]}}}"#,
    );
    let run = seedance(
        &[
            "check",
            "seedanceapi-v2",
            MINI_1080P_8S,
            "--price-book",
            bad_row.to_str().unwrap(),
        ],
        None,
    );
    run.assert_failed();
    assert_eq!(
        run.stderr.matches("price book").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(": at `endpoints.seedanceapi-v2.rows[0].credits`: "),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_an_input_error_without_the_usage() {
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(env!("CARGO_BIN_EXE_seedance"))
        .arg("check")
        .arg("seedanceapi-v2")
        .arg(std::ffi::OsStr::from_bytes(b"{\"prompt\":\"\xff\"}"))
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is not UTF-8 text"), "{stderr}");
    assert!(!stderr.contains("usage:"), "{stderr}");
}

#[test]
fn a_book_with_no_matching_row_says_so_and_that_the_balance_went_unchecked() {
    let book = temp_file(
        "mini-only.json",
        r#"{"schema": "seedance-rules/price-book/v1", "name": "mini only",
            "endpoints": {"seedanceapi-v2": {"rows": [{"when": {"model": "seedance-2-mini"}, "credits": 5}]}}}"#,
    );
    let run = seedance(
        &[
            "check",
            "seedanceapi-v2",
            r#"{"prompt": "a"}"#,
            "--price-book",
            book.to_str().unwrap(),
            "--balance",
            "0",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("no row of the price table matches"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("no published price"), "{}", run.stdout);
    assert!(
        run.stdout.contains("balance: not checked"),
        "{}",
        run.stdout
    );
    // Priced, the balance is checked and no such line is written.
    let run = seedance(
        &[
            "check",
            "seedanceapi-v2",
            MINI_1080P_8S,
            "--balance",
            "1000",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stdout.contains("balance: not checked"),
        "{}",
        run.stdout
    );
}

#[test]
fn with_json_a_failure_is_json_on_stdout_too() {
    let missing = std::env::temp_dir().join("seedance-no-such-book.json");
    for (args, code) in [
        (
            &["check", "seedanceapi-v2", "{bad", "--json"][..],
            "INVALID_JSON",
        ),
        (&["check", "nope", "{}", "--json"], "UNKNOWN_ENDPOINT"),
        (
            &[
                "check",
                "seedanceapi-v2",
                "{}",
                "--json",
                "--price-book",
                missing.to_str().unwrap(),
            ],
            "INVALID_PRICE_BOOK",
        ),
        (
            &[
                "compare",
                "--duration",
                "5",
                "--resolution",
                "720p",
                "--json",
                "--price-book",
                missing.to_str().unwrap(),
            ],
            "INVALID_PRICE_BOOK",
        ),
        (&["tables", "nope", "--json"], "UNKNOWN_ENDPOINT"),
    ] {
        let run = seedance(args, None);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("seedance: "), "{}", run.stderr);
        let json = run.json();
        assert_eq!(json["ok"], false, "{args:?}");
        assert_eq!(json["error"]["code"], code, "{args:?}");
        let message = json["error"]["message"].as_str().unwrap();
        assert!(run.stderr.contains(message), "{args:?}: {message}");
    }
    // A command line that cannot be read, with `--json` in it, too.
    let run = seedance(
        &["check", "seedanceapi-v2", "{}", "--json", "--balance", "-3"],
        None,
    );
    assert_eq!(run.code, 2);
    assert_eq!(run.json()["error"]["code"], "USAGE");
    // After `--`, `--json` is an argument, not the flag: no JSON.
    let run = seedance(&["check", "seedanceapi-v2", "--", "{}", "--json"], None);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "", "{}", run.stderr);
    // Without `--json`, nothing on standard output.
    seedance(&["check", "seedanceapi-v2", "{bad"], None).assert_failed();
}

/// The README's example book and body (`examples/`) load, and price as the
/// README says: 36 credits a 6 s standard clip, marked up 6/5 to 44.
#[test]
fn the_examples_price_as_the_readme_says() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let book = format!("{dir}/price-book.json");
    let body = std::fs::read(format!("{dir}/body.json")).unwrap();
    let run = seedance(
        &[
            "check",
            "seedance2ai-video",
            "--price-book",
            &book,
            "--json",
        ],
        Some(&body),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["credits"], 44);
    assert_eq!(run.json()["usd"], "0.44");
    for (endpoint, body, credits) in [
        (
            "seedance2ai-gpt-image-2",
            r#"{"type": "text-to-image", "prompt": "a red kite", "aspectRatio": "16:9", "resolution": "4K", "batchCount": 2}"#,
            24,
        ),
        (
            "seedance2ai-nano-banana-pro",
            r#"{"type": "text-to-image", "prompt": "a red kite", "image_size": "1:1", "resolution": "2K"}"#,
            8,
        ),
    ] {
        let run = seedance(
            &["check", endpoint, body, "--price-book", &book, "--json"],
            None,
        );
        assert_eq!(run.code, 0, "{endpoint}: {}", run.stdout);
        assert_eq!(run.json()["credits"], credits, "{endpoint}");
    }
}
