/**
 * Every fitted law of the estimator, with the structural parameters it is written in. Parameters
 * come from the IR (ir-adapter.ts, ops/*.ts) when estimating and from the sweep tables
 * (fit/sweep-rows.ts) when fitting.
 */
import type { LawSpec } from './law';

/** InputReduce: an H*W image searched for N active pixels (C channels copied per kept pixel). */
export interface ReduceParams {
  readonly hw: number;
  readonly n: number;
  readonly c: number;
  readonly bits: number;
  /** Bits per pixel of the working copy the search clears (reference: the value; ours: a flag). */
  readonly copyBits: number;
}

/** SparseConv2D on N slots: N^2 pixel pairs, C*F multiply-accumulates per pair. */
export interface ConvParams {
  readonly n: number;
  readonly c: number;
  readonly f: number;
  readonly k: number;
  readonly bits: number;
  readonly wbits: number;
  readonly accBits: number;
  /** Multipliers mapped to DSP slices (the rest are LUT multipliers). */
  readonly dsp: number;
  /**
   * Products per slot pair when it is not C*F: our kernels multiply only in weight columns (c, f)
   * with a non-zero weight (SparseConv2D), or only by the non-zero weights (Conv2D, per pixel).
   */
  readonly products?: number;
}

export interface PoolParams {
  readonly n: number;
  readonly c: number;
  readonly p: number;
  readonly bits: number;
}

export interface FlattenParams {
  readonly n: number;
  readonly c: number;
  /** Flattened size H*W*C. */
  readonly out: number;
  readonly bits: number;
}

export interface EltParams {
  readonly n: number;
  readonly c: number;
  readonly bits: number;
}

/** Dense after flatten: n_in x n_out, `nnz` non-zero weights (a multiply-accumulate each). */
export interface DenseParams {
  readonly nIn: number;
  readonly nOut: number;
  readonly nnz: number;
  readonly accBits: number;
  readonly lutMults: number;
  readonly bits: number;
  readonly wbits: number;
}

const macs = (p: ConvParams) => p.n * p.n * (p.products ?? p.c * p.f);

export const REDUCE_LUT: LawSpec<ReduceParams> = {
  name: 'InputReduce.lut',
  features: ['hw*bits', 'hw*bits^2', 'n*c*bits'],
  compute: (p) => [p.hw * p.bits, p.hw * p.bits * p.bits, p.n * p.c * p.bits],
};
export const REDUCE_FF: LawSpec<ReduceParams> = {
  name: 'InputReduce.ff',
  features: ['hw*copyBits', 'hw', 'n*c*bits', 'n'],
  compute: (p) => [p.hw * p.copyBits, p.hw, p.n * p.c * p.bits, p.n],
};

export const CONV_LUT: LawSpec<ConvParams> = {
  name: 'SparseConv2D.lut',
  features: ['n^2', 'n^2*f*accBits', 'macs*accBits', 'lutMults*bits*wbits/8', 'macs*[k>3]'],
  compute: (p) => [
    p.n * p.n,
    p.n * p.n * p.f * p.accBits,
    macs(p) * p.accBits,
    ((macs(p) - p.dsp) * p.bits * p.wbits) / 8,
    macs(p) * (p.k > 3 ? 1 : 0),
  ],
};
export const CONV_FF: LawSpec<ConvParams> = {
  name: 'SparseConv2D.ff',
  features: ['n^2', 'n^2*f*accBits', 'macs*accBits', 'lutMults*bits'],
  compute: (p) => [p.n * p.n, p.n * p.n * p.f * p.accBits, macs(p) * p.accBits, (macs(p) - p.dsp) * p.bits],
};
/** Extra cost of a rounding, saturating accumulation (every partial sum is rounded and clipped). */
export const CONV_SAT_LUT: LawSpec<ConvParams> = {
  name: 'SparseConv2D.satLut',
  features: ['macs*accBits', 'lutMults*bits*wbits/8'],
  compute: (p) => [macs(p) * p.accBits, ((macs(p) - p.dsp) * p.bits * p.wbits) / 8],
};
export const CONV_SAT_FF: LawSpec<ConvParams> = {
  name: 'SparseConv2D.satFf',
  features: ['macs*accBits'],
  compute: (p) => [macs(p) * p.accBits],
};
/** Block RAM copies of the weight ROM (Vivado maps the K*K*C*F-word ROM to BRAM when it is big). */
export const CONV_BRAM: LawSpec<ConvParams> = {
  name: 'SparseConv2D.bram18',
  features: ['n^2*[K*K*C*F>=75]'],
  compute: (p) => [p.n * p.n * (p.k * p.k * p.c * p.f >= 75 ? 1 : 0)],
};
/** Cycles of a wrap-around (re-associable) accumulation. */
export const CONV_LATENCY: LawSpec<ConvParams> = {
  name: 'SparseConv2D.latency',
  features: ['1', 'c', '[n>=25]'],
  compute: (p) => [1, p.c, p.n >= 25 ? 1 : 0],
};

