import type { FixedType } from '@sparsepixels/core';
import { fixedPointRange, fracBits } from '@sparsepixels/core';

const view = new DataView(new ArrayBuffer(8));

/** A finite non-zero double as odd mantissa m and exponent e with v = m * 2^e exactly. */
export function decompose(v: number): { m: bigint; e: number } | undefined {
  if (!Number.isFinite(v)) return undefined;
  if (v === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, v);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e += 1;
  }
  return { m: v < 0 ? -m : m, e };
}

/** The raw of `v` with `f` fractional bits, or undefined when v is not on that grid (or not finite). */
export function valueToRaw(v: number, f: number): bigint | undefined {
  const d = decompose(v);
  if (!d) return undefined;
  if (d.m === 0n) return 0n;
  const s = d.e + f;
  if (s >= 0) return s > 2000 ? undefined : d.m << BigInt(s);
  return undefined;
}

/** Fractional bits needed to hold `v` exactly (<= 0 for integers with trailing zero bits). */
export function fracBitsNeeded(v: number): number | undefined {
  const d = decompose(v);
  if (!d) return undefined;
  return d.m === 0n ? -Infinity : -d.e;
}

/** The first value of one kind of problem and how many values have it. */
export interface WeightProblem {
  readonly index: number;
  readonly value: number;
  readonly count: number;
}

export interface WeightCheck {
  /** Raws of every value (undefined entries where a value has a problem). */
  readonly raws: bigint[];
  readonly offGrid?: WeightProblem;
  readonly outOfRange?: WeightProblem;
}

/** Raws of every value in t, and the values off its grid or outside its range. */
export function weightRaws(values: readonly number[], t: FixedType): WeightCheck {
  const f = fracBits(t);
  const { lo, hi } = fixedPointRange(t); // the raws a cast into t leaves unchanged
  const raws: bigint[] = new Array<bigint>(values.length);
  const found: { offGrid?: WeightProblem; outOfRange?: WeightProblem } = {};
  const note = (kind: 'offGrid' | 'outOfRange', index: number, value: number) => {
    const prev = found[kind];
    found[kind] = prev ? { ...prev, count: prev.count + 1 } : { index, value, count: 1 };
  };
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const r = valueToRaw(v, f);
    if (r === undefined) note('offGrid', i, v);
    else if (r < lo || r > hi) note('outOfRange', i, v);
    else raws[i] = r;
  }
  return { raws, ...found };
}
