//! A typed request -> the quote, for every endpoint: by `check_request` (the
//! whole report) and by `quote_request` (the hot path of a pre-flight check:
//! the quote alone when the request is clean). Both are allocation-free on
//! these requests (`crates/seedance-rules/tests/alloc.rs` proves it).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use seedance_benches::bodies;
use seedance_rules::{check_request, quote_request, Request};

mod common;

/// `req` by `check_request` (group `typed`) and by `quote_request` (group
/// `quote`).
fn bench<R: Request>(c: &mut Criterion, req: &R) {
    let id = R::ENDPOINT.id();
    let mut g = c.benchmark_group("typed");
    g.bench_function(id, |b| {
        b.iter(|| black_box(check_request(black_box(req)).credits()))
    });
    g.finish();
    let mut g = c.benchmark_group("quote");
    g.bench_function(id, |b| {
        b.iter(|| black_box(quote_request(black_box(req)).map(|q| q.credits())))
    });
    g.finish();
}

fn typed(c: &mut Criterion) {
    bench(c, &bodies::v1());
    bench(c, &bodies::v2());
    bench(c, &bodies::video());
    bench(c, &bodies::gpt_image_2());
    bench(c, &bodies::nano_banana_pro());
    bench(c, &bodies::apiinone());
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = typed
}
criterion_main!(benches);