export const POOL_LUT: LawSpec<PoolParams> = {
  name: 'SparsePooling2D.lut',
  features: ['n^2', 'n^2*c*bits'],
  compute: (p) => [p.n * p.n, p.n * p.n * p.c * p.bits],
};
export const POOL_FF: LawSpec<PoolParams> = {
  name: 'SparsePooling2D.ff',
  features: ['n^2', 'n^2*c*bits'],
  compute: (p) => [p.n * p.n, p.n * p.n * p.c * p.bits],
};
export const POOL_LATENCY: LawSpec<PoolParams> = {
  name: 'SparsePooling2D.latency',
  features: ['ceil(n/3)'],
  compute: (p) => [Math.ceil(p.n / 3)],
};

export const FLATTEN_LUT: LawSpec<FlattenParams> = {
  name: 'SparseFlatten.lut',
  features: ['out*bits', 'n*bits', '1'],
  compute: (p) => [p.out * p.bits, p.n * p.bits, 1],
};
export const FLATTEN_FF: LawSpec<FlattenParams> = {
  name: 'SparseFlatten.ff',
  features: ['out*bits', 'n*bits'],
  compute: (p) => [p.out * p.bits, p.n * p.bits],
};
export const FLATTEN_LATENCY: LawSpec<FlattenParams> = {
  name: 'SparseFlatten.latency',
  features: ['ceil(n/4)', '1'],
  compute: (p) => [Math.ceil(p.n / 4), 1],
};

export const RELU_LUT: LawSpec<EltParams> = {
  name: 'SparseActivation.lut',
  features: ['n*c*bits'],
  compute: (p) => [p.n * p.c * p.bits],
};
export const RELU_FF: LawSpec<EltParams> = {
  name: 'SparseActivation.ff',
  features: ['n*c*bits'],
  compute: (p) => [p.n * p.c * p.bits],
};

export const DENSE_LUT: LawSpec<DenseParams> = {
  name: 'Dense.lut',
  features: ['nnz*accBits', 'nnz*wbits'],
  compute: (p) => [p.nnz * p.accBits, p.nnz * p.wbits],
};
export const DENSE_FF: LawSpec<DenseParams> = {
  name: 'Dense.ff',
  features: ['nnz*accBits'],
  compute: (p) => [p.nnz * p.accBits],
};

/** Published model pools (P = 4, 7) cost more than the P = 2 sweep: their accumulator is log2(P^2) bits wider. */
export const POOL_WIDE_LUT: LawSpec<PoolParams> = {
  name: 'SparsePooling2D.wideLut',
  features: ['n^2*c*(log2(p^2)-2)'],
  compute: (p) => [p.n * p.n * p.c * Math.max(0, Math.ceil(Math.log2(p.p * p.p)) - 2)],
};

/** Every law the fitting script must produce coefficients for. */
export const ALL_LAWS: readonly LawSpec<never>[] = [
  REDUCE_LUT,
  REDUCE_FF,
  CONV_LUT,
  CONV_FF,
  CONV_SAT_LUT,
  CONV_SAT_FF,
  CONV_BRAM,
  CONV_LATENCY,
  POOL_LUT,
  POOL_FF,
  POOL_LATENCY,
  POOL_WIDE_LUT,
  FLATTEN_LUT,
  FLATTEN_FF,
  FLATTEN_LATENCY,
  RELU_LUT,
  RELU_FF,
  DENSE_LUT,
  DENSE_FF,
] as readonly LawSpec<never>[];
