// End-to-end tests of the web calculator in real headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core). `npm test` builds dist/ first
// (scripts/prepare-test.mjs); this file serves it on a free localhost port.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { labelFor, LEADING_FIELDS } from '../src/labels.js';
import { openPage, quoteText, REPO, SCREENSHOTS, shownCredits, startSite, withPage } from './helpers.mjs';

const conformance = JSON.parse(readFileSync(join(REPO, 'conformance', 'cases.json'), 'utf8'));

let site;
let page;

before(async () => {
  site = await startSite();
  page = await openPage(site);
});

after(async () => {
  await site?.stop();
});

/** The library, as the page imported it. */
function lib(page, fn, ...args) {
  return page.evaluate(
    async ({ fn, args }) => {
      const m = await import('./seedance-rules.js');
      return m[fn](...args);
    },
    { fn, args },
  );
}

const byLabel = (p, name) => p.getByLabel(name, { exact: true });
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The wire names of the body fields the form shows for the current endpoint. */
async function formFields(p) {
  return p.locator('#fields [data-field]').evaluateAll((els) =>
    els.map((e) => e.dataset.field).filter((n) => !n.startsWith(':')),
  );
}

/**
 * Sets the form to exactly `body` through the labelled controls, as a person
 * would: the endpoint, then the fields that choose the rules (model, mode,
 * type, channel), then every other field, cleared where `body` has none.
 */
async function fillRequest(p, endpoint, body) {
  const endpointControl = byLabel(p, 'Endpoint');
  if ((await endpointControl.inputValue()) !== endpoint) await endpointControl.selectOption(endpoint);
  const fields = await formFields(p);
  for (const key of Object.keys(body)) {
    assert.ok(fields.includes(key), `${endpoint}: the form has no control for ${key}`);
  }
  const lead = LEADING_FIELDS.filter((n) => fields.includes(n));
  const want = (name) => {
    if (!Object.hasOwn(body, name)) return '';
    const v = body[name];
    return Array.isArray(v) ? v.join('\n') : String(v);
  };
  // What each control holds now (one round trip), to touch only what differs.
  const current = async () =>
    p.locator('#fields [data-field]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.dataset.field, e.querySelector('select, input, textarea')?.value ?? ''])),
    );
  for (const group of [lead, fields.filter((n) => !lead.includes(n))]) {
    const now = await current();
    for (const name of group) {
      if (now[name] === want(name)) continue;
      const control = byLabel(p, labelFor(name));
      const tag = await control.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await control.selectOption(want(name));
      else await control.fill(want(name));
    }
  }
  // The form now holds the body exactly.
  const now = await current();
  for (const name of fields) assert.equal(now[name], want(name), `${endpoint}: ${labelFor(name)}`);
}

/** Whether every field of `body` has a control that can hold its value exactly. */
async function representable(p, endpoint, body) {
  return p.evaluate(
    async ({ endpoint, body }) => {
      const m = await import('./seedance-rules.js');
      const opts = m.fieldOptions(endpoint, body);
      const types = new Map(opts.map((o) => [o.name, o.type]));
      return Object.entries(body).every(([k, v]) => {
        const t = types.get(k);
        if (t === 'string[]') return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim() === x && x !== '' && !x.includes('\n'));
        if (t === 'boolean') return typeof v === 'boolean';
        if (t === 'integer') return Number.isSafeInteger(v);
        if (t === 'string') return typeof v === 'string' && (k === 'prompt' || v !== '');
        return false;
      });
    },
    { endpoint, body },
  );
}

async function normalizedShown(p) {
  const text = await p.locator('#normalized-code').innerText();
  return text.startsWith('{') ? JSON.parse(text) : null;
}

// -------------------------------------------------------------------------

test('the page starts from the library and loads nothing from outside', async () => {
  assert.match(await quoteText(page), /\d+ credits/);
  assert.deepEqual(site.errors, []);
  const endpoints = await lib(page, 'endpoints');
  const options = await byLabel(page, 'Endpoint').locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(options, endpoints.map((e) => e.id));
  // Each option says which API it is: the provider and the models, and the
  // route where every option has room for it (the test at 390 px holds
  // every option to fit, there by its route alone).
  const texts = await byLabel(page, 'Endpoint').locator('option').evaluateAll((os) => os.map((o) => o.text));
  const forms = [(e) => `${e.provider} · ${e.models} (${e.route})`, (e) => `${e.provider} · ${e.models}`];
  assert.ok(forms.some((form) => same(texts, endpoints.map(form))), texts.join(' | '));
  // Exactly one live quote.
  assert.equal(await page.getByRole('status').count(), 1);
  assert.equal(await page.getByRole('status').getAttribute('aria-live'), 'polite');
});

test('every control has a visible label, including the six main ones', async () => {
  await fillRequest(page, 'seedanceapi-v1', { prompt: 'A paper boat on a rainy street' });
  for (const name of ['Endpoint', 'Model', 'Duration', 'Resolution', 'Aspect ratio', 'Audio']) {
    await assert.doesNotReject(byLabel(page, name).waitFor({ state: 'visible', timeout: 2000 }), name);
    // Unambiguous even as a plain substring match (getByLabel's default).
    assert.equal(await page.getByLabel(name).count(), 1, name);
  }
  for (const endpoint of (await lib(page, 'endpoints')).map((e) => e.id)) {
    await byLabel(page, 'Endpoint').selectOption(endpoint);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('select, input, textarea')]
        .filter((el) => el.type !== 'hidden' && el.getClientRects().length > 0)
        .filter((el) => ![...(el.labels ?? [])].some((l) => l.textContent.trim() && l.getClientRects().length > 0))
        .map((el) => el.id || el.outerHTML.slice(0, 60)),
    );
    assert.deepEqual(unlabelled, [], `${endpoint}: controls without a visible label`);
    for (const name of ['Endpoint', 'Model', 'Duration', 'Resolution', 'Aspect ratio', 'Audio']) {
      assert.ok((await page.getByLabel(name).count()) <= 1, `${endpoint}: "${name}" names one control at most`);
    }
  }
});

test('the options are the library\'s and follow the model', async () => {
  await fillRequest(page, 'seedanceapi-v2', { prompt: 'A slow dolly shot', model: 'seedance-2-mini', duration: 7 });
  const optionsOf = (label) => byLabel(page, label).locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  const models = (await lib(page, 'fieldOptions', 'seedanceapi-v2', {})).find((o) => o.name === 'model').allowed;
  assert.deepEqual(await optionsOf('Model'), models);
  const mini = await lib(page, 'fieldOptions', 'seedanceapi-v2', { model: 'seedance-2-mini' });
  const [lo, hi] = mini.find((o) => o.name === 'duration').range;
  assert.deepEqual(await optionsOf('Duration'), Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i)));
  assert.deepEqual(await optionsOf('Aspect ratio'), mini.find((o) => o.name === 'aspect_ratio').allowed);
  assert.equal(await shownCredits(page), 216);

  // Switch the model: 7 s is no longer allowed, and says so next to Duration.
  await byLabel(page, 'Model').selectOption('seedance-2.0');
  const full = await lib(page, 'fieldOptions', 'seedanceapi-v2', { model: 'seedance-2.0', duration: 7 });
  const allowed = full.find((o) => o.name === 'duration').allowed.map(String);
  assert.deepEqual(await optionsOf('Duration'), [...allowed, '7']);
  assert.match(await byLabel(page, 'Duration').locator('option:checked').innerText(), /7 s \(not allowed\)/);
  assert.equal(await byLabel(page, 'Duration').getAttribute('aria-invalid'), 'true');
  const issues = page.locator('[data-field="duration"] .issues');
  assert.match(await issues.innerText(), /INVALID_DURATION/);
  assert.match(await quoteText(page), /INVALID_DURATION/);
  assert.equal(await shownCredits(page), null);
  assert.deepEqual(await optionsOf('Aspect ratio'), full.find((o) => o.name === 'aspect_ratio').allowed);

  await byLabel(page, 'Duration').selectOption('10');
  assert.equal(await shownCredits(page), 480);
});

