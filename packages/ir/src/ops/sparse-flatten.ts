import { sparseFlattenFixed, sparseFlattenFixedBig, sparseFlattenFloat, type SparseShape } from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { CompileContext, LayerKernel } from '../interpret/runtime';
import type { OpDef } from './op-def';
import { attrsObject, imageInput, passThroughPrecision, sizeOf } from './op-helpers';

function shapeOf(ctx: CompileContext): SparseShape {
  const x = ctx.inputs[0]!;
  const [h = 0, w = 0, c = 0] = x.shape;
  return { n: x.slots ?? 0, c, h, w };
}

function compileFixed(ctx: CompileContext): LayerKernel {
  const shape = shapeOf(ctx);
  const p = { name: ctx.layer.name, types: { input: ctx.inputTypes[0]!, result: ctx.precision.result } };
  const size = shape.h * shape.w * shape.c;
  if (needsBig(p.types.input, p.types.result)) {
    const out = new Array<bigint>(size).fill(0n);
    const narrowOut = p.types.result.width <= 53;
    return {
      run: ([x]) => {
        const r = sparseFlattenFixedBig({ shape, feat: toBigRaws(x!.data), hash: x!.hash! }, p, out);
        return { data: narrowOut ? toNumberRaws(r) : r };
      },
    };
  }
  const out = new Float64Array(size);
  return { run: ([x]) => ({ data: sparseFlattenFixed({ shape, feat: toNumberRaws(x!.data), hash: x!.hash! }, p, out) }) };
}

function compileFloat(ctx: CompileContext): LayerKernel<Float64Array> {
  const shape = shapeOf(ctx);
  const out = new Float64Array(shape.h * shape.w * shape.c);
  const p = { name: ctx.layer.name };
  return { run: ([x]) => ({ data: sparseFlattenFloat({ shape, feat: x!.data, hash: x!.hash! }, p, out) }) };
}

/** SPEC §4.5: scatter the slots' non-zero features into a dense H*W*C vector in (h, w, c) order. */
export const sparseFlattenOp: OpDef = {
  type: 'SparseFlatten',
  since: 1,
  description: 'Scatter the sparse slots into a dense (h, w, c)-ordered vector',
  sparse: true,
  inputKind: 'sparse',
  outputKind: 'dense',
  attrsSchema: attrsObject({}, []),
  precisions: ['result'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    return x ? { kind: 'dense', shape: [sizeOf(x.shape)] } : undefined;
  },
  inferPrecision: passThroughPrecision,
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
};
