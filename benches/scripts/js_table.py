#!/usr/bin/env python3
"""Prints the medians of the last JavaScript run as the tables of benches/README.md.

Reads benches/js/results.json (written by `npm --prefix benches/js run bench`).
Usage: python3 benches/scripts/js_table.py [results.json]
"""
import json
import pathlib
import sys

from table import ENDPOINTS  # the Rust tables' endpoints, in their order


def fmt(ns):
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


def main():
    default = pathlib.Path(__file__).resolve().parents[1] / "js" / "results.json"
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default
    m = json.loads(path.read_text())["medians"]
    print("| endpoint | `check` (object) | ajv + price | zod 4 + price | `check` ÷ zod "
          "| `quote` (object) | `quote` ÷ zod | `checkJson` (text) | parse + ajv | parse + zod | `JSON.parse` |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for e in ENDPOINTS:
        o, t = f"{e} object: ", f"{e} text: "
        check, zod, quote = m[o + "seedance-rules check"], m[o + "zod 4 + price"], m[o + "seedance-rules quote"]
        print(f"| `{e}` | {fmt(check)} | {fmt(m[o + 'ajv all errors + price'])} | {fmt(zod)} "
              f"| {check / zod:.2f}× | {fmt(quote)} | {quote / zod:.2f}× "
              f"| {fmt(m[t + 'seedance-rules checkJson'])} | {fmt(m[t + 'JSON.parse + ajv all errors + price'])} "
              f"| {fmt(m[t + 'JSON.parse + zod 4 + price'])} | {fmt(m[t + 'JSON.parse alone'])} |")
    print()
    print("| endpoint, body with URLs | `check` (object) | ajv + price | zod 4 + price | `check` ÷ zod |")
    print("|---|---:|---:|---:|---:|")
    for e in ENDPOINTS:
        u = f"{e} with URLs: "
        check, zod = m[u + "seedance-rules check"], m[u + "zod 4 + price"]
        print(f"| `{e}` | {fmt(check)} | {fmt(m[u + 'ajv all errors + price'])} | {fmt(zod)} | {check / zod:.2f}× |")
    print()
    b = "batch: "
    print(f"Batch of 16 (8 invalid), from objects, same run: seedance-rules "
          f"{m[b + 'seedance-rules check'] / 1000:.2f} µs, ajv {m[b + 'ajv all errors + price'] / 1000:.2f} µs, "
          f"zod 4 {m[b + 'zod 4 + price'] / 1000:.2f} µs.")


if __name__ == "__main__":
    main()
