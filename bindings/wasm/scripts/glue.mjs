// A rewrite of wasm-bindgen's generated glue, shared by the package's build
// (build.mjs) and the speed probe (benches/wasm-probe/run.sh), so that both
// cross strings the same way.

/**
 * `text` with `from` replaced by `to`; `from` must be there, since the
 * glue comes from the one wasm-bindgen version the crate pins, and a new
 * one that writes it otherwise needs the rewrite looked at again.
 */
function rewrite(text, from, to, what) {
  if (!text.includes(from)) {
    throw new Error(`this wasm-bindgen's glue has changed where it ${what}; update scripts/glue.mjs`);
  }
  return text.replace(from, to);
}

/**
 * wasm-bindgen's glue copies a string into the module one UTF-16 unit at a
 * time in JavaScript while they are ASCII, then with `encodeInto` from the
 * first that is not. This starts with `encodeInto`: the same bytes in the
 * same allocation, copied by the engine's native encoder. For a 160-byte
 * body it is about 4,000 instructions less (benches/README.md). Every
 * engine that runs the module (reference types: Chrome 96, Firefox 79,
 * Safari 15, Node 18) has `encodeInto`.
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
  return rewrite(text, loop, native, 'copies strings');
}

/**
 * Code of wasm-bindgen's glue that the package never runs, left out:
 * - `passStringToWasm0` without `realloc` (every string goes with it);
 * - the stand-in for a missing `TextEncoder.encodeInto`, which every engine
 *   that runs the module has (see `fastStrings`).
 */
export function withoutDeadCode(text) {
  const withoutRealloc = `    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }
`;
  const standIn = `if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}
`;
  text = rewrite(text, withoutRealloc, '', 'copies a string without realloc');
  return rewrite(text, standIn, '', 'stands in for encodeInto');
}

/**
 * wasm-bindgen's `initSync` and `__wbg_init` (the glue's default export)
 * take either `{ module }` / `{ module_or_path }` or, deprecated, the module
 * itself, which they warn of on the console. The package's two entries
 * (`js/node.js`, `js/browser.js`) are their only callers, and pass the
 * object: the deprecated branch and its messages are left out.
 */
export function leanInit(text) {
  for (const [name, what] of [
    ['module', '`initSync()`'],
    ['module_or_path', 'the initialization function'],
  ]) {
    const read = `    if (${name} !== undefined) {
        if (Object.getPrototypeOf(${name}) === Object.prototype) {
            ({${name}} = ${name})
        } else {
            console.warn('using deprecated parameters for ${what}; pass a single object instead')
        }
    }`;
    text = rewrite(text, read, `    ({${name}} = ${name});`, `reads the parameters of ${what}`);
  }
  return text;
}
