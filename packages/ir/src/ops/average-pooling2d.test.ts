import { averagePool2dFixed, parseType } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { createRng } from '../testing/prng';
import { randomGridValues } from '../testing/random-grid-values';
import { eventOf, modelOf, prepared, problems, traceOf } from './op-test-utils';

describe('AveragePooling2D op (standard baseline)', () => {
  const pool = (p: number) => ({ name: 'pool', op: 'AveragePooling2D', inputs: ['x_in'], attrs: { poolSize: p } });

  it('floors the grid and warns about dropped pixels', () => {
    expect(prepared(modelOf([7, 6, 2], 'ap_ufixed<6,2>', [pool(3)]), 'pool').output).toEqual({ shape: [2, 2, 2] });
    expect(problems(modelOf([7, 6, 2], 'ap_ufixed<6,2>', [pool(3)]))).toMatchInlineSnapshot(`
      [
        "SP4006 warning /layers/0/attrs/poolSize: layer "pool": the 7x6 grid is not divisible by poolSize 3; pixels beyond 6x6 are dropped",
      ]
    `);
  });

  it('uses the same exact types as SparsePooling2D', () => {
    const dense = prepared(modelOf([6, 6, 1], 'ap_ufixed<6,2>', [pool(3)]), 'pool').precision;
    const sparse = prepared(
      modelOf([6, 6, 1], 'ap_ufixed<6,2>', [
        { name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 4, threshold: 0 } },
        { name: 'pool', op: 'SparsePooling2D', inputs: ['reduce'], attrs: { poolSize: 3, mode: 'avg' } },
      ]),
      'pool',
    ).precision;
    expect(dense).toEqual(sparse);
  });

  it('equals core averagePool2dFixed', () => {
    const m = modelOf([7, 6, 2], 'ap_ufixed<6,2>', [pool(3)]);
    const pl = prepared(m, 'pool');
    const p = pl.precision!;
    const reciprocalBits = (pl.attrs as { reciprocalBits: number }).reciprocalBits;
    const events = randomGridValues(createRng(1), 84 * 10, 'ap_ufixed<6,2>', 1);
    const t = traceOf(m, events, 10);
    const types = { input: parseType('ap_ufixed<6,2>'), accum: parseType(p.accum!), result: parseType(p.result!) };
    for (let e = 0; e < 10; e++) {
      const x = events.slice(e * 84, (e + 1) * 84).map((v) => v * 16);
      expect(Array.from(eventOf(t['pool']!, e, 10).raw)).toEqual(Array.from(averagePool2dFixed(x, { h: 7, w: 6, c: 2, p: 3, types, reciprocalBits })));
    }
  });
});
