import type { FixedType, QuantMode } from './fixed-type';
import { pow2 } from './pow2';

/**
 * The allocation-free core of the number path. `y` is the exact source value measured in LSBs of
 * t (any double, computed exactly by the caller); the result is t's raw value after quantization
 * (§2) and overflow (§3). Valid only when `fastOverflow(t)` holds.
 */
export function quantizeScaled(y: number, t: FixedType): number {
  let q = Math.floor(y);
  // A non-integer double has |y| < 2^52, so q + 0.5 below is exact.
  if (y !== q && roundsUp(t.quant, y, q)) q += 1;
  const w = t.width;
  if (t.signed) {
    const hi = pow2(w - 1) - 1;
    const lo = -hi - 1;
    if (q > lo && q <= hi) return q + 0; // + 0 turns a -0 into +0
    return signedOverflow(q, lo, hi, t);
  }
  const hi = pow2(w) - 1;
  if (q >= 0 && q <= hi) return q + 0;
  return unsignedOverflow(q, hi, t);
}

/** Whether the floor q of the non-integer y is incremented under the quantization mode. */
function roundsUp(mode: QuantMode, y: number, q: number): boolean {
  switch (mode) {
    case 'AP_TRN':
      return false;
    case 'AP_TRN_ZERO':
      return y < 0;
    case 'AP_RND':
      return y >= q + 0.5;
    case 'AP_RND_ZERO': {
      const h = q + 0.5;
      return y > h || (y === h && y < 0);
    }
    case 'AP_RND_MIN_INF':
      return y > q + 0.5;
    case 'AP_RND_INF': {
      const h = q + 0.5;
      return y > h || (y === h && y > 0);
    }
    case 'AP_RND_CONV': {
      const h = q + 0.5;
      return y > h || (y === h && q % 2 !== 0);
    }
  }
}

/** Out-of-range (or exactly lo) signed result; q is an integer-valued double. */
function signedOverflow(q: number, lo: number, hi: number, t: FixedType): number {
  switch (t.overflow) {
    case 'AP_SAT_SYM':
      if (t.width === 1) return q > hi ? hi : lo;
      return q > hi ? hi : lo + 1;
    case 'AP_SAT':
      return q > hi ? hi : lo;
    case 'AP_SAT_ZERO':
      return q === lo ? lo : 0;
    default:
      return q === lo ? lo : wrapNumber(q, t.width, true);
  }
}

function unsignedOverflow(q: number, hi: number, t: FixedType): number {
  switch (t.overflow) {
    case 'AP_SAT':
    case 'AP_SAT_SYM':
      return q > hi ? hi : 0;
    case 'AP_SAT_ZERO':
      return 0;
    default:
      return wrapNumber(q, t.width, false);
  }
}

/** wrap(q, W, S) for an integer-valued double q (any magnitude) and W <= 53, exactly. */
export function wrapNumber(q: number, w: number, signed: boolean): number {
  if (w <= 32) {
    const s = 32 - w; // ToInt32 reduces any finite integer-valued double exactly mod 2^32
    return signed ? (q << s) >> s : (q << s) >>> s;
  }
  const m = pow2(w);
  let v = q - Math.floor(q / m) * m; // exact: the true difference lies in [0, 2^W)
  if (signed && v >= m / 2) v -= m;
  return v;
}

/** The overflow modes the number path handles itself; the rest go through the bigint path. */
export function fastOverflow(t: FixedType): boolean {
  return t.width <= 53 && t.satBits === 0 && t.overflow !== 'AP_WRAP_SM';
}
