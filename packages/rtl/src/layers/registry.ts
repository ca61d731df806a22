import { isPreparedLayerOf, type BuiltinOpType, type LayerIR, type PreparedLayer } from '@sparsepixels/ir';
import type { LayerBase } from '../model/layer-base';
import { activationEmitter, sparseActivationEmitter } from './activation';
import { denseEmitter } from './dense';
import { inputReduceEmitter } from './input-reduce';
import type { CorePorts, LayerPlan, PlanContext, PlannedLayer, RtlEmitter } from './layer-emitter';
import { sparseConvEmitter } from './sparse-conv2d';
import { sparseFlattenEmitter } from './sparse-flatten';
import { sparseGlobalPoolEmitter } from './sparse-global-pooling2d';
import { sparsePoolEmitter } from './sparse-pooling2d';

/** An emitter as the registry holds it: `describe` takes any prepared layer and narrows it to the op. */
interface Registered<D, K extends BuiltinOpType> {
  readonly op: K;
  describe(p: PreparedLayer<LayerIR>, base: LayerBase): D | undefined;
  plan(layer: D, ctx: PlanContext, planned: readonly PlannedLayer[]): LayerPlan;
  readonly cores: Readonly<Record<string, CorePorts>>;
}

function entry<D extends LayerBase & { readonly op: BuiltinOpType }, K extends D['op']>(e: RtlEmitter<D, K>): Registered<D, K> {
  return {
    op: e.op,
    describe: (p, base) => (isPreparedLayerOf(p, e.op) ? e.describe(p, base) : undefined),
    plan: (layer, ctx, planned) => e.plan(layer, ctx, planned),
    cores: e.cores,
  };
}

/**
 * The RTL emitter of every op the backend supports, one line each: a new op is its emitter file
 * (layers/<op>.ts: description, plan, the port maps of its cores) and its line here. A layer of
 * an op without a line is refused by name (`supportsOp`, model/adapter.ts).
 */
export const RTL_EMITTERS = Object.freeze({
  InputReduce: entry(inputReduceEmitter),
  SparseConv2D: entry(sparseConvEmitter),
  SparseActivation: entry(sparseActivationEmitter),
  SparsePooling2D: entry(sparsePoolEmitter),
  SparseGlobalPooling2D: entry(sparseGlobalPoolEmitter),
  SparseFlatten: entry(sparseFlattenEmitter),
  Dense: entry(denseEmitter),
  Activation: entry(activationEmitter),
} satisfies { readonly [K in BuiltinOpType]?: { readonly op: K } });

type Emitters = typeof RTL_EMITTERS;
type RtlOp = keyof Emitters;

/** A layer's description: the union of the registered emitters' (discriminated on `op`). */
export type LayerDesc = { [K in RtlOp]: Emitters[K] extends Registered<infer D, K> ? D : never }[RtlOp];

export const RTL_OPS: readonly string[] = Object.keys(RTL_EMITTERS);

function isRtlOp(op: string): op is RtlOp {
  return Object.prototype.hasOwnProperty.call(RTL_EMITTERS, op);
}

/** The description of a prepared layer by its op's emitter (undefined: the op has no RTL). */
export function describeLayer(p: PreparedLayer<LayerIR>, base: LayerBase): LayerDesc | undefined {
  const op = p.layer.op;
  return isRtlOp(op) ? RTL_EMITTERS[op].describe(p, base) : undefined;
}

function emitterOf(layer: LayerDesc): Registered<LayerDesc, RtlOp> {
  return RTL_EMITTERS[layer.op];
}

/** The layer's core, parameters and timing, from its op's emitter. */
export function planLayer(layer: LayerDesc, ctx: PlanContext, planned: readonly PlannedLayer[]): LayerPlan {
  return emitterOf(layer).plan(layer, ctx, planned);
}

/** The port names of a core the layer's emitter planned (undefined: the emitter does not declare it). */
export function corePortsOf(layer: LayerDesc, core: string): CorePorts | undefined {
  return emitterOf(layer).cores[core];
}
