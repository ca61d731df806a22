import { flattenFixed, flattenFixedBig, flattenFloat } from '@sparsepixels/core';
import type { LayerKernel } from '../interpret/runtime';
import { defineOp } from './define-op';
import { fixedKernel } from './fixed-kernel';
import type { CompileContext } from './op-def';
import { passThroughPrecision } from './op-helpers';
import { denseTensor } from './tensor-info';

function compileFixed(ctx: CompileContext): LayerKernel {
  const types = { input: ctx.inputTypes[0]!, result: ctx.precision.result };
  return fixedKernel({
    types: [types.input, types.result],
    result: types.result,
    size: ctx.output.size,
    number: (x, out) => ({ data: flattenFixed(x, types, out) }),
    bigint: (x, out) => ({ data: flattenFixedBig(x, types, out) }),
  });
}

function compileFloat(ctx: CompileContext): LayerKernel<Float64Array> {
  const out = new Float64Array(ctx.output.size);
  return { run: ([x]) => ({ data: flattenFloat(x!.data, out) }) };
}

/** Standard flatten: the dense (h, w, c) tensor as a vector (the data order is already row-major). */
export const flattenOp = defineOp({
  type: 'Flatten',
  since: 1,
  description: 'Dense tensor to a vector, (h, w, c) order',
  sparse: false,
  inputKind: 'dense',
  outputKind: 'dense',
  attrs: {},
  precisions: ['result'],
  weights: [],
  inferShape(ctx) {
    const x = ctx.inputs[0];
    return x && denseTensor([x.size]);
  },
  inferPrecision: passThroughPrecision,
  compile: compileFixed,
  compileFloat,
  paramCount: () => 0,
  opCount: () => 0,
});
