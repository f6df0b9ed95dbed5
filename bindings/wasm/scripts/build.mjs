// Builds the npm package `seedance-rules` into bindings/wasm/pkg/.
//
//   npm --prefix bindings/wasm run build
//
// Installs what it lacks first: the wasm32 target (rustup), wasm-bindgen-cli
// at exactly the version `Cargo.toml` pins the `wasm-bindgen` crate to
// (`cargo install --locked`), and the npm devDependencies (binaryen's
// wasm-opt, terser, TypeScript). Then: cargo build (profile `wasm`),
// wasm-bindgen (`--target web`, with the reset-state function the glue uses
// to survive a trap), wasm-opt -Oz, and the hand-written entries, types and
// README; the glue's copy of strings into the module is patched to use
// `TextEncoder.encodeInto` (`fastStrings`), the code of the glue that the
// package never runs is left out (`leanInit`, `withoutDeadCode`; all three
// in scripts/glue.mjs), and the shipped JavaScript is minified by terser.
// Last, the JSON Schemas, written by the CLI (`seedance schema`, a native
// debug build) into pkg/schemas/.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fastStrings, leanInit, withoutDeadCode } from './glue.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = resolve(here, '..');
const root = resolve(wasmDir, '..', '..');
const pkg = join(wasmDir, 'pkg');
const target = 'wasm32-unknown-unknown';
const profile = 'wasm';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function log(message) {
  process.stdout.write(`seedance-rules build: ${message}\n`);
}

