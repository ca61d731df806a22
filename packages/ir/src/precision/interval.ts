import { fracBits, rawMaxBig, rawMinBig, type FixedType } from '@sparsepixels/core';

/**
 * A closed interval of exact dyadic values [lo, hi] * 2^-f with bigint raws: the set of values a
 * fixed-point quantity can take. Used by precision inference to find types that cannot overflow.
 */
export interface Interval {
  readonly lo: bigint;
  readonly hi: bigint;
  readonly f: number;
}

/** Every value representable in `t`: raw range of its W bits at its F fractional bits. */
export function typeInterval(t: FixedType): Interval {
  return { lo: rawMinBig(t), hi: rawMaxBig(t), f: fracBits(t) };
}

/** The single value raw * 2^-f, with trailing zero bits moved into f. */
export function constInterval(raw: bigint, f: number): Interval {
  let r = raw;
  let ff = f;
  while (r !== 0n && (r & 1n) === 0n) {
    r >>= 1n;
    ff -= 1;
  }
  return { lo: r, hi: r, f: r === 0n ? 0 : ff };
}

/** Express `a` with `f` fractional bits (f >= a.f). */
export function align(a: Interval, f: number): Interval {
  const s = BigInt(f - a.f);
  return { lo: a.lo << s, hi: a.hi << s, f };
}

export function addIntervals(a: Interval, b: Interval): Interval {
  const f = Math.max(a.f, b.f);
  const x = align(a, f);
  const y = align(b, f);
  return { lo: x.lo + y.lo, hi: x.hi + y.hi, f };
}

export function mulIntervals(a: Interval, b: Interval): Interval {
  const c = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return { lo: c.reduce((m, v) => (v < m ? v : m)), hi: c.reduce((m, v) => (v > m ? v : m)), f: a.f + b.f };
}

/** Sum of `n` terms each anywhere in `a`. */
export function scaleInterval(a: Interval, n: number): Interval {
  const k = BigInt(n);
  return { lo: a.lo * k, hi: a.hi * k, f: a.f };
}

/** The smallest interval holding both. */
export function hull(a: Interval, b: Interval): Interval {
  const f = Math.max(a.f, b.f);
  const x = align(a, f);
  const y = align(b, f);
  return { lo: x.lo < y.lo ? x.lo : y.lo, hi: x.hi > y.hi ? x.hi : y.hi, f };
}

export const ZERO: Interval = Object.freeze({ lo: 0n, hi: 0n, f: 0 });
