// A driver for `valgrind --tool=callgrind`: runs one path of the JavaScript
// benchmark a number of times, so that its instructions can be counted free
// of the noise of a shared machine (benches/scripts/js-instructions.sh).
//
//   node --expose-gc --no-liftoff --no-concurrent-recompilation count.mjs <path> <rounds> [endpoint]
//
// The path is first warmed up alone on every body, as an application that
// uses one library would run it (what else a process has run changes what
// V8 makes of a function: zod's counts moved by a third when every path
// was warmed up in every run); then `rounds` calls of it on the endpoint's
// body. A run of 0 rounds is the path's baseline. The V8 flags compile the module
// and the hot JavaScript with the optimizing compilers at once, on the main
// thread: without them, under valgrind, the background compilers lag, and a
// count would mix the tiers. `--expose-gc` lets it collect the warm-up's
// garbage before the counted calls (without it, that collection is skipped).
//
// Paths, from an object: `check`, `quote`, `zod` (zod 4 + price), `ajv`
// (all errors + price). The parts of `check`, one step each:
// `stringify` (`JSON.stringify` of the body, which `check` and `quote` do
// first), `module-quote` and `module-check` (the module's own export, the
// body's text in: the credits' digits out, or the report's text), and
// `parse-report` (`JSON.parse` of that text). From the body's text: `parse`
// (`JSON.parse` alone, the floor of bench.mjs).

import { check, quote } from 'seedance-rules';

import { ajvCheck, bodies, zodCheck } from './peers.mjs';

// The package's module itself: the instance its entry initialized (the
// same file, so the same module), whose `check` api.js hands its entries.
const wasm = (await import(new URL('api.js', import.meta.resolve('seedance-rules')).href)).default;

const PATHS = {
  check: (e, o) => check(e, o).credits,
  quote: (e, o) => quote(e, o),
  zod: (e, o) => zodCheck(e, o).credits,
  ajv: (e, o) => ajvCheck(e, o).credits,
  stringify: (_, o) => JSON.stringify(o).length,
  'module-quote': (e, _o, text) => wasm.check(0, e, text, undefined, true),
  'module-check': (e, _o, text) => wasm.check(0, e, text, undefined, false),
  'parse-report': (_e, _o, _t, report) => JSON.parse(report).ok,
  parse: (_, _o, text) => JSON.parse(text).prompt,
};

const [path, roundsArg, only] = process.argv.slice(2);
const run = PATHS[path];
const rounds = Number(roundsArg ?? 0);
if (run === undefined || !Number.isSafeInteger(rounds) || rounds < 0) {
  process.stderr.write(`usage: count.mjs <${Object.keys(PATHS).join('|')}> <rounds> [endpoint]\n`);
  process.exit(2);
}
const cases = bodies.valid.map(({ endpoint, text }) => [
  endpoint,
  JSON.parse(text),
  text,
  wasm.check(0, endpoint, text, undefined, false),
]);

const target = cases.find(([endpoint]) => endpoint === (only ?? cases[0][0]));
if (target === undefined) {
  process.stderr.write(`no benchmark body for \`${only}\`\n`);
  process.exit(2);
}
let sink = 0;
for (let i = 0; i < 500; i++) for (const c of cases) sink += run(...c) ? 1 : 0;
// A full collection first: what the warm-up left is not collected during
// the rounds (the rounds' own garbage is, and is counted).
globalThis.gc?.();
for (let i = 0; i < rounds; i++) sink += run(...target) ? 1 : 0;
if (sink < 0) console.log(sink);
