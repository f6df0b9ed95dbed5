// The npm scripts that serve dist/: the port is the caller's to choose.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { ROOT } from './helpers.mjs';

/** Runs `npm run serve` with `args` and `env`; the port it says it serves on. */
function servedPort(args, env = {}) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(npm, ['run', '--silent', 'serve', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own, so that the server npm starts stops with it.
    detached: true,
  });
  let out = '';
  return new Promise((ok, fail) => {
    const stop = (then) => {
      try {
        process.kill(-child.pid);
      } catch {
        // Gone already.
      }
      then();
    };
    const timer = setTimeout(() => stop(() => fail(new Error(`no port said in 30 s: ${out}`))), 30_000);
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        out += chunk;
        const m = /Serving .* on http:\/\/[^:]+:(\d+)\//.exec(out);
        if (m) {
          clearTimeout(timer);
          stop(() => ok(Number(m[1])));
        }
      });
    }
    child.on('exit', () => {
      clearTimeout(timer);
      fail(new Error(`npm run serve ended: ${out}`));
    });
  });
}

test('npm run serve takes the port from a --port given or from PORT', async () => {
  // --port 0 and PORT=0 pick a free port: anything but the default 8080.
  assert.notEqual(await servedPort(['--port', '0']), 8080);
  assert.notEqual(await servedPort([], { PORT: '0' }), 8080);
  // A --port given wins over PORT.
  assert.notEqual(await servedPort(['--port', '0'], { PORT: '8080' }), 8080);
});
