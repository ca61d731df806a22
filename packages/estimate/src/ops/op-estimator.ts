import type { AttrsOfType, BuiltinOpType } from '@sparsepixels/ir';
import type { LayerFacts } from '../ir-adapter';
import type { Coefficients } from '../coefficients';

/** Which kernels the estimate describes: ours (hls-include/nnet_utils) or the published reference kernels. */
export type KernelFlavour = 'ours' | 'reference';

/** What one layer costs. Cycles are worst case (= best case: the sparse kernels are data independent). */
export interface LayerCost {
  readonly latencyCycles: number;
  readonly ii: number;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  readonly bram18: number;
  /** What the estimate assumed or modelled differently from the measured reference kernels. */
  readonly notes: readonly string[];
}

export interface OpContext {
  readonly kernels: KernelFlavour;
  /** Target clock period in ns. */
  readonly clockPeriod: number;
  readonly coef: Coefficients;
  /** The layers reading this layer's output. */
  readonly consumers: readonly LayerFacts[];
  /** Width of one slot coordinate (hash) in the emitted design. */
  readonly hashBits: number;
  /** Reuse factor and strategy in force for this layer (model default or per-layer override). */
  readonly reuseFactor: number;
  readonly strategy: 'latency' | 'resource';
  /**
   * Width of the data between sparse layers. Ours: each layer's own input type. Reference: the
   * model's data width (the published kernels carry every sparse tensor in the activation type).
   */
  readonly dataBits?: number;
  /** True for io_stream designs (stream interfaces and FIFOs between layers). */
  readonly ioStream: boolean;
}

/** The resolved attributes of op T: typed for a built-in op, a plain record for an outside one. */
export type EstimatorAttrs<T extends string> = T extends BuiltinOpType ? AttrsOfType<T> : Readonly<Record<string, unknown>>;

/**
 * The estimator of one op (one file per op, listed in ops/registry.ts). `readsHash`/`makesHash`
 * describe the slot-coordinate arrays of the reference design (for its FIFO count).
 */
export interface OpEstimator<T extends string = string> {
  readonly op: T;
  /** The op attributes the estimate reads, as facts (the IR adapter copies them into LayerFacts). */
  facts?(attrs: EstimatorAttrs<T>): Partial<LayerFacts>;
  /** Whether the op honours a reuse factor > 1 (others are fully parallel and say so). */
  readonly reuse?: boolean;
  readonly readsHash?: boolean;
  readonly makesHash?: boolean;
  estimate(layer: LayerFacts, ctx: OpContext): LayerCost;
}

export function bitsOf(t: { width: number }): number {
  return t.width;
}

/** Channels of a tensor (last dimension), 1 for vectors. */
export function channels(shape: readonly number[]): number {
  return shape.length >= 3 ? shape[shape.length - 1]! : 1;
}

export function elements(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The cost with every resource rounded to whole units (cycles and counts are integers). */
export function whole(c: LayerCost): LayerCost {
  return {
    ...c,
    latencyCycles: Math.max(0, Math.round(c.latencyCycles)),
    ii: Math.max(1, Math.round(c.ii)),
    lut: Math.max(0, Math.round(c.lut)),
    ff: Math.max(0, Math.round(c.ff)),
    dsp: Math.max(0, Math.round(c.dsp)),
    bram18: Math.max(0, Math.round(c.bram18)),
  };
}
