#!/usr/bin/env python3
"""Prints the medians of the last criterion run as the tables of benches/README.md.

Reads target/criterion/*/*/new/{benchmark,estimates}.json (written by
`cargo bench -p seedance-benches`). Usage: python3 benches/scripts/table.py [target-dir]
"""
import json
import pathlib
import sys

ENDPOINTS = [
    "seedanceapi-v1",
    "seedanceapi-v2",
    "seedance2ai-video",
    "seedance2ai-gpt-image-2",
    "seedance2ai-nano-banana-pro",
    "apiinone-videos",
]


def medians(root):
    out = {}
    for bench in root.glob("*/**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        out[meta["full_id"]] = est["median"]["point_estimate"]  # nanoseconds
    return out


def fmt(ns):
    if ns is None:
        return "–"
    if ns >= 1000:
        return f"{ns / 1000:.2f} µs"
    return f"{ns:.0f} ns" if ns >= 100 else f"{ns:.1f} ns"


def ratio(a, b):
    return "–" if a is None or b is None else f"{a / b:.2f}×"


def trio(m, g):
    """Ours (`check`), peer (a) and peer (b) in benchmark group `g`."""
    return tuple(m.get(f"{g}/{b}") for b in ("seedance-rules/check", "peer-a/jsonschema", "peer-b/serde-struct"))


def main():
    target = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target")
    m = medians(target / "criterion")
    print("| endpoint | typed `quote_request` | typed `check_request` | JSON `check` | serde + `check_request` "
          "| peer (a) jsonschema | peer (a) `is_valid` | peer (b) serde struct "
          "| peer (a) ÷ `check` | `check` ÷ peer (b) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for e in ENDPOINTS:
        g = f"json/{e}"
        quote = m.get(f"quote/{e}")
        typed = m.get(f"typed/{e}")
        ours, pa, pb = trio(m, g)
        serde_typed = m.get(f"{g}/seedance-rules/serde+check_request")
        pa_quick = m.get(f"{g}/peer-a/jsonschema-is-valid")
        print(f"| `{e}` | {fmt(quote)} | {fmt(typed)} | {fmt(ours)} | {fmt(serde_typed)} | {fmt(pa)} "
              f"| {fmt(pa_quick)} | {fmt(pb)} | {ratio(pa, ours)} | {ratio(ours, pb)} |")
    print()
    print("| endpoint, body with URLs | JSON `check` | peer (a) jsonschema | peer (b) serde struct "
          "| peer (a) ÷ `check` | `check` ÷ peer (b) |")
    print("|---|---:|---:|---:|---:|---:|")
    for e in ENDPOINTS:
        ours, pa, pb = trio(m, f"urls/{e}")
        print(f"| `{e}` | {fmt(ours)} | {fmt(pa)} | {fmt(pb)} | {ratio(pa, ours)} | {ratio(ours, pb)} |")
    print()
    print("| batch of 16 (8 invalid) | median | per body | ÷ ours |")
    print("|---|---:|---:|---:|")
    ours = m.get("batch16/seedance-rules/check")
    for name, key in [
        ("seedance-rules `check`", "seedance-rules/check"),
        ("peer (a) jsonschema, every error", "peer-a/jsonschema"),
        ("peer (a) jsonschema `is_valid`", "peer-a/jsonschema-is-valid"),
        ("peer (b) serde struct", "peer-b/serde-struct"),
    ]:
        v = m.get(f"batch16/{key}")
        print(f"| {name} | {fmt(v)} | {fmt(v / 16 if v else None)} | {ratio(v, ours)} |")


if __name__ == "__main__":
    main()
