// The API as docs/contract.md describes it, imported by name as a user would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as lib from 'seedance-rules';
import {
  builtinPriceBook,
  check,
  checkJson,
  compare,
  describe,
  endpoints,
  fieldOptions,
  loadPriceBook,
  priceTable,
  PriceBook,
} from 'seedance-rules';

const IDS = [
  'seedanceapi-v1',
  'seedanceapi-v2',
  'seedance2ai-video',
  'seedance2ai-gpt-image-2',
  'seedance2ai-nano-banana-pro',
  'apiinone-videos',
];

test('the package exports the contract functions', () => {
  for (const name of ['check', 'checkJson', 'endpoints', 'describe', 'fieldOptions', 'priceTable', 'builtinPriceBook', 'loadPriceBook', 'compare']) {
    assert.equal(typeof lib[name], 'function', name);
  }
});

test('endpoints() lists the six endpoints', () => {
  const list = endpoints();
  assert.equal(list.length, 6);
  assert.deepEqual(list.map((e) => e.id), IDS);
  for (const e of list) assert.deepEqual(Object.keys(e), ['id', 'provider', 'route', 'models']);
  assert.equal(list[1].route, 'POST /v2/generate');
});

test("priceTable('seedanceapi-v1') has 12 rows", () => {
  const t = priceTable('seedanceapi-v1');
  assert.equal(t.rows.length, 12);
  assert.equal(t.usd_per_credit, '0.01');
  assert.deepEqual(t, builtinPriceBook().endpoints['seedanceapi-v1']);
});

test('check: the README example', () => {
  const r = check('seedanceapi-v2', { prompt: 'A slow dolly shot through a neon-lit street', model: 'seedance-2-mini', duration: 8, resolution: '1080p' });
  assert.equal(r.ok, true);
  assert.equal(r.credits, 246);
  assert.equal(r.usd, '2.46');
  assert.equal(r.normalized.resolution, '720p');
  assert.equal(r.warnings[0].code, 'NORMALIZED_VALUE');
  assert.deepEqual(Object.keys(r), ['ok', 'endpoint', 'credits', 'usd', 'normalized', 'violations', 'warnings', 'price']);
});

test('check: every violation, with code, status, field, rule', () => {
  const r = check('seedanceapi-v2', { prompt: '', model: 'seedance-2.0', duration: 7 });
  assert.equal(r.ok, false);
  assert.deepEqual(r.violations.map((v) => v.code), ['INVALID_PROMPT', 'INVALID_DURATION']);
  assert.equal(r.violations[1].status, 400);
  assert.equal(r.violations[1].field, 'duration');
  assert.equal(r.violations[1].rule, 'seedanceapi-v2.duration.allowed');
  assert.equal(r.credits, null);
  assert.equal(r.normalized, null);
  assert.equal(r.price, null);
});

test('check: a balance below the quote is a 402 violation', () => {
  const r = check('seedanceapi-v2', { prompt: 'Sunrise over misty mountains', duration: 10 }, { balance: 400 });
  assert.equal(r.credits, 480);
  assert.equal(r.violations[0].code, 'INSUFFICIENT_CREDITS');
  assert.equal(r.violations[0].status, 402);
  assert.equal(check('seedanceapi-v2', { prompt: 'x', duration: 10 }, { balance: 480 }).ok, true);
});

test('checkJson sees duplicate keys as sent', () => {
  const r = checkJson('seedanceapi-v1', '{"prompt": "a cat", "duration": "4", "duration": "12"}');
  assert.equal(r.normalized.duration, '12');
  assert.ok(r.warnings.some((w) => w.code === 'DUPLICATE_FIELD' && w.field === 'duration'));
});

test('checkJson and check agree', () => {
  const body = { prompt: 'a fox in the snow', resolution: '480p', duration: '12', generate_audio: true };
  assert.deepEqual(checkJson('seedanceapi-v1', JSON.stringify(body)), check('seedanceapi-v1', body));
});

