/** Element-wise output stage (relu and/or quantizer) as a differentiable op with the STE gradient. */
import type * as tf from '@tensorflow/tfjs';
import { jsOp } from './js-op';
import type { OutputStage } from './output-stage';

export function outputStageOp(x: tf.Tensor, stage: OutputStage): tf.Tensor {
  // sparse images are mostly zeros: skip them when the stage maps 0 to 0 (every relu/quantizer)
  const zeroIsFixed = stage.apply(0) === 0;
  const identityGrad = !stage.relu && stage.quantizer?.gradient !== 'relu-window';
  return jsOp([x], ([v]) => {
    const out = new Float32Array(v!.length);
    for (let k = 0; k < out.length; k++) {
      const xk = v![k]!;
      if (xk !== 0 || !zeroIsFixed) out[k] = stage.apply(xk);
    }
    return {
      values: out,
      shape: x.shape,
      backward(dy) {
        if (identityGrad) return [Float32Array.from(dy)];
        const dx = new Float32Array(dy.length);
        for (let k = 0; k < dx.length; k++) dx[k] = dy[k]! * stage.grad(v![k]!);
        return [dx];
      },
    };
  });
}
