import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLayerOf, type LayerIR, type ModelIR } from '@sparsepixels/ir';
import { tinySparseModel } from '@sparsepixels/ir/testing';
import { emitRtlProject } from '../src';

// The RTL cores implement activity 'nonzero' and the 10-bit pooling reciprocal (docs/semantics.md
// section 5): what they cannot compute is refused in one line, never emitted wrong.
const root = mkdtempSync(join(tmpdir(), 'sp-rtl-v2-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const withLayers = (m: ModelIR, f: (l: LayerIR) => LayerIR): ModelIR => ({ ...m, layers: m.layers.map(f) });

describe('rtl: sparse semantics v2', () => {
  it("refuses activity 'mask', another pooling reciprocal and logits heads", async () => {
    await expect(emitRtlProject({ ...tinySparseModel(), activity: 'mask' }, join(root, 'a'))).rejects.toThrow(/activity "mask" is not supported by the rtl backend/);
    const p3 = withLayers(tinySparseModel(), (l) => (isLayerOf(l, 'SparsePooling2D') ? { ...l, attrs: { ...l.attrs, reciprocalBits: 12 } } : l));
    // P = 2: r = 0.5 at any F, so F = 12 is the same constant and accepted; a change of r is refused
    await expect(emitRtlProject(p3, join(root, 'b'))).resolves.toBeDefined();
    const odd = withLayers(tinySparseModel(), (l) => (isLayerOf(l, 'SparsePooling2D') ? { ...l, attrs: { ...l.attrs, reciprocalBits: 0 } } : l));
    await expect(emitRtlProject(odd, join(root, 'c'))).rejects.toThrow(/reciprocalBits 0 gives another r/);
    const logits = withLayers(tinySparseModel(), (l) => (l.name === 'out' ? { name: 'out', op: 'Activation', inputs: l.inputs, attrs: { activation: 'sigmoid', output: 'logits' } } : l));
    await expect(emitRtlProject(logits, join(root, 'd'))).rejects.toThrow(/output "logits" is not supported/);
  }, 120_000);
});
