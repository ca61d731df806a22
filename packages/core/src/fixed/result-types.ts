import { fracBits, type FixedType } from './fixed-type';
import { operatorType } from './type-constructors';

// Operator result types (docs/semantics.md#operators). Results carry AP_TRN, AP_WRAP, N = 0
// and may be wider than 64 bits. An ap_int meeting a fixed operand acts as <W, W, S>.

const bothInt = (a: FixedType, b: FixedType): boolean => a.kind === 'int' && b.kind === 'int';
/** 1 when x is unsigned and meets a signed y (x then needs one extra integer bit). */
const extra = (x: FixedType, y: FixedType): number => (y.signed && !x.signed ? 1 : 0);

function sumType(a: FixedType, b: FixedType, signed: boolean): FixedType {
  if (bothInt(a, b)) {
    const wu = Math.max(a.width + extra(a, b), b.width + extra(b, a));
    return operatorType('int', signed, wu + 1, wu + 1);
  }
  const iu = Math.max(a.integer + extra(a, b), b.integer + extra(b, a));
  const f = Math.max(fracBits(a), fracBits(b));
  return operatorType('fixed', signed, iu + 1 + f, iu + 1);
}

/** Type of `a + b`. */
export function addType(a: FixedType, b: FixedType): FixedType {
  return sumType(a, b, a.signed || b.signed);
}

/** Type of `a - b`: like `+` but always signed. */
export function subType(a: FixedType, b: FixedType): FixedType {
  return sumType(a, b, true);
}

/** Type of `a * b`: W1 + W2 bits, I1 + I2 integer bits. */
export function mulType(a: FixedType, b: FixedType): FixedType {
  const kind = bothInt(a, b) ? 'int' : 'fixed';
  return operatorType(kind, a.signed || b.signed, a.width + b.width, a.integer + b.integer);
}

/** Type of `a / b`: ints W1 + S2 bits; fixed `<S2 + W1 + max(F2, 0), S2 + I1 + F2>`. */
export function divType(a: FixedType, b: FixedType): FixedType {
  const s2 = b.signed ? 1 : 0;
  const signed = a.signed || b.signed;
  if (bothInt(a, b)) return operatorType('int', signed, a.width + s2, a.width + s2);
  const f2 = fracBits(b);
  return operatorType('fixed', signed, s2 + a.width + Math.max(f2, 0), s2 + a.integer + f2);
}

/** Type of `-a`: ints `max(1 + S, W) + 1` bits; fixed `<W + 1, I + 1>`; always signed. */
export function negType(a: FixedType): FixedType {
  if (a.kind === 'int') {
    const w = Math.max(1 + (a.signed ? 1 : 0), a.width) + 1;
    return operatorType('int', true, w, w);
  }
  return operatorType('fixed', true, a.width + 1, a.integer + 1);
}
