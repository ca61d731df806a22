import { parseType } from '@sparsepixels/core';
import type { Activity, LayerIR, ModelIR } from '../model';
import { createRng, type Rng } from './prng';
import { randomGridValues } from './random-grid-values';

export type PaperDataset = 'neutrino' | 'jet' | 'mnist';
type Stage = { readonly conv: readonly [k: number, filters: number] } | { readonly pool: number };

interface Architecture {
  readonly size: number;
  readonly threshold: number;
  readonly stages: readonly Stage[];
  readonly hidden: number;
  readonly classes: number;
  /** QKeras `integer` of the 8-bit quantizers (docs/paper-models.md#quantization). */
  readonly int8: number;
}

/** docs/paper-models.md#architectures. */
const ARCHITECTURES: Readonly<Record<PaperDataset, Architecture>> = {
  neutrino: { size: 63, threshold: 0, stages: [{ conv: [7, 1] }, { conv: [7, 3] }, { pool: 7 }], hidden: 16, classes: 1, int8: 2 },
  jet: { size: 56, threshold: 0, stages: [{ conv: [9, 3] }, { conv: [9, 1] }, { pool: 4 }], hidden: 20, classes: 5, int8: 4 },
  mnist: { size: 48, threshold: 0.4, stages: [{ conv: [7, 1] }, { pool: 4 }, { conv: [5, 3] }, { pool: 2 }], hidden: 36, classes: 10, int8: 0 },
};

/** The paper's pixel budgets for sparse-t/s/m/l. */
export const PAPER_N_MAX = Object.freeze({ t: 8, s: 12, m: 16, l: 20 });

export interface PaperModelOptions {
  readonly dataset: PaperDataset;
  /** 'sparse' (InputReduce + sparse layers) or 'standard' (the dense CNN of the same base architecture). */
  readonly variant: 'sparse' | 'standard';
  /** Pixel budget; default 16 (sparse-m). Ignored by 'standard'. */
  readonly nMax?: number;
  readonly bits?: 8 | 16;
  /** Seed of the random on-grid weights. */
  readonly seed?: number;
  readonly name?: string;
  /**
   * Activity rule (docs/semantics.md); default 'nonzero', with the v1 10-bit pooling reciprocal, so
   * the fixtures keep the bits they had as version-1 documents. 'mask' leaves the reciprocal to
   * precision inference.
   */
  readonly activity?: Activity;
}

/** QKeras mapping (docs/semantics.md#quantizers): quantized_bits(b,i) -> ap_fixed<b,i+1>; quantized_relu(b,i) -> ap_ufixed<b,i,RND_CONV,SAT>. */
function paperTypes(arch: Architecture, bits: 8 | 16) {
  const i = bits === 8 ? arch.int8 : 6;
  return {
    input: bits === 8 ? 'ap_ufixed<8,1>' : 'ap_fixed<16,6>',
    weight: `ap_fixed<${bits},${i + 1}>`,
    relu: `ap_ufixed<${bits},${i},AP_RND_CONV,AP_SAT>`,
  };
}

type Types = ReturnType<typeof paperTypes>;

/** Precisions and random on-grid weights of a conv or dense layer. */
function mac(rng: Rng, t: Types, kernel: number[], units: number): Pick<LayerIR, 'precision' | 'weights'> {
  const n = kernel.reduce((a, b) => a * b, 1);
  return {
    precision: { weight: t.weight, bias: t.weight, accum: 'auto', result: 'auto' },
    weights: {
      // skewed positive (negative : positive = 1 : 2) so that random ReLU networks keep activity
      kernel: { shape: kernel, values: randomGridValues(rng, n, parseType(t.weight), 0.25, 0.5) },
      bias: { shape: [units], values: randomGridValues(rng, units, parseType(t.weight), 0.05) },
    },
  };
}

