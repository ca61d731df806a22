import { buildPaperModel, randomModel } from '@sparsepixels/ir/testing';
import { describe, expect, it } from 'vitest';
import { macLayers } from '../ir-adapter';
import { pruneIR } from '../testing/prune-ir.test-util';
import {
  compressModel,
  manifestOf,
  modelFromStore,
  readStore,
  storeFiles,
  MANIFEST_FILE,
} from './model-store';

function asReader(files: ReturnType<typeof storeFiles>) {
  const map = new Map(
    files.map((f) => [f.path, typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data]),
  );
  return { map, read: (p: string) => map.get(p) };
}

describe('model weight store', () => {
  it('writes a folder per MAC layer and reads it back bit-identically from .bin and from .hex', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const m = pruneIR(randomModel({ seed }), 0.7, seed);
      const store = compressModel(m);
      const { read } = asReader(storeFiles(store));
      for (const hex of [false, true]) {
        const back = readStore(read, { hex });
        for (const l of macLayers(m)) {
          expect(back.get(l.name)!.raws, `${m.name} ${l.name}`).toEqual(l.kernel);
          if (l.bias) expect(back.get(l.name)!.bias!.raws).toEqual(l.bias);
        }
        expect(modelFromStore(m, back).layers.map((l) => l.weights)).toEqual(m.layers.map((l) => l.weights));
      }
    }
  });

  it('lists the layers with their base offsets in the manifest; files per layer', () => {
    const m = pruneIR(buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 }), 0.7, 1);
    const store = compressModel(m);
    const man = manifestOf(store);
    expect(man.layers.map((l) => l.layer)).toEqual(macLayers(m).map((l) => l.name));
    let base = 0;
    for (const l of man.layers) {
      expect(l.base_offset).toBe(base);
      base += l.nnz;
    }
    expect(man.total_entries).toBe(base);
    const paths = storeFiles(store).map((f) => f.path);
    expect(paths[0]).toBe(MANIFEST_FILE);
    expect(paths.filter((p) => p.startsWith(`${man.layers[0]!.dir}/`)).sort()).toEqual(
      [
        'bias_values.bin',
        'bias_values.hex',
        'weights_entries.hex',
        'weights_indices.bin',
        'weights_indices.hex',
        'weights_metadata.json',
        'weights_segments.hex',
        'weights_values.bin',
        'weights_values.hex',
      ].map((f) => `${man.layers[0]!.dir}/${f}`),
    );
  });

  it('refuses missing or inconsistent files naming the layer folder', () => {
    const m = pruneIR(randomModel({ seed: 4 }), 0.5, 4);
    const { map, read } = asReader(storeFiles(compressModel(m)));
    const first = macLayers(m)[0]!.name;
    map.delete(`${first}/weights_values.bin`);
    expect(() => readStore(read)).toThrow(`${first}/weights_values.bin: is missing`);
    map.set(`${first}/weights_values.bin`, new Uint8Array(1));
    expect(() => readStore(read)).toThrow(`${first}/weights_values.bin:`);
    map.set(MANIFEST_FILE, new TextEncoder().encode('{"format":"x"}'));
    expect(() => readStore(read)).toThrow(
      'weights_manifest.json: is not a version 1 "sparsepixels-weight-store-manifest" document',
    );
    expect(() => compressModel(m, ['nope'])).toThrow(
      'layer "nope" is not a Dense, Conv2D or SparseConv2D layer of the model',
    );
  });
});
