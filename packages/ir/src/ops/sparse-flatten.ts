import { sparseFlattenFixed, sparseFlattenFixedBig, sparseFlattenFloat } from '@sparsepixels/core';
import type { AnyLayerIR, CompileContext } from './op-def';
import { sparseView, type LayerKernel } from '../interpret/runtime';
import { defineOp } from './define-op';
import { fixedKernel } from './fixed-kernel';
import { imageInput, passThroughPrecision } from './op-helpers';
import { denseTensor, type DenseTensorInfo, type SparseTensorInfo } from './tensor-info';

type Ctx = CompileContext<AnyLayerIR, unknown, SparseTensorInfo, DenseTensorInfo>;

function compileFixed(ctx: Ctx): LayerKernel {
  const shape = ctx.inputs[0]!;
  const p = { name: ctx.layer.name, types: { input: ctx.inputTypes[0]!, result: ctx.precision.result } };
  return fixedKernel({
    types: [p.types.input, p.types.result],
    result: p.types.result,
    size: ctx.output.size,
    number: (x, out, t) => ({ data: sparseFlattenFixed(sparseView(shape, x, t), p, out) }),
    bigint: (x, out, t) => ({ data: sparseFlattenFixedBig(sparseView(shape, x, t), p, out) }),
  });
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const shape = ctx.inputs[0]!;
  const out = new Float64Array(ctx.output.size);
  const p = { name: ctx.layer.name };
  return { run: ([x]) => ({ data: sparseFlattenFloat(sparseView(shape, x!.data, x!), p, out) }) };
}

/** Scatter the slots' non-zero features into a dense H*W*C vector in (h, w, c) order. */
export const sparseFlattenOp = defineOp({
  type: 'SparseFlatten',
  since: 1,
  description: 'Scatter the sparse slots into a dense (h, w, c)-ordered vector',
  sparse: true,
  inputKind: 'sparse',
  outputKind: 'dense',
  attrs: {},
  precisions: ['result'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    return x && denseTensor([x.h * x.w * x.c]);
  },
  inferPrecision: passThroughPrecision,
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
});
