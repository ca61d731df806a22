import { SparsePixelsError } from '../errors';
import type { FixedType } from './fixed-type';
import { castRawBig } from './cast-raw-big';
import { formatType } from './format-type';
import { pow2 } from './pow2';
import { fastOverflow, quantizeScaled } from './quantize-scaled';

const TWO53 = 9007199254740992;
/** Largest number path width: every raw of a W <= 53 type is an exact double. */
export const MAX_NUMBER_WIDTH = 53;

/**
 * §4.1 on number raws, the interpreter's hot path: `raw` (an integer) with `fracSrc` fractional
 * bits, quantized and overflowed into t (integer types as `<W, W, S>`). Allocation-free for
 * |raw| <= 2^53, |shift| <= 1000 and the modes AP_WRAP (N = 0), AP_SAT, AP_SAT_ZERO, AP_SAT_SYM;
 * anything else is computed exactly on bigints. t.width must be <= 53 (else use castRawBig).
 * `srcWidth` as in castRawBig (AP_WRAP_SM only).
 */
export function castRaw(raw: number, fracSrc: number, t: FixedType, srcWidth?: number): number {
  const d = fracSrc - t.width + t.integer;
  if (
    raw <= TWO53 &&
    raw >= -TWO53 &&
    d <= 1000 &&
    d >= -1000 &&
    fastOverflow(t) &&
    Math.floor(raw) === raw
  ) {
    // raw * 2^-d is exact: a power-of-two scaling that stays in the normal range.
    return quantizeScaled(raw * pow2(-d), t);
  }
  return castRawSlow(raw, fracSrc, t, srcWidth);
}

function castRawSlow(raw: number, fracSrc: number, t: FixedType, srcWidth?: number): number {
  checkNumberWidth(t, 'castRaw', 'castRawBig');
  if (!Number.isInteger(raw)) {
    throw new SparsePixelsError(
      'SP_FIXED_RAW',
      `castRaw raw value ${raw} is not an integer: raws are finite integers (the W-bit pattern read signed/unsigned)`,
    );
  }
  return Number(castRawBig(BigInt(raw), fracSrc, t, srcWidth));
}

/** Throws SP_FIXED_WIDE when a number-path function is asked for a type wider than 53 bits. */
export function checkNumberWidth(t: FixedType, fn: string, bigFn: string): void {
  if (t.width > MAX_NUMBER_WIDTH) {
    throw new SparsePixelsError(
      'SP_FIXED_WIDE',
      `${fn} cannot return ${formatType(t)} as a number: width ${t.width} > ${MAX_NUMBER_WIDTH}, use ${bigFn}`,
    );
  }
}
