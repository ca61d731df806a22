import { describe, expect, it } from 'vitest';
import type { LayerIR, ModelIR } from '../model';
import { buildPaperModel } from '../testing/paper-models';
import { randomSparseEvents } from '../testing/random-events';
import { randomModel } from '../testing/random-model';
import { denseOnlyModel, tinySparseModel } from '../testing/tiny-models';
import { createInterpreter } from './create-interpreter';
import { integerBitsFor } from './profile-stats';
import { profileModel } from './profile-model';

/**
 * x[2] (ap_fixed<8,4>, wraps) -> Dense(1), weights [1, 1], no bias, accumulator ap_fixed<8,4>
 * (-8..7.875, wraps), result ap_fixed<5,3,AP_TRN,AP_SAT> (-4..3.75, saturates).
 */
function dense(): ModelIR {
  const precision = { weight: 'ap_fixed<4,2>', accum: 'ap_fixed<8,4>', result: 'ap_fixed<5,3,AP_TRN,AP_SAT>' };
  return denseOnlyModel({ name: 'two_sum', shape: [2], type: 'ap_fixed<8,4>', units: 1, precision, kernel: [1, 1] });
}

describe('profileModel', () => {
  it('counts, by hand, which casts saturate or wrap, and where', () => {
    // e0 1+1 = 2: fits.  e1 3+2 = 5: the accumulator holds it, the result saturates to 3.75.
    // e2 7+7 = 14: the accumulator wraps (to -2) before the result cast: an accumulator overflow.
    // e3 9 does not fit the input type: wraps to -7; the layer then saturates -7 to -4.
    // e4 -1+0.5: fits.
    const x = [1, 1, 3, 2, 7, 7, 9, 0, -1, 0.5];
    const out = createInterpreter(dense()).run(x, 5).values[0]!;
    expect(Array.from(out)).toEqual([2, 3.75, -2, -4, -0.5]);
    const r = profileModel(dense(), x);
    expect(r.events).toBe(5);
    expect(r.input).toMatchObject({
      type: 'ap_fixed<8,4>',
      values: 9,
      wrapped: 1,
      saturated: 0,
      range: [-8, 7.9375],
    });
    expect(r.input.needed).toEqual([-1, 9]);
    expect(r.layers[0]).toMatchObject({
      name: 'fc',
      values: 5,
      saturated: 2,
      wrapped: 1,
      accumOverflows: 1,
      range: [-4, 3.75],
      observed: [-4, 3.75],
      needed: [-7, 14],
      integerBits: 3,
      integerBitsNeeded: 5, // -16 <= -7 and 14 < 16
    });
    expect(r.ok).toBe(false);
    expect(r.verdict).toBe(
      'OVERFLOW on 5 events: input ap_fixed<8,4>: 1 wrapped of 9 values; values reach -1..9, the type holds -8..7.9375, needs 5 integer bits (has 4); ' +
        'fc ap_fixed<5,3,AP_TRN,AP_SAT>: 2 saturated, 1 wrapped of 5 values; values reach -7..14, the type holds -4..3.75, needs 5 integer bits (has 3)',
    );
  });

  it('finds nothing to report where every cast is exact, and counts events over N', () => {
    const r = profileModel(
      tinySparseModel(),
      randomSparseEvents({ h: 4, w: 4, count: 200, active: [0, 6], seed: 3, type: 'ap_ufixed<4,2>' }),
    );
    expect(r.nMax).toBe(3);
    expect(r.eventsOverNMax).toBeGreaterThan(0);
    expect(r.droppedPixels).toBeGreaterThanOrEqual(r.eventsOverNMax);
    // relu's ap_ufixed<6,3,AP_SAT> is the only narrow type; on these inputs it never saturates
    expect(r.layers.map((l) => l.saturated + l.wrapped)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.ok).toBe(true);
    expect(r.verdict).toMatch(
      /^ok: no value saturated or wrapped on 200 events; \d+ of 200 events had more than N = 3 active pixels \(\d+ pixels dropped\)$/,
    );
  });

  it("counts an activation's saturation at its quantizer's bound as clipped (the model's own clipping), not overflow", () => {
    const m = tinySparseModel();
    const clip: ModelIR = {
      ...m,
      layers: m.layers.map(
        (l): LayerIR =>
          l.name === 'relu' ? { ...l, precision: { result: 'ap_ufixed<4,1,AP_TRN,AP_SAT>' } } : l,
      ),
    };
    const x = randomSparseEvents({ h: 4, w: 4, count: 100, active: [1, 3], seed: 5, type: 'ap_ufixed<4,2>' });
    const r = profileModel(clip, x);
    const relu = r.layers.find((l) => l.name === 'relu')!;
    expect(relu.clipped).toBeGreaterThan(0); // conv outputs above 1.875 clip to it, as training's quantizer did
    expect([relu.saturated, relu.wrapped]).toEqual([0, 0]);
    expect(relu.needed![1]).toBeGreaterThan(1.875);
    expect(r.ok).toBe(true);
  });

  // The reproducers: a narrowed dense accumulator, and inputs 50 times too large.
  const paper = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8, seed: 4 });
  const events = randomSparseEvents({ h: 63, w: 63, count: 300, active: [5, 40], seed: 9 });

  it('flags a dense accumulator narrowed below what its sums reach on the paper model', () => {
    const exact = profileModel(paper, events);
    expect(exact.ok).toBe(true);
    const fc = paper.layers.findIndex((l) => l.op === 'Dense');
    // these random weights keep fc1's sums within +-0.36 (-0.25..0.25 holds less)
    expect(exact.layers[fc]!.integerBitsNeeded).toBe(0);
    const narrow: ModelIR = {
      ...paper,
      layers: paper.layers.map(
        (l, i): LayerIR =>
          i === fc ? { ...l, precision: { ...l.precision, accum: 'ap_fixed<10,-1>', result: 'auto' } } : l,
      ),
    };
    const r = profileModel(narrow, events);
    const e = r.layers[fc]!;
    expect(e.accum).toBe('ap_fixed<10,-1>');
    expect(e.wrapped).toBeGreaterThan(0);
    expect(e.type).toBe('ap_fixed<10,-1>'); // result 'auto' = the accumulator type
    expect(r.ok).toBe(false);
    expect(r.verdict).toContain(`${e.name} ap_fixed<10,-1>: ${e.wrapped} wrapped of ${e.values} values`);
    expect(r.verdict).toContain('needs 0 integer bits (has -1)');
  });

  it('flags inputs 50 times too large for the input type', () => {
    const big = events.map((v) => v * 50);
    const r = profileModel(paper, big);
    expect(r.input.type).toBe('ap_ufixed<8,1>');
    expect(r.input.wrapped).toBeGreaterThan(0.9 * r.input.values);
    expect(r.input.integerBitsNeeded).toBe(7); // values up to 50 * 255/128 = 99.6 < 2^7
    expect(r.verdict).toMatch(
      /^OVERFLOW on 300 events: input ap_ufixed<8,1>: \d+ wrapped of \d+ values; values reach/,
    );
  });
});

