import { castRawBig } from './cast-raw-big';
import { fracBits, type FixedType } from './fixed-type';
import type { FixedValue } from './fixed-value';

// Comparisons between ap values exactly as the C++ headers evaluate them (docs/semantics.md#comparisons,
// §9.2), including the C-like mixed-signedness rules for containers of 32 bits or more.

interface Operand {
  readonly raw: bigint;
  readonly width: number;
  readonly signed: boolean;
}

/** v's raw shifted left by k bits into a container `extraBits` wider, through v's own Q/O/N. */
function widen(v: FixedValue, k: number, extraBits: number): Operand {
  const t = v.type;
  const width = t.width + k + extraBits;
  const container: FixedType = { ...t, kind: 'fixed', width, integer: t.integer + extraBits };
  return { raw: castRawBig(v.raw, fracBits(t), container, t.width), width, signed: t.signed };
}

/** §9.1: the binary points aligned; the left operand gets one extra bit when it is shifted. */
function align(a: FixedValue, b: FixedValue): [Operand, Operand] {
  const f1 = fracBits(a.type);
  const f2 = fracBits(b.type);
  const plain = (v: FixedValue): Operand => ({ raw: v.raw, width: v.type.width, signed: v.type.signed });
  if (f1 === f2) return [plain(a), plain(b)];
  // The conversion can only matter for AP_SAT_SYM holding its minimum (the header's quirk).
  if (f1 > f2) return [plain(a), widen(b, f1 - f2, 0)];
  return [widen(a, f2 - f1, 1), plain(b)];
}

const sign = (d: bigint): -1 | 0 | 1 => (d < 0n ? -1 : d > 0n ? 1 : 0);

/** §9.2 ordering of two raw operands: -1, 0 or 1 as the header's `<`/`>` see them. */
function orderRaw(l: Operand, r: Operand): -1 | 0 | 1 {
  if (l.signed === r.signed || (l.width < 32 && r.width < 32)) return sign(l.raw - r.raw);
  const unsignedWidth = l.signed ? r.width : l.width;
  const signedWidth = l.signed ? l.width : r.width;
  if (unsignedWidth < signedWidth) return sign(l.raw - r.raw);
  // [quirk] C's usual arithmetic conversion: both compared as unsigned patterns.
  const m = Math.max(l.width, r.width) + 1;
  return sign(BigInt.asUintN(m, l.raw) - BigInt.asUintN(m, r.raw));
}

/** §9.2 equality: same width compares 64-bit extensions (W bits above 64), else max(Wl, Wr, 32) bits. */
function equalRaw(l: Operand, r: Operand): boolean {
  const m = l.width === r.width ? Math.max(l.width, 64) : Math.max(l.width, r.width, 32);
  return BigInt.asUintN(m, l.raw) === BigInt.asUintN(m, r.raw);
}

export function lt(a: FixedValue, b: FixedValue): boolean {
  return orderRaw(...align(a, b)) < 0;
}

export function gt(a: FixedValue, b: FixedValue): boolean {
  return orderRaw(...align(a, b)) > 0;
}

/** `a <= b`, which the header evaluates as `!(a > b)`. */
export function le(a: FixedValue, b: FixedValue): boolean {
  return !gt(a, b);
}

/** `a >= b`, which the header evaluates as `!(a < b)`. */
export function ge(a: FixedValue, b: FixedValue): boolean {
  return !lt(a, b);
}

export function eq(a: FixedValue, b: FixedValue): boolean {
  return equalRaw(...align(a, b));
}

export function ne(a: FixedValue, b: FixedValue): boolean {
  return !eq(a, b);
}

/** Plain mathematical comparison of the two real values: -1, 0 or 1. */
export function compareValues(a: FixedValue, b: FixedValue): -1 | 0 | 1 {
  const f1 = fracBits(a.type);
  const f2 = fracBits(b.type);
  const f = Math.max(f1, f2);
  return sign((a.raw << BigInt(f - f1)) - (b.raw << BigInt(f - f2)));
}
