import { parseType, sparseFlattenFixed } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { randomSparseEvents } from '../testing/random-events';
import { eventOf, modelOf, prepared, problems, reduce, traceOf } from './op-test-utils';

describe('SparseFlatten op', () => {
  const flat = { name: 'flat', op: 'SparseFlatten', inputs: ['reduce'] };

  it('gives a dense H*W*C vector of the input type', () => {
    expect(prepared(modelOf([3, 4, 2], 'ap_fixed<6,2>', [reduce(3), flat]), 'flat')).toMatchObject({ output: { shape: [24] }, precision: { result: 'ap_fixed<6,2>' } });
  });

  it('needs a sparse input', () => {
    expect(problems(modelOf([3, 4, 2], 'ap_fixed<6,2>', [{ ...flat, inputs: ['x_in'] }]))).toMatchInlineSnapshot(`
      [
        "SP4001 error /layers/0/inputs: layer "flat" (SparseFlatten) needs a sparse input (insert it after InputReduce and before SparseFlatten)",
      ]
    `);
  });

  it('equals core sparseFlattenFixed, also when converting to a narrower result type', () => {
    const m = modelOf([3, 4, 2], 'ap_fixed<6,2>', [reduce(3), { ...flat, precision: { result: 'ap_fixed<4,1,AP_RND,AP_SAT>' } }]);
    const events = randomSparseEvents({ h: 3, w: 4, c: 2, count: 20, active: [0, 5], seed: 9, type: 'ap_fixed<6,2>' });
    const t = traceOf(m, events, 20);
    const types = { input: parseType('ap_fixed<6,2>'), result: parseType('ap_fixed<4,1,AP_RND,AP_SAT>') };
    for (let e = 0; e < 20; e++) {
      const x = eventOf(t['reduce']!, e, 20);
      const y = sparseFlattenFixed({ shape: { nMax: 3, c: 2, h: 3, w: 4 }, feat: x.raw, hash: x.hash! }, { types });
      expect(Array.from(eventOf(t['flat']!, e, 20).raw)).toEqual(Array.from(y));
    }
  });
});
