/**
 * Every layer class the package knows (explicit list): registered for tfjs deserialization (in
 * register-layers.ts) and mapped to IR layers by exportIR. tfjs' own Flatten is listed with its IR
 * form here because it has no toIR method.
 */
import type { LayerIR } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import { isIRExportable, type ExportContext } from './export/export-context';
import { InputReduce } from './layers/input-reduce';
import { QActivation } from './layers/qactivation';
import { QAveragePooling2D } from './layers/qaverage-pooling2d';
import { QConv2D } from './layers/qconv2d';
import { QConv2DSparse } from './layers/qconv2d-sparse';
import { QDense } from './layers/qdense';
import { QuantizeInput } from './layers/quantize-input';
import { SparseActivation } from './layers/sparse-activation';
import { SparseFlatten } from './layers/sparse-flatten';
import { GlobalAveragePooling2DSparse, GlobalMaxPooling2DSparse } from './layers/sparse-global-pooling2d';
import { AveragePooling2DSparse, MaxPooling2DSparse } from './layers/sparse-pooling2d';

/** Our layer classes, registered with tf.serialization. */
export const LAYER_CLASSES = Object.freeze([
  QuantizeInput,
  InputReduce,
  QConv2DSparse,
  SparseActivation,
  AveragePooling2DSparse,
  MaxPooling2DSparse,
  SparseFlatten,
  GlobalAveragePooling2DSparse,
  GlobalMaxPooling2DSparse,
  QDense,
  QActivation,
  QConv2D,
  QAveragePooling2D,
]);

export interface ExportEntry {
  readonly className: string;
  toIR(layer: tf.layers.Layer, ctx: ExportContext): LayerIR[];
}

const ownExport = (className: string): ExportEntry => ({
  className,
  toIR: (layer, ctx) => (isIRExportable(layer) ? layer.toIR(ctx) : []),
});

/** What exportIR can convert, by tfjs class name. QuantizeInput becomes the IR input type. */
export const EXPORTABLE: readonly ExportEntry[] = Object.freeze([
  ...LAYER_CLASSES.filter((c) => c !== QuantizeInput).map((c) => ownExport(c.className)),
  { className: 'Flatten', toIR: (layer: tf.layers.Layer, ctx: ExportContext): LayerIR[] => [{ name: layer.name, op: 'Flatten', inputs: ctx.inputs }] },
]);
