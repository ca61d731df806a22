import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apFixed, apUfixed, cast, formatType, fromNumber, OVERFLOW_MODES, QUANT_MODES, type FixedType } from '@sparsepixels/core';
import { createInterpreter } from '@sparsepixels/ir';
import { randomSparseEvents } from '@sparsepixels/ir/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hgqSparseKeras } from '../test/hgq-fixture';
import { importModel } from './import-model';
import { refinementGap } from './input-reduce-cast';

const dir = mkdtempSync(join(tmpdir(), 'sp-iq-'));
const files: Record<string, string> = {};
beforeAll(async () => {
  for (const [name, bytes] of [
    ['rnd', hgqSparseKeras({ convIq: 'RND', nMax: 1 })],
    ['conv', hgqSparseKeras({ convIq: 'RND_CONV', nMax: 1 })],
  ] as const) {
    files[name] = join(dir, `${name}.keras`);
    writeFileSync(files[name], await bytes);
  }
});

describe('a quantizer on the InputReduce output (HGQ2 iq of the first sparse conv)', () => {
  it('becomes InputReduce\'s result type; the threshold is compared in the input type, as Keras compares the float', async () => {
    const r = await importModel(files['rnd']!, { inputType: 'ap_ufixed<16,2>' });
    const [reduce] = r.model.layers;
    expect(r.model.input.type).toBe('ap_ufixed<16,2>');
    // iq: KIF k=0, i=2, f=6, RND, WRAP = ap_ufixed<8,2,AP_RND,AP_WRAP>
    expect(reduce!.precision).toEqual({ result: 'ap_ufixed<8,2,AP_RND,AP_WRAP>' });
    expect(reduce!.attrs).toEqual({ nMax: 1, threshold: 1638 / 16384 }); // 0.1 snapped to the 2^-14 grid
    // Keras: 0.1001 > 0.1 is kept (the first and only slot), then quantized: round_half_up(0.1001 * 64) / 64 = 6/64.
    // (Had the iq type been the input type, 0.1001 would have become 6/64 <= 0.1 and the pixel 0.5 at (0,1) kept instead.)
    const x = new Float64Array(64);
    x[0] = 0.1001;
    x[1] = 0.5;
    const t = createInterpreter(r.model, { trace: true }).run(x, 1).trace!['input_reduce']!;
    expect(Array.from(t.hash!)).toEqual([1, 1]);
    expect(Array.from(t.raw as Float64Array)).toEqual([6]);
  });

  it('refuses an input type whose cast before the quantizer changes what Keras computes, naming one that does not', async () => {
    await expect(importModel(files['rnd']!, { inputType: 'ap_ufixed<16,2,AP_RND_CONV,AP_SAT>' })).rejects.toThrow(
      /^layer "conv1" \(QConv2DSparse\) input quantizer: Keras compares .* ap_ufixed<8,2,AP_RND,AP_WRAP>.* \(rounding half up to 6 fraction bits needs an AP_TRN input with at least 7 fraction bits\); use an input type such as ap_ufixed<16,2>$/,
    );
    // ties to even: only the same rounding at the same 6 fraction bits reproduces it
    await expect(importModel(files['conv']!, { inputType: 'ap_ufixed<16,2>' })).rejects.toThrow(/AP_RND_CONV to 6 fraction bits is reproduced only by an AP_RND_CONV input with exactly 6 fraction bits\); use an input type such as ap_ufixed<8,2,AP_RND_CONV,AP_WRAP>$/);
    const same = await importModel(files['conv']!, { inputType: 'ap_ufixed<8,2,AP_RND_CONV,AP_WRAP>' });
    expect(same.model.layers[0]!.precision).toEqual({ result: 'ap_ufixed<8,2,AP_RND_CONV,AP_WRAP>' });
  });

  it('asks for the input type of the comparison when none is given', async () => {
    await expect(importModel(files['rnd']!)).rejects.toThrow(/quantizes the pixels InputReduce keeps .* give the input type of that comparison with --input-type \(e\.g\. ap_ufixed<9,2>\)/);
  });

  it('calibration tries only input types that cast exactly before the quantizer', async () => {
    const count = 60;
    const x = randomSparseEvents({ h: 8, w: 8, count, active: [2, 8], seed: 4, type: 'ap_ufixed<12,1>' });
    const r = await importModel(files['rnd']!, { calibrate: { x, count, source: 'events' } });
    expect(r.inputTypeSource).toBe('calibration');
    expect(r.calibration!.steps[0]!.type).toBe('ap_ufixed<9,2>'); // 7 fraction bits, TRN, WRAP
    for (const s of r.calibration!.steps) expect(s.type).toMatch(/^ap_ufixed<\d+,2>$/);
  });
});

