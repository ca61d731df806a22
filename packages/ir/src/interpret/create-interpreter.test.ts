import { describe, expect, it } from 'vitest';
import type { RawBatch } from './raw-batch';
import type { ModelIR } from '../model';
import { randomSparseEvents } from '../testing/random-events';
import { tinySparseModel, tinyStandardModel } from '../testing/tiny-models';
import { createFloatInterpreter } from './create-float-interpreter';
import { createInterpreter } from './create-interpreter';

/** Raws of a batch as plain numbers/bigints, for toEqual. */
const raws = (r: RawBatch): (number | bigint)[] => Array.from(r as ArrayLike<number | bigint>);

/** One 4x4 event: (0,0)=1.0, (0,1)=0.6 (off the ap_ufixed<4,2> grid: truncates to 0.5), (2,0)=2.0, (2,3)=0.75. */
function tinyEvent(): Float64Array {
  const x = new Float64Array(16);
  x[0] = 1.0;
  x[1] = 0.6;
  x[8] = 2.0;
  x[11] = 0.75;
  return x;
}

describe('createInterpreter on the tiny sparse model (hand-computed)', () => {
  // InputReduce(3): slots s0=(1,1) 1.0, s1=(1,2) 0.5, s2=(3,1) 2.0; (3,4) is the 4th active pixel: dropped.
  // Conv 3x3 (centre 1, right 0.5, below -0.25, bias 0.25 if the sum is non-zero):
  //   s0 = 1.0 + 0.5*0.5 = 1.25 -> 1.5; s1 = 0.5 -> 0.75; s2 = 2.0 -> 2.25   (ap_fixed<12,8>, F=4: 24, 12, 36)
  // ReLU ap_ufixed<6,3> (F=3): 12, 6, 18.
  // Pool 2: s0, s1 share cell (1,1): (1.5 + 0.75) * 0.25 = 0.5625; s1 -> 0; s2 alone in (2,1): 0.5625
  //   (ap_ufixed<8,3>, F=5: 18, 0, 18); hashes (1,1), (1,1), (2,1).
  // Flatten 2x2: [0.5625, 0, 0.5625, 0].
  // Dense: out0 = 0 + 0.5625*1 + 0.5625*0.5 = 0.84375; out1 = -0.5 - 0.5625 = -1.0625 (ap_fixed<15,8>, F=7: 108, -136).
  it('computes every layer exactly', () => {
    const r = createInterpreter(tinySparseModel(), { trace: true }).run(tinyEvent(), 1);
    const t = r.trace!;
    expect(raws(t['reduce']!.raw)).toEqual([4, 2, 8]);
    expect(Array.from(t['reduce']!.hash!)).toEqual([1, 1, 1, 2, 3, 1]);
    expect(raws(t['conv']!.raw)).toEqual([24, 12, 36]);
    expect(raws(t['relu']!.raw)).toEqual([12, 6, 18]);
    expect(raws(t['pool']!.raw)).toEqual([18, 0, 18]);
    expect(Array.from(t['pool']!.hash!)).toEqual([1, 1, 1, 1, 2, 1]);
    expect(raws(t['flat']!.raw)).toEqual([18, 0, 18, 0]);
    expect(raws(r.raw[0]!)).toEqual([108, -136]);
    expect(Array.from(r.values[0]!)).toEqual([0.84375, -1.0625]);
    expect(r.outputs[0]).toMatchObject({ name: 'out', shape: [2], type: 'ap_fixed<15,8>' });
    expect(Array.from(r.overflowCount)).toEqual([1]);
  });

  // MACs (docs/weight-store.md#mac-counts). conv: slot windows s0 {s0 centre, s1 right}, s1 {s0 left, s1 centre},
  // s2 {s2 centre}: 5 terms with a non-zero input; the left tap weight is 0, so 4 with a non-zero weight;
  // worst case N * min(N, K*K) = 9. fc: inputs 0 and 2 are non-zero (x 2 units = 4 terms); row 0 [1, 0]
  // and row 2 [0.5, -1] hold 3 non-zero weights; worst case 4 * 2 = 8.
  it('counts the MACs each event needs with the macs option (hand-computed), nothing without it', () => {
    const r = createInterpreter(tinySparseModel(), { macs: true }).run([...tinyEvent(), ...new Float64Array(16)], 2);
    expect(Object.keys(r.macs!)).toEqual(['conv', 'fc']);
    const { conv, fc } = r.macs!;
    expect([conv!.dense, ...conv!.inputSparse, ...conv!.inputAndWeightSparse]).toEqual([9, 5, 0, 4, 0]);
    expect([fc!.dense, ...fc!.inputSparse, ...fc!.inputAndWeightSparse]).toEqual([8, 4, 0, 3, 0]);
    expect(createInterpreter(tinySparseModel()).run(tinyEvent(), 1).macs).toBeUndefined();
  });

  it('runs events independently in a batch (no state leaks between events)', () => {
    const empty = new Float64Array(16);
    const batch = new Float64Array([...tinyEvent(), ...empty, ...tinyEvent()]);
    const r = createInterpreter(tinySparseModel()).run(batch, 3);
    // empty event: conv sums are 0 (no bias), everything 0, dense gives its bias: [0, -0.5] -> raws [0, -64]
    expect(raws(r.raw[0]!)).toEqual([108, -136, 0, -64, 108, -136]);
    expect(Array.from(r.overflowCount)).toEqual([1, 0, 1]);
  });

  it('casts inputs with the input type’s own quantization and overflow modes', () => {
    const m = tinySparseModel();
    const sat: ModelIR = { ...m, input: { ...m.input, type: 'ap_ufixed<4,2,AP_RND,AP_SAT>' } };
    const x = new Float64Array(16);
    x[0] = 9; // saturates to 3.75 (raw 15)
    x[1] = 0.6; // rounds to 0.5 (raw 2)
    x[2] = 0.1; // rounds to 0: not active
    const t = createInterpreter(sat, { trace: true }).run(x, 1).trace!['reduce']!;
    expect(raws(t.raw)).toEqual([15, 2, 0]);
    expect(Array.from(t.hash!)).toEqual([1, 1, 1, 2, 1, 1]);
  });

  it('rejects a wrong input length or batch size with one-line messages', () => {
    const it = createInterpreter(tinySparseModel());
    expect(() => it.run(new Float64Array(15), 1)).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: input has 15 values, expected 16 (1 events of H*W*C)]`);
    expect(() => it.run(new Float64Array(0), -1)).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: batchSize must be a non-negative integer, got -1]`);
  });
});

