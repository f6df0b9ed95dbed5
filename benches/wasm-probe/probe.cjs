// Times the probe's exports (both builds) on the benchmark bodies; see run.sh.
//
// The machine is shared and its speed moves from one second to the next, so
// the builds, bodies and variants are timed in turn, round after round, and
// each keeps its best round (the least disturbed): ROUNDS rounds of CALLS
// calls each.
const fs = require('fs');
const path = require('path');
const bodies = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'js', 'bodies.json'), 'utf8'));
const ROUNDS = Number(process.env.ROUNDS ?? 12);
const CALLS = Number(process.env.CALLS ?? 2000);
const time = (f) => {
  const t = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) f();
  return Number(process.hrtime.bigint() - t) / CALLS;
};
const us = (ns) => `${(ns / 1000).toFixed(2)} µs`;
const builds = [['small', 'z'], ['release', '3']].map(([prof, label]) => ({
  label,
  w: require(path.join(__dirname, `pkg-${prof}`, 'seedance_wasm_probe.js')),
}));
// One row per build and body; one column per way of returning the check.
const rows = [];
for (const { label, w } of builds) {
  for (const { endpoint, text } of bodies.valid) {
    const obj = JSON.parse(text);
    rows.push({
      label,
      endpoint,
      ways: [
        () => w.callAlone(endpoint, text),
        () => w.packageCallAlone(0, endpoint, text, undefined, true),
        () => w.checkCredits(endpoint, text),
        () => w.checkPackageLen(endpoint, text),
        () => w.checkPackage(endpoint, text),
        () => JSON.parse(w.checkPackage(endpoint, text)),
        () => JSON.parse(w.checkPackage(endpoint, JSON.stringify(obj))),
        () => JSON.parse(w.checkFull(endpoint, JSON.stringify(obj))),
      ],
    });
  }
}
for (const row of rows) for (const f of row.ways) for (let i = 0; i < 3000; i++) f();
const best = rows.map((row) => row.ways.map(() => Infinity));
for (let r = 0; r < ROUNDS; r++) {
  rows.forEach((row, i) => row.ways.forEach((f, j) => {
    best[i][j] = Math.min(best[i][j], time(f));
  }));
}
// The first two columns do nothing but cross: `checkCredits`' two strings in
// and a number out, then the package's `check` signature. From the third on,
// each column does one step more than the one before it, but the last, which
// is the seventh with the full report (the price's provenance in it).
console.log('| opt-level | endpoint | the call alone | the package\'s call alone | engine only (text in, credits out) | + the report written | + returned as a string | + `JSON.parse` | + `JSON.stringify` of the object first | the same, full report |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
rows.forEach((row, i) => console.log(`| ${row.label} | \`${row.endpoint}\` | ${best[i].map(us).join(' | ')} |`));
