import { formatType, parseType, type FixedType } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import type { LayerIR, ModelIR, PrecisionIR, PrecisionKey } from '../model';
import type { OpDef, PrecisionContext, ResolvedPrecision, TensorInfo } from '../ops/op-def';
import { resolveAttrs } from '../ops/check-attrs';
import { findOp } from '../ops/registry';
import { exactTypeOfValues } from '../precision/exact-type';
import { fracBitsNeeded, valueToRaw } from '../precision/weight-raws';
import { tensorOf, inputTensor } from './infer-shapes';
import type { Pass, PassContext } from './pass';

function tryParse(s: string | undefined): FixedType | 'auto' | undefined {
  if (s === undefined || s === 'auto') return s;
  try {
    return parseType(s);
  } catch {
    return undefined; // reported by normalize-types
  }
}

/** 'auto' weights: the smallest type holding every value exactly. */
function exactWeightType(values: readonly number[], where: string, layer: LayerIR, ctx: PassContext): FixedType | undefined {
  let f = 0;
  for (const v of values) f = Math.max(f, fracBitsNeeded(v) ?? 0);
  const raws = values.map((v) => valueToRaw(v, f) ?? 0n);
  const t = exactTypeOfValues(raws, f);
  if (t.width <= 64) return t;
  ctx.report(DIAGNOSTICS.tooWide.at(where, layer.name, 'weight', t.width));
  return undefined;
}

function weightTypes(op: OpDef, layer: LayerIR, i: number, declared: PrecisionContext['declared'], ctx: PassContext) {
  const out: Record<string, FixedType> = {};
  for (const spec of op.weights) {
    const w = layer.weights?.[spec.name];
    if (!w) continue;
    const d = declared[spec.precision];
    const t = d === undefined || d === 'auto' ? exactWeightType(w.values, `/layers/${i}/precision/${spec.precision}`, layer, ctx) : d;
    if (t) out[spec.name] = t;
  }
  return out;
}

function resolveLayer(
  layer: LayerIR,
  i: number,
  types: Map<string, FixedType>,
  tensors: Map<string, TensorInfo>,
  ctx: PassContext,
): ResolvedPrecision | undefined {
  const op = findOp(layer.op);
  const inputTypes = layer.inputs.map((r) => types.get(r));
  const inputs = layer.inputs.map((r) => tensors.get(r));
  if (!op || !layer.output || inputTypes.some((t) => !t) || inputs.some((t) => !t)) return undefined;
  const declared: { [K in PrecisionKey]?: FixedType | 'auto' } = {};
  for (const [k, v] of Object.entries(layer.precision ?? {}) as [PrecisionKey, string][]) {
    const t = tryParse(v);
    if (t === undefined) return undefined;
    declared[k] = t;
  }
  const where = `/layers/${i}`;
  const wt = weightTypes(op, layer, i, declared, ctx);
  return op.inferPrecision({
    layer,
    attrs: resolveAttrs(op, layer.attrs),
    where,
    declared,
    weightTypes: wt,
    inputs: inputs as TensorInfo[],
    inputTypes: inputTypes as FixedType[],
    report: (d) => ctx.report(d),
  });
}

/** Writes the resolved types of a layer back as canonical strings. */
function withPrecision(layer: LayerIR, resolved: { [K in PrecisionKey]?: FixedType }): LayerIR {
  const precision: PrecisionIR = {};
  for (const [k, t] of Object.entries(resolved) as [PrecisionKey, FixedType][]) precision[k] = formatType(t);
  return { ...layer, precision };
}

/**
 * Turns every 'auto' (or absent) precision into a type through the op's precision rule: exact
 * accumulators for the declared input/weight/bias types, results as the ops define; user-fixed
 * types are kept exactly. Widths above 64 bits are reported (SP5005).
 */
export const inferPrecisionPass: Pass = {
  name: 'infer-precision',
  description: "resolve 'auto' precisions with the ops' exact rules; keep user-fixed types",
  run(model: ModelIR, ctx) {
    const types = new Map<string, FixedType>();
    const tensors = new Map<string, TensorInfo>();
    const it = tryParse(model.input.type);
    const x = inputTensor(model);
    if (it && it !== 'auto' && x) {
      types.set(model.input.name, it);
      tensors.set(model.input.name, x);
    }
    const layers = model.layers.map((layer, i) => {
      const resolved = resolveLayer(layer, i, types, tensors, ctx);
      const t = tensorOf(layer);
      if (!resolved || !t || types.has(layer.name)) return layer;
      types.set(layer.name, resolved.result);
      tensors.set(layer.name, t);
      return withPrecision(layer, resolved);
    });
    return { ...model, layers };
  },
};
