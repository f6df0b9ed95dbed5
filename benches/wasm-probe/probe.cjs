// Times the probe's exports (both builds) on the benchmark bodies; see run.sh.
const fs = require('fs');
const path = require('path');
const bodies = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'js', 'bodies.json'), 'utf8'));
const time = (f, n = 20000) => {
  for (let i = 0; i < 3000; i++) f();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f();
  return Number(process.hrtime.bigint() - t) / n;
};
const us = (ns) => `${(ns / 1000).toFixed(2)} µs`;
console.log('| opt-level | endpoint | engine only (text in, credits out) | + `JSON.stringify` of the object | + compact report, `JSON.parse` | + full report, `JSON.parse` (the package today) |');
console.log('|---|---|---:|---:|---:|---:|');
for (const [prof, label] of [['small', 'z'], ['release', '3']]) {
  const w = require(path.join(__dirname, `pkg-${prof}`, 'seedance_wasm_probe.js'));
  for (const { endpoint, text } of bodies.valid) {
    const obj = JSON.parse(text);
    console.log(`| ${label} | \`${endpoint}\` | ${us(time(() => w.checkCredits(endpoint, text)))} `
      + `| ${us(time(() => w.checkCredits(endpoint, JSON.stringify(obj))))} `
      + `| ${us(time(() => JSON.parse(w.checkCompact(endpoint, JSON.stringify(obj)))))} `
      + `| ${us(time(() => JSON.parse(w.checkFull(endpoint, JSON.stringify(obj)))))} |`);
  }
}
