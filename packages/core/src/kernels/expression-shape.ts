/**
 * Width, integer bits and signedness of the C++ expressions the kernels cast from (ap-types-semantics
 * §6.1: `a * b` and `a + b` are exact and as wide as needed). Only the width of a conversion's source
 * is ever used: AP_WRAP_SM with N = 0 reads its "deleted sign bit" relative to it.
 */
import type { FixedType } from '../fixed';

export interface ExpressionShape {
  readonly width: number;
  readonly integer: number;
  readonly signed: boolean;
}

/** `a * b`: W1 + W2 bits, I1 + I2 integer bits. */
export function mulShape(a: ExpressionShape, b: ExpressionShape): ExpressionShape {
  return { width: a.width + b.width, integer: a.integer + b.integer, signed: a.signed || b.signed };
}

/** `a + b`: Iu + 1 integer bits and max(F1, F2) fraction bits (an unsigned operand meeting a signed one gains a bit). */
export function addShape(a: ExpressionShape, b: ExpressionShape): ExpressionShape {
  const iu = Math.max(
    a.integer + (b.signed && !a.signed ? 1 : 0),
    b.integer + (a.signed && !b.signed ? 1 : 0),
  );
  const f = Math.max(a.width - a.integer, b.width - b.integer);
  return { width: iu + 1 + f, integer: iu + 1, signed: a.signed || b.signed };
}

/** The shape of a declared type. */
export function shapeOf(t: FixedType): ExpressionShape {
  return { width: t.width, integer: t.integer, signed: t.signed };
}
