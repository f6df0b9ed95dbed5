// Mutation testing of the binding crate against the npm package's tests:
//
//   node bindings/wasm/scripts/mutants.mjs            # every mutant
//   node bindings/wasm/scripts/mutants.mjs check      # those whose name matches
//
// cargo-mutants runs `cargo test`, and the binding's behaviour is held by
// the Node tests instead (its Rust has no unit tests of its own). So this
// asks cargo-mutants for the edits (`--list --json --diff`) and applies each
// in turn to bindings/wasm/src/lib.rs: the package is built (a build that
// fails is "unviable"), then tested with `npm test` (a failure is "caught",
// a pass "missed"). The source is put back after each edit, whatever
// happens. Built without LTO (`CARGO_PROFILE_WASM_LTO=false`): the same
// code, linked faster. The outcomes go to .scratch-mutants/outcomes.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = resolve(here, '..');
const root = resolve(wasmDir, '..', '..');
const out = join(wasmDir, '.scratch-mutants');
const filter = process.argv[2];

function run(cmd, args, log) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 20 * 60 * 1000,
    env: { ...process.env, CARGO_PROFILE_WASM_LTO: 'false' },
  });
  if (log) writeFileSync(log, `${r.stdout ?? ''}\n${r.stderr ?? ''}\n${r.error ?? ''}`);
  return r;
}

const listed = run('cargo', ['mutants', '--list', '--json', '--diff', '-p', 'seedance-rules-wasm']);
if (listed.status !== 0) throw new Error(`cargo mutants --list failed: ${listed.stderr}`);
const mutants = JSON.parse(listed.stdout).filter((m) => !filter || m.name.includes(filter));

mkdirSync(out, { recursive: true });
const outcomes = [];
for (const [i, m] of mutants.entries()) {
  const file = join(root, m.file);
  const original = readFileSync(file, 'utf8');
  let outcome;
  try {
    const patched = spawnSync('patch', ['--silent', '--force', file], { input: m.diff, encoding: 'utf8' });
    if (patched.status !== 0) throw new Error(`the edit ${m.name} does not apply: ${patched.stdout}${patched.stderr}`);
    const log = join(out, `${i}.log`);
    if (run(process.execPath, [join(here, 'build.mjs')], log).status !== 0) {
      outcome = 'unviable';
    } else {
      outcome = run(process.execPath, [join(here, 'test.mjs')], log).status === 0 ? 'missed' : 'caught';
    }
  } finally {
    writeFileSync(file, original);
  }
  outcomes.push({ name: m.name, outcome });
  process.stdout.write(`${outcome.padEnd(9)} ${m.name}\n`);
}
writeFileSync(join(out, 'outcomes.json'), `${JSON.stringify(outcomes, null, 2)}\n`);
const count = (o) => outcomes.filter((x) => x.outcome === o).length;
process.stdout.write(`${mutants.length} mutants: ${count('caught')} caught, ${count('missed')} missed, ${count('unviable')} unviable\n`);
