import {
  prepareSparseConv2dFixed,
  sparseConv2dFixed,
  sparseConv2dFixedBig,
  sparseConv2dFloat,
  type SparseShape,
} from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { CompileContext, LayerKernel, RuntimeTensor } from '../interpret/runtime';
import { macPrecision } from '../precision/mac-precision';
import type { OpDef } from './op-def';
import {
  attr,
  CONV_ATTRS,
  CONV_WEIGHTS,
  convOutputShape,
  imageInput,
  macTypes,
  weightCount,
} from './op-helpers';

function geometry(ctx: CompileContext) {
  const x = ctx.inputs[0]!;
  const [h = 0, w = 0, cin = 0] = x.shape;
  const shape: SparseShape = { n: x.slots ?? 0, c: cin, h, w };
  return {
    shape,
    k: attr<number>(ctx.layer, 'kernelSize'),
    cin,
    cout: attr<number>(ctx.layer, 'filters'),
    name: ctx.layer.name,
  };
}

function compileFixed(ctx: CompileContext): LayerKernel {
  const g = geometry(ctx);
  const types = macTypes(ctx);
  const conv = prepareSparseConv2dFixed({
    ...g,
    weights: ctx.weights['kernel']!.raw,
    bias: ctx.weights['bias']?.raw,
    types,
  });
  const outShape = { ...g.shape, c: g.cout };
  if (needsBig(types.input, types.result)) {
    const out = new Array<bigint>(g.shape.n * g.cout).fill(0n);
    const narrowOut = types.result.width <= 53;
    return {
      run: ([x]): RuntimeTensor => {
        const r = sparseConv2dFixedBig(
          { shape: g.shape, feat: toBigRaws(x!.data), hash: x!.hash! },
          conv,
          out,
        );
        return { data: narrowOut ? toNumberRaws(r.feat) : r.feat, hash: r.hash, sparse: outShape };
      },
    };
  }
  const out = new Float64Array(g.shape.n * g.cout);
  return {
    run: ([x]) => {
      const r = sparseConv2dFixed({ shape: g.shape, feat: toNumberRaws(x!.data), hash: x!.hash! }, conv, out);
      return { data: r.feat, hash: r.hash, sparse: outShape };
    },
  };
}

function compileFloat(ctx: CompileContext): LayerKernel<Float64Array> {
  const g = geometry(ctx);
  const p = { ...g, weights: ctx.weights['kernel']!.values, bias: ctx.weights['bias']?.values };
  const out = new Float64Array(g.shape.n * g.cout);
  const outShape = { ...g.shape, c: g.cout };
  return {
    run: ([x]) => {
      const r = sparseConv2dFloat({ shape: g.shape, feat: x!.data, hash: x!.hash! }, p, out);
      return { data: r.feat, hash: r.hash, sparse: outShape };
    },
  };
}

/** SPEC §4.2: submanifold 'same' convolution at the active slots; bias added where the sum is non-zero. */
export const sparseConv2dOp: OpDef = {
  type: 'SparseConv2D',
  since: 1,
  description: 'Submanifold sparse convolution (odd K, stride 1, same) over the active slots',
  sparse: true,
  inputKind: 'sparse',
  outputKind: 'sparse',
  attrsSchema: CONV_ATTRS,
  precisions: ['result', 'accum', 'weight', 'bias'],
  weights: CONV_WEIGHTS,
  inferShape(ctx) {
    const x = imageInput(ctx);
    if (!x) return undefined;
    return { kind: 'sparse', shape: convOutputShape(ctx, x), slots: x.slots };
  },
  inferPrecision(ctx) {
    const cin = ctx.inputs[0]?.shape[2] ?? 0;
    const k = attr<number>(ctx.layer, 'kernelSize');
    // Distinct active pixels hit distinct taps: at most K*K*Cin products per output.
    return macPrecision(ctx, k * k * cin, 'if-nonzero');
  },
  compile: compileFixed,
  compileFloat,
  paramCount: weightCount,
  opCount(layer, [x]) {
    const k = attr<number>(layer, 'kernelSize');
    const n = x?.slots ?? 0;
    return n * Math.min(n, k * k) * (x?.shape[2] ?? 0) * attr<number>(layer, 'filters');
  },
};