// ---- the conformance cases, set through the labelled controls ----

const SKIP_ENDPOINTS = new Set(['seedance2ai-gpt-image-2', 'seedance2ai-nano-banana-pro']);
const candidates = conformance.cases.filter(
  (c) =>
    c.body && typeof c.body === 'object' && !Array.isArray(c.body) &&
    c.balance === undefined && c.price_book === undefined &&
    c.expect.ok === true && typeof c.expect.credits === 'number' &&
    !SKIP_ENDPOINTS.has(c.endpoint) &&
    (/\.price\./.test(c.id) || /\.defaults\./.test(c.id) || /\.aspect_ratio\./.test(c.id) || /\.resolution\./.test(c.id)),
);

describe('conformance quotes shown in the status', () => {
  test(`at least 20 priced cases map to controls (${candidates.length} candidates)`, () => {
    assert.ok(candidates.length >= 20);
  });
  for (const c of candidates) {
    test(c.id, async (t) => {
      if (!(await representable(page, c.endpoint, c.body))) {
        t.skip('a value the controls cannot hold exactly');
        return;
      }
      await fillRequest(page, c.endpoint, c.body);
      assert.equal(await shownCredits(page), c.expect.credits, await quoteText(page));
      if (c.expect.usd) assert.ok((await quoteText(page)).includes(`$${c.expect.usd}`));
      if (c.expect.normalized) {
        const shown = await normalizedShown(page);
        for (const [k, v] of Object.entries(c.expect.normalized)) assert.deepEqual(shown[k], v, k);
      }
      for (const w of c.expect.warnings ?? []) {
        assert.match(await page.locator(`[data-field="${w.field}"] .issues`).innerText(), new RegExp(w.code));
      }
    });
  }
});

test('an invalid combination from a link shows its code next to the field', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2&model=seedance-2.0&duration=7', async (p) => {
    assert.equal(await byLabel(p, 'Model').inputValue(), 'seedance-2.0');
    assert.equal(await byLabel(p, 'Duration').inputValue(), '7');
    const field = p.locator('[data-field="duration"]');
    assert.match(await field.locator('.issues').innerText(), /INVALID_DURATION.*HTTP 400/s);
    assert.match(await quoteText(p), /Invalid request.*INVALID_DURATION/);
    assert.match(await p.locator('#curl-code').innerText(), /Fix the errors/);
  });
});

test('a link whose body JSON.parse cannot keep is checked as sent, and the page works on', async () => {
  const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
  for (const [body, code, field] of [
    // 1e400 is Infinity to JSON.parse, which JSON.stringify would send as null.
    ['{"prompt": "A paper boat", "duration": 1e400}', 'INVALID_DURATION', 'duration'],
    // Deeper than the library reads.
    [`{"prompt": "A paper boat", "images": ${deep}}`, 'INVALID_JSON', null],
  ]) {
    await withPage(site, `?endpoint=seedanceapi-v2&body=${encodeURIComponent(body)}`, async (p) => {
      assert.equal(await p.locator('#notice').isHidden(), true, await p.locator('#notice').innerText());
      assert.match(await quoteText(p), new RegExp(code));
      if (field) assert.match(await p.locator(`[data-field="${field}"] .issues`).innerText(), new RegExp(code));
      assert.equal(await byLabel(p, 'Request body (JSON)').inputValue(), body);
      // The form still works: a valid body from it is priced.
      await byLabel(p, 'Request body (JSON)').fill('{"prompt": "A paper boat", "duration": 10}');
      assert.equal(await shownCredits(p), 480);
    });
  }
});

test('a link reproduces the quote', async () => {
  await fillRequest(page, 'seedanceapi-v2', {
    prompt: 'A compact product demo with smooth camera motion',
    model: 'seedance-2-mini',
    duration: 9,
    resolution: '1080p',
    reference_video_urls: ['https://example.com/ref.mp4'],
  });
  const quote = await quoteText(page);
  assert.equal(await shownCredits(page), Math.ceil((25 / 2) * (3 / 2) * 9)); // 720p with a reference video
  assert.match(await page.locator('[data-field="resolution"] .issues').innerText(), /NORMALIZED_VALUE/);
  const link = page.url();
  assert.match(link, /endpoint=seedanceapi-v2/);
  await withPage(site, link.slice(site.url.length), async (p) => {
    assert.equal(await quoteText(p), quote);
    assert.equal(await byLabel(p, 'Duration').inputValue(), '9');
    assert.equal(await byLabel(p, 'Resolution').inputValue(), '1080p');
    assert.equal(await byLabel(p, 'Reference videos').inputValue(), 'https://example.com/ref.mp4');
    assert.equal(await p.locator('#normalized-code').innerText(), await page.locator('#normalized-code').innerText());
  });
});

test('the comparison lists the same clip cheapest first', async () => {
  await fillRequest(page, 'seedanceapi-v2', { prompt: 'A lighthouse in a storm', model: 'seedance-2-mini', duration: 8, resolution: '720p' });
  const rows = await page.locator('#compare table.compare tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      endpoint: tr.dataset.endpoint,
      model: tr.dataset.model,
      kind: tr.className.split(' ')[0],
      credits: tr.querySelector('.credits-cell').textContent,
    })),
  );
  const expected = await lib(page, 'compare', { duration: 8, resolution: '720p', input: 'text', audio: false, prompt: 'A lighthouse in a storm' });
  assert.deepEqual(
    rows.map((r) => `${r.endpoint}/${r.model}`),
    expected.map((e) => `${e.endpoint}/${e.model ?? ''}`),
  );
  const priced = rows.filter((r) => r.kind === 'priced').map((r) => Number(r.credits));
  assert.ok(priced.length >= 3, 'several endpoints can make an 8 s 720p clip');
  assert.deepEqual(priced, [...priced].sort((a, b) => a - b), 'cheapest first');
  // Priced rows come first, then the unpriced, then those that cannot make it.
  const rank = { priced: 0, unpriced: 1, cannot: 2 };
  const ranks = rows.map((r) => rank[r.kind]);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  assert.ok(priced.includes(246), 'Mini 8 s 720p is on the list');
  assert.equal(priced[0], 28, 'v1 / apiin.one 8 s 720p without audio is the cheapest');
  assert.ok(rows.some((r) => r.kind === 'cannot' && r.model === 'seedance-2.0'), '2.0 cannot make 8 s');
  // The current request's row is marked.
  assert.equal(await page.locator('#compare tr.current').getAttribute('data-model'), 'seedance-2-mini');
});

