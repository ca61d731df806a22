import type { ModelIR } from '@sparsepixels/ir';
import { buildPaperModel } from '@sparsepixels/ir/testing';
import { describe, expect, it } from 'vitest';
import { estimateDocument } from './index';

// The estimate prices what the HLS kernels do with zero weights (hls-include/nnet_utils): one
// product per non-zero weight (Dense, Conv2D), one per weight column with a non-zero tap and slot
// pair (SparseConv2D), adder trees of the non-zero terms only.

/** Every kernel with weights k where keep(layer, k) is false set to zero. */
function pruned(m: ModelIR, keep: (layer: string, k: number, f: number) => boolean): ModelIR {
  return {
    ...m,
    layers: m.layers.map((l) => {
      const kernel = l.weights?.['kernel'];
      if (!kernel) return l;
      const f = kernel.shape[kernel.shape.length - 1]!;
      const values = kernel.values.map((v, k) => (keep(l.name, k, k % f) ? v : 0));
      return { ...l, weights: { ...l.weights, kernel: { ...kernel, values } } };
    }),
  };
}
const layer = (e: ReturnType<typeof estimateDocument>, name: string) => e.layers.find((l) => l.name === name)!;
const nonZero = (m: ModelIR, name: string) => m.layers.find((l) => l.name === name)!.weights!['kernel']!.values.filter((v) => v !== 0);
const trivial = (w: number) => Number.isInteger(Math.log2(Math.abs(w)));

describe('pruned weights', () => {
  const dense16 = buildPaperModel({ dataset: 'jet', variant: 'sparse', nMax: 16, bits: 16 });
  const sparse70 = pruned(dense16, (_l, k) => k % 10 >= 7); // 70 % zeros

  it('prices one DSP per non-zero, non-trivial 16-bit weight of a Dense layer, and fewer LUTs', () => {
    const [full, cut] = [dense16, sparse70].map((m) => estimateDocument(m));
    const fc1 = layer(cut!, 'fc1');
    expect(fc1.dsp).toBe(nonZero(sparse70, 'fc1').filter((w) => !trivial(w)).length);
    expect(fc1.dsp).toBeLessThan(layer(full!, 'fc1').dsp * 0.4);
    expect(fc1.lut).toBeLessThan(layer(full!, 'fc1').lut * 0.5);
    expect(fc1.notes.join(' ')).toMatch(new RegExp(`^${nonZero(sparse70, 'fc1').length} non-zero weights of`));
  });

  it('prices SparseConv2D by the weight columns with a non-zero tap', () => {
    // conv2: every tap of filter 0's columns zero, the rest kept: the products of filter 0 vanish
    const m = pruned(dense16, (l, _k, f) => l !== 'conv2' || f !== 0);
    const conv2 = dense16.layers.find((l) => l.name === 'conv2')!;
    const [, , c, f] = conv2.weights!['kernel']!.shape as [number, number, number, number];
    const [full, cut] = [dense16, m].map((x) => layer(estimateDocument(x), 'conv2'));
    expect(cut!.dsp).toBe((full!.dsp * (f - 1)) / f); // 16 bits: one DSP per product
    expect(cut!.notes.join(' ')).toContain(`${(f - 1) * c} of ${c * f} weight columns`);
    // taps zeroed inside a column keep its multiplier (the weight is chosen per slot pair at run time)
    const someTaps = pruned(dense16, (l, k) => l !== 'conv2' || k >= c * f);
    expect(layer(estimateDocument(someTaps), 'conv2').dsp).toBe(full!.dsp);
  });

  it('prices a layer of zeros as no product, no tree', () => {
    const m = pruned(dense16, (l) => l !== 'fc1');
    const fc1 = layer(estimateDocument(m), 'fc1');
    expect(fc1.dsp).toBe(0);
    expect(fc1.latencyCycles).toBe(0);
  });

  it('shares only the non-zero products with a reuse factor', () => {
    const m = { ...sparse70, build: { ...sparse70.build, reuseFactor: 4 } };
    const nz = nonZero(sparse70, 'fc1').filter((w) => !trivial(w)).length;
    expect(layer(estimateDocument(m), 'fc1').dsp).toBe(Math.ceil(nz / 4));
  });

  it('prices the standard Conv2D by its non-zero weights; the reference kernels stay unchanged', () => {
    const std = buildPaperModel({ dataset: 'jet', variant: 'standard', bits: 16 });
    const cut = pruned(std, (_l, k) => k % 10 >= 7);
    const conv = std.layers.find((l) => l.op === 'Conv2D')!.name;
    expect(layer(estimateDocument(cut), conv).dsp).toBe(nonZero(cut, conv).filter((w) => !trivial(w)).length);
    expect(layer(estimateDocument(cut, { kernels: 'reference' }), conv).dsp).toBe(
      layer(estimateDocument(std, { kernels: 'reference' }), conv).dsp,
    );
  });
});
