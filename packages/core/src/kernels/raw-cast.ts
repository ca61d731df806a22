import { SparsePixelsError } from '../errors';
import {
  MAX_NUMBER_WIDTH,
  castRaw,
  castRawBig,
  fixedPointRange,
  formatType,
  fracBits,
  rawMaxBig,
  rawMinBig,
  sameType,
} from '../fixed';
import type { FixedType } from '../fixed';

export { MAX_NUMBER_WIDTH, fixedPointRange };

/**
 * The conversion `to = from` as C++ performs it on raws: identical types copy the bits (no
 * quantization, no overflow rule: this matters for AP_SAT_SYM, which moves the minimum), any other
 * pair runs the full conversion (docs/semantics.md#identical-types).
 */
export function rawConverter(from: FixedType, to: FixedType): (raw: number) => number {
  if (sameType(from, to)) return (raw) => raw;
  const f = fracBits(from);
  const w = from.width;
  return (raw) => castRaw(raw, f, to, w);
}

/** The bigint counterpart of rawConverter. */
export function rawConverterBig(from: FixedType, to: FixedType): (raw: bigint) => bigint {
  if (sameType(from, to)) return (raw) => raw;
  const f = fracBits(from);
  const w = from.width;
  return (raw) => castRawBig(raw, f, to, w);
}

/** Number-raw kernels need every tensor type to fit a float64 exactly; wider types use the Big forms. */
export function checkNumberType(t: FixedType, what: string, where?: string): void {
  if (t.width > MAX_NUMBER_WIDTH) {
    throw new SparsePixelsError(
      'SP_TYPE_WIDE',
      `${what} type is ${t.width} bits wide; number raws allow at most ${MAX_NUMBER_WIDTH} bits (use the *FixedBig kernel)`,
      where,
    );
  }
}

/** Smallest and largest raw of a type (the W-bit pattern read signed or unsigned). */
export function rawRange(t: FixedType): { lo: bigint; hi: bigint } {
  return { lo: rawMinBig(t), hi: rawMaxBig(t) };
}


export function toBigRaws(a: ArrayLike<number> | readonly bigint[]): bigint[] {
  const out = new Array<bigint>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = BigInt(a[i] as number | bigint);
  return out;
}

/**
 * Copies raws to bigints, checking each is an integer within t's range (weights and biases are
 * checked once per layer, so a kernel never meets an out-of-range constant).
 */
export function checkedBigRaws(
  raws: ArrayLike<number> | readonly bigint[],
  t: FixedType,
  what: string,
  where?: string,
): bigint[] {
  const { lo, hi } = rawRange(t);
  const out = new Array<bigint>(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i] as number | bigint;
    const v = typeof r === 'bigint' ? r : Number.isInteger(r) ? BigInt(r) : undefined;
    if (v === undefined || v < lo || v > hi) {
      throw new SparsePixelsError(
        'SP_KERNEL_ARG',
        `${what}[${i}] raw ${String(r)} is not an integer in ${formatType(t)}'s raw range ${lo}..${hi}`,
        where,
      );
    }
    out[i] = v;
  }
  return out;
}
