// Bad input from JavaScript gets a report or a thrown Error with a code, and
// the module keeps working afterwards; a trap (panic) is survived.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as lib from 'seedance-rules';
import { check, checkJson, describe, fieldOptions, loadPriceBook, priceTable, PriceBook, quote } from 'seedance-rules';

const CODES = new Set(['UNKNOWN_ENDPOINT', 'INVALID_JSON', 'INVALID_PRICE_BOOK', 'INVALID_ARGUMENT', 'INTERNAL']);
const GOOD = { prompt: 'Sunrise over misty mountains', duration: 10 };

/** The module still answers a good request correctly. */
function stillWorks() {
  const r = check('seedanceapi-v2', GOOD);
  assert.equal(r.ok, true);
  assert.equal(r.credits, 480);
}

/** Runs `fn`: a report, or a real Error with a known code. */
function reportOrCode(fn) {
  try {
    const r = fn();
    assert.equal(typeof r.ok, 'boolean');
    assert.ok(Array.isArray(r.violations));
    return { report: r };
  } catch (e) {
    assert.ok(e instanceof Error, `threw a non-Error: ${e}`);
    assert.ok(CODES.has(e.code), `unknown code ${e.code}: ${e.message}`);
    return { code: e.code };
  } finally {
    stillWorks();
  }
}

function throwsCode(fn, code) {
  assert.throws(fn, (e) => e instanceof Error && e.code === code && typeof e.message === 'string' && e.message.length > 0);
  stillWorks();
}

test('a wrong argument is named with its kind, in plain words', () => {
  const said = (fn) => {
    try {
      fn();
    } catch (e) {
      assert.equal(e.code, 'INVALID_ARGUMENT');
      return e.message;
    }
    assert.fail('did not throw');
  };
  assert.match(said(() => check(undefined, GOOD)), /must be a string id, not undefined$/);
  assert.match(said(() => check(null, GOOD)), /must be a string id, not null$/);
  assert.match(said(() => check(7, GOOD)), /must be a string id, not a number$/);
  assert.match(said(() => check([], GOOD)), /must be a string id, not an array$/);
  assert.match(said(() => checkJson('seedanceapi-v2', undefined)), /takes JSON text, not undefined;/);
});

test('bodies that are not objects are reports with INVALID_BODY', () => {
  for (const body of [null, 0, 42, -1.5, 'text', '', true, false, [], [1, 2], [GOOD]]) {
    const { report } = reportOrCode(() => check('seedanceapi-v2', body));
    assert.ok(report, `no report for ${JSON.stringify(body)}`);
    assert.equal(report.ok, false);
    assert.deepEqual(report.violations.map((v) => [v.code, v.field]), [['INVALID_BODY', '']]);
  }
  const { report } = reportOrCode(() => check('seedance2ai-video', 7));
  assert.equal(report.violations[0].rule, 'seedance2ai-video.body.type');
});

test('NaN, Infinity and BigInt throw INVALID_ARGUMENT, at any depth', () => {
  for (const bad of [NaN, Infinity, -Infinity, 10n]) {
    throwsCode(() => check('seedanceapi-v2', bad), 'INVALID_ARGUMENT');
    throwsCode(() => check('seedanceapi-v2', { ...GOOD, duration: bad }), 'INVALID_ARGUMENT');
    throwsCode(() => check('seedanceapi-v2', { ...GOOD, images: [{ deep: [bad] }] }), 'INVALID_ARGUMENT');
    throwsCode(() => fieldOptions('seedanceapi-v2', { model: bad }), 'INVALID_ARGUMENT');
  }
  // The message names the key that holds it.
  assert.throws(() => check('seedanceapi-v2', { ...GOOD, duration: Number.parseInt('') }), (e) => e.code === 'INVALID_ARGUMENT' && e.message.includes('NaN (at `duration`)'));
});

