#!/bin/sh
# Instructions per call of each benchmarked path, counted by callgrind: a
# measure that, unlike wall time, does not move with the load of a shared
# machine. Prints a Markdown table. Needs valgrind and the profile driver:
#   cargo build --release -p seedance-benches --example profile
#   sh benches/scripts/instructions.sh [rounds]
set -eu
bin=${CARGO_TARGET_DIR:-target}/release/examples/profile
rounds=${1:-2000}
out=$(mktemp -d)
refs() { # path rounds endpoint
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$bin" "$1" "$2" "$3" 2>&1 >/dev/null |
    sed -n 's/.*refs: *//p' | tr -d ,
}
paths="quote typed json json-report peer-a peer-a-quick peer-b"
echo "| endpoint | typed \`quote_request\` | typed \`check_request\` | JSON \`check\` | \`check\` + \`to_json\` | peer (a) jsonschema | peer (a) \`is_valid\` | peer (b) serde struct | peer (a) ÷ \`check\` |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for e in seedanceapi-v1 seedanceapi-v2 seedance2ai-video seedance2ai-gpt-image-2 seedance2ai-nano-banana-pro apiinone-videos; do
  line="| \`$e\` |"
  for p in $paths; do
    base=$(refs "$p" 0 "$e")
    n=$(refs "$p" "$rounds" "$e")
    per=$(( (n - base) / rounds ))
    eval "v_$(echo "$p" | tr -- - _)=$per"
    line="$line $per |"
  done
  ratio=$(awk "BEGIN { printf \"%.2f×\", $v_peer_a / $v_json }")
  echo "$line $ratio |"
done
rm -rf "$out"
