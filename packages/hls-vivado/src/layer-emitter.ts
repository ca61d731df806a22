import type { FixedType } from '@sparsepixels/core';
import type {
  AnyAttrs,
  AnyLayerIR,
  AttrsOfType,
  BuildIR,
  BuiltinOpType,
  LayerOfType,
  ResolvedPrecision,
} from '@sparsepixels/ir';

/** A C++ array the top function passes between layers. */
export interface TensorVar {
  /** Variable name (`layer3_out`). */
  readonly var: string;
  /** Typedef name of the elements (`layer3_t`). */
  readonly type: string;
  readonly fixed: FixedType;
  /** Element count. */
  readonly size: number;
  /** Logical shape: [H, W, C] or [n]. */
  readonly shape: readonly number[];
  /** Sparse tensors: slot capacity and the hash array (`layer3_hash`, 2 * nMax `hash_t` values). */
  readonly nMax?: number;
  readonly hash?: string;
}

/**
 * What an emitter sees of its layer (from the PreparedModel: typed layer, resolved attributes,
 * parsed precisions), and how it declares typedefs and constant arrays.
 */
export interface LayerContext<L = AnyLayerIR, A = AnyAttrs> {
  readonly layer: L;
  /** The layer's attributes with their defaults filled in. */
  readonly attrs: A;
  /** hls4ml-style index: the input is 1, layers count from 2. */
  readonly index: number;
  readonly input: TensorVar;
  readonly output: TensorVar;
  /** Resolved precisions of the layer (result always; accum/weight/bias/table when used). */
  readonly precision: ResolvedPrecision;
  /** Typedef name of the slot coordinates (sparse models). */
  readonly hashType: string;
  /** Reuse factor in force for this layer (its `build.reuseFactor`, else the model's; 1 when the emitter has no `reuse`). */
  readonly reuseFactor: number;
  /** The model's build settings. */
  readonly build: BuildIR;
  /**
   * Adds a scalar input port to the top function (after the input array) and returns its name;
   * `tbValue` is the C++ expression the test bench passes.
   */
  topInput(spec: { readonly name: string; readonly type: string; readonly tbValue: string }): string;
  /** Declares `typedef <type> <name>;` in defines.h and returns the name. */
  typedef(name: string, type: FixedType, comment: string): string;
  /**
   * Declares a constant array in `weights/<name>.h` from real values exactly on the type's grid
   * (or raws when `raw` is set) and returns the variable name.
   */
  constant(spec: ConstantSpec): string;
}

export interface ConstantSpec {
  readonly name: string;
  /** Typedef name of the elements (declare it with `typedef` first). */
  readonly typeName: string;
  readonly type: FixedType;
  /** Either real values on the type's grid, or raw integers. */
  readonly values?: ArrayLike<number>;
  readonly raws?: ArrayLike<number> | readonly bigint[];
  readonly comment: string;
}

/**
 * How one IR op becomes C++ (hls4ml's config + function templates). `template` is a Handlebars
 * partial rendering the config struct when `section` is "config" and the call when it is "call";
 * it sees the common fields (index, name, op, config, in, out, hashType) plus what `view` returns.
 */
export interface LayerEmitter<L = AnyLayerIR, A = AnyAttrs> {
  readonly op: string;
  /** nnet_utils headers the call needs (e.g. `sp_sparse_conv2d.h`). */
  readonly headers: readonly string[];
  /** True when the kernel honours a reuse factor > 1 (others refuse a per-layer one). */
  readonly reuse?: boolean;
  /** The partial's source. */
  template(): string;
  /** Op-specific template fields; may declare typedefs and constants through the context. */
  view(ctx: LayerContext<L, A>): Record<string, unknown>;
}

/** The emitter of built-in op T: its view gets T's typed layer and attributes. */
export type BuiltinEmitter<T extends BuiltinOpType> = LayerEmitter<LayerOfType<T>, AttrsOfType<T>> & {
  readonly op: T;
};