test('fieldOptions takes the body as a value: JSON text is an error, not an empty body', () => {
  const mini = fieldOptions('seedanceapi-v2', { model: 'seedance-2-mini' }).find((o) => o.name === 'duration');
  assert.deepEqual(mini.range, [4, 15]);
  throwsCode(() => fieldOptions('seedanceapi-v2', '{"model": "seedance-2-mini"}'), 'INVALID_ARGUMENT');
  throwsCode(() => fieldOptions('seedanceapi-v2', ''), 'INVALID_ARGUMENT');
  // Other values that are not objects read as an empty body, as before.
  assert.deepEqual(fieldOptions('seedanceapi-v2', 7), fieldOptions('seedanceapi-v2'));
});

test('a lone surrogate is INVALID_JSON, as index.d.ts says', () => {
  // JSON.stringify writes it as an escape that names no character.
  throwsCode(() => check('seedanceapi-v2', { ...GOOD, prompt: '\ud800' }), 'INVALID_JSON');
  throwsCode(() => quote('seedanceapi-v2', { ...GOOD, prompt: 'a\udc00' }), 'INVALID_JSON');
});

test('quote throws what check throws, and is null where check is not ok', () => {
  for (const bad of [NaN, Infinity, 10n]) {
    throwsCode(() => quote('seedanceapi-v2', { ...GOOD, duration: bad }), 'INVALID_ARGUMENT');
  }
  const cyclic = { ...GOOD };
  cyclic.self = cyclic;
  throwsCode(() => quote('seedanceapi-v2', cyclic), 'INVALID_ARGUMENT');
  assert.equal(quote('seedanceapi-v2', GOOD), 480);
  assert.equal(quote('seedanceapi-v2', GOOD, { balance: 480 }), 480);
  assert.equal(quote('seedanceapi-v2', GOOD, { balance: 479 }), null);
  for (const body of [null, 7, 'text', [], { ...GOOD, duration: 16 }, { prompt: '   ' }]) {
    assert.equal(check('seedanceapi-v2', body).ok, false);
    assert.equal(quote('seedanceapi-v2', body), null);
  }
  stillWorks();
});

test('keys put on Object.prototype do not reach a report', () => {
  const bodies = [
    ['seedanceapi-v1', { prompt: 'a cat walking' }],
    ['seedance2ai-video', { prompt: 'a cat walking' }],
    ['apiinone-videos', { model: 'seedance-1-5-pro', prompt: 'a cat walking' }],
  ];
  const clean = bodies.map(([e, b]) => JSON.stringify(check(e, b)));
  const keys = ['markup', 'usd_per_credit', 'usd_source', 'note'];
  try {
    for (const k of keys) Object.prototype[k] = 'polluted';
    bodies.forEach(([e, b], i) => assert.equal(JSON.stringify(check(e, b)), clean[i], e));
  } finally {
    for (const k of keys) delete Object.prototype[k];
  }
});

test('a cycle throws INVALID_ARGUMENT', () => {
  const cyclic = { ...GOOD };
  cyclic.self = cyclic;
  throwsCode(() => check('seedanceapi-v2', cyclic), 'INVALID_ARGUMENT');
  const list = [];
  list.push(list);
  throwsCode(() => check('seedanceapi-v2', { ...GOOD, images: list }), 'INVALID_ARGUMENT');
});

test('values JSON cannot write at all throw INVALID_ARGUMENT', () => {
  for (const bad of [undefined, () => 1, Symbol('s')]) {
    throwsCode(() => check('seedanceapi-v2', bad), 'INVALID_ARGUMENT');
  }
});

test('a 3 MB prompt is a report (too long), and the module keeps working', () => {
  const prompt = 'a'.repeat(3 * 1024 * 1024);
  const { report } = reportOrCode(() => check('seedanceapi-v2', { prompt }));
  assert.equal(report.ok, false);
  assert.deepEqual(report.violations.map((v) => [v.code, v.field]), [['INVALID_PROMPT', 'prompt']]);
  assert.ok(report.violations[0].message.length < 1000, 'the message does not echo the prompt');
  // Multi-byte text of the same size, through checkJson.
  const wide = '語'.repeat(1024 * 1024);
  const r2 = reportOrCode(() => checkJson('seedance2ai-gpt-image-2', JSON.stringify({ type: 'text-to-image', prompt: wide, resolution: '1K', aspectRatio: '1:1' }))).report;
  assert.equal(r2.violations[0].field, 'prompt');
});

