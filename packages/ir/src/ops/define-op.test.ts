import { describe, expect, it } from 'vitest';
import type { LayerIR, ModelIR, OutsideOpType } from '../model';
import {
  BUILTIN_OPS,
  builtinOp,
  isLayerOf,
  type AttrsOfType,
  type BuiltinOpType,
  type LayerOfType,
} from './builtin';
import { listOps } from './registry';

// Compile-time checks: these lines must keep failing typecheck (`npm run typecheck`), which is
// what the typed LayerIR union is for. The runtime expectations below only keep them in a test.
const units: LayerIR = { name: 'fc', op: 'Dense', inputs: ['x'], attrs: { units: 3 } };
// @ts-expect-error an unknown attribute of a built-in op
const misspelt: LayerIR = { name: 'fc', op: 'Dense', inputs: ['x'], attrs: { unit: 3 } };
// @ts-expect-error a value of the wrong type
const wrongType: LayerIR = {
  name: 'p',
  op: 'SparsePooling2D',
  inputs: ['x'],
  attrs: { poolSize: 2, mode: 'mean' },
};
// @ts-expect-error a required attribute left out
const missing: LayerIR = { name: 'r', op: 'InputReduce', inputs: ['x'], attrs: { nMax: 4 } };
// @ts-expect-error an unknown op name is not a built-in layer
const unknownOp: LayerIR = { name: 'q', op: 'SparseConv2d', inputs: ['x'] };
// an op added with registerOp: written as an outside layer
const outside: LayerIR = { name: 'q', op: 'MyOp' as OutsideOpType, inputs: ['x'], attrs: { anything: 1 } };
// optional attributes may be left out; resolved attributes have the default
const sigmoid: LayerOfType<'Activation'> = {
  name: 'a',
  op: 'Activation',
  inputs: ['x'],
  attrs: { activation: 'sigmoid' },
};
const resolved: AttrsOfType<'Activation'>['tableSize'] = 1024;
const opName: BuiltinOpType = 'SparseConv2D';
// @ts-expect-error BuiltinOpType is the registry's list
const notAnOp: BuiltinOpType = 'Conv3D';

describe('defineOp and the typed layer union', () => {
  it('BuiltinOpType and builtinOp follow the registry', () => {
    const names: readonly BuiltinOpType[] = BUILTIN_OPS.map((o) => o.type);
    expect(names).toEqual(listOps().map((o) => o.type));
    expect(builtinOp('SparseConv2D').attrs).toBe(BUILTIN_OPS[1].attrs);
    expect(opName).toBe('SparseConv2D');
    expect(resolved).toBe(1024);
    expect([misspelt, wrongType, missing, unknownOp, notAnOp]).toHaveLength(5);
  });

  it('isLayerOf narrows a layer to its op', () => {
    const model: Pick<ModelIR, 'layers'> = { layers: [units, outside, sigmoid] };
    const dense = model.layers.filter((l) => isLayerOf(l, 'Dense'));
    expect(dense.map((l) => l.attrs.units)).toEqual([3]);
    expect(model.layers.filter((l) => isLayerOf(l, 'Activation')).map((l) => l.attrs.activation)).toEqual([
      'sigmoid',
    ]);
  });

  it('every op carries its attribute declaration and the schema derived from it', () => {
    for (const op of BUILTIN_OPS) {
      expect(Object.keys((op.attrsSchema as { properties: object }).properties)).toEqual(
        Object.keys(op.attrs),
      );
      expect(Object.isFrozen(op)).toBe(true);
    }
  });
});
