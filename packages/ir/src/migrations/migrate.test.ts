import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics';
import { prepareModel, validateModel } from '../prepare-model';
import { tinySparseModel } from '../testing/tiny-models';
import { migrateDocument } from './migrate';
import { MIGRATIONS } from './migrations';

/** A plausible version-0 file: the tiny model as the pre-release snake_case exporter wrote it. */
function v0Fixture(): Record<string, unknown> {
  return {
    format: 'sparsepixels-ir',
    version: 0,
    name: 'tiny_sparse',
    input: { name: 'x_in', shape: [4, 4, 1], precision: 'ufixed<4,2>' },
    layers: [
      { name: 'reduce', class_name: 'InputReduce', inbound: ['x_in'], config: { n_max_pixels: 3, threshold: 0 } },
      {
        name: 'conv',
        class_name: 'SparseConv2D',
        inbound: ['reduce'],
        config: { filters: 1, kernel_size: 3 },
        precision: { weight: 'fixed<4,2>', bias: 'fixed<4,2>', accum: 'auto', result: 'auto' },
        weights: { kernel: { shape: [3, 3, 1, 1], data: [0, 0, 0, 0, 1, 0.5, 0, -0.25, 0] }, bias: { shape: [1], data: [0.25] } },
      },
      { name: 'relu', class_name: 'SparseActivation', inbound: ['conv'], config: { activation: 'relu' }, precision: { result: 'ufixed<6,3,RND_CONV,SAT>' } },
      { name: 'pool', class_name: 'SparsePooling2D', inbound: ['relu'], config: { pool_size: 2, pool_mode: 'average' } },
      { name: 'flat', class_name: 'SparseFlatten', inbound: ['pool'] },
      {
        name: 'fc',
        class_name: 'Dense',
        inbound: ['flat'],
        config: { units: 2 },
        precision: { weight: 'fixed<4,2>', bias: 'fixed<4,2>' },
        weights: { kernel: { shape: [4, 2], data: [1, 0, 0, 1, 0.5, -1, 0, 0.25] }, bias: { shape: [2], data: [0, -0.5] } },
      },
      { name: 'out', class_name: 'Activation', inbound: ['fc'], config: { activation: 'linear' } },
    ],
    outputs: ['out'],
    hls: { project_name: 'myproject', clock_period: 5, io_type: 'io_parallel', reuse_factor: 1, strategy: 'Latency' },
  };
}

describe('migrations', () => {
  it('has one step per version, ending at the current one', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([0, 1]);
  });

  it('upgrades the version-0 fixture to the same prepared model as the v1 document', () => {
    const r = migrateDocument(v0Fixture());
    expect(r.diagnostics).toEqual([]);
    expect(r.path).toEqual([0, 1, 2]);
    const upgraded = prepareModel(v0Fixture()).model;
    const { activity: _activity, ...tiny } = tinySparseModel();
    const v1 = { ...tiny, version: 1, build: { project: 'myproject', clockPeriod: 5, ioType: 'io_parallel', reuseFactor: 1, strategy: 'latency' } };
    const direct = prepareModel(v1).model;
    expect(upgraded).toEqual(direct);
  });

  it('leaves what it does not recognise for the v1 schema to report', () => {
    const doc = v0Fixture();
    (doc['layers'] as Record<string, unknown>[])[1]!['config'] = { filters: 1, kernel_sise: 3 };
    doc['hls'] = 'fast';
    expect(validateModel(doc).diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "SP2002 error /layers/1/attrs: missing required property 'kernelSize' in attrs of layer "conv" (SparseConv2D)",
        "SP2003 error /layers/1/attrs/kernelSise: unknown property 'kernelSise' in attrs of layer "conv" (SparseConv2D); did you mean 'kernelSize'?",
        "SP2004 error /build: must be an object, got string",
      ]
    `);
  });

  it('never throws on malformed older documents', () => {
    for (const layers of [undefined, 'x', [null, 1, 'a', { class_name: 3, config: [] }]]) {
      expect(() => validateModel({ format: 'sparsepixels-ir', version: 0, layers, input: 7 })).not.toThrow();
    }
  });

  it('rejects future, unknown and non-integer versions with one clear message', () => {
    const msg = (v: unknown) => migrateDocument({ format: 'sparsepixels-ir', version: v }).diagnostics.map(formatDiagnostic);
    expect(msg(7)).toMatchInlineSnapshot(`
      [
        "SP1005 error /version: version 7 is newer than this @sparsepixels/ir supports (up to 2); upgrade the package",
      ]
    `);
    expect(msg(-2)).toMatchInlineSnapshot(`
      [
        "SP1006 error /version: unknown version -2; known versions are 0..2",
      ]
    `);
    expect(msg(1.5)).toMatchInlineSnapshot(`
      [
        "SP1004 error /version: "version" must be an integer (0..2), got 1.5",
      ]
    `);
    expect(msg(undefined)).toMatchInlineSnapshot(`
      [
        "SP1004 error /version: "version" must be an integer (0..2), got undefined",
      ]
    `);
  });
});
