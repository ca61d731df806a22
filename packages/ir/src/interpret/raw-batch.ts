import { fromRaw, rawToNumber, toNumber, type FixedType } from '@sparsepixels/core';
import type { RawArray } from './runtime';

/** Raws of a whole batch: numbers up to 53 bits, else 64-bit integers (signed or unsigned by type). */
export type RawBatch = Float64Array | BigInt64Array | BigUint64Array;

export function allocRawBatch(t: FixedType, length: number): RawBatch {
  if (t.width <= 53) return new Float64Array(length);
  return t.signed ? new BigInt64Array(length) : new BigUint64Array(length);
}

/** Copies one event's raws into the batch at `offset`. */
export function storeRaws(dst: RawBatch, offset: number, src: RawArray): void {
  if (dst instanceof Float64Array) {
    if (Array.isArray(src)) for (let i = 0; i < src.length; i++) dst[offset + i] = Number(src[i]);
    else dst.set(src, offset);
  } else if (Array.isArray(src)) {
    for (let i = 0; i < src.length; i++) dst[offset + i] = src[i]!;
  } else {
    for (let i = 0; i < src.length; i++) dst[offset + i] = BigInt(src[i]!);
  }
}

/** The batch as numbers: raw * 2^-F, correctly rounded to the nearest double. */
export function rawBatchToValues(raw: RawBatch, t: FixedType): Float64Array {
  const out = new Float64Array(raw.length);
  if (raw instanceof Float64Array) for (let i = 0; i < raw.length; i++) out[i] = rawToNumber(raw[i]!, t);
  else for (let i = 0; i < raw.length; i++) out[i] = toNumber(fromRaw(raw[i]!, t));
  return out;
}
