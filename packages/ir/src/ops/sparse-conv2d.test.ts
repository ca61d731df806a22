import { parseType, prepareSparseConv2dFixed, sparseConv2dFixed } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import type { LayerIR } from '../model';
import type { LayerOfType } from './builtin';
import { resolveAttrs } from './check-attrs';
import { getOp } from './registry';
import { sparseTensor } from './tensor-info';
import { randomSparseEvents } from '../testing/random-events';
import { eventOf, modelOf, prepared, problems, reduce, traceOf } from './op-test-utils';
import { sparseConv2dOp } from './sparse-conv2d';

const W = [0.5, -0.25, 0.75, 1, 0, -1, 0.25, 0.5, -0.5, 1.5, 0.25, -0.75, 0, 0.5, 1, -1.25, 0.75, 0.5]; // 3*3*1*2 ... reused cyclically

function conv(precision: LayerIR['precision'], cin = 2, cout = 2): LayerOfType<'SparseConv2D'> {
  const n = 9 * cin * cout;
  return {
    name: 'conv',
    op: 'SparseConv2D',
    inputs: ['reduce'],
    attrs: { filters: cout, kernelSize: 3 },
    precision,
    weights: {
      kernel: { shape: [3, 3, cin, cout], values: Array.from({ length: n }, (_, i) => W[i % W.length]!) },
      bias: { shape: [cout], values: Array.from({ length: cout }, (_, i) => (i % 2 === 0 ? 0.25 : -0.5)) },
    },
  };
}

describe('SparseConv2D op', () => {
  it('keeps the grid and slots, sets the filters; counts parameters and worst-case MACs', () => {
    const m = modelOf([6, 5, 2], 'ap_ufixed<6,2>', [reduce(4), conv({ weight: 'ap_fixed<4,2>', bias: 'ap_fixed<4,2>' })]);
    const l = prepared(m, 'conv');
    expect(l.output).toEqual({ shape: [6, 5, 2], nMax: 4 });
    expect(getOp(l.op).paramCount(l)).toBe(3 * 3 * 2 * 2 + 2);
    // 4 slots, each meets at most min(4, 9) slots, times Cin*Cout
    expect(sparseConv2dOp.opCount(resolveAttrs(sparseConv2dOp, l.attrs), [sparseTensor([6, 5, 2], 4)])).toBe(4 * 4 * 2 * 2);
  });

  it('checks kernel size and weight shapes against the input channels', () => {
    const m = modelOf([6, 5, 1], 'ap_ufixed<6,2>', [reduce(4), conv({ weight: 'ap_fixed<4,2>', bias: 'ap_fixed<4,2>' })]);
    expect(problems(m)).toMatchInlineSnapshot(`
      [
        "SP5001 error /layers/1/weights/kernel/shape: layer "conv": weight 'kernel' must have shape [3, 3, 1, 2], got [3, 3, 2, 2]",
      ]
    `);
  });

  it.each([
    ['exact accumulator', { weight: 'ap_fixed<4,2>', bias: 'ap_fixed<4,2>' }],
    ['narrow wrapping accumulator', { weight: 'ap_fixed<4,2>', bias: 'ap_fixed<4,2>', accum: 'ap_fixed<6,2>', result: 'ap_fixed<5,2,AP_RND,AP_SAT>' }],
  ])('equals core sparseConv2dFixed on random events (%s)', (_name, precision) => {
    const m = modelOf([6, 5, 2], 'ap_ufixed<6,2>', [reduce(6), conv(precision)]);
    const layer = prepared(m, 'conv');
    const p = layer.precision!;
    const types = { input: parseType('ap_ufixed<6,2>'), weight: parseType(p.weight!), bias: parseType(p.bias!), accum: parseType(p.accum!), result: parseType(p.result!) };
    const scale = (v: number, t: string) => v * 2 ** (parseType(t).width - parseType(t).integer);
    const core = prepareSparseConv2dFixed({
      k: 3,
      cin: 2,
      cout: 2,
      types,
      weights: layer.weights!['kernel']!.values.map((v) => scale(v, p.weight!)),
      bias: layer.weights!['bias']!.values.map((v) => scale(v, p.bias!)),
    });
    const events = randomSparseEvents({ h: 6, w: 5, c: 2, count: 30, active: [0, 9], seed: 4, type: 'ap_ufixed<6,2>' });
    const t = traceOf(m, events, 30);
    let nonZero = 0;
    for (let e = 0; e < 30; e++) {
      const x = eventOf(t['reduce']!, e, 30);
      const y = sparseConv2dFixed({ shape: { nMax: 6, c: 2, h: 6, w: 5 }, feat: x.raw, hash: x.hash! }, core);
      const got = eventOf(t['conv']!, e, 30);
      expect(Array.from(got.raw)).toEqual(Array.from(y.feat));
      expect(Array.from(got.hash!)).toEqual(Array.from(x.hash!));
      nonZero += y.feat.filter((v) => v !== 0).length;
    }
    expect(nonZero).toBeGreaterThan(50);
  });
});
