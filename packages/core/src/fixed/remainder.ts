import { SparsePixelsError } from '../errors';
import { FixedValue } from './fixed-value';
import { formatType } from './format-type';
import { operatorType } from './type-constructors';
import { wrapBig } from './type-range';

/**
 * `a % b` between ap_int/ap_uint values (docs/semantics.md#division): result `min(W1, W2 + [S1 ∧ ¬S2])`
 * bits with the left operand's signedness. Both operands are widened to M = max(W1, W2) + [S1 ∨ S2]
 * bits and take the wider operand's signedness [quirk]; a signed left operand over signed
 * temporaries gives C's remainder (sign of the dividend), anything else the unsigned remainder.
 */
export function rem(a: FixedValue, b: FixedValue): FixedValue {
  const where = `${formatType(a.type)} % ${formatType(b.type)}`;
  if (a.type.kind !== 'int' || b.type.kind !== 'int') {
    throw new SparsePixelsError('SP_FIXED_REM', `${where}: % is defined between ap_int/ap_uint values only`);
  }
  if (b.raw === 0n) throw new SparsePixelsError('SP_FIXED_DIV_ZERO', `${where}: remainder by zero`);
  const [w1, w2, s1, s2] = [a.type.width, b.type.width, a.type.signed, b.type.signed];
  const m = Math.max(w1, w2) + (s1 || s2 ? 1 : 0);
  const st = w1 > w2 ? s1 : w2 > w1 ? s2 : s1 || s2;
  const x = wrapBig(a.raw, m, st);
  const y = wrapBig(b.raw, m, st);
  const r = s1 && st ? x % y : BigInt.asUintN(m, x) % BigInt.asUintN(m, y); // BigInt % has the dividend's sign
  const w = Math.min(w1, w2 + (s1 && !s2 ? 1 : 0));
  return new FixedValue(operatorType('int', s1, w, w), wrapBig(r, w, s1));
}
