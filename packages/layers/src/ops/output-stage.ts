/**
 * What a layer does to its exact float64 result before storing it: an optional relu and an optional
 * quantizer (fused, so the quantizer sees the exact value, as the firmware's cast does), and the
 * straight-through gradient of that stage.
 */
import type { Quantizer } from '../quantizers/quantizer';

export type ActivationName = 'relu' | 'linear';

export interface OutputStage {
  readonly relu: boolean;
  readonly quantizer: Quantizer | undefined;
  /** True when the stage leaves values and gradients unchanged. */
  readonly identity: boolean;
  apply(v: number): number;
  grad(v: number): number;
}

export function outputStage(activation: ActivationName | undefined, quantizer: Quantizer | undefined): OutputStage {
  const relu = activation === 'relu' || quantizer?.activation === 'relu';
  const q = quantizer;
  const apply = q
    ? (v: number) => q.quantize(relu && v < 0 ? 0 : v)
    : relu
      ? (v: number) => (v > 0 ? v : 0)
      : (v: number) => v;
  const grad =
    q && q.gradient === 'relu-window'
      ? (v: number) => q.gradMask(v)
      : relu
        ? (v: number) => (v > 0 ? 1 : 0)
        : () => 1;
  return { relu, quantizer: q, identity: !relu && !q, apply, grad };
}
