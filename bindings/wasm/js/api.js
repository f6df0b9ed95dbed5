// The JavaScript API of `seedance-rules` (docs/contract.md, "JavaScript API").
//
// Conversion only: values are written as JSON text here, the Rust core reads
// them, and its JSON answer is parsed here. No rule lives in this file.
//
// The WebAssembly module is initialized by the entry that imports this file
// (`node.js` or `browser.js`) before any of these functions can be called.
// The build ships this file and wasm-bindgen's glue as one module
// (`merged` in scripts/build.mjs).

import * as wasm from './seedance_rules.js';

/** Bumped each time the module is re-instantiated after a trap. */
let generation = 0;

/** The errors this module made, which pass through `call` unchanged. */
const ours = new WeakSet();

function fail(code, message, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.code = code;
  ours.add(error);
  return error;
}

/**
 * Calls into the module. A `"CODE message"` string thrown by the Rust side
 * becomes an `Error` with that `code`. Anything else means the module
 * trapped (a panic aborts) or broke: it is re-instantiated from the compiled
 * module, synchronously, so the next call works, and the error is `INTERNAL`.
 */
function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (thrown) {
    if (ours.has(thrown)) throw thrown;
    if (typeof thrown === 'string') {
      const space = thrown.indexOf(' ');
      throw fail(thrown.slice(0, space), thrown.slice(space + 1));
    }
    let reset;
    try {
      wasm.__wbg_reset_state();
      generation += 1;
    } catch (e) {
      reset = e;
    }
    throw fail(
      'INTERNAL',
      `internal error in seedance-rules (please report it): ${thrown?.message ?? thrown}` +
        (reset === undefined ? '' : `; re-instantiating the module failed too: ${reset?.message ?? reset}`),
      thrown,
    );
  }
}

/**
 * A replacer for JSON.stringify: what JSON cannot carry is an error, not a
 * silent `null`, named by its path as the core writes a field's
 * (`meta.a[0].b`). Each object's path is kept as JSON.stringify descends
 * into it (an object met twice, not in a cycle, under the later one, where
 * it is met); `top` is the value JSON.stringify writes (what a toJSON returned).
 */
function strict() {
  const paths = new WeakMap();
  const replacer = function (key, value) {
    let path = '';
    if (paths.has(this)) {
      const holder = paths.get(this);
      path = Array.isArray(this) ? `${holder}[${key}]` : holder ? `${holder}.${key}` : key;
    } else {
      replacer.top = value;
    }
    if (typeof value === 'object' && value !== null) {
      paths.set(value, path);
      // A Number object (of any realm) is written as its number, after the
      // replacer has run: `new Number(NaN)` would be a silent null.
      const number = numberOf(value);
      if (number !== undefined) value = number;
    }
    const at = path === '' ? '' : ` (at \`${path}\`)`;
    switch (typeof value) {
      case 'number':
        if (!Number.isFinite(value)) {
          throw fail('INVALID_ARGUMENT', `${value}${at} cannot be written as JSON`);
        }
        return value;
      case 'bigint':
        throw fail('INVALID_ARGUMENT', `${value}n${at} cannot be written as JSON: use a number, not a BigInt`);
      default:
        return value;
    }
  };
  return replacer;
}

/** The number a Number object holds (read as JSON.stringify reads it), else undefined. */
function numberOf(object) {
  try {
    return Number.prototype.valueOf.call(object);
  } catch {
    return undefined;
  }
}

/** A `null` value in JSON.stringify's text (which has no white space). */
const NULL_VALUE = /(?:^|[:,[])null(?:$|[,\]}])/;

/** The JSON text of a value, as `fetch(.., { body: JSON.stringify(value) })` would send it. */
function toJsonText(value, what) {
  // The common case first: plain JSON.stringify. Only text that holds a
  // `null` value (which a NaN or an Infinity also becomes: `null` after
  // `:`, `,` or `[`, before `,`, `]` or `}`, so rarely a string's text) or
  // that could not be written at all is written again with the strict
  // replacer, whose per-value callback is slow but names what JSON cannot
  // carry. Only then do a body's getters and toJSON run a second time.
  try {
    const quick = JSON.stringify(value);
    if (typeof quick === 'string' && !NULL_VALUE.test(quick)) return quick;
  } catch {
    // A BigInt, a cycle or a nesting too deep: the strict pass says which.
  }
  let text;
  const replacer = strict();
  try {
    text = JSON.stringify(value, replacer);
  } catch (e) {
    if (ours.has(e)) throw e;
    // A cycle (TypeError) or a nesting too deep for the stack (RangeError).
    throw fail('INVALID_ARGUMENT', `${what} cannot be written as JSON: ${e?.message ?? e}`, e);
  }
  if (text === undefined) {
    // `undefined`, a function or a symbol, or what an object's toJSON returned.
    const { top } = replacer;
    throw fail(
      'INVALID_ARGUMENT',
      `${what} cannot be written as JSON: ${
        top === value
          ? `JSON.stringify writes nothing for ${describeType(top)}`
          : `its toJSON() returned ${describeType(top)}, for which JSON.stringify writes nothing`
      }`,
    );
  }
  return text;
}

