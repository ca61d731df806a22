import { sparsePool2dFixed, sparsePool2dFixedBig, sparsePool2dFloat } from '@sparsepixels/core';
import type { AnyLayerIR, Attrs, CompileContext } from './op-def';
import { sparseView, type LayerKernel } from '../interpret/runtime';
import { avgPoolAttrs, avgPoolPrecision } from '../precision/pool-precision';
import { attr } from './attr-descriptors';
import { defineOp } from './define-op';
import { fixedKernel, sparseOutput } from './fixed-kernel';
import { checkPool, imageInput, passThroughPrecision, RECIPROCAL_BITS_ATTR, refuseReciprocalBits } from './op-helpers';
import { sparseTensor, type SparseTensorInfo } from './tensor-info';

const SPARSE_POOL_ATTRS = Object.freeze({
  poolSize: attr.int({ min: 1, max: 4096, description: 'Square pool size P (= stride)' }),
  mode: attr.enum(['avg', 'max'], { description: 'avg = sum * r * r with r = floor(2^F / P) / 2^F; max = the largest value' }),
  reciprocalBits: RECIPROCAL_BITS_ATTR,
});

type Ctx = CompileContext<AnyLayerIR, Attrs<typeof SPARSE_POOL_ATTRS>, SparseTensorInfo, SparseTensorInfo>;

function params(ctx: Ctx) {
  return { p: ctx.attrs.poolSize, mode: ctx.attrs.mode, reciprocalBits: ctx.attrs.reciprocalBits, name: ctx.layer.name };
}

function compileFixed(ctx: Ctx): LayerKernel {
  const shape = ctx.inputs[0]!;
  const o = params(ctx);
  const types = { input: ctx.inputTypes[0]!, result: ctx.precision.result, accum: o.mode === 'avg' ? ctx.precision.accum : undefined };
  const p = { ...o, types };
  return fixedKernel({
    types: [types.input, types.result, types.accum],
    result: types.result,
    size: shape.size,
    number: (x, out, t) => sparseOutput(sparsePool2dFixed(sparseView(shape, x, t), p, out)),
    bigint: (x, out, t) => sparseOutput(sparsePool2dFixedBig(sparseView(shape, x, t), p, out)),
  });
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const shape = ctx.inputs[0]!;
  const p = params(ctx);
  const out = new Float64Array(shape.size);
  return { run: ([x]) => sparseOutput(sparsePool2dFloat(sparseView(shape, x!.data, x!), p, out)) };
}

/**
 * Stride-P 'valid' pooling of the slots (avg = sum * r * r, or max); slots get the pooled hash. Under
 * activity 'mask' only valid slots take part and a cell's bit is the OR of its slots' bits.
 */
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
    if (ctx.attrs.mode === 'avg') return avgPoolPrecision(ctx, ctx.attrs.poolSize);
    refuseReciprocalBits(ctx, 'mode max has no reciprocal');
    return passThroughPrecision(ctx);
  },
  inferAttrs: (ctx) => (ctx.attrs.mode === 'avg' ? avgPoolAttrs(ctx, ctx.attrs.poolSize) : undefined),
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  // avg: one multiplication by r*r per output feature; max: none.
  opCount: (a, [x]) => (a.mode === 'avg' ? (x?.size ?? 0) : 0),
});
