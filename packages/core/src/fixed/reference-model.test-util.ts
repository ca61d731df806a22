// An independent, deliberately naive model of docs/semantics.md#conversion-steps used as the oracle in
// tests. It shares no code with the implementation: rounding by exact rational comparison,
// overflow procedures on arrays of bit characters.
import type { FixedType, QuantMode } from './fixed-type';

const pow = (k: number): bigint => 2n ** BigInt(k);

/** floor(n / d) for d > 0 by truncating division plus a correction. */
function floorDiv(n: bigint, d: bigint): bigint {
  const t = n / d;
  return t * d > n ? t - 1n : t;
}

export function refQuantize(r: bigint, d: number, mode: QuantMode): bigint {
  if (d <= 0) return r * pow(-d);
  const den = pow(d);
  const fl = floorDiv(r, den);
  const twiceRem = 2n * (r - fl * den); // compare 2·rem with den: <, = or > half an LSB
  const tie = twiceRem === den;
  const above = twiceRem > den;
  const inexact = twiceRem !== 0n;
  const up: Record<QuantMode, boolean> = {
    AP_TRN: false,
    AP_TRN_ZERO: inexact && r < 0n,
    AP_RND: above || tie,
    AP_RND_ZERO: above || (tie && r < 0n),
    AP_RND_MIN_INF: above,
    AP_RND_INF: above || (tie && r >= 0n),
    AP_RND_CONV: above || (tie && fl % 2n !== 0n),
  };
  return up[mode] ? fl + 1n : fl;
}

/** W-bit pattern as an array of 0/1, index = bit position. */
function toBits(v: bigint, w: number): number[] {
  const m = ((v % pow(w)) + pow(w)) % pow(w);
  return Array.from({ length: w }, (_, k) => Number((m / pow(k)) % 2n));
}

function fromBits(bits: number[], signed: boolean): bigint {
  let v = 0n;
  bits.forEach((b, k) => (v += BigInt(b) * pow(k)));
  const w = bits.length;
  return signed && bits[w - 1] === 1 ? v - pow(w) : v;
}

export function refOverflow(q: bigint, t: FixedType, lD: number): bigint {
  const w = t.width;
  const lo = t.signed ? -pow(w - 1) : 0n;
  const hi = t.signed ? pow(w - 1) - 1n : pow(w) - 1n;
  const n = t.satBits;
  if (t.overflow === 'AP_SAT_SYM') {
    const low = t.signed && w >= 2 ? lo + 1n : lo;
    return q < low ? low : q > hi ? hi : q;
  }
  if (q >= lo && q <= hi) return q;
  if (t.overflow === 'AP_SAT') return q < lo ? lo : hi;
  if (t.overflow === 'AP_SAT_ZERO') return 0n;
  const bits = toBits(q, w);
  const s = q < 0n ? 1 : 0;
  if (t.overflow === 'AP_WRAP') {
    if (n > 0 && t.signed) {
      bits[w - 1] = s;
      for (let k = w - n; k <= w - 2; k++) bits[k] = 1 - s;
    } else if (n > 0) {
      for (let k = w - n; k <= w - 1; k++) bits[k] = 1;
    }
    return fromBits(bits, t.signed);
  }
  const invert = (): void => bits.forEach((b, k) => (bits[k] = 1 - b));
  if (n === 0) {
    if (lD !== bits[w - 1]) invert();
    bits[w - 1] = lD;
  } else if (n === 1) {
    if (s !== bits[w - 1]) invert();
    bits[w - 1] = s;
  } else {
    if (bits[w - n] === s) invert();
    for (let k = w - n; k <= w - 2; k++) bits[k] = 1 - s;
    bits[w - 1] = s;
  }
  return fromBits(bits, true);
}

/** §4.1 conversion of raw r (fracSrc fractional bits, srcWidth-bit container) into t. */
export function refConvert(r: bigint, fracSrc: number, srcWidth: number, t: FixedType): bigint {
  const d = fracSrc - (t.width - t.integer);
  const truncated = refQuantize(r, d, 'AP_TRN');
  // lD: bit W of the truncated source, read as 0 when it is source bit >= srcWidth.
  const lD = t.width + d >= srcWidth ? 0 : Number(((floorDiv(truncated, pow(t.width)) % 2n) + 2n) % 2n);
  return refOverflow(refQuantize(r, d, t.quant), t, lD);
}