test('unknown endpoints throw UNKNOWN_ENDPOINT; non-string ids INVALID_ARGUMENT', () => {
  for (const fn of [check, checkJson, quote]) throwsCode(() => fn('seedanceapi-v3', '{}'), 'UNKNOWN_ENDPOINT');
  throwsCode(() => describe('nope'), 'UNKNOWN_ENDPOINT');
  throwsCode(() => priceTable(''), 'UNKNOWN_ENDPOINT');
  throwsCode(() => fieldOptions('SEEDANCEAPI-V1'), 'UNKNOWN_ENDPOINT');
  throwsCode(() => check('x'.repeat(100000), GOOD), 'UNKNOWN_ENDPOINT');
  for (const id of [null, undefined, 1, {}, ['seedanceapi-v1']]) {
    throwsCode(() => check(id, GOOD), 'INVALID_ARGUMENT');
    throwsCode(() => quote(id, GOOD), 'INVALID_ARGUMENT');
    throwsCode(() => describe(id), 'INVALID_ARGUMENT');
  }
});

test('checkJson: text that is not JSON throws INVALID_JSON; a non-string INVALID_ARGUMENT', () => {
  for (const text of ['', '{', '{"prompt": }', 'NaN', '{"a": 1} trailing', "{'prompt': 'x'}"]) {
    throwsCode(() => checkJson('seedanceapi-v1', text), 'INVALID_JSON');
  }
  for (const text of [null, 42, {}, GOOD]) throwsCode(() => checkJson('seedanceapi-v1', text), 'INVALID_ARGUMENT');
  // Deep nesting is refused by the JSON reader, not a crash.
  const deep = `{"prompt": "x", "extra": ${'['.repeat(100000)}${']'.repeat(100000)}}`;
  reportOrCode(() => checkJson('seedanceapi-v1', deep));
  // As an object, the same limit, as the declarations say: 128 levels read, 129 not.
  const nest = (n) => (n === 0 ? 1 : [nest(n - 1)]);
  assert.equal(check('seedanceapi-v1', { prompt: 'x', extra: nest(126) }).ok, true);
  throwsCode(() => check('seedanceapi-v1', { prompt: 'x', extra: nest(127) }), 'INVALID_JSON');
});

test('the module refuses a balance the package refuses, when its own check is called', async () => {
  // The module's export behind the package's `check`, for the benchmarks:
  // it takes the balance as a double, and must not read -1 or 1.5 as some
  // integer of credits.
  const { default: module } = await import(new URL('../node_modules/seedance-rules/api.js', import.meta.url));
  const text = JSON.stringify(GOOD);
  for (const balance of [-1, 1.5, -0.5, NaN, -Infinity]) {
    assert.throws(
      () => module.check(0, 'seedanceapi-v2', text, balance, false),
      (e) => typeof e === 'string' && e.startsWith('INVALID_ARGUMENT ') && e.includes('non-negative integer'),
      String(balance),
    );
  }
  assert.equal(module.check(0, 'seedanceapi-v2', text, 479, true), '');
  assert.equal(module.check(0, 'seedanceapi-v2', text, 480, true), '480');
  stillWorks();
});

