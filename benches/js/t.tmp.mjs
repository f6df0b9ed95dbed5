import * as wasm from '/work/main/bindings/wasm/pkg/seedance_rules.js';
import { check } from 'seedance-rules';
import { bodies } from '/work/main/benches/js/peers.mjs';
const N = 20000;
function time(label, f) { for (let i=0;i<2000;i++) f(); const t=process.hrtime.bigint(); for (let i=0;i<N;i++) f(); console.log(label, Number(process.hrtime.bigint()-t)/N, 'ns'); }
for (const { endpoint, text } of bodies.valid.slice(0,3)) {
  const object = JSON.parse(text);
  const out = wasm.check(endpoint, text, undefined);
  time(endpoint+' stringify', () => JSON.stringify(object));
  time(endpoint+' wasm.check', () => wasm.check(endpoint, text, undefined));
  time(endpoint+' parse out ('+out.length+')', () => JSON.parse(out));
  time(endpoint+' check', () => check(endpoint, object));
}
