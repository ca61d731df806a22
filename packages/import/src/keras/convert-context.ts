import type { LayerIR } from '@sparsepixels/ir';
import type { FixedType } from '@sparsepixels/core';
import type { LayerVars } from './layer-weights';
import type { KerasLayer } from './model-config';

/**
 * A tensor of the Keras graph as the converter sees it: dense (image or vector), sparse (slots
 * after InputReduce), or a keep-mask (carried implicitly by the IR's sparse tensors).
 */
export interface GraphTensor {
  readonly kind: 'dense' | 'sparse' | 'mask';
  /** The IR name that produces it (the model input's name, or an IR layer's). */
  readonly ir: string;
  /** [H, W, C] or [n]. */
  readonly shape: readonly number[];
  /** Sparse tensors and masks: which mask lineage (InputReduce, then each sparse pooling) they belong to. */
  readonly maskId?: string;
}

/** Import options that reach the layer converters. */
export interface ConvertOptions {
  /** sigmoid/softmax table entries (IR v1 default 1024). */
  readonly tableSize?: number;
}

/** What a layer converter can use. */
export interface ConvertContext {
  readonly layer: KerasLayer;
  /** `layer "conv1" (QConv2D)`, for one-line refusals. */
  readonly where: string;
  readonly inputs: readonly GraphTensor[];
  readonly options: ConvertOptions;
  /** The layer's stored variables (loaded on first use). */
  vars(): LayerVars;
  /** Appends an IR layer and returns the tensor it produces. */
  emit(l: LayerIR, kind: 'dense' | 'sparse', shape: readonly number[], maskId?: string): GraphTensor;
  /** An IR layer name derived from the Keras name (`conv1`, `conv1_relu`), unique in the model. */
  name(suffix?: string): string;
  /**
   * Casts `t` to `type` as a Keras quantizer on that tensor does: the model input's type, the
   * producing layer's result type when still 'auto', or else a linear activation layer.
   */
  quantizeTensor(t: GraphTensor, type: FixedType, what: string): GraphTensor;
  /** Whether `t` is the model input (possibly through InputReduce). */
  isInput(t: GraphTensor): boolean;
  warn(line: string): void;
}

/** Converts one Keras class (or family) to IR layers. */
export interface LayerConverter {
  readonly classNames: readonly string[];
  /** Returns the layer's output tensors (by output index). */
  convert(ctx: ConvertContext): GraphTensor[];
}
