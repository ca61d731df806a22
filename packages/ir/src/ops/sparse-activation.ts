import { sparseActivationFixed, sparseActivationFixedBig, sparseActivationFloat } from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { AnyLayerIR, CompileContext } from './op-def';
import type { LayerKernel, RuntimeTensor } from '../interpret/runtime';
import { ACTIVATION_ATTRS, type ActivationAttrs } from './activations/activation-attrs';
import { floatActivation, prepareActivation } from './activations/activation-kernels';
import { activationRule } from './activations/activation-rules';
import { defineOp } from './define-op';
import { imageInput } from './op-helpers';
import { sparseTensor, type SparseTensorInfo } from './tensor-info';

type Ctx = CompileContext<AnyLayerIR, ActivationAttrs, SparseTensorInfo, SparseTensorInfo>;

function compileFixed(ctx: Ctx): LayerKernel {
  const shape = ctx.inputs[0]!;
  const f = prepareActivation(ctx, shape.c);
  const name = ctx.layer.name;
  if (needsBig(ctx.inputTypes[0], ctx.precision.result)) {
    const out = new Array<bigint>(shape.size).fill(0n);
    const narrowOut = ctx.precision.result.width <= 53;
    return {
      run: ([x]): RuntimeTensor => {
        const r = sparseActivationFixedBig({ shape, feat: toBigRaws(x!.data), hash: x!.hash! }, f, out, name);
        return { data: narrowOut ? toNumberRaws(r.feat) : r.feat, hash: r.hash, sparse: shape };
      },
    };
  }
  const out = new Float64Array(shape.size);
  return {
    run: ([x]) => {
      const r = sparseActivationFixed({ shape, feat: toNumberRaws(x!.data), hash: x!.hash! }, f, out, name);
      return { data: r.feat, hash: r.hash, sparse: shape };
    },
  };
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const shape = ctx.inputs[0]!;
  const k = floatActivation(ctx);
  const out = new Float64Array(shape.size);
  return {
    run: ([x]) => {
      const r = sparseActivationFloat({ shape, feat: x!.data, hash: x!.hash! }, k, out, ctx.layer.name);
      return { data: r.feat, hash: r.hash, sparse: shape };
    },
  };
}

/**
 * The activation on the features of each active slot (softmax over the slot's channels); inactive
 * slots stay zero, hashes are unchanged.
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
  inferPrecision: (ctx) => activationRule(ctx.attrs.activation)?.inferPrecision(ctx, ctx.inputs[0]?.c ?? 1),
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
});
