import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IRValidationError } from './ir-validation-error';
import type { ModelIR } from './model';
import { createInterpreter } from './interpret/create-interpreter';
import { prepareModel, validateModel } from './prepare-model';
import { buildPaperModel } from './testing/paper-models';
import { randomModel } from './testing/random-model';
import { tinySparseModel, tinyStandardModel } from './testing/tiny-models';

type Json = unknown;
type Container = Record<string, Json> | Json[];

const BASES: ModelIR[] = [
  tinySparseModel(),
  tinyStandardModel(),
  buildPaperModel({ dataset: 'mnist', variant: 'sparse', nMax: 8 }),
  ...[1, 2, 3, 4, 5, 6].map((seed) => randomModel({ seed })),
];

/** Every container (object or array) in the document with its path, so mutations can target any node. */
function containers(doc: Json, path: (string | number)[] = [], out: { path: (string | number)[]; node: Container }[] = []) {
  if (typeof doc === 'object' && doc !== null) {
    out.push({ path, node: doc as Container });
    // long weight arrays: visit only their first entries, so structure is mutated as often as values
    const entries = Array.isArray(doc) ? doc.slice(0, 4).map((v, i) => [i, v] as const) : Object.entries(doc);
    for (const [k, v] of entries) containers(v, [...path, k], out);
  }
  return out;
}

const NUMBERS = [0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, -1e-320, 65537, 3, 2, 64, 65, Number.NaN, Infinity];
const STRINGS = ['', 'auto', 'ap_fixed<8,3>', 'ap_fixed<99,3>', 'fixed<8,3,RND,SAT>', 'ap_ufixed<0,0>', 'x_in', 'conv', 'reduce', 'SparseConv2d', 'out', 'relu', '∑'];

const mutationArb = fc.record({
  kind: fc.constantFrom('delete', 'set', 'number', 'string', 'dup-layer', 'ref', 'cycle', 'truncate', 'off-grid', 'extra', 'swap', 'type'),
  target: fc.nat(),
  other: fc.nat(),
  json: fc.jsonValue({ maxDepth: 2 }),
});
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

function keysOf(node: Container): (string | number)[] {
  return Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
}

function put(node: Container, key: string | number, value: Json): void {
  (node as Record<string | number, Json>)[key] = value;
}

/** Applies one mutation in place (on a clone). */
function mutate(doc: Record<string, Json>, m: Mutation): void {
  const all = containers(doc);
  const { node } = all[m.target % all.length]!;
  const keys = keysOf(node);
  const key = keys.length > 0 ? keys[m.other % keys.length]! : 'x';
  const layers = Array.isArray(doc['layers']) ? (doc['layers'] as Record<string, Json>[]) : [];
  const candidate = layers.length > 0 ? layers[m.other % layers.length] : undefined;
  const layer = typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate) ? candidate : undefined;
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(node)) node.splice(Number(key), 1);
      else delete node[key as string];
      break;
    case 'set':
      put(node, key, m.json);
      break;
    case 'number':
      put(node, key, NUMBERS[m.other % NUMBERS.length]);
      break;
    case 'string':
      put(node, key, STRINGS[m.other % STRINGS.length]);
      break;
    case 'dup-layer':
      if (candidate !== undefined) layers.splice(m.target % (layers.length + 1), 0, structuredClone(candidate));
      break;
    case 'ref':
      if (layer) layer['inputs'] = [STRINGS[m.target % STRINGS.length]];
      break;
    case 'cycle':
      if (layer && typeof layer['name'] === 'string') layer['inputs'] = [layer['name']];
      break;
    case 'truncate':
      if (Array.isArray(node)) node.length = Math.floor(node.length / 2);
      break;
    case 'off-grid':
      if (typeof node[key as never] === 'number') put(node, key, (node[key as never] as number) + 1e-9);
      break;
    case 'extra':
      if (!Array.isArray(node)) node[`extra_${m.other % 5}`] = m.json;
      break;
    case 'swap':
      if (layers.length > 1) {
        const j = m.target % layers.length;
        [layers[j], layers[(j + 1) % layers.length]] = [layers[(j + 1) % layers.length]!, layers[j]!];
      }
      break;
    case 'type':
      put(node, key, Array.isArray(node[key as never]) ? {} : [node[key as never]]);
      break;
  }
}

let checked = 0;

/** The contract: validates, or returns only catalogued one-line diagnostics; never throws or hangs. */
function checkDocument(doc: unknown): boolean {
  checked++;
  const r = validateModel(doc);
  for (const d of r.diagnostics) {
    expect(d.code).toMatch(/^SP\d{4}$/);
    expect(d.message).not.toMatch(/\n/);
    expect(typeof d.where).toBe('string');
  }
  if (!r.valid) {
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    if (checked % 10 === 0) expect(() => prepareModel(doc)).toThrow(IRValidationError); // the throwing form agrees
    return false;
  }
  return true;
}

describe('fuzz: mutated documents', () => {
  it('validate or yield IR validation errors, never another exception (10,000 mutated documents)', () => {
    let valid = 0;
    let interpreted = 0;
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (b, ms) => {
        const doc = structuredClone(BASES[b]!) as unknown as Record<string, Json>;
        for (const m of ms) mutate(doc, m);
        if (!checkDocument(doc)) return;
        valid++;
        // A mutated document that still validates must also run (every 10th, to stay fast).
        if (valid % 10 !== 0) return;
        const it = createInterpreter(doc);
        it.run(new Float64Array(it.inputSize).fill(0.5), 1);
        interpreted++;
      }),
      { numRuns: 10_000, seed: 20251205 },
    );
    expect(valid).toBeGreaterThan(100); // mutations like off-grid no-ops or extra build hints still validate
    expect(interpreted).toBeGreaterThan(10);
  });

  it('random JSON and random strings never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.json()), (doc) => {
        checkDocument(doc);
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });

  it('documents that keep format and version but are otherwise random never throw', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('name', 'input', 'layers', 'outputs', 'build', 'x'), fc.jsonValue({ maxDepth: 3 })), (rest) => {
        checkDocument({ ...rest, format: 'sparsepixels-ir', version: 1 });
        checkDocument({ ...rest, format: 'sparsepixels-ir', version: 0 });
      }),
      { numRuns: 2_000, seed: 11 },
    );
  });
});
