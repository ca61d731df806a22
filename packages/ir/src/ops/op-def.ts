import type { EventMacCounts, FixedType } from '@sparsepixels/core';
import type { Diagnostic } from '../diagnostics';
import type { CompiledWeight, LayerKernel, RuntimeTensor } from '../interpret/runtime';
import type { LayerCommon, PrecisionKey } from '../document-parts';
import type { AttrDescriptor, JsonSchema, OptionalAttr } from './attr-descriptors';
import type { TensorInfo, TensorOfKind } from './tensor-info';

export type { JsonSchema } from './attr-descriptors';
export type { DenseTensorInfo, SparseTensorInfo, TensorInfo, TensorKind } from './tensor-info';

/** An op's attribute declaration: one descriptor per attribute name. */
export type AttrSpecs = { readonly [key: string]: AttrDescriptor<any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

type ValueOf<D> = D extends AttrDescriptor<infer T> ? T : never;
type KeysWhere<S, C> = { [K in keyof S]-?: S[K] extends C ? K : never }[keyof S];
type OptionalKeys<S> = KeysWhere<S, { readonly optional: true }>;
type NoDefaultKeys<S> = KeysWhere<S, OptionalAttr<unknown, false>>;
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The attributes of an op as a document writes them: optional ones may be left out. */
export type AttrsIn<S extends AttrSpecs> = Flat<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: ValueOf<S[K]> } & {
    -readonly [K in OptionalKeys<S>]?: ValueOf<S[K]>;
  }
>;

/** The attributes after resolveAttrs: every default filled in (read-only). */
export type Attrs<S extends AttrSpecs> = Flat<
  { readonly [K in Exclude<keyof S, NoDefaultKeys<S>>]: ValueOf<S[K]> } & {
    readonly [K in NoDefaultKeys<S>]?: ValueOf<S[K]>;
  }
>;

/** Attributes of any op (what registry-level code sees). */
export type AnyAttrs = { readonly [key: string]: unknown };

/** A layer of any op (registry-level code; LayerIR in model.ts is the typed union). */
export type AnyLayerIR = LayerCommon & { op: string; attrs?: AnyAttrs };

/** A layer of op `T` whose attributes are declared by `S`, as written in a document. */
export type LayerOf<T extends string, S extends AttrSpecs> = LayerCommon & { op: T } & ([keyof S] extends [
    never,
  ]
    ? { attrs?: Record<string, never> }
    : [Exclude<keyof S, OptionalKeys<S>>] extends [never]
      ? { attrs?: AttrsIn<S> }
      : { attrs: AttrsIn<S> });

/** Shape rule input: the layer, its resolved attributes, its inputs' tensors, where it sits. */
export interface ShapeContext<L = AnyLayerIR, A = AnyAttrs, I extends TensorInfo = TensorInfo> {
  readonly layer: L;
  readonly attrs: A;
  readonly inputs: readonly I[];
  /** JSON pointer of the layer, e.g. `/layers/2`. */
  readonly where: string;
  report(d: Diagnostic): void;
}

/** A weight tensor the op reads, the precision key typing it, and its expected shape. */
export interface WeightSpec<A = AnyAttrs> {
  readonly name: string;
  readonly precision: PrecisionKey;
  /** When false, a missing tensor means all zeros. */
  readonly required: boolean;
  shape(attrs: A, input: TensorInfo): number[];
}

/** Precision rule input: the layer with parsed types ('auto' where still to infer). */
export interface PrecisionContext<L = AnyLayerIR, A = AnyAttrs, I extends TensorInfo = TensorInfo> {
  readonly layer: L;
  readonly attrs: A;
  readonly where: string;
  readonly inputs: readonly I[];
  readonly inputTypes: readonly FixedType[];
  /** The layer's declared precisions, parsed; 'auto' or absent means infer. */
  readonly declared: { readonly [K in PrecisionKey]?: FixedType | 'auto' };
  /** The type of each weight tensor once resolved (declared or the exact type of its values). */
  readonly weightTypes: { readonly [name: string]: FixedType };
  report(d: Diagnostic): void;
}

/** Resolved precisions: `result` always, the others when the op uses them. */
export type ResolvedPrecision = { readonly result: FixedType } & { readonly [K in PrecisionKey]?: FixedType };

/**
 * One layer of a prepared model with everything consumers used to recompute: its op, resolved
 * attributes (defaults filled), parsed precisions, and its input and output tensors (sparse ones
 * are {nMax, c, h, w} shapes that core's kernels take as they are). PreparedModel.layers holds them.
 */
