/**
 * Adam in one JavaScript loop per variable: the same float32 arithmetic as TensorFlow.js'
 * AdamOptimizer (every product, sum, quotient and square root rounded to float32 in the same order,
 * the same float32 constants), so the weights after each step are bit-identical to tf.train.adam's
 * on the cpu backend; but one tensor per variable and step instead of about 15 small tf ops, which
 * dominate the step time of these models' few small variables. The moments live in Float32Arrays
 * (this optimizer has no getWeights/setWeights state for checkpoints; fit does not need them).
 */
import { SparsePixelsError } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';

const f32 = Math.fround;

interface Moments {
  readonly m: Float32Array;
  readonly v: Float32Array;
}

type Gradients = Parameters<tf.Optimizer['applyGradients']>[0];

export class FusedAdam extends tf.Optimizer {
  static className = 'FusedAdam';
  private readonly moments = new Map<string, Moments>();
  // tfjs' float32 scalars: beta, 1 - beta, -learningRate, epsilon, and the running beta^t
  private readonly b1: number;
  private readonly b2: number;
  private readonly oneMinusB1: number;
  private readonly oneMinusB2: number;
  private readonly negLr: number;
  private readonly eps: number;
  private acc1: number;
  private acc2: number;

  constructor(
    readonly learningRate = 1e-3,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    epsilon?: number,
  ) {
    super();
    [this.b1, this.b2] = [f32(beta1), f32(beta2)];
    [this.oneMinusB1, this.oneMinusB2] = [f32(1 - beta1), f32(1 - beta2)];
    this.negLr = f32(-learningRate);
    this.eps = f32(epsilon ?? tf.backend().epsilon());
    [this.acc1, this.acc2] = [this.b1, this.b2];
  }

  applyGradients(gradients: Gradients): void {
    const named = Array.isArray(gradients) ? gradients.map((g) => [g.name, g.tensor] as const) : Object.entries(gradients);
    const c1 = f32(1 - this.acc1);
    const c2 = f32(1 - this.acc2);
    for (const [name, grad] of named) {
      if (grad == null) continue;
      const variable = tf.engine().registeredVariables[name];
      if (!variable) throw new SparsePixelsError('SP_TRAIN', `FusedAdam: gradient for unknown variable "${name}"; allowed the registered variables`);
      const next = this.step(name, grad.dataSync() as Float32Array, variable.dataSync() as Float32Array, c1, c2);
      tf.tidy(() => variable.assign(tf.tensor(next, variable.shape, 'float32')));
    }
    this.acc1 = f32(this.acc1 * this.b1);
    this.acc2 = f32(this.acc2 * this.b2);
    this.incrementIterations();
  }

  /** New values of one variable; updates its moments in place. */
  private step(name: string, g: Float32Array, w: Float32Array, c1: number, c2: number): Float32Array {
    let mo = this.moments.get(name);
    if (!mo) this.moments.set(name, (mo = { m: new Float32Array(g.length), v: new Float32Array(g.length) }));
    const { m, v } = mo;
    const { b1, b2, oneMinusB1, oneMinusB2, negLr, eps } = this;
    const out = new Float32Array(w.length);
    for (let i = 0; i < g.length; i++) {
      const gi = g[i]!;
      // m = m*b1 + g*(1-b1); v = v*b2 + g^2*(1-b2); w = (m/c1) / (sqrt(v/c2) + eps) * -lr + w
      const mi = (m[i] = f32(f32(m[i]! * b1) + f32(gi * oneMinusB1)));
      const vi = (v[i] = f32(f32(v[i]! * b2) + f32(f32(gi * gi) * oneMinusB2)));
      const den = f32(f32(Math.sqrt(f32(vi / c2))) + eps);
      out[i] = f32(f32(f32(f32(mi / c1) / den) * negLr) + w[i]!);
    }
    return out;
  }

  override dispose(): void {
    this.moments.clear();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.eps };
  }
}
