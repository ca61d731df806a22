// Random ap types, raw values and doubles for the TypeScript-vs-C++ differential test.
import { doubleFromFields } from '../../src/fixed/double-bits';
import {
  OVERFLOW_MODES,
  QUANT_MODES,
  fracBits,
  type FixedType,
  type OverflowMode,
  type QuantMode,
} from '../../src/fixed/fixed-type';
import { formatType } from '../../src/fixed/format-type';
import { apFixed, apInt, apUfixed, apUint } from '../../src/fixed/type-constructors';
import { rawMaxBig, rawMinBig } from '../../src/fixed/type-range';
import type { Prng } from './prng';

/** A C++ operand type: an ap type, or a C integer type that reads as the equivalent ap_int (§4.2). */
export interface OperandType {
  readonly type: FixedType;
  readonly cpp: string;
  readonly cInt: boolean;
}

const cInt = (cpp: string, type: FixedType): OperandType => ({ type, cpp, cInt: true });

/** The C integer types of §4.2 (LP64). */
export const C_INT_TYPES: readonly OperandType[] = [
  cInt('bool', apUint(1)),
  cInt('signed char', apInt(8)),
  cInt('unsigned char', apUint(8)),
  cInt('short', apInt(16)),
  cInt('unsigned short', apUint(16)),
  cInt('int', apInt(32)),
  cInt('unsigned', apUint(32)),
  cInt('long', apInt(64)),
  cInt('unsigned long', apUint(64)),
  cInt('long long', apInt(64)),
  cInt('unsigned long long', apUint(64)),
];

export const apOperand = (type: FixedType): OperandType => ({ type, cpp: formatType(type), cInt: false });

export type IntegerBitsKind = 'negative' | 'zero' | 'inside' | 'beyond';
export const INTEGER_BITS_KINDS: readonly IntegerBitsKind[] = ['negative', 'zero', 'inside', 'beyond'];

export interface TypeChoice {
  readonly kind?: 'fixed' | 'int';
  readonly signed?: boolean;
  readonly width?: number;
  readonly integerBits?: IntegerBitsKind;
  readonly quant?: QuantMode;
  readonly overflow?: OverflowMode;
}

/** W in 1..64, biased towards the widths NN code uses but covering the extremes. */
export function randomWidth(rng: Prng): number {
  const band = rng.int(0, 9);
  if (band < 2) return rng.int(1, 8);
  if (band < 5) return rng.int(9, 24);
  if (band < 8) return rng.int(25, 48);
  return rng.int(49, 64);
}

function integerBits(rng: Prng, w: number, kind: IntegerBitsKind): number {
  if (kind === 'negative') return -rng.int(1, 12);
  if (kind === 'zero') return 0;
  if (kind === 'inside') return rng.int(1, w);
  return w + rng.int(1, 12);
}

/** A random declared type (W <= 64); fields given in `c` are used as they are. */
export function randomType(rng: Prng, c: TypeChoice = {}): FixedType {
  const kind = c.kind ?? (rng.chance(0.25) ? 'int' : 'fixed');
  const overflow0 = c.overflow ?? rng.pick(OVERFLOW_MODES);
  const signed = c.signed ?? (overflow0 === 'AP_WRAP_SM' || rng.chance(0.65));
  const w = c.width ?? randomWidth(rng);
  if (kind === 'int') return signed ? apInt(w) : apUint(w);
  const i = integerBits(rng, w, c.integerBits ?? rng.pick(INTEGER_BITS_KINDS));
  const quant = c.quant ?? rng.pick(QUANT_MODES);
  const overflow = overflow0 === 'AP_WRAP_SM' && !signed ? 'AP_WRAP' : overflow0;
  const wraps = overflow === 'AP_WRAP' || overflow === 'AP_WRAP_SM';
  const n = wraps && rng.chance(0.4) ? rng.int(1, w) : 0;
  return signed ? apFixed(w, i, quant, overflow, n) : apUfixed(w, i, quant, overflow, n);
}

/** A raw value of t: uniform patterns, the range ends and small magnitudes. */
export function randomRaw(rng: Prng, t: FixedType): bigint {
  const lo = rawMinBig(t);
  const hi = rawMaxBig(t);
  const roll = rng.int(0, 9);
  if (roll === 0) return rng.pick([lo, hi, 0n, lo + 1n > hi ? lo : lo + 1n, hi - 1n < lo ? hi : hi - 1n]);
  if (roll === 1) {
    const small = BigInt(rng.int(-3, 3));
    return small < lo ? lo : small > hi ? hi : small;
  }
  const pattern = rng.bits(t.width);
  return t.signed ? BigInt.asIntN(t.width, pattern) : pattern;
}

/** A non-zero raw value of t (for divisors). */
export function randomNonZeroRaw(rng: Prng, t: FixedType): bigint {
  for (;;) {
    const r = randomRaw(rng, t);
    if (r !== 0n) return r;
  }
}

/** The W-bit pattern of raw in lower-case hex (no prefix). */
export function hexOf(raw: bigint, width: number): string {
  return BigInt.asUintN(width, raw).toString(16);
}

const VIEW = new DataView(new ArrayBuffer(8));

/** The IEEE-754 bit pattern of x in hex, how doubles travel to the C++ program. */
export function doubleHex(x: number): string {
  VIEW.setFloat64(0, x);
  return VIEW.getBigUint64(0).toString(16);
}

const SPECIAL_DOUBLES = [
  0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, -1e-310, 1e300, -1e300, 0.1, -0.1, 0.3, -0.5, 0.5,
];

/**
 * A finite double that exercises T(x) for type t: values on the grid of t and half an LSB off it
 * (ties), values just outside its range, random binary exponents around it, subnormals and extremes.
 */
export function randomDouble(rng: Prng, t: FixedType): number {
  const f = fracBits(t);
  const roll = rng.int(0, 9);
  if (roll === 0) return rng.pick(SPECIAL_DOUBLES);
  if (roll <= 2) {
    const exponent = rng.int(-f - 8, t.integer + 8) + 1023;
    const fraction = rng.bits(52);
    return doubleFromFields(rng.chance(0.5), Math.min(Math.max(exponent, 1), 2046), fraction);
  }
  const wider = rng.chance(0.25) ? { ...t, width: t.width + 2 } : t;
  const raw = randomRaw(rng, wider);
  const offset = rng.pick([0, 0.5, -0.5, 0.25, 0.75, rng.next() / 2 ** 32, -rng.next() / 2 ** 32]);
  const x = (Number(raw) + offset) * 2 ** -f;
  return Number.isFinite(x) ? x : 0;
}

/**
 * A value of t written with few decimal digits, many of them 9 and 5 (`199.5`, `0.0995`), so that
 * printing at a low precision meets carries and ties; within t's range, at least one LSB.
 */
export function randomDecimalValue(rng: Prng, t: FixedType): number {
  const f = fracBits(t);
  const max = 2 ** (t.integer - (t.signed ? 1 : 0));
  const digits = Array.from({ length: rng.int(1, 7) }, () =>
    rng.pick(['9', '9', '9', '5', '5', '4', '0', '1']),
  );
  const mantissa = Number(`${rng.int(1, 9)}.${digits.join('')}`);
  const hi = Math.floor(Math.log10(max));
  const lo = Math.max(hi - 8, Math.floor(Math.log10(2 ** -f)));
  let x = mantissa * 10 ** rng.int(Math.min(lo, hi), hi);
  while (x >= max) x /= 10;
  return t.signed && rng.chance(0.5) ? -x : x;
}
