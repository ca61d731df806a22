import { describe, expect, it } from 'vitest';
import { castRawBig } from './cast-raw-big';
import { OVERFLOW_MODES, QUANT_MODES, type FixedType } from './fixed-type';
import { formatType } from './format-type';
import { refConvert } from './reference-model.test-util';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';

/** Every bit pattern of a W-bit container, read signed or unsigned. */
function patterns(width: number, signed: boolean): bigint[] {
  const n = 2 ** width;
  return Array.from({ length: n }, (_, k) => BigInt(signed && k >= n / 2 ? k - n : k));
}

/** Destinations: W 1..6, I from below 0 to beyond W, every Q, O and N (WRAP_SM signed only). */
function destinations(): FixedType[] {
  const out: FixedType[] = [];
  for (let w = 1; w <= 6; w++) {
    for (const i of [-2, 0, 1, Math.ceil(w / 2), w, w + 3]) {
      for (const o of OVERFLOW_MODES) {
        const ns = o === 'AP_WRAP' || o === 'AP_WRAP_SM' ? Array.from({ length: w + 1 }, (_, n) => n) : [0];
        for (const n of ns) {
          for (const q of QUANT_MODES) {
            out.push(apFixed(w, i, q, o, n));
            if (o !== 'AP_WRAP_SM') out.push(apUfixed(w, i, q, o, n));
          }
        }
      }
    }
    out.push(apInt(w), apUint(w));
  }
  return out;
}

describe('castRawBig (§4.1) against the independent reference model', () => {
  it('agrees on every source pattern of W <= 6 sources for every destination mode', () => {
    const sources: { w: number; s: boolean; f: number }[] = [];
    for (let w = 1; w <= 6; w++) {
      for (const s of [true, false]) for (const f of [-1, 2, w + 2]) sources.push({ w, s, f });
    }
    const dests = destinations();
    let checked = 0;
    const failures: string[] = [];
    // Each destination meets a rotating subset of source containers to bound the run time.
    dests.forEach((t, k) => {
      for (let j = 0; j < 8; j++) {
        const src = sources[(k * 7 + j * 13) % sources.length]!;
        for (const r of patterns(src.w, src.s)) {
          const got = castRawBig(r, src.f, t, src.w);
          const want = refConvert(r, src.f, src.w, t);
          checked++;
          if (got !== want && failures.length < 5) {
            failures.push(`${r} (W=${src.w},F=${src.f}) -> ${formatType(t)}: got ${got}, want ${want}`);
          }
        }
      }
    });
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200_000);
  });
});
