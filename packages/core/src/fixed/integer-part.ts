import { fracBits } from './fixed-type';
import type { FixedValue } from './fixed-value';

/**
 * `to_ap_int` (docs/semantics.md#integer-part): the integer part of a fixed value, truncated toward zero;
 * [quirk] with I <= 0 every negative value gives -1 (I < 0 is undefined in the header; it is
 * treated like I = 0 here). For an integer type it is the raw value itself.
 */
export function integerPart(v: FixedValue): bigint {
  const t = v.type;
  const f = fracBits(t);
  if (f <= 0) return v.raw << BigInt(-f);
  if (t.integer <= 0) return v.raw < 0n ? -1n : 0n;
  const bf = BigInt(f);
  const fl = v.raw >> bf;
  const discarded = v.raw - (fl << bf);
  return t.signed && v.raw < 0n && discarded !== 0n ? fl + 1n : fl;
}