/** Conv/pool stages of either variant (sparse ops or the standard baseline ops). */
function stageLayers(arch: Architecture, sparse: boolean, t: Types, rng: Rng, first: string, v1Pool: boolean): LayerIR[] {
  const layers: LayerIR[] = [];
  let prev = first;
  let c = 1;
  let nc = 0;
  let np = 0;
  for (const s of arch.stages) {
    if ('conv' in s) {
      const [k, f] = s.conv;
      const name = `conv${++nc}`;
      const attrs = { filters: f, kernelSize: k };
      layers.push({ name, op: sparse ? 'SparseConv2D' : 'Conv2D', inputs: [prev], attrs, ...mac(rng, t, [k, k, c, f], f) });
      const act = sparse ? 'SparseActivation' : 'Activation';
      layers.push({ name: `relu${nc}`, op: act, inputs: [name], attrs: { activation: 'relu' }, precision: { result: t.relu } });
      prev = `relu${nc}`;
      c = f;
    } else {
      const name = `pool${++np}`;
      const r = v1Pool ? { reciprocalBits: 10 } : {};
      layers.push(
        sparse
          ? { name, op: 'SparsePooling2D', inputs: [prev], attrs: { poolSize: s.pool, mode: 'avg', ...r } }
          : { name, op: 'AveragePooling2D', inputs: [prev], attrs: { poolSize: s.pool, ...r } },
      );
      prev = name;
    }
  }
  return layers;
}

/** Flattened size after the stages. */
function flatSize(arch: Architecture): number {
  let s = arch.size;
  let c = 1;
  for (const st of arch.stages) {
    if ('conv' in st) c = st.conv[1];
    else s = Math.floor(s / st.pool);
  }
  return s * s * c;
}

/**
 * One of the paper's models (neutrino 63x63, jet 56x56, sparse MNIST 48x48) with random weights on
 * the grid of the paper's 8- or 16-bit types; accumulators and conv/dense results 'auto'.
 */
export function buildPaperModel(o: PaperModelOptions): ModelIR {
  const arch = ARCHITECTURES[o.dataset];
  const t = paperTypes(arch, o.bits ?? 8);
  const rng = createRng(o.seed ?? 1);
  const sparse = o.variant === 'sparse';
  const nMax = o.nMax ?? PAPER_N_MAX.m;
  const layers: LayerIR[] = [];
  if (sparse) layers.push({ name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax, threshold: arch.threshold } });
  const activity = o.activity ?? 'nonzero';
  layers.push(...stageLayers(arch, sparse, t, rng, sparse ? 'reduce' : 'x_in', activity === 'nonzero'));
  layers.push({ name: 'flatten', op: sparse ? 'SparseFlatten' : 'Flatten', inputs: [layers[layers.length - 1]!.name] });
  const n = flatSize(arch);
  layers.push({ name: 'fc1', op: 'Dense', inputs: ['flatten'], attrs: { units: arch.hidden }, ...mac(rng, t, [n, arch.hidden], arch.hidden) });
  layers.push({ name: 'relu_fc1', op: 'Activation', inputs: ['fc1'], attrs: { activation: 'relu' }, precision: { result: t.relu } });
  layers.push({ name: 'fc2', op: 'Dense', inputs: ['relu_fc1'], attrs: { units: arch.classes }, ...mac(rng, t, [arch.hidden, arch.classes], arch.classes) });
  const head = arch.classes === 1 ? 'sigmoid' : 'softmax';
  layers.push({ name: 'out', op: 'Activation', inputs: ['fc2'], attrs: { activation: head, tableSize: 1024 } });
  const variant = sparse ? `sparse_n${nMax}` : 'standard';
  return {
    format: 'sparsepixels-ir',
    version: 2,
    activity,
    name: o.name ?? `${o.dataset}_${variant}_${o.bits ?? 8}b`,
    input: { name: 'x_in', shape: [arch.size, arch.size, 1], type: t.input },
    layers,
    outputs: ['out'],
    build: { project: 'myproject', part: 'xcu250-figd2104-2L-e', clockPeriod: 5, ioType: 'io_parallel', reuseFactor: 1, strategy: 'latency', pipelineStyle: 'dataflow' },
  };
}

/** Input geometry and InputReduce threshold of a dataset (for event generators). */
export function paperInput(dataset: PaperDataset): { h: number; w: number; c: number; threshold: number } {
  const a = ARCHITECTURES[dataset];
  return { h: a.size, w: a.size, c: 1, threshold: a.threshold };
}
