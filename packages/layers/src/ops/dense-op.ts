/**
 * Dense layer on [B, In] with a Keras (In x Out) kernel, differentiable: acc = bias + sum of
 * x[i] * w[i][o] (inputs ascending), exact in float64, then the output stage (relu, quantizer).
 */
import type * as tf from '@tensorflow/tfjs';
import { jsOp } from './js-op';
import type { OutputStage } from './output-stage';

export function denseOp(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | undefined, units: number, stage: OutputStage): tf.Tensor {
  const [batch = 0, nIn = 0] = x.shape;
  const inputs = bias ? [x, kernel, bias] : [x, kernel];
  return jsOp(inputs, ([xv, wv, bv]) => {
    const pre = new Float64Array(batch * units);
    const out = new Float32Array(batch * units);
    const acc = new Float64Array(units);
    for (let b = 0; b < batch; b++) {
      if (bv) for (let o = 0; o < units; o++) acc[o] = bv[o]!;
      else acc.fill(0);
      for (let i = 0; i < nIn; i++) {
        const v = xv![b * nIn + i]!;
        if (v === 0) continue;
        const row = i * units;
        for (let o = 0; o < units; o++) acc[o]! += v * wv![row + o]!;
      }
      for (let o = 0; o < units; o++) {
        pre[b * units + o] = acc[o]!;
        out[b * units + o] = stage.apply(acc[o]!);
      }
    }
    return {
      values: out,
      shape: [batch, units],
      backward(dy) {
        const dx = new Float32Array(batch * nIn);
        const dw = new Float64Array(nIn * units);
        const db = new Float64Array(units);
        const g = new Float64Array(units);
        for (let b = 0; b < batch; b++) {
          for (let o = 0; o < units; o++) {
            g[o] = dy[b * units + o]! * stage.grad(pre[b * units + o]!);
            db[o]! += g[o]!;
          }
          for (let i = 0; i < nIn; i++) {
            const v = xv![b * nIn + i]!;
            const row = i * units;
            let s = 0;
            for (let o = 0; o < units; o++) s += wv![row + o]! * g[o]!;
            dx[b * nIn + i] = s;
            if (v !== 0) for (let o = 0; o < units; o++) dw[row + o]! += v * g[o]!; // flattened sparse inputs are mostly 0
          }
        }
        const grads = [dx, Float32Array.from(dw)];
        if (bv) grads.push(Float32Array.from(db));
        return grads;
      },
    };
  });
}
