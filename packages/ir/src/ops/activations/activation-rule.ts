import type { PrecisionContext, ResolvedPrecision } from '../op-def';

/**
 * The IR side of one activation function: which precisions it takes and how 'auto' resolves. The
 * kernels themselves are core's activation registry (getActivation), looked up by the same name.
 */
export interface ActivationRule<N extends string = string> {
  readonly name: N;
  /** Precision keys it uses besides result. */
  readonly precisions: readonly ('table' | 'accum')[];
  /** Reads `tableSize`. */
  readonly usesTables: boolean;
  /** Normalises over a row, so the dense op needs a 1-D input (softmax). */
  readonly needsVector: boolean;
  /** `rowLength`: values normalised together (softmax: a vector, or one slot's channels). */
  inferPrecision(ctx: PrecisionContext, rowLength: number): ResolvedPrecision | undefined;
}
