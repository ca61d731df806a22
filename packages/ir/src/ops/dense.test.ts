import { denseFixed, parseType, prepareDenseFixed } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import type { LayerIR } from '../model';
import type { LayerOfType } from './builtin';
import { resolveAttrs } from './check-attrs';
import { getOp } from './registry';
import { denseTensor } from './tensor-info';
import { createRng } from '../testing/prng';
import { randomGridValues } from '../testing/random-grid-values';
import { denseOp } from './dense';
import { eventOf, modelOf, prepared, problems, traceOf } from './op-test-utils';

function dense(nIn: number, units: number, precision: LayerIR['precision'], withBias = true): LayerOfType<'Dense'> {
  const rng = createRng(3);
  return {
    name: 'fc',
    op: 'Dense',
    inputs: ['x_in'],
    attrs: { units },
    precision,
    weights: {
      kernel: { shape: [nIn, units], values: randomGridValues(rng, nIn * units, 'ap_fixed<5,2>', 1) },
      ...(withBias && { bias: { shape: [units], values: randomGridValues(rng, units, 'ap_fixed<5,2>', 1) } }),
    },
  };
}

describe('Dense op', () => {
  it('needs a vector input; counts parameters and MACs', () => {
    expect(problems(modelOf([2, 3, 1], 'ap_fixed<6,2>', [dense(6, 2, { weight: 'ap_fixed<5,2>', bias: 'ap_fixed<5,2>' })]))).toMatchInlineSnapshot(`
      [
        "SP4007 error /layers/0/inputs/0: layer "fc" (Dense) needs a 1-D [n] vector input, got shape [2, 3, 1]",
      ]
    `);
    const l = prepared(modelOf([6], 'ap_fixed<6,2>', [dense(6, 3, { weight: 'ap_fixed<5,2>', bias: 'ap_fixed<5,2>' })]), 'fc');
    expect(getOp(l.op).paramCount(l)).toBe(21);
    expect(denseOp.opCount(resolveAttrs(denseOp, l.attrs), [denseTensor([6])])).toBe(18);
  });

  it.each([
    ['exact', { weight: 'ap_fixed<5,2>', bias: 'ap_fixed<5,2>' }, true],
    ['no bias', { weight: 'ap_fixed<5,2>' }, false],
    ['saturating accumulator', { weight: 'ap_fixed<5,2>', bias: 'ap_fixed<5,2>', accum: 'ap_fixed<7,3,AP_RND_CONV,AP_SAT>' }, true],
  ] as const)('equals core denseFixed (%s)', (_n, precision, withBias) => {
    const m = modelOf([12], 'ap_fixed<6,2>', [dense(12, 3, precision, withBias)]);
    const l = prepared(m, 'fc');
    const p = l.precision!;
    const s = (t: string) => 2 ** (parseType(t).width - parseType(t).integer);
    const core = prepareDenseFixed({
      nIn: 12,
      nOut: 3,
      weights: l.weights!['kernel']!.values.map((v) => v * s(p.weight!)),
      bias: withBias ? l.weights!['bias']!.values.map((v) => v * s(p.bias!)) : undefined,
      types: { input: parseType('ap_fixed<6,2>'), weight: parseType(p.weight!), bias: p.bias ? parseType(p.bias) : undefined, accum: parseType(p.accum!), result: parseType(p.result!) },
    });
    const rng = createRng(5);
    const events = randomGridValues(rng, 12 * 25, 'ap_fixed<6,2>', 1);
    const t = traceOf(m, events, 25);
    for (let e = 0; e < 25; e++) {
      const x = events.slice(e * 12, (e + 1) * 12).map((v) => v * 16);
      expect(Array.from(eventOf(t['fc']!, e, 25).raw)).toEqual(Array.from(denseFixed(x, core)));
    }
  });
});