test('a number typed that is one by JSON\'s grammar is sent as one, and the library says what is wrong with it', async () => {
  await withPage(site, '?endpoint=seedance2ai-video', async (p) => {
    const seed = byLabel(p, 'Seed');
    const issues = p.locator('[data-field="seed"] .issues');
    await seed.fill('1.5');
    assert.match(await issues.innerText(), /`?seed`? must be an integer, not 1\.5/);
    assert.doesNotMatch(await issues.innerText(), /not a string/);
    assert.equal((await heldBody(p)).seed, 1.5);
    // With an exponent, as the CLI reads it.
    await seed.fill('1e3');
    assert.equal(await issues.isHidden(), true, await issues.innerText());
    assert.equal((await normalizedShown(p)).seed, 1000);
    // Left, the field keeps what was typed.
    await byLabel(p, 'Prompt').focus();
    assert.equal(await seed.inputValue(), '1e3');
    // Text that is no number is still sent as text.
    await seed.fill('abc');
    assert.match(await issues.innerText(), /not a string/);
  });
  // A link's number too.
  await withPage(site, '?endpoint=seedance2ai-video&seed=1e3&prompt=A+kite+over+the+sea', async (q) => {
    assert.equal((await heldBody(q)).seed, 1000);
  });
});

test('the comparison tells a clip an endpoint cannot make from a request it refuses, and tags the request\'s row as such', async () => {
  // A prompt of one character: seedance2ai.io refuses it (at least 3), which is the request's doing.
  await withPage(site, '?endpoint=seedanceapi-v2&model=seedance-2-mini&duration=8&resolution=720p&prompt=a', async (p) => {
    const refused = p.locator('#compare tr[data-endpoint="seedance2ai-video"] .notes').first();
    assert.match(await refused.innerText(), /^Refused: \S+ `?prompt`? has 1 character/);
    assert.doesNotMatch(await refused.innerText(), /Can't make this clip/);
    // seedance-2.0 cannot make 8 s: that is the clip.
    assert.match(await p.locator('#compare tr[data-endpoint="seedanceapi-v2"][data-model="seedance-2.0"] .notes').innerText(), /^Can't make this clip: INVALID_DURATION/);
    // The request is valid: its row is it.
    const current = p.locator('#compare tr[aria-current="true"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('data-model'), 'seedance-2-mini');
    assert.equal(await current.locator('.tag').textContent(), 'this request');
  });
  // An image URL the provider refuses: the row makes the clip, but it is not this request.
  await withPage(site, '?endpoint=seedanceapi-v2&model=seedance-2-mini&duration=8&resolution=720p&prompt=A+kite&images=ftp://a.example/1.png', async (p) => {
    assert.match(await quoteText(p), /Invalid request/);
    const current = p.locator('#compare tr.current');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('aria-current'), 'true');
    assert.equal(await current.locator('.tag').textContent(), 'this clip');
  });
});

test('the price table marks the row that prices the request, in words too', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2&model=seedance-2-mini&duration=8&resolution=720p&prompt=A+kite', async (p) => {
    await p.locator('#price-table summary').click();
    const current = p.locator('#price-table tbody tr[aria-current="true"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getByText('this request', { exact: true }).count(), 1);
    assert.equal(await p.locator('#price-table tbody tr.current').count(), 1);
  });
});

