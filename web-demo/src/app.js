// The web calculator of seedance-rules. Every control, allowed value, range
// and default comes from the library (`endpoints`, `describe`, `fieldOptions`);
// every verdict and price from `check` / `checkJson` / `compare`. This file only
// lays them out: it holds no rule and no price of its own.
import { labelFor, LEADING_FIELDS } from './labels.js';

// The library is imported in `main`, not here: a module that fails to load
// (the `.wasm` not found or cut short) is then the page's own error, shown,
// rather than a page that stays "Loading" with the error in the console.
let lib;

// ---------------------------------------------------------------- helpers --

const $ = (id) => document.getElementById(id);

/** Builds an element: h('p', { class: 'x', text: 'y' }, child, ...). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const code = (text) => h('code', { text });
const creditWord = (n) => (n === 1 ? 'credit' : 'credits');
const credits = (n) => `${n} ${creditWord(n)}`;

/** The library's messages quote names in `backticks`: show those as code. */
function richText(text) {
  return String(text ?? '')
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? code(part.slice(1, -1)) : part));
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const has = (obj, key) => obj !== null && typeof obj === 'object' && Object.hasOwn(obj, key);

function errorText(e) {
  const c = e && typeof e === 'object' && e.code ? `${e.code}: ` : '';
  return c + (e && e.message ? e.message : String(e));
}

/** A failure the page cannot get past (it could not start), as an alert. */
function fatal(message) {
  const el = $('fatal');
  el.textContent = message;
  el.hidden = false;
}

/**
 * A notice (what a link or a change of endpoint could not keep), which the
 * page takes away once it moves on. Said politely: it is not a failure.
 */
function notice(message) {
  $('notice').textContent = message;
}

/** Takes away a notice (never a failure to start). */
function clearNotice() {
  $('notice').textContent = '';
}

/** Whether the loaded price book prices `endpoint` (whatever the book is called). */
const bookPrices = (endpoint) => Boolean(state.book) && has(state.book.endpoints, endpoint);

// ---------------------------------------------------------------- library --

const describeCache = new Map();
function describe(id) {
  if (!describeCache.has(id)) describeCache.set(id, lib.describe(id));
  return describeCache.get(id);
}

let ENDPOINTS = [];
let SOURCE_TITLES = {};

function checkOptions() {
  const o = {};
  if (state.balance !== null) o.balance = state.balance;
  if (state.book) o.priceBook = state.book.handle;
  return o;
}

// ------------------------------------------------------------------ state --

const state = {
  endpoint: '',
  /** The request body as the form builds it (a JSON object). */
  body: {},
  /** The body as JSON text, while the user edits it as text (else null). */
  bodyText: null,
  /** The account balance in credits, or null. */
  balance: null,
  /** The loaded price book: { handle, text, name, endpoints } or null. */
  book: null,
  /** The last report, for the compare row highlight and the tables. */
  report: null,
  /**
   * The body the page wrote for this endpoint (its example, or the body a
   * comparison opened), against which the user's own values are told apart.
   */
  baseline: {},
};

const ABSENT = Symbol('absent');
const BOOK_URL_LIMIT = 8000;
/**
 * A book too large for the link is kept by the tab (sessionStorage) under
 * this key, and the link says `book=@tab`: a reload keeps it, a copied link
 * opened elsewhere says it is not there.
 */
const TAB_BOOK_KEY = 'seedance-rules:price-book';
const TAB_BOOK = '@tab';

/**
 * Keeps `text` for this tab (null: keeps none); whether it is kept. When the
 * browser will not keep it (storage off in a private window, or a book past
 * its quota of about 5 million characters), the book kept before goes too:
 * a reload must never bring back a book that was replaced.
 */
function keepInTab(text) {
  try {
    if (text === null) sessionStorage.removeItem(TAB_BOOK_KEY);
    else sessionStorage.setItem(TAB_BOOK_KEY, text);
    return true;
  } catch {
    try {
      sessionStorage.removeItem(TAB_BOOK_KEY);
    } catch {
      // Storage off altogether: nothing was kept.
    }
    return false;
  }
}

/** The book this tab keeps, or null. */
function keptInTab() {
  try {
    return sessionStorage.getItem(TAB_BOOK_KEY);
  } catch {
    return null;
  }
}

// -------------------------------------------------------------- URL state --

// Query keys of the page itself; every other key is a body field.
const RESERVED = new Set(['endpoint', 'balance', 'book', 'body']);

function fieldTypes(endpoint) {
  const types = new Map();
  for (const o of lib.fieldOptions(endpoint, {})) types.set(o.name, o.type);
  return types;
}

/**
 * The number `text` is, when it is one by JSON's grammar (`-1`, `1.5`, `1e3`;
 * leading zeros too, `007`) and JavaScript holds it (`1e400` it does not),
 * else null: sent as a number, the library says what is wrong with it
 * (`not 1.5`), as it does for a body it reads.
 */
function jsonNumber(text) {
  if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** A body from query parameters, typed by the endpoint's field table. */
function bodyFromParams(endpoint, params) {
  const types = fieldTypes(endpoint);
  const body = {};
  for (const key of new Set(params.keys())) {
    if (RESERVED.has(key)) continue;
    const type = types.get(key);
    const all = params.getAll(key);
    const raw = all[all.length - 1];
    if (type === 'string[]') body[key] = all.filter((s) => s !== '');
    else if (type === 'integer') body[key] = jsonNumber(raw) ?? raw;
    else if (type === 'boolean') body[key] = raw === 'true' ? true : raw === 'false' ? false : raw;
    else body[key] = raw;
  }
  return body;
}

function paramsFromBody(endpoint, body, params) {
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.append(k, String(v));
  }
  // Fall back to the body as JSON when the query cannot carry it exactly,
  // or when a link without a prompt would open with the example's.
  const back = bodyFromParams(endpoint, params);
  const clash = Object.keys(body).some((k) => RESERVED.has(k));
  const promptFilled = !has(body, 'prompt') && typeof describe(endpoint).example?.prompt === 'string';
  if (clash || promptFilled || !same(back, body)) {
    for (const k of [...new Set(params.keys())]) if (!RESERVED.has(k)) params.delete(k);
    params.set('body', JSON.stringify(body));
  }
}

// Back and Forward: each change of endpoint is an entry of its own (the
// edits within one endpoint replace it), marked with the view it shows.
// Other entries are the page's anchors (#book, the skip link), whose query
// may be older than the page: there the page stays and the address follows.
let view = 0;

/**
 * What a history entry keeps besides its address: the view it shows, the
 * run of endpoint changes it is in, and the body the page wrote there (so
 * that a notice after Back or a reload still tells the user's values apart).
 */
function entryState() {
  return { view, origin, baseline: state.baseline };
}

function writeURL() {
  const params = new URLSearchParams();
  params.set('endpoint', state.endpoint);
  if (state.bodyText !== null) params.set('body', state.bodyText);
  else paramsFromBody(state.endpoint, state.body, params);
  if (state.balance !== null) params.set('balance', String(state.balance));
  if (state.book) params.set('book', state.book.compact.length <= BOOK_URL_LIMIT ? state.book.compact : TAB_BOOK);
  // The fragment (`#book`, the skip link's) stays where it is.
  const url = `${location.pathname}?${params}${location.hash}`;
  if (url !== location.pathname + location.search + location.hash || JSON.stringify(history.state) !== JSON.stringify(entryState())) {
    history.replaceState(entryState(), '', url);
  }
}

function readURL() {
  const params = new URLSearchParams(location.search);
  const ids = ENDPOINTS.map((e) => e.id);
  const wanted = params.get('endpoint');
  const notices = [];
  state.endpoint = ids.includes(wanted) ? wanted : ids.includes('seedanceapi-v2') ? 'seedanceapi-v2' : ids[0];
  if (wanted && !ids.includes(wanted)) notices.push(`The link names an endpoint this library does not know (${wanted}).`);
  const example = describe(state.endpoint).example ?? {};
  if (params.has('body')) {
    setBodyText(params.get('body'));
  } else if (wanted && ids.includes(wanted) && [...params.keys()].some((k) => !RESERVED.has(k))) {
    state.body = bodyFromParams(state.endpoint, params);
    // A link that gives settings but no prompt gets the provider's example prompt.
    if (!params.has('prompt') && typeof example.prompt === 'string') {
      state.body = { prompt: example.prompt, ...state.body };
    }
  } else {
    state.body = structuredClone(example);
  }
  const balance = params.get('balance');
  if (balance !== null) {
    state.balance = balanceOf(balance);
    if (state.balance === null) {
      const why = /^\d+$/.test(balance) ? `is more than ${MAX_BALANCE} credits, the most a balance can be` : 'is not a whole number of credits';
      notices.push(`The link's balance (${balance.slice(0, 40)}) ${why}: the request is checked without one.`);
    }
  }
  return { notices, book: params.get('book') };
}

/** Whether JSON.stringify writes `v` as it is: no number it would turn into `null`. */
function sendable(v) {
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v !== 'object' || v === null || Object.values(v).every(sendable);
}

function setBodyText(text) {
  state.bodyText = text;
  try {
    const v = JSON.parse(text);
    // `1e400` parses to Infinity: the text is checked as sent (the library
    // reads such a number itself), but the form keeps the last object.
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && sendable(v)) state.body = v;
  } catch {
    // The report says why (INVALID_JSON); the form keeps the last object.
  }
}

