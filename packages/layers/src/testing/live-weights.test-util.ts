/**
 * Glorot initial weights leave the small 8-bit paper networks nearly silent after the 1/P^2
 * pooling (a constant output would make comparisons trivial), so tests start from larger, mostly
 * positive random weights: conv kernels uniform in (-0.3, 1), dense kernels in (-0.5, 0.5),
 * biases in (-0.25, 0.25) (the quantizers put them on their grids).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '@sparsepixels/ir/testing';

export function liveWeights(model: tf.LayersModel, seed: number): void {
  const rng = createRng(seed);
  const draw = (rank: number) => (rank === 1 ? rng.uniform(-0.25, 0.25) : rank === 2 ? rng.uniform(-0.5, 0.5) : rng.uniform(-0.3, 1));
  model.setWeights(model.getWeights().map((w) => tf.tensor(Float32Array.from({ length: w.size }, () => draw(w.rank)), w.shape)));
}
