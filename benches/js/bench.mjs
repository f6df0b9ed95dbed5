// The npm package `seedance-rules` (the Rust core in WebAssembly) against
// ajv and zod 4 doing the same validation plus a JavaScript price lookup
// (peers.mjs), on the same bodies as the Rust benchmarks (bodies.json):
//
// - from a JavaScript object: `check(endpoint, object)` (the package writes it
//   with JSON.stringify and checks the text) vs `ajv(object)` / `zod(object)`,
//   and `quote(endpoint, object)` (the credits alone, no report);
// - from JSON text: `checkJson(endpoint, text)` vs `ajv(JSON.parse(text))` /
//   `zod(JSON.parse(text))`, and `JSON.parse` alone (the floor);
// - a valid body with URLs per endpoint, from an object;
// - the batch of sixteen bodies, half invalid.
//
// Run: npm --prefix benches/js run bench   (medians also go to results.json)

import { writeFileSync } from 'node:fs';

import { bench, do_not_optimize, group, run, summary } from 'mitata';
import { check, checkJson, quote } from 'seedance-rules';

import { ajvCheck, ajvQuick, bodies, zodCheck } from './peers.mjs';

for (const { endpoint, text } of bodies.valid) {
  const object = JSON.parse(text);
  group(`object ${endpoint}`, () => {
    summary(() => {
      bench(`${endpoint} object: seedance-rules check`, () => do_not_optimize(check(endpoint, object).credits));
      bench(`${endpoint} object: seedance-rules quote`, () => do_not_optimize(quote(endpoint, object)));
      bench(`${endpoint} object: ajv all errors + price`, () => do_not_optimize(ajvCheck(endpoint, object).credits));
      bench(`${endpoint} object: ajv first error + price`, () => do_not_optimize(ajvQuick(endpoint, object).credits));
      bench(`${endpoint} object: zod 4 + price`, () => do_not_optimize(zodCheck(endpoint, object).credits));
    });
  });
  group(`text ${endpoint}`, () => {
    summary(() => {
      bench(`${endpoint} text: seedance-rules checkJson`, () => do_not_optimize(checkJson(endpoint, text).credits));
      bench(`${endpoint} text: JSON.parse + ajv all errors + price`, () => do_not_optimize(ajvCheck(endpoint, JSON.parse(text)).credits));
      bench(`${endpoint} text: JSON.parse + zod 4 + price`, () => do_not_optimize(zodCheck(endpoint, JSON.parse(text)).credits));
      bench(`${endpoint} text: JSON.parse alone`, () => do_not_optimize(JSON.parse(text)));
    });
  });
}

for (const { endpoint, text } of bodies.with_urls) {
  const object = JSON.parse(text);
  group(`with URLs ${endpoint}`, () => {
    summary(() => {
      bench(`${endpoint} with URLs: seedance-rules check`, () => do_not_optimize(check(endpoint, object).credits));
      bench(`${endpoint} with URLs: ajv all errors + price`, () => do_not_optimize(ajvCheck(endpoint, object).credits));
      bench(`${endpoint} with URLs: zod 4 + price`, () => do_not_optimize(zodCheck(endpoint, object).credits));
    });
  });
}

const batch = bodies.batch.map(({ endpoint, text }) => ({ endpoint, text, object: JSON.parse(text) }));
group('batch of 16 (8 invalid), from objects', () => {
  summary(() => {
    bench('batch: seedance-rules check', () => {
      for (const b of batch) do_not_optimize(check(b.endpoint, b.object).ok);
    });
    bench('batch: ajv all errors + price', () => {
      for (const b of batch) do_not_optimize(ajvCheck(b.endpoint, b.object).ok);
    });
    bench('batch: zod 4 + price', () => {
      for (const b of batch) do_not_optimize(zodCheck(b.endpoint, b.object).ok);
    });
  });
});

const { benchmarks, context } = await run({ colors: false });

// Medians (p50, nanoseconds) by name, for benches/README.md.
const medians = {};
for (const trial of benchmarks) {
  for (const r of trial.runs) if (r.stats) medians[r.name] = r.stats.p50;
}
const out = new URL('results.json', import.meta.url);
writeFileSync(out, `${JSON.stringify({ runtime: context.runtime, version: context.version, cpu: context.cpu?.name, medians }, null, 2)}\n`);

const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
console.log('\n| endpoint | `check` (object) | ajv + price | zod 4 + price | `check` ÷ zod | `quote` (object) | `quote` ÷ zod | `checkJson` (text) | parse + ajv | parse + zod | `JSON.parse` |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { endpoint } of bodies.valid) {
  const m = (k) => medians[`${endpoint} ${k}`];
  const ours = m('object: seedance-rules check');
  const zod = m('object: zod 4 + price');
  const quoted = m('object: seedance-rules quote');
  console.log(`| \`${endpoint}\` | ${fmt(ours)} | ${fmt(m('object: ajv all errors + price'))} | ${fmt(zod)} | ${ratio(ours, zod)} `
    + `| ${fmt(quoted)} | ${ratio(quoted, zod)} `
    + `| ${fmt(m('text: seedance-rules checkJson'))} | ${fmt(m('text: JSON.parse + ajv all errors + price'))} `
    + `| ${fmt(m('text: JSON.parse + zod 4 + price'))} | ${fmt(m('text: JSON.parse alone'))} |`);
}
console.log('\n| endpoint, body with URLs | `check` (object) | ajv + price | zod 4 + price | `check` ÷ zod |');
console.log('|---|---:|---:|---:|---:|');
for (const { endpoint } of bodies.with_urls) {
  const m = (k) => medians[`${endpoint} with URLs: ${k}`];
  const ours = m('seedance-rules check');
  const zod = m('zod 4 + price');
  console.log(`| \`${endpoint}\` | ${fmt(ours)} | ${fmt(m('ajv all errors + price'))} | ${fmt(zod)} | ${ratio(ours, zod)} |`);
}
const b = (k) => medians[`batch: ${k}`];
console.log(`\nbatch of 16: seedance-rules ${fmt(b('seedance-rules check'))}, ajv ${fmt(b('ajv all errors + price'))}, zod 4 ${fmt(b('zod 4 + price'))}`);
console.log(`medians written to ${out.pathname}`);
