import { SparsePixelsError } from '../errors';
import { fracBits } from './fixed-type';
import { FixedValue } from './fixed-value';
import { formatType } from './format-type';
import { divType } from './result-types';
import { wrapBig } from './type-range';

/**
 * `a / b` (docs/semantics.md#division). Fixed: the quotient truncated toward zero to F1
 * fractional bits, [quirk] wrapped to the header's internal width first (so `lo / -1` stays lo).
 * ap_int / ap_int: both operands reinterpreted with the wider operand's signedness [quirk]. The
 * result is exact where the reference is wrong (internal widths above 64 bits). Division by zero
 * throws SP_FIXED_DIV_ZERO.
 */
export function div(a: FixedValue, b: FixedValue): FixedValue {
  if (b.raw === 0n) {
    throw new SparsePixelsError(
      'SP_FIXED_DIV_ZERO',
      `division by zero: ${formatType(a.type)} raw ${a.raw} / ${formatType(b.type)} raw 0`,
    );
  }
  const t = divType(a.type, b.type);
  const q = a.type.kind === 'int' && b.type.kind === 'int' ? intQuotient(a, b) : fixedQuotient(a, b);
  return new FixedValue(t, wrapBig(q, t.width, t.signed));
}

function fixedQuotient(a: FixedValue, b: FixedValue): bigint {
  const s1 = a.type.signed;
  const s2 = b.type.signed;
  const f2 = Math.max(fracBits(b.type), 0);
  const q = (a.raw << BigInt(f2)) / b.raw; // BigInt division truncates toward zero
  const m = Math.max(a.type.width + f2 + (s2 && !s1 ? 1 : 0), b.type.width + (s1 && !s2 ? 1 : 0));
  return wrapBig(q, m, s1 || s2);
}

function intQuotient(a: FixedValue, b: FixedValue): bigint {
  const w1 = a.type.width;
  const w2 = b.type.width;
  const s1 = a.type.signed;
  const s2 = b.type.signed;
  const m = Math.max(w1, w2) + (s1 || s2 ? 1 : 0);
  const st = w1 > w2 ? s1 : w2 > w1 ? s2 : s1 || s2;
  const x = wrapBig(a.raw, m, st);
  const y = wrapBig(b.raw, m, st);
  if (y === 0n) throw new Error('unreachable: a non-zero divisor stays non-zero in a wider container');
  return x / y;
}