// ------------------------------------------------------------------- form --

/** name -> { kind, el, block, hint, issues, sig } */
const controls = new Map();

// Form order: the fields that choose the rules first, then the short choices
// (so they pack into rows), then the prompt, then URLs and free text; each
// group in the provider's table order.
function orderedNames(opts) {
  const rank = (o) => {
    const lead = LEADING_FIELDS.indexOf(o.name);
    if (lead >= 0 && o.name !== 'prompt') return lead;
    const kind = kindOf(o);
    if (kind === 'select' || kind === 'number') return 100;
    if (kind === 'prompt') return 200;
    return 300;
  };
  return opts
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
    .map(({ o }) => o.name);
}

function kindOf(opt) {
  if (opt.name === 'prompt' || opt.chars) return 'prompt';
  if (opt.type === 'string[]') return 'list';
  if (opt.type === 'boolean' || opt.allowed) return 'select';
  if (opt.range && opt.range[1] - opt.range[0] <= 60) return 'select';
  if (opt.type === 'integer' || opt.range) return 'number';
  return 'text';
}

let lastOpts = { endpoint: '', opts: [] };

/**
 * What each field of `endpoint` accepts given `body`. For a body the library
 * cannot take (nested past its limit), the last options of this endpoint, or
 * those of the empty body: the form keeps its controls, and the report says why.
 */
function fieldOptions(endpoint, body) {
  try {
    const opts = lib.fieldOptions(endpoint, body);
    lastOpts = { endpoint, opts };
    return opts;
  } catch {
    return lastOpts.endpoint === endpoint ? lastOpts.opts : lib.fieldOptions(endpoint, {});
  }
}

