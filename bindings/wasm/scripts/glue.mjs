// A rewrite of wasm-bindgen's generated glue, shared by the package's build
// (build.mjs) and the speed probe (benches/wasm-probe/run.sh), so that both
// cross strings the same way.

/**
 * wasm-bindgen's glue copies a string into the module one UTF-16 unit at a
 * time in JavaScript while they are ASCII, then with `encodeInto` from the
 * first that is not. This starts with `encodeInto`: the same bytes in the
 * same allocation, copied by the engine's native encoder. For a 160-byte
 * body it is about 4,000 instructions less (benches/README.md). The glue's
 * stand-in for a missing `encodeInto` would not fit the first room; it is
 * never used: every engine that runs the module (reference types: Chrome
 * 96, Firefox 79, Safari 15, Node 18) has `encodeInto`.
 */
export function fastStrings(text) {
  const loop = `    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }`;
  const native = `    const done = cachedTextEncoder.encodeInto(arg, mem.subarray(ptr, ptr + len));
    let offset = done.written;
    if (done.read !== len) {
        arg = arg.slice(done.read);`;
  if (!text.includes(loop)) {
    throw new Error("this wasm-bindgen's glue no longer copies strings as expected; update fastStrings() in scripts/glue.mjs");
  }
  return text.replace(loop, native);
}
