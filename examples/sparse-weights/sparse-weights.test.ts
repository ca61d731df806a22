import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSparseWeights } from './sparse-weights';

const out = mkdtempSync(join(tmpdir(), 'sp-example-sparse-weights-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('examples/sparse-weights (CI mode)', () => {
  it('prunes exactly, exports and reads back the store, and the zero-skip simulation and RTL blocks are bit-exact', async () => {
    const r = await runSparseWeights({ mode: 'ci', outDir: out });
    for (const x of r.ratios) {
      if (x.ratio === 0) continue;
      expect(x.prune!.masked).toBe(Math.round(x.ratio * x.prune!.count)); // the target, to rounding of the count
      expect(x.nonZero).toBeLessThanOrEqual(x.weights - x.prune!.masked); // pruned weights are zeros in the IR
      expect(x.zeroSkip.bitExact).toBe(true);
    }
    // learned, and 70 % pruning keeps it learned (2 classes: chance is 0.5)
    expect(r.ratios[0]!.accuracy).toBeGreaterThan(0.7);
    expect(r.ratios.find((x) => x.ratio === 0.7)!.accuracy).toBeGreaterThan(0.7);
    // fewer weights, fewer MACs performed; the dense count does not change
    const macs = r.ratios.map((x) => x.zeroSkip.total.macs);
    expect(macs.at(-1)!.inputAndWeightSparse).toBeLessThan(macs[0]!.inputAndWeightSparse / 3);
    expect(new Set(macs.map((m) => m.dense)).size).toBe(1);
    expect(r.storeReadBack).toBe(true);
    expect(r.storeZeroSkip.bitExact).toBe(true);
    expect(r.rtl.map((l) => l.layer)).toEqual(['conv1', 'fc1', 'logits']);
    for (const l of r.rtl) {
      expect(l.vectors, l.layer).toBeGreaterThan(0);
      expect(l.bitExact, l.layer).toBe(true);
      expect(l.macsMatch, l.layer).toBe(true);
    }
    for (const file of r.plots) {
      const svg = readFileSync(file, 'utf8');
      expect(svg.startsWith('<svg'), file).toBe(true);
      expect(svg).toContain('mark-');
    }
  });
});
