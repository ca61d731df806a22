import { sparsePool2dFixed, sparsePool2dFixedBig, sparsePool2dFloat, type SparseShape } from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { CompileContext, LayerKernel, RuntimeTensor } from '../interpret/runtime';
import { avgPoolPrecision } from '../precision/pool-precision';
import type { OpDef } from './op-def';
import { attr, attrsObject, checkPool, imageInput, intAttr, passThroughPrecision } from './op-helpers';

function params(ctx: CompileContext) {
  const x = ctx.inputs[0]!;
  const [h = 0, w = 0, c = 0] = x.shape;
  const shape: SparseShape = { n: x.slots ?? 0, c, h, w };
  const mode = attr<'avg' | 'max'>(ctx.layer, 'mode');
  return { shape, p: attr<number>(ctx.layer, 'poolSize'), mode, name: ctx.layer.name };
}

function compileFixed(ctx: CompileContext): LayerKernel {
  const { shape, ...o } = params(ctx);
  const types = { input: ctx.inputTypes[0]!, result: ctx.precision.result, accum: o.mode === 'avg' ? ctx.precision.accum : undefined };
  const p = { ...o, types };
  if (needsBig(types.input, types.result, types.accum)) {
    const out = new Array<bigint>(shape.n * shape.c).fill(0n);
    const narrowOut = types.result.width <= 53;
    return {
      run: ([x]): RuntimeTensor => {
        const r = sparsePool2dFixedBig({ shape, feat: toBigRaws(x!.data), hash: x!.hash! }, p, out);
        return { data: narrowOut ? toNumberRaws(r.feat) : r.feat, hash: r.hash, sparse: r.shape };
      },
    };
  }
  const out = new Float64Array(shape.n * shape.c);
  return {
    run: ([x]) => {
      const r = sparsePool2dFixed({ shape, feat: toNumberRaws(x!.data), hash: x!.hash! }, p, out);
      return { data: r.feat, hash: r.hash, sparse: r.shape };
    },
  };
}

function compileFloat(ctx: CompileContext): LayerKernel<Float64Array> {
  const { shape, ...p } = params(ctx);
  const out = new Float64Array(shape.n * shape.c);
  return {
    run: ([x]) => {
      const r = sparsePool2dFloat({ shape, feat: x!.data, hash: x!.hash! }, p, out);
      return { data: r.feat, hash: r.hash, sparse: r.shape };
    },
  };
}

/** SPEC §4.4: stride-P 'valid' pooling of the slots (avg = sum * r * r with the 10-bit r, or max). */
export const sparsePooling2dOp: OpDef = {
  type: 'SparsePooling2D',
  since: 1,
  description: 'Sparse average or max pooling (stride = poolSize, valid); slots get the pooled hash',
  sparse: true,
  inputKind: 'sparse',
  outputKind: 'sparse',
  attrsSchema: attrsObject(
    { poolSize: intAttr(1, 4096, 'Square pool size P (= stride)'), mode: { type: 'string', enum: ['avg', 'max'] } },
    ['poolSize', 'mode'],
  ),
  precisions: ['result', 'accum'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    if (!x) return undefined;
    const [h = 0, w = 0, c = 0] = x.shape;
    const p = attr<number>(ctx.layer, 'poolSize');
    if (!checkPool(ctx, p, h, w)) return undefined;
    return { kind: 'sparse', shape: [Math.floor(h / p), Math.floor(w / p), c], slots: x.slots };
  },
  inferPrecision(ctx) {
    if (attr<string>(ctx.layer, 'mode') === 'max') return passThroughPrecision(ctx);
    return avgPoolPrecision(ctx, attr<number>(ctx.layer, 'poolSize'));
  },
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount(layer, [x]) {
    // avg: one multiplication by r*r per output feature; max: none.
    return attr<string>(layer, 'mode') === 'avg' ? (x?.slots ?? 0) * (x?.shape[2] ?? 0) : 0;
  },
};
