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
count() { # path endpoint: adds the instructions per call to $line, and keeps them as $v_<path>
  base=$(refs "$1" 0 "$2")
  n=$(refs "$1" "$rounds" "$2")
  per=$(( (n - base) / rounds ))
  eval "v_$(echo "$1" | tr -- - _)=$per"
  line="$line $per |"
}
paths="quote typed json json-report peer-a peer-a-quick peer-b"
# The same on the bodies that carry URLs.
url_paths="json-urls peer-a-urls"
echo "| endpoint | typed \`quote_request\` | typed \`check_request\` | JSON \`check\` | \`check\` + \`to_json\` | peer (a) jsonschema | peer (a) \`is_valid\` | peer (b) serde struct | peer (a) ÷ \`check\` | body with URLs: \`check\` | peer (a) jsonschema | peer (a) ÷ \`check\` |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for e in seedanceapi-v1 seedanceapi-v2 seedance2ai-video seedance2ai-gpt-image-2 seedance2ai-nano-banana-pro apiinone-videos; do
  line="| \`$e\` |"
  for p in $paths; do count "$p" "$e"; done
  line="$line $(awk "BEGIN { printf \"%.2f×\", $v_peer_a / $v_json }") |"
  for p in $url_paths; do count "$p" "$e"; done
  echo "$line $(awk "BEGIN { printf \"%.2f×\", $v_peer_a_urls / $v_json_urls }") |"
done
rm -rf "$out"
