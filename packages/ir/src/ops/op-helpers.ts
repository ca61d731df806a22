import { DIAGNOSTICS } from '../diagnostics';
import type { CompileContext } from '../interpret/runtime';
import type { LayerIR } from '../model';
import type {
  JsonSchema,
  PrecisionContext,
  ResolvedPrecision,
  ShapeContext,
  TensorInfo,
  WeightSpec,
} from './op-def';

/** An attribute of a schema-validated layer. */
export function attr<T>(layer: LayerIR, key: string): T {
  return (layer.attrs ?? {})[key] as T;
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** An integer attribute schema. */
export function intAttr(min: number, max: number, description: string): JsonSchema {
  return { type: 'integer', minimum: min, maximum: max, description };
}

/** An object schema for `attrs` (no unknown keys). */
export function attrsObject(properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The single input of an [H, W, C] image layer (sparse or dense), or undefined after reporting. */
export function imageInput(ctx: ShapeContext): TensorInfo | undefined {
  const x = ctx.inputs[0];
  if (!x) return undefined;
  if (x.shape.length !== 3) {
    ctx.report(
      DIAGNOSTICS.rankMismatch.at(
        `${ctx.where}/inputs/0`,
        ctx.layer.name,
        ctx.layer.op,
        '[H, W, C] image',
        shapeText(x.shape),
      ),
    );
    return undefined;
  }
  return x;
}

/** The single input of a vector layer ([n]), or undefined after reporting. */
export function vectorInput(ctx: ShapeContext): TensorInfo | undefined {
  const x = ctx.inputs[0];
  if (!x) return undefined;
  if (x.shape.length !== 1) {
    ctx.report(
      DIAGNOSTICS.rankMismatch.at(
        `${ctx.where}/inputs/0`,
        ctx.layer.name,
        ctx.layer.op,
        '1-D [n] vector',
        shapeText(x.shape),
      ),
    );
    return undefined;
  }
  return x;
}

/** Kernel size check shared by the sparse and standard convolutions (odd, within the grid). */
export function checkKernel(ctx: ShapeContext, k: number, h: number, w: number): boolean {
  const where = `${ctx.where}/attrs/kernelSize`;
  let ok = true;
  if (k % 2 === 0) {
    ctx.report(DIAGNOSTICS.evenKernel.at(where, ctx.layer.name, k));
    ok = false;
  }
  if (k > h || k > w) {
    ctx.report(DIAGNOSTICS.kernelTooBig.at(where, ctx.layer.name, k, h, w));
    ok = false;
  }
  return ok;
}

/** Pool size check shared by sparse and standard pooling: error above the grid, warning when not divisible. */
export function checkPool(ctx: ShapeContext, p: number, h: number, w: number): boolean {
  const where = `${ctx.where}/attrs/poolSize`;
  if (p > h || p > w) {
    ctx.report(DIAGNOSTICS.poolTooBig.at(where, ctx.layer.name, p, h, w));
    return false;
  }
  if (h % p !== 0 || w % p !== 0) ctx.report(DIAGNOSTICS.poolDrops.at(where, ctx.layer.name, p, h, w));
  return true;
}

/** Attributes of conv layers (standard and sparse): output channels and the square kernel size. */
export const CONV_ATTRS = attrsObject(
  { filters: intAttr(1, 4096, 'Output channels'), kernelSize: intAttr(1, 63, 'Square kernel size K (odd)') },
  ['filters', 'kernelSize'],
);

/** Output [H, W, filters] of a conv layer on input x, reporting a bad kernel (the shape is known either way). */
export function convOutputShape(ctx: ShapeContext, x: TensorInfo): [number, number, number] {
  const [h = 0, w = 0] = x.shape;
  checkKernel(ctx, attr<number>(ctx.layer, 'kernelSize'), h, w);
  return [h, w, attr<number>(ctx.layer, 'filters')];
}

/** Weights of conv layers: kernel (K, K, Cin, filters), optional bias (filters). */
export const CONV_WEIGHTS: readonly WeightSpec[] = Object.freeze([
  {
    name: 'kernel',
    precision: 'weight',
    required: true,
    shape: (layer: LayerIR, x: TensorInfo) => {
      const k = attr<number>(layer, 'kernelSize');
      return [k, k, x.shape[2] ?? 0, attr<number>(layer, 'filters')];
    },
  },
  {
    name: 'bias',
    precision: 'bias',
    required: false,
    shape: (layer: LayerIR) => [attr<number>(layer, 'filters')],
  },
]);

/** Precision of ops that pass values through (activations relu/linear, flatten, max pooling, reduce): result 'auto' = input type. */
export function passThroughPrecision(ctx: PrecisionContext): ResolvedPrecision | undefined {
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
export function weightCount(layer: LayerIR): number {
  return Object.values(layer.weights ?? {}).reduce((n, w) => n + sizeOf(w.shape), 0);
}

/** The types of a multiply-accumulate layer (conv, dense) as core's MAC kernels take them. */
export function macTypes(ctx: CompileContext) {
  const p = ctx.precision;
  return {
    input: ctx.inputTypes[0]!,
    weight: p.weight ?? ctx.weights['kernel']!.type,
    bias: ctx.weights['bias'] ? (p.bias ?? ctx.weights['bias'].type) : undefined,
    accum: p.accum ?? p.result,
    result: p.result,
  };
}

/** tableSize, when given, must be a power of two (reported at attrs/tableSize). */
export function checkTableSizeAttr(ctx: ShapeContext): boolean {
  const size = attr<number | undefined>(ctx.layer, 'tableSize');
  if (size === undefined || (size & (size - 1)) === 0) return true;
  ctx.report(DIAGNOSTICS.tableSize.at(`${ctx.where}/attrs/tableSize`, ctx.layer.name, size));
  return false;
}
