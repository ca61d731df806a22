import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInterpreter, type Activity, type LayerIR, type ModelIR } from '@sparsepixels/ir';
import { vivadoBackend } from '../src';
import { expectBitExact } from '../src/testing';

// The two activity rules in firmware (docs/semantics.md): the C simulation equals the interpreter
// bit for bit in both modes, on models where the modes give different outputs.
const root = mkdtempSync(join(tmpdir(), 'sp-activity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const T = 'ap_fixed<8,3>';

function doc(name: string, activity: Activity, shape: number[], layers: LayerIR[]): ModelIR {
  return { format: 'sparsepixels-ir', version: 2, activity, name: `${name}_${activity}`, input: { name: 'x', shape, type: T }, layers, outputs: [layers.at(-1)!.name] };
}

const conv = (name: string, input: string, taps: number[]): LayerIR => ({
  name,
  op: 'SparseConv2D',
  inputs: [input],
  attrs: { filters: 1, kernelSize: 3 },
  precision: { weight: T, bias: T },
  weights: { kernel: { shape: [3, 3, 1, 1], values: taps }, bias: { shape: [1], values: [0.25] } },
});

/** A kept pixel whose relu1 is all zero, then conv2 (the issue's example class). */
const issue = (a: Activity) =>
  doc('issue', a, [3, 3, 1], [
    { name: 'reduce', op: 'InputReduce', inputs: ['x'], attrs: { nMax: 3, threshold: 0 } },
    conv('conv1', 'reduce', [0, 0, 0, 0, 1, -2, 0, 0, 0]),
    { name: 'relu1', op: 'SparseActivation', inputs: ['conv1'], attrs: { activation: 'relu' }, precision: { result: 'ap_ufixed<8,3>' } },
    conv('conv2', 'relu1', [0, 0, 0, 0, 1, 0.5, 0, 0, 0]),
    { name: 'sig', op: 'SparseActivation', inputs: ['conv2'], attrs: { activation: 'sigmoid', tableSize: 256 } },
    { name: 'flat', op: 'SparseFlatten', inputs: ['sig'] },
  ]);

/** Max pooling of a negative channel with an unused slot in the cell of (1,1) under v1. */
const maxPool = (a: Activity) =>
  doc('maxpool', a, [4, 4, 2], [
    { name: 'reduce', op: 'InputReduce', inputs: ['x'], attrs: { nMax: 3, threshold: 0 } },
    { name: 'pool', op: 'SparsePooling2D', inputs: ['reduce'], attrs: { poolSize: 2, mode: 'max' } },
    { name: 'avg', op: 'SparsePooling2D', inputs: ['pool'], attrs: { poolSize: 2, mode: 'avg' } },
    { name: 'flat', op: 'SparseFlatten', inputs: ['avg'] },
  ]);

// issue: pixels (1,1) and (1,2); a third event with (3,3) alone. maxPool: (2,2) = (0.5, -0.5) alone.
const issueEvents = Float64Array.from([1, 1, 0, 0, 0, 0, 0, 0, 0, 0.5, 1.5, 0, 0, 0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
const poolEvents = new Float64Array(2 * 32);
poolEvents.set([0.5, -0.5], (1 * 4 + 1) * 2);
poolEvents.set([0.25, -1, 0.5, -0.75], 32 + (2 * 4 + 3) * 2);

describe.concurrent('activity mask and nonzero in the C simulation', () => {
  it.each([
    ['issue', issue, issueEvents, 3],
    ['maxPool', maxPool, poolEvents, 2],
  ] as const)('%s: bit-exact in both modes, and the modes differ', async (_name, model, events, count) => {
    const values = (a: Activity) => Array.from(createInterpreter(model(a)).run(events, count).values[0]!);
    expect(values('mask')).not.toEqual(values('nonzero'));
    for (const a of ['mask', 'nonzero'] as const) {
      await expectBitExact(vivadoBackend, { name: model(a).name, model: model(a), events }, root);
    }
  }, 240_000);
});
