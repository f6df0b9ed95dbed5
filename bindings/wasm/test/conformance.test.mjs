// Runs every case of conformance/cases.json through the package, compared as
// crates/seedance-rules/tests/conformance.rs compares them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { check, checkJson, loadPriceBook, priceTable, quote } from 'seedance-rules';
import { repoRoot } from './repo.mjs';

const file = JSON.parse(readFileSync(join(repoRoot(), 'conformance', 'cases.json'), 'utf8'));
const books = new Map(Object.entries(file.price_books).map(([name, book]) => [name, loadPriceBook(book)]));

/**
 * The keys index.d.ts's `NormalizedKeys` says every normalized request of
 * an endpoint holds, read from the declarations: each case holds the types
 * to them.
 */
const normalizedKeys = (() => {
  const dts = readFileSync(join(repoRoot(), 'bindings', 'wasm', 'js', 'index.d.ts'), 'utf8');
  const body = /export interface NormalizedKeys \{([^}]*)\}/.exec(dts)?.[1];
  assert.ok(body, 'no NormalizedKeys in index.d.ts');
  const keys = new Map();
  for (const [, endpoint, list] of body.matchAll(/'([a-z0-9-]+)':([^;]*);/g)) {
    keys.set(endpoint, [...list.matchAll(/'([A-Za-z_]+)'/g)].map((m) => m[1]));
  }
  assert.equal(keys.size, 6, `NormalizedKeys lists ${[...keys.keys()]}`);
  return keys;
})();

/** `{code, field}` of each entry, as comparable strings, sorted: a multiset, as Rust's `pairs`. */
function pairs(list) {
  return (list ?? []).map((v) => `${JSON.stringify(v.code)} ${JSON.stringify(v.field)}`).sort();
}

/** The differences between a case's expectation and the report. */
export function differences(expect, report) {
  const out = [];
  for (const key of ['ok', 'credits', 'usd']) {
    if (key in expect && !isDeepStrictEqual(report[key], expect[key])) {
      out.push(`${key}: want ${JSON.stringify(expect[key])}, got ${JSON.stringify(report[key])}`);
    }
  }
  for (const key of ['violations', 'warnings']) {
    if (!(key in expect)) continue;
    const want = expect[key];
    const got = report[key] ?? [];
    const wantPairs = pairs(want);
    const gotPairs = pairs(got);
    if (!isDeepStrictEqual(wantPairs, gotPairs)) {
      out.push(`${key}: want ${wantPairs.join(', ')}; got ${gotPairs.join(', ')} (${JSON.stringify(got)})`);
      continue;
    }
    for (const w of want) {
      for (const extra of ['status', 'rule']) {
        if (!(extra in w)) continue;
        const hit = got.some((g) => g.code === w.code && g.field === w.field && isDeepStrictEqual(g[extra], w[extra]));
        if (!hit) out.push(`${key}: no entry ${JSON.stringify(w)} with ${extra} ${JSON.stringify(w[extra])}; got ${JSON.stringify(got)}`);
      }
    }
  }
  if ('normalized' in expect) {
    const want = expect.normalized;
    const got = report.normalized;
    if (want === null && got !== null) {
      out.push(`normalized: want null, got ${JSON.stringify(got)}`);
    } else if (want !== null && typeof want === 'object') {
      for (const [k, v] of Object.entries(want)) {
        const g = got?.[k];
        if (!isDeepStrictEqual(g, v)) out.push(`normalized.${k}: want ${JSON.stringify(v)}, got ${JSON.stringify(g ?? null)}`);
      }
    }
  }
  for (const k of expect.normalized_absent ?? []) {
    if (report.normalized !== null && typeof report.normalized === 'object' && k in report.normalized) {
      out.push(`normalized.${k} should be absent, got ${JSON.stringify(report.normalized[k])}`);
    }
  }
  return out;
}

/** Whether a row's `when` holds on a normalized request (read here, independently of the core). */
function holds(when, normalized) {
  return Object.entries(when).every(([key, want]) => {
    const got = normalized[key];
    if (want !== null && typeof want === 'object') return (got !== undefined) === want.present;
    return got !== undefined && String(got) === String(want);
  });
}

const PRICE_KEYS = ['published', 'credits', 'usd', 'book', 'formula', 'row', 'markup', 'usd_per_credit', 'usd_source', 'note'];

/**
 * The report's price against the table that priced it: the row is the first
 * whose conditions hold, the table's sources are there, the keys in the
 * report's order. (The module sends the row as an index; the package puts
 * the table's row back.)
 */
function priceDifferences(report, table) {
  const p = report.price;
  if (p === null) return [];
  const out = [];
  const keys = Object.keys(p);
  const order = PRICE_KEYS.filter((k) => keys.includes(k));
  if (!isDeepStrictEqual(keys, order)) out.push(`price keys ${keys} out of order`);
  const first = table.rows.find((r) => holds(r.when, report.normalized));
  if (!isDeepStrictEqual(p.row, first)) out.push(`price.row: want ${JSON.stringify(first)}, got ${JSON.stringify(p.row)}`);
  if (p.published !== (first !== undefined)) out.push(`price.published is ${p.published}`);
  if ('usd_per_credit' in p && !isDeepStrictEqual(p.usd_source, table.usd_source ?? {})) out.push('price.usd_source is not the table\'s');
  if (!isDeepStrictEqual(p.note, table.note)) out.push('price.note is not the table\'s');
  return out;
}

describe('conformance/cases.json', () => {
  test('has its cases', () => {
    assert.equal(file.schema, 'seedance-rules/conformance/v1');
    assert.ok(file.cases.length > 300, `only ${file.cases.length} cases`);
  });

  for (const c of file.cases) {
    test(c.id, () => {
      const options = {};
      if (c.price_book !== undefined) {
        assert.ok(books.has(c.price_book), `no book ${c.price_book}`);
        options.priceBook = books.get(c.price_book);
      }
      if (c.balance !== undefined) options.balance = c.balance;
      assert.ok(('body' in c) !== ('body_text' in c), 'exactly one of body and body_text');
      const report = 'body' in c ? check(c.endpoint, c.body, options) : checkJson(c.endpoint, c.body_text, options);
      assert.deepEqual(differences(c.expect, report), [], `${c.id} (${c.source})`);
      if (report.normalized !== null) {
        const missing = normalizedKeys.get(c.endpoint).filter((k) => !(k in report.normalized));
        assert.deepEqual(missing, [], `${c.id}: NormalizedKeys of index.d.ts`);
      }
      if ('body' in c) {
        // `quote` is the report's credits when it is ok, and null otherwise.
        assert.equal(quote(c.endpoint, c.body, options), report.ok ? report.credits : null, `${c.id}: quote`);
      }
      const book = options.priceBook?.toJSON().endpoints[c.endpoint];
      assert.deepEqual(priceDifferences(report, book ?? priceTable(c.endpoint)), [], c.id);
    });
  }
});
