import { DIAGNOSTICS } from '../diagnostics';
import type { AnyLayerIR, Attrs, CompileContext, PrecisionContext, ResolvedPrecision, ShapeContext, WeightSpec } from './op-def';
import { attr } from './attr-descriptors';
import type { TensorInfo } from './tensor-info';

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The single input of an [H, W, C] image layer (sparse or dense), or undefined after reporting. */
export function imageInput<I extends TensorInfo>(ctx: ShapeContext<AnyLayerIR, unknown, I>): I | undefined {
  const x = ctx.inputs[0];
  if (!x) return undefined;
  if (x.shape.length !== 3) {
    ctx.report(DIAGNOSTICS.rankMismatch.at(`${ctx.where}/inputs/0`, ctx.layer.name, ctx.layer.op, '[H, W, C] image', shapeText(x.shape)));
    return undefined;
  }
  return x;
}

/** The single input of a vector layer ([n]), or undefined after reporting. */
export function vectorInput<I extends TensorInfo>(ctx: ShapeContext<AnyLayerIR, unknown, I>): I | undefined {
  const x = ctx.inputs[0];
  if (!x) return undefined;
  if (x.shape.length !== 1) {
    ctx.report(DIAGNOSTICS.rankMismatch.at(`${ctx.where}/inputs/0`, ctx.layer.name, ctx.layer.op, '1-D [n] vector', shapeText(x.shape)));
    return undefined;
  }
  return x;
}

/** Pool size check shared by sparse and standard pooling: error above the grid, warning when not divisible. */
export function checkPool(ctx: ShapeContext<AnyLayerIR, unknown, TensorInfo>, p: number, h: number, w: number): boolean {
  const where = `${ctx.where}/attrs/poolSize`;
  if (p > h || p > w) {
    ctx.report(DIAGNOSTICS.poolTooBig.at(where, ctx.layer.name, p, h, w));
    return false;
  }
  if (h % p !== 0 || w % p !== 0) ctx.report(DIAGNOSTICS.poolDrops.at(where, ctx.layer.name, p, h, w));
  return true;
}

/** Attributes of conv layers (standard and sparse): output channels and the square, odd kernel size. */
export const CONV_ATTRS = Object.freeze({
  filters: attr.int({ min: 1, max: 4096, description: 'Output channels' }),
  kernelSize: attr.int({ min: 1, max: 63, odd: true, description: 'Square kernel size K (odd)' }),
});

export type ConvAttrs = Attrs<typeof CONV_ATTRS>;

/** Output [H, W, filters] of a conv layer on input x, reporting a kernel larger than the grid (the shape is known either way). */
export function convOutputShape(ctx: ShapeContext<AnyLayerIR, ConvAttrs, TensorInfo>, x: TensorInfo): [number, number, number] {
  const [h = 0, w = 0] = x.shape;
  const k = ctx.attrs.kernelSize;
  if (k > h || k > w) ctx.report(DIAGNOSTICS.kernelTooBig.at(`${ctx.where}/attrs/kernelSize`, ctx.layer.name, k, h, w));
  return [h, w, ctx.attrs.filters];
}

/** Weights of conv layers: kernel (K, K, Cin, filters), optional bias (filters). */
export const CONV_WEIGHTS: readonly WeightSpec<ConvAttrs>[] = Object.freeze([
  { name: 'kernel', precision: 'weight', required: true, shape: (a: ConvAttrs, x: TensorInfo) => [a.kernelSize, a.kernelSize, x.shape[2] ?? 0, a.filters] },
  { name: 'bias', precision: 'bias', required: false, shape: (a: ConvAttrs) => [a.filters] },
]);

/** Precision of ops that pass values through (activations relu/linear, flatten, max pooling, reduce): result 'auto' = input type. */
export function passThroughPrecision(ctx: PrecisionContext<unknown, unknown, TensorInfo>): ResolvedPrecision | undefined {
  const x = ctx.inputTypes[0];
  const d = ctx.declared.result;
  if (d !== undefined && d !== 'auto') return { result: d };
  return x ? { result: x } : undefined;
}

/** Product of a shape's dimensions. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Parameter count of a layer: every weight tensor's size. */
export function weightCount(layer: Pick<AnyLayerIR, 'weights'>): number {
  return Object.values(layer.weights ?? {}).reduce((n, w) => n + sizeOf(w.shape), 0);
}

/** The types of a multiply-accumulate layer (conv, dense) as core's MAC kernels take them. */
export function macTypes(ctx: Pick<CompileContext, 'precision' | 'inputTypes' | 'weights'>) {
  const p = ctx.precision;
  return {
    input: ctx.inputTypes[0]!,
    weight: p.weight ?? ctx.weights['kernel']!.type,
    bias: ctx.weights['bias'] ? (p.bias ?? ctx.weights['bias'].type) : undefined,
    accum: p.accum ?? p.result,
    result: p.result,
  };
}