test('bad options throw INVALID_ARGUMENT', () => {
  for (const options of [5, 'x', [], { balance: -1 }, { balance: 1.5 }, { balance: '100' }, { balance: NaN }, { balance: Infinity }, { priceBook: {} }, { priceBook: 'built-in' }]) {
    throwsCode(() => check('seedanceapi-v2', GOOD, options), 'INVALID_ARGUMENT');
    throwsCode(() => quote('seedanceapi-v2', GOOD, options), 'INVALID_ARGUMENT');
  }
  // Any integer: quotes stop at 2^53 - 1, so a larger balance covers them all.
  for (const balance of [Number.MAX_SAFE_INTEGER, 2 ** 60, 2 ** 64, 2 ** 65, Number.MAX_VALUE]) {
    assert.equal(check('seedanceapi-v2', GOOD, { balance }).ok, true, String(balance));
    assert.equal(quote('seedanceapi-v2', GOOD, { balance }), 480, String(balance));
  }
  assert.equal(check('seedanceapi-v2', GOOD, {}).ok, true);
  assert.equal(check('seedanceapi-v2', GOOD, null).ok, true);
  // A misspelt option would price with the built-in tables: it is refused.
  const book = loadPriceBook({ schema: 'seedance-rules/price-book/v1', name: 'one', endpoints: { 'seedanceapi-v2': { rows: [{ when: {}, credits: 1 }] } } });
  for (const options of [{ price_book: book }, { pricebook: book }, { priceBook: book, balanse: 5 }]) {
    assert.throws(() => check('seedanceapi-v2', GOOD, options), (e) => e.code === 'INVALID_ARGUMENT' && e.message.includes(`unknown options key ${Object.keys(options).find((k) => k !== 'priceBook')}: the keys are balance, priceBook`));
    throwsCode(() => quote('seedanceapi-v2', GOOD, options), 'INVALID_ARGUMENT');
    throwsCode(() => lib.compare({ duration: 8, resolution: '720p' }, options), 'INVALID_ARGUMENT');
  }
  assert.equal(check('seedanceapi-v2', GOOD, { priceBook: book }).credits, 1);
  // Only own keys with a value count: a wider config spread in, with its
  // other keys left undefined, and a key some script put on Object.prototype.
  assert.equal(check('seedanceapi-v2', GOOD, { priceBook: book, signal: undefined }).credits, 1);
  Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true });
  try {
    assert.equal(check('seedanceapi-v2', GOOD, { priceBook: book }).credits, 1);
  } finally {
    delete Object.prototype.polluted;
  }
  // Nor is an option that is inherited rather than given: not even
  // `priceBook` or `balance` set on Object.prototype.
  for (const [key, value] of [['priceBook', book], ['balance', 0]]) {
    Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true });
    try {
      assert.equal(check('seedanceapi-v2', GOOD, {}).credits, 480, key);
      assert.equal(quote('seedanceapi-v2', GOOD, {}), 480, key);
      assert.equal(check('seedanceapi-v2', GOOD, { balance: 480 }).ok, true, key);
    } finally {
      delete Object.prototype[key];
    }
  }
  // Options that are not a plain object have no own keys to read, and
  // would price with the built-in tables without a word: a PriceBook given
  // as the options themselves, a Map, a Date, a class's instance (whose
  // getter is not an own key), an object inheriting its keys.
  class Settings {
    get balance() {
      return 100;
    }
  }
  const notPlain = [
    [book, 'a PriceBook'],
    [new Map([['balance', 10]]), 'a Map'],
    [new Date(), 'a Date'],
    [new Settings(), 'a Settings'],
    [Object.create({ balance: 10 }), 'an object that inherits from another object: its inherited keys would not be read'],
    [Object.create(Object.create(null, { balance: { value: 10, enumerable: true } })), 'an object that inherits from another object: its inherited keys would not be read'],
    [[], 'an array'],
  ];
  for (const [options, kind] of notPlain) {
    assert.throws(() => check('seedanceapi-v2', GOOD, options), (e) => e.code === 'INVALID_ARGUMENT' && e.message === `the options must be a plain object, not ${kind}`, kind);
    throwsCode(() => quote('seedanceapi-v2', GOOD, options), 'INVALID_ARGUMENT');
    throwsCode(() => lib.compare({ duration: 8, resolution: '720p' }, options), 'INVALID_ARGUMENT');
  }
  // A value in the options or a clip that is a Proxy whose traps throw is
  // described without running them.
  const trapped = new Proxy({}, { get() { throw 'trap'; } });
  assert.throws(() => check('seedanceapi-v2', GOOD, { balance: trapped }), (e) => e.code === 'INVALID_ARGUMENT' && /not an object$/.test(e.message));
  assert.throws(() => lib.compare({ duration: trapped, resolution: '720p' }), (e) => e.code === 'INVALID_ARGUMENT' && /not an object$/.test(e.message));
  assert.throws(() => check('seedanceapi-v2', GOOD, { balance: new Map() }), (e) => e.code === 'INVALID_ARGUMENT' && /not a Map$/.test(e.message));
  // A plain object without a prototype is one.
  assert.equal(check('seedanceapi-v2', GOOD, Object.assign(Object.create(null), { priceBook: book })).credits, 1);
});

