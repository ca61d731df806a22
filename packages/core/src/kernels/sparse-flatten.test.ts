import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed } from '../fixed';
import { errorOf } from '../fixed/error-of.test-util';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { inputReduceFixed, inputReduceFloat } from './input-reduce';
import { fixedTypeArb, imageArb, rawsArb } from './sparse-fixtures.test-util';
import { sparseFlattenFixed, sparseFlattenFixedBig, sparseFlattenFloat } from './sparse-flatten';

// 2x3 grid, C = 2. s0 (1,2) = [1, 0]; s1 (2,3) = [0, 5]; s2 (1,2) again = [0, 7]; s3 unused.
const x: SparseTensor = {
  shape: { nMax: 4, c: 2, h: 2, w: 3 },
  feat: Float64Array.from([1, 0, 0, 5, 0, 7, 0, 0]),
  hash: Int32Array.from([1, 2, 2, 3, 1, 2, 1, 1]),
};

describe('sparseFlatten', () => {
  it('writes non-zero features at ((h-1)*W + (w-1))*C + c, later slots overwriting, zeros never', () => {
    // (1,2) -> offset 2: s0 writes 1 at 2; s2 writes 7 at 3 and leaves 2 alone. (2,3) -> offset 10: 5 at 11.
    expect(Array.from(sparseFlattenFloat(x))).toEqual([0, 0, 1, 7, 0, 0, 0, 0, 0, 0, 0, 5]);
  });

  it('round-trips an image through InputReduce when every active pixel fits', () => {
    fc.assert(
      fc.property(imageArb(), ({ h, w, c, image }) => {
        const reduced = inputReduceFloat(image, { h, w, c, nMax: h * w, threshold: 0 });
        expect(reduced.dropped).toBe(0);
        expect(sparseFlattenFloat(reduced.tensor)).toEqual(image);
      }),
      { numRuns: 200 },
    );
  });

  it('fixed: converts to the result type; number path == bigint path', () => {
    // ap_fixed<8,4> raw 7 (0.4375) -> ap_fixed<4,2> (F = 2) AP_TRN: floor(1.75) = 1.
    const y = sparseFlattenFixed(
      { ...x, feat: Float64Array.from([7, 0, 0, 5, 0, -7, 0, 0]) },
      { types: { input: apFixed(8, 4), result: apFixed(4, 2) } },
    );
    expect(Array.from(y)).toEqual([0, 0, 1, -2, 0, 0, 0, 0, 0, 0, 0, 1]);
    const arb = fc
      .record({ input: fixedTypeArb(2, 16), result: fixedTypeArb(2, 16) })
      .chain((t) => rawsArb(t.input, 36).map((img) => ({ ...t, img })));
    fc.assert(
      fc.property(arb, ({ input, result, img }) => {
        const xs = inputReduceFixed(img, { h: 6, w: 3, c: 2, nMax: 10, threshold: -1e9, input }).tensor;
        const a = sparseFlattenFixed(xs, { types: { input, result } });
        const b = sparseFlattenFixedBig(
          { ...xs, feat: Array.from(xs.feat, BigInt) },
          { types: { input, result } },
        );
        expect(a).toEqual(Float64Array.from(b, Number));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to write an active slot outside the grid', () => {
    const bad = { ...x, hash: Int32Array.from([1, 2, 2, 4, 1, 2, 1, 1]) };
    expect(errorOf(() => sparseFlattenFloat(bad, { name: 'flat' }))).toMatchInlineSnapshot(
      `"SP_HASH_OUT_OF_GRID: layer "flat": SparseFlatten input slot 1 has hash (2, 4) outside the 2x3 grid; allowed 1..2 and 1..3"`,
    );
    expect(errorOf(() => sparseFlattenFloat(x, {}, new Float64Array(11)))).toMatchInlineSnapshot(
      `"SP_ARRAY_LENGTH: SparseFlatten output (2x3x2) has 11 elements; expected 12"`,
    );
  });
});
