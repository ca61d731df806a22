import { apUint, SparsePixelsError } from '@sparsepixels/core';
import type { LayerContext } from '../layer-emitter';

/**
 * Declares the accumulator, weight and bias typedefs and the kernel/bias constant arrays of a
 * layer with weights (dense and conv layers), and returns their names for the template.
 */
export function weightsAndBias(ctx: LayerContext, kernelShape: readonly number[], layout: string) {
  const i = ctx.index;
  const name = ctx.layer.name;
  const p = ctx.precision;
  const accumType = ctx.typedef(`layer${i}_accum_t`, need(p['accum'], ctx, 'accum'), `${name} accumulator`);
  const weightType = ctx.typedef(`weight${i}_t`, need(p['weight'], ctx, 'weight'), `${name} weights`);
  // A layer without bias adds zeros of ap_uint<1> (as core's kernels and hls4ml do).
  const biasFixed = p['bias'] ?? apUint(1);
  const biasType = ctx.typedef(`bias${i}_t`, biasFixed, `${name} biases`);
  const kernel = ctx.layer.weights?.['kernel'];
  const nOut = kernelShape[kernelShape.length - 1] ?? 0;
  const kernelSize = kernelShape.reduce((a, b) => a * b, 1);
  const weightVar = ctx.constant({
    name: `w${i}`,
    typeName: weightType,
    type: need(p['weight'], ctx, 'weight'),
    values: kernel?.values ?? new Array<number>(kernelSize).fill(0),
    comment: `${name} kernel, shape [${kernelShape.join(', ')}] (${layout})`,
  });
  const bias = ctx.layer.weights?.['bias'];
  const biasVar = ctx.constant({
    name: `b${i}`,
    typeName: biasType,
    type: biasFixed,
    values: bias?.values ?? new Array<number>(nOut).fill(0),
    comment: `${name} bias, shape [${nOut}]${bias ? '' : ' (none in the model: zeros)'}`,
  });
  return { accumType, weightType, biasType, weightVar, biasVar };
}

function need<T>(value: T | undefined, ctx: LayerContext, key: string): T {
  if (value === undefined) {
    throw new SparsePixelsError(
      'SP_HLS_PRECISION',
      `no resolved ${key} precision (the model must go through prepareModel first)`,
      `layer "${ctx.layer.name}"`,
    );
  }
  return value;
}
