//! The command line, read by hand: five commands and a handful of flags do
//! not need a parser crate, and the binary stays small.

use std::ffi::OsString;
use std::num::IntErrorKind;
use std::path::PathBuf;

use seedance_rules::Input;

use crate::Failure;

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// `--help`, `-h`, `help`: the whole usage.
    Help,
    /// `help COMMAND`, `COMMAND --help`: that command's part of the usage.
    HelpOn(&'static str),
    /// `--version`, `-V`.
    Version,
    /// `check ENDPOINT [BODY]`.
    Check(CheckArgs),
    /// `endpoints [--json]`.
    Endpoints { json: bool },
    /// `tables [ENDPOINT] [--json] [--price-book FILE]`.
    Tables {
        endpoint: Option<String>,
        json: bool,
        price_book: Option<PathBuf>,
    },
    /// `describe ENDPOINT`.
    /// `describe ENDPOINT [--json]`: JSON either way; `--json` makes a
    /// failure JSON too, as every other command's.
    Describe { endpoint: String, json: bool },
    /// `schema ENDPOINT|price-book [--json]`: JSON either way, as `describe`.
    Schema { endpoint: String, json: bool },
    /// `compare --duration S --resolution R ...`.
    Compare(CompareArgs),
}

impl Command {
    /// Whether the output is asked for as JSON.
    pub fn json(&self) -> bool {
        match self {
            Command::Check(a) => a.json,
            Command::Compare(a) => a.json,
            Command::Endpoints { json }
            | Command::Tables { json, .. }
            | Command::Describe { json, .. }
            | Command::Schema { json, .. } => *json,
            Command::Help | Command::HelpOn(_) | Command::Version => false,
        }
    }
}

/// Where `check` reads the body.
#[derive(Debug, PartialEq, Eq)]
pub enum Body {
    /// The argument BODY, JSON text.
    Text(String),
    /// Standard input: no BODY (a terminal then means it was forgotten), or
    /// `-` (`asked`: read even from a terminal, typed or pasted).
    Stdin { asked: bool },
}

/// The arguments of `check`.
#[derive(Debug, PartialEq, Eq)]
pub struct CheckArgs {
    pub endpoint: String,
    pub body: Body,
    pub json: bool,
    pub price_book: Option<PathBuf>,
    pub balance: Option<u64>,
}

/// The first line of `--help`.
/// The arguments of `compare`.
#[derive(Debug, PartialEq, Eq)]
pub struct CompareArgs {
    pub duration: u32,
    pub resolution: String,
    pub input: Input,
    pub audio: bool,
    pub prompt: Option<String>,
    pub json: bool,
    pub price_book: Option<PathBuf>,
    pub balance: Option<u64>,
}

pub const ABOUT: &str = "seedance checks and prices Seedance API requests before they are sent\n\n";