function formatValue(name, v) {
  if (v === true) return 'Yes';
  if (v === false) return 'No';
  if (name === 'duration' && /^\d+$/.test(String(v))) return `${v} s`;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function buildForm() {
  const box = $('fields');
  box.replaceChildren();
  controls.clear();
  const d = describe(state.endpoint);
  const opts = fieldOptions(state.endpoint, state.body);
  const names = orderedNames(opts);
  if (!names.includes('model')) {
    // The endpoint serves one model and has no `model` field: say which.
    box.append(
      h('div', { class: 'field', dataset: { field: ':model' } },
        h('label', { id: 'label-model', text: 'Model' }),
        // A read-only value shown whole (a disabled select cut a long name off).
        h('div', { id: 'in-model', class: 'fixed-value', role: 'textbox', 'aria-readonly': 'true', tabindex: '0', 'aria-labelledby': 'label-model', 'aria-describedby': 'hint-model', text: d.models }),
        h('p', { class: 'hint', id: 'hint-model' },
          'Fixed by the endpoint: its body has no ', code('model'), ' field.')),
    );
  }
  for (const name of names) {
    const block = h('div', { class: 'field', dataset: { field: name } });
    const hint = h('p', { class: 'hint', id: `hint-${name}` });
    const issues = h('ul', { class: 'issues', id: `issues-${name}`, hidden: true });
    block.append(h('label', { for: `in-${name}`, text: labelFor(name) }));
    const c = { name, kind: null, el: null, block, hint, issues, sig: null, counter: null };
    controls.set(name, c);
    block.append(hint, issues);
    box.append(block);
  }
}

function makeControl(c, opt) {
  const id = `in-${c.name}`;
  const describedBy = `hint-${c.name} issues-${c.name}`;
  let el;
  c.counter = null;
  switch (c.kind) {
    case 'select':
      el = h('select', { id, 'aria-describedby': describedBy });
      break;
    case 'prompt':
      el = h('textarea', { id, rows: 3, spellcheck: 'true', 'aria-describedby': `${describedBy} count-${c.name}` });
      c.counter = h('p', { class: 'counter', id: `count-${c.name}`, 'aria-live': 'off' });
      break;
    case 'list':
      el = h('textarea', { id, rows: 2, spellcheck: 'false', autocomplete: 'off', placeholder: 'https://… (one URL a line)', 'aria-describedby': describedBy });
      break;
    case 'number':
      el = h('input', { id, type: 'text', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': describedBy });
      break;
    default:
      el = h('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', inputmode: /url/i.test(c.name) ? 'url' : null, 'aria-describedby': describedBy });
  }
  el.addEventListener('input', () => onControlInput(c));
  if (c.kind === 'select') el.addEventListener('change', () => onControlInput(c));
  // Left, a field shows the body's value as the others do (a list of only
  // a typed newline is no list), which it did not while it was typed in.
  else el.addEventListener('blur', () => refresh());
  const hadFocus = c.el && document.activeElement === c.el;
  if (c.el) c.el.replaceWith(el);
  else c.block.querySelector('label').after(el);
  if (c.counter) el.after(c.counter);
  else c.block.querySelector('.counter')?.remove();
  c.el = el;
  c.sig = null;
  c.block.classList.toggle('wide', ['prompt', 'list', 'text'].includes(c.kind));
  if (hadFocus) el.focus();
}

function readControl(c) {
  const el = c.el;
  switch (c.kind) {
    case 'select': {
      const o = el.selectedOptions[0];
      return !o || o.value === '' ? ABSENT : JSON.parse(o.dataset.json);
    }
    case 'prompt':
      return el.value;
    case 'list': {
      const items = el.value.split('\n').map((s) => s.trim()).filter(Boolean);
      return items.length ? items : ABSENT;
    }
    case 'number': {
      const v = el.value.trim();
      if (v === '') return ABSENT;
      return c.type === 'string' ? v : jsonNumber(v) ?? v;
    }
    default:
      return el.value === '' ? ABSENT : el.value;
  }
}

function onControlInput(c) {
  origin = null;
  clearNotice();
  const v = readControl(c);
  const body = { ...state.body };
  if (v === ABSENT) delete body[c.name];
  else body[c.name] = v;
  state.body = body;
  state.bodyText = null;
  refresh();
}

function selectEntries(c, opt, value, invalid) {
  const name = c.name;
  const first = opt.required
    ? `Choose…`
    : opt.default !== null && opt.default !== undefined
      ? `Default (${formatValue(name, opt.default)})`
      : 'Not sent';
  const entries = [{ value: '', json: '', text: first }];
  let values = [];
  if (opt.type === 'boolean') values = [true, false];
  else if (opt.allowed) values = opt.allowed;
  else if (opt.range) {
    for (let n = opt.range[0]; n <= opt.range[1]; n++) values.push(opt.type === 'string' ? String(n) : n);
  }
  const rewrites = new Map((opt.rewrites ?? []).map(([from, to]) => [from, to]));
  for (const v of values) {
    const to = rewrites.get(v);
    entries.push({
      value: String(v),
      json: JSON.stringify(v),
      text: formatValue(name, v) + (to ? ` (billed as ${to})` : ''),
    });
  }
  if (value !== ABSENT && !values.some((v) => same(v, value))) {
    entries.push({
      value: typeof value === 'string' ? value : JSON.stringify(value),
      json: JSON.stringify(value),
      text: `${formatValue(name, value)} (${invalid ? 'not allowed' : 'as given'})`,
      invalid,
    });
  }
  return entries;
}

function syncControl(c, opt, value, invalid) {
  const el = c.el;
  if (c.kind === 'select') {
    const entries = selectEntries(c, opt, value, invalid);
    const sig = JSON.stringify(entries);
    if (sig !== c.sig) {
      el.replaceChildren(
        ...entries.map((e) => h('option', { value: e.value, text: e.text, class: e.invalid ? 'invalid' : null, dataset: { json: e.json } })),
      );
      c.sig = sig;
    }
    const want = value === ABSENT ? '' : JSON.stringify(value);
    const i = entries.findIndex((e) => e.json === want);
    if (el.selectedIndex !== i) el.selectedIndex = i;
    return;
  }
  if (document.activeElement === el) return; // never rewrite what is being typed
  let text;
  if (value === ABSENT || value === undefined) text = '';
  else if (c.kind === 'list') text = Array.isArray(value) ? value.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n') : typeof value === 'string' ? value : JSON.stringify(value);
  else text = typeof value === 'string' ? value : JSON.stringify(value);
  // A number as typed stays so (`1e3` is 1000 already).
  if (c.kind === 'number' && typeof value === 'number' && jsonNumber(el.value.trim()) === value) return;
  if (el.value !== text) el.value = text;
}

function hintFor(c, opt, report) {
  const parts = [];
  if (opt.doc) parts.push(h('span', { class: 'doc' }, ...richText(opt.doc)));
  const meta = [code(opt.name), opt.type];
  if (opt.required) meta.push('required');
  if (opt.range && c.kind === 'number') meta.push(`${opt.range[0]} to ${opt.range[1]}`);
  if (opt.chars) meta.push(opt.chars[1] === null ? `at least ${opt.chars[0]} characters` : `${opt.chars[0]}–${opt.chars[1]} characters`);
  if (opt.count) meta.push(opt.count[0] === opt.count[1] ? `${opt.count[1]} URL at most` : `${opt.count[0]}–${opt.count[1]} URLs, one a line`);
  if (opt.default !== null && opt.default !== undefined && c.kind !== 'select') meta.push(`default ${formatValue(opt.name, opt.default)}`);
  const metaEl = h('span', { class: 'meta' });
  meta.forEach((m, i) => {
    if (i) metaEl.append(' · ');
    metaEl.append(m);
  });
  parts.push(metaEl);
  for (const n of opt.notes ?? []) parts.push(h('span', { class: 'note' }, ...richText(n)));
  if (opt.forbidden && !(opt.notes ?? []).length) parts.push(h('span', { class: 'note', text: opt.forbidden.replace(/`/g, '') }));
  else if (opt.unused) parts.push(h('span', { class: 'note', text: has(state.body, opt.name) ? 'Not used by this request (see the warning).' : 'Not used by this request.' }));
  c.hint.replaceChildren(...parts);
}

function issueItem(kind, item) {
  const li = h('li', { class: `issue ${kind}` });
  li.append(h('span', { class: 'badge', text: kind === 'violation' ? 'Error' : 'Warning' }), ' ');
  // The page's own notes (a balance that is not one) carry no code.
  if (item.code) {
    li.append(h('code', { class: 'code-id', text: item.code }));
    if (item.status) li.append(' ', h('span', { class: 'status-code', text: `HTTP ${item.status}` }));
    li.append(' ');
  }
  li.append(h('span', { class: 'message' }, ...richText(item.message)));
  if (kind === 'violation' && item.documented === false) {
    li.append(' ', h('span', { class: 'own', text: "(the library's own code: the provider documents none for this)" }));
  }
  if (item.rule && item.rule !== item.code) li.append(h('span', { class: 'rule-id' }, 'rule ', code(item.rule)));
  return li;
}

/** Says to assistive technology whether a control's value is refused (`aria-invalid="true"`, not an empty value, which reads as false). */
function markInvalid(el, invalid) {
  if (invalid) el.setAttribute('aria-invalid', 'true');
  else el.removeAttribute('aria-invalid');
}

function renderIssues(list, violations, warnings) {
  list.replaceChildren(...violations.map((v) => issueItem('violation', v)), ...warnings.map((w) => issueItem('warning', w)));
  list.hidden = violations.length + warnings.length === 0;
}

const baseField = (f) => String(f ?? '').replace(/\[\d+\]$/, '');
/** A violation of the balance (`<endpoint>.balance.insufficient`), not of the request. */
const isOverBalance = (v) => String(v.rule ?? '').endsWith('.balance.insufficient');

/** Said under the balance field when what it holds is not a balance. */
const NOT_A_BALANCE = { message: 'Not a balance: enter a whole number of credits, 0 or more. The request is checked without one.' };
/** The largest balance the package takes (`options.balance` is a JavaScript number), as said. */
const MAX_BALANCE = Number.MAX_SAFE_INTEGER.toLocaleString('en-US');
/** Said when what it holds is a whole number of credits past that. */
const TOO_LARGE_A_BALANCE = { message: `Too large: a balance is at most ${MAX_BALANCE} credits. The request is checked without one.` };

function syncFields(opts, report) {
  const byName = new Map(opts.map((o) => [o.name, o]));
  const violations = report?.violations ?? [];
  const warnings = report?.warnings ?? [];
  const claimed = new Set();
  for (const [name, c] of controls) {
    const opt = byName.get(name);
    if (!opt) continue;
    c.type = opt.type;
    const kind = kindOf(opt);
    if (kind !== c.kind) {
      c.kind = kind;
      makeControl(c, opt);
    }
    const vs = violations.filter((v) => baseField(v.field) === name);
    const ws = warnings.filter((w) => baseField(w.field) === name);
    vs.forEach((v) => claimed.add(v));
    ws.forEach((w) => claimed.add(w));
    const value = has(state.body, name) ? state.body[name] : ABSENT;
    syncControl(c, opt, value, vs.length > 0);
    hintFor(c, opt, report);
    renderIssues(c.issues, vs, ws);
    markInvalid(c.el, vs.length > 0);
    c.block.classList.toggle('is-invalid', vs.length > 0);
    c.block.classList.toggle('is-warned', vs.length === 0 && ws.length > 0);
    c.block.classList.toggle('is-unused', Boolean(opt.unused));
    c.block.classList.toggle('is-forbidden', Boolean(opt.forbidden));
    if (c.counter) {
      const v = state.body[name];
      const n = typeof v === 'string' ? [...v].length : 0;
      c.counter.textContent = opt.chars && opt.chars[1] !== null ? `${n} / ${opt.chars[1]} characters` : `${n} characters`;
      c.counter.classList.toggle('over', Boolean(opt.chars && opt.chars[1] !== null && n > opt.chars[1]));
    }
  }
  // The balance field takes the balance violation.
  const balanceIssues = violations.filter((v) => /\.balance\.insufficient$/.test(v.rule ?? ''));
  balanceIssues.forEach((v) => claimed.add(v));
  // What was typed there and is not a balance is said, not silently dropped.
  const unusable = state.balance === null && ($('balance').value.trim() !== '' || $('balance').validity.badInput);
  const tooLarge = Number.isInteger($('balance').valueAsNumber) && $('balance').valueAsNumber > Number.MAX_SAFE_INTEGER;
  renderIssues($('issues-balance'), unusable ? [tooLarge ? TOO_LARGE_A_BALANCE : NOT_A_BALANCE, ...balanceIssues] : balanceIssues, []);
  markInvalid($('balance'), balanceIssues.length > 0 || unusable);
  if (balanceIssues.length) $('balance').closest('details').open = true;
  return {
    violations: violations.filter((v) => !claimed.has(v)),
    warnings: warnings.filter((w) => !claimed.has(w)),
  };
}

// ------------------------------------------------------------------ quote --

function renderQuote(report, error) {
  const box = $('quote');
  const bar = $('mobile-bar');
  // The quote is a live region: written again only when what it says
  // changes, so that a screen reader does not read it out at each keystroke.
  const key = JSON.stringify([
    error ? [error.code, error.message] : null,
    report && [report.ok, report.credits, report.usd, report.violations.map((v) => [v.code, v.field]), report.price?.book, report.price?.published],
    bookPrices(state.endpoint),
  ]);
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  box.className = 'quote';
  let short;
  if (error) {
    box.classList.add('is-error');
    box.replaceChildren(
      h('p', { class: 'verdict', text: "Can't check this body" }),
      h('p', { class: 'reason' }, code(error.code ?? 'ERROR'), ' ', error.message ?? String(error)),
    );
    short = "Can't check this body";
  } else if (report.credits !== null && report.credits !== undefined) {
    const amount = h('p', { class: 'amount' },
      h('span', { class: 'credits' }, h('strong', { text: String(report.credits) }), ` ${creditWord(report.credits)}`),
      report.usd !== null && report.usd !== undefined
        ? h('span', { class: 'usd', text: `$${report.usd}` })
        : h('span', { class: 'usd muted', text: 'no USD rate published' }));
    const parts = [amount];
    if (!report.ok) {
      box.classList.add('is-refused');
      const codes = report.violations.map((v) => v.code).join(', ');
      parts.push(h('p', { class: 'reason' }, 'Refused: ', code(codes), ' (the quote is above your balance)'));
    } else {
      box.classList.add('is-ok');
      parts.push(h('p', { class: 'reason', text: "Valid by the provider's documented rules." }));
    }
    box.replaceChildren(...parts);
    short = `${credits(report.credits)}${report.usd ? ` · $${report.usd}` : ''}${report.ok ? '' : ' · refused'}`;
  } else if (!report.ok) {
    box.classList.add('is-invalid');
    const n = report.violations.length;
    // Each code with the field it is about (seedance2ai.io answers
    // `invalid_request` for every field).
    const named = [...new Set(report.violations.map((v) => (v.field ? `${v.code} (${baseField(v.field)})` : v.code)))];
    box.replaceChildren(
      h('p', { class: 'verdict', text: `Invalid request: no price` }),
      // Several of a list's elements can break one rule: each pair once, and how many.
      h('p', { class: 'reason' }, `${n} violation${n === 1 ? '' : 's'}${named.length < n ? `, of ${named.length} kind${named.length === 1 ? '' : 's'}` : ''}: `, ...named.flatMap((c, i) => (i ? [', ', code(c)] : [code(c)]))),
    );
    short = n === 1 ? `Invalid: ${named[0]}` : `Invalid: ${n} violations`;
  } else if (bookPrices(state.endpoint)) {
    // The loaded book lists the endpoint, but none of its rows matches.
    box.classList.add('is-unpriced');
    box.replaceChildren(
      h('p', { class: 'verdict', text: 'Valid, but not in your price book' }),
      h('p', { class: 'reason' }, 'No row of the loaded price book ', h('strong', { text: `“${report.price.book}”` }), ' matches this request. Add a row for it below.'),
    );
    short = 'Valid · no row of your book matches';
  } else {
    box.classList.add('is-unpriced');
    box.replaceChildren(
      h('p', { class: 'verdict', text: 'Valid, but no published price' }),
      h('p', { class: 'reason', text: 'The provider publishes no price for this request. Load a price book below to quote it.' }),
    );
    short = 'Valid · no published price';
  }
  // A quote from a loaded price book is not the provider's published price: say so.
  const book = report?.price?.book;
  if (book !== undefined && bookPrices(state.endpoint) && report.price.published) {
    box.append(h('p', { class: 'book-note' }, 'Priced with the loaded price book ', h('strong', { text: `“${book}”` }), ', not a price the provider publishes.'));
    short += ' · price book';
  }
  bar.textContent = short;
}

function docLink(document, quote) {
  const title = SOURCE_TITLES[document];
  let href = `sources/${encodeURIComponent(document)}`;
  if (quote) href += `#:~:text=${encodeURIComponent(quote.slice(0, 80)).replace(/-/g, '%2D')}`;
  return h('a', { href, target: '_blank', rel: 'noopener' }, title ? `${title} (${document})` : document);
}

/** A `source` object of the library: document and quote, decision, note. */
function sourceView(src, { compact = false } = {}) {
  if (!src || typeof src !== 'object') return null;
  const out = h('div', { class: 'source' });
  if (src.quote) {
    out.append(h('blockquote', {}, h('p', { text: src.quote })));
  }
  if (src.document) out.append(h('p', { class: 'cite' }, compact ? '' : 'Source: ', docLink(src.document, src.quote)));
  if (src.decision) out.append(h('p', { class: 'decision' }, h('span', { class: 'tag', text: 'Library decision' }), ' ', src.decision));
  if (src.note) out.append(h('p', { class: 'decision' }, h('span', { class: 'tag', text: 'Note' }), ' ', src.note));
  return out.childNodes.length ? out : null;
}

function whenText(when) {
  const parts = Object.entries(when ?? {}).map(([k, v]) => {
    if (v && typeof v === 'object' && 'present' in v) return `${k} ${v.present ? 'given' : 'not given'}`;
    return `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`;
  });
  return parts.length ? parts.join(', ') : 'any request';
}

function amountText(row) {
  let t = row.credits !== undefined ? credits(row.credits) : `${row.credits_per_second} credits a second`;
  if (row.markup) t += ` × ${row.markup}`;
  if (row.per) t += ` × ${row.per}`;
  return t;
}

function renderExplain(report, rest) {
  const box = $('explain');
  const general = $('issues-general');
  general.replaceChildren();
  if (rest && (rest.violations.length || rest.warnings.length)) {
    const ul = h('ul', { class: 'issues' });
    renderIssues(ul, rest.violations, rest.warnings);
    general.append(h('h3', { text: 'About the whole body' }), ul);
  }
  box.replaceChildren();
  const price = report?.price;
  if (!price) {
    if (report) box.append(h('p', { class: 'muted', text: 'Fix the errors to see how the price is computed.' }));
    return;
  }
  const dl = h('dl', { class: 'explain' });
  const add = (term, ...desc) => dl.append(h('dt', { text: term }), h('dd', {}, ...desc));
  if (price.formula) add('Computed as', h('code', { class: 'formula', text: price.formula }));
  if (price.row) {
    add('Price row', `${whenText(price.row.when)}: ${amountText(price.row)}`);
    const src = sourceView(price.row.source);
    if (src) add('Where it comes from', src);
  }
  if (price.markup) add('Book markup', `× ${price.markup} on the row's result, rounded up`);
  add('Price book', bookPrices(state.endpoint) ? `“${price.book}” (loaded)` : 'built-in tables (the providers\' published prices)');
  if (price.usd_per_credit) {
    add('Dollar rate', `1 credit = $${price.usd_per_credit}`, sourceView(price.usd_source, { compact: true }));
  }
  if (price.note) add(price.published ? 'About this table' : 'Why no price', sourceView(price.note));
  if (!price.published) {
    add('To quote it', bookPrices(state.endpoint)
      ? h('span', {}, h('a', { href: '#book' }, 'Add a row'), ' that matches it to the loaded book.')
      : h('span', {}, h('a', { href: '#book' }, 'Load a price book'), ' (your own list or a reseller\'s).'));
  }
  box.append(h('h3', { text: 'How the price is computed' }), dl);
}

// ---------------------------------------------------------------- outputs --

function shellQuote(s) {
  return `'${String(s).replace(/'/g, `'\\''`)}'`;
}

function renderOutputs(report) {
  const norm = report?.normalized ?? null;
  $('normalized-code').textContent = norm
    ? JSON.stringify(norm, null, 2)
    : report
      ? '// No normalized request: the body has violations.'
      : '// No normalized request: the body cannot be checked (see the quote).';
  const d = describe(state.endpoint);
  const [method, path] = d.route.split(' ');
  const curlHint = $('curl-hint');
  if (norm) {
    const lines = [`curl -X ${method} ${shellQuote(d.base_url + path)}`];
    for (const [name, value] of d.headers) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
    lines.push(`  -H ${shellQuote('Content-Type: application/json')}`);
    lines.push(`  -d ${shellQuote(JSON.stringify(norm, null, 2))}`);
    $('curl-code').textContent = lines.join(' \\\n');
    const placeholders = d.headers.map(([k]) => k).join(' and ');
    curlHint.textContent = report.ok
      ? `Ready to run once you replace the placeholder ${placeholders} value${d.headers.length > 1 ? 's' : ''}.`
      : 'The provider would refuse this request as it stands (see the quote).';
  } else {
    $('curl-code').textContent = '# Fix the errors first: the provider would answer HTTP 400.';
    curlHint.textContent = 'No command for a request the provider would refuse.';
  }
  // The JSON editor shows the body unless the user is typing in it.
  const ta = $('body-json');
  if (document.activeElement !== ta && state.bodyText === null) {
    const text = JSON.stringify(state.body, null, 2);
    if (ta.value !== text) ta.value = text;
  }
}

// ---------------------------------------------------------------- compare --

/** The clip the current request makes, in `compare`'s terms, or null. */
function clipOf(opts, report) {
  const byName = new Map(opts.map((o) => [o.name, o]));
  if (!byName.has('duration')) return null;
  const norm = report?.normalized ?? {};
  const given = (n) => (has(state.body, n) ? state.body[n] : byName.get(n)?.default ?? null);
  const value = (n) => (has(norm, n) ? norm[n] : given(n));
  const seconds = Number.parseInt(String(value('duration')), 10);
  if (!Number.isFinite(seconds)) return null;
  const clip = { duration: seconds };
  const resolution = given('resolution');
  if (typeof resolution === 'string') clip.resolution = resolution;
  const present = (n) => {
    const v = has(state.body, n) ? state.body[n] : null;
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '';
  };
  const mode = value('mode');
  if (mode === 'media-to-video' || present('reference_video_urls')) clip.input = 'video';
  else if (mode === 'image-to-video' || ['images', 'image_urls', 'image', 'image_url'].some(present)) clip.input = 'image';
  else clip.input = 'text';
  for (const n of ['generate_audio', 'generateAudio']) {
    if (byName.has(n) && typeof value(n) === 'boolean') clip.audio = value(n);
  }
  if (typeof state.body.prompt === 'string' && state.body.prompt.trim()) clip.prompt = state.body.prompt;
  return clip;
}

/** Explicit table roles, so a table laid out as cards on a phone stays a table for screen readers. */
function keepTableRoles(table) {
  table.setAttribute('role', 'table');
  for (const g of table.querySelectorAll('thead, tbody')) g.setAttribute('role', 'rowgroup');
  for (const tr of table.querySelectorAll('tr')) tr.setAttribute('role', 'row');
  for (const th of table.querySelectorAll('thead th')) th.setAttribute('role', 'columnheader');
  for (const th of table.querySelectorAll('tbody th')) th.setAttribute('role', 'rowheader');
  for (const td of table.querySelectorAll('td')) td.setAttribute('role', 'cell');
}

function clipText(clip) {
  const input = { text: 'from a text prompt', image: 'from an image', video: 'with a reference video' }[clip.input] ?? '';
  const audio = clip.audio === undefined ? ', audio not asked for' : clip.audio ? ', with audio' : ', without audio';
  return `${clip.duration} s${clip.resolution ? `, ${clip.resolution}` : ''}, ${input}${audio}`;
}

/** The fields that carry a clip's input, by kind: its image (start frame) or its reference video. */
const INPUT_FIELDS = {
  image: ['images', 'image_urls', 'image', 'image_url', 'imageUrls'],
  video: ['reference_video_urls', 'media_urls'],
};
/** The clip's own fields: what a compared body is written from. */
const CLIP_FIELDS = new Set(['prompt', 'duration', 'resolution', 'model', 'quality_tier', 'mode', 'generate_audio', 'generateAudio', ...INPUT_FIELDS.image, ...INPUT_FIELDS.video]);

/** The URLs a body gives of an input kind. */
function urlsOf(body, kind) {
  return INPUT_FIELDS[kind].flatMap((n) => {
    const v = has(body, n) ? body[n] : null;
    return Array.isArray(v) ? v.filter((u) => typeof u === 'string') : typeof v === 'string' ? [v] : [];
  });
}

/** A value as a field of `type` holds it: a duration of 5 is `"5"` where durations are strings, and back. */
function asType(type, value) {
  if (type === 'string' && typeof value === 'number') return String(value);
  if (type === 'integer' && typeof value === 'string' && /^\d{1,9}$/.test(value)) return Number(value);
  return value;
}

/** A field's name with its words joined: `generate_audio` and `generateAudio` are one field. */
const joined = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/**
 * `base`, a body for `endpoint`, with what the request `from` gives that
 * `base` does not: its image or video URLs, and its fields the endpoint has
 * by the same name (`generate_audio` is `generateAudio` where the endpoint
 * spells it so). Each is kept only if the body stays as good: no more
 * violations or warnings than `base` has (judged without the balance: a
 * request over it is still the request) and, for a compared body
 * (`keepPrice`), the same credits, so that Open shows the row that was
 * compared. Returns the body, the names of `from`'s fields left behind
 * (`left`), those the endpoint has no field for (`absent`, for a change of
 * endpoint; Open passes them over), and its lists carried in part
 * (`partly`: `{ name, taken, of }`).
 *
 * Open in the comparison (`keepPrice`) puts the request's URLs in place of
 * the comparison's stand-ins and leaves the clip's own fields as compared.
 * A change of endpoint (no `keepPrice`) carries the clip too (duration,
 * resolution, model, audio), the prompt as written (its violations are the
 * user's to see), and the URLs into the endpoint's field for them, with the
 * mode or type that takes them where one must be chosen (an image makes a
 * seedance2ai video `image-to-video`). Where several fields fit only
 * together, all are tried at once first.
 */
function carryOver(endpoint, base, from, { keepPrice = true } = {}) {
  const body = structuredClone(base);
  const opts = lib.fieldOptions(endpoint, {});
  const types = new Map(opts.map((o) => [o.name, o.type]));
  // The endpoint's field for a name: spelt otherwise (`generate_audio`,
  // `generateAudio`), or shown under the same label (`aspect_ratio`, `image_size`).
  const spelt = new Map(opts.flatMap((o) => [[labelFor(o.name), o.name], [joined(o.name), o.name]]));
  const options = state.book ? { priceBook: state.book.handle } : {};
  if (!keepPrice && typeof from?.prompt === 'string' && types.has('prompt')) body.prompt = from.prompt;
  const score = (b) => {
    try {
      const r = lib.check(endpoint, b, options);
      return [r.violations.length, r.warnings.length, r.credits];
    } catch {
      return [Infinity, Infinity, null];
    }
  };
  const [violations, warnings, credits] = score(body);
  // No more violations, and no more warnings (an input the mode leaves unused).
  const fits = (more) => {
    const [v, w, c] = score({ ...body, ...more });
    return v <= violations && w <= warnings && (!keepPrice || c === credits);
  };
  const put = (more) => {
    if (!fits(more)) return false;
    Object.assign(body, more);
    return true;
  };
  // What the switch may choose so that an input fits: a mode or type's other values.
  const choosers = keepPrice ? [] : opts.filter((o) => (o.name === 'mode' || o.name === 'type') && o.allowed);
  const putInput = (name, urls) => put({ [name]: urls }) ||
    choosers.some((o) => o.allowed.some((value) => value !== body[o.name] && put({ [o.name]: value, [name]: urls })));
  const left = [];
  const absent = [];
  const partly = [];
  const inputs = new Set();
  for (const kind of ['image', 'video']) {
    const given = INPUT_FIELDS[kind].filter((n) => has(from, n));
    for (const n of given) inputs.add(n);
    const mine = urlsOf(from, kind);
    if (!mine.length) continue;
    const names = INPUT_FIELDS[kind].filter((n) => has(body, n));
    if (!keepPrice && !names.length) names.push(...INPUT_FIELDS[kind].filter((n) => types.has(n)).slice(0, 1));
    let taken = 0;
    for (const name of names) {
      // All of them, or else the first: an endpoint may take one.
      const list = types.get(name) === 'string[]';
      if (list ? putInput(name, mine) || putInput(name, mine.slice(0, 1)) : putInput(name, mine[0])) {
        taken = Math.max(taken, list ? body[name].length : 1);
      }
    }
    if (taken === 0) left.push(...given);
    else if (taken < mine.length) partly.push({ name: given.join(', '), taken, of: mine.length });
  }
  const rest = {};
  for (const [name, value] of Object.entries(from ?? {})) {
    if (inputs.has(name) || (keepPrice && CLIP_FIELDS.has(name))) continue;
    const mine = spelt.get(joined(name)) ?? spelt.get(labelFor(name));
    if (mine === undefined) {
      if (!keepPrice) absent.push(name);
      continue;
    }
    const v = asType(types.get(mine), value);
    if (!same(body[mine], v)) rest[mine] = { v, name };
  }
  const entries = Object.entries(rest);
  if (!put(Object.fromEntries(entries.map(([k, { v }]) => [k, v])))) {
    for (const [k, { v, name }] of entries) if (!put({ [k]: v })) left.push(name);
  }
  return { body, left, absent, partly };
}

/** A body for `endpoint` with the clip's prompt, duration and resolution, and the variant (model or quality tier). */
function bodyForClip(endpoint, variant, clip) {
  const body = structuredClone(describe(endpoint).example ?? {});
  const types = fieldTypes(endpoint);
  if (clip.prompt && types.has('prompt')) body.prompt = clip.prompt;
  if (variant) body[types.has('model') ? 'model' : 'quality_tier'] = variant;
  if (types.has('duration')) body.duration = types.get('duration') === 'integer' ? clip.duration : String(clip.duration);
  if (clip.resolution && types.has('resolution')) body.resolution = clip.resolution;
  for (const name of ['generate_audio', 'generateAudio']) {
    if (clip.audio !== undefined && types.has(name)) body[name] = clip.audio;
  }
  return body;
}

function renderCompare(opts, report) {
  const box = $('compare-body');
  if (typeof lib.compare !== 'function') {
    box.replaceChildren(h('p', { class: 'muted' }, 'This build of ', code('seedance-rules'), ' has no ', code('compare'), ' function yet.'));
    return;
  }
  const clip = clipOf(opts, report);
  if (clip && typeof clip.resolution !== 'string') {
    box.replaceChildren(h('p', { class: 'muted', text: 'Choose a resolution to compare this clip across endpoints.' }));
    return;
  }
  if (!clip) {
    box.replaceChildren(h('p', { class: 'muted', text: 'The comparison is for video clips. Choose a video endpoint with a duration to see the same clip priced everywhere.' }));
    return;
  }
  let rows;
  try {
    rows = lib.compare(clip, checkOptions());
  } catch (e) {
    box.replaceChildren(h('p', { class: 'issue-line violation', text: `compare failed: ${errorText(e)}` }));
    return;
  }
  // A row's `model` is the variant it prices: the model, or seedance2ai's
  // quality tier (an endpoint with no `model` field).
  const variant = (body) => body?.model ?? body?.quality_tier ?? null;
  const current = variant(report?.normalized) ?? variant(state.body);
  // The row of the request's endpoint and model is the request itself only
  // when the request is valid (over the balance, it still is the request).
  const currentTag = report && report.violations.every(isOverBalance) ? 'this request' : 'this clip';
  const table = h('table', { class: 'compare' },
    h('caption', {}, `A clip of ${clipText(clip)}, written for every endpoint and model and checked there. Valid and priced first, fewest credits first; then those with no price; then those over your balance, fewest credits first; then those refused.`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: '#' }),
      h('th', { scope: 'col', text: 'Endpoint' }),
      h('th', { scope: 'col', text: 'Model' }),
      h('th', { scope: 'col', class: 'num', text: 'Credits' }),
      h('th', { scope: 'col', class: 'num', text: 'USD' }),
      h('th', { scope: 'col', text: 'Notes' }),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: 'Action' })))));
  const tbody = h('tbody');
  rows.forEach((r, i) => {
    const priced = r.ok && r.credits !== null && r.credits !== undefined;
    // Above the balance: refused, but its price is worth seeing.
    const shown = r.credits !== null && r.credits !== undefined;
    const notes = h('td', { class: 'notes' });
    // Refused for the balance alone (`<endpoint>.balance.insufficient`: HTTP 402, or
    // 400 from apiin.one, which publishes no codes): priced, and within reach of a larger one.
    const overBalance = !r.ok && r.violations.length > 0 && r.violations.every(isOverBalance);
    if (!r.ok) {
      // What the endpoint cannot make (the clip's duration, resolution, ...)
      // apart from what it refuses in the request itself (its prompt).
      const refused = r.violations.filter((v) => isOverBalance(v) || baseField(v.field) === 'prompt');
      const cannot = r.violations.filter((v) => !refused.includes(v));
      for (const [label, vs] of [["Can't make this clip: ", cannot], [overBalance ? 'Over your balance: ' : 'Refused: ', refused]]) {
        if (!vs.length) continue;
        if (notes.childNodes.length) notes.append(' ');
        notes.append(h('span', { class: 'verdict-bad', text: label }));
        vs.forEach((v, j) => notes.append(j ? '; ' : '', code(v.code), ' ', ...richText(v.message)));
      }
    } else if (!priced && !r.note) {
      notes.append(h('span', { class: 'muted', text: 'No published price. ' }));
    }
    if (r.ok) for (const w of r.warnings ?? []) notes.append(h('span', { class: 'warn-inline' }, code(w.code), ' ', ...richText(w.message), ' '));
    if (r.note) notes.append(h('span', { class: 'muted', text: r.note }));
    const model = r.model ?? r.body?.model ?? describe(r.endpoint).models;
    const isCurrent = r.endpoint === state.endpoint && (r.model ?? null) === current;
    const open = h('button', {
      type: 'button',
      class: 'button small',
      text: 'Open',
      'aria-label': `Open ${r.endpoint} ${model} in the calculator`,
      onclick: () => {
        clearNotice();
        // An endpoint that cannot make the clip has no body: the clip as
        // far as its fields go, and a notice of why.
        const from = state.body;
        const base = r.body ?? bodyForClip(r.endpoint, r.model, clip);
        const { body, left, partly } = carryOver(r.endpoint, base, from);
        // The row of the request as it stands is opened as it stands: no new
        // entry, and the body as the user wrote it.
        // (Also while it is held as JSON text the form can read.)
        const held = state.bodyText === null || readable(state.bodyText);
        const asItStands = r.endpoint === state.endpoint && held && sameRequest(r.endpoint, body, state.body);
        origin = null;
        if (!asItStands) {
          newEntry();
          state.endpoint = r.endpoint;
          state.body = body;
          state.baseline = base;
          state.bodyText = null;
        }
        showRequest();
        const said = [];
        if (!r.body) said.push(`${r.endpoint} (${model}) cannot make the clip compared (${clipText(clip)}): ${r.note ?? 'see its rules'}. The request below is that clip as far as this endpoint's fields go.`);
        else if (!r.ok) said.push(`${r.endpoint} (${model}) refuses the clip compared: the errors are in the quote.`);
        for (const p of partly) left.push(`${p.name} (only ${p.taken} of ${p.of})`);
        if (left.length) said.push(`Not carried over from your request: ${left.join(', ')} (not taken here as given, or it would change what was compared).`);
        if (said.length) notice(said.join(' '));
        // The notice, above the form, is seen first.
        (said.length ? $('notice') : $('request')).scrollIntoView({ behavior: 'smooth', block: 'start' });
        $('endpoint').focus({ preventScroll: true });
      },
    });
    notes.dataset.label = 'Notes';
    tbody.append(h('tr', { class: [priced ? 'priced' : r.ok ? 'unpriced' : 'cannot', isCurrent ? 'current' : ''].join(' ').trim(), 'aria-current': isCurrent ? 'true' : null, dataset: { endpoint: r.endpoint, model: r.model ?? '' } },
      h('td', { class: 'num rank', text: String(i + 1) }),
      h('th', { scope: 'row', class: 'endpoint' }, code(r.endpoint), isCurrent ? h('span', { class: 'tag', text: currentTag }) : null),
      h('td', { class: 'model', dataset: { label: 'Model' }, text: model }),
      h('td', { class: `num credits-cell${shown ? '' : ' empty'}`, dataset: { label: 'Credits' }, text: shown ? String(r.credits) : '—' }),
      h('td', { class: `num usd-cell${shown && r.usd ? '' : ' empty'}`, dataset: { label: 'USD' }, text: shown && r.usd ? `$${r.usd}` : '—' }),
      notes,
      h('td', { class: 'action' }, open)));
  });
  table.append(tbody);
  keepTableRoles(table);
  box.replaceChildren(h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Comparison table' }, table));
}

// ----------------------------------------------------------------- tables --

function checkText(check) {
  if (!check || typeof check !== 'object') return '';
  if (check.required) return 'required';
  if (check.not_blank) return 'not blank';
  if (check.chars) return check.chars.max === null ? `at least ${check.chars.min} characters` : `${check.chars.min}–${check.chars.max} characters`;
  if (check.one_of) return check.one_of.length === 1 ? String(check.one_of[0]) : `one of ${check.one_of.join(', ')}`;
  if (check.range) return `${check.range[0]} to ${check.range[1]}`;
  if (check.count) return check.count.min === check.count.max ? `${check.count.max} item at most` : `${check.count.min}–${check.count.max} items`;
  if (check.url) return { 'http or https': 'an http(s) URL', 'public http or https': 'a public http(s) URL', 'public https': 'a public https URL' }[check.url] ?? `URL (${check.url})`;
  if (check.forbidden) return 'not allowed';
  if (check.unused) return 'ignored (a warning)';
  if (check.rewrite) return `${check.rewrite.from} is sent as ${check.rewrite.to} (a warning)`;
  return JSON.stringify(check);
}

function condText(c) {
  if (c.absent) return `${c.field} not given`;
  if ('is_not' in c) return `${c.field} is not ${c.is_not}`;
  return `${c.field} is ${c.is}`;
}

/** A table of the library's data, `columns` its headings, scrolling on its own at narrow widths. */
function dataTable(label, columns, tbody) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label },
    h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ...columns.map((t) => h('th', { scope: 'col', text: t })))),
      tbody));
}

