import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ModelIR } from '../model';
import { BUILTIN_OPS } from '../ops/builtin';
import { buildPaperModel } from '../testing/paper-models';
import { composeModelSchema, MODEL_SCHEMA_V2 } from './compose-schema';
import { validateSchema } from './validate-schema';
import pkg from '../../package.json';

describe('model.v2.schema.json', () => {
  it("lists exactly the registry's builtin ops, in order", () => {
    const shipped = (MODEL_SCHEMA_V2 as { $defs: { layer: { properties: { op: { enum: string[] } } } } }).$defs.layer.properties.op.enum;
    expect(shipped).toEqual(BUILTIN_OPS.map((o) => o.type));
  });

  it('is a draft 2020-12 schema with an $id, shipped in the package files', () => {
    expect(MODEL_SCHEMA_V2['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(MODEL_SCHEMA_V2['$id']).toMatch(/model\.v2\.schema\.json$/);
    expect(pkg.files).toContain('src/schema/model.v2.schema.json');
  });

  it('composes with every op fragment and compiles under Ajv strict mode', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    expect(() => ajv.compile(composeModelSchema(BUILTIN_OPS))).not.toThrow();
  });

  it('accepts a typed ModelIR sample with every optional field, and the paper models', () => {
    const sample: ModelIR = {
      format: 'sparsepixels-ir',
      version: 2,
      name: 'sample',
      description: 'every optional field',
      input: { name: 'x_in', shape: [8, 8, 2], type: 'fixed<8,3,RND_CONV,SAT,0>' },
      layers: [
        { name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 4, threshold: 0.25 }, precision: { result: 'auto' } },
        {
          name: 'conv',
          op: 'SparseConv2D',
          inputs: ['reduce'],
          attrs: { filters: 1, kernelSize: 3 },
          precision: { weight: 'ap_fixed<4,2>', bias: 'auto', accum: 'auto', result: 'ap_fixed<8,3>' },
          weights: { kernel: { shape: [3, 3, 2, 1], values: new Array<number>(18).fill(0.5) }, bias: { shape: [1], values: [0] } },
          output: { shape: [8, 8, 1], slots: 4 },
        },
        { name: 'act', op: 'SparseActivation', inputs: ['conv'], attrs: { activation: 'sigmoid', tableSize: 256 }, precision: { table: 'auto' } },
        { name: 'pool', op: 'SparsePooling2D', inputs: ['act'], attrs: { poolSize: 2, mode: 'max' } },
        { name: 'flat', op: 'SparseFlatten', inputs: ['pool'] },
        { name: 'fc', op: 'Dense', inputs: ['flat'], attrs: { units: 3 }, weights: { kernel: { shape: [16, 3], values: new Array<number>(48).fill(0.25) } } },
        { name: 'out', op: 'Activation', inputs: ['fc'], attrs: { activation: 'softmax' }, precision: { table: 'auto', accum: 'auto' } },
      ],
      outputs: ['out'],
      build: { project: 'p', part: 'xcvu9p', clockPeriod: 4, clockUncertainty: '12.5%', ioType: 'io_parallel', reuseFactor: 1, strategy: 'latency', pipelineStyle: 'auto' },
    };
    expect(validateSchema(sample)).toEqual([]);
    for (const variant of ['sparse', 'standard'] as const) {
      expect(validateSchema(buildPaperModel({ dataset: 'jet', variant }))).toEqual([]);
    }
  });
});
