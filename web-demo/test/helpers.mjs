// Shared by the browser tests: the static server on a free port and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..');
export const REPO = resolve(ROOT, '..');
export const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(here, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the server on dist/ and Chromium with a fresh profile. */
export async function startSite() {
  const { server, url } = await startServer({ root: DIST, port: 0, host: '127.0.0.1' });
  const userDataDir = mkdtempSync(join(tmpdir(), 'seedance-web-demo-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 60_000,
    });
  } catch (e) {
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  // Anything that is not our own server is a bug: the page must work offline.
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(url) || u.startsWith('data:')) return route.continue();
    return route.abort();
  });
  const errors = [];
  const stop = async () => {
    await context.close().catch(() => {});
    await new Promise((ok) => server.close(ok));
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { url, context, errors, stop };
}

/** A new page that records console errors and uncaught exceptions. */
export async function openPage(site, path = '') {
  const page = await site.context.newPage();
  page.on('pageerror', (e) => site.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') site.errors.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => site.errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(site.url + path);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  return page;
}

/** The text of the quote (the role=status element). */
export async function quoteText(page) {
  return (await page.getByRole('status').innerText()).replace(/\s+/g, ' ').trim();
}

/** The credits shown in the quote, or null when none is shown. */
export async function shownCredits(page) {
  const m = /(\d+) credits?\b/.exec(await quoteText(page));
  return m ? Number(m[1]) : null;
}

/**
 * Runs `fn` on a new page opened at `path` (see `openPage`), and closes the
 * page however `fn` ends. Returns what `fn` returns.
 */
export async function withPage(site, path, fn) {
  const page = await openPage(site, path);
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}
