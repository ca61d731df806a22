import { SparsePixelsError } from '../errors';
import { castRawBig } from './cast-raw-big';
import { doubleFields } from './double-bits';
import type { FixedType } from './fixed-type';
import { FixedValue } from './fixed-value';
import { formatType } from './format-type';
import { wrapBig } from './type-range';

/** The source width of a double read as a fixed-point number: 54-bit signed raw ±(2^52 + m). */
const DOUBLE_SRC_WIDTH = 54;

/**
 * The exact raw of `T(x)` for a double x (a float argument: pass Math.fround(x), it widens
 * exactly). Fixed types follow §4.3 (one rounding of the double's exact binary value), integer
 * types §4.4 (truncation toward zero, with its quirks). NaN and ±Infinity are rejected: the C++
 * header reads them as ±1.m·2^1024 (giving 0, lo or hi), which is out of our contract.
 */
export function quantizeNumberBig(x: number, t: FixedType): bigint {
  if (!Number.isFinite(x)) {
    throw new SparsePixelsError(
      'SP_FIXED_NAN',
      `cannot convert ${x} to ${formatType(t)}: only finite numbers are allowed`,
    );
  }
  return t.kind === 'int' ? intFromDouble(x, t) : fixedFromDouble(x, t);
}

/** `T(x)` as a FixedValue (§4.3 / §4.4). */
export function fromNumber(x: number, t: FixedType): FixedValue {
  return new FixedValue(t, quantizeNumberBig(x, t));
}

function fixedFromDouble(x: number, t: FixedType): bigint {
  const { negative, exponent, fraction } = doubleFields(x);
  if (exponent === 0 && fraction === 0n) return 0n;
  // [quirk] subnormals keep the implicit leading 1 with exponent -1023.
  const magnitude = (1n << 52n) | fraction;
  const fracSrc = 52 - (exponent - 1023);
  return castRawBig(negative ? -magnitude : magnitude, fracSrc, t, DOUBLE_SRC_WIDTH);
}

/** §4.4: the header's own double-to-integer routine (not §4.1). */
function intFromDouble(x: number, t: FixedType): bigint {
  const { negative, exponent, fraction } = doubleFields(x);
  if (exponent === 0 && fraction === 0n) return 0n;
  const magnitude = (1n << 52n) | fraction;
  const sh = 52 - (exponent - 1023);
  let v: bigint;
  if (sh === 0) v = magnitude;
  else if (sh > 0 && sh < 54) v = magnitude >> BigInt(sh);
  else if (sh >= 54)
    v = negative ? -1n : 0n; // [quirk] so a negative |x| < 0.5 ends up as +1
  else v = -sh < t.width ? magnitude << BigInt(-sh) : 0n;
  v = wrapBig(v, t.width, t.signed);
  return negative ? wrapBig(-v, t.width, t.signed) : v;
}
