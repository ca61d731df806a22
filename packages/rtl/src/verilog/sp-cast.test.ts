import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { castRawBig, OVERFLOW_MODES, QUANT_MODES, type FixedType } from '@sparsepixels/core';
import { createRng, type Rng } from '@sparsepixels/ir/testing';
import { castParams, type RawFormat } from '../fixed/raw-format';
import { verilogLibDir } from '../paths';
import { runHarness } from '../sim/harness';
import { VerilogModule, bits } from './builder';

// sp_cast.v against core's castRawBig (the normative cast) on random source formats, destination
// types of every quantization and overflow mode (with saturation bits), and random raw patterns
// including the extremes; Verilator simulates the Verilog.

interface Case {
  readonly src: RawFormat;
  readonly dst: FixedType;
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)]!;

function randomCase(rng: Rng): Case {
  const src = { width: rng.int(1, 64), frac: rng.int(-12, 40), signed: rng.next() < 0.6 };
  const width = rng.int(1, 40);
  const signed = rng.next() < 0.6;
  const overflow = pick(rng, OVERFLOW_MODES.filter((m) => signed || m !== 'AP_WRAP_SM'));
  const satBits = overflow === 'AP_WRAP' || overflow === 'AP_WRAP_SM' ? (rng.next() < 0.5 ? 0 : rng.int(1, width)) : 0;
  // destination fraction bits near the source's, so rounding and overflow both happen often
  const frac = src.frac + rng.int(-8, 6);
  const dst: FixedType = { kind: 'fixed', signed, width, integer: width - frac, quant: pick(rng, QUANT_MODES), overflow, satBits };
  return { src, dst };
}

function randomRaw(rng: Rng, f: RawFormat, k: number): bigint {
  const w = BigInt(f.width);
  const lo = f.signed ? -(1n << (w - 1n)) : 0n;
  const hi = f.signed ? (1n << (w - 1n)) - 1n : (1n << w) - 1n;
  const special = [0n, lo, hi, 1n, -1n, lo + 1n, hi - 1n];
  if (k < special.length) return special[k]! < lo || special[k]! > hi ? 0n : special[k]!;
  let v = 0n;
  for (let b = 0n; b < w; b++) if (rng.next() < 0.5) v |= 1n << b;
  return BigInt.asIntN(f.width, v) >= lo && f.signed ? BigInt.asIntN(f.width, v) : BigInt.asUintN(f.width, v);
}

const dir = mkdtempSync(join(tmpdir(), 'sp-rtl-cast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sp_cast.v', () => {
  it('equals castRawBig bit for bit on 300 random casts x 40 raws (Verilator)', async () => {
    const rng = createRng(2024);
    const cases = Array.from({ length: 300 }, () => randomCase(rng));
    const inW = cases.map((c) => c.src.width);
    const outW = cases.map((c) => c.dst.width);
    const m = new VerilogModule('top');
    m.port('input', 'x', inW.reduce((a, b) => a + b, 0));
    m.port('output', 'y', outW.reduce((a, b) => a + b, 0));
    let xi = 0;
    let yi = 0;
    cases.forEach((c, i) => {
      m.instance('sp_cast', `u${i}`, castParams(c.src, c.dst), { x: bits('x', xi, c.src.width), y: bits('y', yi, c.dst.width) });
      xi += c.src.width;
      yi += c.dst.width;
    });
    const rows = Array.from({ length: 40 }, (_, k) => cases.map((c) => randomRaw(rng, c.src, k)));
    const out = await runHarness(join(dir, 'cast'), { verilog: m.text(), sources: [join(verilogLibDir(), 'sp_cast.v')], inFields: inW, outFields: outW }, rows);
    let checked = 0;
    const bad: string[] = [];
    rows.forEach((row, r) =>
      cases.forEach((c, i) => {
        const want = BigInt.asUintN(c.dst.width, castRawBig(row[i]!, c.src.frac, c.dst, c.src.width));
        const got = out[r]![i]!;
        checked++;
        if (got !== want && bad.length < 5) bad.push(`${JSON.stringify(c)} raw ${row[i]}: want ${want} got ${got}`);
      }),
    );
    expect(bad).toEqual([]);
    expect(checked).toBe(12000);
  });
});
