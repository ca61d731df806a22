import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { CompileContext, LayerKernel } from '../interpret/runtime';
import { ACTIVATION_RULES, activationRule } from './activations/activation-rules';
import { floatActivation, prepareActivation } from './activations/activation-kernels';
import type { OpDef, PrecisionContext } from './op-def';
import { attr, attrsObject, checkTableSizeAttr, intAttr, sizeOf, vectorInput } from './op-helpers';

function compileFixed(ctx: CompileContext): LayerKernel {
  const n = sizeOf(ctx.output.shape);
  const f = prepareActivation(ctx, n);
  if (needsBig(ctx.inputTypes[0], ctx.precision.result)) {
    const out = new Array<bigint>(n).fill(0n);
    const narrowOut = ctx.precision.result.width <= 53;
    return {
      run: ([x]) => {
        f.runBig(toBigRaws(x!.data), out, 0, n);
        return { data: narrowOut ? toNumberRaws(out) : out };
      },
    };
  }
  const out = new Float64Array(n);
  return { run: ([x]) => (f.run(toNumberRaws(x!.data), out, 0, n), { data: out }) };
}

function compileFloat(ctx: CompileContext): LayerKernel<Float64Array> {
  const n = sizeOf(ctx.output.shape);
  const k = floatActivation(ctx);
  const out = new Float64Array(n);
  return { run: ([x]) => (k.float(x!.data, out, 0, n), { data: out }) };
}

function ruleOf(ctx: { layer: PrecisionContext['layer'] }) {
  return activationRule(attr<string>(ctx.layer, 'activation'));
}

/** Dense activations (SPEC §4.6): relu, linear, and the table-based sigmoid and softmax (1-D input). */
export const activationOp: OpDef = {
  type: 'Activation',
  since: 1,
  description: 'Activation on a dense tensor: relu, linear, sigmoid (table), softmax (tables, 1-D input)',
  sparse: false,
  inputKind: 'dense',
  outputKind: 'dense',
  attrsSchema: attrsObject(
    {
      activation: { type: 'string', enum: ACTIVATION_RULES.map((r) => r.name) },
      tableSize: intAttr(2, 65536, 'Entries of the sigmoid/softmax tables (a power of two; default 1024)'),
    },
    ['activation'],
  ),
  precisions: ['result', 'table', 'accum'],
  weights: [],
  inferShape(ctx) {
    const x = ctx.inputs[0];
    if (!x) return undefined;
    if (!checkTableSizeAttr(ctx)) return undefined;
    if (ruleOf(ctx)?.needsVector && !vectorInput(ctx)) return undefined;
    return { kind: 'dense', shape: [...x.shape] };
  },
  inferPrecision: (ctx) => ruleOf(ctx)?.inferPrecision(ctx, sizeOf(ctx.inputs[0]?.shape ?? [])),
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
};
