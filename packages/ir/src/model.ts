/**
 * TypeScript shape of a `sparsepixels-ir` version 1 document (src/schema/model.v1.schema.json).
 * A test validates typed samples against the schema so the two stay in step. The layer union
 * comes from the op registry (ops/builtin.ts); the other parts live in document-parts.ts.
 */

import type { BuildIR, IR_FORMAT, IR_VERSION, InputIR, LayerCommon } from './document-parts';
import type { BuiltinLayerIR } from './ops/builtin';

export { IR_FORMAT, IR_VERSION, DEFAULT_BUILD } from './document-parts';
export type {
  TypeString,
  PrecisionKey,
  PrecisionIR,
  WeightTensorIR,
  TensorInfoIR,
  LayerCommon,
  LayerBuildIR,
  InputIR,
  IoType,
  Strategy,
  PipelineStyle,
  BuildIR,
} from './document-parts';

declare const outsideOp: unique symbol;

/**
 * The op name of a layer whose op was added at run time with registerOp (a plugin). A built-in
 * op's name is never one, so a document layer with a built-in op must match that op's attributes.
 */
export type OutsideOpType = string & { readonly [outsideOp]: true };

/** A layer of an op added with registerOp: its attributes are checked at run time only. */
export type OutsideLayerIR = LayerCommon & { op: OutsideOpType; attrs?: Record<string, unknown> };

/**
 * A layer: one of the built-in ops with its typed attributes (the union is derived from the op
 * registry, ops/builtin.ts), or a layer of an outside op. Narrow with isLayerOf(layer, 'Dense').
 */
export type LayerIR = BuiltinLayerIR | OutsideLayerIR;

export interface ModelIR {
  format: typeof IR_FORMAT;
  version: typeof IR_VERSION;
  name: string;
  description?: string;
  input: InputIR;
  layers: LayerIR[];
  outputs: string[];
  build?: BuildIR;
}
