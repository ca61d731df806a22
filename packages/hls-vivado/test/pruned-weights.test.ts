import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPaperModel, randomInputs } from '@sparsepixels/ir/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { vivadoBackend } from '../src';
import { describeResult, expectBitExact, nonZeroCounts, prunedCases, pruneModel, randomStandardModel, withBuild } from '../src/testing';

// Pruned models (about 70 % zero weights, one output channel all zero, one layer all zero): the
// emitted kernels have no term for a zero weight, and the g++ C simulation still equals the
// interpreter on every output bit, also with a reuse factor and in io_stream.
const root = mkdtempSync(join(tmpdir(), 'sp-pruned-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cases = prunedCases(40);

// one g++ build at a time (the machine is shared), each allowed 5 minutes
describe('pruned models are bit-exact in C simulation', () => {
  it.each(cases)('$name', (c) => expectBitExact(vivadoBackend, c, root), 300_000);

  it('cover every MAC op, zero layers of each and zero output channels', () => {
    const ops = new Set(cases.flatMap((c) => c.model.layers.filter((l) => nonZeroCounts(c.model).has(l.name)).map((l) => l.op)));
    expect([...ops].sort()).toEqual(['Conv2D', 'Dense', 'SparseConv2D']);
    const zeroLayers = cases.flatMap((c) =>
      c.model.layers.filter((l) => nonZeroCounts(c.model).get(l.name) === 0).map((l) => l.op),
    );
    expect([...new Set(zeroLayers)].sort()).toEqual(['Conv2D', 'Dense', 'SparseConv2D']);
  });
});

/** The constants of `firmware/weights/<name>.h` as numbers. */
function constants(dir: string, name: string): number[] {
  const text = readFileSync(join(dir, 'firmware/weights', `${name}.h`), 'utf8');
  const body = text.slice(text.indexOf('{') + 1, text.lastIndexOf('}'));
  return body.split(',').map((s) => Number(s.trim()));
}

/** The config index of each layer (`// conv1 (SparseConv2D)` above `struct config3`) and its members. */
function configs(dir: string): Map<string, { index: number; members: Map<string, number> }> {
  const text = readFileSync(join(dir, 'firmware/parameters.h'), 'utf8');
  const out = new Map<string, { index: number; members: Map<string, number> }>();
  for (const m of text.matchAll(/\/\/ (\w+) \(\w+\)\nstruct config(\d+) \{([^}]*)\}/g)) {
    const members = new Map([...m[3]!.matchAll(/static const unsigned (\w+) = (\d+);/g)].map((x) => [x[1]!, Number(x[2])]));
    out.set(m[1]!, { index: Number(m[2]), members });
  }
  return out;
}

describe('the emitted source has no term for a zero weight', () => {
  it('lists exactly the non-zero weights of a pruned paper model (R = 4), inputs ascending per output', async () => {
    const base = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 });
    const model = withBuild(pruneModel(base, { ratio: 0.7, seed: 9, zeroChannel: true }), 'rf4', { reuseFactor: 4 });
    const p = await vivadoBackend.emit(model, join(root, 'paper'));
    const cfg = configs(p.outDir);
    let checked = 0;
    for (const l of model.layers) {
      const kernel = l.weights?.['kernel'];
      if (!kernel) continue;
      const { index, members } = cfg.get(l.name)!;
      const nz = kernel.values.flatMap((v, k) => (v !== 0 ? [k] : []));
      expect(nz.length / kernel.values.length).toBeLessThan(0.4);
      if (l.op === 'Dense') {
        // R = 4: lanes with a fixed output; iteration r gives each lane one (input, weight) entry
        const [nIn, nOut] = kernel.shape as [number, number];
        const perOutput = [...Array(nOut).keys()].map((j) => nz.filter((k) => k % nOut === j));
        expect(members.get('n_nz')).toBe(nz.length);
        expect(members.get('block')).toBe(perOutput.reduce((a, t) => a + Math.ceil(t.length / 4), 0));
        const [weights, inputs, lanes] = ['', '_index', '_lane'].map((s) => constants(p.outDir, `w${index}${s}`));
        const seen = perOutput.map(() => [] as number[]);
        inputs!.forEach((x, e) => {
          if (x === nIn) return expect(weights![e]).toBe(0); // padding: no term
          const j = lanes![e % lanes!.length]!;
          expect(weights![e]).toBe(kernel.values[x * nOut + j]);
          seen[j]!.push(x * nOut + j);
        });
        expect(seen).toEqual(perOutput); // every non-zero weight once, inputs ascending per output
      } else {
        // SparseConv2D: columns (c, f) with a non-zero tap, and one flag per non-zero weight
        const [k, , c, f] = kernel.shape as [number, number, number, number];
        const cols = [...Array(c * f).keys()].filter((col) => [...Array(k * k).keys()].some((t) => kernel.values[t * c * f + col] !== 0));
        expect(cols.every((col) => col % f !== 0)).toBe(l === model.layers.find((x) => x.weights)); // channel 0 of the first layer is all zero
        expect(members.get('n_cols')).toBe(cols.length);
        expect(constants(p.outDir, `w${index}_cols`)).toEqual(cols.length ? cols : [0]); // [0]: one unused entry
        const taps = constants(p.outDir, `w${index}_taps`);
        expect(taps.filter((b) => b === 1)).toHaveLength(nz.length);
        cols.forEach((col, j) => {
          for (let t = 0; t < k * k; t++) expect(taps[j * k * k + t]).toBe(kernel.values[t * c * f + col] !== 0 ? 1 : 0);
        });
      }
      checked++;
    }
    expect(checked).toBe(model.layers.filter((l) => l.op === 'SparseConv2D' || l.op === 'Dense').length);
    expect(checked).toBeGreaterThanOrEqual(3);
    const r = await vivadoBackend.csim(p.outDir, { events: randomInputs(model, 30, 3) });
    expect(r.bitExact, describeResult(model.name, r)).toBe(true);
  }, 300_000);

  it('emits one unused entry and no term for a layer whose weights are all zero', async () => {
    const model = pruneModel(randomStandardModel(103), { ratio: 0.7, seed: 6, zeroLayerOp: 'Dense' });
    const p = await vivadoBackend.emit(model, join(root, 'zero-layer'));
    const dense = model.layers.filter((l) => l.op === 'Dense').at(-1)!;
    const { index, members } = configs(p.outDir).get(dense.name)!;
    expect(members.get('n_nz')).toBe(0);
    expect(constants(p.outDir, `w${index}`)).toEqual([0]);
    expect(readFileSync(join(p.outDir, 'firmware/weights', `w${index}.h`), 'utf8')).toContain('its 0 non-zero of');
    const convs = model.layers.filter((l) => l.op === 'Conv2D');
    expect(convs.length).toBeGreaterThan(0);
    for (const conv of convs) {
      const values = conv.weights!['kernel']!.values;
      const nz = values.flatMap((v, k) => (v !== 0 ? [k] : []));
      const c = configs(p.outDir).get(conv.name)!;
      expect(c.members.get('n_nz')).toBe(nz.length);
      expect(constants(p.outDir, `w${c.index}_index`)).toEqual(nz.length ? nz : [0]);
      expect(constants(p.outDir, `w${c.index}`)).toEqual(nz.length ? nz.map((k) => values[k]) : [0]);
    }
  });
});
