import { SparsePixelsError } from '../errors';
import type { FixedType } from './fixed-type';
import { formatType } from './format-type';
import { fracBits } from './fixed-type';
import type { FixedValue } from './fixed-value';
import { pow2 } from './pow2';
import { roundToDouble, roundToFloat32 } from './round-to-double';

const TWO53 = 9007199254740992;

/**
 * `to_double()` (§5): the exact value raw·2^-F rounded to the nearest double, ties to even, also for
 * raws wider than 53 bits. [quirk] An ap_int wider than 64 bits converts only its low 64 bits.
 */
export function toNumber(v: FixedValue): number {
  return roundToDouble(convertedRaw(v), -fracBits(v.type));
}

/** The raw the header converts: all of it, except [quirk] only the low 64 bits of a wide ap_int. */
function convertedRaw(v: FixedValue): bigint {
  const t = v.type;
  if (t.kind !== 'int' || t.width <= 64) return v.raw;
  return t.signed ? BigInt.asIntN(64, v.raw) : BigInt.asUintN(64, v.raw);
}

/**
 * `to_float()` (§5): the exact value rounded directly to float32, ties to even (not via double, so
 * it can differ from Math.fround(toNumber(v))). Wide ap_ints convert their low 64 bits.
 */
export function toFloat32(v: FixedValue): number {
  return roundToFloat32(convertedRaw(v), -fracBits(v.type));
}

/** raw·2^-F of type t as a double, correctly rounded (exact for |raw| <= 2^53 and moderate F). */
export function rawToNumber(raw: number, t: FixedType): number {
  const f = t.width - t.integer;
  if (f <= 960 && f >= -960 && raw <= TWO53 && raw >= -TWO53) return raw * pow2(-f) + 0; // + 0: never -0
  if (!Number.isInteger(raw)) {
    throw new SparsePixelsError(
      'SP_FIXED_RAW',
      `rawToNumber raw value ${raw} is not an integer (type ${formatType(t)})`,
    );
  }
  return roundToDouble(BigInt(raw), -f);
}
