import {
  sparseActivationFixed,
  sparseActivationFixedBig,
  sparseActivationFloat,
  type SparseShape,
} from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { CompileContext, LayerKernel, RuntimeTensor } from '../interpret/runtime';
import { ACTIVATION_RULES, activationRule } from './activations/activation-rules';
import { floatActivation, prepareActivation } from './activations/activation-kernels';
import type { OpDef } from './op-def';
import { attr, attrsObject, checkTableSizeAttr, imageInput, intAttr } from './op-helpers';

function geometry(ctx: CompileContext): SparseShape {
  const x = ctx.inputs[0]!;
  const [h = 0, w = 0, c = 0] = x.shape;
  return { n: x.slots ?? 0, c, h, w };
}

function compileFixed(ctx: CompileContext): LayerKernel {
  const shape = geometry(ctx);
  const f = prepareActivation(ctx, shape.c);
  const name = ctx.layer.name;
  if (needsBig(ctx.inputTypes[0], ctx.precision.result)) {
    const out = new Array<bigint>(shape.n * shape.c).fill(0n);
    const narrowOut = ctx.precision.result.width <= 53;
    return {
      run: ([x]): RuntimeTensor => {
        const r = sparseActivationFixedBig({ shape, feat: toBigRaws(x!.data), hash: x!.hash! }, f, out, name);
        return { data: narrowOut ? toNumberRaws(r.feat) : r.feat, hash: r.hash, sparse: shape };
      },
    };
  }
  const out = new Float64Array(shape.n * shape.c);
  return {
    run: ([x]) => {
      const r = sparseActivationFixed({ shape, feat: toNumberRaws(x!.data), hash: x!.hash! }, f, out, name);
      return { data: r.feat, hash: r.hash, sparse: shape };
    },
  };
}

function compileFloat(ctx: CompileContext): LayerKernel<Float64Array> {
  const shape = geometry(ctx);
  const k = floatActivation(ctx);
  const out = new Float64Array(shape.n * shape.c);
  return {
    run: ([x]) => {
      const r = sparseActivationFloat({ shape, feat: x!.data, hash: x!.hash! }, k, out, ctx.layer.name);
      return { data: r.feat, hash: r.hash, sparse: shape };
    },
  };
}

/**
 * SPEC §4.3: the activation on the features of each active slot (softmax over the slot's channels);
 * inactive slots stay zero, hashes are unchanged.
 */
export const sparseActivationOp: OpDef = {
  type: 'SparseActivation',
  since: 1,
  description: "Activation of the active slots' features (relu, linear, sigmoid, softmax over channels); hash unchanged",
  sparse: true,
  inputKind: 'sparse',
  outputKind: 'sparse',
  attrsSchema: attrsObject(
    {
      activation: { type: 'string', enum: ACTIVATION_RULES.map((r) => r.name) },
      tableSize: intAttr(2, 65536, 'Entries of the sigmoid/softmax tables (a power of two; default 1024)'),
    },
    ['activation'],
  ),
  precisions: ['result', 'table', 'accum'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    if (!x || !checkTableSizeAttr(ctx)) return undefined;
    return { kind: 'sparse', shape: [...x.shape], slots: x.slots };
  },
  inferPrecision: (ctx) => activationRule(attr<string>(ctx.layer, 'activation'))?.inferPrecision(ctx, ctx.inputs[0]?.shape[2] ?? 1),
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
};
