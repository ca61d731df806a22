import type { AnyLayerIR, CompileContext } from './op-def';
import type { LayerKernel } from '../interpret/runtime';
import { ACTIVATION_ATTRS, type ActivationAttrs } from './activations/activation-attrs';
import { floatActivation, prepareActivation } from './activations/activation-kernels';
import { activationAttrs, activationPrecision } from './activations/activation-precision';
import { activationRule } from './activations/activation-rules';
import { defineOp } from './define-op';
import { fixedKernel } from './fixed-kernel';
import { vectorInput } from './op-helpers';
import { denseTensor } from './tensor-info';

type Ctx = CompileContext<AnyLayerIR, ActivationAttrs>;

function compileFixed(ctx: Ctx): LayerKernel {
  const n = ctx.output.size;
  const f = prepareActivation(ctx, n);
  return fixedKernel({
    types: [ctx.inputTypes[0], ctx.precision.result],
    result: ctx.precision.result,
    size: n,
    number: (x, out) => (f.run(x, out, 0, n), { data: out }),
    bigint: (x, out) => (f.runBig(x, out, 0, n), { data: out }),
  });
}

function compileFloat(ctx: Ctx): LayerKernel<Float64Array> {
  const n = ctx.output.size;
  const k = floatActivation(ctx);
  const out = new Float64Array(n);
  return { run: ([x]) => (k.float(x!.data, out, 0, n), { data: out }) };
}

/** Dense activations: relu, linear, and the table-based sigmoid and softmax (1-D input). */
export const activationOp = defineOp({
  type: 'Activation',
  since: 1,
  description: 'Activation on a dense tensor: relu, linear, sigmoid (table), softmax (tables, 1-D input)',
  sparse: false,
  inputKind: 'dense',
  outputKind: 'dense',
  attrs: ACTIVATION_ATTRS,
  precisions: ['result', 'table', 'accum'],
  weights: [],
  inferShape(ctx) {
    const x = ctx.inputs[0];
    if (!x) return undefined;
    if (activationRule(ctx.attrs.activation)?.needsVector && !vectorInput(ctx)) return undefined;
    return denseTensor(x.shape);
  },
  inferPrecision: (ctx) => activationPrecision(ctx, ctx.inputs[0]?.size ?? 1),
  inferAttrs: activationAttrs,
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
});
