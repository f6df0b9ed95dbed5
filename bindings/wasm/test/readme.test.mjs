// The README's examples run, and print what their comments say.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, compare, loadPriceBook, quote } from 'seedance-rules';

const here = dirname(fileURLToPath(import.meta.url));
// The README as installed with the package.
const pkgJson = createRequire(import.meta.url).resolve('seedance-rules/package.json');
const readme = readFileSync(join(dirname(pkgJson), 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(js|html)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }));

/**
 * Runs the README's first `js` block holding `marker` as a module of its
 * own: the lines it prints, and what the comments of its `console.log`
 * lines say they print.
 */
function runExample(marker, name) {
  const { code } = blocks.find((b) => b.lang === 'js' && b.code.includes(marker));
  const file = join(here, name);
  writeFileSync(file, code);
  const printed = execFileSync(process.execPath, [file], { cwd: here, encoding: 'utf8' }).trim().split('\n');
  const said = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
  return { printed, said };
}

test('the Node example prints what its comments say', () => {
  const { printed, said } = runExample("from 'seedance-rules'", 'readme-node-example.mjs');
  assert.equal(printed.length, said.length);
  assert.equal(printed[0], said[0]);
  assert.ok(said[1].startsWith(printed[1]), `${printed[1]} / ${said[1]}`);
});

test('the JSON Schema example prints what its comments say', () => {
  const { printed, said } = runExample('seedance-rules/schemas/', 'readme-schema-example.mjs');
  assert.deepEqual(printed, said);
});

test('CommonJS loads the package as the README says', () => {
  assert.match(readme, /from CommonJS, `await import\('seedance-rules'\)`,\nor `require\('seedance-rules'\)`/);
  const file = join(here, 'readme-commonjs-example.cjs');
  const credits = "console.log(m.check('seedanceapi-v2', { prompt: 'x', duration: 10 }).credits);";
  const run = (code) => {
    writeFileSync(file, code);
    return execFileSync(process.execPath, [file], { cwd: here, encoding: 'utf8' }).trim();
  };
  assert.equal(run(`import('seedance-rules').then((m) => { ${credits} });`), '480');
  // Where Node loads ES modules by `require` (20.19+, 22.12+).
  if (process.features.require_module) assert.equal(run(`const m = require('seedance-rules');\n${credits}`), '480');
});

test('the browser example computes what its comment says', () => {
  const { code } = blocks.find((b) => b.lang === 'html');
  const call = /const report = (check\(.*\));/.exec(code)[1];
  const report = new Function('check', `return ${call}`)(check);
  const said = /\/\/ (\d+) credits \(([\d.]+) USD\)/.exec(code);
  assert.equal(report.credits, Number(said[1]));
  assert.equal(report.usd, said[2]);
});

test('the price book example computes what its comment says', () => {
  const { code } = blocks.find((b) => b.code.includes('loadPriceBook('));
  const said = Number(/\/\/ (\d+)\s*$/.exec(code)[1]);
  const body = code.replace(/check\(/, 'return check(').replace(/\/\/ \d+\s*$/, '');
  assert.equal(new Function('check', 'loadPriceBook', body)(check, loadPriceBook), said);
});

test('the quote example computes what its comments say', () => {
  const { code } = blocks.find((b) => b.code.includes('quote('));
  const lines = [...code.matchAll(/^\s*(quote\(.*\)); \/\/ (.*)$/gm)];
  assert.equal(lines.length, 2);
  for (const [, call, said] of lines) {
    assert.equal(new Function('quote', `return ${call}`)(quote), JSON.parse(said), call);
  }
});

test('compare reads a duration past 2^32 - 1 as the README and index.d.ts say', () => {
  // The text without its line breaks (and the `*` that opens a doc comment's lines).
  const flat = (text) => text.replace(/\n\s*\*?/g, ' ').replace(/\s+/g, ' ');
  const dts = readFileSync(join(dirname(pkgJson), 'index.d.ts'), 'utf8');
  assert.ok(flat(readme).includes('One above 2^32 − 1 is read as 4294967295, as `seedance compare --duration` reads it'), 'README.md');
  assert.ok(flat(dts).includes('One above 2^32 − 1 is read as 4294967295, as the CLI reads it'), 'index.d.ts');
  const rows = compare({ duration: 2 ** 32 + 5, resolution: '720p' });
  assert.ok(rows.every((r) => !r.ok && JSON.stringify(r.body).includes('4294967295')), JSON.stringify(rows));
});