describe('profileModel on random models of every op', () => {
  // With result and accumulator types left 'auto' (exact, or the table type of sigmoid/softmax),
  // no cast can overflow: the widened re-run must agree with the interpreter bit for bit. (A
  // softmax of 1.0 stored as 0.99998 in its default ap_ufixed<16,0> is one step: 'clipped'.)
  it.each(Array.from({ length: 24 }, (_, i) => i + 1))(
    'finds no overflow where the types are exact (seed %i)',
    (seed) => {
      const m = randomModel({ seed, maxGrid: 8 });
      const exact: ModelIR = {
        ...m,
        layers: m.layers.map((l): LayerIR => {
          if (!l.precision) return l;
          const { result: _r, accum: _a, ...rest } = l.precision;
          return { ...l, precision: rest };
        }),
      };
      const [h = 1, w = 1, c = 1] = m.input.shape;
      const x = randomSparseEvents({ h, w, c, count: 40, active: [0, h * w], seed, type: m.input.type });
      const r = profileModel(exact, x);
      expect(r.layers.filter((l) => l.saturated + l.wrapped > 0).map((l) => l.name)).toEqual([]);
      expect(r.input.saturated + r.input.wrapped).toBe(0);
    },
  );
});

describe('integerBitsFor', () => {
  it('is the fewest integer bits holding the range', () => {
    expect(integerBitsFor(-8, 7.5, true)).toBe(4);
    expect(integerBitsFor(-8.5, 7.5, true)).toBe(5);
    expect(integerBitsFor(0, 8, true)).toBe(5);
    expect(integerBitsFor(0, 7.9, false)).toBe(3);
    expect(integerBitsFor(0, 0.2, false)).toBe(-2); // 0.2 < 2^-2
    expect(integerBitsFor(-1, 1, false)).toBe(2); // a negative value asks for a sign bit
  });
});