function renderTables(report) {
  const d = describe(state.endpoint);
  // Price table: the loaded book's, if it lists this endpoint; else the built-in one.
  const fromBook = state.book?.endpoints?.[state.endpoint];
  let table;
  try {
    table = fromBook ?? lib.priceTable(state.endpoint);
  } catch (e) {
    $('price-table-body').replaceChildren(h('p', { class: 'issue-line violation', text: errorText(e) }));
    table = null;
  }
  if (table) {
    const box = h('div');
    box.append(h('p', {}, fromBook ? `From the loaded price book “${state.book.name}”.` : 'Built-in: the provider\'s published prices.', ' The first row that matches the normalized request prices it.'));
    if (table.usd_per_credit) box.append(h('p', {}, `1 credit = $${table.usd_per_credit}. `));
    if (table.markup) box.append(h('p', { text: `Markup on every row: × ${table.markup}, rounded up.` }));
    if (!table.rows?.length) {
      box.append(h('p', { class: 'muted', text: 'No rows: no published price.' }));
    } else {
      const matched = report?.price?.row ?? null;
      const tb = h('tbody');
      for (const row of table.rows) {
        const src = row.source ?? {};
        const isCurrent = matched && same(row.when, matched.when) && same(amountText(row), amountText(matched));
        tb.append(h('tr', { class: isCurrent ? 'current' : null, 'aria-current': isCurrent ? 'true' : null },
          h('td', {}, whenText(row.when), isCurrent ? [' ', h('span', { class: 'tag', text: 'this request' })] : null),
          h('td', { text: amountText(row) }),
          h('td', {}, src.quote ? h('q', { text: src.quote }) : null, src.document ? [' ', docLink(src.document, src.quote)] : null,
            src.decision ? h('span', { class: 'decision' }, ' ', h('span', { class: 'tag', text: 'Library decision' }), ' ', src.decision) : null,
            src.note ? h('span', { class: 'decision' }, ' ', src.note) : null)));
      }
      box.append(dataTable('Price table', ['When', 'Price', 'Source'], tb));
    }
    if (table.note) box.append(sourceView(table.note));
    $('price-table-body').replaceChildren(box);
  }
  $('price-table').querySelector('summary').textContent = `Price table (${table?.rows?.length ?? 0} rows)`;

  if ($('rules').dataset.endpoint !== state.endpoint) {
    const tb = h('tbody');
    for (const r of d.rules) {
      tb.append(h('tr', {},
        h('td', {}, code(r.field)),
        h('td', { text: r.when.length ? r.when.map(condText).join(' and ') : 'always' }),
        h('td', { text: checkText(r.check) }),
        h('td', {}, code(r.code), ` ${r.status}`, r.documented ? '' : h('span', { class: 'own', text: ' (own)' })),
        h('td', {}, sourceView(r.source, { compact: true }))));
    }
    const warnings = h('tbody');
    for (const w of d.warnings ?? []) {
      warnings.append(h('tr', {}, h('td', {}, code(w.code)), h('td', {}, sourceView(w.source, { compact: true }))));
    }
    $('rules-body').replaceChildren(
      h('p', {}, 'Every rule the library checks for ', code(d.id), ', with the provider\'s words or the decision it rests on.'),
      dataTable('Rules', ['Field', 'When', 'Check', 'Code', 'Source'], tb),
      h('p', {}, 'The warnings the library gives of its own (a request with one is still sent), and the decision each rests on:'),
      dataTable('Warnings', ['Warning', 'Source'], warnings),
      h('p', {}, 'The request body as a JSON Schema (draft 2020-12), from the same tables: ',
        h('a', { href: `pkg/schemas/${d.id}.json`, type: 'application/schema+json' }, `${d.id}.json`), '.'));
    $('rules').querySelector('summary').textContent = `Rules (${d.rules.length})`;
    $('rules').dataset.endpoint = state.endpoint;
  }
}

