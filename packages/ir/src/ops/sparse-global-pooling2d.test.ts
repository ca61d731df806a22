import { parseType, sparseGlobalPool2dFixed } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../model';
import { randomSparseEvents } from '../testing/random-events';
import { eventOf, modelOf, prepared, problems, reduce, traceOf, type DocLayer } from './op-test-utils';

const T = 'ap_fixed<8,3>';
const gp = (mode: 'avg' | 'max', extra: Partial<DocLayer> = {}): DocLayer => ({ name: 'gp', op: 'SparseGlobalPooling2D', inputs: ['reduce'], attrs: { mode }, ...extra });

describe('SparseGlobalPooling2D op', () => {
  it('avg: infers the exact N-term accumulator, F and a result on the mean grid (worked example of docs/semantics.md)', () => {
    // sums of k <= 4 inputs in [-4, 3.96875]: ap_fixed<10,5>. F = 10 is the first with (2^F mod 3) * 256 < 2^F.
    expect(prepared(modelOf([3, 4, 2], T, [reduce(4), gp('avg')]), 'gp')).toMatchObject({
      attrs: { mode: 'avg', reciprocalBits: 10 },
      output: { shape: [2] },
      precision: { accum: 'ap_fixed<10,5>', result: 'ap_fixed<8,3>' },
    });
  });

  it.each([
    ['mask', 'avg', [6, -14]],
    ['mask', 'max', [32, 0]],
    ['nonzero', 'avg', [7, -19]],
    ['nonzero', 'max', [32, -8]],
  ] as const)('the table of docs/semantics.md §5.6: %s %s', (activity, mode, raws) => {
    const m = modelOf([2, 3, 2], T, [{ ...reduce(5), attrs: { nMax: 5, threshold: -1 } }, gp(mode)], activity);
    const event = Float64Array.from([1, -0.5, 0.5, -1, 0, 0, -0.75, -0.25, -2, 0, -2, 0]);
    expect(Array.from(traceOf(m, event, 1)['gp']!.raw as ArrayLike<number>)).toEqual(raws);
    if (mode === 'avg') expect(prepared(m, 'gp')).toMatchObject({ attrs: { reciprocalBits: 11 }, precision: { accum: 'ap_fixed<11,6>', result: T } });
  });

  it('avg with an explicit F: the exact product as result; max: the input type', () => {
    expect(prepared(modelOf([3, 4, 2], T, [reduce(4), gp('avg', { attrs: { mode: 'avg', reciprocalBits: 2 } })]), 'gp').precision).toEqual({
      accum: 'ap_fixed<10,5>',
      // r_k = floor(4/k)/4 = 1, 0.5, 0.25, 0.25: every k * [-4, 3.96875] * r_k lies in [-4, 3.96875], at F = 5 + 2
      result: 'ap_fixed<10,3>',
    });
    expect(prepared(modelOf([3, 4, 2], T, [reduce(4), gp('max')]), 'gp').precision).toEqual({ result: T });
  });

  it('refuses reciprocalBits on max, a dense input, and reports when no F <= 32 is accurate enough', () => {
    expect(problems(modelOf([3, 4, 2], T, [reduce(4), gp('max', { attrs: { mode: 'max', reciprocalBits: 4 } })]))).toEqual([
      'SP4012 error /layers/1/attrs/reciprocalBits: layer "gp": reciprocalBits mode max has no reciprocal',
    ]);
    expect(problems(modelOf([3, 4, 2], T, [{ ...gp('avg'), inputs: ['x_in'] }]))[0]).toContain('SP4001');
    const wide = modelOf([10, 10, 1], 'ap_fixed<40,20>', [{ ...reduce(100) }, gp('avg', { precision: { result: 'ap_fixed<64,10>' } })]);
    expect(problems(wide)).toEqual([
      'SP5008 error /layers/1/attrs: layer "gp": no pooling reciprocal of up to 32 fraction bits is within half an output LSB of sum/k for every sum; declare attrs.reciprocalBits or a coarser result type',
    ]);
  });

  it.each([
    ['avg', 'mask'],
    ['avg', 'nonzero'],
    ['max', 'mask'],
    ['max', 'nonzero'],
  ] as const)('%s under %s equals core sparseGlobalPool2dFixed on the traced slots', (mode, activity: Activity) => {
    const result = 'ap_fixed<9,2,AP_RND,AP_SAT>';
    const m = modelOf([4, 4, 2], T, [reduce(5), gp(mode, { precision: { result, ...(mode === 'avg' && { accum: 'ap_fixed<10,4,AP_TRN,AP_SAT>' }) } })], activity);
    const layer = prepared(m, 'gp');
    const events = randomSparseEvents({ h: 4, w: 4, c: 2, count: 30, active: [0, 7], seed: 5, type: T });
    const t = traceOf(m, events, 30);
    const types = { input: parseType(T), result: parseType(result), accum: parseType('ap_fixed<10,4,AP_TRN,AP_SAT>') };
    const bits = (layer.attrs as { reciprocalBits?: number }).reciprocalBits ?? 0;
    let nonZero = 0;
    for (let e = 0; e < 30; e++) {
      const x = eventOf(t['reduce']!, e, 30);
      const valid = t['reduce']!.valid?.subarray(e * 5, e * 5 + 5);
      const y = sparseGlobalPool2dFixed({ shape: { nMax: 5, c: 2, h: 4, w: 4 }, feat: x.raw, hash: x.hash!, ...(valid && { valid }) }, { mode, reciprocalBits: bits, types });
      const got = Array.from(eventOf(t['gp']!, e, 30).raw);
      expect(got).toEqual(Array.from(y));
      nonZero += got.filter((v) => v !== 0).length;
    }
    expect(nonZero).toBeGreaterThan(10);
    expect(activity === 'mask').toBe(t['reduce']!.valid !== undefined);
  });
});
