import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsimCompileError, formatCsimReport, vivadoBackend } from '../src';
import { randomSparseEvents } from '@sparsepixels/ir/testing';
import { smallSparseModel } from '../src/testing';

// The C simulation runner on broken projects: a kernel that computes something else must be
// reported with the events, values and first diverging layer; g++ failures give one line.
const root = mkdtempSync(join(tmpdir(), 'sp-csim-errors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function project(name: string): Promise<string> {
  return (await vivadoBackend.emit(smallSparseModel(), join(root, name))).outDir;
}

describe('runCsim on a broken project', () => {
  it('reports mismatches and the first layer that differs', async () => {
    const dir = await project('wrong-pool');
    // Break the pooling reciprocal (r = floor(2^F/P)/2^F becomes floor((2^F - 1)/P)/2^F).
    const header = join(dir, 'firmware/nnet_utils/sp_common.h');
    const text = readFileSync(header, 'utf8');
    expect(text).toContain('double((1ull << F) / P) / double(1ull << F)');
    writeFileSync(header, text.replace('double((1ull << F) / P) / double(1ull << F)', 'double(((1ull << F) - 1) / P) / double(1ull << F)'));
    const r = await vivadoBackend.csim(dir, { optLevel: '-O1' });
    expect(r.bitExact).toBe(false);
    expect(r.mismatchCount).toBeGreaterThan(0);
    expect(r.divergences.length).toBeGreaterThan(0);
    for (const d of r.divergences) expect([d.layer, d.kind]).toEqual(['pool1', 'out']);
    const report = formatCsimReport(r);
    expect(report.split('\n')[0]).toMatch(
      /^C simulation differs from the interpreter: \d+ output values over 12 events$/,
    );
    expect(report).toMatch(
      /event \d+: first difference at layer "pool1" out\[\d+\]: interpreter [\d.]+, csim [\d.]+/,
    );
  });

  it('counts every mismatch per output, beyond the 100 it lists, the same in batches as at once', async () => {
    const dir = await project('wrong-pool-300');
    // Every event now differs in every output: more than the 100 listed mismatches.
    const header = join(dir, 'firmware/nnet_utils/sp_common.h');
    const text = readFileSync(header, 'utf8');
    expect(text).toContain('double((1ull << F) / P) / double(1ull << F)');
    writeFileSync(header, text.replace('double((1ull << F) / P) / double(1ull << F)', 'double(((1ull << F) * 63 / 64) / P) / double(1ull << F)'));
    const events = randomSparseEvents({ h: 8, w: 8, count: 300, active: [3, 6], seed: 5, threshold: 0.25 });
    const whole = await vivadoBackend.csim(dir, { optLevel: '-O1', events });
    expect(whole.mismatchCount).toBeGreaterThan(100);
    expect(whole.mismatches).toHaveLength(100);
    expect(whole.outputMismatches).toHaveLength(1);
    expect(whole.outputMismatches[0]).toBe(whole.mismatchCount);
    const batched = await vivadoBackend.csim(dir, { optLevel: '-O1', events, batchSize: 7 });
    expect(batched.events).toBe(300);
    expect(batched.mismatchCount).toBe(whole.mismatchCount);
    expect(batched.mismatches).toEqual(whole.mismatches);
    expect(batched.divergences).toEqual(whole.divergences);
  });

  it('names a missing test-bench file in one line', async () => {
    const dir = await project('no-tb');
    unlinkSync(join(dir, 'tb_data/tb_input_features.dat'));
    const err = await vivadoBackend.csim(dir, { optLevel: '-O1' }).catch((e: unknown) => e);
    expect((err as Error).message.replace(dir, '<dir>')).toBe(
      '<dir>/tb_data/tb_input_features.dat: cannot read the test-bench input: no such file',
    );
  });

  it('gives a one-line error with the first g++ diagnostic, full text attached', async () => {
    const dir = await project('bad-cpp');
    appendFileSync(join(dir, 'firmware/myproject.cpp'), '\nint broken = undeclared_name;\n');
    const err = await vivadoBackend.csim(dir, { optLevel: '-O1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsimCompileError);
    const e = err as CsimCompileError;
    expect(e.code).toBe('SP_CSIM_COMPILE');
    expect(e.message.split('\n')).toHaveLength(1);
    expect(e.message.replace(dir, '<dir>')).toMatch(
      /^<dir>: g\+\+ failed \(1 error\); first: firmware\/myproject\.cpp:\d+:\d+: error: 'undeclared_name' was not declared in this scope/,
    );
    expect(e.diagnostics).toContain('undeclared_name');
  });

  it('names a missing compiler', async () => {
    const dir = await project('no-gxx');
    const err = await vivadoBackend.csim(dir, { cxx: 'no-such-compiler-xyz' }).catch((e: unknown) => e);
    expect((err as Error).message.replace(dir, '<dir>')).toMatchInlineSnapshot(
      `"<dir>: C++ compiler "no-such-compiler-xyz" not found on PATH; install g++ (Debian/Ubuntu: apt-get install g++) or set CXX"`,
    );
  });

  it('refuses a folder that is not a generated project', async () => {
    const err = await vivadoBackend.csim(root).catch((e: unknown) => e);
    expect((err as Error).message.replace(root, '<dir>')).toMatchInlineSnapshot(
      `"<dir>: not a sparsepixels HLS project: model.ir.json is missing"`,
    );
    expect(existsSync(join(root, 'model.ir.json'))).toBe(false);
  });
});
