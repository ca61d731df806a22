import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { castRaw } from './cast-raw';
import { castRawBig } from './cast-raw-big';
import { errorOf } from './error-of.test-util';
import { OVERFLOW_MODES, QUANT_MODES, type FixedType } from './fixed-type';
import { refConvert } from './reference-model.test-util';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';

/** Types the number path serves: W <= 53, every mode. */
const numberType = (maxWidth: number): fc.Arbitrary<FixedType> =>
  fc.oneof(
    fc
      .record({
        signed: fc.boolean(),
        width: fc.integer({ min: 1, max: maxWidth }),
        integer: fc.integer({ min: -20, max: 70 }),
        quant: fc.constantFrom(...QUANT_MODES),
        overflow: fc.constantFrom(...OVERFLOW_MODES),
        n: fc.nat(60),
      })
      .map(({ signed, width, integer, quant, overflow, n }) => {
        const o = !signed && overflow === 'AP_WRAP_SM' ? 'AP_SAT' : overflow;
        const sat = o === 'AP_WRAP' || o === 'AP_WRAP_SM' ? n % (width + 1) : 0;
        return (signed ? apFixed : apUfixed)(width, integer, quant, o, sat);
      }),
    fc.integer({ min: 1, max: maxWidth }).map(apInt),
    fc.integer({ min: 1, max: maxWidth }).map(apUint),
  );

/** Raws up to 2^53 in magnitude, biased towards small values, ties and powers of two. */
const safeRaw = fc.oneof(
  fc.integer({ min: -300, max: 300 }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.maxSafeInteger().map((x) => -x),
  fc.integer({ min: 0, max: 53 }).map((k) => 2 ** k),
  fc.integer({ min: 0, max: 53 }).map((k) => -(2 ** k)),
  fc.integer({ min: 1, max: 52 }).map((k) => 2 ** k + 2 ** (k - 1)),
);

describe('castRaw (number path)', () => {
  it('equals castRawBig on the safe range for every mode (W <= 53)', () => {
    fc.assert(
      fc.property(numberType(53), safeRaw, fc.integer({ min: -30, max: 90 }), (t, raw, fracSrc) => {
        expect(castRaw(raw, fracSrc, t, 60)).toBe(Number(castRawBig(BigInt(raw), fracSrc, t, 60)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals the reference model on every pattern of small sources into W <= 6 types', () => {
    const failures: string[] = [];
    fc.assert(
      fc.property(
        numberType(6),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.integer({ min: -2, max: 9 }),
        (t, w, s, f) => {
          const n = 2 ** w;
          for (let k = 0; k < n; k++) {
            const r = s && k >= n / 2 ? k - n : k;
            const want = Number(refConvert(BigInt(r), f, w, t));
            const got = castRaw(r, f, t, w);
            if (got !== want) failures.push(`${r}@F${f} -> ${JSON.stringify(t)}: got ${got} want ${want}`);
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('is exact beyond 2^53 and for large shifts by falling back to bigints', () => {
    const t = apFixed(40, 10, 'AP_RND_CONV', 'AP_SAT');
    const raw = 2 ** 60 + 2 ** 20; // an exact double above 2^53
    expect(castRaw(raw, 60, t)).toBe(Number(castRawBig(BigInt(raw), 60, t)));
    expect(castRaw(3, -1100, apFixed(8, 4, 'AP_TRN', 'AP_SAT'))).toBe(127);
    expect(castRaw(-3, 1100, apFixed(8, 4))).toBe(-1);
    expect(castRaw(-3, 1100, apFixed(8, 4, 'AP_RND'))).toBe(0);
  });

  it('never returns -0', () => {
    expect(Object.is(castRaw(-0, 3, apFixed(8, 4)), 0)).toBe(true);
    expect(Object.is(castRaw(-1, 8, apFixed(8, 4, 'AP_TRN_ZERO')), 0)).toBe(true);
    expect(Object.is(castRaw(-1, 8, apFixed(8, 4, 'AP_RND')), 0)).toBe(true);
  });

  it('rejects wide destinations and non-integer raws', () => {
    expect(errorOf(() => castRaw(1, 0, apFixed(54, 10)))).toMatchInlineSnapshot(
      `"SP_FIXED_WIDE: castRaw cannot return ap_fixed<54,10> as a number: width 54 > 53, use castRawBig"`,
    );
    expect(errorOf(() => castRaw(1.5, 0, apFixed(8, 4)))).toMatchInlineSnapshot(
      `"SP_FIXED_RAW: castRaw raw value 1.5 is not an integer: raws are finite integers (the W-bit pattern read signed/unsigned)"`,
    );
    expect(errorOf(() => castRaw(Number.NaN, 0, apFixed(8, 4)))).toMatchInlineSnapshot(
      `"SP_FIXED_RAW: castRaw raw value NaN is not an integer: raws are finite integers (the W-bit pattern read signed/unsigned)"`,
    );
  });
});
