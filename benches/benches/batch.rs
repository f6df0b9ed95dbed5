//! Sixteen bodies across the six endpoints, half of them invalid -> sixteen
//! reports, against the peers on the same bodies (see `json.rs` for the names).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use seedance_benches::bodies::BATCH;
use seedance_benches::{floor, peer::Peer};
use seedance_rules::check;

mod common;

fn batch(c: &mut Criterion) {
    let peer = Peer::new();
    let mut g = c.benchmark_group("batch16");
    g.throughput(Throughput::Elements(BATCH.len() as u64));
    g.bench_function("seedance-rules/check", |b| {
        b.iter(|| {
            for (e, text) in black_box(&BATCH) {
                let report = check(e.id(), text).expect("JSON");
                black_box((report.is_ok(), report.credits(), report.violations().len()));
            }
        })
    });
    g.bench_function("peer-a/jsonschema", |b| {
        b.iter(|| {
            for (e, text) in black_box(&BATCH) {
                let report = peer.check(*e, text).expect("JSON");
                black_box((report.is_ok(), report.credits, report.errors.len()));
            }
        })
    });
    g.bench_function("peer-a/jsonschema-is-valid", |b| {
        b.iter(|| {
            for (e, text) in black_box(&BATCH) {
                black_box(peer.quick(*e, text)).ok();
            }
        })
    });
    g.bench_function("peer-b/serde-struct", |b| {
        b.iter(|| {
            for (e, text) in black_box(&BATCH) {
                black_box(floor::read(*e, text)).ok();
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = batch
}
criterion_main!(benches);
