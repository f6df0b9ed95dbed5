// The browser entry (the `browser` export condition): it fetches the .wasm
// beside it (new URL(.., import.meta.url)) and initializes with a top-level
// await, so importing it is enough. Node's fetch has no file: URLs, so the
// child process gets a small fetch for them (fixtures/file-fetch.mjs), as a
// static server would answer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

test('the browser entry initializes itself on import', () => {
  const out = execFileSync(
    process.execPath,
    ['--conditions=browser', '--import', join(here, 'fixtures', 'file-fetch.mjs'), join(here, 'fixtures', 'browser-entry.mjs')],
    { cwd: here, encoding: 'utf8' },
  );
  const seen = JSON.parse(out);
  assert.match(seen.fetched, /seedance_rules_bg\.wasm$/);
  assert.match(seen.entry, /browser\.js$/);
  assert.equal(seen.credits, 246);
  assert.equal(seen.endpoints, 6);
  assert.equal(seen.afterPanic, 'INTERNAL');
  assert.equal(seen.afterRecovery, 480);
});