test('a plain object of another realm (a vm context, an iframe) is a plain object', () => {
  const realm = vm.createContext({});
  const book = loadPriceBook({ schema: 'seedance-rules/price-book/v1', name: 'one', endpoints: { 'seedanceapi-v2': { rows: [{ when: {}, credits: 1 }] } } });
  const options = vm.runInContext('({ balance: 100 })', realm);
  assert.equal(check('seedanceapi-v2', GOOD, options).ok, false, 'the balance is read: 480 credits are above it');
  assert.equal(quote('seedanceapi-v2', GOOD, vm.runInContext('({ balance: 480 })', realm)), 480);
  realm.book = book;
  assert.equal(check('seedanceapi-v2', GOOD, vm.runInContext('({ priceBook: book })', realm)).credits, 1);
  assert.equal(check('seedanceapi-v2', GOOD, vm.runInContext('Object.assign(Object.create(null), { priceBook: book })', realm)).credits, 1);
  const rows = lib.compare(vm.runInContext("({ duration: 8, resolution: '720p' })", realm));
  assert.deepEqual(rows, lib.compare({ duration: 8, resolution: '720p' }));
  // Its misspelt keys are refused as this realm's are.
  assert.throws(() => check('seedanceapi-v2', GOOD, vm.runInContext('({ balanse: 1 })', realm)), (e) => e.code === 'INVALID_ARGUMENT' && e.message.startsWith('unknown options key balanse'));
  // Its class instances, Maps and objects inheriting keys are not plain.
  for (const [source, kind] of [
    ['new Map()', 'a Map'],
    ['new (class Opts { get balance() { return 1; } })()', 'an Opts'],
    ['Object.create({ balance: 1 })', 'an object that inherits from another object: its inherited keys would not be read'],
  ]) {
    const value = vm.runInContext(source, realm);
    assert.throws(() => check('seedanceapi-v2', GOOD, value), (e) => e.code === 'INVALID_ARGUMENT' && e.message === `the options must be a plain object, not ${kind}`, source);
    assert.throws(() => lib.compare(value), (e) => e.code === 'INVALID_ARGUMENT' && e.message === `the clip must be a plain object, not ${kind}`, source);
  }
});

test('options that are not a plain object are named by their class, with "a" or "an" as it is said', () => {
  class Opts {}
  class Item {}
  class Setting {}
  class Bare extends null {
    constructor() {
      return Object.create(new.target.prototype);
    }
  }
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const [value, kind] of [
    [new Opts(), 'an Opts'],
    [new Item(), 'an Item'],
    [new Setting(), 'a Setting'],
    [new Error('e'), 'an Error'],
    [new Uint8Array(1), 'a Uint8Array'],
    [new URL('https://a.com'), 'a URL'],
    [new (class {})(), 'an instance of an anonymous class'],
    [new Bare(), 'a Bare'],
  ]) {
    assert.throws(() => check('seedanceapi-v2', GOOD, value), (e) => e.code === 'INVALID_ARGUMENT' && e.message === `the options must be a plain object, not ${kind}`, kind);
  }
  // A value that cannot even be looked at is described all the same.
  assert.throws(() => check('seedanceapi-v2', GOOD, { balance: revoked }), (e) => e.code === 'INVALID_ARGUMENT' && /not an object that cannot be read$/.test(e.message));
});

/** The message of the INVALID_ARGUMENT that checking `body` throws. */
function said(body) {
  try {
    check('seedanceapi-v2', body);
  } catch (e) {
    assert.equal(e.code, 'INVALID_ARGUMENT');
    return e.message;
  }
  assert.fail('did not throw');
}

