/**
 * Parameters of the Verilog cores derived from fixed-point types, mirroring the widths of the C++
 * expressions the kernels cast from (core's addType/mulType), so sp_cast sees exactly the source
 * the normative semantics casts from.
 */
import { addType, castRawBig, fracBits, mulType, sameType, type FixedType } from '@sparsepixels/core';
import { castParams, checkCastTarget, formatOf, type RawFormat } from '../fixed/raw-format';
import type { ParamValue } from '../verilog/builder';

export type Params = Record<string, ParamValue>;

/** sp_cast parameters under a prefix: `R_SF`, `R_DF`, ... (only the keys a core declares). */
export function castGroup(prefix: string, src: RawFormat, dst: FixedType, keys: readonly string[], where?: string): Params {
  checkCastTarget(dst, where);
  const all = castParams(src, dst);
  return Object.fromEntries(keys.map((k) => [`${prefix}_${k}`, all[k]!]));
}

/** The result cast group of a core (`RCOPY` = 1 when the types are identical: bits are copied). */
export function resultCast(from: FixedType, to: FixedType, keys: readonly string[], where?: string, prefix = 'R'): Params {
  const copy = sameType(from, to);
  return { [`${prefix}COPY`]: copy ? 1 : 0, ...castGroup(prefix, formatOf(from), to, keys, where) };
}

/** The keys of the result cast of the pooling cores (sp_pool_out, shared by sp_pool_* and sp_gpool_*). */
export const POOL_RESULT_KEYS: readonly string[] = ['SW', 'SF', 'SS', 'DF', 'DS', 'Q', 'O', 'NB'];

/**
 * The result cast of a pooling core: max casts the input type (bits copied when identical); avg
 * casts the exact product acc x reciprocal, of type `product` with `recipFrac` fraction bits more
 * than the accumulator's.
 */
export function poolResultCast(
  pool: { readonly max: boolean; readonly input: FixedType; readonly accum: FixedType; readonly product: FixedType; readonly recipFrac: number },
  res: FixedType,
  where: string,
): Params {
  if (pool.max) return resultCast(pool.input, res, POOL_RESULT_KEYS, where);
  const src = { width: pool.product.width, frac: fracBits(pool.accum) + pool.recipFrac, signed: pool.product.signed };
  return { RCOPY: 0, ...castGroup('R', src, res, POOL_RESULT_KEYS, where) };
}

/**
 * The order-free term cast (T_*): a value of type `value` quantized into the accumulator's grid
 * (accumulator's Q) and wrapped to its width; summing these modulo 2^W equals the stepwise sum
 * whenever the accumulation is order-free (plan/accum-order.ts).
 */
export function termCast(value: FixedType, accum: FixedType): Params {
  return { T_SF: fracBits(value), T_DF: fracBits(accum), T_Q: castParams(formatOf(value), accum)['Q']! };
}

/**
 * One normative step `acc = cast(acc + v)` (sp_step, prefix S or B): the exact sum is the C++
 * expression acc + v, of type addType(acc, v), with max(F_acc, F_v) fraction bits.
 */
export function stepGroup(prefix: string, accum: FixedType, value: FixedType, where?: string): Params {
  checkCastTarget(accum, where);
  const sum = addType(accum, value);
  const sf = Math.max(fracBits(accum), fracBits(value));
  const c = castParams({ width: sum.width, frac: sf, signed: sum.signed }, accum);
  return {
    [`${prefix}_AL`]: sf - fracBits(accum),
    [`${prefix}_VL`]: sf - fracBits(value),
    [`${prefix}_SW`]: sum.width,
    [`${prefix}_SF`]: sf,
    [`${prefix}_SS`]: sum.signed ? 1 : 0,
    [`${prefix}_DF`]: fracBits(accum),
    [`${prefix}_Q`]: c['Q']!,
    [`${prefix}_O`]: c['O']!,
    [`${prefix}_NB`]: c['NB']!,
  };
}

/** The exact product type of input x weight (ap_fixed operator*). */
export function productType(input: FixedType, weight: FixedType): FixedType {
  return mulType(weight, input);
}

/** A raw converted between types as C++ does (identical types copy the bits). */
export function convertRaw(raw: bigint, from: FixedType, to: FixedType): bigint {
  return sameType(from, to) ? raw : castRawBig(raw, fracBits(from), to, from.width);
}

/** Packs raws into one bit vector parameter (element e at bits [e*width +: width]). */
export function packRaws(raws: readonly bigint[], width: number): ParamValue {
  let v = 0n;
  const mask = (1n << BigInt(width)) - 1n;
  for (let e = raws.length - 1; e >= 0; e--) v = (v << BigInt(width)) | (raws[e]! & mask);
  return { width: Math.max(1, raws.length * width), value: v };
}

/** Bits needed for the values 0..v. */
export function bitsFor(v: number): number {
  let b = 0;
  while (2 ** b <= v) b++;
  return Math.max(1, b);
}

/** ceil(log2 v) (0 for v <= 1). */
export function clog2(v: number): number {
  let b = 0;
  while (2 ** b < v) b++;
  return b;
}
