/**
 * SparseFlatten on a batch (docs/semantics.md#sparse-flatten): a zero H*W*C vector per event, (h, w, c) order; for slots
 * in order each non-zero feature is written at its pixel (a later slot overwrites an earlier one).
 * The gradient of an output element goes to the slot that wrote it (or, where every candidate
 * is zero, to the last slot at that pixel: a small change of it would be written).
 */
import type * as tf from '@tensorflow/tfjs';
import { jsOp } from './js-op';

export function sparseFlattenOp(
  x: tf.Tensor,
  hash: Int32Array,
  shape: { batch: number; nMax: number; c: number; h: number; w: number },
): tf.Tensor {
  const { batch, nMax, c, h, w } = shape;
  const size = h * w * c;
  return jsOp([x], ([xv]) => {
    const out = new Float32Array(batch * size);
    const writer = new Int32Array(batch * size).fill(-1);
    for (let b = 0; b < batch; b++) {
      for (let s = b * nMax; s < (b + 1) * nMax; s++) {
        const hh = hash[2 * s]! - 1;
        const ww = hash[2 * s + 1]! - 1;
        if (hh < 0 || hh >= h || ww < 0 || ww >= w) continue; // only zero (dropped) slots lie outside
        for (let ch = 0; ch < c; ch++) {
          const v = xv![s * c + ch]!;
          const o = b * size + (hh * w + ww) * c + ch;
          if (v === 0 && out[o] !== 0) continue;
          out[o] = v;
          writer[o] = s * c + ch;
        }
      }
    }
    return {
      values: out,
      shape: [batch, size],
      backward(dy) {
        const dx = new Float32Array(batch * nMax * c);
        for (let o = 0; o < writer.length; o++) if (writer[o]! >= 0) dx[writer[o]!] = dy[o]!;
        return [dx];
      },
    };
  });
}
