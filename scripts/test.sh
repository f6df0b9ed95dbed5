#!/usr/bin/env bash
# Every test of the project, from a fresh clone: Rust (format, lints, docs,
# unit, integration, property and doc tests), the npm package in Node, and the
# web calculator in headless Chromium. Installs what it needs itself.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# What the build has to work with: a full disk fails a build midway with
# "No space left on device", which this line makes easy to recognise.
df -h . 2>/dev/null | sed 's/^/disk: /' || true
# Incremental caches are for editing, not for one build: they only add
# to the space the run needs.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "Rust toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "cargo test"
cargo test --workspace --locked

step "cargo test, the core without its default features (no serde)"
cargo test -p seedance-rules --no-default-features --locked

step "cargo package: the core builds from its published files alone"
cargo package -p seedance-rules --allow-dirty --locked --quiet

step "npm package: build (wasm32 target, wasm-bindgen-cli, npm deps) and Node tests"
npm --prefix bindings/wasm test

step "web calculator: build and end-to-end tests in headless Chromium"
npm --prefix web-demo test

printf '\nall tests passed\n'
