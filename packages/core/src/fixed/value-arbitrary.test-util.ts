import fc from 'fast-check';
import { OVERFLOW_MODES, QUANT_MODES, type FixedType } from './fixed-type';
import { FixedValue } from './fixed-value';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';
import { rawMaxBig, rawMinBig } from './type-range';

/** Declared types up to maxWidth bits: every family, Q, O and N; I below 0, inside and beyond W. */
export const declaredType = (maxWidth = 64): fc.Arbitrary<FixedType> =>
  fc.oneof(
    { weight: 3, arbitrary: fixedType(maxWidth) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: maxWidth }).map(apInt) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: maxWidth }).map(apUint) },
  );

const fixedType = (maxWidth: number): fc.Arbitrary<FixedType> =>
  fc
    .record({
      signed: fc.boolean(),
      width: fc.integer({ min: 1, max: maxWidth }),
      integerOffset: fc.integer({ min: -12, max: 12 }),
      quant: fc.constantFrom(...QUANT_MODES),
      overflow: fc.constantFrom(...OVERFLOW_MODES),
      n: fc.nat(64),
    })
    .map(({ signed, width, integerOffset, quant, overflow, n }) => {
      const o = !signed && overflow === 'AP_WRAP_SM' ? 'AP_SAT' : overflow;
      const sat = o === 'AP_WRAP' || o === 'AP_WRAP_SM' ? n % (width + 1) : 0;
      const integer =
        integerOffset < -6 ? integerOffset + 6 : Math.round((width * (integerOffset + 6)) / 12) + 1;
      return (signed ? apFixed : apUfixed)(width, integer, quant, o, sat);
    });

/** A random value of t (every raw pattern reachable, extremes favoured). */
export const valueOf = (t: FixedType): fc.Arbitrary<FixedValue> => {
  const lo = rawMinBig(t);
  const hi = rawMaxBig(t);
  return fc
    .oneof(fc.bigInt({ min: lo, max: hi }), fc.constantFrom(lo, hi, 0n, lo + 1n > hi ? hi : lo + 1n))
    .map((raw) => new FixedValue(t, raw));
};

export const anyValue = (maxWidth = 64): fc.Arbitrary<FixedValue> => declaredType(maxWidth).chain(valueOf);
