import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  apFixed,
  apUfixed,
  castRawBig,
  OVERFLOW_MODES,
  QUANT_MODES,
  type FixedType,
} from '@sparsepixels/core';
import { createRng } from '@sparsepixels/ir/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runIcarus } from './icarus';
import { castParams, hexLiteral, paramList } from './type-params';
import { verilogLibDir } from '@sparsepixels/rtl/verilog-lib';

const work = mkdtempSync(join(tmpdir(), 'sp-cast-icarus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Case {
  readonly sw: number;
  readonly sf: number;
  readonly ss: boolean;
  readonly dst: FixedType;
  readonly raws: bigint[];
}

function randomCases(count: number, seed: number): Case[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]) => xs[rng.int(0, xs.length - 1)]!;
  const bigRaw = (w: number, signed: boolean) => {
    let v = 0n;
    for (let b = 0; b < w; b++) v = (v << 1n) | BigInt(rng.int(0, 1));
    return signed ? BigInt.asIntN(w, v) : v;
  };
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    const sw = rng.int(1, 70);
    const ss = rng.next() < 0.7 && sw >= 1;
    const signed = rng.next() < 0.7;
    const dw = rng.int(1, 64);
    const q = pick(QUANT_MODES);
    const o = pick(OVERFLOW_MODES.filter((m) => signed || m !== 'AP_WRAP_SM'));
    const nb =
      o === 'AP_WRAP' || o === 'AP_WRAP_SM' ? pick([0, 0, 1, 2, Math.min(dw, 3)].filter((n) => n <= dw)) : 0;
    const di = rng.int(-4, dw + 4);
    const dst = signed ? apFixed(dw, di, q, o, nb) : apUfixed(dw, di, q, o, nb);
    const sf = rng.int(-3, Math.max(0, sw + 4));
    const lo = ss ? -(1n << BigInt(sw - 1)) : 0n;
    const hi = ss ? (1n << BigInt(sw - 1)) - 1n : (1n << BigInt(sw)) - 1n;
    const raws = [lo, hi, 0n, ss ? -1n : 1n, bigRaw(sw, ss), bigRaw(sw, ss), bigRaw(sw, ss), bigRaw(sw, ss)];
    out.push({ sw, sf, ss, dst, raws });
  }
  return out;
}

describe('sp_cast (the RTL library\'s Verilog, which the blocks use) in Icarus against core castRawBig', () => {
  it('gives the same bits for every quantization and overflow mode on random types and values', async () => {
    const cases = randomCases(240, 77);
    const lines: string[] = ['module tb_cast;'];
    const stim: string[] = [];
    cases.forEach((c, i) => {
      const p = castParams(c.sw, c.sf, c.ss, c.dst);
      lines.push(`  reg [${c.sw - 1}:0] x${i}; wire [${p.DW - 1}:0] y${i};`);
      lines.push(`  sp_cast ${paramList({ ...p })} u${i} (.x(x${i}), .y(y${i}));`);
      c.raws.forEach((r, k) =>
        stim.push(`    x${i} = ${hexLiteral(r, c.sw)}; #1 $display("${i} ${k} %h", y${i});`),
      );
    });
    lines.push('  initial begin', ...stim, '    $finish;', '  end', 'endmodule');
    const tb = join(work, 'tb_cast.v');
    writeFileSync(tb, `${lines.join('\n')}\n`);
    const { stdout } = await runIcarus(work, 'tb_cast', [join(verilogLibDir(), 'sp_cast.v'), tb]);
    const got = new Map(
      stdout
        .trim()
        .split('\n')
        .map((l) => {
          const [i, k, h] = l.trim().split(/\s+/);
          return [`${i} ${k}`, h!];
        }),
    );
    let compared = 0;
    const modes = new Set<string>();
    cases.forEach((c, i) =>
      c.raws.forEach((r, k) => {
        const want = BigInt.asUintN(c.dst.width, castRawBig(r, c.sf, c.dst, c.sw));
        const h = got.get(`${i} ${k}`);
        expect(h, `case ${i}.${k}`).toBeDefined();
        expect(
          BigInt(`0x${h}`),
          `case ${i}: raw ${r} (${c.sw} bits, F ${c.sf}) into ${JSON.stringify(c.dst)}`,
        ).toBe(want);
        modes.add(`${c.dst.quant}/${c.dst.overflow}`);
        compared++;
      }),
    );
    expect(compared).toBe(240 * 8);
    expect(modes.size).toBeGreaterThan(25); // most of the 7 x 5 mode pairs are covered
  });
});
