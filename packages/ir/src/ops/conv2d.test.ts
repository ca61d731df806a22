import { conv2dSameFixed, parseType, prepareConv2dSameFixed } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { createRng } from '../testing/prng';
import { randomGridValues } from '../testing/random-grid-values';
import { resolveAttrs } from './check-attrs';
import { conv2dOp } from './conv2d';
import { denseTensor } from './tensor-info';
import { eventOf, modelOf, prepared, traceOf } from './op-test-utils';

describe('Conv2D op (standard baseline)', () => {
  const rng = createRng(4);
  const layer = {
    name: 'conv',
    op: 'Conv2D',
    inputs: ['x_in'],
    attrs: { filters: 2, kernelSize: 3 },
    precision: { weight: 'ap_fixed<5,2>', bias: 'ap_fixed<5,2>', accum: 'ap_fixed<9,4>' },
    weights: {
      kernel: { shape: [3, 3, 2, 2], values: randomGridValues(rng, 36, 'ap_fixed<5,2>', 1) },
      bias: { shape: [2], values: randomGridValues(rng, 2, 'ap_fixed<5,2>', 1) },
    },
  };

  it('keeps the grid, sets the filters; bias-first exact accumulator when auto', () => {
    const { precision: _p, ...auto } = layer;
    const l = prepared(modelOf([5, 4, 2], 'ap_ufixed<4,1>', [{ ...auto, precision: { weight: 'ap_fixed<5,2>', bias: 'ap_fixed<5,2>' } }]), 'conv');
    // x raw 0..15 (F=3) * w raw -16..15 (F=3): -240..225 (F=6), 18 taps: -4320..4050, + bias -16..15 (F=3 -> -128..120)
    // = -4448..4170 -> 14 bits signed, I = 14 - 6 = 8
    expect(l).toMatchObject({ output: { shape: [5, 4, 2] }, precision: { accum: 'ap_fixed<14,8>', result: 'ap_fixed<14,8>' } });
    expect(conv2dOp.opCount(resolveAttrs(conv2dOp, l.attrs), [denseTensor([5, 4, 2])])).toBe(5 * 4 * 9 * 2 * 2);
  });

  it('equals core conv2dSameFixed with a narrow wrapping accumulator', () => {
    const m = modelOf([5, 4, 2], 'ap_ufixed<4,1>', [layer]);
    const p = prepared(m, 'conv').precision!;
    const core = prepareConv2dSameFixed({
      h: 5,
      w: 4,
      cin: 2,
      cout: 2,
      k: 3,
      weights: layer.weights.kernel.values.map((v) => v * 8),
      bias: layer.weights.bias.values.map((v) => v * 8),
      types: { input: parseType('ap_ufixed<4,1>'), weight: parseType('ap_fixed<5,2>'), bias: parseType('ap_fixed<5,2>'), accum: parseType(p.accum!), result: parseType(p.result!) },
    });
    const events = randomGridValues(createRng(8), 40 * 10, 'ap_ufixed<4,1>', 1);
    const t = traceOf(m, events, 10);
    for (let e = 0; e < 10; e++) {
      const x = events.slice(e * 40, (e + 1) * 40).map((v) => v * 8);
      expect(Array.from(eventOf(t['conv']!, e, 10).raw)).toEqual(Array.from(conv2dSameFixed(x, core)));
    }
  });
});
