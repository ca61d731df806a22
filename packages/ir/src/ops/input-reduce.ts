import { createSparseTensor, createSparseTensorBig, inputReduceFixed, inputReduceFixedBig, inputReduceFloat } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import { needsBig, rawsFor, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { AnyLayerIR, Attrs, CompileContext } from './op-def';
import type { LayerKernel } from '../interpret/runtime';
import { attr } from './attr-descriptors';
import { defineOp } from './define-op';
import { imageInput, passThroughPrecision } from './op-helpers';
import { sparseTensor, type DenseTensorInfo, type SparseTensorInfo } from './tensor-info';

const INPUT_REDUCE_ATTRS = Object.freeze({
  nMax: attr.int({ min: 1, max: 65536, description: 'Slot capacity N_max (pixel budget)' }),
  threshold: attr.number({ description: 'A pixel is active iff its channel 0, cast to the input type, is > this (cast too)' }),
});

type Ctx = CompileContext<AnyLayerIR, Attrs<typeof INPUT_REDUCE_ATTRS>, DenseTensorInfo, SparseTensorInfo>;

/** Core's options: the output's sparse shape ({nMax, c, h, w}) and the threshold. */
function options(ctx: Ctx) {
  return { ...ctx.output, threshold: ctx.attrs.threshold, name: ctx.layer.name };
}

function compileFixed(ctx: Ctx): LayerKernel {
  const input = ctx.inputTypes[0]!;
  const result = ctx.precision.result;
  const o = { ...options(ctx), input, result };
  const shape = ctx.output;
  if (needsBig(input, result)) {
    const out = createSparseTensorBig(shape);
    return {
      run: ([x]) => {
        const r = inputReduceFixedBig(toBigRaws(x!.data), o, out);
        return { data: rawsFor(result, r.tensor.feat), hash: r.tensor.hash, sparse: shape, dropped: r.dropped };
      },
    };
  }
  const out = createSparseTensor(shape);
  return {
    run: ([x]) => {
      const r = inputReduceFixed(toNumberRaws(x!.data), o, out);
      return { data: r.tensor.feat, hash: r.tensor.hash, sparse: shape, dropped: r.dropped };
    },
  };
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const o = options(ctx);
  const out = createSparseTensor(ctx.output);
  return {
    run: ([x]) => {
      const r = inputReduceFloat(x!.data, o, out);
      return { data: r.tensor.feat, hash: r.tensor.hash, sparse: out.shape, dropped: r.dropped };
    },
  };
}

/** Keep the first nMax pixels whose channel 0 exceeds the threshold (in the input type), in raster order. */
export const inputReduceOp = defineOp({
  type: 'InputReduce',
  since: 1,
  description: 'Select the first nMax active pixels (channel 0 > threshold, raster order) into sparse slots',
  sparse: true,
  inputKind: 'dense',
  outputKind: 'sparse',
  maxPerModel: 1,
  attrs: INPUT_REDUCE_ATTRS,
  precisions: ['result'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    if (!x) return undefined;
    const [h = 0, w = 0] = x.shape;
    const n = ctx.attrs.nMax;
    if (n > h * w) ctx.report(DIAGNOSTICS.nMaxTooBig.at(`${ctx.where}/attrs/nMax`, ctx.layer.name, n, h * w));
    return sparseTensor(x.shape, n);
  },
  inferPrecision: passThroughPrecision,
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
});
