//! A small driver for `valgrind --tool=callgrind` or `perf`: runs one path of
//! the benchmarks many times, so that its instructions can be counted free of
//! the noise of a shared machine.
//!
//! ```text
//! cargo build --release -p seedance-benches --example profile
//! valgrind --tool=callgrind target/release/examples/profile typed 100000
//! ```
//!
//! Paths: `typed`, `quote` (`quote_request`), `json`, `json-report` (`check` and the report's JSON
//! text), `json-npm` (`check` and the report's JSON text without the
//! price's provenance, as the npm package makes it), `peer-a`, `peer-a-quick` (`is_valid`),
//! `peer-b`, `batch`; and the JSON paths with `-urls` after them (`json-urls`, `peer-a-urls`, ...)
//! run on the valid bodies that carry URLs. The second argument is the number of rounds (each round
//! runs the path on all six endpoints, or on the sixteen bodies of the batch);
//! a third, an endpoint id, keeps that endpoint only.

use std::hint::black_box;

use seedance_benches::bodies::{self, BATCH, VALID, WITH_URLS};
use seedance_benches::{floor, peer::Peer};
use seedance_rules::{check, check_request, quote_request, Endpoint, Request};

/// The credits of `req` by `check_request`, the whole report.
fn reports<R: Request>(req: &R) -> Option<u64> {
    black_box(check_request(black_box(req)).credits())
}

/// The credits of `req` by `quote_request`, the hot path.
fn quotes<R: Request>(req: &R) -> Option<u64> {
    black_box(quote_request(black_box(req)).ok().and_then(|q| q.credits()))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "typed".to_owned());
    let rounds: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let only = args.next();
    let keep = |e: Endpoint| only.as_deref().is_none_or(|id| id == e.id());
    let (path, bodies) = match path.strip_suffix("-urls") {
        Some(path) => (path.to_owned(), WITH_URLS),
        None => (path, VALID),
    };
    let valid: Vec<(Endpoint, &str)> = bodies.into_iter().filter(|(e, _)| keep(*e)).collect();
    let (v1, v2, video, gpt, nano, aio) = (
        bodies::v1(),
        bodies::v2(),
        bodies::video(),
        bodies::gpt_image_2(),
        bodies::nano_banana_pro(),
        bodies::apiinone(),
    );
    // `$f` on the typed request of endpoint `$e`.
    macro_rules! on_request {
        ($e:expr, $f:ident) => {
            match $e {
                Endpoint::SeedanceApiV1 => $f(&v1),
                Endpoint::SeedanceApiV2 => $f(&v2),
                Endpoint::Seedance2aiVideo => $f(&video),
                Endpoint::Seedance2aiGptImage2 => $f(&gpt),
                Endpoint::Seedance2aiNanoBananaPro => $f(&nano),
                _ => $f(&aio),
            }
        };
    }
    let peer = Peer::new();
    let mut sum = 0u64;
    for _ in 0..rounds {
        match path.as_str() {
            "typed" => {
                for (e, _) in &valid {
                    sum += on_request!(*e, reports).unwrap_or(1);
                }
            }
            "quote" => {
                for (e, _) in &valid {
                    sum += on_request!(*e, quotes).unwrap_or(1);
                }
            }
            "json" => {
                for &(e, text) in &valid {
                    let r = check(black_box(e.id()), black_box(text)).expect("JSON");
                    sum += black_box(r.credits()).unwrap_or(1);
                }
            }
            "json-report" => {
                for &(e, text) in &valid {
                    let r = check(black_box(e.id()), black_box(text)).expect("JSON");
                    sum += black_box(r.to_json()).len() as u64;
                }
            }
            "json-npm" => {
                for &(e, text) in &valid {
                    let r = check(black_box(e.id()), black_box(text)).expect("JSON");
                    sum += black_box(r.to_json_without_provenance()).len() as u64;
                }
            }
            "peer-a" => {
                for &(e, text) in &valid {
                    let r = peer.check(black_box(e), black_box(text)).expect("JSON");
                    sum += black_box(r.credits).unwrap_or(1);
                }
            }
            "peer-a-quick" => {
                for &(e, text) in &valid {
                    let r = peer.quick(black_box(e), black_box(text));
                    sum += black_box(r).ok().flatten().unwrap_or(1);
                }
            }
            "peer-b" => {
                for &(e, text) in &valid {
                    black_box(floor::read(black_box(e), black_box(text)).expect("JSON"));
                    sum += 1;
                }
            }
            "batch" => {
                for (e, text) in BATCH {
                    let r = check(black_box(e.id()), black_box(text)).expect("JSON");
                    sum += black_box(r.credits()).unwrap_or(1);
                }
            }
            other => panic!("unknown path {other}"),
        }
    }
    println!("{path}: {rounds} rounds, checksum {sum}");
}
