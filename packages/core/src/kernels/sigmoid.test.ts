import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apFixed, apInt, apUfixed } from '../fixed';
import { errorOf } from '../fixed/error-of.test-util';
import {
  DEFAULT_SIGMOID_TABLE_TYPE,
  sigmoidFixed,
  sigmoidFixedBig,
  sigmoidFloat,
  sigmoidTable,
} from './sigmoid';
import { fixedTypeArb, rawsArb } from './sparse-fixtures.test-util';

// 16 entries over [-8, 8): x_i = -8 + i. Type ap_ufixed<8,0,AP_RND,AP_SAT> (F = 8). 256 / (1 + e^-x_i) =
// 0.086 0.233 0.633 1.713 4.604 12.141 30.516 68.849 128 187.151 225.484 243.859 251.396 254.287 255.367 255.767
// rounded (AP_RND), the last saturating at 255:
const expected16 = [0, 0, 1, 2, 5, 12, 31, 69, 128, 187, 225, 244, 251, 254, 255, 255];
const table16 = sigmoidTable({ tableSize: 16, tableType: apUfixed(8, 0, 'AP_RND', 'AP_SAT') });

describe('sigmoidTable', () => {
  it('quantizes 1/(1+exp(-x_i)) at x_i = -8 + 16 i / T with the table type', () => {
    expect(Array.from(table16.raw)).toEqual(expected16);
  });

  it('defaults to 1024 entries of ap_ufixed<16,0,AP_RND,AP_SAT>', () => {
    const t = sigmoidTable();
    expect(t.config).toEqual({ tableSize: 1024, tableType: DEFAULT_SIGMOID_TABLE_TYPE });
    expect(t.raw[512]).toBe(32768); // sigmoid(0) = 0.5
    expect(t.raw[0]).toBe(22); // 65536 * 0.000335 = 21.98
  });

  it('rejects sizes that are not powers of two', () => {
    expect(errorOf(() => sigmoidTable({ tableSize: 1000 }))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: sigmoid table size 1000 is not allowed; expected a power of two 2..2^24"`,
    );
  });
});

describe('sigmoidFixed', () => {
  it('indexes T/2 + floor(raw * 2^(t-4-F)), clamped', () => {
    // input ap_fixed<8,4> (F = 4), T = 16 (t = 4): index = 8 + floor(raw / 16).
    // raw 16 (1.0) -> 9; 15 (0.9375) -> 8; -1 (-0.0625) -> 7 (floor, not truncation); 127 -> 15; -128 -> 0.
    const types = { input: apFixed(8, 4), result: apUfixed(8, 0, 'AP_RND', 'AP_SAT'), table: table16 };
    expect(Array.from(sigmoidFixed([16, 15, -1, 127, -128], types))).toEqual([187, 128, 69, 255, 0]);
    // ap_fixed<16,10> (F = 6): index = 8 + floor(raw / 64), clamped to [0, 15].
    const wide = { ...types, input: apFixed(16, 10) };
    expect(Array.from(sigmoidFixed([32767, -32768, 64, -65], wide))).toEqual([255, 0, 187, 31]);
    // ap_int<8> with T = 1024: index = 512 + raw * 64 (a left shift): raw 1 -> 576, i.e. x = 1.0.
    const big = sigmoidTable();
    expect(
      sigmoidFixed([1, -9, 8], { input: apInt(8), result: DEFAULT_SIGMOID_TABLE_TYPE, table: big }),
    ).toEqual(Float64Array.from([big.raw[576]!, big.raw[0]!, big.raw[1023]!]));
  });

  it('converts the entry to the result type', () => {
    // entry 187 (F = 8) -> ap_ufixed<4,0> (F = 4, AP_TRN): floor(187 / 16) = 11.
    expect(
      Array.from(sigmoidFixed([16], { input: apFixed(8, 4), result: apUfixed(4, 0), table: table16 })),
    ).toEqual([11]);
  });

  it('number path == bigint path; float form is the exact function', () => {
    const arb = fc
      .record({ input: fixedTypeArb(1, 24), result: fixedTypeArb(1, 20) })
      .chain((t) => rawsArb(t.input, 16).map((x) => ({ ...t, x })));
    const table = sigmoidTable({ tableSize: 64 });
    fc.assert(
      fc.property(arb, ({ x, ...t }) => {
        expect(sigmoidFixed(x, { ...t, table })).toEqual(
          Float64Array.from(sigmoidFixedBig(Array.from(x, BigInt), { ...t, table }), Number),
        );
      }),
      { numRuns: 300 },
    );
    // float form: the math function in float64 (tolerance: exp and log round)
    const [a, b] = sigmoidFloat([0, Math.log(3)]);
    expect(a).toBe(0.5);
    expect(b).toBeCloseTo(0.75, 14);
  });
});
