import type { LayerDesc, ModelDesc, TensorDesc } from '../model/adapter';
import type { Params } from '../plan/type-params';

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

/** One op's RTL emitter (layers/<op>.ts), listed in layers/registry.ts. */
export interface RtlEmitter<D extends LayerDesc = LayerDesc> {
  readonly op: D['op'];
  plan(layer: D, ctx: PlanContext, planned: readonly PlannedLayer[]): LayerPlan;
}

/** Values of a tensor per event as a flat bus: sparse = N_MAX*C features, dense = its size. */
export function featureCount(t: TensorDesc): number {
  return t.kind === 'sparse' ? t.nMax * (t.shape[2] ?? 1) : t.shape.reduce((a, b) => a * b, 1);
}
