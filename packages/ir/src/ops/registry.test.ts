import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics';
import { validateModel } from '../prepare-model';
import { modelSchema } from '../schema/model-schema';
import { tinySparseModel } from '../testing/tiny-models';
import { BUILTIN_OPS } from './builtin';
import { attr } from './attr-descriptors';
import { defineOp } from './define-op';
import type { OpDef } from './op-def';
import { passThroughPrecision } from './op-helpers';
import { registerOp } from './register-op';
import { findOp, getOp, listOps } from './registry';

/** An outside op: scales a dense vector by an integer attribute (static parts only). */
const SCALE = defineOp({
  type: 'Scale',
  since: 1,
  description: 'test op',
  sparse: false,
  inputKind: 'dense',
  outputKind: 'dense',
  attrs: { factor: attr.int({ min: 1, max: 8, description: 'factor' }) },
  precisions: ['result'],
  weights: [],
  inferShape: (ctx) => ctx.inputs[0],
  inferPrecision: passThroughPrecision,
  compile: () => ({ run: ([x]) => x! }),
  compileFloat: () => ({ run: ([x]) => x! }),
  paramCount: () => 0,
  opCount: () => 0,
});

function scaleOp(overrides: Partial<OpDef> = {}): OpDef {
  return { ...SCALE, ...overrides };
}

describe('op registry', () => {
  it('holds the ten v1 ops, each since version 1, and the v2 global pooling, with unique names', () => {
    expect(BUILTIN_OPS.map((o) => o.type)).toEqual([
      'InputReduce',
      'SparseConv2D',
      'SparseActivation',
      'SparsePooling2D',
      'SparseFlatten',
      'SparseGlobalPooling2D',
      'Dense',
      'Activation',
      'Conv2D',
      'AveragePooling2D',
      'Flatten',
    ]);
    expect(BUILTIN_OPS.filter((o) => o.since !== 1).map((o) => [o.type, o.since])).toEqual([['SparseGlobalPooling2D', 2]]);
    expect(Object.isFrozen(BUILTIN_OPS)).toBe(true);
  });

  it('getOp suggests the nearest op for unknown names', () => {
    expect(getOp('Dense').type).toBe('Dense');
    expect(() => getOp('SparsePool2D')).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: unknown op 'SparsePool2D'; did you mean 'SparseConv2D' or 'SparsePooling2D'?]`);
  });

  it('registerOp adds an op to the schema and the passes, and can be removed', () => {
    const remove = registerOp(scaleOp());
    try {
      expect(findOp('Scale')?.type).toBe('Scale');
      const schemaOps = (modelSchema() as { $defs: { layer: { properties: { op: { enum: string[] } } } } }).$defs.layer.properties.op.enum;
      expect(schemaOps).toContain('Scale');
      const m = tinySparseModel();
      const doc = { ...m, layers: [...m.layers, { name: 'scaled', op: 'Scale', inputs: ['out'], attrs: { factr: 2 } }], outputs: ['scaled'] };
      expect(validateModel(doc).diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
        [
          "SP2002 error /layers/7/attrs: missing required property 'factor' in attrs of layer "scaled" (Scale)",
          "SP2003 error /layers/7/attrs/factr: unknown property 'factr' in attrs of layer "scaled" (Scale); did you mean 'factor'?",
        ]
      `);
      const ok = { ...doc, layers: [...m.layers, { name: 'scaled', op: 'Scale', inputs: ['out'], attrs: { factor: 2 } }] };
      expect(validateModel(ok).valid).toBe(true);
    } finally {
      remove();
    }
    expect(findOp('Scale')).toBeUndefined();
    expect(listOps()).toBe(BUILTIN_OPS);
  });

  it('registerOp rejects duplicates, bad names, future versions, raw attribute schemas and schemas Ajv refuses', () => {
    expect(() => registerOp(scaleOp({ type: 'Dense' }))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: an op named 'Dense' is already registered]`);
    expect(() => registerOp(scaleOp({ type: 'scale_op' }))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: invalid op definition: type "scale_op" must be PascalCase letters and digits]`);
    expect(() => registerOp(scaleOp({ since: 3 }))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: invalid op definition: Scale.since 3 must be an integer in 1..2]`);
    const raw = { a: { type: 'integer', minimum: 1 } } as unknown as OpDef['attrs'];
    expect(() => registerOp(scaleOp({ attrs: raw }))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: invalid op definition: Scale.attrs.a is not an attribute descriptor (declare it with attr.int, attr.enum, ... and defineOp)]`);
    expect(() => registerOp(scaleOp({ attrsSchema: { type: 'object', properties: { a: { type: 'integer', minimum: 'one' } } } }))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: invalid op definition: Scale: the schema does not compile: schema is invalid: data/$defs/layer/allOf/11/then/properties/attrs/properties/a/minimum must be number]`);
    expect(findOp('Scale')).toBeUndefined();
  });
});
