import { sparsePool2dFixed, sparsePool2dFixedBig, sparsePool2dFloat } from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { AnyLayerIR, Attrs, CompileContext } from './op-def';
import type { LayerKernel, RuntimeTensor } from '../interpret/runtime';
import { avgPoolPrecision } from '../precision/pool-precision';
import { attr } from './attr-descriptors';
import { defineOp } from './define-op';
import { checkPool, imageInput, passThroughPrecision } from './op-helpers';
import { sparseTensor, type SparseTensorInfo } from './tensor-info';

const SPARSE_POOL_ATTRS = Object.freeze({
  poolSize: attr.int({ min: 1, max: 4096, description: 'Square pool size P (= stride)' }),
  mode: attr.enum(['avg', 'max'], { description: 'avg = sum * r * r with r = floor(2^10 / P) / 2^10; max = the largest value' }),
});

type Ctx = CompileContext<AnyLayerIR, Attrs<typeof SPARSE_POOL_ATTRS>, SparseTensorInfo, SparseTensorInfo>;

function params(ctx: Ctx) {
  return { p: ctx.attrs.poolSize, mode: ctx.attrs.mode, name: ctx.layer.name };
}

function compileFixed(ctx: Ctx): LayerKernel {
  const shape = ctx.inputs[0]!;
  const o = params(ctx);
  const types = { input: ctx.inputTypes[0]!, result: ctx.precision.result, accum: o.mode === 'avg' ? ctx.precision.accum : undefined };
  const p = { ...o, types };
  if (needsBig(types.input, types.result, types.accum)) {
    const out = new Array<bigint>(shape.size).fill(0n);
    const narrowOut = types.result.width <= 53;
    return {
      run: ([x]): RuntimeTensor => {
        const r = sparsePool2dFixedBig({ shape, feat: toBigRaws(x!.data), hash: x!.hash! }, p, out);
        return { data: narrowOut ? toNumberRaws(r.feat) : r.feat, hash: r.hash, sparse: r.shape };
      },
    };
  }
  const out = new Float64Array(shape.size);
  return {
    run: ([x]) => {
      const r = sparsePool2dFixed({ shape, feat: toNumberRaws(x!.data), hash: x!.hash! }, p, out);
      return { data: r.feat, hash: r.hash, sparse: r.shape };
    },
  };
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const shape = ctx.inputs[0]!;
  const p = params(ctx);
  const out = new Float64Array(shape.size);
  return {
    run: ([x]) => {
      const r = sparsePool2dFloat({ shape, feat: x!.data, hash: x!.hash! }, p, out);
      return { data: r.feat, hash: r.hash, sparse: r.shape };
    },
  };
}

/** Stride-P 'valid' pooling of the slots (avg = sum * r * r with the 10-bit r, or max); slots get the pooled hash. */
export const sparsePooling2dOp = defineOp({
  type: 'SparsePooling2D',
  since: 1,
  description: 'Sparse average or max pooling (stride = poolSize, valid); slots get the pooled hash',
  sparse: true,
  inputKind: 'sparse',
  outputKind: 'sparse',
  attrs: SPARSE_POOL_ATTRS,
  precisions: ['result', 'accum'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    if (!x) return undefined;
    const p = ctx.attrs.poolSize;
    if (!checkPool(ctx, p, x.h, x.w)) return undefined;
    return sparseTensor([Math.floor(x.h / p), Math.floor(x.w / p), x.c], x.nMax);
  },
  inferPrecision(ctx) {
    return ctx.attrs.mode === 'max' ? passThroughPrecision(ctx) : avgPoolPrecision(ctx, ctx.attrs.poolSize);
  },
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  // avg: one multiplication by r*r per output feature; max: none.
  opCount: (a, [x]) => (a.mode === 'avg' ? (x?.size ?? 0) : 0),
});
