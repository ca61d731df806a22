import { SparsePixelsError } from '../errors';
import { FixedValue } from './fixed-value';
import { wrapBig } from './type-range';

function checkAmount(n: number, op: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new SparsePixelsError(
      'SP_FIXED_SHIFT',
      `${op} amount ${n} is not an integer: shift amounts are integers`,
    );
  }
}

/**
 * `x << n` (§8): same type; bits leave at the top (wraps, no saturation even for AP_SAT types).
 * A negative n shifts right.
 */
export function shl(v: FixedValue, n: number): FixedValue {
  checkAmount(n, 'shl');
  if (n < 0) return shr(v, -n);
  const w = v.type.width;
  return new FixedValue(v.type, n >= w ? 0n : wrapBig(v.raw << BigInt(n), w, v.type.signed));
}

/**
 * `x >> n` (§8): same type; bits leave at the bottom (floor, no rounding even for AP_RND types);
 * n >= W gives -1 for negative values and 0 otherwise. A negative n shifts left.
 */
export function shr(v: FixedValue, n: number): FixedValue {
  checkAmount(n, 'shr');
  if (n < 0) return shl(v, -n);
  return new FixedValue(v.type, v.raw >> BigInt(Math.min(n, v.type.width)));
}