function endpointId(endpoint) {
  if (typeof endpoint !== 'string') {
    throw fail('INVALID_ARGUMENT', `the endpoint must be a string id, not ${describeType(endpoint)}`);
  }
  return endpoint;
}

function describeType(value) {
  if (value == null) return String(value);
  if (typeof value !== 'object') return `a ${typeof value}`;
  try {
    if (Array.isArray(value)) return 'an array';
    // A class's instance by its class: "not a Map", "not a PriceBook". Read
    // from the prototype, not the value, so that a Proxy's traps do not run.
    const proto = Object.getPrototypeOf(value);
    if (isPlainPrototype(proto)) return 'an object';
    if (!own(proto, 'constructor')) return INHERITS;
    const name = proto.constructor?.name;
    if (!name) return 'an instance of an anonymous class';
    // "an Opts", "an Error"; "a Uint8Array", "a URL".
    return `${/^[aeio]/i.test(name) ? 'an' : 'a'} ${name}`;
  } catch {
    // A revoked Proxy, or one whose traps throw.
    return 'an object that cannot be read';
  }
}

const INHERITS = 'an object that inherits from another object';

/**
 * Whether `proto` is a plain object's prototype: none (`Object.create(null)`),
 * or some realm's `Object.prototype` (this one's, or a `vm` context's, an
 * iframe's, jsdom's), which has no prototype, and whose constructor,
 * `Object`, has it as its prototype.
 */
const isPlainPrototype = (proto) =>
  proto === null ||
  (Object.getPrototypeOf(proto) === null && proto.constructor?.prototype === proto && proto.constructor.name === 'Object');

/** The parsed book of a `PriceBook` in the current module instance. */
let handleOf;

/** Whether a value is a `PriceBook` itself (not a Proxy of one, which has none of its fields). */
let isBook;

const NOT_A_BOOK = 'must be a PriceBook from loadPriceBook(), not a copy or Proxy';

/** A `PriceBook`'s table for an endpoint, parsed once (the built-in one where the book has none). */
let bookTable;

