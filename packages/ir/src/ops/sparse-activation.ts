import { sparseActivationFixed, sparseActivationFixedBig, sparseActivationFloat } from '@sparsepixels/core';
import type { AnyLayerIR, CompileContext } from './op-def';
import { sparseView, type LayerKernel } from '../interpret/runtime';
import { ACTIVATION_ATTRS, type ActivationAttrs } from './activations/activation-attrs';
import { floatActivation, prepareActivation } from './activations/activation-kernels';
import { activationAttrs, activationPrecision } from './activations/activation-precision';
import { defineOp } from './define-op';
import { fixedKernel, sparseOutput } from './fixed-kernel';
import { imageInput } from './op-helpers';
import { sparseTensor, type SparseTensorInfo } from './tensor-info';

type Ctx = CompileContext<AnyLayerIR, ActivationAttrs, SparseTensorInfo, SparseTensorInfo>;

function compileFixed(ctx: Ctx): LayerKernel {
  const shape = ctx.inputs[0]!;
  const f = prepareActivation(ctx, shape.c);
  const name = ctx.layer.name;
  return fixedKernel({
    types: [ctx.inputTypes[0], ctx.precision.result],
    result: ctx.precision.result,
    size: shape.size,
    number: (x, out, t) => sparseOutput(sparseActivationFixed(sparseView(shape, x, t), f, out, name), shape),
    bigint: (x, out, t) => sparseOutput(sparseActivationFixedBig(sparseView(shape, x, t), f, out, name), shape),
  });
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const shape = ctx.inputs[0]!;
  const k = floatActivation(ctx);
  const out = new Float64Array(shape.size);
  return { run: ([x]) => sparseOutput(sparseActivationFloat(sparseView(shape, x!.data, x!), k, out, ctx.layer.name), shape) };
}

/**
 * The activation on the features of each active slot (softmax over the slot's channels); inactive
 * slots stay zero, hashes and validity bits are unchanged.
 */
export const sparseActivationOp = defineOp({
  type: 'SparseActivation',
  since: 1,
  description: "Activation of the active slots' features (relu, linear, sigmoid, softmax over channels); hash unchanged",
  sparse: true,
  inputKind: 'sparse',
  outputKind: 'sparse',
  attrs: ACTIVATION_ATTRS,
  precisions: ['result', 'table', 'accum'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    return x && sparseTensor(x.shape, x.nMax);
  },
  inferPrecision: (ctx) => activationPrecision(ctx, ctx.inputs[0]?.c ?? 1),
  inferAttrs: activationAttrs,
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
});