/// How to call the command: after `ABOUT` in `--help`, after the message of a usage error.
pub const USAGE: &str = "\
usage:
  seedance check ENDPOINT [BODY] [--json] [--price-book FILE] [--balance N]
      Check a JSON body and quote its price. BODY is JSON text; without it
      the body is read from a pipe or a file (`< body.json`), and with `-`
      from the terminal too (type or paste it, then Ctrl-D). A body or a
      book over 16 MiB is refused unread.
      --json             print the report as one line of JSON (a failure
                         too: {\"ok\": false, \"error\": {...}})
      --price-book FILE  price with a seedance-rules/price-book/v1 file
      --balance N        the account balance in credits
      exit status: 0 valid, 1 invalid, 2 error
  seedance compare --duration S --resolution R [--input text|image|video]
                   [--audio] [--prompt TEXT] [--json] [--price-book FILE]
                   [--balance N]
      Price one clip on every video endpoint and model that can make it,
      fewest credits first; then those that would make it otherwise (Mini
      bills 1080p as 720p), then those with no price (none published, or no
      row of the book matches), then those over the balance, fewest
      credits first, then those that cannot make it and why.
      exit status: 0 when one can (one with no price counts: its balance
      cannot be checked), 1 when none can, 2 error
  seedance endpoints [--json]
      List the endpoints: id, provider, route, models.
  seedance tables [ENDPOINT] [--json] [--price-book FILE]
      Show the price tables a check uses: the built-in ones, or with
      --price-book the book's (and the built-in one of an endpoint it does
      not list). With --json, the price book (or the one endpoint's table)
      in the seedance-rules/price-book/v1 schema.
  seedance describe ENDPOINT [--json]
      Print everything known of an endpoint as JSON: fields, rules, codes,
      warnings, prices and an example body (--json: a failure is JSON too).
  seedance schema ENDPOINT|price-book [--json]
      Print the endpoint's request body as a JSON Schema (draft 2020-12),
      written from the same rule tables; what it cannot say (a public host,
      the prices) its description names. `price-book`: the price-book
      format as one (--json: a failure is JSON too).
  seedance help [COMMAND] | --help | -h
      The whole usage, or one command's (also `seedance COMMAND --help`).
  seedance --version | -V
A flag's value follows it, or `=` (`--balance=500`); after `--` every
argument is positional, even one that starts with `-`.
";

/// Reads the command line (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, Failure> {
    let args = args
        .into_iter()
        .map(|a| {
            a.into_string().map_err(|a| {
                Failure::input(format!(
                    "argument `{}` is not UTF-8 text",
                    clip(&a.to_string_lossy())
                ))
            })
        })
        .collect::<Result<Vec<String>, Failure>>()?;
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::usage("no command given"));
    };
    let parsed = read(command, rest);
    // A command's misuse shows that command's usage.
    match command_named(command) {
        Some(c) if c != "help" => parsed.map_err(|f| f.of(c)),
        _ => parsed,
    }
}

/// Reads `command` and its arguments.
fn read(command: &str, rest: &[String]) -> Result<Command, Failure> {
    match command {
        "-h" | "--help" => Ok(Command::Help),
        "help" => match rest {
            [] => Ok(Command::Help),
            [flag] if flag == "-h" || flag == "--help" => Ok(Command::HelpOn("help")),
            [topic] => command_named(topic)
                .map(Command::HelpOn)
                .ok_or_else(|| unknown_command(topic)),
            [_, extra, ..] => Err(Failure::usage(format!(
                "unexpected argument `{}` for `seedance help`",
                clip(extra)
            ))),
        },
        "-V" | "--version" => Ok(Command::Version),
        "check" => {
            let mut p = Parsed::read(
                "check",
                rest,
                &[
                    ("--json", false),
                    ("--price-book", true),
                    ("--balance", true),
                ],
            )?;
            if p.help {
                return Ok(Command::HelpOn("check"));
            }
            let (endpoint, body) = match p.positional.as_slice() {
                [] => return Err(Failure::usage("`check` needs an ENDPOINT")),
                [e] => (e.clone(), Body::Stdin { asked: false }),
                [e, b] if b == "-" => (e.clone(), Body::Stdin { asked: true }),
                [e, b] => (e.clone(), Body::Text(b.clone())),
                [_, _, extra, ..] => {
                    return Err(Failure::usage(format!(
                        "unexpected argument `{}` (give the body as one argument, quoted)",
                        clip(extra)
                    )))
                }
            };
            Ok(Command::Check(CheckArgs {
                endpoint,
                body,
                json: p.take("--json").is_some(),
                price_book: p.take("--price-book").map(PathBuf::from),
                balance: p.balance()?,
            }))
        }
        "compare" => {
            let mut p = Parsed::read(
                "compare",
                rest,
                &[
                    ("--duration", true),
                    ("--resolution", true),
                    ("--input", true),
                    ("--audio", false),
                    ("--prompt", true),
                    ("--json", false),
                    ("--price-book", true),
                    ("--balance", true),
                ],
            )?;
            if p.help {
                return Ok(Command::HelpOn("compare"));
            }
            p.at_most("compare", 0)?;
            let duration = p
                .take("--duration")
                .ok_or_else(|| Failure::usage("`compare` needs `--duration S`"))?;
            // A whole number past u32::MAX is longer than any endpoint
            // makes, as u32::MAX is: every endpoint then says so.
            let duration = match duration.parse::<u32>() {
                Ok(n) => n,
                Err(e) if *e.kind() == IntErrorKind::PosOverflow => u32::MAX,
                Err(_) => {
                    return Err(Failure::usage(format!(
                        "`--duration` takes a whole number of seconds, not `{}`",
                        clip(&duration)
                    )))
                }
            };
            let resolution = p.take("--resolution").ok_or_else(|| {
                Failure::usage("`compare` needs `--resolution R` (480p, 720p or 1080p)")
            })?;
            let input = match p.take("--input") {
                None => Input::Text,
                Some(name) => Input::from_name(&name).ok_or_else(|| {
                    Failure::usage(format!(
                        "`--input` is text, image or video, not `{}`",
                        clip(&name)
                    ))
                })?,
            };
            Ok(Command::Compare(CompareArgs {
                duration,
                resolution,
                input,
                audio: p.take("--audio").is_some(),
                prompt: p.take("--prompt"),
                json: p.take("--json").is_some(),
                price_book: p.take("--price-book").map(PathBuf::from),
                balance: p.balance()?,
            }))
        }
        "endpoints" => {
            let mut p = Parsed::read("endpoints", rest, &[("--json", false)])?;
            if p.help {
                return Ok(Command::HelpOn("endpoints"));
            }
            p.at_most("endpoints", 0)?;
            Ok(Command::Endpoints {
                json: p.take("--json").is_some(),
            })
        }
        "tables" => {
            let mut p = Parsed::read("tables", rest, &[("--json", false), ("--price-book", true)])?;
            if p.help {
                return Ok(Command::HelpOn("tables"));
            }
            p.at_most("tables", 1)?;
            Ok(Command::Tables {
                endpoint: p.positional.pop(),
                json: p.take("--json").is_some(),
                price_book: p.take("--price-book").map(PathBuf::from),
            })
        }
        "describe" => one_argument("describe", "an ENDPOINT", rest, |endpoint, json| {
            Command::Describe { endpoint, json }
        }),
        "schema" => one_argument(
            "schema",
            "an ENDPOINT or `price-book`",
            rest,
            |endpoint, json| Command::Schema { endpoint, json },
        ),
        other if other.starts_with('-') => Err(Failure::usage(format!(
            "unknown flag `{}`; give a command first",
            clip(other)
        ))),
        other => Err(unknown_command(other)),
    }
}