/** Random small types of every rounding and overflow mode. */
const typeArb = fc
  .record({ signed: fc.boolean(), width: fc.integer({ min: 2, max: 14 }), integer: fc.integer({ min: -2, max: 6 }), q: fc.constantFrom(...QUANT_MODES), o: fc.constantFrom(...OVERFLOW_MODES) })
  .filter((r) => r.signed || r.o !== 'AP_WRAP_SM')
  .map((r): FixedType => (r.signed ? apFixed(r.width, r.integer, r.q, r.o) : apUfixed(r.width, r.integer, r.q, r.o)));

/** (T, Q) pairs: unrelated, or T near Q (a few more fraction/integer bits, TRN or Q's rounding, a saturating or wrapping overflow). */
const pairArb = fc.oneof(
  fc.tuple(typeArb, typeArb),
  fc
    .tuple(typeArb, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.constantFrom('same', 'AP_SAT', 'AP_WRAP'), fc.boolean())
    .map(([q, df, di, trn, o, signed]): [FixedType, FixedType] => {
      const s = signed || q.signed;
      const integer = q.integer + di + (s && !q.signed ? 1 : 0);
      const width = integer + (q.width - q.integer) + df;
      const overflow = o === 'same' ? q.overflow : (o as FixedType['overflow']);
      const t: FixedType = { ...q, signed: s, width: Math.max(1, Math.min(40, width)), integer, quant: trn ? 'AP_TRN' : q.quant, overflow: !s && overflow === 'AP_WRAP_SM' ? 'AP_WRAP' : overflow };
      return [t, q];
    }),
);

/** Reals near the grid points and rounding ties of `q`, and beyond its range. */
function probes(q: FixedType, seed: number): number[] {
  const lsb = 2 ** (q.integer - q.width);
  const out: number[] = [];
  let s = seed;
  for (let k = -40; k <= 40; k++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const base = k * lsb * (1 + (q.width % 3)) * 0.5;
    for (const d of [0, lsb / 2, -lsb / 2, 1e-9, -1e-9, (s / 2 ** 31) * lsb]) out.push(base + d, base + lsb / 2 + d);
  }
  return out;
}

describe('refinementGap: when it accepts T, casting to T then Q equals casting to Q', () => {
  it('on every probed real, for random types of every mode', () => {
    fc.assert(
      fc.property(pairArb, fc.integer({ min: 1, max: 1e6 }), ([t, q], seed) => {
        if (refinementGap(t, q) !== undefined) return;
        for (const x of probes(q, seed)) {
          const twice = cast(fromNumber(x, t), q).raw;
          const once = fromNumber(x, q).raw;
          if (twice !== once) throw new Error(`${formatType(t)} then ${formatType(q)} at ${x}: ${twice} vs ${once}`);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('refuses the double roundings that do differ (examples)', () => {
    const q = apUfixed(8, 2, 'AP_RND_CONV', 'AP_WRAP');
    const t = apUfixed(16, 2);
    expect(refinementGap(t, q)).toBeDefined();
    const x = 5 / 128 + 1e-6; // just above the tie 2.5 LSB of q: truncated to t it is the tie, which rounds to even (2), not 3
    expect(cast(fromNumber(x, t), q).raw).not.toBe(fromNumber(x, q).raw);
    expect(refinementGap(apUfixed(8, 2, 'AP_RND', 'AP_SAT'), apUfixed(8, 2, 'AP_RND', 'AP_WRAP'))).toMatch(/AP_WRAP to 2 integer bits/);
    expect(refinementGap(apUfixed(16, 2), apUfixed(8, 2, 'AP_TRN', 'AP_WRAP'))).toBeUndefined();
    expect(refinementGap(apFixed(16, 3, 'AP_TRN', 'AP_SAT'), apUfixed(8, 2, 'AP_RND', 'AP_SAT'))).toBeUndefined();
  });
});
