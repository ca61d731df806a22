/**
 * Finite-difference gradient checks for tests. TensorFlow.js has no float64, so the loss
 * L = sum(out * R) (R fixed random) is summed in float64 from the float32 outputs, and central
 * differences use the actually representable perturbed float32 values. Our kernels are piecewise
 * linear, so with a step that crosses no kink the difference quotient is exact up to the float32
 * rounding of the outputs: the tolerance below (relative 2e-3 of the gradient scale) is ample for
 * that and still fails for any wrong term.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '@sparsepixels/ir/testing';

export interface GradCheckResult {
  readonly checked: number;
  readonly maxError: number;
  readonly scale: number;
}

export interface GradCheckOptions {
  h?: number;
  samples?: number;
  seed?: number;
  /** Elements not to perturb, e.g. zero features of inactive slots (activity is a step there). */
  skipZeros?: readonly tf.Variable[];
}

export function checkGradients(f: () => tf.Tensor, vars: tf.Variable[], opts: GradCheckOptions = {}): GradCheckResult {
  const h = opts.h ?? 1e-2;
  const rng = createRng(opts.seed ?? 7);
  const out0 = tf.tidy(f);
  const r = Float64Array.from({ length: out0.size }, () => rng.uniform(-1, 1));
  const rT = tf.tensor(Float32Array.from(r), out0.shape);
  out0.dispose();
  const loss = () => {
    const y = tf.tidy(f);
    const d = y.dataSync();
    let s = 0;
    for (let k = 0; k < d.length; k++) s += d[k]! * r[k]!;
    y.dispose();
    return s;
  };
  const { grads } = tf.variableGrads(() => tf.sum(tf.mul(f(), rT)) as tf.Scalar, vars);
  let maxError = 0;
  let scale = 1e-3;
  let checked = 0;
  for (const v of vars) {
    const g = grads[v.name]!.dataSync();
    const x = Float32Array.from(v.dataSync());
    const eligible = Array.from({ length: x.length }, (_, i) => i).filter((i) => !(opts.skipZeros?.includes(v) && x[i] === 0));
    const n = opts.samples ?? 40;
    const picks = eligible.length <= n ? eligible : Array.from({ length: n }, () => eligible[rng.int(0, eligible.length - 1)]!);
    for (const k of picks) {
      const orig = x[k]!;
      const xp = Math.fround(orig + h);
      const xm = Math.fround(orig - h);
      x[k] = xp;
      v.assign(tf.tensor(x, v.shape));
      const lp = loss();
      x[k] = xm;
      v.assign(tf.tensor(x, v.shape));
      const lm = loss();
      x[k] = orig;
      v.assign(tf.tensor(x, v.shape));
      const num = (lp - lm) / (xp - xm);
      maxError = Math.max(maxError, Math.abs(num - g[k]!));
      scale = Math.max(scale, Math.abs(g[k]!));
      checked++;
    }
  }
  tf.dispose([rT, ...Object.values(grads)]);
  return { checked, maxError, scale };
}
