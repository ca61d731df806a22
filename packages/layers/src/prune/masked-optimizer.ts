/**
 * An optimizer wrapper that keeps pruned weights at exactly zero: gradients of pruned entries are
 * zeroed before the wrapped optimizer sees them (so its moments do not grow there), and the masks
 * are written again after every step (momentum from before the pruning could still move them).
 */
import * as tf from '@tensorflow/tfjs';
import type { Pruner } from './pruner';

type Gradients = Parameters<tf.Optimizer['applyGradients']>[0];

export class MaskedOptimizer extends tf.Optimizer {
  static className = 'MaskedOptimizer';

  constructor(
    readonly inner: tf.Optimizer,
    private readonly pruner: Pruner,
  ) {
    super();
  }

  applyGradients(gradients: Gradients): void {
    const named = Array.isArray(gradients)
      ? gradients
      : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    const masked = named.map(({ name, tensor }) => ({
      name,
      tensor: tensor == null ? tensor : this.pruner.maskGradient(name, tensor),
    }));
    try {
      this.inner.applyGradients(masked);
    } finally {
      masked.forEach((m, i) => m.tensor !== named[i]!.tensor && m.tensor?.dispose());
    }
    this.pruner.applyMasks();
    this.incrementIterations();
  }

  override dispose(): void {
    this.inner.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return this.inner.getConfig();
  }
}
