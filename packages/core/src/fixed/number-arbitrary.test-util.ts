import fc from 'fast-check';
import { OVERFLOW_MODES, QUANT_MODES, type FixedType } from './fixed-type';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';

export const anyType = (maxWidth: number): fc.Arbitrary<FixedType> =>
  fc.oneof(
    fc
      .record({
        signed: fc.boolean(),
        width: fc.integer({ min: 1, max: maxWidth }),
        integer: fc.integer({ min: -30, max: 80 }),
        quant: fc.constantFrom(...QUANT_MODES),
        overflow: fc.constantFrom(...OVERFLOW_MODES),
        n: fc.nat(64),
      })
      .map(({ signed, width, integer, quant, overflow, n }) => {
        const o = !signed && overflow === 'AP_WRAP_SM' ? 'AP_SAT_SYM' : overflow;
        const sat = o === 'AP_WRAP' || o === 'AP_WRAP_SM' ? n % (width + 1) : 0;
        return (signed ? apFixed : apUfixed)(width, integer, quant, o, sat);
      }),
    fc.integer({ min: 1, max: maxWidth }).map(apInt),
    fc.integer({ min: 1, max: maxWidth }).map(apUint),
  );

/** Finite doubles, with exact ties (k + 1/2 LSB-ish values) and tiny/huge magnitudes mixed in. */
export const finiteDouble = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -300, max: 300, noNaN: true }),
  fc
    .tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -60, max: 10 }))
    .map(([k, e]) => (k + 0.5) * 2 ** e),
  fc.constantFrom(
    0,
    -0,
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    -1e-310,
    0.5,
    -0.5,
    -0.3,
    0.1,
    1e300,
    -1e300,
  ),
);
