#!/bin/sh
# Instructions per call of the npm package's `check` and `quote` from a
# JavaScript object, and of zod 4 and ajv doing the same validation plus a
# price lookup (benches/js/peers.mjs), counted by callgrind over Node: a
# measure that, unlike wall time, does not move with the load of a shared
# machine. Counts the JIT's code and V8's own C++ (JSON, TextEncoder,
# the collector) alike. Prints a Markdown table. Needs valgrind and the
# package built and installed for the benchmark:
#   npm --prefix bindings/wasm run build && npm --prefix benches/js install
#   sh benches/scripts/js-instructions.sh [rounds] [jobs]
# 28 runs of about a minute each under valgrind, `jobs` (default 2) at a time.
set -eu
cd "$(dirname "$0")/../js"
rounds=${1:-10000}
jobs=${2:-2}
out=$(mktemp -d)
endpoints="seedanceapi-v1 seedanceapi-v2 seedance2ai-video seedance2ai-gpt-image-2 seedance2ai-nano-banana-pro apiinone-videos"
paths="check quote zod ajv"
# One line per run: "<path> <rounds> <endpoint>"; a path's baseline (0
# rounds) is its warm-up alone, the same for every endpoint.
{
  for p in $paths; do echo "$p 0 seedanceapi-v1"; done
  for e in $endpoints; do for p in $paths; do echo "$p $rounds $e"; done; done
} | xargs -P "$jobs" -L 1 sh -c '
  valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file=/dev/null \
    node --expose-gc --no-liftoff --no-concurrent-recompilation count.mjs "$0" "$1" "$2" 2>&1 >/dev/null |
    sed -n "s/.*refs: *//p" | tr -d , > "'"$out"'/$0.$1.$2"'
per() { echo $(( ($(cat "$out/$1.$rounds.$2") - $(cat "$out/$1.0.seedanceapi-v1")) / rounds )); }
ratio() { awk "BEGIN { printf \"%.2f×\", $1 / $2 }"; }
echo "| endpoint | \`check\` (object) | \`quote\` (object) | zod 4 + price | ajv + price | \`check\` ÷ zod | \`quote\` ÷ zod |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for e in $endpoints; do
  c=$(per check "$e"); q=$(per quote "$e"); z=$(per zod "$e"); a=$(per ajv "$e")
  echo "| \`$e\` | $c | $q | $z | $a | $(ratio "$c" "$z") | $(ratio "$q" "$z") |"
done
rm -r "$out"
