import { describe, expect, it } from 'vitest';
import { addType, castRawBig, fracBits, mulType, OVERFLOW_MODES, QUANT_MODES, type FixedType } from '@sparsepixels/core';
import { createRng, type Rng } from '@sparsepixels/ir/testing';
import { macOrder, poolOrder } from './accum-order';

// The claim behind the order-free cores: when macOrder/poolOrder say 'order-free', summing the
// terms cast into the accumulator's grid modulo 2^W (what the sum trees compute) equals the
// normative stepwise accumulation (one cast per step, castRawBig) for every order of the terms.
// Checked on random types of every mode, random weights and inputs, and shuffled orders.

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)]!;

function randomType(rng: Rng, minW: number, maxW: number): FixedType {
  const width = rng.int(minW, maxW);
  const signed = rng.next() < 0.7;
  const overflow = pick(rng, OVERFLOW_MODES.filter((m) => signed || m !== 'AP_WRAP_SM'));
  return { kind: 'fixed', signed, width, integer: rng.int(-2, width + 2), quant: pick(rng, QUANT_MODES), overflow, satBits: 0 };
}

function randomRaw(rng: Rng, t: FixedType): bigint {
  const w = BigInt(t.width);
  const span = 1n << w;
  const u = BigInt(Math.floor(rng.next() * Number(span)));
  return t.signed ? u - (span >> 1n) : u;
}

/** One normative step acc = cast(acc + v). */
function step(acc: bigint, accT: FixedType, v: bigint, vT: FixedType): bigint {
  const f = Math.max(fracBits(accT), fracBits(vT));
  const sum = (acc << BigInt(f - fracBits(accT))) + (v << BigInt(f - fracBits(vT)));
  return castRawBig(sum, f, accT, addType(accT, vT).width);
}

/** What an order-free core computes: each term quantized into the grid and wrapped, summed mod 2^W. */
function treeSum(start: bigint, accT: FixedType, terms: readonly bigint[], vT: FixedType): bigint {
  const grid: FixedType = { ...accT, overflow: 'AP_WRAP', satBits: 0 };
  let s = start;
  for (const t of terms) s += castRawBig(t, fracBits(vT), grid, vT.width);
  return castRawBig(s, fracBits(accT), grid, accT.width + 64);
}

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

describe('macOrder', () => {
  it('order-free verdicts equal the stepwise sum in every order (2000 random layers)', () => {
    const rng = createRng(5);
    let free = 0;
    let stepwise = 0;
    for (let c = 0; c < 2000; c++) {
      const input = randomType(rng, 3, 10);
      const weight = randomType(rng, 3, 10);
      const accum = randomType(rng, 6, 24);
      const nTerms = rng.int(1, 6);
      const weights = Array.from({ length: nTerms }, () => randomRaw(rng, weight));
      const order = macOrder({ input, weight, accum }, weights, 1, [0n]);
      if (order !== 'order-free') {
        stepwise++;
        continue;
      }
      free++;
      const product = mulType(weight, input);
      for (let trial = 0; trial < 4; trial++) {
        const terms = weights.map((w) => w * randomRaw(rng, input));
        const want = treeSum(0n, accum, terms, product);
        let acc = 0n;
        for (const t of shuffle(rng, [...terms])) acc = step(acc, accum, t, product);
        expect({ c, acc }).toEqual({ c, acc: want });
      }
    }
    // both verdicts occur, so the test exercises the claim and the refusals
    expect(free).toBeGreaterThan(200);
    expect(stepwise).toBeGreaterThan(200);
  });

  it('refuses order-dependent rounding and saturation that can trigger', () => {
    const x: FixedType = { kind: 'fixed', signed: false, width: 8, integer: 1, quant: 'AP_TRN', overflow: 'AP_WRAP', satBits: 0 };
    const w: FixedType = { kind: 'fixed', signed: true, width: 8, integer: 3, quant: 'AP_TRN', overflow: 'AP_WRAP', satBits: 0 };
    const conv: FixedType = { kind: 'fixed', signed: true, width: 10, integer: 4, quant: 'AP_RND_CONV', overflow: 'AP_WRAP', satBits: 0 };
    expect(macOrder({ input: x, weight: w, accum: conv }, [5n, -3n], 1, [0n])).toBe('stepwise');
    const sat: FixedType = { ...conv, width: 16, integer: 4, quant: 'AP_TRN', overflow: 'AP_SAT' };
    expect(macOrder({ input: x, weight: w, accum: sat }, [127n, 127n, 127n], 1, [0n])).toBe('stepwise');
    expect(macOrder({ input: x, weight: w, accum: { ...sat, width: 24, integer: 12 } }, [127n, 127n, 127n], 1, [0n])).toBe('order-free');
  });
});

describe('poolOrder', () => {
  it('order-free verdicts equal the stepwise sum in every order', () => {
    const rng = createRng(9);
    let free = 0;
    for (let c = 0; c < 1000; c++) {
      const input = randomType(rng, 3, 10);
      const accum = randomType(rng, 4, 16);
      const p = rng.int(1, 3);
      if (poolOrder(input, accum, p * p) !== 'order-free') continue;
      free++;
      const terms = Array.from({ length: p * p }, () => randomRaw(rng, input));
      const want = treeSum(0n, accum, terms, input);
      let acc = 0n;
      for (const t of shuffle(rng, [...terms])) acc = step(acc, accum, t, input);
      expect({ c, acc }).toEqual({ c, acc: want });
    }
    expect(free).toBeGreaterThan(100);
  });
});
