import type { FixedType } from '@sparsepixels/core';
import type { RawArray } from './runtime';

/** Number raws as bigints (for a kernel that takes the bigint path). */
export function toBigRaws(a: RawArray): bigint[] {
  if (Array.isArray(a)) return a;
  const out = new Array<bigint>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = BigInt(a[i] as number);
  return out;
}

/** Bigint raws as numbers (exact: callers use it only for types of at most 53 bits). */
export function toNumberRaws(a: RawArray): Float64Array {
  if (!Array.isArray(a)) return a;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Number(a[i]);
  return out;
}

/** The representation a tensor of type `t` uses between layers: bigints above 53 bits. */
export function rawsFor(t: FixedType, a: RawArray): RawArray {
  return t.width > 53 ? toBigRaws(a) : toNumberRaws(a);
}

/** Does a layer need its bigint kernel: any type involved wider than 53 bits. */
export function needsBig(...types: readonly (FixedType | undefined)[]): boolean {
  return types.some((t) => t !== undefined && t.width > 53);
}