/** Freezes a parsed value and everything in it: it is shared by many reports. */
function deepFreeze(value) {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The built-in price tables by endpoint, parsed once. */
const builtinTables = new Map();

function builtinTable(endpoint) {
  let table = builtinTables.get(endpoint);
  if (table === undefined) {
    table = deepFreeze(JSON.parse(call(wasm.priceTable, endpoint)));
    builtinTables.set(endpoint, table);
  }
  return table;
}

const NO_SOURCE = Object.freeze({});

/**
 * The module answers a check without the price's provenance (the row, its
 * source, the table's notes: most of a report's text, and the same for every
 * request a row prices). They come from the price table, parsed once, and
 * are shared by the reports, frozen. The keys keep the order of the report
 * `seedance check --json` writes. For a report with a price.
 */
function withProvenance(report, table) {
  const p = report.price;
  const price = { published: p.published, credits: p.credits, usd: p.usd, book: p.book };
  if (p.published) {
    price.formula = p.formula;
    price.row = table.rows[p.row];
  }
  if (own(p, 'markup')) price.markup = p.markup;
  if (own(p, 'usd_per_credit')) {
    price.usd_per_credit = p.usd_per_credit;
    price.usd_source = own(table, 'usd_source') ? table.usd_source : NO_SOURCE;
  }
  if (own(table, 'note')) price.note = table.note;
  report.price = price;
  return report;
}

/**
 * Whether parsed JSON has the key itself: a key it lacks is not read from
 * `Object.prototype`, where a page's other code may have put one.
 */
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Lets the module free a collected book's place: the book of the instance
 * that loaded it (after a re-instantiation, its handle names nothing).
 */
const collected = new FinalizationRegistry((held) => {
  if (held.generation === generation) {
    try {
      wasm.freePriceBook(held.handle);
    } catch {
      // The module is broken; the next call re-instantiates it.
    }
  }
});

/** A price book, read from JSON and validated; pass it as `options.priceBook`. */
export class PriceBook {
  #text;
  /** The book's handle in the module and the module's generation then. */
  #held;
  #tables = new Map();

  /** Use `loadPriceBook`. */
  constructor(token, text, handle) {
    if (token !== PRIVATE) {
      throw fail('INVALID_ARGUMENT', 'use loadPriceBook() to make a PriceBook');
    }
    this.#text = text;
    this.#held = { handle, generation };
    collected.register(this, this.#held);
  }

  static {
    isBook = (value) => typeof value === 'object' && value !== null && #held in value;
    // Loaded again from its text if the module was re-instantiated since.
    handleOf = (book) => {
      if (!isBook(book)) throw fail('INVALID_ARGUMENT', `the book ${NOT_A_BOOK}`);
      const held = book.#held;
      if (held.generation !== generation) {
        held.handle = call(wasm.loadPriceBook, book.#text);
        held.generation = generation;
      }
      return held.handle;
    };
    bookTable = (book, endpoint) => {
      let table = book.#tables.get(endpoint);
      if (table === undefined) {
        // The book's own table, or the built-in one where it lists none.
        const own = book.toJSON().endpoints[endpoint];
        table = own === undefined ? builtinTable(endpoint) : deepFreeze(own);
        book.#tables.set(endpoint, table);
      }
      return table;
    };
  }

  /** The book's name. */
  get name() {
    return this.toJSON().name;
  }

  /** The book in the `seedance-rules/price-book/v1` schema (`JSON.stringify(book)` writes it). */
  toJSON() {
    return JSON.parse(call(() => wasm.priceBookJson(handleOf(this))));
  }
}

const PRIVATE = Symbol('PriceBook');

/**
 * A copy of the caller's `options` or `clip`, read once: a getter that
 * throws, or a revoked Proxy, is an `INVALID_ARGUMENT` like any other value
 * that will not do. A key other than `keys` is one too: misspelt, it would be
 * left out without a word (own keys only, and one left `undefined` is none).
 */
function readObject(value, what, keys) {
  let copy;
  try {
    // A plain object only (a literal, of any realm, or one made by
    // `Object.create(null)`): a `Map`, a class instance or a `PriceBook` has
    // no own keys to read, and would be read as `{}` without a word, nor
    // would the keys an object inherits. The copy has no prototype, so
    // nothing inherited (a key set on `Object.prototype`) is read as given.
    copy =
      typeof value === 'object' &&
      value !== null &&
      isPlainPrototype(Object.getPrototypeOf(value)) &&
      Object.assign(Object.create(null), value);
  } catch (e) {
    throw fail('INVALID_ARGUMENT', `the ${what} cannot be read: ${e?.message ?? e}`, e);
  }
  if (!copy) {
    const kind = describeType(value);
    throw fail(
      'INVALID_ARGUMENT',
      `the ${what} must be a plain object, not ${kind}${kind === INHERITS ? ': its inherited keys would not be read' : ''}`,
    );
  }
  for (const key of Object.keys(copy)) {
    if (copy[key] !== undefined && !keys.includes(key)) {
      throw fail('INVALID_ARGUMENT', `unknown ${what} key ${key}: the keys are ${keys.join(', ')}`);
    }
  }
  return copy;
}

/** Reads options: `{ balance?: number, priceBook?: PriceBook }`. */
function readOptions(options) {
  if (options === undefined || options === null) return { book: undefined, balance: undefined };
  // A misspelt option would price with the built-in tables without a word.
  const { balance, priceBook } = readObject(options, 'options', ['balance', 'priceBook']);
  // Any integer: one above 2^53 - 1 is not exact, but no quote reaches it.
  if (balance !== undefined && balance !== null && !(Number.isInteger(balance) && balance >= 0)) {
    throw fail(
      'INVALID_ARGUMENT',
      `options.balance must be a non-negative integer number of credits, not ${
        typeof balance === 'number' ? balance : describeType(balance)
      }`,
    );
  }
  if (priceBook !== undefined && priceBook !== null && !isBook(priceBook)) {
    throw fail('INVALID_ARGUMENT', `options.priceBook ${NOT_A_BOOK}`);
  }
  return { book: priceBook ?? undefined, balance: balance ?? undefined };
}

/** The module's check of `text`: the report's text, or with `quote` only its credits (`''` for none). */
function moduleCheck(endpoint, text, options, quote) {
  const { book, balance } = readOptions(options);
  const out = book
    ? call(() => wasm.check(handleOf(book), endpoint, text, balance, quote))
    : call(wasm.check, 0, endpoint, text, balance, quote);
  return { out, book };
}

function runCheck(endpoint, text, options) {
  const { out, book } = moduleCheck(endpoint, text, options, false);
  const report = JSON.parse(out);
  if (report.price === null) return report;
  return withProvenance(report, book ? bookTable(book, report.endpoint) : builtinTable(report.endpoint));
}

/** Checks a request body (any JSON value) against an endpoint's rules and prices it. */
export function check(endpoint, body, options) {
  endpointId(endpoint);
  return runCheck(endpoint, toJsonText(body, 'the body'), options);
}

/** `check`, for a body given as JSON text (duplicate keys and escapes are seen as sent). */
export function checkJson(endpoint, text, options) {
  endpointId(endpoint);
  if (typeof text !== 'string') {
    throw fail('INVALID_ARGUMENT', `checkJson takes JSON text, not ${describeType(text)}; use check() for a value`);
  }
  return runCheck(endpoint, text, options);
}

/**
 * The credits of a body, without the report: `check`'s credits when its
 * report would be `ok`, else `null` (invalid, over the balance, or no
 * published price). The module writes only the number.
 */
export function quote(endpoint, body, options) {
  endpointId(endpoint);
  const { out } = moduleCheck(endpoint, toJsonText(body, 'the body'), options, true);
  return out === '' ? null : Number(out);
}

/** Every endpoint: `[{ id, provider, route, models }]`. */
export function endpoints() {
  return JSON.parse(call(wasm.endpoints));
}

/** Everything the library knows of an endpoint: fields, rules, codes, prices, an example. */
export function describe(endpoint) {
  return JSON.parse(call(wasm.describe, endpointId(endpoint)));
}

/** What each field accepts, given the rest of the body (`{}` when left out). */
export function fieldOptions(endpoint, body) {
  endpointId(endpoint);
  if (typeof body === 'string') {
    throw fail('INVALID_ARGUMENT', 'fieldOptions takes a value, not JSON text');
  }
  const text = body === undefined ? '{}' : toJsonText(body, 'the body');
  return JSON.parse(call(wasm.fieldOptions, endpoint, text));
}

/** The endpoint's built-in price table, in the price-book schema. */
export function priceTable(endpoint) {
  return JSON.parse(call(wasm.priceTable, endpointId(endpoint)));
}

/** Every built-in table: the built-in price book, in its schema. */
export function builtinPriceBook() {
  // Assembled from the tables, in the order and with the keys the core writes a book.
  const tables = {};
  for (const { id } of endpoints()) tables[id] = priceTable(id);
  return { schema: 'seedance-rules/price-book/v1', name: 'built-in', endpoints: tables };
}

/** Reads and validates a price book (JSON text or a value); throws `INVALID_PRICE_BOOK`. */
export function loadPriceBook(json) {
  // `new String(text)` would be written as a JSON string, not read as the
  // text. (Its class read as describeType reads it: a Proxy's traps do not run.)
  if (describeType(json) === 'a String') {
    throw fail('INVALID_ARGUMENT', 'loadPriceBook takes JSON text or a value, not a String object: pass the text, String(x)');
  }
  const text = typeof json === 'string' ? json : toJsonText(json, 'the price book');
  return new PriceBook(PRIVATE, text, call(wasm.loadPriceBook, text));
}

function optional(clip, key, type) {
  const value = clip[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) {
    throw fail('INVALID_ARGUMENT', `clip.${key} must be a ${type}, not ${describeType(value)}`);
  }
  return value;
}

/** Prices a clip on every video endpoint and model: cheapest first. */
export function compare(clip, options) {
  clip = readObject(clip, 'clip', ['duration', 'resolution', 'input', 'audio', 'prompt']);
  if (typeof clip.duration !== 'number') {
    throw fail('INVALID_ARGUMENT', `clip.duration must be a number of seconds, not ${describeType(clip.duration)}`);
  }
  if (typeof clip.resolution !== 'string') {
    throw fail('INVALID_ARGUMENT', `clip.resolution must be a string, not ${describeType(clip.resolution)}`);
  }
  const input = optional(clip, 'input', 'string');
  const audio = optional(clip, 'audio', 'boolean') ?? false;
  const prompt = optional(clip, 'prompt', 'string');
  const { book, balance } = readOptions(options);
  const args = [clip.duration, clip.resolution, input, audio, prompt, balance];
  const out = book
    ? call(() => wasm.compare(handleOf(book), ...args))
    : call(wasm.compare, 0, ...args);
  return JSON.parse(out);
}

/** @internal Panics inside the module, to test that a trap is survived. */
export function __panicForTest() {
  return call(wasm.__panicForTest);
}

/**
 * The module's initializers, for the entries, and its own `check` (the
 * body's text in, the report's text out), for benches/js/count.mjs: not the
 * package's API (`export *` leaves a default export out).
 */
export default { initSync: wasm.initSync, init: wasm.default, check: wasm.check };
