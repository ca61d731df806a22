import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLayerOf } from '@sparsepixels/ir';
import { vivadoBackend } from '../src';
import { expectBitExact, randomCases } from '../src/testing';

// Random small models of every op (sparse chains and standard dense chains) with random 8-24 bit
// precisions, user-fixed narrow accumulators, and random inputs (events with 0 active pixels and
// with more than N): the C simulation must equal the interpreter on every output bit.
const root = mkdtempSync(join(tmpdir(), 'sp-conf-vivado-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cases = randomCases({
  sparseSeeds: [1, 2, 3, 4, 5, 6, 7, 8],
  standardSeeds: [101, 102, 103],
  events: 60,
});

describe.concurrent('vivado: random models are bit-exact', () => {
  it.each(cases)('$name', (c) => expectBitExact(vivadoBackend, c, root), 600_000);
});

describe('the random cases', () => {
  it('exercise every op, activation, pooling mode and user-fixed accumulators', () => {
    const seen = new Set<string>();
    for (const { model } of cases) {
      for (const l of model.layers) {
        seen.add(l.op);
        if (isLayerOf(l, 'Activation') || isLayerOf(l, 'SparseActivation'))
          seen.add(`${l.op}:${l.attrs.activation}`);
        if (isLayerOf(l, 'SparsePooling2D')) seen.add(`${l.op}:${l.attrs.mode}`);
        if (l.precision?.accum && l.precision.accum !== 'auto') seen.add(`${l.op}:fixed-accum`);
      }
    }
    const wanted = [
      ...['InputReduce', 'SparseConv2D', 'SparseFlatten', 'Dense', 'Conv2D', 'AveragePooling2D', 'Flatten'],
      ...['relu', 'linear', 'sigmoid', 'softmax'].flatMap((a) => [
        `SparseActivation:${a}`,
        `Activation:${a}`,
      ]),
      ...[
        'SparsePooling2D:avg',
        'SparsePooling2D:max',
        'SparseConv2D:fixed-accum',
        'SparsePooling2D:fixed-accum',
        'Dense:fixed-accum',
      ],
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });
});
