import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FixedValue } from './fixed-value';
import { rawToNumber, toNumber } from './to-number';
import { apFixed, apInt, apUint, operatorType } from './type-constructors';

const bitsOf = (x: number): bigint => new BigUint64Array(new Float64Array([x]).buffer)[0]!;
const fromBits = (b: bigint): number => new Float64Array(new BigUint64Array([b]).buffer)[0]!;

/** c = m · 2^e exactly, for a finite double c. */
function exactParts(c: number): { m: bigint; e: number } {
  const b = bitsOf(c);
  const exp = Number((b >> 52n) & 0x7ffn);
  const frac = b & ((1n << 52n) - 1n);
  const m = exp === 0 ? frac : frac | (1n << 52n);
  return { m: b >> 63n ? -m : m, e: (exp === 0 ? 1 : exp) - 1075 };
}

/** The two doubles adjacent to c (c finite). */
function neighbours(c: number): number[] {
  if (c === 0) return [5e-324, -5e-324];
  const b = bitsOf(c);
  return [fromBits(b + 1n), fromBits(b - 1n)];
}

/** Oracle: c is the double nearest to raw·2^-f, ties to an even last bit. */
function isCorrectlyRounded(raw: bigint, f: number, c: number): boolean {
  const cands = [c, ...neighbours(c)].filter(Number.isFinite).map(exactParts);
  const e = Math.min(-f, ...cands.map((p) => p.e));
  const v = raw << BigInt(-f - e);
  const dist = cands.map((p) => {
    const d = (p.m << BigInt(p.e - e)) - v;
    return d < 0n ? -d : d;
  });
  const d0 = dist[0]!;
  if (dist.some((d) => d < d0)) return false;
  const tie = dist.slice(1).some((d) => d === d0);
  return !tie || (bitsOf(c) & 1n) === 0n;
}

const wideRaw = fc.oneof(
  fc.bigInt({ min: -(1n << 200n), max: 1n << 200n }),
  fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }),
  fc.integer({ min: 54, max: 120 }).map((k) => (1n << BigInt(k)) + (1n << BigInt(k - 53))), // exact ties
  fc.integer({ min: 54, max: 120 }).map((k) => (1n << BigInt(k)) + (3n << BigInt(k - 53))),
);

describe('toNumber', () => {
  it('rounds wide raws correctly (nearest, ties to even)', () => {
    fc.assert(
      fc.property(wideRaw, fc.integer({ min: -60, max: 1200 }), (raw, f) => {
        const width = raw.toString(2).length + 2;
        const v = new FixedValue(operatorType('fixed', true, width, width - f), raw);
        expect(isCorrectlyRounded(raw, f, toNumber(v))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('gives +0 for zero and converts only the low 64 bits of wide ap_ints [quirk]', () => {
    expect(Object.is(toNumber(new FixedValue(apFixed(8, 4), 0n)), 0)).toBe(true);
    expect(toNumber(new FixedValue(operatorType('int', true, 70, 70), 1n << 66n))).toBe(0);
    expect(toNumber(new FixedValue(operatorType('int', true, 70, 70), -1n))).toBe(-1);
    expect(toNumber(new FixedValue(apUint(64), (1n << 64n) - 1n))).toBe(2 ** 64);
    expect(toNumber(new FixedValue(apInt(8), -5n))).toBe(-5);
  });
});

describe('rawToNumber', () => {
  it('equals toNumber of the same value', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.boolean(), fc.integer({ min: -1100, max: 1100 }), (r, neg, i) => {
        const raw = neg ? -r : r;
        const t = operatorType('fixed', true, 54, i);
        expect(rawToNumber(raw, t)).toBe(toNumber(new FixedValue(t, BigInt(raw))));
      }),
      { numRuns: 5000 },
    );
  });

  it('scales by 2^-F', () => {
    expect(rawToNumber(-21, apFixed(8, 4))).toBe(-1.3125);
    expect(rawToNumber(6, apFixed(4, 8))).toBe(96);
    expect(rawToNumber(0x66, apFixed(8, -2))).toBe(0.099609375);
  });
});