// ------------------------------------------------------------- price book --

function bookState() {
  const el = $('book-state');
  if (!state.book) {
    el.replaceChildren('Prices: the built-in tables.');
    return;
  }
  const listed = Object.keys(state.book.endpoints ?? {});
  el.replaceChildren(
    'Prices: the price book ', h('strong', { text: `“${state.book.name}”` }),
    ...(listed.length ? [' for ', ...listed.flatMap((id, i) => (i ? [', ', code(id)] : [code(id)])), listed.length < ENDPOINTS.length ? '; the built-in tables for the rest.' : '.'] : ['.']),
    state.book.compact.length > BOOK_URL_LIMIT
      ? state.book.kept
        ? ' This book is too large to go in the link: this tab keeps it when reloaded, but a copied link prices with the built-in tables.'
        : ' This book is too large to go in the link, and the browser would not keep it for this tab: a reload, or a copied link, prices with the built-in tables.'
      : '',
  );
}

function loadBook(text, { quiet = false } = {}) {
  const err = $('book-error');
  if (!text.trim()) {
    err.textContent = 'Nothing to load: paste a price book above, or choose a file.';
    err.hidden = false;
    markInvalid($('book-text'), true);
    return false;
  }
  let handle;
  try {
    handle = lib.loadPriceBook(text);
  } catch (e) {
    err.textContent = `Not loaded: ${errorText(e)}`;
    err.hidden = false;
    markInvalid($('book-text'), true);
    return false;
  }
  let json = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = {};
  }
  if (state.book?.handle && typeof state.book.handle.free === 'function') state.book.handle.free();
  state.book = {
    handle,
    text,
    compact: JSON.stringify(json),
    name: handle.name,
    endpoints: json.endpoints && typeof json.endpoints === 'object' ? json.endpoints : {},
  };
  err.hidden = true;
  err.textContent = '';
  markInvalid($('book-text'), false);
  state.book.kept = keepInTab(state.book.compact.length > BOOK_URL_LIMIT ? text : null);
  if (!quiet) $('book-text').value = text;
  bookState();
  refresh();
  return true;
}

