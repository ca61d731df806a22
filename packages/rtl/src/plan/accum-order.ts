/**
 * When may a hardware sum replace the normative step-by-step accumulation? The kernels add one
 * term per step with a cast into the accumulator type (packages/core/README.md). A sum tree (or
 * any order) gives the same bits when both hold:
 *  - quantization splits per term: the term has no more fraction bits than the accumulator, or
 *    the accumulator rounds with AP_TRN / AP_RND / AP_RND_MIN_INF, whose decision reads only the
 *    term's dropped bits (AP_RND_CONV, _ZERO, _INF and AP_TRN_ZERO read the running sum);
 *  - overflow splits too: the accumulator wraps (AP_WRAP without saturation bits: the sum is taken
 *    modulo 2^W), or no partial sum in any order can leave its range (bounds from the actual
 *    weights and the input range).
 * Otherwise the cores run the exact steps in the normative order ("stepwise").
 */
import { fracBits, type FixedType } from '@sparsepixels/core';
import { productType } from './type-params';

export type AccumOrder = 'order-free' | 'stepwise';

const SPLIT_QUANT = new Set(['AP_TRN', 'AP_RND', 'AP_RND_MIN_INF']);

/** Raw range of a type, with AP_SAT_SYM's symmetric minimum (the values a cast leaves unchanged). */
function fixedRange(t: FixedType): { lo: bigint; hi: bigint } {
  const w = BigInt(t.width);
  if (!t.signed) return { lo: 0n, hi: (1n << w) - 1n };
  const lo = -(1n << (w - 1n));
  return { lo: t.overflow === 'AP_SAT_SYM' && t.width >= 2 ? lo + 1n : lo, hi: (1n << (w - 1n)) - 1n };
}

/** Quantization of an exact raw with `from` fraction bits into `to`'s grid (no overflow). */
function quantizeTo(raw: bigint, fromFrac: number, to: FixedType): bigint {
  const d = fromFrac - fracBits(to);
  if (d <= 0) return raw << BigInt(-d);
  const fl = raw >> BigInt(d);
  const rem = raw - (fl << BigInt(d));
  const half = 1n << BigInt(d - 1);
  // only the split modes reach here
  if (to.quant === 'AP_RND') return fl + (rem >= half ? 1n : 0n);
  if (to.quant === 'AP_RND_MIN_INF') return fl + (rem > half ? 1n : 0n);
  return fl;
}

function quantizationSplits(value: FixedType, accum: FixedType): boolean {
  return fracBits(value) <= fracBits(accum) || SPLIT_QUANT.has(accum.quant);
}

const wraps = (t: FixedType) => t.overflow === 'AP_WRAP' && t.satBits === 0;

/**
 * Order of a multiply-accumulate with `groups` outputs: `weights[k]` belongs to output k % nOut
 * (Keras layouts put the output index fastest), every weight is used at most once per output
 * (submanifold conv: distinct active pixels hit distinct taps), `start` is each output's initial
 * accumulator raw (dense: the bias cast into it; conv: 0).
 */
export function macOrder(
  types: { input: FixedType; weight: FixedType; accum: FixedType },
  weights: readonly bigint[],
  nOut: number,
  start: readonly bigint[],
): AccumOrder {
  const product = productType(types.input, types.weight);
  if (!quantizationSplits(product, types.accum)) return 'stepwise';
  if (wraps(types.accum)) return 'order-free';
  const x = fixedRangeOfInput(types.input);
  const pf = fracBits(product);
  const neg = new Array<bigint>(nOut).fill(0n);
  const pos = new Array<bigint>(nOut).fill(0n);
  weights.forEach((w, k) => {
    const a = quantizeTo(w * x.lo, pf, types.accum);
    const b = quantizeTo(w * x.hi, pf, types.accum);
    const o = k % nOut;
    neg[o] = neg[o]! + [a, b, 0n].reduce((m, v) => (v < m ? v : m));
    pos[o] = pos[o]! + [a, b, 0n].reduce((m, v) => (v > m ? v : m));
  });
  return boundsFit(types.accum, neg, pos, start) ? 'order-free' : 'stepwise';
}

/** Order of avg pooling: up to `terms` input values per output (P*P distinct pixels). */
export function poolOrder(input: FixedType, accum: FixedType, terms: number): AccumOrder {
  if (!quantizationSplits(input, accum)) return 'stepwise';
  if (wraps(accum)) return 'order-free';
  const x = fixedRangeOfInput(input);
  const lo = quantizeTo(x.lo, fracBits(input), accum);
  const hi = quantizeTo(x.hi, fracBits(input), accum);
  const n = BigInt(terms);
  const neg = (lo < 0n ? lo : 0n) * n;
  const pos = (hi > 0n ? hi : 0n) * n;
  return boundsFit(accum, [neg], [pos], [0n]) ? 'order-free' : 'stepwise';
}

function fixedRangeOfInput(t: FixedType): { lo: bigint; hi: bigint } {
  const w = BigInt(t.width);
  return t.signed ? { lo: -(1n << (w - 1n)), hi: (1n << (w - 1n)) - 1n } : { lo: 0n, hi: (1n << w) - 1n };
}

/** Every partial sum (start plus any subset of terms) stays in the accumulator's unchanged range. */
function boundsFit(accum: FixedType, neg: readonly bigint[], pos: readonly bigint[], start: readonly bigint[]): boolean {
  const r = fixedRange(accum);
  return neg.every((n, o) => {
    const s = start[o] ?? 0n;
    return s + n >= r.lo && s + pos[o]! <= r.hi && s >= r.lo && s <= r.hi;
  });
}

