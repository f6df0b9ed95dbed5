// Tests the npm package as a user gets it:
//
//   npm --prefix bindings/wasm test
//
// builds pkg/ if it is missing or older than its sources, packs it with
// `npm pack`, installs the tarball into a scratch project (.scratch/project),
// copies the tests there so that they import `seedance-rules` by name, runs
// `tsc --noEmit --strict` over test/types.ts, then `node --test`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = resolve(here, '..');
const root = resolve(wasmDir, '..', '..');
const pkg = join(wasmDir, 'pkg');
const scratch = join(wasmDir, '.scratch');
const project = join(scratch, 'project');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function log(message) {
  process.stdout.write(`seedance-rules test: ${message}\n`);
}

function run(cmd, args, options = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: wasmDir, ...options });
  if (r.error) throw new Error(`${cmd} could not be started: ${r.error.message}`);
  if (r.status !== 0) {
    log(`${cmd} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

/** The newest modification time under `path` (files and folders, recursively). */
function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), s.mtimeMs);
}

// 1. Build if needed.
const sources = [
  join(wasmDir, 'src'),
  join(wasmDir, 'js'),
  join(wasmDir, 'Cargo.toml'),
  join(wasmDir, 'README.md'),
  join(wasmDir, 'scripts', 'build.mjs'),
  join(wasmDir, 'scripts', 'glue.mjs'),
  join(root, 'crates', 'seedance-rules'),
  join(root, 'crates', 'seedance-cli'),
  join(root, 'Cargo.toml'),
  join(root, 'Cargo.lock'),
];
const built = join(pkg, 'package.json');
const stale = !existsSync(built) || sources.some((s) => existsSync(s) && newest(s) > statSync(built).mtimeMs);
if (stale || !existsSync(join(wasmDir, 'node_modules', 'typescript'))) {
  run(process.execPath, [join(here, 'build.mjs')]);
} else {
  log('pkg/ is up to date');
}

// 2. Pack, and install the tarball into a fresh scratch project.
rmSync(scratch, { recursive: true, force: true });
mkdirSync(project, { recursive: true });
run(npm, ['pack', pkg, '--pack-destination', scratch, '--silent']);
const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
if (!tarball) throw new Error('npm pack made no tarball');
writeFileSync(
  join(project, 'package.json'),
  `${JSON.stringify({ name: 'scratch', private: true, type: 'module', dependencies: { 'seedance-rules': `file:../${tarball}` } }, null, 2)}\n`,
);
run(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--offline'], { cwd: project });
cpSync(join(wasmDir, 'test'), join(project, 'test'), { recursive: true });

// 3. The declarations, as a TypeScript user sees them.
run(process.execPath, [
  join(wasmDir, 'node_modules', 'typescript', 'bin', 'tsc'),
  '--noEmit',
  '--strict',
  '-p',
  join(project, 'test', 'tsconfig.json'),
]);
log('tsc --noEmit --strict: ok');

// 4. The tests.
const tests = readdirSync(join(project, 'test'))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort()
  .map((f) => join('test', f));
run(process.execPath, ['--test', ...tests], { cwd: project, env: { ...process.env, SEEDANCE_RULES_REPO: root } });
