import { conv2dSameFixed, conv2dSameFixedBig, conv2dSameFloat, conv2dSameMacCounts, nonZeroPerRow, prepareConv2dSameFixed } from '@sparsepixels/core';
import type { AnyLayerIR, CompileContext } from './op-def';
import type { LayerKernel } from '../interpret/runtime';
import { macPrecision } from '../precision/mac-precision';
import { defineOp } from './define-op';
import { fixedKernel } from './fixed-kernel';
import { CONV_ATTRS, CONV_WEIGHTS, convOutputShape, imageInput, macTypes, weightCount, type ConvAttrs } from './op-helpers';
import { denseTensor } from './tensor-info';

function geometry(ctx: CompileContext<AnyLayerIR, ConvAttrs>) {
  const [h = 0, w = 0, cin = 0] = ctx.inputs[0]!.shape;
  return { h, w, cin, cout: ctx.attrs.filters, k: ctx.attrs.kernelSize, name: ctx.layer.name };
}

function compileFixed(ctx: CompileContext<AnyLayerIR, ConvAttrs>): LayerKernel {
  const g = geometry(ctx);
  const types = macTypes(ctx);
  const conv = prepareConv2dSameFixed({ ...g, weights: ctx.weights['kernel']!.raw, bias: ctx.weights['bias']?.raw, types });
  return fixedKernel({
    types: [types.input, types.result],
    result: types.result,
    size: ctx.output.size,
    number: (x, out) => ({ data: conv2dSameFixed(x, conv, out) }),
    bigint: (x, out) => ({ data: conv2dSameFixedBig(x, conv, out) }),
  });
}

function compileFloat(ctx: CompileContext<AnyLayerIR, ConvAttrs>): LayerKernel<Float64Array> {
  const g = geometry(ctx);
  const p = { ...g, weights: ctx.weights['kernel']!.values, bias: ctx.weights['bias']?.values };
  const out = new Float64Array(ctx.output.size);
  return { run: ([x]) => ({ data: conv2dSameFloat(x!.data, p, out) }) };
}

/**
 * Standard (dense) convolution of the baseline CNN: 'same' zero padding, stride 1; acc = bias, then
 * the taps (kh, kw, cin) ascending, then cast to the result type (core conv2dSameFixed).
 */
export const conv2dOp = defineOp({
  type: 'Conv2D',
  since: 1,
  description: "Standard 2D convolution ('same', stride 1) over the whole image",
  sparse: false,
  inputKind: 'dense',
  outputKind: 'dense',
  attrs: CONV_ATTRS,
  precisions: ['result', 'accum', 'weight', 'bias'],
  weights: CONV_WEIGHTS,
  inferShape(ctx) {
    const x = imageInput(ctx);
    return x && denseTensor(convOutputShape(ctx, x));
  },
  inferPrecision(ctx) {
    const k = ctx.attrs.kernelSize;
    // Zero padding: at most K*K*Cin products; the accumulator starts at the bias (hls4ml latency conv).
    return macPrecision(ctx, k * k * (ctx.inputs[0]?.shape[2] ?? 0), 'first');
  },
  compile: compileFixed,
  compileFloat,
  paramCount: weightCount,
  opCount(a, [x]) {
    const [h = 0, w = 0, c = 0] = x?.shape ?? [];
    return h * w * a.kernelSize * a.kernelSize * c * a.filters;
  },
  countMacs(ctx) {
    const g = geometry(ctx);
    const rows = nonZeroPerRow(ctx.weights['kernel']!.raw, g.cout);
    return ([x]) => conv2dSameMacCounts(x!.data, g, rows);
  },
});