test('the rules table says in words what each URL rule accepts', async () => {
  await fillRequest(page, 'seedanceapi-v1', { prompt: 'A lighthouse in a storm' });
  const rules = await page.locator('#rules').textContent();
  assert.match(rules, /an http\(s\) URL/);
  assert.match(rules, /a public http\(s\) URL/);
  assert.doesNotMatch(rules, /URL \(/);
  await fillRequest(page, 'seedance2ai-video', { prompt: 'A lighthouse in a storm' });
  assert.match(await page.locator('#rules').textContent(), /a public https URL/);
});

test('the rules name the library\'s own warnings with their decisions, and link the body\'s JSON Schema', async () => {
  for (const endpoint of ['seedanceapi-v2', 'seedance2ai-gpt-image-2']) {
    await fillRequest(page, endpoint, { prompt: 'A lighthouse in a storm' });
    const d = await lib(page, 'describe', endpoint);
    const rows = await page.locator('#rules [aria-label="Warnings"] tbody tr').allTextContents();
    assert.equal(rows.length, d.warnings.length, endpoint);
    for (const [i, w] of d.warnings.entries()) {
      assert.ok(rows[i].startsWith(w.code) && rows[i].includes(w.source.decision), `${endpoint}: ${rows[i]}`);
    }
    const link = page.locator('#rules a', { hasText: `${endpoint}.json` });
    const schema = await page.evaluate(async (href) => (await fetch(href)).json(), await link.getAttribute('href'));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.match(schema.title, new RegExp(`^${endpoint} request body`));
  }
});

test('a price book prices seedance2ai.io; a bad one shows its error', async () => {
  await fillRequest(page, 'seedance2ai-video', { prompt: 'A cinematic shot of a glass train crossing a snowy mountain bridge' });
  assert.match(await quoteText(page), /no published price/i);
  assert.equal(await shownCredits(page), null);

  await byLabel(page, 'Price book JSON').fill('{"schema": "seedance-rules/price-book/v1", "name": "x", "endpoints": {"nope": {"rows": []}}}');
  await page.getByRole('button', { name: 'Load price book' }).click();
  assert.match(await page.locator('#book-error').innerText(), /INVALID_PRICE_BOOK/);
  assert.equal(await shownCredits(page), null);
  // The text is marked as refused, and the error is right under it and describes it.
  const bookText = byLabel(page, 'Price book JSON');
  assert.equal(await bookText.getAttribute('aria-invalid'), 'true');
  assert.match(await bookText.getAttribute('aria-describedby'), /\bbook-error\b/);
  assert.equal(await bookText.evaluate((el) => el.nextElementSibling?.id), 'book-error');

  const book = conformance.price_books['seedance2ai-list'];
  await byLabel(page, 'Price book JSON').fill(JSON.stringify(book, null, 2));
  await page.getByRole('button', { name: 'Load price book' }).click();
  assert.equal(await page.locator('#book-error').isHidden(), true);
  assert.equal(await bookText.getAttribute('aria-invalid'), null);
  assert.equal(
    await page.locator('#book-state').innerText(),
    `Prices: the price book “${book.name}” for ${Object.keys(book.endpoints).join(', ')}; the built-in tables for the rest.`,
  );
  const cases = conformance.cases.filter(
    (c) => c.price_book === 'seedance2ai-list' && c.endpoint === 'seedance2ai-video' && c.balance === undefined && c.body && c.expect.ok === true,
  );
  let checked = 0;
  for (const c of cases) {
    if (!(await representable(page, c.endpoint, c.body))) continue;
    await fillRequest(page, c.endpoint, c.body);
    assert.equal(await shownCredits(page), c.expect.credits, `${c.id}: ${await quoteText(page)}`);
    checked += 1;
  }
  assert.ok(checked >= 3, `checked ${checked} price-book cases`);
  // The comparison marks the row of this request's quality tier, and only it.
  for (const tier of ['standard', 'pro']) {
    await fillRequest(page, 'seedance2ai-video', { prompt: 'A glass train crossing a snowy bridge', quality_tier: tier, duration: '5' });
    const current = await page.locator('#compare tr.current').evaluateAll((trs) => trs.map((tr) => `${tr.dataset.endpoint}/${tr.dataset.model}`));
    assert.deepEqual(current, [`seedance2ai-video/${tier}`]);
  }
  // The book goes into the link, so the link reproduces the quote.
  const quote = await quoteText(page);
  await withPage(site, page.url().slice(site.url.length), async (p) => {
    assert.equal(await quoteText(p), quote);
  });
  await page.getByRole('button', { name: 'Use the built-in prices' }).click();
  assert.match(await quoteText(page), /no published price/i);

  // The same book from a file.
  await byLabel(page, 'Price book file').setInputFiles({
    name: 'list.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(book)),
  });
  await page.waitForFunction(() => /credits/.test(document.getElementById('quote').textContent));
  assert.match(await quoteText(page), /Priced with the loaded price book/);
  await page.getByRole('button', { name: 'Use the built-in prices' }).click();
});

test('a balance below the quote shows the provider\'s balance code', async () => {
  const cases = conformance.cases.filter(
    (c) => c.balance !== undefined && c.price_book === undefined && c.body && ['seedanceapi-v1', 'seedanceapi-v2', 'apiinone-videos'].includes(c.endpoint),
  );
  let checked = 0;
  for (const c of cases) {
    if (!(await representable(page, c.endpoint, c.body))) continue;
    await fillRequest(page, c.endpoint, c.body);
    await page.locator('details.account summary').click();
    if (!(await byLabel(page, 'Balance (credits)').isVisible())) await page.locator('details.account summary').click();
    await byLabel(page, 'Balance (credits)').fill(String(c.balance));
    assert.equal(await shownCredits(page), c.expect.credits, c.id);
    const issues = await page.locator('#issues-balance').innerText().catch(() => '');
    for (const v of c.expect.violations ?? []) {
      assert.match(issues, new RegExp(v.code.replace(/\./g, '\\.')), c.id);
      assert.match(await quoteText(page), /Refused/, c.id);
    }
    if (c.expect.ok) assert.doesNotMatch(await quoteText(page), /Refused/, c.id);
    checked += 1;
  }
  assert.ok(checked >= 3, `checked ${checked} balance cases`);
  // What is not a balance is said, and the request is checked without one.
  await fillRequest(page, 'seedanceapi-v1', { prompt: 'A paper boat' });
  for (const [typed, words] of [
    ['-5', /Not a balance: enter a whole number of credits/],
    ['1.5', /Not a balance: enter a whole number of credits/],
    // A whole number, past what the package's balance (a JavaScript number) holds.
    ['99999999999999999999', /Too large: a balance is at most 9,007,199,254,740,991 credits\./],
  ]) {
    await byLabel(page, 'Balance (credits)').fill(typed);
    assert.match(await page.locator('#issues-balance').innerText(), words, typed);
    assert.equal(await byLabel(page, 'Balance (credits)').getAttribute('aria-invalid'), 'true', typed);
    assert.equal(await shownCredits(page), 28, typed);
    assert.doesNotMatch(await quoteText(page), /Refused|Can't check/, typed);
  }
  // A whole number the number field reads, written with an exponent, is one.
  await byLabel(page, 'Balance (credits)').fill('1e1');
  assert.match(await page.locator('#issues-balance').innerText(), /INSUFFICIENT_CREDITS/);
  assert.equal(await byLabel(page, 'Balance (credits)').getAttribute('aria-invalid'), 'true');
  await byLabel(page, 'Balance (credits)').fill('1e3');
  assert.equal(await page.locator('#issues-balance').isHidden(), true);
  assert.equal(await byLabel(page, 'Balance (credits)').getAttribute('aria-invalid'), null);
  assert.equal(new URL(page.url()).searchParams.get('balance'), '1000');
  await byLabel(page, 'Balance (credits)').fill('');
  assert.equal(await page.locator('#issues-balance').isHidden(), true);
});

test('the JSON body editor checks a body as given', async () => {
  await fillRequest(page, 'seedanceapi-v1', { prompt: 'A paper boat' });
  await page.locator('#editor summary').click();
  await byLabel(page, 'Request body (JSON)').fill('{"prompt": "A paper boat", "duration": "4", "duration": "12", "durations": "8"}');
  assert.equal(await shownCredits(page), 42);
  const general = await page.locator('#issues-general').innerText();
  assert.match(general, /UNKNOWN_FIELD/);
  assert.match(await page.locator('[data-field="duration"] .issues').innerText(), /DUPLICATE_FIELD/);
  assert.equal(await byLabel(page, 'Duration').inputValue(), '12');
  // The text itself goes in the link (a duplicate key cannot be a query parameter).
  await withPage(site, page.url().slice(site.url.length), async (p) => {
    assert.equal(await shownCredits(p), 42);
    assert.match(await byLabel(p, 'Request body (JSON)').inputValue(), /"duration": "4", "duration": "12"/);
  });
  await byLabel(page, 'Request body (JSON)').fill('{"prompt": ');
  assert.match(await quoteText(page), /INVALID_JSON/);
  // The text is marked as refused, and the error is right under it and describes it.
  const editor = byLabel(page, 'Request body (JSON)');
  assert.equal(await editor.getAttribute('aria-invalid'), 'true');
  assert.match(await editor.getAttribute('aria-describedby'), /\bbody-json-error\b/);
  assert.equal(await editor.evaluate((el) => el.nextElementSibling?.id), 'body-json-error');
  assert.match(await page.locator('#body-json-error').innerText(), /INVALID_JSON/);
  await byLabel(page, 'Duration').selectOption('8');
  assert.equal(await shownCredits(page), 28);
  assert.equal(await editor.getAttribute('aria-invalid'), null);
});

test('the keyboard reaches and changes the controls', async () => {
  await fillRequest(page, 'seedanceapi-v1', { prompt: 'A paper boat' });
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.id === 'in-duration');
  }
  assert.ok(found, 'Duration is reachable with Tab');
  const before = await byLabel(page, 'Duration').inputValue();
  await page.keyboard.press('ArrowDown');
  const afterValue = await byLabel(page, 'Duration').inputValue();
  assert.notEqual(afterValue, before);
  const expected = await lib(page, 'check', 'seedanceapi-v1', { prompt: 'A paper boat', duration: afterValue });
  assert.equal(await shownCredits(page), expected.credits);
});

test('readable at 390 px and at desktop width (screenshots)', async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await fillRequest(page, 'seedanceapi-v2', {
    prompt: 'A slow dolly shot through a neon-lit street in the rain',
    model: 'seedance-2-mini',
    duration: 8,
    resolution: '1080p',
  });
  await page.evaluate(() => document.activeElement?.blur());
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, 'desktop.png') });
  await page.screenshot({ path: join(SCREENSHOTS, 'desktop-full.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Where the whole text has no room, the route alone.
  await page.waitForFunction(() => document.querySelector('#endpoint option').text === '/v1/generate', null, { timeout: 5000 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling at 390 px');
  // A closed select shows its option's text alone, cut off where it does
  // not fit: every endpoint's must fit beside the arrow.
  const cut = await page.evaluate(() => {
    const sel = document.getElementById('endpoint');
    const style = getComputedStyle(sel);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = style.font;
    const room = sel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
    return [...sel.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => o.text);
  });
  assert.deepEqual(cut, [], 'endpoint options cut off at 390 px');
  await page.screenshot({ path: join(SCREENSHOTS, 'phone.png') });
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-full.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction(() => document.querySelector('#endpoint option').text.startsWith('seedanceapi.org · Seedance 1.5 Pro'), null, { timeout: 5000 });
  assert.deepEqual(site.errors, []);
});

test('a loaded price book is labelled as loaded, whatever its name', async () => {
  const book = { schema: 'seedance-rules/price-book/v1', name: 'built-in', endpoints: { 'seedanceapi-v2': { usd_per_credit: '0.01', rows: [{ when: {}, credits: 1 }] } } };
  await withPage(site, `?endpoint=seedanceapi-v2&book=${encodeURIComponent(JSON.stringify(book))}`, async (p) => {
    assert.equal(await shownCredits(p), 1);
    assert.match(await quoteText(p), /1 credit\b/);
    assert.match(await quoteText(p), /Priced with the loaded price book/);
    assert.match(await p.locator('#explain').innerText(), /“built-in” \(loaded\)/);
  });
  // The book the page starts from has a name of its own.
  await page.locator('#book-builtin').click();
  assert.notEqual(JSON.parse(await page.locator('#book-text').inputValue()).name, 'built-in');
});

test('a loaded book with no row for the request says so, not that no price is published', async () => {
  const book = {
    schema: 'seedance-rules/price-book/v1',
    name: 'standard only',
    endpoints: { 'seedance2ai-video': { rows: [{ when: { quality_tier: 'standard' }, credits_per_second: '6' }] } },
  };
  const body = { prompt: 'A glass train crossing a snowy bridge', quality_tier: 'pro' };
  await withPage(site, `?endpoint=seedance2ai-video&body=${encodeURIComponent(JSON.stringify(body))}&book=${encodeURIComponent(JSON.stringify(book))}`, async (p) => {
    assert.equal(await shownCredits(p), null);
    const quote = await quoteText(p);
    assert.match(quote, /No row of the loaded price book “standard only” matches this request/);
    assert.doesNotMatch(quote, /publishes no price/);
    assert.match(await p.locator('#explain').innerText(), /Add a row that matches it to the loaded book/);
    const pro = p.locator('#compare tr[data-endpoint="seedance2ai-video"][data-model="pro"]');
    assert.match(await pro.innerText(), /no row of the price book matches this clip/);
  });
});

test('a link from a body without a prompt opens without one', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2', async (p) => {
    await p.locator('#editor summary').click();
    await byLabel(p, 'Request body (JSON)').fill('{"duration": 10}');
    // Then from the form, which writes the link from the body's fields.
    await byLabel(p, 'Model').selectOption('seedance-2.0-fast');
    assert.match(await quoteText(p), /INVALID_PROMPT/);
    const link = p.url();
    await withPage(site, link.slice(site.url.length), async (again) => {
      assert.match(await quoteText(again), /INVALID_PROMPT/);
    });
  });
});

