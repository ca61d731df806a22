import {
  createSparseTensor,
  createSparseTensorBig,
  inputReduceFixed,
  inputReduceFixedBig,
  inputReduceFloat,
  type SparseTensor,
} from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import { needsBig, rawsFor, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { CompileContext, LayerKernel } from '../interpret/runtime';
import type { OpDef } from './op-def';
import { attr, attrsObject, imageInput, intAttr, passThroughPrecision } from './op-helpers';

/** Geometry and options of the layer, from its prepared shapes. */
function options(ctx: CompileContext) {
  const [h = 0, w = 0, c = 0] = ctx.inputs[0]?.shape ?? [];
  const n = ctx.output.slots ?? 0;
  return { h, w, c, n, threshold: attr<number>(ctx.layer, 'threshold'), name: ctx.layer.name };
}

function compileFixed(ctx: CompileContext): LayerKernel {
  const input = ctx.inputTypes[0]!;
  const result = ctx.precision.result;
  const o = { ...options(ctx), input, result };
  const shape = { n: o.n, c: o.c, h: o.h, w: o.w };
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

function compileFloat(ctx: CompileContext): LayerKernel<Float64Array> {
  const o = options(ctx);
  const out: SparseTensor = createSparseTensor({ n: o.n, c: o.c, h: o.h, w: o.w });
  return {
    run: ([x]) => {
      const r = inputReduceFloat(x!.data, o, out);
      return { data: r.tensor.feat, hash: r.tensor.hash, sparse: out.shape, dropped: r.dropped };
    },
  };
}

/** SPEC §4.1: keep the first nMax pixels whose channel 0 exceeds the threshold (in the input type). */
export const inputReduceOp: OpDef = {
  type: 'InputReduce',
  since: 1,
  description: 'Select the first nMax active pixels (channel 0 > threshold, raster order) into sparse slots',
  sparse: true,
  inputKind: 'dense',
  outputKind: 'sparse',
  maxPerModel: 1,
  attrsSchema: attrsObject(
    {
      nMax: intAttr(1, 65536, 'Slot capacity N (pixel budget)'),
      threshold: { type: 'number', description: 'A pixel is active iff its channel 0, cast to the input type, is > this (cast too)' },
    },
    ['nMax', 'threshold'],
  ),
  precisions: ['result'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    if (!x) return undefined;
    const [h = 0, w = 0] = x.shape;
    const n = attr<number>(ctx.layer, 'nMax');
    if (n > h * w) ctx.report(DIAGNOSTICS.nMaxTooBig.at(`${ctx.where}/attrs/nMax`, ctx.layer.name, n, h * w));
    return { kind: 'sparse', shape: [...x.shape], slots: n };
  },
  inferPrecision: passThroughPrecision,
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
};
