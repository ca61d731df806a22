import { denseFixed, denseFixedBig, denseFloat, prepareDenseFixed } from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { CompileContext, LayerKernel } from '../interpret/runtime';
import type { LayerIR } from '../model';
import { macPrecision } from '../precision/mac-precision';
import type { OpDef, TensorInfo } from './op-def';
import { attr, attrsObject, intAttr, macTypes, vectorInput, weightCount } from './op-helpers';

function geometry(ctx: CompileContext) {
  return { nIn: ctx.inputs[0]!.shape[0] ?? 0, nOut: attr<number>(ctx.layer, 'units'), name: ctx.layer.name };
}

function compileFixed(ctx: CompileContext): LayerKernel {
  const g = geometry(ctx);
  const types = macTypes(ctx);
  const dense = prepareDenseFixed({ ...g, weights: ctx.weights['kernel']!.raw, bias: ctx.weights['bias']?.raw, types });
  if (needsBig(types.input, types.result)) {
    const out = new Array<bigint>(g.nOut).fill(0n);
    const narrowOut = types.result.width <= 53;
    return {
      run: ([x]) => {
        const r = denseFixedBig(toBigRaws(x!.data), dense, out);
        return { data: narrowOut ? toNumberRaws(r) : r };
      },
    };
  }
  const out = new Float64Array(g.nOut);
  return { run: ([x]) => ({ data: denseFixed(toNumberRaws(x!.data), dense, out) }) };
}

function compileFloat(ctx: CompileContext): LayerKernel<Float64Array> {
  const p = { ...geometry(ctx), weights: ctx.weights['kernel']!.values, bias: ctx.weights['bias']?.values };
  const out = new Float64Array(p.nOut);
  return { run: ([x]) => ({ data: denseFloat(x!.data, p, out) }) };
}

/** SPEC §4.6: Keras layout (in x out); acc starts at the bias, then inputs ascending. */
export const denseOp: OpDef = {
  type: 'Dense',
  since: 1,
  description: 'Fully connected layer (acc = bias, then inputs ascending)',
  sparse: false,
  inputKind: 'dense',
  outputKind: 'dense',
  attrsSchema: attrsObject({ units: intAttr(1, 1048576, 'Output units') }, ['units']),
  precisions: ['result', 'accum', 'weight', 'bias'],
  weights: [
    {
      name: 'kernel',
      precision: 'weight',
      required: true,
      shape: (layer: LayerIR, x: TensorInfo) => [x.shape[0] ?? 0, attr<number>(layer, 'units')],
    },
    { name: 'bias', precision: 'bias', required: false, shape: (layer: LayerIR) => [attr<number>(layer, 'units')] },
  ],
  inferShape(ctx) {
    const x = vectorInput(ctx);
    return x ? { kind: 'dense', shape: [attr<number>(ctx.layer, 'units')] } : undefined;
  },
  inferPrecision: (ctx) => macPrecision(ctx, ctx.inputs[0]?.shape[0] ?? 0, 'first'),
  compile: compileFixed,
  compileFloat,
  paramCount: weightCount,
  opCount: (layer, [x]) => (x?.shape[0] ?? 0) * attr<number>(layer, 'units'),
};
