import { buildPaperModel } from '@sparsepixels/ir/testing';
import { prepareModel, type ModelIR } from '@sparsepixels/ir';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withHlsConfig } from './hls-config';

const dir = mkdtempSync(join(tmpdir(), 'sp-hlscfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const doc = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 });

function withConfig(yaml: string) {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, yaml);
  return () => withHlsConfig(doc, file).doc;
}

describe('convert --hls-config', () => {
  it('applies Model and LayerName settings (precision, per-layer reuse factor, strategy) to the IR', () => {
    const m = withConfig(
      ['Model:', '  ReuseFactor: 2', '  Strategy: Latency', 'LayerName:', '  conv2:', '    ReuseFactor: 4', '    Precision:', '      accum: ap_fixed<24,12>', '  fc1:', '    ReuseFactor: 8', ''].join('\n'),
    )();
    expect(m.build).toMatchObject({ reuseFactor: 2, strategy: 'latency' });
    const conv2 = m.layers.find((l) => l.name === 'conv2')!;
    expect(conv2.build).toEqual({ reuseFactor: 4 });
    expect(m.layers.find((l) => l.name === 'fc1')!.build).toEqual({ reuseFactor: 8 });
    expect(conv2.precision).toMatchObject({ accum: 'ap_fixed<24,12>', weight: 'ap_fixed<8,3>' });
    expect(prepareModel(m).model.layers.find((l) => l.name === 'conv2')!.precision?.accum).toBe('ap_fixed<24,12>');
  });

  it('sets the activity rule and a pooling reciprocal; an older document is migrated first', () => {
    const m = withConfig('Model: {Activity: mask}\nLayerName: {pool1: {ReciprocalBits: 12}}\n')();
    expect(m.activity).toBe('mask');
    expect(m.layers.find((l) => l.name === 'pool1')!.attrs).toMatchObject({ reciprocalBits: 12 });
    // a version 1 document: no activity, implicit 1024-entry table
    const { activity: _a, ...rest } = doc;
    const layers = doc.layers.map((l) => (l.name === 'out' ? { ...l, attrs: { activation: 'sigmoid' } } : l));
    const v1 = { ...rest, layers, version: 1 } as unknown as ModelIR;
    const file = join(dir, 'act.yml');
    writeFileSync(file, 'Model: {Activity: mask}\n');
    const up = withHlsConfig(v1, file).doc;
    expect(up.version).toBe(2);
    expect(up.activity).toBe('mask');
    // the migration wrote out the v1 table size, which the config leaves as it is
    expect(up.layers.find((l) => l.name === 'out')!.attrs).toMatchObject({ tableSize: 1024 });
  });

  it('refuses what it cannot honour, one line naming the key', () => {
    expect(withConfig('LayerName:\n  conv9:\n    ReuseFactor: 2\n')).toThrow(/no layer "conv9" in the model; did you mean/);
    expect(withConfig('Model:\n  Strategy: Fast\n')).toThrow(/'Fast' is not supported \(Latency, Resource\)/);
    expect(withConfig('Model:\n  ReuseFactor: 0\n')).toThrow(/ReuseFactor/);
  });
});
