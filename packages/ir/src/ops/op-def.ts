import type { FixedType } from '@sparsepixels/core';
import type { Diagnostic } from '../diagnostics';
import type { LayerIR, PrecisionKey } from '../model';
import type { FloatKernelFactory, KernelFactory } from '../interpret/runtime';

/** A JSON Schema fragment (draft 2020-12), e.g. an op's `attrs` schema. */
export type JsonSchema = { readonly [key: string]: unknown };

/** What flows between layers: a dense tensor or a sparse one (N slots of C features + hashes). */
export type TensorKind = 'dense' | 'sparse';

/** The static description of a tensor: logical shape ([H, W, C] or [n]) and slots when sparse. */
export interface TensorInfo {
  readonly kind: TensorKind;
  readonly shape: readonly number[];
  /** Slot capacity N (sparse tensors only). */
  readonly slots?: number;
}

/** Shape rule input: the layer, its inputs' tensors, where it sits, and how to report problems. */
export interface ShapeContext {
  readonly layer: LayerIR;
  readonly inputs: readonly TensorInfo[];
  /** JSON pointer of the layer, e.g. `/layers/2`. */
  readonly where: string;
  report(d: Diagnostic): void;
}

/** A weight tensor the op reads, the precision key typing it, and its expected shape. */
export interface WeightSpec {
  readonly name: string;
  readonly precision: PrecisionKey;
  /** When false, a missing tensor means all zeros. */
  readonly required: boolean;
  shape(layer: LayerIR, input: TensorInfo): number[];
}

/** Precision rule input: the layer with parsed types ('auto' where still to infer). */
export interface PrecisionContext {
  readonly layer: LayerIR;
  readonly where: string;
  readonly inputs: readonly TensorInfo[];
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
 * Everything the IR knows about one op (qonnx's CustomOp, tfjs' kernel config): adding an op is
 * one file exporting an OpDef plus one line in ops/builtin.ts (or registerOp for outside code).
 */
export interface OpDef {
  /** PascalCase op name as written in `layers[].op`. */
  readonly type: string;
  /** First IR version that has this op. */
  readonly since: number;
  readonly description: string;
  /** True when the op computes on sparse slots (input or output is sparse). */
  readonly sparse: boolean;
  readonly inputKind: TensorKind;
  readonly outputKind: TensorKind;
  /** Number of inputs (default 1). */
  readonly arity?: number;
  /** How many layers of this op a model may hold (InputReduce: 1). */
  readonly maxPerModel?: number;
  /** JSON Schema of `attrs` (an object schema with additionalProperties: false). */
  readonly attrsSchema: JsonSchema;
  /** Precision keys the layer may declare. */
  readonly precisions: readonly PrecisionKey[];
  readonly weights: readonly WeightSpec[];
  /** Output tensor from the inputs, reporting semantic problems; undefined when it cannot be known. */
  inferShape(ctx: ShapeContext): TensorInfo | undefined;
  /** Turns 'auto' into exact types; user-fixed types are returned unchanged. */
  inferPrecision(ctx: PrecisionContext): ResolvedPrecision | undefined;
  /** Bit-exact kernel (prepared once per interpreter). */
  readonly compile: KernelFactory;
  /** Float reference kernel (same graph semantics in float64). */
  readonly compileFloat: FloatKernelFactory;
  /** Trainable parameters (weights and biases). */
  paramCount(layer: LayerIR): number;
  /** Worst-case multiplications per event, for `inspect`. */
  opCount(layer: LayerIR, inputs: readonly TensorInfo[]): number;
}
