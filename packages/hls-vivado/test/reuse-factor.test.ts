import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPaperModel } from '@sparsepixels/ir/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { vivadoBackend } from '../src';
import { caseWithBuild, expectBitExact, randomCases, withBuild } from '../src/testing';

// A reuse factor R > 1 changes the loop structure and pragmas of Dense and SparseConv2D (products
// shared R times) but not one output bit: the g++ C simulation of random models (including
// user-fixed narrow, saturating accumulators, where the order of the sums matters) and of a paper
// model at R = 3 / 4 must equal the interpreter.
const root = mkdtempSync(join(tmpdir(), 'sp-reuse-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cases = randomCases({ sparseSeeds: [1, 3], standardSeeds: [101], events: 40 }).map((c) =>
  caseWithBuild(c, 'rf3', { reuseFactor: 3 }),
);

// one g++ build at a time (the machine is shared), each allowed 5 minutes
describe('reuse factor 3: random models stay bit-exact', () => {
  it.each(cases)('$name', (c) => expectBitExact(vivadoBackend, c, root), 300_000);
});

describe('reuse factor on a paper model', () => {
  it('emits the shared kernels with II = 1 loops over R iterations, bit-exact in C simulation', async () => {
    const m = withBuild(buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 }), 'rf4', { reuseFactor: 4 });
    const p = await vivadoBackend.emit(m, join(root, 'paper'));
    const cpp = readFileSync(join(p.outDir, 'firmware/myproject.cpp'), 'utf8');
    const params = readFileSync(join(p.outDir, 'firmware/parameters.h'), 'utf8');
    expect(cpp).toMatch(/sp::sparse_conv2d_reuse</);
    expect(cpp).toMatch(/sp::dense_reuse</);
    expect(params).toMatch(/reuse_factor = 4;\n\s+static const unsigned block = 4;/); // conv: N = 16 slots / 4
    // fc1: per output, ceil(non-zero weights / 4) lanes
    const fc1 = m.layers.find((l) => l.name === 'fc1')!.weights!['kernel']!;
    const nOut = fc1.shape[1]!;
    const lanes = [...Array(nOut).keys()].reduce((a, j) => a + Math.ceil(fc1.values.filter((v, k) => k % nOut === j && v !== 0).length / 4), 0);
    expect(params).toMatch(new RegExp(`reuse_factor = 4;\\n\\s+static const unsigned block = ${lanes};`));
    const r = await vivadoBackend.csim(p.outDir);
    expect(r.bitExact).toBe(true);
  }, 300_000);

  it('refuses what it cannot honour, in one line naming the place', async () => {
    const base = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 8, bits: 8 });
    const conv9 = {
      ...base,
      layers: base.layers.map((l) => (l.name === 'conv1' ? { ...l, build: { reuseFactor: 9 } } : l)),
    };
    await expect(vivadoBackend.emit(conv9, join(root, 'x1'))).rejects.toThrow(
      /layer "conv1": reuseFactor 9 exceeds N_max = 8 of the layer/,
    );
    const pool = {
      ...base,
      layers: base.layers.map((l) => (l.op === 'SparsePooling2D' ? { ...l, build: { reuseFactor: 2 } } : l)),
    };
    await expect(vivadoBackend.emit(pool, join(root, 'x2'))).rejects.toThrow(
      /reuseFactor 2: op SparsePooling2D has no reuse-factor kernel/,
    );
    await expect(
      vivadoBackend.emit({ ...base, build: { ...base.build, strategy: 'resource' } }, join(root, 'x3')),
    ).rejects.toThrow(/strategy "resource" is not supported/);
  });
});
