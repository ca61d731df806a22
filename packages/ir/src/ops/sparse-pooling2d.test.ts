import { parseType, sparsePool2dFixed } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import type { LayerIR } from '../model';
import { randomSparseEvents } from '../testing/random-events';
import { eventOf, modelOf, prepared, reduce, traceOf, type DocLayer } from './op-test-utils';
import { resolveAttrs } from './check-attrs';
import { sparseTensor } from './tensor-info';
import { sparsePooling2dOp } from './sparse-pooling2d';

function pool(p: number, mode: string, precision?: LayerIR['precision']): DocLayer {
  return { name: 'pool', op: 'SparsePooling2D', inputs: ['reduce'], attrs: { poolSize: p, mode }, ...(precision && { precision }) };
}

describe('SparsePooling2D op', () => {
  it('floors the grid, keeps slots and channels', () => {
    const l = prepared(modelOf([7, 5, 2], 'ap_ufixed<6,2>', [reduce(6), pool(2, 'max')]), 'pool');
    expect(l.output).toEqual({ shape: [3, 2, 2], nMax: 6 });
    expect(sparsePooling2dOp.opCount(resolveAttrs(sparsePooling2dOp, l.attrs), [sparseTensor([7, 5, 2], 6)])).toBe(0);
  });

  it.each([
    ['avg P=2', 2, 'avg', undefined],
    ['avg P=3 (inexact r)', 3, 'avg', undefined],
    ['avg with a narrow user accumulator', 2, 'avg', { accum: 'ap_ufixed<6,2>', result: 'ap_ufixed<6,1,AP_RND,AP_SAT>' }],
    ['max', 2, 'max', undefined],
  ] as const)('equals core sparsePool2dFixed (%s)', (_n, p, mode, precision) => {
    const m = modelOf([7, 5, 2], 'ap_ufixed<6,2>', [reduce(8), pool(p, mode, precision)]);
    const pr = prepared(m, 'pool').precision!;
    const types = { input: parseType('ap_ufixed<6,2>'), result: parseType(pr.result!), accum: pr.accum ? parseType(pr.accum) : undefined };
    const events = randomSparseEvents({ h: 7, w: 5, c: 2, count: 30, active: [0, 12], seed: 6, type: 'ap_ufixed<6,2>' });
    const t = traceOf(m, events, 30);
    for (let e = 0; e < 30; e++) {
      const x = eventOf(t['reduce']!, e, 30);
      const y = sparsePool2dFixed({ shape: { nMax: 8, c: 2, h: 7, w: 5 }, feat: x.raw, hash: x.hash! }, { p, mode, types });
      const got = eventOf(t['pool']!, e, 30);
      expect(Array.from(got.raw)).toEqual(Array.from(y.feat));
      expect(Array.from(got.hash!)).toEqual(Array.from(y.hash));
    }
  });
});