function run(cmd, args, options = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.error) throw new Error(`${cmd} could not be started: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/** The output of a command, or null when it cannot be run. */
function output(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

// The exact wasm-bindgen version the crate is pinned to: the CLI must match it.
const manifest = readFileSync(join(wasmDir, 'Cargo.toml'), 'utf8');
const pin = /^wasm-bindgen\s*=\s*\{[^}]*version\s*=\s*"=([0-9.]+)"/m.exec(manifest);
if (!pin) throw new Error('bindings/wasm/Cargo.toml must pin wasm-bindgen exactly (version = "=X.Y.Z")');
const bindgenVersion = pin[1];

// The package version is the workspace's.
const workspace = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const version = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(workspace)?.[1];
if (!version) throw new Error('no version in [workspace.package] of the root Cargo.toml');

// 1. The toolchain target.
const installed = output('rustup', ['target', 'list', '--installed']);
if (installed === null) {
  log('rustup not found; assuming the toolchain has the wasm32-unknown-unknown target');
} else if (!installed.split('\n').includes(target)) {
  run('rustup', ['target', 'add', target]);
}

// 2. wasm-bindgen-cli, exactly the crate's version.
const found = output('wasm-bindgen', ['--version'])?.trim().split(/\s+/)[1];
if (found !== bindgenVersion) {
  log(`wasm-bindgen-cli ${found ?? 'not found'}; installing ${bindgenVersion}`);
  run('cargo', ['install', 'wasm-bindgen-cli', '--version', bindgenVersion, '--locked']);
}

// 3. npm devDependencies.
const devDependencies = Object.keys(JSON.parse(readFileSync(join(wasmDir, 'package.json'), 'utf8')).devDependencies ?? {});
if (devDependencies.some((d) => !existsSync(join(wasmDir, 'node_modules', d, 'package.json')))) {
  const lock = existsSync(join(wasmDir, 'package-lock.json'));
  run(npm, [lock ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: wasmDir });
}

// 4. The module.
run('cargo', ['build', '-p', 'seedance-rules-wasm', '--target', target, '--profile', profile]);
// Where cargo put it: `CARGO_TARGET_DIR` when set (relative to the root, as
// cargo reads it from here), else the workspace's `target/`.
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(root, process.env.CARGO_TARGET_DIR) : join(root, 'target');
const built = join(targetDir, target, profile, 'seedance_rules_wasm.wasm');

// 5. The JS glue, in a fresh pkg/.
rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg, { recursive: true });
run('wasm-bindgen', [
  '--target', 'web',
  '--experimental-reset-state-function',
  '--no-typescript',
  // The entries always pass the module: no default `new URL(..)` in the glue.
  '--omit-default-module-path',
  '--out-name', 'seedance_rules',
  '--out-dir', pkg,
  built,
]);
const wasmFile = join(pkg, 'seedance_rules_bg.wasm');

// 6. wasm-opt -Oz (binaryen from npm), kept only when the gzip is smaller.
// Five of -Oz's passes make this module smaller raw but larger gzipped:
// memory-packing splits the data segment, inlining-optimizing duplicates
// code, and local-cse, simplify-locals and merge-similar-functions trade
// repeated instruction sequences (which gzip compresses well) for locals and
// parameters that are each different. Measured in README.md.
// `--low-memory-unused` lets wasm-opt fold `load(p + C)` into `load offset=C
// (p)`, which differs only when `p + C` wraps past 2^32 into the first KiB
// (the folded load then traps instead). The linker puts the 1 MiB stack
// first, growing down from 1 MiB, then the data and the heap: the first KiB
// is the stack's far end, which no call comes near (JSON nesting is capped
// at 128 levels). `--converge` repeats -Oz while the module still shrinks,
// and code-folding, like the five above, makes the gzip larger. Together,
// 180 to 200 bytes less gzip (README.md).
const gzipSize = (file) => {
  const out = output('sh', ['-c', 'gzip -9 -c < "$0" | wc -c', file]);
  return out === null ? gzipSync(readFileSync(file), { level: 9 }).length : Number(out.trim());
};
const before = { raw: statSync(wasmFile).size, gz: gzipSize(wasmFile) };
const optimized = `${wasmFile}.opt`;
run(process.execPath, [
  join(wasmDir, 'node_modules', 'binaryen', 'bin', 'wasm-opt'),
  '-Oz',
  '--converge',
  '--low-memory-unused',
  '--skip-pass=memory-packing',
  '--skip-pass=inlining-optimizing',
  '--skip-pass=local-cse',
  '--skip-pass=simplify-locals',
  '--skip-pass=merge-similar-functions',
  '--skip-pass=code-folding',
  '--enable-bulk-memory',
  '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-reference-types',
  '--enable-multivalue',
  '--strip-debug',
  '--strip-producers',
  wasmFile,
  '-o',
  optimized,
]);
if (gzipSize(optimized) < before.gz) {
  renameSync(optimized, wasmFile);
} else {
  log('wasm-opt did not make the gzip smaller; keeping wasm-bindgen\'s output');
  rmSync(optimized);
}

/**
 * wasm-bindgen's glue and `js/api.js` as one module, so that they are
 * minified and gzipped as one (about 300 bytes of gzip less than two files:
 * one header, one dictionary, and names that no longer cross a module
 * boundary). The glue's exported functions become top-level functions named
 * `module_NAME` (its own calls to them too, not the `wasm.NAME` calls it
 * makes on the instance's exports), and `api.js`'s `wasm.NAME` calls them;
 * `wasm.initSync` and `wasm.default` are the glue's `initSync` and
 * `__wbg_init`. A name of either file declared twice is a syntax error of
 * the module, which `node --check` finds before the module is minified
 * (terser would keep both declarations).
 */
function merged(glue, api) {
  const names = [...glue.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
  const exportList = 'export { initSync, __wbg_init as default };';
  const importLine = "import * as wasm from './seedance_rules.js';\n";
  if (names.length === 0 || !glue.includes(exportList) || !api.includes(importLine)) {
    throw new Error(`wasm-bindgen ${bindgenVersion}'s glue or js/api.js no longer has the expected exports; update merged()`);
  }
  let text = glue.replace(/^export function /gm, 'function ').replace(exportList, '');
  // Anything else the glue exported would be the package's API through the
  // entries' `export *`.
  const left = /^export .*/m.exec(text);
  if (left) throw new Error(`wasm-bindgen ${bindgenVersion}'s glue exports \`${left[0]}\`, which merged() does not handle`);
  for (const name of names) text = text.replace(new RegExp(`(?<![.\\w$])${name}\\b`, 'g'), `module_${name}`);
  const local = { initSync: 'initSync', default: '__wbg_init' };
  const body = api.replace(importLine, '').replace(/\bwasm\.(\w+)/g, (_, name) => {
    if (names.includes(name)) return `module_${name}`;
    if (name in local) return local[name];
    throw new Error(`js/api.js calls wasm.${name}, which the glue does not export`);
  });
  return `${text}\n${body}`;
}

// 7. The hand-written entries, types and README, and package.json. The
// shipped JavaScript (the entries, and api.js with wasm-bindgen's glue) is
// minified with terser (an npm devDependency); the readable sources stay in js/.
const { minify } = await import('terser');
const minified = async (text) =>
  (await minify(text, { module: true, ecma: 2020, compress: { passes: 2, sequences: false }, mangle: true, format: { comments: false } })).code;
for (const f of ['node.js', 'browser.js']) {
  writeFileSync(join(pkg, f), `${await minified(readFileSync(join(wasmDir, 'js', f), 'utf8'))}\n`);
}
const glue = join(pkg, 'seedance_rules.js');
const glueText = withoutDeadCode(leanInit(fastStrings(readFileSync(glue, 'utf8'))));
const api = merged(glueText, readFileSync(join(wasmDir, 'js', 'api.js'), 'utf8'));
const unminified = join(pkg, 'api.unminified.mjs');
writeFileSync(unminified, api);
run(process.execPath, ['--check', unminified]);
rmSync(unminified);
writeFileSync(join(pkg, 'api.js'), `${await minified(api)}\n`);
rmSync(glue);
copyFileSync(join(wasmDir, 'js', 'index.d.ts'), join(pkg, 'index.d.ts'));
copyFileSync(join(wasmDir, 'README.md'), join(pkg, 'README.md'));

// 8. The JSON Schemas (draft 2020-12) of each endpoint's request body and of
// the price-book format, as `seedance schema` writes them from the same rule
// tables. Data files: nothing in the package imports them, so they are not
// part of the module's size; a user imports the one they need
// (`seedance-rules/schemas/seedanceapi-v2.json`).
run('cargo', ['build', '-p', 'seedance-cli']);
const cli = join(targetDir, 'debug', process.platform === 'win32' ? 'seedance.exe' : 'seedance');
const cliOutput = (...args) => execFileSync(cli, args, { cwd: root, encoding: 'utf8' });
const schemaNames = [...JSON.parse(cliOutput('endpoints', '--json')).map((e) => e.id), 'price-book'];
mkdirSync(join(pkg, 'schemas'));
for (const name of schemaNames) {
  writeFileSync(join(pkg, 'schemas', `${name}.json`), cliOutput('schema', name));
}

const manifestJson = {
  name: 'seedance-rules',
  version,
  description:
    'Pre-flight validation and exact credit quotes for Seedance video and image generation APIs, before any network call (WebAssembly)',
  license: 'MIT OR Apache-2.0',
  repository: { type: 'git', url: 'https://github.com/seedance-rules/seedance-rules', directory: 'bindings/wasm' },
  keywords: ['seedance', 'validation', 'pricing', 'video-generation', 'webassembly'],
  type: 'module',
  exports: {
    '.': {
      types: './index.d.ts',
      browser: './browser.js',
      node: './node.js',
      default: './browser.js',
    },
    './schemas/*.json': './schemas/*.json',
    './package.json': './package.json',
  },
  types: './index.d.ts',
  files: ['api.js', 'node.js', 'browser.js', 'seedance_rules_bg.wasm', 'index.d.ts', 'README.md', 'schemas/'],
  sideEffects: ['./node.js', './browser.js'],
  engines: { node: '>=18' },
};
writeFileSync(join(pkg, 'package.json'), `${JSON.stringify(manifestJson, null, 2)}\n`);

// 9. Sizes, as `gzip -9 -c < FILE | wc -c` counts them.
/** The raw and gzip sizes of files, each gzipped on its own, summed. */
const sizes = (files) => ({
  raw: files.reduce((n, f) => n + statSync(f).size, 0),
  gz: files.reduce((n, f) => n + gzipSize(f), 0),
});
const js = sizes(['api.js', 'node.js'].map((f) => join(pkg, f)));
const w = sizes([wasmFile]);
log(`seedance_rules_bg.wasm: ${w.raw} bytes, ${w.gz} gzip (before wasm-opt: ${before.raw}, ${before.gz} gzip)`);
log(`JS (api.js with wasm-bindgen's glue + node.js, each gzipped): ${js.raw} bytes, ${js.gz} gzip`);
log(`wasm + JS gzip: ${w.gz + js.gz} bytes (${((w.gz + js.gz) / 1024).toFixed(1)} KiB)`);
const schemas = sizes(schemaNames.map((name) => join(pkg, 'schemas', `${name}.json`)));
log(`schemas/ (${schemaNames.length} JSON Schemas, loaded only by a user who imports one): ${schemas.raw} bytes, ${schemas.gz} gzip`);
log(`built ${pkg}`);