function clearBook() {
  if (state.book?.handle && typeof state.book.handle.free === 'function') state.book.handle.free();
  state.book = null;
  keepInTab(null);
  $('book-error').hidden = true;
  markInvalid($('book-text'), false);
  bookState();
  refresh();
}

// ---------------------------------------------------------------- refresh --

function refresh() {
  const ep = state.endpoint;
  const opts = fieldOptions(ep, state.body);
  let report = null;
  let error = null;
  try {
    report = state.bodyText !== null ? lib.checkJson(ep, state.bodyText, checkOptions()) : lib.check(ep, state.body, checkOptions());
  } catch (e) {
    error = e;
  }
  state.report = report;
  const rest = syncFields(opts, report);
  renderQuote(report, error);
  renderExplain(report, rest);
  const jsonErr = $('body-json-error');
  markInvalid($('body-json'), Boolean(error && state.bodyText !== null));
  if (error && state.bodyText !== null) {
    jsonErr.textContent = errorText(error);
    jsonErr.hidden = false;
  } else {
    jsonErr.hidden = true;
  }
  renderOutputs(report);
  renderCompare(opts, report);
  renderTables(report);
  const d = describe(ep);
  const [method, path] = d.route.split(' ');
  $('endpoint-hint').replaceChildren(code(ep), ` · ${method} ${d.base_url}${path} · ${modelsOf(ep)}`);
  writeURL();
}

