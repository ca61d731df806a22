import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInterpreter, formatCsimReport, isLayerOf, prepareModel, type Activity, type LayerIR, type ModelIR } from '@sparsepixels/ir';
import { randomInputs, randomSparseModel, tinySparseModel } from '@sparsepixels/ir/testing';
import { emitRtlProject, runRtlSim } from '../src';
import { expectCleanProject } from './lint-project';

// Sparse semantics v2 in the RTL (docs/semantics.md section 5): a validity bit per slot under
// activity 'mask', the prepared pooling reciprocal, table sizes and logits heads. Every model is
// built with Verilator and every output bit compared with the interpreter.
const root = mkdtempSync(join(tmpdir(), 'sp-rtl-v2-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const VERILATOR = 600_000;

const withLayers = (m: ModelIR, f: (l: LayerIR) => LayerIR): ModelIR => ({ ...m, layers: m.layers.map(f) });

async function bitExact(name: string, model: ModelIR, events: Float64Array): Promise<void> {
  const emitted = await emitRtlProject(model, join(root, name), { testInputs: events });
  const r = await runRtlSim(emitted.outDir);
  expect(r.bitExact, `${name}: ${formatCsimReport(r, 'RTL simulation')}`).toBe(true);
  expect(r.events).toBe(events.length / model.input.shape.reduce((a, b) => a * b, 1));
  expect(r.measured.latencyMax).toBe(emitted.schedule.latency);
  expect(r.measured.iiMax).toBe(emitted.schedule.ii);
}

const T = 'ap_fixed<8,3>';

/** docs/semantics.md 5.1's example: a kept pixel whose relu1 features are all zero feeds conv2. */
function zeroKeptModel(activity: Activity): ModelIR {
  const conv = (name: string, input: string, taps: number[]): LayerIR => ({
    name,
    op: 'SparseConv2D',
    inputs: [input],
    attrs: { filters: 1, kernelSize: 3 },
    precision: { weight: T, bias: T },
    weights: { kernel: { shape: [3, 3, 1, 1], values: taps }, bias: { shape: [1], values: [0.25] } },
  });
  return {
    format: 'sparsepixels-ir',
    version: 2,
    activity,
    name: 'zero_kept',
    input: { name: 'x', shape: [3, 3, 1], type: T },
    layers: [
      { name: 'reduce', op: 'InputReduce', inputs: ['x'], attrs: { nMax: 3, threshold: 0 } },
      conv('conv1', 'reduce', [0, 0, 0, 0, 1, -2, 0, 0, 0]),
      { name: 'relu1', op: 'SparseActivation', inputs: ['conv1'], attrs: { activation: 'relu' }, precision: { result: 'ap_ufixed<8,3>' } },
      conv('conv2', 'relu1', [0, 0, 0, 0, 1, 0.5, 0, 0, 0]),
      { name: 'sig', op: 'SparseActivation', inputs: ['conv2'], attrs: { activation: 'sigmoid' } },
      { name: 'pool', op: 'SparsePooling2D', inputs: ['sig'], attrs: { poolSize: 1, mode: 'max' } },
      { name: 'flat', op: 'SparseFlatten', inputs: ['pool'] },
    ],
    outputs: ['flat'],
  };
}

describe('rtl: sparse semantics v2', () => {
  it(
    "activity 'mask': a kept pixel with all-zero features is computed (and differs from 'nonzero')",
    async () => {
      // pixels (1,1) and (1,2) kept: conv1 gives -1 and 1, relu1 0 and 1; conv2 computes slot 0
      // from its neighbour under 'mask' only; the events after it are random
      const first = [1, 1, 0, 0, 0, 0, 0, 0, 0];
      const rest = randomInputs(prepareModel(zeroKeptModel('mask')).model, 30, 5);
      const events = Float64Array.from([...first, ...rest]);
      const mask = createInterpreter(zeroKeptModel('mask')).run(first, 1).values[0]!;
      const nonzero = createInterpreter(zeroKeptModel('nonzero')).run(first, 1).values[0]!;
      expect(mask[0]).not.toBe(nonzero[0]); // the case is one where the modes differ
      await bitExact('zero_kept_mask', zeroKeptModel('mask'), events);
      await bitExact('zero_kept_nonzero', zeroKeptModel('nonzero'), events);
    },
    VERILATOR,
  );

  it(
    "a logits head and a 3x3 average pooling with the inferred reciprocal (activity 'mask')",
    async () => {
      const base: ModelIR = { ...tinySparseModel(), activity: 'mask', input: { name: 'x_in', shape: [6, 6, 1], type: 'ap_ufixed<4,2>' } };
      const model = withLayers(base, (l) => {
        if (isLayerOf(l, 'SparsePooling2D')) return { ...l, attrs: { poolSize: 3, mode: 'avg' } };
        if (l.name === 'out') return { name: 'out', op: 'Activation', inputs: l.inputs, attrs: { activation: 'softmax', output: 'logits' } };
        return l;
      });
      const prepared = prepareModel(model);
      const pool = prepared.model.layers.find((l) => l.name === 'pool')!;
      const bits = (pool.attrs as { reciprocalBits?: number }).reciprocalBits;
      expect(bits).toBeGreaterThan(10); // inferred, not the v1 constant: r = floor(2^F/3)/2^F
      await bitExact('logits_pool3', model, randomInputs(prepared.model, 40, 11));
    },
    VERILATOR,
  );

  it(
    "a 'mask' project with $readmemh tables passes Verilator lint, Yosys read/check and iverilog",
    async () => {
      const dir = join(root, 'lint_mask_13');
      const emitted = await emitRtlProject(randomSparseModel(13, 'mask'), dir);
      expect(emitted.files.filter((f) => f.endsWith('.hex')).length).toBeGreaterThan(0);
      await expectCleanProject(dir);
    },
    VERILATOR,
  );

  // seeds picked so that, under 'mask', every sparse core reads the validity bits: conv gather and
  // scatter (both modes), pool gather (max) and scatter (avg with F = 2 and F = 26), sparse
  // softmax and a sigmoid from $readmemh tables, logits heads ('nonzero' models: conformance.test.ts)
  for (const seed of [16, 13, 6, 2]) {
    it(
      `random model ${seed} (activity 'mask'), 40 events`,
      async () => {
        const model = randomSparseModel(seed, 'mask');
        await bitExact(`random_mask_${seed}`, model, randomInputs(prepareModel(model).model, 40, seed));
      },
      VERILATOR,
    );
  }
});
