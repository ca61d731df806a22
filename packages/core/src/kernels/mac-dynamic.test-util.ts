/**
 * Random layers for the dynamic-path tests: 16- to 32-bit input/weight/bias types, accumulators that
 * are wide (64 bits), tight (range just around the data) or narrow (one cast per step), and bigint
 * raws of a chosen size: small (float64 sums exact), middling (sums near 2^53) or full-range
 * (products up to 2^62).
 */
import fc from 'fast-check';
import { apFixed, apUfixed, fracBits, rawMaxBig, rawMinBig } from '../fixed';
import type { FixedType, OverflowMode } from '../fixed';
import type { MacPath, PreparedMac } from './mac-layer';
import { fixedTypeArb } from './sparse-fixtures.test-util';

export interface MacTypesCase {
  readonly input: FixedType;
  readonly weight: FixedType;
  readonly bias: FixedType;
  readonly accum: FixedType;
  readonly result: FixedType;
}

/** Types with accumulator kinds 'wide' (ap_fixed<64>), 'tight' (a few integer bits) and 'narrow' (random, <= 53 bits). */
export const macTypesArb: fc.Arbitrary<MacTypesCase> = fc
  .record({
    input: fixedTypeArb(16, 32),
    weight: fixedTypeArb(16, 32),
    bias: fixedTypeArb(16, 32),
    narrow: fixedTypeArb(16, 53),
    kind: fc.constantFrom('wide', 'tight', 'narrow'),
    tightInt: fc.integer({ min: 2, max: 60 }),
    tightSigned: fc.boolean(),
    tightO: fc.constantFrom('AP_WRAP', 'AP_SAT', 'AP_SAT_SYM') as fc.Arbitrary<OverflowMode>,
    result: fixedTypeArb(16, 64),
    resultIsAccum: fc.boolean(),
  })
  .map((r) => {
    const fa = Math.max(fracBits(r.weight) + fracBits(r.input), fracBits(r.bias));
    const tightW = Math.min(64, Math.max(1, fa + r.tightInt));
    const tight = (r.tightSigned ? apFixed : apUfixed)(tightW, tightW - fa, 'AP_TRN', r.tightO);
    const accum = r.kind === 'wide' ? apFixed(64, 64 - fa) : r.kind === 'tight' ? tight : r.narrow;
    return {
      input: r.input,
      weight: r.weight,
      bias: r.bias,
      accum,
      result: r.resultIsAccum ? accum : r.result,
    };
  });

/** Raws of t: zero half the time, else within +-2^bits (clipped to t's range). */
export function bigRawsArb(t: FixedType, length: number, bits: number): fc.Arbitrary<bigint[]> {
  const lo = rawMinBig(t);
  const hi = rawMaxBig(t);
  const cap = 1n << BigInt(bits);
  const value = fc.bigInt({ min: lo > -cap ? lo : -cap, max: hi < cap ? hi : cap });
  return fc.array(fc.oneof(fc.constant(0n), value), { minLength: length, maxLength: length });
}

/** Tally of which path events took, split by whether the static strategy already covered them. */
export class PathTally {
  readonly seen: Record<string, number> = {};

  /** Runs f (one event through a kernel entry point) and records the path it took. */
  record<T>(m: PreparedMac, f: () => T): T {
    const before = { ...m.counts };
    const r = f();
    const path = (Object.keys(before) as MacPath[]).find((k) => m.counts[k] !== before[k]);
    const key = `${m.strategy}:${path ?? 'none'}`;
    this.seen[key] = (this.seen[key] ?? 0) + 1;
    if (m.dynamic.exactLimit >= 0 && m.strategy !== 'exact-number' && path !== 'exact') {
      this.seen['exact-check-failed'] = (this.seen['exact-check-failed'] ?? 0) + 1;
    }
    return r;
  }

  count(key: string): number {
    return this.seen[key] ?? 0;
  }
}
