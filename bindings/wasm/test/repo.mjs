// Finds the repository root (the folder with conformance/cases.json) from
// here upward, so the tests run from test/ and from the scratch copy alike.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot() {
  if (process.env.SEEDANCE_RULES_REPO) return process.env.SEEDANCE_RULES_REPO;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'conformance', 'cases.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('no conformance/cases.json above the tests; set SEEDANCE_RULES_REPO');
    dir = up;
  }
}
