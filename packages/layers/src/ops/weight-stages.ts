/**
 * Weight quantizers applied inside a layer's op (see jsOp's inputStages) instead of as separate
 * tf ops: same quantized values, same straight-through gradients, two tape nodes fewer per layer.
 */
import type { OutputStage } from './output-stage';

export interface WeightStages {
  readonly kernel?: OutputStage;
  readonly bias?: OutputStage;
}

/** jsOp input stages for the inputs [x, kernel, bias]. */
export function jsOpStages(w: WeightStages): (OutputStage | undefined)[] {
  return [undefined, w.kernel, w.bias];
}
