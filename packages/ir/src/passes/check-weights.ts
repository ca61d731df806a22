import { formatType, parseType, type FixedType } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import type { LayerIR, ModelIR } from '../model';
import { resolveAttrs } from '../ops/check-attrs';
import type { TensorInfo, WeightSpec } from '../ops/op-def';
import { shapeText, sizeOf } from '../ops/op-helpers';
import { findOp } from '../ops/registry';
import { weightRaws } from '../precision/weight-raws';
import { inputTensor, tensorOf } from './infer-shapes';
import type { Pass, PassContext } from './pass';

function declaredType(layer: LayerIR, spec: WeightSpec): FixedType | undefined {
  const s = layer.precision?.[spec.precision];
  if (s === undefined || s === 'auto') return undefined;
  try {
    return parseType(s);
  } catch {
    return undefined; // reported by normalize-types
  }
}

function checkValues(layer: LayerIR, spec: WeightSpec, where: string, ctx: PassContext): void {
  const w = layer.weights?.[spec.name];
  const t = declaredType(layer, spec);
  if (!w || !t) return;
  const c = weightRaws(w.values, t);
  for (const [p, d] of [
    [c.offGrid, DIAGNOSTICS.offGrid],
    [c.outOfRange, DIAGNOSTICS.outOfRange],
  ] as const) {
    if (!p) continue;
    const more = p.count > 1 ? ` (and ${p.count - 1} more such value${p.count > 2 ? 's' : ''})` : '';
    const diag = d.at(`${where}/values/${p.index}`, layer.name, spec.name, p.index, p.value, formatType(t));
    ctx.report({ ...diag, message: diag.message + more });
  }
}

function checkLayer(layer: LayerIR, i: number, input: TensorInfo | undefined, ctx: PassContext): void {
  const op = findOp(layer.op);
  if (!op) return;
  for (const spec of op.weights) {
    const where = `/layers/${i}/weights/${spec.name}`;
    const w = layer.weights?.[spec.name];
    if (!w) {
      if (spec.required) ctx.report(DIAGNOSTICS.missingWeights.at(`/layers/${i}/weights`, layer.name, layer.op, spec.name));
      continue;
    }
    const n = sizeOf(w.shape);
    if (w.values.length !== n) ctx.report(DIAGNOSTICS.weightCount.at(`${where}/values`, layer.name, spec.name, n, w.values.length));
    if (input && layer.output) {
      // only against a valid input (shape inference succeeded), else the expected shape is noise
      const want = spec.shape(resolveAttrs(op, layer.attrs), input);
      if (shapeText(want) !== shapeText(w.shape)) {
        ctx.report(DIAGNOSTICS.weightShape.at(`${where}/shape`, layer.name, spec.name, shapeText(want), shapeText(w.shape)));
      }
    }
    checkValues(layer, spec, where, ctx);
  }
}

/** Weight tensors: present, shaped as the op expects (channels included), on their declared grid and in range. */
export const checkWeightsPass: Pass = {
  name: 'check-weights',
  description: 'weight shapes and counts match the op; values lie on the grid and in the range of their declared type',
  run(model: ModelIR, ctx) {
    const tensors = new Map<string, TensorInfo | undefined>([[model.input.name, inputTensor(model)]]);
    model.layers.forEach((layer, i) => {
      const ref = layer.inputs[0];
      checkLayer(layer, i, ref === undefined ? undefined : tensors.get(ref), ctx);
      if (!tensors.has(layer.name)) tensors.set(layer.name, tensorOf(layer));
    });
    return model;
  },
};
