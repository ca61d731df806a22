import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, apUfixed } from '../fixed';
import { errorOf } from '../fixed/error-of.test-util';
import { softmaxFixed, softmaxFixedBig, softmaxFloat } from './softmax';
import { defaultSoftmaxConfig, softmaxTables, type SoftmaxConfig } from './softmax-tables';
import { fixedTypeArb, rawsArb } from './sparse-fixtures.test-util';

// A tiny configuration computed by hand. exp table: E = 8 over expRange 4 (step 0.5), ap_ufixed<8,1,AP_RND,AP_SAT>
// (F = 7): 128 * e^(-0.5 i) = 128, 77.64, 47.09, 28.56, 17.32, 10.51, 6.37, 3.87 -> rounded below.
// reciprocal table: V = 8 over invRange 4 (step 0.5), ap_ufixed<8,2,AP_RND,AP_SAT> (F = 6):
// 64 / (max(j,1) * 0.5) = 128, 128, 64, 42.67, 32, 25.6, 21.33, 18.29 -> rounded below.
const tiny: SoftmaxConfig = {
  expTableSize: 8,
  expRange: 4,
  expType: apUfixed(8, 1, 'AP_RND', 'AP_SAT'),
  sumType: apUfixed(10, 3, 'AP_TRN', 'AP_SAT'),
  invTableSize: 8,
  invRange: 4,
  invType: apUfixed(8, 2, 'AP_RND', 'AP_SAT'),
};
const tables = softmaxTables(tiny);

describe('softmaxTables', () => {
  it('builds exp and reciprocal tables as documented', () => {
    expect(Array.from(tables.exp)).toEqual([128, 78, 47, 29, 17, 11, 6, 4]);
    expect(Array.from(tables.inv)).toEqual([128, 128, 64, 43, 32, 26, 21, 18]);
  });

  it('defaults: 1024 entries, sum type holding n, reciprocal range 2^(ceil(log2 n) + 1)', () => {
    const c = defaultSoftmaxConfig(10);
    expect(c.sumType).toEqual(apUfixed(21, 5, 'AP_TRN', 'AP_SAT'));
    expect(c.invRange).toBe(32);
    const t = softmaxTables(c);
    expect(t.exp[0]).toBe(65536); // 1.0 with F = 16
    expect(t.inv[32]).toBe(65536); // 1 / (32 * 32 / 1024) = 1
  });

  it('rejects ranges that are not powers of two', () => {
    expect(errorOf(() => softmaxTables({ ...tiny, expRange: 3 }))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: softmax expRange 3 is not allowed; expected a power of two (e.g. 8, 16, 0.5)"`,
    );
  });
});

describe('softmaxFixed', () => {
  it('follows the integer scheme step by step', () => {
    // input ap_fixed<8,4> (F = 4) raws [16, 0, 8]: m = 16, d = [0, 16, 8].
    // exp index = d >> (F + p - e) = d >> 3 -> [0, 2, 1] -> y = [128, 47, 78]; sum = 253 (F = 7, fits).
    // reciprocal index = 253 >> (F_sum + q - v) = 253 >> 6 = 3 -> r = 43.
    // out = y * 43 (F = 13) -> ap_ufixed<8,0> (F = 8, AP_TRN): >> 5: 5504 -> 172, 2021 -> 63, 3354 -> 104.
    const types = { input: apFixed(8, 4), result: apUfixed(8, 0), tables };
    expect(Array.from(softmaxFixed([16, 0, 8], types))).toEqual([172, 63, 104]);
    expect(softmaxFixedBig([16n, 0n, 8n], types)).toEqual([172n, 63n, 104n]);
  });

  it('clamps large differences to the last exp entry', () => {
    // d = 127 - (-128) = 255 -> 255 >> 3 = 31 -> clamped to 7 (y = 4); y = [128, 4], sum = 132 -> 132 >> 6 = 2, r = 64.
    // out: 128*64 = 8192 >> 5 = 256 -> wraps in ap_ufixed<8,0> to 0 (AP_WRAP); 4*64 = 256 >> 5 = 8.
    const types = { input: apFixed(8, 4), result: apUfixed(8, 0), tables };
    expect(Array.from(softmaxFixed([127, -128], types))).toEqual([0, 8]);
  });

  it('number path == bigint path; default tables stay close to the exact softmax', () => {
    const arb = fc
      .record({ input: fixedTypeArb(2, 16), result: fixedTypeArb(2, 20), n: fc.integer({ min: 1, max: 6 }) })
      .chain((t) => rawsArb(t.input, t.n).map((x) => ({ ...t, x })));
    fc.assert(
      fc.property(arb, ({ x, n, ...t }) => {
        const types = { ...t, tables: softmaxTables(defaultSoftmaxConfig(n)) };
        expect(softmaxFixed(x, types)).toEqual(
          Float64Array.from(softmaxFixedBig(Array.from(x, BigInt), types), Number),
        );
      }),
      { numRuns: 200 },
    );
    // accuracy of the default scheme (a tolerance: tables approximate exp and 1/s)
    const input = apFixed(16, 6);
    const x = [1.5, -0.25, 0.75, 2];
    const raws = x.map((v) => v * 1024);
    const result = apUfixed(16, 0);
    const got = softmaxFixed(raws, { input, result, tables: softmaxTables(defaultSoftmaxConfig(4)) });
    const want = softmaxFloat(x);
    got.forEach((r, k) => expect(Math.abs(r / 65536 - want[k]!)).toBeLessThan(0.03));
  });
});
