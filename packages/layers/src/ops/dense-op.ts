/**
 * Dense layer on [B, In] with a Keras (In x Out) kernel, differentiable: acc = bias + sum of
 * x[i] * w[i][o] (inputs ascending), exact in float64, then the output stage (relu, quantizer).
 */
import type * as tf from '@tensorflow/tfjs';
import { jsOp } from './js-op';
import type { OutputStage } from './output-stage';
import { jsOpStages, type WeightStages } from './weight-stages';

export function denseOp(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | undefined, units: number, stage: OutputStage, weightStages: WeightStages = {}): tf.Tensor {
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
      backward: (dy) => denseBackward({ batch, nIn, units, stage, xv: xv!, wv: wv!, pre, hasBias: bv !== undefined }, dy),
    };
  }, jsOpStages(weightStages));
}

interface DenseState {
  readonly batch: number;
  readonly nIn: number;
  readonly units: number;
  readonly stage: OutputStage;
  readonly xv: Float32Array;
  readonly wv: Float32Array;
  readonly pre: Float64Array;
  readonly hasBias: boolean;
}

/**
 * Gradients for input, kernel and (if any) bias. dx[i] sums w[i][o] * g[o] over o ascending; the
 * loops run o outside and i inside (over a transposed float64 copy of w), so the sums of different i
 * are independent chains with the same additions in the same order. Terms with g[o] = 0 are skipped
 * when every weight is finite: they add +-0 to a sum that is never -0, which changes nothing.
 */
function denseBackward(st: DenseState, dy: Float32Array): Float32Array[] {
  const { batch, nIn, units, stage, xv, wv, pre } = st;
  const dx = new Float32Array(batch * nIn);
  const dw = new Float64Array(nIn * units);
  const db = new Float64Array(units);
  const g = new Float64Array(units);
  const sx = new Float64Array(nIn);
  const wT = new Float64Array(nIn * units);
  let finite = true;
  for (let i = 0; i < nIn; i++) {
    for (let o = 0; o < units; o++) {
      const w = wv[i * units + o]!;
      wT[o * nIn + i] = w;
      finite &&= Number.isFinite(w);
    }
  }
  for (let b = 0; b < batch; b++) {
    for (let o = 0; o < units; o++) {
      g[o] = dy[b * units + o]! * stage.grad(pre[b * units + o]!);
      db[o]! += g[o]!;
    }
    sx.fill(0);
    for (let o = 0; o < units; o++) {
      const go = g[o]!;
      if (go === 0 && finite) continue;
      for (let i = 0, w = o * nIn; i < nIn; i++, w++) sx[i]! += wT[w]! * go;
    }
    dx.set(sx, b * nIn);
    for (let i = 0; i < nIn; i++) {
      const v = xv[b * nIn + i]!;
      if (v === 0) continue; // flattened sparse inputs are mostly 0
      const row = i * units;
      for (let o = 0; o < units; o++) dw[row + o]! += v * g[o]!;
    }
  }
  const grads = [dx, Float32Array.from(dw)];
  if (st.hasBias) grads.push(Float32Array.from(db));
  return grads;
}
