/** Element-wise output stage (relu and/or quantizer) as a differentiable op with the STE gradient. */
import type * as tf from '@tensorflow/tfjs';
import { jsOp } from './js-op';
import type { OutputStage } from './output-stage';

export function outputStageOp(x: tf.Tensor, stage: OutputStage): tf.Tensor {
  return jsOp([x], (v) => ({ values: v[0]!, shape: x.shape, backward: (dy) => [dy] }), [stage]);
}
