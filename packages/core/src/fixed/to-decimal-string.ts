import { fracBits } from './fixed-type';
import type { FixedValue } from './fixed-value';

/**
 * The exact decimal expansion of the value (docs/semantics.md#printing step 1): `-` for negatives,
 * the integer part (`0` below 1) and, when the fraction is non-zero, every fraction digit without
 * trailing zeros, e.g. `-0.001953125`.
 */
export function toDecimalString(v: FixedValue): string {
  const f = fracBits(v.type);
  const negative = v.raw < 0n;
  const a = negative ? -v.raw : v.raw;
  const sign = negative ? '-' : '';
  if (f <= 0) return `${sign}${a << BigInt(-f)}`;
  const bf = BigInt(f);
  const intPart = a >> bf;
  const frac = a - (intPart << bf);
  if (frac === 0n) return `${sign}${intPart}`;
  // frac / 2^f = frac * 5^f / 10^f: exactly f decimal digits.
  const digits = (frac * 5n ** bf).toString().padStart(f, '0').replace(/0+$/, '');
  return `${sign}${intPart}.${digits}`;
}