test('a link whose body nests too deep in an unknown field keeps every control', async () => {
  let deep = '"leaf"';
  for (let i = 0; i < 200; i++) deep = `{"a":${deep}}`;
  await withPage(site, `?endpoint=seedanceapi-v1&body=${encodeURIComponent(`{"prompt":"hi there","x":${deep}}`)}`, async (p) => {
    assert.match(await quoteText(p), /INVALID_JSON/);
    const names = (await lib(p, 'fieldOptions', 'seedanceapi-v1', {})).map((o) => o.name);
    for (const name of names) {
      assert.equal(await p.locator(`[data-field="${name}"] :is(input, select, textarea)`).count() > 0, true, name);
    }
    assert.doesNotMatch(await p.locator('#compare-body').innerText(), /Choose a video endpoint/);
  });
});

test('Open on an endpoint that cannot make the clip carries the clip there', async () => {
  await withPage(site, '?endpoint=seedance2ai-video', async (p) => {
    const prompt = await byLabel(p, 'Prompt').inputValue();
    const row = p.locator('#compare tr.cannot[data-endpoint="seedanceapi-v2"]').first();
    const model = await row.getAttribute('data-model');
    await row.getByRole('button', { name: `Open seedanceapi-v2 ${model} in the calculator` }).click();
    assert.equal(await byLabel(p, 'Endpoint').inputValue(), 'seedanceapi-v2');
    assert.equal(await byLabel(p, 'Prompt').inputValue(), prompt);
    assert.equal(await byLabel(p, 'Model').inputValue(), model);
    assert.doesNotMatch(await quoteText(p), /INVALID_PROMPT/);
    // And why it cannot make the clip, which its body alone does not show.
    assert.equal(await p.locator('#notice').isVisible(), true);
    assert.match(await p.locator('#notice').innerText(), /seedanceapi-v2 .* cannot make the clip compared .*no audio option/);
  });
});

test('a link whose price book or balance cannot be used says so', async () => {
  for (const [query, words] of [
    ['&book=garbage', /price book could not be loaded.*built-in tables/],
    ['&balance=abc', /balance \(abc\) is not a whole number/],
    ['&balance=99999999999999999999', /balance \(99999999999999999999\) is more than 9,007,199,254,740,991 credits/],
  ]) {
    await withPage(site, `?endpoint=seedanceapi-v2${query}`, async (p) => {
      assert.equal(await p.locator('#notice').isVisible(), true, query);
      assert.match(await p.locator('#notice').innerText(), words);
      // The page goes on: choosing another endpoint takes the notice away.
      await byLabel(p, 'Endpoint').selectOption('seedanceapi-v1');
      assert.equal(await p.locator('#notice').isHidden(), true, query);
    });
  }
});

test('after Back, the address says what the page shows', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2&duration=5', async (p) => {
    await p.evaluate(() => { location.hash = '#book'; });
    await byLabel(p, 'Duration').selectOption('10');
    // A change keeps the fragment the address has.
    assert.equal(new URL(p.url()).hash, '#book');
    await p.goBack();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('duration') === '10');
    assert.equal(await byLabel(p, 'Duration').inputValue(), '10');
  });
});

test('a change of endpoint carries the request over as far as the endpoint takes it', async () => {
  const img = 'https://example.com/first-frame.png';
  const body = { prompt: 'A red kite over the dunes', model: 'seedance-2.0', duration: 10, resolution: '1080p', images: [img], callback_url: 'https://example.com/hook', public: true };
  await withPage(site, `?endpoint=seedanceapi-v2&body=${encodeURIComponent(JSON.stringify(body))}`, async (p) => {
    await byLabel(p, 'Endpoint').selectOption('seedance2ai-video');
    const held = await heldBody(p);
    assert.equal(held.prompt, body.prompt);
    // The duration as this endpoint writes it, and the image where it takes one, in the mode that takes it.
    assert.equal(held.duration, '10');
    assert.equal(held.image_url, img);
    assert.equal(held.mode, 'image-to-video');
    // What the endpoint has no field for, or does not take, is named.
    const said = await p.locator('#notice').innerText();
    assert.match(said, /callback_url, public \(seedance2ai-video has no such field\)/);
    assert.doesNotMatch(said, /prompt|duration|images/);
    // Every field carried over is one the endpoint takes as it is.
    assert.deepEqual((await lib(p, 'check', 'seedance2ai-video', held)).violations, []);
  });
});

test('Back after a change of endpoint returns to the request as it was, and Forward to the new one', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2&duration=5&prompt=A+kite', async (p) => {
    await byLabel(p, 'Endpoint').selectOption('seedanceapi-v1');
    await byLabel(p, 'Aspect ratio').selectOption('1:1');
    const there = p.url();
    await p.goBack();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'seedanceapi-v2');
    assert.equal(await byLabel(p, 'Endpoint').inputValue(), 'seedanceapi-v2');
    assert.equal(await byLabel(p, 'Duration').inputValue(), '5');
    assert.equal(await byLabel(p, 'Prompt').inputValue(), 'A kite');
    assert.equal(await shownCredits(p), await lib(p, 'quote', 'seedanceapi-v2', { prompt: 'A kite', duration: 5 }));
    await p.goForward();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'seedanceapi-v1');
    assert.equal(p.url(), there);
    assert.equal(await byLabel(p, 'Aspect ratio').inputValue(), '1:1');
    assert.equal(await byLabel(p, 'Prompt').inputValue(), 'A kite');
  });
});

