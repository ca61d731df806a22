import {
  nonZeroPerRow,
  prepareSparseConv2dFixed,
  sparseConv2dFixed,
  sparseConv2dFixedBig,
  sparseConv2dFloat,
  sparseConv2dMacCounts,
} from '@sparsepixels/core';
import type { AnyLayerIR, CompileContext } from './op-def';
import { sparseView, type LayerKernel } from '../interpret/runtime';
import { macPrecision } from '../precision/mac-precision';
import { defineOp } from './define-op';
import { fixedKernel, sparseOutput } from './fixed-kernel';
import { CONV_ATTRS, CONV_WEIGHTS, convOutputShape, imageInput, macTypes, weightCount, type ConvAttrs } from './op-helpers';
import { sparseTensor, type SparseTensorInfo } from './tensor-info';

type Ctx = CompileContext<AnyLayerIR, ConvAttrs, SparseTensorInfo, SparseTensorInfo>;

function geometry(ctx: Ctx) {
  return { shape: ctx.inputs[0]!, k: ctx.attrs.kernelSize, cin: ctx.inputs[0]!.c, cout: ctx.attrs.filters, name: ctx.layer.name };
}

function compileFixed(ctx: Ctx): LayerKernel {
  const g = geometry(ctx);
  const types = macTypes(ctx);
  const conv = prepareSparseConv2dFixed({ ...g, weights: ctx.weights['kernel']!.raw, bias: ctx.weights['bias']?.raw, types });
  const outShape = ctx.output;
  return fixedKernel({
    types: [types.input, types.result],
    result: types.result,
    size: outShape.size,
    number: (x, out, t) => sparseOutput(sparseConv2dFixed(sparseView(g.shape, x, t), conv, out), outShape),
    bigint: (x, out, t) => sparseOutput(sparseConv2dFixedBig(sparseView(g.shape, x, t), conv, out), outShape),
  });
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const g = geometry(ctx);
  const p = { ...g, weights: ctx.weights['kernel']!.values, bias: ctx.weights['bias']?.values };
  const out = new Float64Array(ctx.output.size);
  return { run: ([x]) => sparseOutput(sparseConv2dFloat(sparseView(g.shape, x!.data, x!), p, out), ctx.output) };
}

/**
 * Submanifold 'same' convolution at the active slots (valid ones under activity 'mask', whatever
 * their features); bias added where the sum is non-zero (docs/semantics.md).
 */
export const sparseConv2dOp = defineOp({
  type: 'SparseConv2D',
  since: 1,
  description: 'Submanifold sparse convolution (odd K, stride 1, same) over the active slots',
  sparse: true,
  inputKind: 'sparse',
  outputKind: 'sparse',
  attrs: CONV_ATTRS,
  precisions: ['result', 'accum', 'weight', 'bias'],
  weights: CONV_WEIGHTS,
  inferShape(ctx) {
    const x = imageInput(ctx);
    return x && sparseTensor(convOutputShape(ctx, x), x.nMax);
  },
  inferPrecision(ctx) {
    const k = ctx.attrs.kernelSize;
    // Distinct active pixels hit distinct taps: at most K*K*Cin products per output.
    return macPrecision(ctx, k * k * (ctx.inputs[0]?.c ?? 0), 'if-nonzero');
  },
  compile: compileFixed,
  compileFloat,
  paramCount: weightCount,
  opCount(a, [x]) {
    const n = x?.nMax ?? 0;
    return n * Math.min(n, a.kernelSize * a.kernelSize) * (x?.c ?? 0) * a.filters;
  },
  countMacs(ctx) {
    const g = geometry(ctx);
    const rows = nonZeroPerRow(ctx.weights['kernel']!.raw, g.cout);
    return ([x]) => sparseConv2dMacCounts(sparseView(g.shape, x!.data, x!), g.k, g.cout, rows);
  },
});
