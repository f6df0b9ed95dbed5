// The Node entry of `seedance-rules`: the module is compiled and instantiated
// synchronously on import, so no init call is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './seedance_rules.js';

initSync({ module: readFileSync(new URL('./seedance_rules_bg.wasm', import.meta.url)) });

export * from './api.js';