test('a value JSON cannot carry is named by its whole path', () => {
  assert.equal(said({ prompt: 'x', images: ['https://a.com/1', NaN] }), 'NaN (at `images[1]`) cannot be written as JSON');
  assert.equal(said({ prompt: 'x', meta: { a: [{ b: [Infinity] }] } }), 'Infinity (at `meta.a[0].b[0]`) cannot be written as JSON');
  assert.equal(said({ prompt: 'x', meta: [[1, { c: 2n }]] }), '2n (at `meta[0][1].c`) cannot be written as JSON: use a number, not a BigInt');
  assert.equal(said([-Infinity]), '-Infinity (at `[0]`) cannot be written as JSON');
  assert.equal(said(NaN), 'NaN cannot be written as JSON');
  // The same object under two keys: each time at the path it is met.
  const shared = { n: 1 };
  assert.equal(said({ prompt: 'x', a: shared, b: [shared, { n: NaN }] }), 'NaN (at `b[1].n`) cannot be written as JSON');
  // A toJSON's value is walked where its object is.
  assert.equal(said({ prompt: 'x', when: { toJSON: () => ({ at: [NaN] }) } }), 'NaN (at `when.at[0]`) cannot be written as JSON');
  assert.throws(
    () => loadPriceBook({ schema: 'seedance-rules/price-book/v1', endpoints: { 'seedanceapi-v1': { rows: [{ when: {}, credits: NaN }] } } }),
    (e) => e.code === 'INVALID_ARGUMENT' && e.message === 'NaN (at `endpoints.seedanceapi-v1.rows[0].credits`) cannot be written as JSON',
  );
});

test('a body whose toJSON returns nothing says so', () => {
  assert.equal(said({ toJSON() { return undefined; } }), 'the body cannot be written as JSON: its toJSON() returned undefined, for which JSON.stringify writes nothing');
  assert.equal(said({ toJSON: () => () => 1 }), 'the body cannot be written as JSON: its toJSON() returned a function, for which JSON.stringify writes nothing');
  assert.equal(said(undefined), 'the body cannot be written as JSON: JSON.stringify writes nothing for undefined');
  assert.equal(said(() => 1), 'the body cannot be written as JSON: JSON.stringify writes nothing for a function');
  assert.equal(said(Symbol('s')), 'the body cannot be written as JSON: JSON.stringify writes nothing for a symbol');
});

test('loadPriceBook: a String object is not the text', () => {
  const text = JSON.stringify({ schema: 'seedance-rules/price-book/v1', name: 'boxed', endpoints: {} });
  assert.equal(loadPriceBook(text).name, 'boxed');
  for (const boxed of [new String(text), vm.runInContext(`new String(${JSON.stringify(text)})`, vm.createContext({}))]) {
    assert.throws(() => loadPriceBook(boxed), (e) => e.code === 'INVALID_ARGUMENT' && /not a String object.*String\(x\)/.test(e.message));
  }
  assert.equal(loadPriceBook(String(new String(text))).name, 'boxed');
  // A Proxy that cannot be read is described without running its traps.
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  throwsCode(() => loadPriceBook(proxy), 'INVALID_ARGUMENT');
  throwsCode(() => loadPriceBook(new Proxy({}, { get() { throw 'trap'; } })), 'INVALID_ARGUMENT');
});

test('an error thrown while the body is read is an INVALID_ARGUMENT Error, whatever was thrown', () => {
  // A getter or toJSON that throws a non-Error, or an Error of the caller's
  // that happens to carry the code the package uses, is wrapped all the same.
  const own = Object.assign(new Error('mine'), { code: 'INVALID_ARGUMENT' });
  for (const thrown of [{ code: 'INVALID_ARGUMENT' }, own, 'no']) {
    const body = {
      prompt: 'x',
      get duration() {
        throw thrown;
      },
    };
    assert.throws(
      () => check('seedanceapi-v2', body),
      (e) => e instanceof Error && e !== thrown && e.code === 'INVALID_ARGUMENT' && /the body cannot be written as JSON/.test(e.message),
    );
  }
});

