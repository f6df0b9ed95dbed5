// The JSON Schemas the package ships (`seedance-rules/schemas/*.json`),
// imported by name and compiled by ajv, held to the package's own answers:
// on every conformance case, a body `check` finds valid with no warning
// passes its endpoint's schema, and one refused by a rule other than a URL's
// fails it (crates/seedance-rules/tests/schema.rs holds the Rust schemas to
// the same rule); the price-book schema agrees with `loadPriceBook` on the
// case file's books and edited ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv/dist/2020.js';
import { builtinPriceBook, check, describe, endpoints, loadPriceBook } from 'seedance-rules';
import { repoRoot } from './repo.mjs';

const require = createRequire(import.meta.url);
const file = JSON.parse(readFileSync(join(repoRoot(), 'conformance', 'cases.json'), 'utf8'));
const ids = endpoints().map((e) => e.id);

/** A schema as a user imports it, compiled by ajv with its default (strict) options. */
function compiled(name) {
  const schema = require(`seedance-rules/schemas/${name}.json`);
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', name);
  return new Ajv().compile(schema);
}

/**
 * What the schema must say of a body, by the package's report: pass a body
 * valid with no warning, fail one refused by a rule other than a URL's
 * (whether a host is public is the library's alone), and anything of the rest.
 */
function schemaMustPass(report) {
  if (report.ok && report.warnings.length === 0) return true;
  if (report.violations.some((v) => !v.rule.endsWith('.url'))) return false;
  return undefined;
}

test('a schema for every endpoint and for the price-book format, importable by name', () => {
  assert.equal(ids.length, 6);
  for (const name of [...ids, 'price-book']) compiled(name);
  assert.throws(() => require('seedance-rules/schemas/seedanceapi-v3.json'), { code: 'MODULE_NOT_FOUND' });
});

test("every endpoint's schema names each rule it says by its id, and passes the endpoint's example", () => {
  for (const id of ids) {
    const schema = require(`seedance-rules/schemas/${id}.json`);
    const d = describe(id);
    const said = new Set(schema.allOf.map((entry) => entry.description.split(':')[0]));
    for (const rule of d.rules) {
      // Rewrites and unused inputs are warnings, which a schema cannot say.
      const sayable = !('rewrite' in rule.check || 'unused' in rule.check);
      assert.equal(said.has(rule.id), sayable, `${id}: rule ${rule.id}`);
    }
    const valid = compiled(id);
    assert.ok(valid(d.example), `${id}: ${JSON.stringify(valid.errors)}`);
  }
});

test('the schemas agree with check on every conformance case', () => {
  const valid = new Map(ids.map((id) => [id, compiled(id)]));
  let passed = 0;
  let failed = 0;
  const wrong = [];
  for (const c of file.cases) {
    // The bodies the case file gives as values (the texts are about JSON itself).
    if (!('body' in c) || !valid.has(c.endpoint)) continue;
    const must = schemaMustPass(check(c.endpoint, c.body));
    if (must === undefined) continue;
    if (must) passed += 1;
    else failed += 1;
    const says = valid.get(c.endpoint)(c.body);
    if (says !== must) wrong.push(`${c.id}: the package says ${must}, the schema ${says} ${JSON.stringify(valid.get(c.endpoint).errors)}`);
  }
  assert.deepEqual(wrong, []);
  // Both ways, on many cases: the test cannot pass by reading none.
  assert.ok(passed >= 200 && failed >= 150, `${passed} valid, ${failed} refused`);
});

test('the price-book schema passes every book the package reads', () => {
  const valid = compiled('price-book');
  for (const book of [builtinPriceBook(), ...Object.values(file.price_books)]) {
    loadPriceBook(book);
    assert.ok(valid(book), `${book.name}: ${JSON.stringify(valid.errors)}`);
  }
});

test('the price-book schema agrees with loadPriceBook on the case file\'s edited books', () => {
  const valid = compiled('price-book');
  let ran = 0;
  for (const edit of file.price_book_edits) {
    // Beyond 2^53 - 1 a JavaScript number may not be the integer written
    // (2^63 - 1 reads as 2^63): that would be another edit here.
    if (typeof edit.set === 'number' && !Number.isSafeInteger(edit.set)) continue;
    const book = structuredClone(builtinPriceBook());
    const path = edit.at.split('/').slice(1);
    const key = path.pop();
    const parent = path.reduce((o, k) => o[k], book);
    if (edit.remove) delete parent[key];
    else parent[key] = edit.set;
    let reads = true;
    try {
      loadPriceBook(book);
    } catch (e) {
      assert.equal(e.code, 'INVALID_PRICE_BOOK', `${edit.at}: ${e.message}`);
      reads = false;
    }
    assert.equal(reads, edit.reads, `${edit.at} (${edit.note}): the package's reading`);
    assert.equal(valid(book), reads, `${edit.at} (${edit.note}): the schema`);
    ran += 1;
  }
  assert.ok(ran >= 30, `${ran} edits ran`);
});