test('a change of endpoint: the clip as it was to be made, lists in part, names as the endpoint spells them, the prompt as written', async () => {
  const imgs = ['https://example.com/a.png', 'https://example.com/b.png', 'https://example.com/c.png'];
  const cases = [
    // Three images where one is taken: said.
    ['seedanceapi-v2', { prompt: 'A red kite', duration: 10, images: imgs }, 'seedance2ai-video', { image_url: imgs[0] }, /images \(only 1 of 3 taken here\)/],
    // The same field spelt otherwise, and the balance not in the way.
    ['seedanceapi-v1', { prompt: 'A red kite', duration: '12', resolution: '720p', generate_audio: true }, 'apiinone-videos', { duration: '12', generateAudio: true }, null],
    // Audio on by default there is the clip asked for.
    ['seedance2ai-video', { prompt: 'A red kite', duration: '8' }, 'seedanceapi-v1', { generate_audio: true, duration: '8' }, null],
    // A prompt too short here is still the user's.
    ['seedanceapi-v2', { prompt: 'ab', duration: 5 }, 'seedance2ai-video', { prompt: 'ab' }, null],
  ];
  for (const [from, body, to, want, said] of cases) {
    await withPage(site, `?endpoint=${from}&balance=30&body=${encodeURIComponent(JSON.stringify(body))}`, async (p) => {
      await byLabel(p, 'Endpoint').selectOption(to);
      const held = await heldBody(p);
      for (const [k, v] of Object.entries(want)) assert.deepEqual(held[k], v, `${from} -> ${to}: ${k}`);
      const notice = await p.locator('#notice').innerText();
      if (said) assert.match(notice, said);
      else assert.equal(notice, '', `${from} -> ${to}`);
    });
  }
});

test('a run of endpoint changes (arrow keys on the select) carries from the request before it, and is one history entry', async () => {
  const body = { prompt: 'A red kite', model: 'seedance-2-mini', duration: 15, resolution: '1080p', images: ['https://example.com/a.png'], reference_video_urls: ['https://example.com/v.mp4'], callback_url: 'https://example.com/hook' };
  await withPage(site, `?endpoint=seedanceapi-v2&body=${encodeURIComponent(JSON.stringify(body))}`, async (p) => {
    const start = await p.evaluate(() => history.length);
    const select = byLabel(p, 'Endpoint');
    await select.focus();
    for (let i = 0; i < 4; i++) await p.keyboard.press('ArrowDown');
    assert.notEqual(await select.inputValue(), 'seedanceapi-v2');
    for (let i = 0; i < 4; i++) await p.keyboard.press('ArrowUp');
    assert.equal(await select.inputValue(), 'seedanceapi-v2');
    assert.deepEqual(await heldBody(p), body);
    // Back where it started, the page went back to its entry (the run's is
    // the one after, and the next change takes its place).
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'seedanceapi-v2');
    assert.equal(await p.evaluate(() => history.length), start + 1);
    // An edit ends the run: the next change carries from the edited request.
    await byLabel(p, 'Prompt').fill('A blue kite');
    await select.selectOption('seedanceapi-v1');
    assert.equal((await heldBody(p)).prompt, 'A blue kite');
    assert.equal(await p.evaluate(() => history.length), start + 1);
    await p.goBack();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'seedanceapi-v2');
    assert.equal(await byLabel(p, 'Prompt').inputValue(), 'A blue kite');
  });
});

test('Back to a request whose JSON text did not parse shows that text, and a form of its own', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2&prompt=A+kite&duration=5', async (p) => {
    await p.locator('#editor summary').click();
    const text = '{"prompt":"Edited in JSON","duration":15,';
    await byLabel(p, 'Request body (JSON)').fill(text);
    await byLabel(p, 'Endpoint').selectOption('seedance2ai-nano-banana-pro');
    assert.match(await p.locator('#notice').innerText(), /not a request the form can hold: the request carried over is the last one that was/);
    assert.equal((await heldBody(p)).prompt, 'A kite');
    await p.goBack();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'seedanceapi-v2');
    assert.equal(await byLabel(p, 'Request body (JSON)').inputValue(), text);
    assert.match(await quoteText(p), /INVALID_JSON/);
    // Not the image endpoint's resolution, which v2 does not have.
    assert.equal(await byLabel(p, 'Resolution').inputValue(), '');
    assert.equal(await p.locator('#notice').innerText(), '');
  });
});

test('Open on the row of the request as it stands adds no history entry; Back and Forward keep the focused control', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2&model=seedance-2.0&prompt=Kite&duration=5', async (p) => {
    const start = await p.evaluate(() => history.length);
    // The row of this request is this request: kept as written, no new entry.
    const written = await byLabel(p, 'Request body (JSON)').inputValue();
    const open = () => p.locator('#compare tr.current').first().getByRole('button', { name: /^Open / }).click();
    await open();
    await open();
    assert.equal(await p.evaluate(() => history.length), start);
    assert.equal(await byLabel(p, 'Request body (JSON)').inputValue(), written);
    await byLabel(p, 'Endpoint').selectOption('seedanceapi-v1');
    await byLabel(p, 'Prompt').focus();
    await p.goBack();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'seedanceapi-v2');
    await p.waitForFunction(() => document.activeElement?.id === 'in-prompt');
    // Also where the address has a fragment, whose handling moves the focus.
    await p.evaluate(() => { location.hash = '#book'; });
    await byLabel(p, 'Endpoint').selectOption('seedanceapi-v1');
    await byLabel(p, 'Prompt').focus();
    await p.goBack();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'seedanceapi-v2');
    await p.waitForFunction(() => document.activeElement?.id === 'in-prompt');
    // Open on this request's row while it is held as JSON text: kept as written.
    await p.locator('#editor summary').click();
    const text = `${await byLabel(p, 'Request body (JSON)').inputValue()} `;
    await byLabel(p, 'Request body (JSON)').fill(text);
    const length = await p.evaluate(() => history.length);
    await open();
    assert.equal(await p.evaluate(() => history.length), length);
    assert.equal(await byLabel(p, 'Request body (JSON)').inputValue(), text);
  });
});

test('a run of endpoint changes that comes back where it started leaves no entry of its own', async () => {
  await withPage(site, '?endpoint=seedanceapi-v1&prompt=First+page', async (p) => {
    await p.goto(`${site.url}?endpoint=apiinone-videos&prompt=Second+page`);
    await p.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const select = byLabel(p, 'Endpoint');
    await select.focus();
    await p.keyboard.press('ArrowUp');
    await p.keyboard.press('ArrowDown');
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'apiinone-videos');
    assert.equal(await byLabel(p, 'Prompt').inputValue(), 'Second page');
    // A change right after it is a run of its own, Back from which is this page.
    await p.keyboard.press('ArrowUp');
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') !== 'apiinone-videos');
    await p.goBack();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'apiinone-videos');
    // And Back from this page is the page before it, not this one again.
    await p.goBack();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('prompt') === 'First page');
  });
});

test('Back and Forward over edited JSON text: each entry shows its own body, and the quote is of that body', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2', async (p) => {
    const quoted = async () => {
      const endpoint = await byLabel(p, 'Endpoint').inputValue();
      const text = await byLabel(p, 'Request body (JSON)').inputValue();
      const report = await lib(p, 'checkJson', endpoint, text);
      return { endpoint, text, credits: await shownCredits(p), want: report.ok ? report.credits : null };
    };
    await p.locator('#editor summary').click();
    const mine = '{"prompt":"My own v2 prompt","model":"seedance-2-mini","duration":5,"aspect_ratio":"9:16"}';
    await byLabel(p, 'Request body (JSON)').fill(mine);
    await byLabel(p, 'Endpoint').selectOption('seedanceapi-v1');
    const there = await quoted();
    await p.goBack();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'seedanceapi-v2');
    const back = await quoted();
    assert.equal(back.text, mine);
    assert.equal(back.credits, back.want);
    await p.goForward();
    await p.waitForFunction(() => new URLSearchParams(location.search).get('endpoint') === 'seedanceapi-v1');
    const forward = await quoted();
    assert.notEqual(forward.text, mine);
    assert.deepEqual(JSON.parse(forward.text), JSON.parse(there.text));
    assert.equal(forward.credits, forward.want);
  });
});

