import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apUfixed, apFixed } from '../../fixed';
import { averagePool2dFixed, averagePool2dFixedBig, averagePool2dFloat } from './average-pool2d';

describe('averagePool2dFloat', () => {
  it('averages P x P windows with stride P (P = 2: r = 0.5 exactly)', () => {
    // 4x4 image 0..15 row-major; window (0,0) = 0+1+4+5 = 10 -> 2.5
    const image = Array.from({ length: 16 }, (_, i) => i);
    const out = averagePool2dFloat(image, { h: 4, w: 4, c: 1, p: 2 });
    expect(Array.from(out)).toEqual([2.5, 4.5, 10.5, 12.5]);
  });

  it('drops rows and columns beyond floor(H/P) * P', () => {
    // 5x5, P = 2: output 2x2; row 4 and column 4 (value 100) never contribute
    const image = Array.from({ length: 25 }, (_, i) => (i % 5 === 4 || i >= 20 ? 100 : 1));
    expect(Array.from(averagePool2dFloat(image, { h: 5, w: 5, c: 1, p: 2 }))).toEqual([1, 1, 1, 1]);
  });

  it('uses r = floor(1024/P)/1024 (P = 3: 341/1024), keeping channels apart', () => {
    // 3x3x2: channel 0 all ones (sum 9), channel 1 all twos (sum 18)
    const image = Array.from({ length: 18 }, (_, i) => (i % 2 === 0 ? 1 : 2));
    const r = 341 / 1024;
    expect(Array.from(averagePool2dFloat(image, { h: 3, w: 3, c: 2, p: 3 }))).toEqual([
      9 * r * r,
      18 * r * r,
    ]);
  });
});

describe('averagePool2dFixed', () => {
  const input = apUfixed(6, 2); // F = 4

  it('sums exactly in the default accumulator and casts sum * r * r once (hand-computed)', () => {
    // four values 3.5 (raw 56): sum 14 (raw 224, F = 4); * 0.25 = 3.5 -> result ap_ufixed<8,3> raw 3.5*32 = 112
    const out = averagePool2dFixed([56, 56, 56, 56], {
      h: 2,
      w: 2,
      c: 1,
      p: 2,
      types: { input, result: apUfixed(8, 3) },
    });
    expect(Array.from(out)).toEqual([112]);
  });

  it('honours a declared narrow accumulator (wraps as the published kernel did)', () => {
    // accum ap_ufixed<6,2> (max 3.9375): 3.5+3.5 = 7 wraps to 3, +3.5 = 6.5 wraps to 2.5, +3.5 = 6 wraps to 2;
    // 2 * 0.25 = 0.5 -> raw 16 in ap_ufixed<8,3>
    const out = averagePool2dFixed([56, 56, 56, 56], {
      h: 2,
      w: 2,
      c: 1,
      p: 2,
      types: { input, accum: input, result: apUfixed(8, 3) },
    });
    expect(Array.from(out)).toEqual([16]);
  });

  it('truncates the inexact P = 3 average into the result type', () => {
    // nine 1.0 (raw 16): sum 9; 9 * 341^2 / 2^20 = 1046529 / 1048576 = 0.99804...; ap_ufixed<8,1> (F = 7) TRN -> floor(127.74) = 127
    const out = averagePool2dFixed(new Array<number>(9).fill(16), {
      h: 3,
      w: 3,
      c: 1,
      p: 3,
      types: { input, result: apUfixed(8, 1) },
    });
    expect(Array.from(out)).toEqual([127]);
  });

  it('number and bigint forms agree (signed input, saturating and wrapping accumulators)', () => {
    const sIn = apFixed(7, 3);
    const accums = [undefined, apFixed(8, 3), apFixed(8, 4, 'AP_RND', 'AP_SAT')];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.integer({ min: -64, max: 63 }), { minLength: 6 * 6 * 2, maxLength: 6 * 6 * 2 }),
        (p, a, x) => {
          const o = {
            h: 6,
            w: 6,
            c: 2,
            p,
            types: { input: sIn, accum: accums[a], result: apFixed(12, 4, 'AP_RND_CONV', 'AP_SAT') },
          };
          expect(Array.from(averagePool2dFixed(x, o))).toEqual(
            averagePool2dFixedBig(x.map(BigInt), o).map(Number),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a pool larger than the grid', () => {
    expect(() =>
      averagePool2dFloat([1, 2, 3, 4], { h: 2, w: 2, c: 1, p: 3 }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: AveragePooling2D pool size P = 3 is larger than the 2x2 grid; allowed P <= 2]`,
    );
  });
});
