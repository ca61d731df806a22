import { averagePool2dFixed, averagePool2dFixedBig, averagePool2dFloat } from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { CompileContext, LayerKernel } from '../interpret/runtime';
import { avgPoolPrecision } from '../precision/pool-precision';
import type { OpDef } from './op-def';
import { attr, attrsObject, checkPool, imageInput, intAttr, sizeOf } from './op-helpers';

function params(ctx: CompileContext) {
  const [h = 0, w = 0, c = 0] = ctx.inputs[0]!.shape;
  return { h, w, c, p: attr<number>(ctx.layer, 'poolSize'), name: ctx.layer.name };
}

function compileFixed(ctx: CompileContext): LayerKernel {
  const types = { input: ctx.inputTypes[0]!, result: ctx.precision.result, accum: ctx.precision.accum };
  const o = { ...params(ctx), types };
  const size = sizeOf(ctx.output.shape);
  if (needsBig(types.input, types.result)) {
    const out = new Array<bigint>(size).fill(0n);
    const narrowOut = types.result.width <= 53;
    return {
      run: ([x]) => {
        const r = averagePool2dFixedBig(toBigRaws(x!.data), o, out);
        return { data: narrowOut ? toNumberRaws(r) : r };
      },
    };
  }
  const out = new Float64Array(size);
  return { run: ([x]) => ({ data: averagePool2dFixed(toNumberRaws(x!.data), o, out) }) };
}

function compileFloat(ctx: CompileContext): LayerKernel<Float64Array> {
  const o = params(ctx);
  const out = new Float64Array(sizeOf(ctx.output.shape));
  return { run: ([x]) => ({ data: averagePool2dFloat(x!.data, o, out) }) };
}

/** Standard average pooling of the baseline CNN: stride P, 'valid', same r = floor(2^10/P)/2^10 rule as SPEC §4.4. */
export const averagePooling2dOp: OpDef = {
  type: 'AveragePooling2D',
  since: 1,
  description: 'Standard average pooling (stride = poolSize, valid), avg = sum * r * r',
  sparse: false,
  inputKind: 'dense',
  outputKind: 'dense',
  attrsSchema: attrsObject({ poolSize: intAttr(1, 4096, 'Square pool size P (= stride)') }, ['poolSize']),
  precisions: ['result', 'accum'],
  weights: [],
  inferShape(ctx) {
    const x = imageInput(ctx);
    if (!x) return undefined;
    const [h = 0, w = 0, c = 0] = x.shape;
    const p = attr<number>(ctx.layer, 'poolSize');
    if (!checkPool(ctx, p, h, w)) return undefined;
    return { kind: 'dense', shape: [Math.floor(h / p), Math.floor(w / p), c] };
  },
  inferPrecision: (ctx) => avgPoolPrecision(ctx, attr<number>(ctx.layer, 'poolSize')),
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount(layer, [x]) {
    const [h = 0, w = 0, c = 0] = x?.shape ?? [];
    const p = attr<number>(layer, 'poolSize');
    return Math.floor(h / p) * Math.floor(w / p) * c;
  },
};
