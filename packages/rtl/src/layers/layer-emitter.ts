import type { AttrsOfType, BuiltinOpType, LayerOfType, PreparedLayer } from '@sparsepixels/ir';
import type { ModelDesc } from '../model/adapter';
import type { LayerBase, TensorDesc } from '../model/layer-base';
import { clog2, type Params } from '../plan/type-params';
import type { LayerDesc } from './registry';

/** How a tensor's values become valid: all at `done`, or beat b (L slots) at done + b. */
export type Mode = 'all' | 'prog';

/** What an emitter knows about the design while planning one layer. */
export interface PlanContext {
  readonly model: ModelDesc;
  /** Slots handled per beat (lanes) and beats per event. */
  readonly lanes: number;
  readonly beats: number;
  /** Adder/prefix tree levels between registers. */
  readonly lps: number;
  /** Width of a hash coordinate (1-based, up to max(H, W) of the input grid). */
  readonly hashBits: number;
  /** How the layer's input tensor arrives. */
  readonly inputMode: Mode;
}

/** The per-layer core: which library module, its parameters, and its timing. */
export interface LayerPlan {
  /** Library module instantiated by the layer's wrapper module. */
  readonly core: string;
  readonly params: Params;
  /** Short description for READMEs and reports (e.g. "gather, order-free"). */
  readonly form: string;
  /** 'all': the core reads every input slot from its start; 'prog': it reads beat b at start + b. */
  readonly needs: Mode;
  readonly output: Mode;
  /** start -> done, in cycles. */
  readonly latency: number;
  /** Smallest initiation interval the core supports (cycles its inputs must stay valid). */
  readonly minII: number;
  /** Data files the core reads ($readmemh: large tables), paths relative to the project folder. */
  readonly files?: readonly { readonly path: string; readonly content: string }[];
  /** Index of the layer whose output the core reads (-1: the model input): its IR input, or for a
   * Dense fused with a SparseFlatten the flatten's input. */
  readonly reads: number;
}

export interface PlannedLayer {
  readonly layer: LayerDesc;
  readonly plan: LayerPlan;
}

/** Port names of a core: what its input and output buses are called (top/wrappers.ts connects them). */
export interface CorePorts {
  readonly x: string;
  readonly xh?: string;
  /** The core's validity input (sparse input only). */
  readonly xv?: string;
  readonly y: string;
  readonly yh?: string;
  readonly yv?: string;
  /** clk, rst, start and done (false: a stateless core with clk only; the wrapper delays `done`). */
  readonly control: boolean;
}

/** The port maps the cores share: sparse in and out, sparse in and a dense vector out, vectors. */
export const SPARSE_PORTS: CorePorts = { x: 'x_feat', xh: 'x_hash', xv: 'x_valid', y: 'y_feat', yh: 'y_hash', yv: 'y_valid', control: true };
export const SPARSE_TO_VECTOR_PORTS: CorePorts = { x: 'x_feat', xh: 'x_hash', xv: 'x_valid', y: 'y', control: true };
export const VECTOR_PORTS: CorePorts = { x: 'x', y: 'y', control: true };

/**
 * One op's RTL emitter (layers/<op>.ts), listed once in layers/registry.ts: how a prepared layer
 * of op K becomes its description D (the only reader of its attrs, precisions and weights), the
 * core that computes it, and the port names of every core `plan` may choose.
 */
export interface RtlEmitter<D extends LayerBase & { readonly op: BuiltinOpType }, K extends D['op'] = D['op']> {
  readonly op: K;
  describe(p: PreparedLayer<LayerOfType<K>, AttrsOfType<K>>, base: LayerBase): D;
  plan(layer: D, ctx: PlanContext, planned: readonly PlannedLayer[]): LayerPlan;
  readonly cores: Readonly<Record<string, CorePorts>>;
}

/** Values of a tensor per event as a flat bus: sparse = N_MAX*C features, dense = its size. */
export function featureCount(t: TensorDesc): number {
  return t.kind === 'sparse' ? t.nMax * (t.shape[2] ?? 1) : t.shape.reduce((a, b) => a * b, 1);
}

/** Register stages of a sum tree over `terms` inputs with `lps` adder levels between registers. */
export function treeStages(terms: number, lps: number): number {
  return Math.ceil(clog2(terms) / lps);
}

/**
 * The plan of a core that walks the slots beat by beat (one pass: II = beats). 'gather': input
 * all-at-once, output progressive (beat b at done + b); 'scatter': input progressive, output
 * all-at-once.
 */
export function beatPlan(kind: 'gather' | 'scatter', core: string, params: Params, form: string, latency: number, ctx: PlanContext, layer: LayerBase): LayerPlan {
  const gather = kind === 'gather';
  return { core, params, form, needs: gather ? 'all' : 'prog', output: gather ? 'prog' : 'all', latency, minII: ctx.beats, reads: layer.source };
}
