/**
 * Submanifold sparse convolution on a batch of slot tensors (SPEC §4.2), differentiable:
 * for an active output slot i and filter f, acc = sum over neighbours j (ascending) and channels c
 * of w[tap(i, j)][c][f] * x[j][c] in float64; bias is added only if acc != 0; inactive slots give 0;
 * the output stage (relu, quantizer) is applied to that exact value. Cost per event is
 * N * neighbours * Cin * Cout, never H * W.
 */
import type * as tf from '@tensorflow/tfjs';
import { jsOp } from './js-op';
import type { OutputStage } from './output-stage';
import { jsOpStages, type WeightStages } from './weight-stages';
import { buildNeighbours, slotActivity, type Neighbours } from './sparse-neighbours';

export interface SparseConvGeometry {
  readonly batch: number;
  readonly nMax: number;
  readonly cin: number;
  readonly cout: number;
  readonly k: number;
}

export function sparseConv2dOp(
  x: tf.Tensor,
  hash: Int32Array,
  kernel: tf.Tensor,
  bias: tf.Tensor | undefined,
  g: SparseConvGeometry,
  stage: OutputStage,
  weightStages: WeightStages = {},
): tf.Tensor {
  const inputs = bias ? [x, kernel, bias] : [x, kernel];
  const staged = jsOpStages(weightStages);
  return jsOp(inputs, ([xv, wv, bv]) => {
    const { batch, nMax, cin, cout } = g;
    const nb = buildNeighbours(hash, batch, nMax, g.k);
    const active = slotActivity(xv!, batch * nMax, cin);
    const pre = new Float64Array(batch * nMax * cout);
    const biased = new Uint8Array(batch * nMax * cout);
    const out = new Float32Array(batch * nMax * cout);
    const acc = new Float64Array(cout);
    for (let s = 0; s < batch * nMax; s++) {
      if (!active[s]) continue;
      acc.fill(0);
      for (let e = nb.start[s]!; e < nb.start[s + 1]!; e++) {
        const j = nb.slot[e]!;
        const wRow = nb.tap[e]! * cin;
        for (let c = 0; c < cin; c++) {
          const v = xv![j * cin + c]!;
          if (v === 0) continue;
          const w0 = (wRow + c) * cout;
          for (let f = 0; f < cout; f++) acc[f]! += wv![w0 + f]! * v;
        }
      }
      for (let f = 0; f < cout; f++) {
        const o = s * cout + f;
        const a = acc[f]!;
        const hasBias = bv !== undefined && a !== 0;
        pre[o] = hasBias ? a + bv[f]! : a;
        biased[o] = hasBias ? 1 : 0;
        out[o] = stage.apply(pre[o]!);
      }
    }
    return {
      values: out,
      shape: [batch, nMax, cout],
      backward: (dy) => sparseConvBackward({ g, nb, active, pre, biased, stage, xv: xv!, wv: wv!, hasBias: bv !== undefined }, dy),
    };
  }, staged);
}

interface ForwardState {
  readonly g: SparseConvGeometry;
  readonly nb: Neighbours;
  readonly active: Uint8Array;
  /** Pre-activation values (acc, plus bias where acc != 0). */
  readonly pre: Float64Array;
  /** 1 where the bias was added. */
  readonly biased: Uint8Array;
  readonly stage: OutputStage;
  readonly xv: Float32Array;
  readonly wv: Float32Array;
  readonly hasBias: boolean;
}

/** Gradients for features, kernel and (if any) bias, through the same neighbour lists. */
function sparseConvBackward(st: ForwardState, dy: Float32Array): Float32Array[] {
  const { g, nb, active, pre, biased, stage, xv, wv } = st;
  const { batch, nMax, cin, cout } = g;
  const dx = new Float32Array(xv.length);
  const dw = new Float64Array(wv.length);
  const db = new Float64Array(cout);
  const gs = new Float64Array(cout);
  for (let s = 0; s < batch * nMax; s++) {
    if (!active[s]) continue;
    for (let f = 0; f < cout; f++) {
      const o = s * cout + f;
      gs[f] = dy[o]! * stage.grad(pre[o]!);
      if (biased[o]) db[f]! += gs[f]!;
    }
    for (let e = nb.start[s]!; e < nb.start[s + 1]!; e++) {
      const j = nb.slot[e]!;
      const wRow = nb.tap[e]! * cin;
      for (let c = 0; c < cin; c++) {
        const v = xv[j * cin + c]!;
        const w0 = (wRow + c) * cout;
        let sx = 0;
        for (let f = 0; f < cout; f++) {
          sx += wv[w0 + f]! * gs[f]!;
          dw[w0 + f]! += gs[f]! * v;
        }
        dx[j * cin + c]! += sx;
      }
    }
  }
  const grads = [dx, Float32Array.from(dw)];
  if (st.hasBias) grads.push(Float32Array.from(db));
  return grads;
}
