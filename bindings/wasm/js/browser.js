// The browser (and default) entry of `seedance-rules`: the module is fetched
// and instantiated by a top-level await, so importing this module is enough.
import module from './api.js';

await module.init({ module_or_path: new URL('./seedance_rules_bg.wasm', import.meta.url) });

export * from './api.js';
