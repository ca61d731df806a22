import { DIAGNOSTICS } from '../diagnostics';
import type { LayerIR, ModelIR, TensorInfoIR } from '../model';
import { resolveAttrs } from '../ops/check-attrs';
import type { OpDef } from '../ops/op-def';
import { shapeText } from '../ops/op-helpers';
import { findOp } from '../ops/registry';
import { denseTensor, sparseTensor, type TensorInfo } from '../ops/tensor-info';
import type { Pass, PassContext } from './pass';

/** The input tensor: dense [H, W, C] or [N]. */
export function inputTensor(model: ModelIR, ctx?: PassContext): TensorInfo | undefined {
  const shape = model.input.shape;
  if (shape.length === 2) {
    ctx?.report(DIAGNOSTICS.badInputShape.at('/input/shape', shapeText(shape)));
    return undefined;
  }
  return denseTensor(shape);
}

/** The stored tensor info of a layer that went through shape inference (sparse when it has nMax). */
export function tensorOf(layer: LayerIR): TensorInfo | undefined {
  const o = layer.output;
  if (!o) return undefined;
  return o.nMax === undefined ? denseTensor(o.shape) : sparseTensor(o.shape, o.nMax);
}

function toIR(t: TensorInfo): TensorInfoIR {
  return t.kind === 'sparse' ? { shape: [...t.shape], nMax: t.nMax } : { shape: [...t.shape] };
}

/** Kind and per-model count rules that hold for every op. */
function checkPlacement(op: OpDef, layer: LayerIR, where: string, xs: TensorInfo[], counts: Map<string, string[]>, ctx: PassContext): boolean {
  const seen = counts.get(op.type) ?? [];
  counts.set(op.type, [...seen, layer.name]);
  if (op.maxPerModel !== undefined && seen.length >= op.maxPerModel) {
    ctx.report(DIAGNOSTICS.tooManyOfOp.at(where, layer.name, op.type, op.maxPerModel, seen[0] ?? ''));
  }
  const bad = xs.find((x) => x.kind !== op.inputKind);
  if (!bad) return true;
  const d = op.inputKind === 'sparse' ? DIAGNOSTICS.needsSparse : DIAGNOSTICS.needsDense;
  ctx.report(d.at(`${where}/inputs`, layer.name, layer.op));
  return false;
}

function inferLayer(layer: LayerIR, i: number, known: Map<string, TensorInfo>, counts: Map<string, string[]>, ctx: PassContext): TensorInfo | undefined {
  const op = findOp(layer.op);
  const xs = layer.inputs.map((r) => known.get(r));
  if (!op || xs.some((x) => x === undefined)) return undefined;
  const where = `/layers/${i}`;
  const inputs = xs as TensorInfo[];
  if (!checkPlacement(op, layer, where, inputs, counts, ctx)) return undefined;
  return op.inferShape({ layer, attrs: resolveAttrs(op, layer.attrs), inputs, where, report: (d) => ctx.report(d) });
}

/** Computes every layer's output shape (and nMax when sparse) through the ops' shape rules; an old `slots` key is dropped. */
export const inferShapesPass: Pass = {
  name: 'infer-shapes',
  description: "each layer's output shape from its op's shape rule; op semantics checked on the way",
  run(model, ctx) {
    const known = new Map<string, TensorInfo>();
    const x = inputTensor(model, ctx);
    if (x) known.set(model.input.name, x);
    const counts = new Map<string, string[]>();
    const layers = model.layers.map((layer, i) => {
      const t = inferLayer(layer, i, known, counts, ctx);
      if (!known.has(layer.name) && t) known.set(layer.name, t);
      const { output: _old, ...rest } = layer;
      return t ? { ...rest, output: toIR(t) } : rest;
    });
    return { ...model, layers };
  },
};
