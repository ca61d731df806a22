import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hlsIncludeDir } from '../paths';
import { rawToExactDecimal } from '@sparsepixels/ir';
import { runProcess } from './compile';

// sp_tb_io.h prints values as exact decimals from their raw bits; check it against the TypeScript
// decimal printer (itself checked by hand-computed cases) on random widths, fractions and patterns.
// A stand-in value type with range(hi, lo).to_uint64() keeps this test independent of ap_types.

interface Case {
  w: number;
  f: number;
  s: boolean;
  bits: bigint;
}

function cases(): Case[] {
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const out: Case[] = [];
  for (let k = 0; k < 300; k++) {
    const w = 1 + rand(64);
    const f = rand(140) - 40;
    let bits = 0n;
    for (let b = 0; b < w; b++) if (rand(2)) bits |= 1n << BigInt(b);
    if (k % 10 === 0) bits = (1n << BigInt(w)) - 1n; // all ones
    if (k % 10 === 1) bits = 1n << BigInt(w - 1); // most negative
    out.push({ w, f, s: rand(2) === 1, bits });
  }
  return out;
}

function expected(c: Case): string {
  const raw = c.s && c.bits >> BigInt(c.w - 1) === 1n ? c.bits - (1n << BigInt(c.w)) : c.bits;
  return rawToExactDecimal(raw, c.f);
}

const dir = mkdtempSync(join(tmpdir(), 'sp-tbio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sp_tb_io.h exact_decimal', () => {
  it('prints every raw pattern exactly (g++)', async () => {
    const all = cases();
    const lines = all.map(
      (c) =>
        `  { raw_t v = {0x${c.bits.toString(16)}ULL}; sp::write_values<${c.w}, ${c.f}, ${c.s}>(std::cout, &v, 1, true); std::cout << "\\n"; }`,
    );
    const source = [
      '#include <iostream>',
      '#include "nnet_utils/sp_tb_io.h"',
      'struct range_t { unsigned long long v; unsigned long long to_uint64() const { return v; } };',
      'struct raw_t { unsigned long long v; range_t range(int, int) const { range_t r = {v}; return r; } };',
      'int main() {',
      ...lines,
      '  return 0;',
      '}',
    ].join('\n');
    writeFileSync(join(dir, 'main.cpp'), source);
    const build = await runProcess(
      'g++',
      ['-O1', '-std=c++14', '-Wall', '-Wextra', '-Werror', `-I${hlsIncludeDir()}`, 'main.cpp', '-o', 'main'],
      dir,
    );
    expect(build.stderr).toBe('');
    const run = await runProcess('./main', [], dir);
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual(all.map(expected));
  });
});