test('a Proxy of a PriceBook, or a book method on something else, is INVALID_ARGUMENT and resets nothing', () => {
  const book = loadPriceBook({ schema: 'seedance-rules/price-book/v1', name: 'kept', endpoints: { 'seedanceapi-v2': { rows: [{ when: {}, credits: 2 }] } } });
  const proxy = new Proxy(book, {});
  assert.ok(proxy instanceof PriceBook);
  assert.throws(() => check('seedanceapi-v2', GOOD, { priceBook: proxy }), (e) => e.code === 'INVALID_ARGUMENT' && /options\.priceBook must be a PriceBook .*Proxy/.test(e.message));
  assert.throws(() => proxy.name, (e) => e.code === 'INVALID_ARGUMENT');
  const { toJSON } = book;
  assert.throws(() => toJSON(), (e) => e.code === 'INVALID_ARGUMENT');
  assert.throws(() => toJSON.call({}), (e) => e.code === 'INVALID_ARGUMENT');
  // Not INTERNAL, so the module was not re-instantiated; the book works on.
  assert.equal(check('seedanceapi-v2', GOOD, { priceBook: book }).credits, 2);
  assert.equal(book.name, 'kept');
});

test('compare: a duration past 2^32 - 1 is one no endpoint makes, not an error', () => {
  const rows = lib.compare({ duration: 2 ** 32 + 5, resolution: '720p' });
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => !r.ok), JSON.stringify(rows.filter((r) => r.ok)));
  // It is read as 2^32 - 1 seconds, as the CLI reads it (README, index.d.ts).
  assert.deepEqual(rows, lib.compare({ duration: 2 ** 32 - 1, resolution: '720p' }));
  assert.deepEqual(lib.compare({ duration: Number.MAX_VALUE, resolution: '720p' }), rows);
  // A duration that is not a non-negative integer number of seconds is refused.
  for (const duration of [-1, 8.5, NaN, Infinity, -Infinity, '8', 8n]) {
    throwsCode(() => lib.compare({ duration, resolution: '720p' }), 'INVALID_ARGUMENT');
  }
});

test('a PriceBook is only made by loadPriceBook', () => {
  assert.throws(() => new PriceBook(), (e) => e.code === 'INVALID_ARGUMENT');
  throwsCode(() => loadPriceBook({ schema: 'seedance-rules/price-book/v1', endpoints: { 'seedanceapi-v1': { rows: [{ when: {}, credits: NaN }] } } }), 'INVALID_ARGUMENT');
  throwsCode(() => loadPriceBook({ schema: 'seedance-rules/price-book/v1', endpoints: { 'seedanceapi-v1': { rows: [{ when: { durations: '8' }, credits: 1 }] } } }), 'INVALID_PRICE_BOOK');
});

test('a panic in the module is an INTERNAL error, and the module works afterwards', () => {
  const book = loadPriceBook({
    schema: 'seedance-rules/price-book/v1',
    name: 'survivor',
    endpoints: { 'seedance2ai-video': { rows: [{ when: {}, credits: 77 }] } },
  });
  const body = { prompt: 'a glass train on a snowy bridge' };
  assert.equal(check('seedance2ai-video', body, { priceBook: book }).credits, 77);
  // Each trap makes a new instance of the compiled module (the old one's
  // state is not to be trusted), counted where the glue makes it.
  const Instance = WebAssembly.Instance;
  let made = 0;
  WebAssembly.Instance = new Proxy(Instance, {
    construct(target, args) {
      made += 1;
      return Reflect.construct(target, args);
    },
  });
  try {
    for (let i = 0; i < 3; i += 1) {
      assert.throws(
        () => lib.__panicForTest(),
        (e) =>
          e instanceof Error &&
          e.code === 'INTERNAL' &&
          e.cause instanceof WebAssembly.RuntimeError &&
          !e.message.includes('failed too'),
      );
      assert.equal(made, i + 1, 'a trap re-instantiates the module');
      stillWorks();
      // A book loaded before the trap still works: it is loaded again.
      assert.equal(book.name, 'survivor');
      assert.equal(check('seedance2ai-video', body, { priceBook: book }).credits, 77);
    }
  } finally {
    WebAssembly.Instance = Instance;
  }
  // Everything else too.
  assert.equal(priceTable('seedanceapi-v1').rows.length, 12);
  assert.equal(describe('apiinone-videos').id, 'apiinone-videos');
  throwsCode(() => check('nope', {}), 'UNKNOWN_ENDPOINT');
});

