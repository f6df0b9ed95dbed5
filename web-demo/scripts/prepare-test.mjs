// Run before `npm test`: makes sure the machine has what the browser tests
// need (Debian's Chromium, the npm devDependencies), then builds dist/.
// CI runs on fresh machines as root, so a missing Chromium is installed with
// apt-get; playwright-core never downloads a browser of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const log = (m) => process.stdout.write(`web-demo pretest: ${m}\n`);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });

if (!existsSync(chromium)) {
  if (process.getuid?.() !== 0) {
    throw new Error(`${chromium} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  log(`${chromium} is missing; installing Debian's chromium`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env });
}

if (!existsSync(join(root, 'node_modules', 'playwright-core', 'package.json'))) {
  log('installing the devDependencies (playwright-core)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const lock = existsSync(join(root, 'package-lock.json'));
  run(npm, ['--prefix', root, lock ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
