//! JSON text of about 150 bytes (a valid body) -> a report, for every
//! endpoint, against the peers on the same text:
//!
//! - `seedance-rules/check`: `seedance_rules::check(endpoint, text)`.
//! - `seedance-rules/check+to_json`: the same and the report as JSON text,
//!   which the npm package makes on every call.
//! - `seedance-rules/serde+check_request`: the library's typed request read by
//!   serde, then `check_request` (a second way in, for comparison).
//! - `peer-a/jsonschema`: `serde_json::Value`, a hand-written JSON Schema
//!   compiled once (`iter_errors`, every error collected), a `HashMap` price.
//! - `peer-a/jsonschema-is-valid`: the same with `is_valid` (no error built).
//! - `peer-b/serde-struct`: `serde_json::from_str` into a struct, no validation.
//!
//! And `urls/<endpoint>`: a valid body that carries URLs (image input, a
//! callback), for `seedance-rules/check` and the two peers.

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion};
use seedance_benches::bodies::{VALID, WITH_URLS};
use seedance_benches::{floor, peer::Peer};
use seedance_rules::{
    check, check_request, ApiinoneVideosRequest, Endpoint, Request, Seedance2aiGptImage2Request,
    Seedance2aiNanoBananaProRequest, Seedance2aiVideoRequest, SeedanceApiV1Request,
    SeedanceApiV2Request,
};
use serde::Deserialize;

mod common;

fn typed_via_serde<'a, R: Request + Deserialize<'a>>(text: &'a str) -> Option<u64> {
    let req: R = serde_json::from_str(text).expect("a valid body");
    check_request(&req).credits()
}

fn serde_then_check_request(endpoint: Endpoint) -> fn(&str) -> Option<u64> {
    match endpoint {
        Endpoint::SeedanceApiV1 => |t: &str| typed_via_serde::<SeedanceApiV1Request>(t),
        Endpoint::SeedanceApiV2 => |t: &str| typed_via_serde::<SeedanceApiV2Request>(t),
        Endpoint::Seedance2aiVideo => |t: &str| typed_via_serde::<Seedance2aiVideoRequest>(t),
        Endpoint::Seedance2aiGptImage2 => {
            |t: &str| typed_via_serde::<Seedance2aiGptImage2Request>(t)
        }
        Endpoint::Seedance2aiNanoBananaPro => {
            |t: &str| typed_via_serde::<Seedance2aiNanoBananaProRequest>(t)
        }
        Endpoint::ApiinoneVideos => |t: &str| typed_via_serde::<ApiinoneVideosRequest>(t),
        other => panic!("no typed request for {other}"),
    }
}

/// `seedance-rules/check`, `peer-a/jsonschema` and `peer-b/serde-struct` on `text`.
fn check_and_peers(g: &mut BenchmarkGroup<'_, WallTime>, peer: &Peer, e: Endpoint, text: &str) {
    let id = e.id();
    g.bench_function("seedance-rules/check", |b| {
        b.iter(|| {
            let report = check(black_box(id), black_box(text)).expect("JSON");
            black_box(report.credits());
            report
        })
    });
    g.bench_function("peer-a/jsonschema", |b| {
        b.iter(|| peer.check(black_box(e), black_box(text)).expect("JSON"))
    });
    g.bench_function("peer-b/serde-struct", |b| {
        b.iter(|| floor::read(black_box(e), black_box(text)).expect("JSON"))
    });
}

fn endpoint_group(g: &mut BenchmarkGroup<'_, WallTime>, peer: &Peer, e: Endpoint, text: &str) {
    let id = e.id();
    check_and_peers(g, peer, e, text);
    // What the npm package does on every call: the report as JSON text.
    g.bench_function("seedance-rules/check+to_json", |b| {
        b.iter(|| {
            check(black_box(id), black_box(text))
                .expect("JSON")
                .to_json()
        })
    });
    let typed = serde_then_check_request(e);
    g.bench_function("seedance-rules/serde+check_request", |b| {
        b.iter(|| typed(black_box(text)))
    });
    g.bench_function("peer-a/jsonschema-is-valid", |b| {
        b.iter(|| peer.quick(black_box(e), black_box(text)))
    });
}

fn json(c: &mut Criterion) {
    let peer = Peer::new();
    for (e, text) in VALID {
        let mut g = c.benchmark_group(format!("json/{}", e.id()));
        endpoint_group(&mut g, &peer, e, text);
        g.finish();
    }
}

/// The bodies with URLs: each URL is read by the rules (and, in peer (a), by
/// the schema's patterns).
fn urls(c: &mut Criterion) {
    let peer = Peer::new();
    for (e, text) in WITH_URLS {
        let mut g = c.benchmark_group(format!("urls/{}", e.id()));
        check_and_peers(&mut g, &peer, e, text);
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = json, urls
}
criterion_main!(benches);
