import { flattenFixed, flattenFixedBig, flattenFloat } from '@sparsepixels/core';
import { needsBig, toBigRaws, toNumberRaws } from '../interpret/raw-arrays';
import type { LayerKernel } from '../interpret/runtime';
import { defineOp } from './define-op';
import type { CompileContext } from './op-def';
import { passThroughPrecision } from './op-helpers';
import { denseTensor } from './tensor-info';

function compileFixed(ctx: CompileContext): LayerKernel {
  const types = { input: ctx.inputTypes[0]!, result: ctx.precision.result };
  const size = ctx.output.size;
  if (needsBig(types.input, types.result)) {
    const out = new Array<bigint>(size).fill(0n);
    const narrowOut = types.result.width <= 53;
    return {
      run: ([x]) => {
        const r = flattenFixedBig(toBigRaws(x!.data), types, out);
        return { data: narrowOut ? toNumberRaws(r) : r };
      },
    };
  }
  const out = new Float64Array(size);
  return { run: ([x]) => ({ data: flattenFixed(toNumberRaws(x!.data), types, out) }) };
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
