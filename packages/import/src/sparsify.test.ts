import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterpreter, isLayerOf, type LayerIR, type ModelIR } from '@sparsepixels/ir';
import { buildPaperModel, paperInput, randomSparseEvents, tinySparseModel, tinyStandardModel } from '@sparsepixels/ir/testing';
import { describe, expect, it } from 'vitest';
import { exportKeras } from './export/export-keras';
import { parseHlsConfig } from './hls-config/read-hls-config';
import { hlsConfigYaml } from './export/hls-config-text';
import { importModel } from './import-model';
import { bufferSource, encodeZip, listZipEntries, readZipEntry } from './index';
import { sparsifyLayers } from './sparsify';

const dir = mkdtempSync(join(tmpdir(), 'sp-sparsify-'));

/** Both models' raw output bits on the same random events (values on the input grid, some below the threshold). */
function expectSameBits(a: ModelIR, b: ModelIR, seed: number, count = 200): void {
  const [h, w] = a.input.shape as [number, number];
  const x = randomSparseEvents({ h, w, count, active: [1, 40], seed, type: a.input.type });
  for (let i = 0; i < x.length; i += 7) if (x[i]! > 0 && seed % 2) x[i] = x[i]! / 8; // faint pixels near the threshold too
  const ra = createInterpreter(a).run(x, count);
  const rb = createInterpreter(b).run(x, count);
  expect(Array.from(rb.raw[0]! as ArrayLike<number | bigint>, String)).toEqual(Array.from(ra.raw[0]! as ArrayLike<number | bigint>, String));
  expect(Array.from(rb.overflowCount)).toEqual(Array.from(ra.overflowCount));
}

/** The InputReduce layer named as the direct builder names it. */
function renameReduce(layers: readonly LayerIR[], from: string, to: string): LayerIR[] {
  return layers.map((l) => ({ ...l, name: l.name === from ? to : l.name, inputs: l.inputs.map((n) => (n === from ? to : n)) }));
}

describe('a sparsified standard model equals the sparse model built directly', () => {
  it('the paper models (every dataset, 8 and 16 bits, t/m/l): same layers and the same bits on random events', () => {
    for (const dataset of ['neutrino', 'jet', 'mnist'] as const)
      for (const bits of [8, 16] as const)
        for (const nMax of [8, 16, 20]) {
          const standard = buildPaperModel({ dataset, variant: 'standard', bits, seed: nMax });
          const direct = buildPaperModel({ dataset, variant: 'sparse', bits, nMax, seed: nMax });
          const layers = sparsifyLayers(standard.layers, 'x_in', { nMax, threshold: paperInput(dataset).threshold });
          const sparsified: ModelIR = { ...standard, name: direct.name, layers: renameReduce(layers, 'input_reduce', 'reduce') };
          expect(sparsified).toEqual(direct);
          expectSameBits(sparsified, direct, nMax + bits);
        }
  });

  it('the tiny hand-computable pair', () => {
    const layers = renameReduce(sparsifyLayers(tinyStandardModel().layers, 'x_in', { nMax: 3, threshold: 0 }), 'input_reduce', 'reduce');
    const sparsified = { ...tinyStandardModel(), name: 'tiny_sparse', layers };
    expect(sparsified).toEqual(tinySparseModel());
    expectSameBits(sparsified, tinySparseModel(), 3);
  });

  it('through the importer (--n-max/--threshold on a standard .keras): the same bits as the direct sparse model', async () => {
    // the config carries activity and explicit reciprocals: each activity gives the twin of the same rule
    // ('mask': inferred reciprocals; 'nonzero': the v1 10-bit ones)
    for (const dataset of ['neutrino', 'mnist'] as const)
      for (const activity of ['mask', 'nonzero'] as const) {
        const standard = buildPaperModel({ dataset, variant: 'standard', bits: 8, seed: 5, activity });
        const direct = buildPaperModel({ dataset, variant: 'sparse', bits: 8, nMax: 12, seed: 5, activity });
        const file = join(dir, `${dataset}-${activity}.keras`);
        writeFileSync(file, (await exportKeras(standard)).keras);
        const hls = parseHlsConfig(hlsConfigYaml(standard, file), 'std.yml');
        const r = await importModel(file, { hlsConfig: hls, nMax: 12, threshold: paperInput(dataset).threshold });
        expect(r.model.layers.map((l) => l.op)).toEqual(direct.layers.map((l) => l.op));
        expect(r.model.activity).toBe(activity);
        expectSameBits(r.model, direct, 11);
      }
  });

  it('max pooling: a Keras MaxPooling2D becomes sparse max pooling', async () => {
    const standard = buildPaperModel({ dataset: 'jet', variant: 'standard', bits: 16, seed: 2, activity: 'mask' });
    const direct = buildPaperModel({ dataset: 'jet', variant: 'sparse', bits: 16, nMax: 16, seed: 2, activity: 'mask' });
    const maxDirect: ModelIR = { ...direct, layers: direct.layers.map((l) => (isLayerOf(l, 'SparsePooling2D') ? { ...l, attrs: { ...l.attrs, mode: 'max' as const } } : l)) };
    // the exported standard .keras with its AveragePooling2D turned into a MaxPooling2D
    const e = await exportKeras(standard);
    const src = bufferSource(e.keras);
    const members = listZipEntries(src, 'std.keras').map((m) => ({ name: m.name, bytes: readZipEntry(src, m, 'std.keras') }));
    const config = JSON.parse(Buffer.from(members[1]!.bytes).toString('utf8'));
    for (const l of config.config.layers) if (l.class_name === 'AveragePooling2D') l.class_name = 'MaxPooling2D';
    members[1]!.bytes = new TextEncoder().encode(JSON.stringify(config));
    const file = join(dir, 'jet-max.keras');
    writeFileSync(file, encodeZip(members.map((m) => ({ name: m.name, parts: [m.bytes] }))));
    const hls = parseHlsConfig(hlsConfigYaml(standard, file), 'std.yml');
    await expect(importModel(file, { hlsConfig: hls })).rejects.toThrow(/layer "pool1" \(MaxPooling2D\): standard max pooling has no IR op; sparsify the model/);
    const r = await importModel(file, { hlsConfig: hls, nMax: 16 });
    expect(r.model.layers.find((l) => l.op === 'SparsePooling2D')!.attrs).toEqual({ poolSize: 4, mode: 'max' });
    expectSameBits(r.model, maxDirect, 4);
  });

  it('refuses what has no sparse twin, naming the layer', () => {
    const std = buildPaperModel({ dataset: 'jet', variant: 'standard' });
    expect(() => sparsifyLayers(buildPaperModel({ dataset: 'jet', variant: 'sparse' }).layers, 'x_in', { nMax: 8, threshold: 0 })).toThrow(/^--n-max: the model is sparse already$/);
    expect(() => sparsifyLayers(std.layers, 'x_in', { nMax: 0, threshold: 0 })).toThrow(/0 is not a positive integer/);
    const noFlatten = std.layers.filter((l) => l.op !== 'Flatten' && l.op !== 'Dense' && l.name !== 'relu_fc1' && l.name !== 'out');
    expect(() => sparsifyLayers(noFlatten, 'x_in', { nMax: 8, threshold: 0 })).toThrow(/has no Flatten/);
  });
});