export interface PreparedLayer<
  L = AnyLayerIR,
  A = AnyAttrs,
  I extends TensorInfo = TensorInfo,
  O extends TensorInfo = TensorInfo,
> {
  /** Position in model.layers. */
  readonly index: number;
  readonly layer: L;
  readonly op: OpDef;
  readonly attrs: A;
  /** Where each input comes from: a layer index, or -1 for the model input. */
  readonly inputIndex: readonly number[];
  readonly inputs: readonly I[];
  readonly inputTypes: readonly FixedType[];
  readonly output: O;
  /** The resolved precisions, parsed (result always; accum/weight/bias/table when the op uses them). */
  readonly precision: ResolvedPrecision;
}

/**
 * What an op's compile hook gets: its prepared layer (typed layer, resolved attributes, parsed
 * types, input and output tensors) plus its weights converted once.
 */
export interface CompileContext<
  L = AnyLayerIR,
  A = AnyAttrs,
  I extends TensorInfo = TensorInfo,
  O extends TensorInfo = TensorInfo,
> extends PreparedLayer<L, A, I, O> {
  /** Weight tensors by name; an absent optional tensor (e.g. bias) is absent here too. */
  readonly weights: { readonly [name: string]: CompiledWeight };
}

/** Counts one event's multiply-accumulates from the layer's input tensors (docs/weight-store.md#mac-counts). */
export type MacCounter = (inputs: readonly RuntimeTensor[]) => EventMacCounts;

export type KernelFactory = (ctx: CompileContext) => LayerKernel;
export type FloatKernelFactory = (ctx: CompileContext) => LayerKernel<Float64Array>;

/**
 * Everything the IR knows about one op (qonnx's CustomOp, tfjs' kernel config), written with
 * defineOp: L is the op's layer type, A its resolved attributes, I and O its input and output
 * tensors. Registry-level code sees the defaults (any op).
 */
export interface OpDef<
  T extends string = string,
  L extends AnyLayerIR = AnyLayerIR,
  A extends AnyAttrs = AnyAttrs,
  I extends TensorInfo = TensorInfo,
  O extends TensorInfo = TensorInfo,
> {
  /** PascalCase op name as written in `layers[].op`. */
  readonly type: T;
  /** First IR version that has this op. */
  readonly since: number;
  readonly description: string;
  /** True when the op computes on sparse slots (input or output is sparse). */
  readonly sparse: boolean;
  readonly inputKind: I['kind'];
  readonly outputKind: O['kind'];
  /** Number of inputs (default 1). */
  readonly arity?: number;
  /** How many layers of this op a model may hold (InputReduce: 1). */
  readonly maxPerModel?: number;
  /** The attribute declaration (descriptors); schema, types and checks all come from it. */
  readonly attrs: AttrSpecs;
  /** JSON Schema of `attrs`, derived from the descriptors. */
  readonly attrsSchema: JsonSchema;
  /** Precision keys the layer may declare. */
  readonly precisions: readonly PrecisionKey[];
  readonly weights: readonly WeightSpec<A>[];
  /** Output tensor from the inputs, reporting semantic problems; undefined when it cannot be known. */
  inferShape(ctx: ShapeContext<L, A, I>): O | undefined;
  /** Turns 'auto' into exact types; user-fixed types are returned unchanged. */
  inferPrecision(ctx: PrecisionContext<L, A, I>): ResolvedPrecision | undefined;
  /** Bit-exact kernel (prepared once per interpreter). */
  compile(ctx: CompileContext<L, A, I, O>): LayerKernel;
  /** Float reference kernel (same graph semantics in float64). */
  compileFloat(ctx: CompileContext<L, A, I, O>): LayerKernel<Float64Array>;
  /** Trainable parameters (weights and biases). */
  paramCount(layer: L): number;
  /** Worst-case multiplications per event, for `inspect`. */
  opCount(attrs: A, inputs: readonly I[]): number;
  /**
   * MAC layers only: a counter of the multiply-accumulates one event needs with non-zero inputs,
   * and with non-zero inputs and weights (the interpreter's `macs` option; core's mac-counts).
   */
  countMacs?(ctx: CompileContext<L, A, I, O>): MacCounter;
}

/** The layer type of a defined op. */
export type LayerOfOp<D> = D extends OpDef<string, infer L, AnyAttrs, TensorInfo, TensorInfo> ? L : never;

/** The resolved attribute type of a defined op. */
export type AttrsOfOp<D> = D extends OpDef<string, AnyLayerIR, infer A, TensorInfo, TensorInfo> ? A : never;

export type { TensorOfKind };