test('a change of endpoint: defaults of an invalid request, same-label fields, inputs that do not go together, and notices said right', async () => {
  const withBody = (endpoint, body, fn) => withPage(site, `?endpoint=${endpoint}&body=${encodeURIComponent(JSON.stringify(body))}`, fn);
  // A prompt too short does not change the clip carried: audio on by default there.
  await withBody('seedance2ai-video', { mode: 'text-to-video', prompt: 'ab' }, async (p) => {
    await byLabel(p, 'Endpoint').selectOption('apiinone-videos');
    assert.equal((await heldBody(p)).generateAudio, true);
  });
  // An aspect ratio goes where the endpoint shows one; a video that cannot go with the image is said as such.
  await withBody('seedanceapi-v2', { prompt: 'A fox', model: 'seedance-2.0', duration: 5, aspect_ratio: '21:9', images: ['https://a.example/1.png'], reference_video_urls: ['https://a.example/v.mp4'] }, async (p) => {
    await byLabel(p, 'Endpoint').selectOption('seedance2ai-video');
    assert.match(await p.locator('#notice').innerText(), /reference_video_urls \(not taken here as given, or not with the rest of the request\)/);
    await byLabel(p, 'Endpoint').selectOption('seedance2ai-nano-banana-pro');
    assert.equal((await heldBody(p)).image_size, '21:9');
    // An edit moves the page on: the notice goes.
    await byLabel(p, 'Prompt').fill('A red fox');
    assert.equal(await p.locator('#notice').innerText(), '');
  });
  // Text that parses but is not a request object is said, not carried silently.
  await withPage(site, '?endpoint=seedanceapi-v2&prompt=A+kite', async (p) => {
    await p.locator('#editor summary').click();
    await byLabel(p, 'Request body (JSON)').fill('[{"prompt":"array"}]');
    await byLabel(p, 'Endpoint').selectOption('seedanceapi-v1');
    assert.match(await p.locator('#notice').innerText(), /not a request the form can hold/);
    assert.equal((await heldBody(p)).prompt, 'A kite');
  });
  // What a comparison wrote is not named as the user's.
  await withPage(site, '?endpoint=seedanceapi-v2&model=seedance-2-mini&duration=8&prompt=Kite', async (p) => {
    await p.locator('#compare tr[data-endpoint="seedanceapi-v1"]').first().getByRole('button', { name: /^Open / }).click();
    // Also after a reload: the entry keeps what the page wrote.
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await byLabel(p, 'Endpoint').selectOption('seedance2ai-gpt-image-2');
    assert.doesNotMatch(await p.locator('#notice').innerText(), /generate_audio/);
  });
});

test('a reload in a run of endpoint changes goes on with it', async () => {
  const body = { prompt: 'A red kite', model: 'seedance-2-mini', duration: 7, resolution: '480p' };
  await withPage(site, `?endpoint=seedanceapi-v2&body=${encodeURIComponent(JSON.stringify(body))}`, async (p) => {
    await byLabel(p, 'Endpoint').selectOption('apiinone-videos');
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await byLabel(p, 'Endpoint').selectOption('seedanceapi-v2');
    assert.deepEqual(await heldBody(p), body);
  });
});

test('a field left shows the body\'s value: a list of only a typed newline is shown empty', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2&prompt=A+kite', async (p) => {
    const images = byLabel(p, 'Images');
    await images.click();
    await p.keyboard.press('Enter');
    assert.equal(await images.inputValue(), '\n');
    await byLabel(p, 'Prompt').focus();
    assert.equal(await images.inputValue(), '');
    assert.equal(Object.hasOwn(await heldBody(p), 'images'), false);
  });
});

test('an endpoint without a model field shows its model whole, labelled Model', async () => {
  await withPage(site, '?endpoint=seedance2ai-video', async (p) => {
    for (const width of [1280, 390]) {
      await p.setViewportSize({ width, height: 900 });
      const model = byLabel(p, 'Model');
      assert.equal(await model.innerText(), (await lib(p, 'describe', 'seedance2ai-video')).models);
      // Its text wraps inside the box rather than being cut off.
      const box = await model.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        const own = el.getBoundingClientRect();
        return { inside: text.right <= own.right && text.bottom <= own.bottom, readonly: el.getAttribute('aria-readonly') };
      });
      assert.deepEqual(box, { inside: true, readonly: 'true' }, `at ${width} px`);
    }
  });
});

/** The body the page holds, as its JSON editor shows it. */
async function heldBody(p) {
  return JSON.parse(await p.locator('#body-json').inputValue());
}

test('Open keeps your own image, callback and aspect ratio where the endpoint takes them, and says what it left', async () => {
  const query = '?endpoint=seedanceapi-v2&model=seedance-2.0&duration=5&images=https://my.cdn.example/cat.png&aspect_ratio=9:16&callback_url=https://my.site.example/hook&prompt=My%20cat%20dancing';
  await withPage(site, query, async (p) => {
    const row = p.locator('#compare tr[data-endpoint="seedanceapi-v2"][data-model="seedance-2-mini"]').first();
    const rowCredits = await row.locator('.credits-cell').innerText();
    await row.getByRole('button', { name: /^Open seedanceapi-v2 / }).click();
    const body = await heldBody(p);
    assert.deepEqual(body.images, ['https://my.cdn.example/cat.png']);
    assert.equal(body.aspect_ratio, '9:16');
    assert.equal(body.callback_url, 'https://my.site.example/hook');
    assert.equal(body.model, 'seedance-2-mini');
    // The request opened is priced as the row was.
    assert.equal(String(await shownCredits(p)), rowCredits);

    // seedanceapi-v1 takes the image as `image_urls`, and the callback and
    // the aspect ratio under the same names (an 8 s clip, which it makes).
    await withPage(site, query.replace('model=seedance-2.0&duration=5', 'model=seedance-2-mini&duration=8'), async (p1) => {
      const v1 = p1.locator('#compare tr[data-endpoint="seedanceapi-v1"]').first();
      await v1.getByRole('button', { name: /^Open seedanceapi-v1 / }).click();
      const b1 = await heldBody(p1);
      assert.deepEqual(b1.image_urls, ['https://my.cdn.example/cat.png']);
      assert.equal(b1.callback_url, 'https://my.site.example/hook');
      assert.equal(b1.aspect_ratio, '9:16');
      assert.equal(await p1.locator('#notice').isVisible(), false, await p1.locator('#notice').innerText());
    });
  });
});

test('over the balance, a compared row says so, and the caption says the order', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2&model=seedance-2.0&duration=5&balance=100', async (p) => {
    const caption = await p.locator('#compare caption').innerText();
    assert.match(caption, /fewest credits first; then those with no price; then those over your balance, fewest credits first; then those refused/);
    // The rows over the balance come first of the refused.
    const notes = await p.locator('#compare tr.cannot .notes').allInnerTexts();
    const over = notes.map((n) => /^Over your balance: /.test(n));
    assert.ok(over.includes(true) && over.includes(false), JSON.stringify(notes));
    assert.equal(over.lastIndexOf(true), over.filter(Boolean).length - 1, JSON.stringify(notes));
    const first = p.locator('#compare tr.cannot', { hasText: 'INSUFFICIENT_CREDITS' }).first();
    assert.match(await first.locator('.notes').innerText(), /^Over your balance: /);
    assert.doesNotMatch(await first.locator('.notes').innerText(), /Can't make this clip/);
  });
});

