import { averagePool2dFixed, averagePool2dFixedBig, averagePool2dFloat } from '@sparsepixels/core';
import type { AnyLayerIR, Attrs, CompileContext } from './op-def';
import type { LayerKernel } from '../interpret/runtime';
import { avgPoolAttrs, avgPoolPrecision } from '../precision/pool-precision';
import { attr } from './attr-descriptors';
import { defineOp } from './define-op';
import { fixedKernel } from './fixed-kernel';
import { checkPool, imageInput, RECIPROCAL_BITS_ATTR } from './op-helpers';
import { denseTensor } from './tensor-info';

const AVG_POOL_ATTRS = Object.freeze({
  poolSize: attr.int({ min: 1, max: 4096, description: 'Square pool size P (= stride)' }),
  reciprocalBits: RECIPROCAL_BITS_ATTR,
});
type Ctx = CompileContext<AnyLayerIR, Attrs<typeof AVG_POOL_ATTRS>>;

function params(ctx: Ctx) {
  const [h = 0, w = 0, c = 0] = ctx.inputs[0]!.shape;
  return { h, w, c, p: ctx.attrs.poolSize, reciprocalBits: ctx.attrs.reciprocalBits, name: ctx.layer.name };
}

function compileFixed(ctx: Ctx): LayerKernel {
  const types = { input: ctx.inputTypes[0]!, result: ctx.precision.result, accum: ctx.precision.accum };
  const o = { ...params(ctx), types };
  return fixedKernel({
    types: [types.input, types.result],
    result: types.result,
    size: ctx.output.size,
    number: (x, out) => ({ data: averagePool2dFixed(x, o, out) }),
    bigint: (x, out) => ({ data: averagePool2dFixedBig(x, o, out) }),
  });
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const o = params(ctx);
  const out = new Float64Array(ctx.output.size);
  return { run: ([x]) => ({ data: averagePool2dFloat(x!.data, o, out) }) };
}

/** Standard average pooling of the baseline CNN: stride P, 'valid', the same r = floor(2^F/P)/2^F rule as SparsePooling2D. */
export const averagePooling2dOp = defineOp({
  type: 'AveragePooling2D',
  since: 1,
  description: 'Standard average pooling (stride = poolSize, valid), avg = sum * r * r',
  sparse: false,
  inputKind: 'dense',
  outputKind: 'dense',
  attrs: AVG_POOL_ATTRS,
  precisions: ['result', 'accum'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    if (!x) return undefined;
    const [h = 0, w = 0, c = 0] = x.shape;
    const p = ctx.attrs.poolSize;
    if (!checkPool(ctx, p, h, w)) return undefined;
    return denseTensor([Math.floor(h / p), Math.floor(w / p), c]);
  },
  inferPrecision: (ctx) => avgPoolPrecision(ctx, ctx.attrs.poolSize),
  inferAttrs: (ctx) => avgPoolAttrs(ctx, ctx.attrs.poolSize),
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount(a, [x]) {
    const [h = 0, w = 0, c = 0] = x?.shape ?? [];
    return Math.floor(h / a.poolSize) * Math.floor(w / a.poolSize) * c;
  },
});
