#!/bin/sh
# Builds the probe at opt-level "z" (as the npm package) and 3, and times it.
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli 0.2.129 (which
# `npm --prefix bindings/wasm run build` installs). The glue copies strings
# into the module as the package's does (bindings/wasm/scripts/glue.mjs).
set -eu
cd "$(dirname "$0")"
for profile in small release; do
  cargo build --target wasm32-unknown-unknown --profile "$profile"
  wasm-bindgen --target nodejs --no-typescript --out-dir "pkg-$profile" \
    "target/wasm32-unknown-unknown/$profile/seedance_wasm_probe.wasm"
  node --input-type=module -e "
    import { readFileSync, writeFileSync } from 'node:fs';
    import { fastStrings } from '../../bindings/wasm/scripts/glue.mjs';
    const file = 'pkg-$profile/seedance_wasm_probe.js';
    writeFileSync(file, fastStrings(readFileSync(file, 'utf8')));
  "
done
node probe.cjs