// ------------------------------------------------------------------- init --

/** An endpoint's models, as a list for the hint under the endpoint. */
function modelsOf(id) {
  const e = ENDPOINTS.find((x) => x.id === id) ?? {};
  const models = e.models ?? describe(id).models;
  return Array.isArray(models) ? models.join(', ') : models;
}

// Each option, under its provider's group, says the provider, the models and
// the route (a closed select shows only the option), or as much of that as
// the closed select has room for (`fitEndpoints`); the hint under it says all.
function fillEndpoints() {
  const sel = $('endpoint');
  const groups = new Map();
  for (const e of ENDPOINTS) {
    const d = describe(e.id);
    const provider = e.provider ?? d.provider;
    const route = e.route ?? d.route;
    if (!groups.has(provider)) groups.set(provider, h('optgroup', { label: provider }));
    const texts = [`${provider} · ${modelsOf(e.id)} (${route})`, `${provider} · ${modelsOf(e.id)}`, route.replace(/^[A-Z]+ /, '')];
    groups.get(provider).append(h('option', { value: e.id, dataset: { texts: JSON.stringify(texts) } }));
  }
  sel.replaceChildren(...groups.values());
  fitEndpoints();
  window.addEventListener('resize', fitEndpoints);
  sel.value = state.endpoint;
  sel.addEventListener('change', () => switchEndpoint(sel.value));
}

/** The 2D context `fitEndpoints` measures text with. */
let measureCtx = null;

/**
 * The endpoint options in the fullest of their forms (provider, models and
 * route; provider and models; the route alone) that every one of them fits
 * in beside the closed select's arrow: one form for all, so that the list
 * reads evenly.
 */
function fitEndpoints() {
  const sel = $('endpoint');
  const style = getComputedStyle(sel);
  // One canvas to measure with, made on the first call rather than on each resize.
  measureCtx ??= document.createElement('canvas').getContext('2d');
  const ctx = measureCtx;
  ctx.font = style.font;
  const room = sel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
  const options = [...sel.options].map((o) => ({ o, texts: JSON.parse(o.dataset.texts) }));
  const last = options[0].texts.length - 1;
  let form = 0;
  while (form < last && options.some(({ texts }) => ctx.measureText(texts[form]).width > room)) form += 1;
  for (const { o, texts } of options) if (o.text !== texts[form]) o.text = texts[form];
}

/**
 * The request before a run of endpoint changes with no edit between them
 * (arrow keys on the Endpoint select change it at each step): each change
 * of the run carries from it, so that passing through an endpoint loses
 * nothing, and coming back to its endpoint gives it back as it was.
 * `{ endpoint, body, text, clip, baseline, view }` (`view`: the entry it
 * left), or null after an edit. Kept
 * in the history entry too, so that a reload in a run goes on with it.
 */
let origin = null;

/** The fields that make the clip: carried as it was to be made, defaults included. */
const CLIP_MADE = ['duration', 'resolution', 'generate_audio', 'generateAudio'];

/**
 * The clip the current request makes: its duration, resolution and audio as
 * normalized, or (for a request with a violation, which has none) as given
 * or by the field's default given the rest of the request.
 */
function clipMade() {
  const clip = {};
  const normalized = state.report?.normalized;
  const opts = fieldOptions(state.endpoint, state.body);
  for (const n of CLIP_MADE) {
    const opt = opts.find((o) => o.name === n);
    if (!opt) continue;
    if (has(normalized, n)) clip[n] = normalized[n];
    else if (has(state.body, n)) clip[n] = state.body[n];
    else if (opt.default !== null && opt.default !== undefined) clip[n] = opt.default;
  }
  return clip;
}

/**
 * Moves the calculator to `endpoint`: the provider's example body there,
 * with what the request gave that the endpoint takes (`carryOver`): the
 * fields as written, and the clip as it was to be made. What the user had
 * written (not what the page wrote: the former example, a compared body;
 * nor the model, mode or type that the endpoint changes) and could not be
 * carried is named in a notice. A run of changes is one history entry, so
 * that Back returns to the request before it.
 */
function switchEndpoint(endpoint) {
  clearNotice();
  // A change while the page goes back to where a run started waits for it.
  if (returning !== null) {
    pendingSwitch = endpoint;
    return;
  }
  if (origin === null) {
    const start = { endpoint: state.endpoint, body: state.body ?? {}, text: state.bodyText, clip: clipMade(), baseline: state.baseline, view };
    // The entry left behind is the request before the run, not in it.
    newEntry();
    origin = start;
  }
  state.endpoint = endpoint;
  if (endpoint === origin.endpoint) {
    const start = origin.view ?? null;
    state.body = origin.body;
    state.bodyText = origin.text;
    state.baseline = origin.baseline;
    showRequest();
    // Back where the run started: its entry is the one before, so go back
    // to it rather than keep a second entry of the same page.
    origin = null;
    if (start === null) return;
    returning = start;
    history.back();
    // Should the browser not go back (no entry to go to), the run is over all the same.
    setTimeout(() => returning === start && endReturn(null), 1000);
    return;
  }
  const example = describe(endpoint).example ?? {};
  const { body, left, absent, partly } = carryOver(endpoint, example, { ...origin.clip, ...origin.body }, { keepPrice: false });
  // What the user wrote: not what the page wrote, nor a model, mode or type, which the endpoint changes.
  const selectors = new Set(LEADING_FIELDS.filter((n) => n !== 'prompt'));
  const theirs = (n) => has(origin.body, n) && !selectors.has(n) && !same(origin.body[n], origin.baseline[n]);
  const noField = absent.filter(theirs);
  const refused = left.filter(theirs);
  state.body = body;
  state.bodyText = null;
  state.baseline = example;
  showRequest();
  const said = [
    noField.length ? `${noField.join(', ')} (${endpoint} has no such field)` : '',
    refused.length ? `${refused.join(', ')} (not taken here as given, or not with the rest of the request)` : '',
    ...partly.map((p) => `${p.name} (only ${p.taken} of ${p.of} taken here)`),
  ].filter(Boolean);
  const unread = origin.text !== null && !readable(origin.text);
  if (!said.length && !unread) return;
  notice([
    unread ? 'The JSON text you were editing is not a request the form can hold: the request carried over is the last one that was.' : '',
    said.length ? `Not carried over from your request: ${said.join('; ')}.` : '',
  ].filter(Boolean).join(' '));
}

/** Whether two bodies make the same request on `endpoint`: the same normalized request, warnings and credits. */
function sameRequest(endpoint, a, b) {
  const key = (body) => {
    try {
      const r = lib.check(endpoint, body, checkOptions());
      return canonical([r.normalized, r.warnings.map((w) => w.code), r.violations.map((v) => v.rule), r.credits]);
    } catch {
      return null;
    }
  };
  const k = key(a);
  return k !== null && k === key(b);
}

