#!/bin/sh
# Builds the probe at opt-level "z" (as the npm package) and 3, and times it.
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli 0.2.129 (which
# `npm --prefix bindings/wasm run build` installs).
set -eu
cd "$(dirname "$0")"
for profile in small release; do
  cargo build --target wasm32-unknown-unknown --profile "$profile"
  wasm-bindgen --target nodejs --no-typescript --out-dir "pkg-$profile" \
    "target/wasm32-unknown-unknown/$profile/seedance_wasm_probe.wasm"
done
node probe.cjs