test('a collected PriceBook gives its place in the module back', () => {
  // In a child with the collector exposed: 8,000 books loaded and dropped,
  // collected as they go. Each holds some kilobytes of the module's memory
  // (which WebAssembly never gives back), so were a collected book not
  // freed the memory would grow past 100 MB; freed, it stays near 5 MB.
  const script = `
    import { builtinPriceBook, check, loadPriceBook } from 'seedance-rules';
    const text = JSON.stringify(builtinPriceBook());
    for (let round = 0; round < 40; round += 1) {
      for (let i = 0; i < 200; i += 1) loadPriceBook(text);
      globalThis.gc();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    check('seedanceapi-v1', { prompt: 'a cat' });
    console.log(process.memoryUsage().external);
  `;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
    cwd: dirname(fileURLToPath(import.meta.url)),
    encoding: 'utf8',
  });
  const bytes = Number(out.trim());
  assert.ok(bytes > 0 && bytes < 32 * 1024 * 1024, `${bytes} bytes of external memory (the module's among them) after 8,000 books`);
});

test('twenty thousand checks in a row, with a book and a balance', () => {
  const book = loadPriceBook(lib.builtinPriceBook());
  for (let i = 0; i < 20000; i += 1) {
    const r = check('seedanceapi-v1', { prompt: `clip ${i}`, duration: '4', resolution: '480p' }, { priceBook: book, balance: i });
    assert.equal(r.credits, 8);
  }
  stillWorks();
});

test('a body is read once unless it holds a null value: a getter runs once, and the value read is the one checked', () => {
  for (const prompt of ['null', 'null,', 'a:null', 'not null']) {
    let reads = 0;
    const body = {
      prompt,
      get duration() {
        reads += 1;
        return reads === 1 ? 5 : 16;
      },
    };
    const report = check('seedanceapi-v2', body);
    assert.equal(reads, 1, prompt);
    assert.equal(report.ok, true, `${prompt}: ${JSON.stringify(report.violations)}`);
  }
  // A null value, or what JSON writes as one, is read again by the strict pass, which names a NaN.
  let reads = 0;
  const body = { prompt: 'x', resolution: null, get duration() { reads += 1; return 5; } };
  assert.equal(check('seedanceapi-v2', body).violations[0]?.field, 'resolution');
  assert.equal(reads, 2);
  throwsCode(() => check('seedanceapi-v2', { prompt: 'x', images: [NaN] }), 'INVALID_ARGUMENT');
  throwsCode(() => check('seedanceapi-v2', [Infinity]), 'INVALID_ARGUMENT');
  throwsCode(() => check('seedanceapi-v2', NaN), 'INVALID_ARGUMENT');
});

test('a Number object holding NaN or Infinity is refused as the number would be, not read as null', () => {
  for (const bad of [new Number(NaN), new Number(-Infinity), Object(Infinity)]) {
    assert.throws(
      () => check('seedanceapi-v2', { prompt: 'a', duration: bad }),
      (e) => e.code === 'INVALID_ARGUMENT' && /cannot be written as JSON/.test(e.message) && e.message.includes('`duration`'),
    );
  }
  // A finite one is its number, as JSON.stringify writes it.
  assert.equal(check('seedanceapi-v2', { prompt: 'a', duration: new Number(5), resolution: null }).violations[0]?.field, 'resolution');
  assert.equal(check('seedanceapi-v2', { prompt: 'a', duration: new Number(5) }).credits, check('seedanceapi-v2', { prompt: 'a', duration: 5 }).credits);
});
