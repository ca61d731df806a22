/**
 * Sparse pooling on a batch of slot tensors (docs/semantics.md#sparse-pooling2d), differentiable. Each owning slot gets, per
 * channel, the sum (avg: times r*r, r = floor(2^F/P)/2^F, exact in float64) or the maximum of the
 * values gathered from its cell (itself first, then later valid slots; invalid ones take no part);
 * other slots give 0. The output stage (an optional quantizer) sees the exact value.
 */
import type { PoolMode } from '@sparsepixels/core';
import { reciprocalSquared } from './pool-reciprocal';
import type * as tf from '@tensorflow/tfjs';
import { jsOp } from './js-op';
import type { OutputStage } from './output-stage';
import type { PoolLayout } from './sparse-pool-layout';

export function sparsePool2dOp(
  x: tf.Tensor,
  layout: PoolLayout,
  shape: { batch: number; nMax: number; c: number; p: number; mode: PoolMode; reciprocalBits: number },
  stage: OutputStage,
): tf.Tensor {
  const { batch, nMax, c, mode } = shape;
  const rr = reciprocalSquared(shape.p, shape.reciprocalBits);
  return jsOp([x], ([xv]) => {
    const slots = batch * nMax;
    const pre = new Float64Array(slots * c);
    const arg = new Int32Array(slots * c).fill(-1); // max: the slot that supplied the maximum
    const out = new Float32Array(slots * c);
    for (let s = 0; s < slots; s++) {
      const own = layout.owner[s]!;
      if (own < 0) continue;
      for (let ch = 0; ch < c; ch++) {
        const o = own * c + ch;
        const v = xv![s * c + ch]!;
        if (mode === 'avg') pre[o]! += v;
        else if (arg[o]! < 0 || v > pre[o]!) {
          pre[o] = v;
          arg[o] = s;
        }
      }
    }
    for (let o = 0; o < slots * c; o++) {
      if (mode === 'avg') pre[o]! *= rr;
      out[o] = stage.apply(pre[o]!);
    }
    return {
      values: out,
      shape: [batch, nMax, c],
      backward(dy) {
        const dx = new Float32Array(slots * c);
        for (let s = 0; s < slots; s++) {
          const own = layout.owner[s]!;
          if (own < 0) continue;
          for (let ch = 0; ch < c; ch++) {
            const o = own * c + ch;
            const g = dy[o]! * stage.grad(pre[o]!);
            if (mode === 'avg') dx[s * c + ch] = g * rr;
            else if (arg[o] === s) dx[s * c + ch] = g;
          }
        }
        return [dx];
      },
    };
  });
}
