// The Node entry of `seedance-rules`: the module is compiled and instantiated
// synchronously on import, so no init call is needed.
import { readFileSync } from 'node:fs';
import module from './api.js';

module.initSync({ module: readFileSync(new URL('./seedance_rules_bg.wasm', import.meta.url)) });

export * from './api.js';
