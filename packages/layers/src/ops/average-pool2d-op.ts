/**
 * Standard average pooling, stride P, 'valid', on [B, H, W, C] (baseline CNN), differentiable:
 * avg = (window sum) * r * r with r = floor(2^F/P)/2^F as in the firmware (docs/semantics.md), exact in
 * float64, then the output stage (an optional quantizer).
 */
import { reciprocalSquared } from './pool-reciprocal';
import type * as tf from '@tensorflow/tfjs';
import { jsOp } from './js-op';
import type { OutputStage } from './output-stage';

export function averagePool2dOp(
  x: tf.Tensor,
  g: { batch: number; h: number; w: number; c: number; p: number; reciprocalBits: number },
  stage: OutputStage,
): tf.Tensor {
  const { batch, h, w, c, p, reciprocalBits } = g;
  const ho = Math.floor(h / p);
  const wo = Math.floor(w / p);
  const rr = reciprocalSquared(p, reciprocalBits);
  const outSize = ho * wo * c;
  /** Input index of (event b, output cell oy/ox, tap ky/kx, channel ch). */
  const at = (b: number, oy: number, ox: number, ky: number, kx: number, ch: number) =>
    ((b * h + oy * p + ky) * w + ox * p + kx) * c + ch;
  return jsOp([x], ([xv]) => {
    const pre = new Float64Array(batch * outSize);
    const out = new Float32Array(batch * outSize);
    for (let b = 0; b < batch; b++) {
      for (let oy = 0; oy < ho; oy++) {
        for (let ox = 0; ox < wo; ox++) {
          for (let ch = 0; ch < c; ch++) {
            let s = 0;
            for (let ky = 0; ky < p; ky++) for (let kx = 0; kx < p; kx++) s += xv![at(b, oy, ox, ky, kx, ch)]!;
            const o = b * outSize + (oy * wo + ox) * c + ch;
            pre[o] = s * rr;
            out[o] = stage.apply(pre[o]!);
          }
        }
      }
    }
    return {
      values: out,
      shape: [batch, ho, wo, c],
      backward(dy) {
        const dx = new Float32Array(xv!.length);
        for (let b = 0; b < batch; b++) {
          for (let oy = 0; oy < ho; oy++) {
            for (let ox = 0; ox < wo; ox++) {
              for (let ch = 0; ch < c; ch++) {
                const o = b * outSize + (oy * wo + ox) * c + ch;
                const gv = dy[o]! * stage.grad(pre[o]!) * rr;
                for (let ky = 0; ky < p; ky++) for (let kx = 0; kx < p; kx++) dx[at(b, oy, ox, ky, kx, ch)] = gv;
              }
            }
          }
        }
        return [dx];
      },
    };
  });
}
