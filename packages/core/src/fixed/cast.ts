import { castRawBig } from './cast-raw-big';
import { fracBits, type FixedType } from './fixed-type';
import { FixedValue } from './fixed-value';
import { sameType } from './format-type';
import { integerPart } from './integer-part';
import { wrapBig } from './type-range';

/**
 * `T(v)` / `T x = v` between ap types, as the C++ headers do it:
 * - identical types copy the raw bits (no AP_SAT_SYM clamp of an in-range minimum);
 * - a fixed value into an ap_int/ap_uint takes its integer part (§4.5, toward zero) and wraps;
 * - everything else is the general conversion §4.1 (ap_int sources act as `<W, W, S>`).
 */
export function cast(v: FixedValue, t: FixedType): FixedValue {
  if (sameType(v.type, t)) return v;
  if (t.kind === 'int' && v.type.kind === 'fixed') {
    return new FixedValue(t, wrapBig(integerPart(v), t.width, t.signed));
  }
  return new FixedValue(t, castRawBig(v.raw, fracBits(v.type), t, v.type.width));
}

/** `fromBigInt(n, t)`: the exact integer n written into t (§4.1 from an integer source, F = 0). */
export function fromBigInt(value: bigint, t: FixedType): FixedValue {
  return new FixedValue(t, castRawBig(value, 0, t));
}
