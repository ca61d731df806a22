import { fixedPointRange, fracBits, formatType, sameType, type FixedType } from '@sparsepixels/core';

/**
 * A Keras quantizer on InputReduce's output (the HGQ2 `iq` of the first sparse conv) rounds the
 * float pixels that Keras kept by comparing floats with the threshold. The IR compares in the
 * input type T and casts the kept pixels to InputReduce's result type Q. For the features to equal
 * Keras' on every real input, casting to T then to Q must equal casting to Q directly: T must
 * "refine" Q. (The comparison itself is exact on every input the firmware can receive, i.e. on
 * values of T; calibration measures how often it differs on float data.)
 */

const SATURATING = new Set(['AP_SAT', 'AP_SAT_SYM']);

/** Smallest and largest value of a fixed type, in units of 2^-F (SAT_SYM clamps one LSB above the minimum). */
function rawRange(t: FixedType): [number, number] {
  const { lo, hi } = fixedPointRange(t);
  return [Number(lo), Number(hi)];
}

/** Whether every value of the range of `a` lies within the range of `b` (real values). */
function rangeWithin(a: FixedType, b: FixedType): boolean {
  const [alo, ahi] = rawRange(a);
  const [blo, bhi] = rawRange(b);
  return blo * 2 ** -fracBits(b) <= alo * 2 ** -fracBits(a) && ahi * 2 ** -fracBits(a) <= bhi * 2 ** -fracBits(b);
}

/** Why rounding to T then to Q can differ from rounding to Q, or undefined when it cannot. */
function roundingGap(t: FixedType, q: FixedType): string | undefined {
  const ft = fracBits(t);
  const fq = fracBits(q);
  if (t.quant === q.quant && ft === fq) return undefined;
  if (q.quant === 'AP_TRN' && t.quant === 'AP_TRN' && ft >= fq) return undefined;
  // toward zero depends on the sign, which a wrap in T can flip between the two roundings
  if (q.quant === 'AP_TRN_ZERO' && t.quant === 'AP_TRN_ZERO' && ft >= fq && SATURATING.has(t.overflow)) return undefined;
  if (q.quant === 'AP_RND' && t.quant === 'AP_TRN' && ft >= fq + 1) return undefined;
  if (q.quant === 'AP_RND') return `rounding half up to ${fq} fraction bits needs an AP_TRN input with at least ${fq + 1} fraction bits`;
  if (q.quant === 'AP_TRN') return `AP_TRN to ${fq} fraction bits needs an AP_TRN input with at least ${fq} fraction bits`;
  if (q.quant === 'AP_TRN_ZERO') return `AP_TRN_ZERO to ${fq} fraction bits needs a saturating AP_TRN_ZERO input with at least ${fq} fraction bits`;
  return `${q.quant} to ${fq} fraction bits is reproduced only by an ${q.quant} input with exactly ${fq} fraction bits`;
}

/** Why overflow in T then in Q can differ from overflow in Q, or undefined when it cannot. */
function overflowGap(t: FixedType, q: FixedType): string | undefined {
  if (t.satBits !== 0 || q.satBits !== 0) return 'saturation bits (N > 0) are not composed';
  if (SATURATING.has(q.overflow)) {
    if (SATURATING.has(t.overflow) && rangeWithin(q, t)) return undefined;
    return `${q.overflow} needs a saturating input type whose range holds [${rawRange(q).map((r) => r * 2 ** -fracBits(q)).join(', ')}]`;
  }
  if (q.overflow === 'AP_WRAP') {
    if (t.overflow === 'AP_WRAP' && t.integer >= q.integer) return undefined;
    return `AP_WRAP to ${q.integer} integer bits needs an AP_WRAP input type with at least ${q.integer} integer bits`;
  }
  return `${q.overflow} is reproduced only by the same type`;
}

/** Undefined when casting to `t` then to `q` equals casting to `q` for every real value; else why not. */
export function refinementGap(t: FixedType, q: FixedType): string | undefined {
  if (sameType(t, q)) return undefined;
  return roundingGap(t, q) ?? overflowGap(t, q);
}

/**
 * An input type with `frac` fraction bits that refines `q` and covers data needing `integer`
 * integer bits (sign excluded; `negative` when the data has negative values), or undefined when
 * no such type exists (wider than 64 bits, or `q`'s rounding admits no other fraction count).
 */
export function refiningType(q: FixedType, frac: number, integer: number, negative: boolean): FixedType | undefined {
  const fq = fracBits(q);
  const finer = q.quant === 'AP_TRN' || q.quant === 'AP_TRN_ZERO' || q.quant === 'AP_RND';
  if (finer ? frac < fq + (q.quant === 'AP_RND' ? 1 : 0) : frac !== fq) return undefined;
  const quant = q.quant === 'AP_RND' ? 'AP_TRN' : q.quant;
  const sat = SATURATING.has(q.overflow);
  const signed = negative || (sat && q.signed);
  // integer bits: the data's, and Q's range (saturation) or at least Q's integer bits (wrapping)
  const s = signed ? 1 : 0;
  const qMagnitude = q.integer - (q.signed ? 1 : 0);
  const intBits = sat ? Math.max(integer, qMagnitude) + s : q.overflow === 'AP_WRAP' ? Math.max(integer + s, q.integer) : integer + s;
  const width = intBits + frac;
  if (width < 1 || width > 64) return undefined;
  const t: FixedType = { kind: 'fixed', signed, width, integer: intBits, quant, overflow: sat ? 'AP_SAT' : q.overflow, satBits: 0 };
  return refinementGap(t, q) === undefined ? t : undefined;
}

/** One line: the input type T does not refine the quantizer type Q after InputReduce, and a type that does. */
export function refinementMessage(t: FixedType, q: FixedType, gap: string): string {
  const ti = t.integer - (t.signed ? 1 : 0);
  const fq = fracBits(q);
  let hint: FixedType | undefined;
  for (let f = Math.max(fq, fracBits(t)); !hint && f <= fq + 24; f++) hint = refiningType(q, f, ti, t.signed);
  hint ??= refiningType(q, fq, ti, t.signed) ?? q;
  return (
    `Keras compares the float pixels with the threshold and quantizes the kept ones to ${formatType(q)}; ` +
    `with the input type ${formatType(t)} the firmware casts them twice, which differs for some inputs (${gap})` +
    `; use an input type such as ${formatType(hint)}`
  );
}
