import { denseFixed, denseFixedBig, denseFloat, denseMacCounts, nonZeroPerRow, prepareDenseFixed } from '@sparsepixels/core';
import type { AnyLayerIR, Attrs, CompileContext } from './op-def';
import type { LayerKernel } from '../interpret/runtime';
import { macPrecision } from '../precision/mac-precision';
import { attr } from './attr-descriptors';
import { defineOp } from './define-op';
import { fixedKernel } from './fixed-kernel';
import { macTypes, vectorInput, weightCount } from './op-helpers';
import { denseTensor, type TensorInfo } from './tensor-info';

const DENSE_ATTRS = Object.freeze({ units: attr.int({ min: 1, max: 1048576, description: 'Output units' }) });
type DenseAttrs = Attrs<typeof DENSE_ATTRS>;

function geometry(ctx: CompileContext<AnyLayerIR, DenseAttrs>) {
  return { nIn: ctx.inputs[0]!.shape[0] ?? 0, nOut: ctx.attrs.units, name: ctx.layer.name };
}

function compileFixed(ctx: CompileContext<AnyLayerIR, DenseAttrs>): LayerKernel {
  const g = geometry(ctx);
  const types = macTypes(ctx);
  const dense = prepareDenseFixed({ ...g, weights: ctx.weights['kernel']!.raw, bias: ctx.weights['bias']?.raw, types });
  return fixedKernel({
    types: [types.input, types.result],
    result: types.result,
    size: g.nOut,
    number: (x, out) => ({ data: denseFixed(x, dense, out) }),
    bigint: (x, out) => ({ data: denseFixedBig(x, dense, out) }),
  });
}

function compileFloat(ctx: CompileContext<AnyLayerIR, DenseAttrs>): LayerKernel<Float64Array> {
  const p = { ...geometry(ctx), weights: ctx.weights['kernel']!.values, bias: ctx.weights['bias']?.values };
  const out = new Float64Array(p.nOut);
  return { run: ([x]) => ({ data: denseFloat(x!.data, p, out) }) };
}

/** Fully connected, Keras layout (in x out); acc starts at the bias, then inputs ascending. */
export const denseOp = defineOp({
  type: 'Dense',
  since: 1,
  description: 'Fully connected layer (acc = bias, then inputs ascending)',
  sparse: false,
  inputKind: 'dense',
  outputKind: 'dense',
  attrs: DENSE_ATTRS,
  precisions: ['result', 'accum', 'weight', 'bias'],
  weights: [
    { name: 'kernel', precision: 'weight', required: true, shape: (a: DenseAttrs, x: TensorInfo) => [x.shape[0] ?? 0, a.units] },
    { name: 'bias', precision: 'bias', required: false, shape: (a: DenseAttrs) => [a.units] },
  ],
  inferShape(ctx) {
    return vectorInput(ctx) && denseTensor([ctx.attrs.units]);
  },
  inferPrecision: (ctx) => macPrecision(ctx, ctx.inputs[0]?.shape[0] ?? 0, 'first'),
  compile: compileFixed,
  compileFloat,
  paramCount: weightCount,
  opCount: (a, [x]) => (x?.shape[0] ?? 0) * a.units,
  countMacs(ctx) {
    const rows = nonZeroPerRow(ctx.weights['kernel']!.raw, ctx.attrs.units);
    return ([x]) => denseMacCounts(x!.data, rows, ctx.attrs.units);
  },
});