/// A command of one argument and `--json` (`describe`, `schema`): `make`
/// of the argument and the flag; `needs` says what the argument is when it
/// is missing.
fn one_argument(
    command: &'static str,
    needs: &str,
    rest: &[String],
    make: fn(String, bool) -> Command,
) -> Result<Command, Failure> {
    let mut p = Parsed::read(command, rest, &[("--json", false)])?;
    if p.help {
        return Ok(Command::HelpOn(command));
    }
    p.at_most(command, 1)?;
    let json = p.take("--json").is_some();
    match p.positional.into_iter().next() {
        Some(argument) => Ok(make(argument, json)),
        None => Err(Failure::usage(format!("`{command}` needs {needs}"))),
    }
}

/// The commands, as `help COMMAND` knows them.
const COMMANDS: [&str; 7] = [
    "check",
    "compare",
    "endpoints",
    "tables",
    "describe",
    "schema",
    "help",
];

/// The command called `name`, if there is one.
fn command_named(name: &str) -> Option<&'static str> {
    COMMANDS.into_iter().find(|c| *c == name)
}

fn unknown_command(name: &str) -> Failure {
    let hint = closest(name, COMMANDS)
        .map(|c| format!("did you mean `{c}`? "))
        .unwrap_or_default();
    Failure::usage(format!(
        "unknown command `{}`; {hint}the commands: {}",
        clip(name),
        COMMANDS.join(", ")
    ))
}

/// The one of `names` closest to `typed`, when it is close: at most two
/// edits (one for a name of four characters or fewer), ignoring case.
fn closest<'n>(typed: &str, names: impl IntoIterator<Item = &'n str>) -> Option<&'n str> {
    let typed = typed.to_lowercase();
    let limit = if typed.chars().count() <= 4 { 1 } else { 2 };
    names
        .into_iter()
        .map(|n| (edits(&typed, n), n))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