test('the quote is written again only when what it says changes', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2&duration=5', async (p) => {
    await p.evaluate(() => {
      window.quoteChanges = 0;
      new MutationObserver((m) => { window.quoteChanges += m.length; }).observe(document.getElementById('quote'), { childList: true, subtree: true, characterData: true });
    });
    await byLabel(p, 'Prompt').pressSequentially(' and more', { delay: 5 });
    assert.equal(await p.evaluate(() => window.quoteChanges), 0);
    await byLabel(p, 'Duration').selectOption('10');
    assert.ok((await p.evaluate(() => window.quoteChanges)) > 0);
  });
});

test('small things said plainly: an empty book, an unused input left empty, a body that is not JSON', async () => {
  await withPage(site, '?endpoint=seedance2ai-video', async (p) => {
    await byLabel(p, 'Price book JSON').fill('  ');
    await p.getByRole('button', { name: 'Load price book' }).click();
    assert.equal(await p.locator('#book-error').innerText(), 'Nothing to load: paste a price book above, or choose a file.');
    // Text-to-video does not use the end image; left empty, there is no warning to see.
    const hints = await p.locator('#fields .hint .note').allInnerTexts();
    assert.ok(hints.includes('Not used by this request.'), hints.join(' | '));
    assert.ok(!hints.some((h) => /see the warning/.test(h)), hints.join(' | '));
    await p.locator('#editor summary').click();
    await p.locator('#body-json').fill('{"prompt": "x",,}');
    assert.match(await p.locator('#normalized-code').innerText(), /cannot be checked/);
    // Three elements of one list breaking one rule: three violations, one pair named.
    const body = JSON.stringify({ prompt: 'x', images: ['ftp://a.example/1.png', 'ftp://a.example/2.png', 'ftp://a.example/3.png'] });
    await withPage(site, `?endpoint=seedanceapi-v2&body=${encodeURIComponent(body)}`, async (v2) => {
      assert.match(await quoteText(v2), /3 violations, of 1 kind: \S+ \(images\)/);
    });
  });
});

test('a price book too large for the link is kept by the tab on reload, and missed elsewhere', async () => {
  await withPage(site, '?endpoint=seedanceapi-v2', async (p) => {
    await p.getByRole('button', { name: 'Start from the built-in book' }).click();
    await p.getByRole('button', { name: 'Load price book' }).click();
    assert.match(await p.locator('#book-state').innerText(), /too large to go in the link: this tab keeps it/);
    assert.equal(new URL(p.url()).searchParams.get('book'), '@tab');
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.match(await p.locator('#book-state').innerText(), /Prices: the price book “my price list/);
    assert.equal(await p.locator('#notice').isVisible(), false);
    // A copy of the link in another tab has no such book, and says so.
    await withPage(site, new URL(p.url()).search, async (other) => {
      assert.match(await other.locator('#notice').innerText(), /kept only by the browser tab that loaded it/);
      assert.equal(await other.locator('#book-state').innerText(), 'Prices: the built-in tables.');
    });
    // A book past what the browser keeps for a tab (about 5 million
    // characters) replaces the kept one, and says a reload loses it: the
    // reload must not bring back the book it replaced.
    await p.evaluate(() => {
      const book = JSON.parse(document.getElementById('book-text').value);
      book.name = 'too large to keep';
      book.endpoints['seedanceapi-v2'].note = { decision: 'x'.repeat(6_000_000) };
      document.getElementById('book-text').value = JSON.stringify(book);
    });
    await p.getByRole('button', { name: 'Load price book' }).click();
    assert.match(await p.locator('#book-state').innerText(), /“too large to keep”.*the browser would not keep it for this tab/s);
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.equal(await p.locator('#book-state').innerText(), 'Prices: the built-in tables.');
    assert.match(await p.locator('#notice').innerText(), /kept only by the browser tab that loaded it/);
    await p.getByRole('button', { name: 'Start from the built-in book' }).click();
    await p.getByRole('button', { name: 'Load price book' }).click();
    // Using the built-in prices again forgets it.
    await p.getByRole('button', { name: /built-in prices/i }).click();
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.equal(await p.locator('#book-state').innerText(), 'Prices: the built-in tables.');
  });
});

test('a module that does not load is the page\'s own error, not a page left loading', async () => {
  for (const answer of [
    (route) => route.fulfill({ status: 404, body: 'not here' }),
    // Cut short: the first bytes of the module only.
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.body()).subarray(0, 50_000) });
    },
  ]) {
    const page = await site.context.newPage();
    try {
      await page.route('**/*.wasm', answer);
      await page.goto(site.url + '?endpoint=seedanceapi-v2');
      await page.locator('#fatal').waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await page.locator('#fatal').innerText(), /^The calculator could not start: /);
      assert.equal(await page.locator('#quote').innerText(), 'Unavailable');
      assert.equal(await page.locator('#main').getAttribute('aria-busy'), 'false');
    } finally {
      await page.close();
    }
  }
});

test('a balance typed while the rules load counts, and the book\'s buttons wait for them', async () => {
  const page = await site.context.newPage();
  try {
    let release;
    const held = new Promise((ok) => {
      release = ok;
    });
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site.url + '?endpoint=seedanceapi-v2');
    assert.equal(await page.locator('#book-load').isDisabled(), true);
    await page.locator('details:has(#balance) summary').click();
    await page.locator('#balance').fill('5');
    release();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
    assert.equal(await page.locator('#book-load').isDisabled(), false);
    assert.equal(await page.locator('#balance').inputValue(), '5');
    assert.match(await page.locator('#issues-balance').innerText(), /INSUFFICIENT_CREDITS/);
  } finally {
    await page.close();
  }
});

test('the example book prices seedance2ai.io, which the built-in tables leave unpriced', async () => {
  await withPage(site, '?endpoint=seedance2ai-video', async (p) => {
    assert.match(await quoteText(p), /no published price/i);
    await p.getByRole('button', { name: 'Start from an example book' }).click();
    await p.waitForFunction(() => document.getElementById('book-text').value.includes('seedance2ai-video'));
    const text = await p.locator('#book-text').inputValue();
    assert.equal(text, readFileSync(join(REPO, 'examples', 'price-book.json'), 'utf8'));
    await p.getByRole('button', { name: 'Load price book' }).click();
    await p.waitForFunction(() => /credits/.test(document.getElementById('quote').innerText));
    // 6 credits a second for the default 5 s, marked up 6/5: ceil(30 × 6/5) = 36.
    assert.equal(await shownCredits(p), 36, await quoteText(p));
  });
});

test('the rules table names a single allowed value alone, several as a choice', async () => {
  await withPage(site, '?endpoint=seedance2ai-gpt-image-2', async (p) => {
    await p.locator('#rules summary').click();
    const checks = await p.locator('#rules-body tbody tr').evaluateAll((rows) =>
      rows.filter((r) => r.cells.length === 5).map((r) => [r.cells[1].innerText, r.cells[2].innerText]));
    const auto = checks.find(([when]) => /aspectRatio.*auto/.test(when));
    assert.equal(auto?.[1], '1K', JSON.stringify(checks));
    assert.ok(checks.some(([, check]) => /^one of .+, /.test(check)), JSON.stringify(checks));
  });
});