/** JSON text of a value with every object's keys sorted: equal for equal values. */
function canonical(value) {
  return JSON.stringify(value, (k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);
}

/**
 * Shows the request the state now holds, after a change of endpoint or of
 * entry: the endpoint, the JSON editor (its text, while it has one of its
 * own, even where it has the focus), the form and the quote.
 */
function showRequest() {
  $('endpoint').value = state.endpoint;
  $('body-json').value = state.bodyText ?? JSON.stringify(state.body, null, 2);
  buildForm();
  refresh();
}

/** Whether `text` is a request the form can hold (what `setBodyText` keeps): a JSON object JSON.stringify writes as it is. */
function readable(text) {
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) && sendable(v);
  } catch {
    return false;
  }
}

/** The view of the entry a run that came back to its start is going back to, or null. */
let returning = null;

/** An endpoint chosen while the page went back, to move to once it is there. */
let pendingSwitch = null;

/**
 * The page is back on the entry where a run started (`entry`, its state;
 * null when the browser did not go back): it shows that entry's request
 * already, so only the entry is adopted. Then a change chosen meanwhile.
 */
function endReturn(entry) {
  if (returning === null) return;
  if (entry !== null) view = entry.view;
  returning = null;
  writeURL();
  const next = pendingSwitch;
  pendingSwitch = null;
  if (next !== null && next !== state.endpoint) switchEndpoint(next);
}

/** A new history entry for a new view, before the page moves on. */
function newEntry() {
  writeURL();
  view = Math.max(Date.now(), view + 1);
  history.pushState(entryState(), '', location.href);
}

/** Back or Forward to an entry of another view: that view's endpoint and body, from its address. */
function restoreView(entry) {
  view = entry.view;
  origin = entry.origin ?? null;
  clearNotice();
  const balance = state.balance;
  const focused = document.activeElement?.id;
  // The entry's own body: a text that does not parse leaves the form empty,
  // not as the other view's, and no text is the other view's either.
  state.body = {};
  state.bodyText = null;
  readURL();
  state.baseline = entry.baseline ?? describe(state.endpoint).example ?? {};
  // The balance and the price book are the user's, not a view's.
  state.balance = balance;
  showRequest();
  // The same control again where the view has it (the form was built
  // anew), else the endpoint's.
  // After the browser's own handling of the entry (a fragment's scroll
  // takes the focus away), so on the next task.
  if (focused) setTimeout(() => (document.getElementById(focused) ?? $('endpoint')).focus({ preventScroll: true }));
}

/** A balance linked: a whole number of credits JavaScript holds exactly, or null. */
function balanceOf(text) {
  const n = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(n) ? n : null;
}

/** A balance typed: what the number field reads (`1e3` too), when it is a balance. */
function typedBalance(input) {
  const n = input.valueAsNumber;
  return Number.isSafeInteger(n) && n >= 0 ? Math.abs(n) : null; // -0 as 0
}

function wireStatic() {
  $('request').addEventListener('submit', (e) => e.preventDefault());
  // The phone's bar repeats the quote's first words (hidden from screen
  // readers, which have the quote itself): a tap goes to the whole quote.
  $('mobile-bar').addEventListener('click', () => $('quote-h').scrollIntoView({ behavior: 'smooth', block: 'start' }));
  // A balance typed while the rules loaded counts, unless the link gave one.
  if (state.balance === null && $('balance').value !== '') state.balance = typedBalance($('balance'));
  $('balance').value = state.balance ?? '';
  $('balance').addEventListener('input', () => {
    state.balance = typedBalance($('balance'));
    refresh();
  });
  if (state.balance !== null) $('balance').closest('details').open = true;

  $('body-json').addEventListener('input', () => {
    origin = null;
    clearNotice();
    setBodyText($('body-json').value);
    refresh();
  });

  $('book-load').addEventListener('click', () => loadBook($('book-text').value, { quiet: true }));
  $('book-file').addEventListener('change', async () => {
    const f = $('book-file').files?.[0];
    if (!f) return;
    const text = await f.text();
    // Emptied, so that choosing the same file again (after an edit) loads it again.
    $('book-file').value = '';
    $('book-text').value = text;
    loadBook(text, { quiet: true });
  });
  $('book-builtin').addEventListener('click', () => {
    // Under a name of its own: a loaded book is never the built-in tables.
    const book = { ...lib.builtinPriceBook(), name: 'my price list (from the built-in tables)' };
    $('book-text').value = JSON.stringify(book, null, 2);
    $('book-text').focus();
  });
  // A book with rows for seedance2ai.io, whose built-in tables have none.
  $('book-example').addEventListener('click', async () => {
    try {
      const res = await fetch('example-price-book.json');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      $('book-text').value = await res.text();
      $('book-text').focus();
    } catch (e) {
      $('book-error').textContent = `The example book could not be fetched: ${e?.message ?? e}`;
      $('book-error').hidden = false;
    }
  });
  $('book-clear').addEventListener('click', clearBook);
  // Off until the rules are loaded (index.html), so that no click is lost.
  for (const id of ['book-file', 'book-load', 'book-builtin', 'book-example', 'book-clear']) $(id).disabled = false;

  $('copy-link').addEventListener('click', async () => {
    const btn = $('copy-link');
    const ok = await copyText(location.href);
    const bookLeftOut = state.book && state.book.compact.length > BOOK_URL_LIMIT;
    btn.textContent = !ok ? 'Copy failed: use the address bar' : bookLeftOut ? 'Link copied, without the price book (too large for a link)' : 'Link copied';
    announce(btn.textContent);
    setTimeout(() => { btn.textContent = 'Copy link to this quote'; }, 2000);
  });
  window.addEventListener('popstate', (e) => {
    if (returning !== null) {
      if (e.state?.view === returning) return endReturn(e.state);
      // Somewhere else (the user went further back meanwhile).
      returning = null;
      pendingSwitch = null;
    }
    if (e.state?.view !== undefined && e.state.view !== view) restoreView(e.state);
    else writeURL();
  });
  document.addEventListener('click', async (e) => {
    const btn = e.target.closest?.('button[data-copy]');
    if (!btn) return;
    const ok = await copyText($(btn.dataset.copy).textContent);
    btn.textContent = ok ? 'Copied' : 'Copy failed';
    announce(ok ? `Copied: ${btn.getAttribute('aria-label')?.replace(/^Copy /, '') ?? ''}` : 'Copy failed');
    setTimeout(() => { btn.textContent = 'Copy'; }, 1500);
  });
}

/** Says a short outcome to a screen reader (a copy), which the page shows only on a button. */
function announce(text) {
  const el = $('announce');
  el.textContent = '';
  // Written on the next frame, so that the same words twice are read twice.
  requestAnimationFrame(() => { el.textContent = text; });
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

async function loadMeta() {
  try {
    const [info, titles] = await Promise.all([
      fetch('build-info.json').then((r) => (r.ok ? r.json() : null)).catch(() => null),
      fetch('sources/index.json').then((r) => (r.ok ? r.json() : {})).catch(() => ({})),
    ]);
    SOURCE_TITLES = titles ?? {};
    const about = $('about');
    about.replaceChildren(
      'Rules and prices: ', code(`${info?.package ?? 'seedance-rules'}${info?.version ? `@${info.version}` : ''}`),
      ` (WebAssembly), ${ENDPOINTS.length} endpoints, each rule and price traced to the provider documents it comes from. `,
      'Prices are what the providers publish; the providers can change them.',
    );
  } catch {
    // The footer is optional.
  }
}

async function main() {
  lib = await import('./seedance-rules.js');
  try {
    ENDPOINTS = lib.endpoints();
  } catch (e) {
    // A build of the package that wants an explicit init.
    if (typeof lib.default === 'function') {
      await lib.default();
      ENDPOINTS = lib.endpoints();
    } else {
      throw e;
    }
  }
  await loadMeta();
  view = history.state?.view ?? Date.now();
  // A reload in a run of endpoint changes goes on with it.
  origin = history.state?.origin ?? null;
  const { notices, book: linked } = readURL();
  state.baseline = history.state?.baseline ?? describe(state.endpoint).example ?? {};
  fillEndpoints();
  buildForm();
  wireStatic();
  bookState();
  // A book too large for the link is the one this tab keeps; it is read as a linked one.
  const book = linked === TAB_BOOK ? keptInTab() : linked;
  if (linked === TAB_BOOK && book === null) {
    notices.push('The link\'s price book was too large for a link, and is kept only by the browser tab that loaded it, when the browser would keep it: the prices shown are the built-in tables.');
  }
  if (book) {
    $('book-text').value = book;
    if (!loadBook(book, { quiet: true })) {
      notices.push(`The link's price book could not be loaded (${$('book-error').textContent.replace(/^Not loaded: /, '').slice(0, 160)}): the prices shown are the built-in tables.`);
    } else {
      try {
        $('book-text').value = JSON.stringify(JSON.parse(book), null, 2);
      } catch {
        // keep as given
      }
    }
  }
  if (state.bodyText !== null) {
    // A link that carries the body as JSON text: show it where it can be edited.
    $('body-json').value = state.bodyText;
    $('editor').open = true;
  }
  refresh();
  if (notices.length) notice(notices.join(' '));
  $('main').setAttribute('aria-busy', 'false');
  document.documentElement.dataset.ready = 'true';
}

main().catch((e) => {
  fatal(`The calculator could not start: ${errorText(e)}`);
  $('quote').textContent = 'Unavailable';
  $('main').setAttribute('aria-busy', 'false');
});