/// The Levenshtein distance of two strings, by characters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// The part of [`USAGE`] about `command`: its lines, from the one that
/// starts `  seedance COMMAND` to the next command's, and the notes on
/// flags that end the usage.
pub fn usage_of(command: &str) -> String {
    let mut out = String::from("usage:\n");
    let mut inside = false;
    for line in USAGE.lines().skip(1) {
        if let Some(rest) = line.strip_prefix("  seedance ") {
            inside = rest.split(' ').next() == Some(command);
        } else if !line.starts_with(' ') {
            // The notes after the commands, for every command.
            inside = true;
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A command's arguments split into positionals and known flags.
struct Parsed {
    positional: Vec<String>,
    flags: Vec<(&'static str, String)>,
    help: bool,
}

impl Parsed {
    /// `known` lists the command's flags and whether each takes a value.
    /// Accepts `--flag value` and `--flag=value`; `--` ends the flags and `-`
    /// is a positional (standard input).
    fn read(
        command: &str,
        args: &[String],
        known: &[(&'static str, bool)],
    ) -> Result<Parsed, Failure> {
        let mut p = Parsed {
            positional: Vec::new(),
            flags: Vec::new(),
            help: false,
        };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if arg == "--" {
                p.positional.extend(it.by_ref().cloned());
                break;
            }
            if arg == "-h" || arg == "--help" {
                p.help = true;
                continue;
            }
            if arg == "-" || !arg.starts_with('-') {
                p.positional.push(arg.clone());
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (arg.as_str(), None),
            };
            let Some(&(flag, takes_value)) = known.iter().find(|(k, _)| *k == name) else {
                let hint = closest(name, known.iter().map(|(k, _)| *k))
                    .map(|k| format!("; did you mean `{k}`?"))
                    .unwrap_or_default();
                return Err(Failure::usage(format!(
                    "unknown flag `{}` for `seedance {command}`{hint}",
                    clip(name)
                )));
            };
            let value = match (takes_value, inline) {
                (true, Some(v)) => v,
                (true, None) => it
                    .next()
                    .cloned()
                    .ok_or_else(|| Failure::usage(format!("`{flag}` needs a value")))?,
                (false, Some(_)) => {
                    return Err(Failure::usage(format!("`{flag}` takes no value")));
                }
                (false, None) => String::new(),
            };
            if p.flags.iter().any(|(f, _)| *f == flag) {
                // A switch said twice says the same thing (scripts add
                // flags as they go); a value given twice is ambiguous.
                if !takes_value {
                    continue;
                }
                return Err(Failure::usage(format!("`{flag}` given twice")));
            }
            p.flags.push((flag, value));
        }
        Ok(p)
    }

    fn take(&mut self, flag: &str) -> Option<String> {
        let i = self.flags.iter().position(|(f, _)| *f == flag)?;
        Some(self.flags.swap_remove(i).1)
    }

    fn balance(&mut self) -> Result<Option<u64>, Failure> {
        match self.take("--balance") {
            None => Ok(None),
            // A whole number past u64::MAX covers every quote (they stop at
            // 2^53 - 1), as u64::MAX does.
            Some(n) => match n.parse::<u64>() {
                Ok(n) => Ok(Some(n)),
                Err(e) if *e.kind() == IntErrorKind::PosOverflow => Ok(Some(u64::MAX)),
                Err(_) => Err(Failure::usage(format!(
                    "`--balance` takes a whole number of credits, not `{}`",
                    clip(&n)
                ))),
            },
        }
    }

    fn at_most(&self, command: &str, n: usize) -> Result<(), Failure> {
        match self.positional.get(n) {
            Some(extra) => Err(Failure::usage(format!(
                "unexpected argument `{}` for `seedance {command}`",
                clip(extra)
            ))),
            None => Ok(()),
        }
    }
}

/// An argument quoted in a message: at most 40 characters, control
/// characters escaped.
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    crate::render::printable(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &[&str]) -> Result<Command, Failure> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn check_reads_flags_in_both_spellings() {
        let c = parse_str(&[
            "check",
            "seedanceapi-v2",
            "{}",
            "--balance=10",
            "--price-book",
            "b.json",
            "--json",
        ])
        .unwrap();
        assert_eq!(
            c,
            Command::Check(CheckArgs {
                endpoint: "seedanceapi-v2".into(),
                body: Body::Text("{}".into()),
                json: true,
                price_book: Some("b.json".into()),
                balance: Some(10),
            })
        );
    }

    #[test]
    fn a_dash_body_is_standard_input() {
        let Ok(Command::Check(c)) = parse_str(&["check", "seedanceapi-v2", "-"]) else {
            panic!("not a check");
        };
        assert_eq!(c.body, Body::Stdin { asked: true });
        let Ok(Command::Check(c)) = parse_str(&["check", "seedanceapi-v2"]) else {
            panic!("not a check");
        };
        assert_eq!(c.body, Body::Stdin { asked: false });
    }

    #[test]
    fn a_switch_given_twice_is_given_once_and_a_value_twice_is_refused() {
        let Ok(Command::Check(c)) = parse_str(&["check", "e", "--json", "{}", "--json"]) else {
            panic!("not a check");
        };
        assert!(c.json);
        let twice = parse_str(&["check", "e", "--balance", "1", "--balance=2"]).unwrap_err();
        assert!(
            twice.message.contains("`--balance` given twice"),
            "{}",
            twice.message
        );
    }

    #[test]
    fn a_near_miss_of_a_flag_or_a_command_is_suggested() {
        for (args, hint) in [
            (&["check", "e", "--jsn"][..], "did you mean `--json`?"),
            (
                &["check", "e", "--price-bok", "b"],
                "did you mean `--price-book`?",
            ),
            (&["compare", "--duraton", "8"], "did you mean `--duration`?"),
            (&["chek"], "did you mean `check`?"),
            (&["CHECK"], "did you mean `check`?"),
        ] {
            let f = parse_str(args).unwrap_err();
            assert!(f.message.contains(hint), "{args:?}: {}", f.message);
        }
        for args in [&["check", "e", "--frobnicate"][..], &["xyz"]] {
            let f = parse_str(args).unwrap_err();
            assert!(
                !f.message.contains("did you mean"),
                "{args:?}: {}",
                f.message
            );
        }
    }

    #[test]
    fn edits_count_insertions_deletions_and_substitutions() {
        for (a, b, d) in [
            ("", "", 0),
            ("json", "json", 0),
            ("jsn", "json", 1),
            ("jsonx", "json", 1),
            ("jsom", "json", 1),
            ("", "abc", 3),
            ("kitten", "sitting", 3),
        ] {
            assert_eq!(edits(a, b), d, "{a} {b}");
            assert_eq!(edits(b, a), d, "{b} {a}");
        }
    }

    #[test]
    fn a_duration_past_u32_is_the_longest_one() {
        let Ok(Command::Compare(c)) = parse_str(&[
            "compare",
            "--duration",
            "99999999999",
            "--resolution",
            "720p",
        ]) else {
            panic!("not a compare");
        };
        assert_eq!(c.duration, u32::MAX);
    }

    #[test]
    fn misuse_is_a_usage_failure() {
        for args in [
            &[][..],
            &["frobnicate"],
            &["--frob"],
            &["help", "frobnicate"],
            &["help", "check", "tables"],
            &["check"],
            &["check", "e", "{}", "extra"],
            &["check", "e", "--balance"],
            &["check", "e", "--balance", "-3"],
            &["check", "e", "--json=yes"],
            &["tables", "a", "b"],
            &["describe"],
            &["schema"],
            &["schema", "a", "b"],
            &["endpoints", "x"],
            &["compare", "--resolution", "720p"],
            &["compare", "--duration", "8"],
            &["compare", "--duration", "8.5", "--resolution", "720p"],
            &[
                "compare",
                "--duration",
                "8",
                "--resolution",
                "720p",
                "--input",
                "audio",
            ],
            &["compare", "--duration", "8", "--resolution", "720p", "x"],
        ] {
            assert!(parse_str(args).is_err(), "{args:?}");
        }
    }
}
