import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatType } from '@sparsepixels/core';
import { prepareModel, type Activity, type LayerIR, type ModelIR } from '@sparsepixels/ir';
import { createRng, randomGridValues, randomInputs, randomType } from '@sparsepixels/ir/testing';
import { vivadoBackend } from '../src';
import { describeResult, runCase } from '../src/testing';

// SparseGlobalPooling2D in firmware: random models ending in global pooling + Dense, both activity
// rules and both modes, random 8-16 bit precisions (sometimes a narrow declared accumulator or
// result, sometimes an explicit reciprocal), compiled with g++: every output bit must equal the
// interpreter's.
const root = mkdtempSync(join(tmpdir(), 'sp-gpool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function globalPoolModel(seed: number, activity: Activity, mode: 'avg' | 'max'): ModelIR {
  const rng = createRng(seed);
  const [h, w, c] = [rng.int(3, 8), rng.int(3, 8), rng.int(1, 2)];
  const nMax = rng.int(1, 12);
  const ts = (t: ReturnType<typeof randomType>) => formatType(t);
  const f = rng.int(1, 3);
  const wt = randomType(rng, 8, 12, { signed: true, maxInt: 2 });
  const units = rng.int(1, 4);
  // seed % 3: 0 = declared result, 1 = declared (narrow) accumulator and result, 2 = explicit reciprocal
  const variant = seed % 3;
  const poolPrecision: Record<string, string> = {};
  if (variant !== 2) poolPrecision['result'] = ts(randomType(rng, 8, 16, { maxInt: 6 }));
  if (mode === 'avg' && variant === 1) poolPrecision['accum'] = ts(randomType(rng, 8, 16, { maxInt: 8 }));
  const explicit = mode === 'avg' && variant === 2 ? { reciprocalBits: rng.int(4, 16) } : {};
  const layers: LayerIR[] = [
    { name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax, threshold: 0 } },
    {
      name: 'conv',
      op: 'SparseConv2D',
      inputs: ['reduce'],
      attrs: { filters: f, kernelSize: 3 },
      precision: { weight: ts(wt), result: ts(randomType(rng, 8, 16, { maxInt: 5 })) },
      weights: { kernel: { shape: [3, 3, c, f], values: randomGridValues(rng, 9 * c * f, wt, 1) } },
    },
    { name: 'act', op: 'SparseActivation', inputs: ['conv'], attrs: { activation: rng.next() < 0.5 ? 'relu' : 'linear' } },
    { name: 'gpool', op: 'SparseGlobalPooling2D', inputs: ['act'], attrs: { mode, ...explicit }, precision: poolPrecision },
    {
      name: 'out',
      op: 'Dense',
      inputs: ['gpool'],
      attrs: { units },
      precision: { weight: ts(wt), bias: ts(wt), result: ts(randomType(rng, 10, 20, { maxInt: 8 })) },
      weights: { kernel: { shape: [f, units], values: randomGridValues(rng, f * units, wt, 1) }, bias: { shape: [units], values: randomGridValues(rng, units, wt, 1) } },
    },
  ];
  const input = { name: 'x_in', shape: [h, w, c], type: ts(randomType(rng, 8, 12, { maxInt: 3 })) };
  return { format: 'sparsepixels-ir', version: 2, activity, name: `gpool_${mode}_${activity}_${seed}`, input, layers, outputs: ['out'], build: { project: 'myproject' } };
}

const cases = ([11, 12, 13] as const).flatMap((seed) =>
  (['mask', 'nonzero'] as const).flatMap((activity) =>
    (['avg', 'max'] as const).map((mode) => {
      const model = globalPoolModel(seed, activity, mode);
      return { name: model.name, model, events: randomInputs(model, 40, seed) };
    }),
  ),
);

describe.concurrent('vivado: SparseGlobalPooling2D is bit-exact against g++', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await runCase(vivadoBackend, c, root);
    expect(r.events).toBe(40);
    expect(r.bitExact, describeResult(c.name, r)).toBe(true);
  }, 600_000);
});

describe('the global pooling cases', () => {
  it('cover declared accumulators, declared results, explicit and inferred reciprocals', () => {
    const avg = cases.map((c) => c.model.layers[3]!).filter((l) => (l.attrs as { mode: string }).mode === 'avg');
    expect(avg.some((l) => l.precision?.accum)).toBe(true);
    expect(avg.some((l) => l.precision?.result)).toBe(true);
    expect(avg.some((l) => (l.attrs as { reciprocalBits?: number }).reciprocalBits !== undefined)).toBe(true);
    expect(avg.some((l) => (l.attrs as { reciprocalBits?: number }).reciprocalBits === undefined)).toBe(true);
  });

  it('emit the reciprocal table as exact constants, r_0 = 0', async () => {
    const c = cases.find((k) => k.name.startsWith('gpool_avg_mask'))!;
    const emitted = await vivadoBackend.emit(c.model, join(root, 'table'), { force: true });
    const prepared = prepareModel(c.model).model.layers[3]!;
    const bits = (prepared.attrs as { reciprocalBits: number }).reciprocalBits;
    const table = readFileSync(join(emitted.outDir, 'firmware/weights/inv_table5.h'), 'utf8');
    expect(table).toContain('inv_table5[');
    expect(table).toMatch(new RegExp(`= \\{\\s*0(\\.0)?,\\s*1(\\.0)?,`)); // r_0 = 0, r_1 = 1 for any F
    expect(bits).toBeGreaterThanOrEqual(0);
  });
});
