import { SparsePixelsError } from '../errors';
import { add, mul, sub } from './arithmetic';
import { cast } from './cast';
import { div } from './divide';
import type { FixedType } from './fixed-type';
import { FixedValue } from './fixed-value';
import { formatType } from './format-type';
import { integerPart } from './integer-part';
import { rem } from './remainder';
import { apUint, operatorType } from './type-constructors';
import { wrapBig } from './type-range';

/** `T x = v` / `x = v` (docs/semantics.md §1.8): the conversion of v into the target's type with its Q, O and N. */
export function assign(target: FixedType, v: FixedValue): FixedValue {
  return cast(v, target);
}

/** The compound assignments of ap types; `%= &= |= ^=` exist for ap_int/ap_uint targets only. */
export type CompoundOp = '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=';

const ARITHMETIC: Partial<Record<CompoundOp, (a: FixedValue, b: FixedValue) => FixedValue>> = {
  '+=': add,
  '-=': sub,
  '*=': mul,
  '/=': div,
  '%=': rem,
};
const BITWISE: Partial<Record<CompoundOp, (a: bigint, b: bigint) => bigint>> = {
  '&=': (a, b) => a & b,
  '|=': (a, b) => a | b,
  '^=': (a, b) => a ^ b,
};

/**
 * The type an operand of type t takes in an ap_int compound assignment (docs/semantics.md §1.8): a fixed operand
 * contributes its integer part as `ap_int<max(I, 1)>` of its own signedness; others stay as they are.
 */
export function intOperandType(t: FixedType): FixedType {
  if (t.kind === 'int') return t;
  const w = Math.max(t.integer, 1);
  return operatorType('int', t.signed, w, w);
}

/**
 * `a op= b` (docs/semantics.md §1.8): the full-precision `a op b` written back into a's type with a's Q, O and N. With
 * an ap_int/ap_uint target, b first becomes an integer (intOperandType) and the result wraps; the
 * bitwise operators work on the two's-complement values, extended by each operand's signedness.
 */
export function compoundAssign(a: FixedValue, op: CompoundOp, b: FixedValue): FixedValue {
  const t = a.type;
  const bitwise = BITWISE[op];
  if (t.kind === 'fixed' && (bitwise || op === '%=')) {
    throw new SparsePixelsError(
      'SP_FIXED_OP',
      `${formatType(t)} ${op}: defined for ap_int/ap_uint targets only`,
    );
  }
  const y = t.kind === 'int' ? new FixedValue(intOperandType(b.type), integerPart(b)) : b;
  if (bitwise) return new FixedValue(t, wrapBig(bitwise(a.raw, y.raw), t.width, t.signed));
  const arithmetic = ARITHMETIC[op];
  if (!arithmetic) throw new SparsePixelsError('SP_FIXED_OP', `unknown compound assignment ${op}`);
  return cast(arithmetic(a, y), t);
}

/**
 * `acc += v` (docs/semantics.md §1.8): the exact sum converted back into acc's type with acc's Q/O/N (the hls4ml
 * accumulation step). With an ap_int accumulator, v contributes its integer part (§1.6) and the
 * sum wraps to the accumulator's width.
 */
export function accumulate(acc: FixedValue, v: FixedValue): FixedValue {
  return compoundAssign(acc, '+=', v);
}

const ONE = new FixedValue(apUint(1), 1n);

/**
 * `++a` / `--a` (docs/semantics.md §1.8): a + 1 or a - 1, exact, written back with a's Q and O (so `++` on an AP_SAT
 * maximum stays there). `a++` / `a--` leave the same value in a and give the old one.
 */
export function increment(a: FixedValue, step: 1 | -1): FixedValue {
  return compoundAssign(a, step > 0 ? '+=' : '-=', ONE);
}