describe('createInterpreter on the tiny standard model (hand-computed)', () => {
  // Same event; no InputReduce, so (2,3) = 0.75 counts too, and the standard conv always adds its bias:
  // conv(y, x) = 0.25 + x(y, x) + 0.5 x(y, x+1) - 0.25 x(y+1, x), zero padding (ap_fixed<12,8>, F=4).
  it('matches the dense semantics layer by layer', () => {
    const r = createInterpreter(tinyStandardModel(), { trace: true }).run(tinyEvent(), 1);
    const t = r.trace!;
    // row 1: (1,0) = 0.25 - 0.25*2.0 = -0.25; (1,3) = 0.25 - 0.25*0.75 = 0.0625; row 2: (2,2) = 0.25 + 0.5*0.75
    expect(raws(t['conv']!.raw)).toEqual([24, 12, 4, 4, -4, 4, 4, 1, 36, 4, 10, 16, 4, 4, 4, 4]);
    // ReLU ap_ufixed<6,3,AP_RND_CONV> (F=3): 0.0625 is half an LSB and rounds to even 0; 0.625 -> 5
    expect(raws(t['relu']!.raw)).toEqual([12, 6, 2, 2, 0, 2, 2, 0, 18, 2, 5, 8, 2, 2, 2, 2]);
    // window sums (F=3) times 0.25 -> F=5 raws equal the sums: 20, 6, 24, 17
    expect(raws(t['pool']!.raw)).toEqual([20, 6, 24, 17]);
    // out0 = 0.625 + 0.75*0.5 = 1.0; out1 = -0.5 + 0.1875 - 0.75 + 0.53125*0.25 = -0.9296875 (F=7)
    expect(raws(r.raw[0]!)).toEqual([128, -119]);
    expect(Array.from(r.overflowCount)).toEqual([0]);
  });
});

describe('float reference interpreter', () => {
  it('equals the bit-exact one where no cast rounds (tiny model, grid inputs)', () => {
    const m = tinySparseModel();
    const x = tinyEvent();
    x[1] = 0.5;
    const exact = createInterpreter(m).run(x, 1);
    const float = createFloatInterpreter(m, { trace: true }).run(x, 1);
    expect(Array.from(float.values[0]!)).toEqual(Array.from(exact.values[0]!));
    expect(Array.from(float.trace!['pool']!.values)).toEqual([0.5625, 0, 0.5625]);
    expect(Array.from(float.overflowCount)).toEqual([1]);
  });

  it('stays within the rounding of the ReLU type of the bit-exact outputs (a float tolerance)', () => {
    const events = randomSparseEvents({ h: 4, w: 4, count: 50, active: [1, 6], seed: 3, type: 'ap_ufixed<4,2>' });
    const exact = createInterpreter(tinySparseModel()).run(events, 50).values[0]!;
    const float = createFloatInterpreter(tinySparseModel()).run(events, 50).values[0]!;
    // Inputs are on the grid and every auto type is exact; only the ReLU result (F=3, saturating at
    // 7.875) rounds: at most 1/16 per value, so the two outputs differ by well under 0.5 unless it saturates.
    let differ = 0;
    for (let i = 0; i < exact.length; i++) {
      expect(Math.abs(exact[i]! - float[i]!)).toBeLessThanOrEqual(0.5);
      if (exact[i] !== float[i]) differ++;
    }
    expect(differ).toBeGreaterThan(0); // the float path really is a different computation
  });
});