test('text reaches the module as its UTF-8, wherever the non-ASCII characters fall', () => {
  // The glue copies a string into room for its UTF-16 length with
  // TextEncoder.encodeInto, and grows the room at the first character that
  // does not fit: characters of 2, 3 and 4 bytes, lone surrogates (sent as
  // U+FFFD, as encodeInto writes them), at the start, inside and at the end.
  const example = describe('seedanceapi-v2').example;
  const credits = check('seedanceapi-v2', example).credits;
  const pieces = ['é', '日本語', '😀', '\ud800', '\udc00', 'é😀\ud800日'];
  let seen = 0;
  for (const piece of pieces) {
    for (const [before, after] of [[0, 0], [0, 40], [1, 1], [40, 0], [150, 3]]) {
      const prompt = `${'a'.repeat(before)}${piece}${'b'.repeat(after)}`;
      const text = JSON.stringify({ ...example, prompt: '@' }).replace('"@"', `"${prompt}"`);
      const report = checkJson('seedanceapi-v2', text);
      assert.equal(report.normalized.prompt, prompt.toWellFormed(), JSON.stringify(prompt));
      assert.equal(report.credits, credits);
      if (prompt.isWellFormed()) {
        assert.equal(check('seedanceapi-v2', { ...example, prompt }).normalized.prompt, prompt);
      }
      seen += 1;
    }
  }
  assert.equal(seen, 30);
  assert.throws(() => check('séedance-v2😀', example), { code: 'UNKNOWN_ENDPOINT', message: /`séedance-v2😀`/ });
});

test('describe: fields, rules, codes, prices and a valid example', () => {
  for (const id of IDS) {
    const d = describe(id);
    assert.equal(d.id, id);
    assert.ok(d.fields.length > 0 && d.rules.length > 0 && d.codes.length > 0, id);
    assert.ok(Array.isArray(d.prices.rows));
    assert.equal(check(id, d.example).ok, true, `${id} example`);
  }
});

