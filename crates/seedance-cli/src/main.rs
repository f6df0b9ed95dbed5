//! `seedance`: check and price Seedance API requests from the shell, with the
//! rules and prices of the `seedance-rules` crate. No network.
//!
//! Exit status: 0 for a valid request (and every other command that
//! succeeds), 1 for an invalid one (or a clip no endpoint can make), 2 for
//! anything that could not be read: a usage error, a body that is not UTF-8
//! or not JSON, an unknown endpoint, an unreadable price book. The message
//! of a failure goes to standard error; with `--json`, the failure is also
//! JSON on standard output (`{"ok": false, "error": {"code", "message"}}`).
//!
//! Each command builds its whole output as a `String` first and writes it
//! once: a closed pipe (`seedance tables | head -1`) ends the run quietly,
//! any other write error is reported, and nothing can panic half-way.
#![forbid(unsafe_code)]

mod args;
mod render;

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use seedance_rules::{describe, Checker, Clip, Comparison, Endpoint, Json, PriceBook};

use crate::args::{Body, CheckArgs, Command, CompareArgs};

const VALID: u8 = 0;
const INVALID: u8 = 1;
const FAILED: u8 = 2;

/// The most the command reads of a body or a price book: 16 MiB, hundreds
/// of times a request the documents describe (a prompt of 2,000 characters
/// and a dozen URLs) and the built-in book (16 KB). Past it the input is
/// something else (`< /dev/zero`, a video file), and it is refused before
/// it fills the memory.
const MAX_INPUT: u64 = 16 << 20;

/// Why a command could not run: exit status 2 and a one-line message.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    message: String,
    /// The usage to show after the message.
    usage: Usage,
    /// A stable code, for `--json`: the library's (`INVALID_JSON`,
    /// `UNKNOWN_ENDPOINT`, `INVALID_PRICE_BOOK`), `INVALID_INPUT` for a body
    /// that cannot be read as text (not UTF-8, empty, with a byte order
    /// mark, standard input unreadable), or `USAGE`.
    code: &'static str,
}

/// The usage a failure shows after its message.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Usage {
    /// None: the command line was right, its input was not.
    No,
    /// All of it: no command could be read.
    All,
    /// That command's part.
    Of(&'static str),
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            usage: Usage::All,
            code: "USAGE",
        }
    }

    fn input(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            usage: Usage::No,
            code: "INVALID_INPUT",
        }
    }

    /// A failure of the price book.
    fn book(message: impl Into<String>) -> Failure {
        Failure::input(message).of_book()
    }

    /// This failure, as one of the price book (its code).
    fn of_book(self) -> Failure {
        Failure {
            code: "INVALID_PRICE_BOOK",
            ..self
        }
    }

    /// The failure as `--json` writes it on standard output.
    fn to_json(&self) -> String {
        let error = Json::object([
            ("code", self.code.into()),
            ("message", self.message.as_str().into()),
        ]);
        Json::object([("ok", false.into()), ("error", error)]).to_string() + "\n"
    }

    /// A usage failure of `command`, which shows that command's usage.
    fn of(self, command: &'static str) -> Failure {
        let usage = match self.usage {
            Usage::All => Usage::Of(command),
            other => other,
        };
        Failure { usage, ..self }
    }
}

impl From<seedance_rules::Error> for Failure {
    fn from(e: seedance_rules::Error) -> Failure {
        Failure {
            code: e.code(),
            ..Failure::input(e.to_string())
        }
    }
}

/// What a command prints on standard output, and its exit status.
struct Output {
    text: String,
    status: u8,
}

fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(f) => {
            // A command line that could not be read, but asked for JSON
            // (as a flag: after `--`, `--json` is an argument).
            let mut flags = std::env::args_os().skip(1).take_while(|a| a != "--");
            if flags.any(|a| a == "--json") {
                let _ = write_stdout(&f.to_json());
            }
            fail(&f);
            return ExitCode::from(FAILED);
        }
    };
    // With `--json`, a failure is JSON on standard output too, so that a
    // script reading `.ok` reads `false`.
    let json = command.json();
    let status = match run(command) {
        Ok(out) => match write_stdout(&out.text) {
            Ok(()) => out.status,
            // The reader went away (`seedance tables | head -1`): stop quietly.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => out.status,
            Err(e) => {
                fail(&Failure::input(format!(
                    "cannot write to standard output: {e}"
                )));
                FAILED
            }
        },
        Err(f) => {
            if json {
                // Standard error still says it, for a person.
                let _ = write_stdout(&f.to_json());
            }
            fail(&f);
            FAILED
        }
    };
    ExitCode::from(status)
}

