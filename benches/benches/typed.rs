//! A typed request -> `check_request` -> the quote, for every endpoint. This is
//! the allocation-free path (`crates/seedance-rules/tests/alloc.rs` proves it).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use seedance_benches::bodies;
use seedance_rules::{check_request, Request};

mod common;

fn bench<R: Request>(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    req: &R,
) {
    g.bench_function(R::ENDPOINT.id(), |b| {
        b.iter(|| black_box(check_request(black_box(req)).credits()))
    });
}

fn typed(c: &mut Criterion) {
    let mut g = c.benchmark_group("typed");
    bench(&mut g, &bodies::v1());
    bench(&mut g, &bodies::v2());
    bench(&mut g, &bodies::video());
    bench(&mut g, &bodies::gpt_image_2());
    bench(&mut g, &bodies::nano_banana_pro());
    bench(&mut g, &bodies::apiinone());
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = typed
}
criterion_main!(benches);