test('describe: every rule check is of a kind index.d.ts declares, with the URL policies it names', () => {
  const dts = readFileSync(new URL('./index.d.ts', import.meta.resolve('seedance-rules')), 'utf8');
  const union = /export type RuleCheck =([\s\S]*?)\n\n/.exec(dts)[1];
  const kinds = new Set([...union.matchAll(/\| \{ (\w+):/g)].map((m) => m[1]));
  const policies = new Set(/\{ url: ([^}]*) \}/.exec(union)[1].match(/'[^']*'/g).map((q) => q.slice(1, -1)));
  const seen = new Set();
  for (const id of IDS) {
    for (const rule of describe(id).rules) {
      const [kind, ...more] = Object.keys(rule.check);
      assert.deepEqual(more, [], rule.id);
      assert.ok(kinds.has(kind), `${rule.id}: \`${kind}\` is not in RuleCheck`);
      if (kind === 'url') {
        assert.ok(policies.has(rule.check.url), `${rule.id}: ${JSON.stringify(rule.check.url)} is not a declared URL policy`);
        seen.add(rule.check.url);
      }
    }
  }
  assert.deepEqual([...seen].sort(), [...policies].sort(), 'every declared URL policy is used');
});

test('fieldOptions: what each field accepts now', () => {
  const mini = fieldOptions('seedanceapi-v2', { model: 'seedance-2-mini' }).find((o) => o.name === 'duration');
  assert.deepEqual(mini.range, [4, 15]);
  const std = fieldOptions('seedanceapi-v2', { model: 'seedance-2.0' }).find((o) => o.name === 'duration');
  assert.deepEqual(std.allowed, [5, 10, 15]);
  const none = fieldOptions('seedanceapi-v2');
  assert.equal(none.find((o) => o.name === 'prompt').required, true);
});

test('builtinPriceBook: every endpoint, in the price-book schema, loadable', () => {
  const book = builtinPriceBook();
  assert.equal(book.schema, 'seedance-rules/price-book/v1');
  assert.deepEqual(Object.keys(book.endpoints), IDS);
  const loaded = loadPriceBook(book);
  assert.equal(loaded.name, 'built-in');
  // The book the core writes, key for key, its own keys in its order.
  const written = loaded.toJSON();
  assert.deepEqual(book, written);
  assert.deepEqual(Object.keys(book), Object.keys(written));
  assert.equal(check('seedanceapi-v1', { prompt: 'a' }, { priceBook: loaded }).credits, check('seedanceapi-v1', { prompt: 'a' }).credits);
});

const RESELLER = {
  schema: 'seedance-rules/price-book/v1',
  name: 'my list',
  endpoints: {
    'seedance2ai-video': {
      usd_per_credit: '0.01',
      rows: [
        { when: { resolution: '1080p' }, credits_per_second: '8' },
        { when: {}, credits_per_second: '5' },
      ],
    },
  },
};

test('loadPriceBook: a handle usable as options.priceBook, from text or a value', () => {
  const body = { prompt: 'a glass train on a snowy bridge', duration: '6' };
  assert.equal(check('seedance2ai-video', body).credits, null);
  for (const book of [loadPriceBook(RESELLER), loadPriceBook(JSON.stringify(RESELLER))]) {
    assert.ok(book instanceof PriceBook);
    assert.equal(book.name, 'my list');
    const r = check('seedance2ai-video', body, { priceBook: book });
    assert.equal(r.credits, 30);
    assert.equal(r.usd, '0.30');
    assert.equal(r.price.book, 'my list');
    assert.equal(JSON.parse(JSON.stringify(book)).endpoints['seedance2ai-video'].rows.length, 2);
    // Endpoints the book does not list keep the built-in prices.
    assert.equal(check('seedanceapi-v1', { prompt: 'a' }, { priceBook: book }).credits, 28);
  }
});

test('loadPriceBook: a bad book throws INVALID_PRICE_BOOK', () => {
  for (const bad of ['{}', 'not json', { ...RESELLER, endpoints: { nope: { rows: [] } } }, { ...RESELLER, schema: 'v0' }, 42, null]) {
    assert.throws(() => loadPriceBook(bad), (e) => e instanceof Error && e.code === 'INVALID_PRICE_BOOK', JSON.stringify(bad));
  }
});

test('loadPriceBook: a row that could quote past Number.MAX_SAFE_INTEGER is refused', () => {
  const book = (rate) => ({ schema: 'seedance-rules/price-book/v1', name: 'edge', endpoints: { 'seedance2ai-video': { rows: [{ when: {}, credits_per_second: rate }] } } });
  // 15 seconds is the longest clip the rules allow.
  const rate = Math.floor(Number.MAX_SAFE_INTEGER / 15);
  const r = check('seedance2ai-video', { prompt: 'a glass train on a snowy bridge', duration: '15' }, { priceBook: loadPriceBook(book(rate)) });
  assert.equal(r.credits, rate * 15);
  assert.ok(Number.isSafeInteger(r.credits));
  assert.throws(() => loadPriceBook(book(rate + 1)), (e) => e.code === 'INVALID_PRICE_BOOK' && e.message.includes('seedance2ai-video.rows[0]') && e.message.includes('2^53-1'), 'one credit a second more');
});

test('compare: cheapest first, with the clip written per endpoint', () => {
  const rows = compare({ duration: 8, resolution: '720p' });
  assert.ok(rows.length > 0);
  assert.equal(rows[0].ok, true);
  assert.equal(rows[0].credits, 28);
  const priced = rows.filter((r) => r.ok && r.credits !== null).map((r) => r.credits);
  assert.deepEqual(priced, [...priced].sort((a, b) => a - b));
  const image = compare({ duration: 5, resolution: '720p', input: 'image', audio: true, prompt: 'a red kite' });
  assert.ok(image.some((r) => r.body !== null && r.body.prompt === 'a red kite'));
  const book = loadPriceBook(RESELLER);
  const withBook = compare({ duration: 6, resolution: '720p' }, { priceBook: book });
  assert.ok(withBook.some((r) => r.endpoint === 'seedance2ai-video' && r.credits === 30));
});

test('compare: a bad clip throws INVALID_ARGUMENT', () => {
  for (const clip of [null, 5, [], {}, { duration: '8', resolution: '720p' }, { duration: 8.5, resolution: '720p' }, { duration: 8, resolution: '720p', input: 'audio' }, { duration: 8, resolution: '720p', audio: 'yes' }, { duration: -1, resolution: '720p' }]) {
    assert.throws(() => compare(clip), (e) => e.code === 'INVALID_ARGUMENT', JSON.stringify(clip));
  }
  // A clip that cannot be read: a getter that throws (an Error or not), a revoked Proxy.
  const { proxy, revoke } = Proxy.revocable({ duration: 8, resolution: '720p' }, {});
  revoke();
  const unreadable = [
    { resolution: '720p', get duration() { throw new Error('no'); } },
    { duration: 8, get resolution() { throw 'no'; } },
    proxy,
  ];
  for (const clip of unreadable) {
    assert.throws(() => compare(clip), (e) => e instanceof Error && e.code === 'INVALID_ARGUMENT' && /cannot be read/.test(e.message));
    // The same of options.
    assert.throws(() => check('seedanceapi-v2', { prompt: 'a' }, clip), (e) => e instanceof Error && e.code === 'INVALID_ARGUMENT' && /the options cannot be read/.test(e.message));
  }
  // A misspelt key of a clip would price a clip other than the one meant.
  for (const clip of [{ duration: 8, resolution: '720p', generateAudio: true }, { duration: 8, resolution: '720p', inputs: 'video' }]) {
    assert.throws(() => compare(clip), (e) => e.code === 'INVALID_ARGUMENT' && /unknown clip key (generateAudio|inputs): the keys are duration, resolution, input, audio, prompt/.test(e.message));
  }
  assert.equal(compare({ duration: 8, resolution: '720p', prompt: undefined }).length > 0, true);
  assert.equal(compare({ duration: 8, resolution: '720p' }).length > 0, true);
});
