//! A typed request -> the quote, for every endpoint: by `check_request` (the
//! whole report) and by `quote_request` (the hot path of a pre-flight check:
//! the quote alone when the request is clean). Both are allocation-free on
//! these requests (`crates/seedance-rules/tests/alloc.rs` proves it).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use seedance_benches::bodies;
use seedance_rules::{check_request, quote_request, Request};

mod common;

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn report<R: Request>(g: &mut Group<'_>, req: &R) {
    g.bench_function(R::ENDPOINT.id(), |b| {
        b.iter(|| black_box(check_request(black_box(req)).credits()))
    });
}

fn quote<R: Request>(g: &mut Group<'_>, req: &R) {
    g.bench_function(R::ENDPOINT.id(), |b| {
        b.iter(|| black_box(quote_request(black_box(req)).map(|q| q.credits())))
    });
}

fn typed(c: &mut Criterion) {
    let (v1, v2, video) = (bodies::v1(), bodies::v2(), bodies::video());
    let (gpt, nano, aio) = (
        bodies::gpt_image_2(),
        bodies::nano_banana_pro(),
        bodies::apiinone(),
    );
    let mut g = c.benchmark_group("typed");
    report(&mut g, &v1);
    report(&mut g, &v2);
    report(&mut g, &video);
    report(&mut g, &gpt);
    report(&mut g, &nano);
    report(&mut g, &aio);
    g.finish();
    let mut g = c.benchmark_group("quote");
    quote(&mut g, &v1);
    quote(&mut g, &v2);
    quote(&mut g, &video);
    quote(&mut g, &gpt);
    quote(&mut g, &nano);
    quote(&mut g, &aio);
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = typed
}
criterion_main!(benches);