fn write_stdout(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

fn fail(f: &Failure) {
    let mut stderr = io::stderr().lock();
    // Nothing more can be done when standard error is closed too.
    // The message may quote an argument (an unknown endpoint id): control
    // characters are shown escaped, never sent to the terminal.
    let _ = writeln!(stderr, "seedance: {}", render::printable(&f.message));
    match f.usage {
        Usage::No => {}
        Usage::All => {
            let _ = write!(stderr, "\n{}", args::USAGE);
        }
        Usage::Of(command) => {
            let _ = write!(stderr, "\n{}", args::usage_of(command));
        }
    }
}

fn run(command: Command) -> Result<Output, Failure> {
    match command {
        Command::Help => Ok(Output {
            text: format!("{}{}", args::ABOUT, args::USAGE),
            status: VALID,
        }),
        Command::HelpOn(command) => Ok(Output {
            text: format!("{}{}", args::ABOUT, args::usage_of(command)),
            status: VALID,
        }),
        Command::Version => Ok(Output {
            text: format!("seedance {}\n", env!("CARGO_PKG_VERSION")),
            status: VALID,
        }),
        Command::Check(a) => check(a),
        Command::Compare(a) => compare(a),
        Command::Endpoints { json } => Ok(Output {
            text: endpoints(json),
            status: VALID,
        }),
        Command::Tables {
            endpoint,
            json,
            price_book,
        } => {
            let endpoint = endpoint.as_deref().map(endpoint_named).transpose()?;
            let book = price_book.as_deref().map(load_book).transpose()?;
            Ok(Output {
                text: tables(endpoint, json, book.as_ref()),
                status: VALID,
            })
        }
        Command::Describe { endpoint, .. } => {
            let e = endpoint_named(&endpoint)?;
            Ok(Output {
                text: describe(e).to_json_pretty() + "\n",
                status: VALID,
            })
        }
        Command::Schema { endpoint, .. } => {
            let schema = if endpoint == "price-book" {
                PriceBook::json_schema()
            } else {
                // The known endpoints, and the one word more this command takes.
                let e = endpoint_named(&endpoint).map_err(|f| Failure {
                    message: format!("{}; or `price-book`, the price-book format", f.message),
                    ..f
                })?;
                describe(e).json_schema()
            };
            Ok(Output {
                text: schema.to_string_pretty() + "\n",
                status: VALID,
            })
        }
    }
}

fn endpoint_named(id: &str) -> Result<Endpoint, Failure> {
    id.parse::<Endpoint>().map_err(|e| {
        let f = Failure::from(e);
        // A body given where the endpoint goes (`seedance check '{...}'`).
        if id.trim_start().starts_with(['{', '[']) {
            Failure {
                message: format!("{}; the endpoint comes before the body", f.message),
                ..f
            }
        } else {
            f
        }
    })
}

/// Whether `text` holds nothing but JSON's white space (space, tab, line
/// feed, carriage return). Not `str::trim`, which also strips Unicode's
/// (a no-break space): a body of those is not empty, it is not JSON.
fn blank(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

fn check(a: CheckArgs) -> Result<Output, Failure> {
    // Everything that can fail without reading the body fails first, so that
    // a mistyped endpoint never waits for standard input.
    let endpoint = endpoint_named(&a.endpoint)?;
    let book = a.price_book.as_deref().map(load_book).transpose()?;
    let from_argument = matches!(a.body, Body::Text(_));
    let body = match a.body {
        Body::Text(text) => text,
        Body::Stdin { asked } => read_stdin(asked)?,
    };
    if blank(&body) {
        return Err(Failure::input(
            "the body is empty: give JSON text as BODY or on standard input",
        ));
    }
    let mut checker = Checker::new();
    if let Some(book) = &book {
        checker = checker.price_book(book);
    }
    if let Some(n) = a.balance {
        checker = checker.balance(n);
    }
    let report = checker.check_endpoint(endpoint, &body).map_err(|e| {
        let mut f = Failure::from(e);
        if from_argument {
            f.message.push_str(&file_hint(&body));
        }
        f
    })?;
    let status = if report.is_ok() { VALID } else { INVALID };
    let text = if a.json {
        report.to_json() + "\n"
    } else {
        let mut text = String::new();
        render::report(&mut text, &report);
        if a.balance.is_some() && report.is_ok() && report.credits().is_none() {
            text.push_str("\nbalance: not checked, for the request has no price\n");
        }
        text
    };
    Ok(Output { text, status })
}

fn compare(a: CompareArgs) -> Result<Output, Failure> {
    let book = a.price_book.as_deref().map(load_book).transpose()?;
    let mut checker = Checker::new();
    if let Some(book) = &book {
        checker = checker.price_book(book);
    }
    if let Some(n) = a.balance {
        checker = checker.balance(n);
    }
    let clip = Clip {
        duration: a.duration,
        resolution: &a.resolution,
        input: a.input,
        audio: a.audio,
        prompt: a.prompt.as_deref(),
    };
    let rows = seedance_rules::compare(&clip, &checker);
    let status = if rows.iter().any(|r| r.ok) {
        VALID
    } else {
        INVALID
    };
    let text = if a.json {
        let rows: Vec<String> = rows.iter().map(Comparison::to_json).collect();
        format!("[{}]\n", rows.join(","))
    } else {
        let mut text = String::new();
        render::comparison(&mut text, &clip, &rows);
        text
    };
    Ok(Output { text, status })
}

/// When BODY, which is not JSON, names a file (`body.json`, or curl's
/// `@body.json`): how to give that file.
fn file_hint(body: &str) -> String {
    let name = body.trim();
    let path = name.strip_prefix('@').unwrap_or(name);
    if path.is_empty() {
        return String::new();
    }
    if !Path::new(path).is_file() {
        // Not a file here, but written as a file name (`body.json`, `./b`,
        // `@body`, not a URL): the same answer, and what is there instead.
        let named = name.starts_with('@')
            || path.ends_with(".json")
            || (path.contains('/') && !path.starts_with(['{', '[', '"']));
        if !named || path.contains(char::is_whitespace) || path.contains("://") {
            return String::new();
        }
        let shown = args::clip(path);
        let there = if Path::new(path).is_dir() {
            format!("`{shown}` is a directory")
        } else {
            format!("there is no file `{shown}` here either")
        };
        return format!(
            "; BODY is the JSON text itself, not a file name (and {there}): give a file on \
             standard input (`< FILE`)"
        );
    }
    // Quoted for the shell, as the command it shows is to be typed.
    let quoted = format!("'{}'", path.replace('\'', r"'\''"));
    format!(
        "; BODY is the JSON text itself: to check the file `{}`, give it on standard input (`< {}`)",
        args::clip(path),
        args::clip(&quoted)
    )
}

/// The body from standard input. From a terminal only when `asked` for by
/// `-` (then typed or pasted, ended by Ctrl-D); with no BODY at all, a
/// terminal means the body was forgotten.
fn read_stdin(asked: bool) -> Result<String, Failure> {
    let stdin = io::stdin().lock();
    if stdin.is_terminal() {
        if !asked {
            return Err(Failure::usage(
                "no body: give JSON text as BODY, pipe it on standard input, or give `-` to type it",
            )
            .of("check"));
        }
        eprintln!("seedance: reading the body from the terminal; end it with Ctrl-D");
    }
    let bytes = read_at_most(stdin)
        .map_err(|e| Failure::input(format!("cannot read standard input: {e}")))?
        .ok_or_else(|| Failure::input(too_long("standard input", "request body")))?;
    utf8(bytes, "the body")
}

/// All of `input` when it holds at most [`MAX_INPUT`] bytes, else `None`.
fn read_at_most(input: impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    input.take(MAX_INPUT + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_INPUT).then_some(bytes))
}

/// Why `what`, over [`MAX_INPUT`], is not read: no `kind` comes near.
fn too_long(what: &str, kind: &str) -> String {
    format!(
        "{what} holds more than {} MiB, far more than any {kind}; nothing was checked",
        MAX_INPUT >> 20
    )
}

fn load_book(path: &Path) -> Result<PriceBook, Failure> {
    let shown = args::clip(&path.to_string_lossy());
    let what = format!("price book `{shown}`");
    let bytes = std::fs::File::open(path)
        .and_then(read_at_most)
        .map_err(|e| Failure::book(format!("cannot read {what}: {e}")))?
        .ok_or_else(|| Failure::book(too_long(&what, "price book")))?;
    let text = utf8(bytes, &what).map_err(Failure::of_book)?;
    if blank(&text) {
        return Err(Failure::book(format!("{what} is empty")));
    }
    PriceBook::from_json(&text).map_err(|e| {
        // One endpoint's table, as `tables ENDPOINT --json` writes it, is
        // not a book: say how to make one of it.
        let table =
            Json::parse(&text).is_ok_and(|j| j.get("rows").and_then(Json::as_array).is_some());
        let hint = if table {
            "; this is one endpoint's price table: a book puts it under \
             `endpoints`, `{\"schema\": \"seedance-rules/price-book/v1\", \"name\": \"…\", \
             \"endpoints\": {\"ENDPOINT\": TABLE}}` (`seedance tables --json` writes the \
             built-in book whole)"
        } else {
            ""
        };
        // Here the book is the file: the place is within it.
        let message = match e.price_book_place() {
            Some(("", why)) => why.to_owned(),
            Some((place, why)) => format!("at `{place}`: {why}"),
            None => e.to_string(),
        };
        Failure::book(format!("{what}: {message}{hint}"))
    })
}

fn utf8(bytes: Vec<u8>, what: &str) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|e| {
        Failure::input(format!(
            "{what} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn endpoints(json: bool) -> String {
    let specs: Vec<_> = Endpoint::ALL.iter().map(|e| e.spec()).collect();
    if json {
        // The keys in the order of the text's columns, and of the npm
        // package's `endpoints()`.
        let list: Json = specs
            .iter()
            .map(|s| {
                Json::object([
                    ("id", s.id.into()),
                    ("provider", s.provider.into()),
                    ("route", s.route.into()),
                    ("models", s.models.into()),
                ])
            })
            .collect();
        return list.to_string() + "\n";
    }
    let w_id = specs.iter().map(|s| s.id.len()).max().unwrap_or(0);
    let w_provider = specs.iter().map(|s| s.provider.len()).max().unwrap_or(0);
    let w_route = specs.iter().map(|s| s.route.len()).max().unwrap_or(0);
    let mut out = String::new();
    for s in specs {
        let _ = writeln!(
            out,
            "{:w_id$}  {:w_provider$}  {:w_route$}  {}",
            s.id, s.provider, s.route, s.models
        );
    }
    out
}

/// The price tables a check uses: the loaded `book`'s, and the built-in
/// table of each endpoint it does not list (all of them without a book).
/// With a book, each table for people names the book it comes from.
fn tables(endpoint: Option<Endpoint>, json: bool, book: Option<&PriceBook>) -> String {
    let builtin = PriceBook::builtin();
    // The book whose table prices `e`, and that table.
    let from = |e: Endpoint| match book.and_then(|b| Some((b, b.prices(e)?))) {
        Some(found) => found,
        None => (&builtin, e.spec().prices),
    };
    match (endpoint, json) {
        (None, true) => book.unwrap_or(&builtin).to_json_pretty() + "\n",
        (Some(e), true) => table_json(from(e).0, e) + "\n",
        (only, false) => {
            let mut out = String::new();
            for e in Endpoint::ALL {
                if only.is_some_and(|o| o != e) {
                    continue;
                }
                if !out.is_empty() {
                    out.push('\n');
                }
                let (pricing, prices) = from(e);
                // Named only when there is a choice of books.
                let named = book.map(|_| pricing.name());
                render::table(&mut out, e.spec(), prices, named);
            }
            out
        }
    }
}

/// One endpoint's table in `book`, in the price-book schema, indented.
fn table_json(book: &PriceBook, e: Endpoint) -> String {
    book.table_json_pretty(e)
        .unwrap_or_else(|| "null".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_table_is_the_book_entry_in_the_same_order() {
        let book_text = PriceBook::builtin().to_json_pretty();
        let book = Json::parse(&book_text).unwrap();
        for e in Endpoint::ALL {
            let text = table_json(&PriceBook::builtin(), e);
            let table = Json::parse(&text).unwrap();
            assert_eq!(table, book["endpoints"][e.id()], "{e}");
            // Written as in the book, four spaces further in: same keys, same order.
            let inner: Vec<String> = text.lines().skip(1).map(|l| format!("    {l}")).collect();
            let entry = format!("\"{}\": {{\n{}", e.id(), inner.join("\n"));
            assert!(book_text.contains(&entry), "{e}:\n{text}");
        }
    }
}
