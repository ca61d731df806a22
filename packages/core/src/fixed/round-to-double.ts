import { scalePow2 } from './pow2';

function bitLength(a: bigint): number {
  return a.toString(2).length;
}

/** a >> s rounded to nearest, ties to even (a >= 0, s >= 1). */
function shiftRoundEven(a: bigint, s: number): bigint {
  const bs = BigInt(s);
  const q = a >> bs;
  const rem = a - (q << bs);
  const half = 1n << (bs - 1n);
  return rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
}

/** Significand bits and smallest quantum exponent of a binary floating-point format. */
interface FloatFormat {
  readonly precision: number;
  readonly minQuantumExp: number;
}
const BINARY64: FloatFormat = { precision: 53, minQuantumExp: -1074 };
const BINARY32: FloatFormat = { precision: 24, minQuantumExp: -149 };

/** raw·2^e rounded once (nearest, ties to even) to the format; the result is exact as a double. */
function roundTo(raw: bigint, e: number, fmt: FloatFormat): number {
  if (raw === 0n) return 0;
  const negative = raw < 0n;
  const a = negative ? -raw : raw;
  let shift = bitLength(a) - fmt.precision; // keep `precision` significant bits
  if (e + shift < fmt.minQuantumExp) shift = fmt.minQuantumExp - e; // subnormal: fixed quantum
  const m = shift > 0 ? shiftRoundEven(a, shift) : a;
  const r = scalePow2(Number(m), e + Math.max(shift, 0));
  return negative ? -r : r;
}

/**
 * The exact value raw·2^e rounded to the nearest double, ties to even, for any size of raw
 * (subnormal results round once, at the 2^-1074 quantum; too large gives ±Infinity).
 */
export function roundToDouble(raw: bigint, e: number): number {
  return roundTo(raw, e, BINARY64);
}

/** The same rounded directly to float32 (not via double), returned as the float's exact value. */
export function roundToFloat32(raw: bigint, e: number): number {
  return Math.fround(roundTo(raw, e, BINARY32)); // exact already; fround maps overflow to ±Infinity
}
