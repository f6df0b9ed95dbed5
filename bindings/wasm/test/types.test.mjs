// The request types of index.d.ts are written by hand, for their docs; these
// tests hold them to the rule tables, as `describe()` gives them, and to the
// conformance cases, so that a table that changes cannot leave them behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { check, describe, endpoints } from 'seedance-rules';

import { repoRoot } from './repo.mjs';

const root = repoRoot();
// The compiler `npm test` runs `tsc` from (a dev dependency of the build).
const ts = createRequire(join(root, 'bindings', 'wasm', 'package.json'))('typescript');
const dtsPath = fileURLToPath(new URL('./index.d.ts', import.meta.resolve('seedance-rules')));
const dts = ts.createSourceFile('index.d.ts', readFileSync(dtsPath, 'utf8'), ts.ScriptTarget.ES2022, true);
const cases = JSON.parse(readFileSync(join(root, 'conformance', 'cases.json'), 'utf8')).cases;

/** The interface `name` of index.d.ts. */
function declared(name) {
  const found = dts.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(found, `index.d.ts declares interface ${name}`);
  return found;
}

/** A member's key: `foo` or `'seedanceapi-v1'`. */
const keyOf = (member) => member.name.text;

/** A type as the tests compare it: `string`, `number[]`, or `literals` with their values. */
function shape(node) {
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.map(shape);
    assert.ok(parts.every((p) => p.literals), `a union of literals only: ${node.getText()}`);
    return { literals: parts.flatMap((p) => p.literals) };
  }
  if (ts.isLiteralTypeNode(node)) {
    const l = node.literal;
    if (ts.isStringLiteral(l)) return { literals: [l.text] };
    if (ts.isNumericLiteral(l)) return { literals: [Number(l.text)] };
    if (ts.isPrefixUnaryExpression(l) && ts.isNumericLiteral(l.operand)) return { literals: [-Number(l.operand.text)] };
  }
  if (ts.isArrayTypeNode(node)) return { plain: `${shape(node.elementType).plain}[]` };
  const plain = { [ts.SyntaxKind.StringKeyword]: 'string', [ts.SyntaxKind.NumberKeyword]: 'number', [ts.SyntaxKind.BooleanKeyword]: 'boolean' }[node.kind];
  assert.ok(plain, `a type the tests know: ${node.getText()}`);
  return { plain };
}

/** `Requests`: the request interface of each endpoint. */
const requests = new Map(declared('Requests').members.map((m) => [keyOf(m), m.type.typeName.text]));

/** The literal union each endpoint's line of `NormalizedKeys` holds. */
const normalizedKeys = new Map(declared('NormalizedKeys').members.map((m) => [keyOf(m), shape(m.type).literals]));

const ids = endpoints().map((e) => e.id);

test('Requests and NormalizedKeys have a line for each endpoint, and only those', () => {
  assert.deepEqual([...requests.keys()], ids);
  assert.deepEqual([...normalizedKeys.keys()], ids);
});

for (const id of ids) {
  test(`${id}: ${requests.get(id)} has the fields, types, values and requirements of the rule tables`, () => {
    const { fields, rules } = describe(id);
    const members = declared(requests.get(id)).members;
    // The fields, in the tables' (the document's) order.
    assert.deepEqual(members.map(keyOf), fields.map((f) => f.name));
    for (const field of fields) {
      const member = members.find((m) => keyOf(m) === field.name);
      const on = rules.filter((r) => r.field === field.name);
      const required = on.some((r) => r.check.required && r.when.length === 0);
      assert.equal(member.questionToken === undefined, required, `${field.name}: optional exactly when no rule requires it in every body`);
      // A closed list of values is a union of its literals: every value some
      // rule allows (under any condition), and no other. A range beside it
      // (v2's Mini durations) leaves the plain type.
      const allowed = [...new Set(on.flatMap((r) => r.check.one_of ?? []))];
      const open = on.some((r) => r.check.range);
      const plain = { string: 'string', integer: 'number', boolean: 'boolean', 'string[]': 'string[]' }[field.type];
      assert.ok(plain, `${field.name}: a type the tests know (${field.type})`);
      const want = allowed.length > 0 && !open ? { literals: allowed } : { plain };
      const got = shape(member.type);
      if (got.literals) got.literals.sort();
      if (want.literals) want.literals.sort();
      assert.deepEqual(got, want, `${field.name}: ${member.type.getText()}`);
    }
  });

  test(`${id}: NormalizedKeys lists the fields every valid report's normalized request holds`, () => {
    const valid = cases.filter((c) => c.endpoint === id && c.body !== undefined && c.expect.ok);
    assert.ok(valid.length >= 5, `${valid.length} valid cases`);
    const everywhere = valid
      .map((c) => Object.keys(check(id, c.body).normalized))
      .reduce((all, keys) => all.filter((k) => keys.includes(k)));
    assert.deepEqual([...normalizedKeys.get(id)].sort(), everywhere.sort());
  });
}

/**
 * The errors `tsc --strict` finds in `source`, a module written beside the
 * package's installation so that `seedance-rules` resolves as it does for a
 * user; each error names its line's comment when it has one.
 */
function typeErrors(source) {
  const dir = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.types-'));
  try {
    const file = join(dir, 'bodies.ts');
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
    });
    const lines = source.split('\n');
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const line = d.file?.fileName === file ? lines[d.file.getLineAndCharacterOfPosition(d.start).line] : undefined;
      const where = line?.includes(' // ') ? line.split(' // ').pop() : (d.file?.fileName ?? '');
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const IMPORT = "import type { RequestFor } from 'seedance-rules';";

test('every valid, warning-free body of the conformance cases type-checks as its RequestFor<E>', () => {
  const bodies = cases
    .filter((c) => c.body !== undefined && c.expect.ok && (c.expect.warnings ?? []).length === 0)
    .map((c, n) => `export const c${n}: RequestFor<${JSON.stringify(c.endpoint)}> = ${JSON.stringify(c.body)}; // ${c.id}`);
  assert.ok(bodies.length >= 200, `${bodies.length} bodies`);
  assert.deepEqual(typeErrors([IMPORT, ...bodies, ''].join('\n')), []);
});

test('the type check can fail: a body of the wrong type is an error', () => {
  const wrong = "export const c: RequestFor<'seedanceapi-v1'> = { prompt: 'a', duration: 8 }; // v1 duration as a number";
  const errors = typeErrors([IMPORT, wrong, ''].join('\n'));
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^v1 duration as a number: Type 'number' is not assignable/);
});
