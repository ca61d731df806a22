import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OVERFLOW_MODES, QUANT_MODES, fracBits, quantizeNumberBig, type FixedType } from '@sparsepixels/core';
import { createRng } from '@sparsepixels/ir/testing';
import { rawToExactDecimal } from '@sparsepixels/ir';
import { castParams, formatOf } from '../fixed/raw-format';
import { cppLibDir } from '../paths';
import { runTool } from '../sim/run-process';

// The test bench's C++ conversions (cpp/sp_fixed_io.h) against core: double -> fixed type for
// every mode (and ap_int/ap_uint), and the exact decimal printer, compiled with g++ for real.

const dir = mkdtempSync(join(tmpdir(), 'sp-rtl-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function randomType(rng: ReturnType<typeof createRng>): FixedType {
  const width = rng.int(1, 40);
  const signed = rng.next() < 0.6;
  if (rng.next() < 0.15) return { kind: 'int', signed, width, integer: width, quant: 'AP_TRN', overflow: 'AP_WRAP', satBits: 0 };
  const overflow = QUANT_MODES && OVERFLOW_MODES.filter((m) => signed || m !== 'AP_WRAP_SM')[rng.int(0, signed ? 4 : 3)]!;
  const satBits = overflow === 'AP_WRAP' || overflow === 'AP_WRAP_SM' ? (rng.next() < 0.5 ? 0 : rng.int(1, width)) : 0;
  return { kind: 'fixed', signed, width, integer: rng.int(-6, width + 6), quant: QUANT_MODES[rng.int(0, 6)]!, overflow, satBits };
}

function randomDouble(rng: ReturnType<typeof createRng>, t: FixedType): number {
  const scale = 2 ** (t.width - fracBits(t));
  const k = rng.int(0, 9);
  if (k === 0) return 0;
  if (k === 1) return (rng.int(-4, 4) + 0.5) * 2 ** -fracBits(t); // exact ties
  if (k === 2) return (rng.next() * 2 - 1) * scale * 4; // overflows
  if (k === 3) return (rng.next() - 0.5) * 1e-30;
  return (rng.next() * 2 - 1) * scale;
}

describe('cpp/sp_fixed_io.h', () => {
  it('converts doubles like quantizeNumberBig and prints raws like rawToExactDecimal (g++)', async () => {
    const rng = createRng(77);
    const cases: { t: FixedType; x: number }[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = randomType(rng);
      cases.push({ t, x: randomDouble(rng, t) });
    }
    const lines = cases.map(({ t, x }) => {
      const c = castParams(formatOf(t), t);
      return `  { sp::FixedType t = {${t.width}, ${fracBits(t)}, ${t.signed}, ${t.kind === 'int'}, ${c['Q']}, ${c['O']}, ${c['NB']}}; int64_t r = sp::from_double(${x.toPrecision(17)}, t); std::printf("%lld %s\\n", (long long)r, sp::exact_decimal(r, ${fracBits(t)}).c_str()); }`;
    });
    writeFileSync(join(dir, 'main.cpp'), ['#include <cstdio>', '#include "sp_fixed_io.h"', 'int main() {', ...lines, '  return 0;', '}'].join('\n'));
    const build = await runTool('g++', ['-O1', '-std=c++17', '-Wall', '-Wextra', '-Werror', `-I${cppLibDir()}`, 'main.cpp', '-o', 'main'], dir, 'g++');
    expect(build.stderr).toBe('');
    const run = await runTool('./main', [], dir, 'g++');
    const got = run.stdout.trim().split('\n');
    const want = cases.map(({ t, x }) => {
      const r = quantizeNumberBig(Number(x.toPrecision(17)), t);
      return `${r} ${rawToExactDecimal(r, fracBits(t))}`;
    });
    const bad = want.map((w, i) => (w === got[i] ? '' : `${JSON.stringify(cases[i])}: want ${w} got ${got[i]}`)).filter(Boolean);
    expect(bad.slice(0, 5)).toEqual([]);
    expect(got.length).toBe(cases.length);
  });
});
