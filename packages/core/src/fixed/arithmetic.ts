import { fracBits } from './fixed-type';
import { FixedValue } from './fixed-value';
import { addType, mulType, negType, subType } from './result-types';

/** v's raw re-expressed with f >= F(v) fractional bits. */
function alignRaw(v: FixedValue, f: number): bigint {
  return v.raw << BigInt(f - fracBits(v.type));
}

/** Exact `a + b` in the type of §6 (never overflows). */
export function add(a: FixedValue, b: FixedValue): FixedValue {
  const t = addType(a.type, b.type);
  const f = fracBits(t);
  return new FixedValue(t, alignRaw(a, f) + alignRaw(b, f));
}

/** Exact `a - b` (always a signed type). */
export function sub(a: FixedValue, b: FixedValue): FixedValue {
  const t = subType(a.type, b.type);
  const f = fracBits(t);
  return new FixedValue(t, alignRaw(a, f) - alignRaw(b, f));
}

/** Exact `a * b`: raws multiply, fractional bits add. */
export function mul(a: FixedValue, b: FixedValue): FixedValue {
  return new FixedValue(mulType(a.type, b.type), a.raw * b.raw);
}

/** Exact unary `-a` (one bit wider, signed). */
export function neg(a: FixedValue): FixedValue {
  return new FixedValue(negType(a.type), -a.raw);
}
