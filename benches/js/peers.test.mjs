// Holds the JavaScript peers to the npm package: the same verdicts on the
// benchmark bodies, and on conformance/cases.json the same credits for every
// valid body and a rejection of every invalid one (except URL hosts that a
// pattern cannot read, as in the Rust peer's test).
// Run: npm --prefix benches/js test

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';

import { checkJson, quote } from 'seedance-rules';

import { ajvCheck, ajvQuick, bodies, zodCheck } from './peers.mjs';

const PEERS = { ajv: ajvCheck, 'ajv first error': ajvQuick, zod: zodCheck };

/** Whether the report's violations, if any, are all of the balance: a body the peers, which take no balance, find valid. */
const balanceAlone = (report) => report.violations.every((v) => v.rule.endsWith('.balance.insufficient'));

// The URLs a pattern cannot see as non-public, listed beside the Rust peer's
// test (benches/src/lib.rs) and written into bodies.json from there.
const PEER_MISSES = bodies.peer_misses;

const cases = JSON.parse(readFileSync(new URL('../../conformance/cases.json', import.meta.url), 'utf8'))
  .cases.filter((c) => c.price_book === undefined)
  .map((c) => ({ ...c, text: c.body_text ?? JSON.stringify(c.body) }));

test('the benchmark bodies: same verdicts and credits', () => {
  for (const { endpoint, text, credits } of [...bodies.valid, ...bodies.with_urls]) {
    const ours = checkJson(endpoint, text);
    assert.equal(ours.ok, true, `${endpoint}: ${JSON.stringify(ours.violations)}`);
    assert.deepEqual(ours.warnings, []);
    assert.equal(ours.credits, credits);
    assert.equal(quote(endpoint, JSON.parse(text)), credits, `${endpoint}: quote`);
    for (const [name, peer] of Object.entries(PEERS)) {
      const theirs = peer(endpoint, JSON.parse(text));
      assert.equal(theirs.ok, true, `${name} ${endpoint}: ${JSON.stringify(theirs.errors)}`);
      assert.equal(theirs.credits, credits, `${name} ${endpoint}`);
    }
  }
  let invalid = 0;
  for (const { endpoint, text } of bodies.batch) {
    const ours = checkJson(endpoint, text);
    invalid += ours.ok ? 0 : 1;
    for (const [name, peer] of Object.entries(PEERS)) {
      const theirs = peer(endpoint, JSON.parse(text));
      assert.equal(theirs.ok, ours.ok, `${name} ${endpoint} ${text}`);
      assert.equal(theirs.credits, ours.credits, `${name} ${endpoint} ${text}`);
    }
  }
  assert.equal(invalid, bodies.batch.length / 2);
});

test('the peers price every valid conformance case like the package', () => {
  let compared = 0;
  for (const c of cases) {
    let ours;
    try {
      ours = checkJson(c.endpoint, c.text);
    } catch {
      continue; // not JSON
    }
    if (!balanceAlone(ours)) continue;
    for (const [name, peer] of Object.entries(PEERS)) {
      const theirs = peer(c.endpoint, JSON.parse(c.text));
      assert.equal(theirs.ok, true, `${name} rejects ${c.id}: ${JSON.stringify(theirs.errors)}`);
      assert.equal(theirs.credits, ours.credits, `${name} ${c.id}`);
    }
    compared++;
  }
  assert.ok(compared > 250, `only ${compared} compared`);
});

test('the peers reject every invalid conformance case a pattern can see', () => {
  let rejected = 0;
  const missed = new Set();
  for (const c of cases) {
    let ours;
    try {
      ours = checkJson(c.endpoint, c.text);
    } catch {
      continue;
    }
    if (balanceAlone(ours)) continue;
    for (const [name, peer] of Object.entries(PEERS)) {
      const theirs = peer(c.endpoint, JSON.parse(c.text));
      if (theirs.ok) {
        const miss = PEER_MISSES.find((m) => c.text.includes(m));
        assert.ok(miss !== undefined, `${name} accepts ${c.id}: ${c.text}`);
        missed.add(`${name} ${miss}`);
      }
    }
    rejected++;
  }
  assert.ok(rejected > 200, `only ${rejected} invalid cases`);
  // And each listed miss is one, for each peer: an entry no case needs is stale.
  for (const name of Object.keys(PEERS)) {
    for (const m of PEER_MISSES) assert.ok(missed.has(`${name} ${m}`), `${name} rejects every case with ${m}`);
  }
});
