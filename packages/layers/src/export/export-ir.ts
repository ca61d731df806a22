/**
 * exportIR(model, {inputType}): the sparsepixels-ir v1 document of a trained model. Weights are
 * written on their quantizers' grids, types come from the quantizers, accumulators are 'auto'.
 * The document is validated before it is returned. exportPrepared returns the PreparedModel of
 * that validation instead, for callers that go on to interpret or emit (the pipeline runs once).
 */
import { formatType, parseType, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import { IR_FORMAT, IR_VERSION, prepareModel, type BuildIR, type LayerIR, type ModelIR, type PreparedModel } from '@sparsepixels/ir';
import type * as tf from '@tensorflow/tfjs';
import { EXPORTABLE } from '../registry';

export interface ExportIROptions {
  /** Model name in the IR (default: the tfjs model name). */
  name?: string;
  /** The input type; required unless the model starts with a QuantizeInput layer (then it must agree). */
  inputType?: string | FixedType;
  build?: BuildIR;
}

interface InputTyped {
  inputType(): FixedType;
}

function declaresInputType<T>(l: T): l is T & InputTyped {
  return typeof (l as InputTyped | undefined)?.inputType === 'function';
}

function fail(message: string, where?: string): never {
  throw new SparsePixelsError('SP_EXPORT', message, where);
}

function inputTypeOf(model: tf.LayersModel, option: ExportIROptions['inputType']): FixedType {
  const declared = model.layers.find(declaresInputType);
  const given = option === undefined ? undefined : typeof option === 'string' ? parseType(option) : option;
  if (declared && given && formatType(declared.inputType()) !== formatType(given)) {
    fail(`inputType ${formatType(given)} differs from ${formatType(declared.inputType())} declared by QuantizeInput layer "${declared.name}"`);
  }
  const t = declared?.inputType() ?? given;
  if (!t)
    throw new SparsePixelsError(
      'SP_EXPORT_INPUT_TYPE',
      'the model has no QuantizeInput layer, so its input type is unknown; add one, or give exportIR the option inputType (e.g. "ap_ufixed<8,1>")',
    );
  return t;
}

function firstInbound(layer: tf.layers.Layer): tf.layers.Layer | undefined {
  if (layer.inboundNodes.length > 1) fail('is applied more than once; exportIR needs each layer used once', `layer "${layer.name}"`);
  return layer.inboundNodes[0]?.inboundLayers[0];
}

/** The document of a trained model, validated and prepared once; `.source` is the document, `.model` its prepared form. */
export function exportPrepared(model: tf.LayersModel, options: ExportIROptions = {}): PreparedModel {
  return prepareModel(exportDocument(model, options));
}

/** The validated document of a trained model (its preparation is not kept: use exportPrepared to go on). */
export function exportIR(model: tf.LayersModel, options: ExportIROptions = {}): ModelIR {
  return exportPrepared(model, options).source as ModelIR;
}

/**
 * The document of a trained model before validation, for a caller that changes it (build
 * settings, say) and then prepares it once itself.
 */
export function exportDocument(model: tf.LayersModel, options: ExportIROptions = {}): ModelIR {
  if (model.inputs.length !== 1) fail(`model "${model.name}" has ${model.inputs.length} inputs; exportIR needs exactly one`);
  const input = model.inputs[0]!;
  const inputType = inputTypeOf(model, options.inputType);
  const irInputName = input.sourceLayer.name;
  const irName = new Map<string, string>([[irInputName, irInputName]]);
  const layers: LayerIR[] = [];
  for (const layer of model.layers) {
    if (layer.name === irInputName) continue;
    const src = firstInbound(layer);
    const inputs = src ? [irName.get(src.name) ?? fail(`input layer "${src.name}" was not exported`, `layer "${layer.name}"`)] : [];
    if (declaresInputType(layer)) {
      if (src?.name !== irInputName) fail('QuantizeInput must take the model input directly', `layer "${layer.name}"`);
      irName.set(layer.name, irInputName);
      continue;
    }
    const className = layer.getClassName();
    const entry = EXPORTABLE.find((e) => e.className === className);
    if (!entry) {
      fail(`${className} is not supported by exportIR; supported: ${EXPORTABLE.map((e) => e.className).join(', ')}`, `layer "${layer.name}"`);
    }
    const out = entry.toIR(layer, { inputs, inputType });
    layers.push(...out);
    irName.set(layer.name, out.length ? out[out.length - 1]!.name : inputs[0]!);
  }
  const doc: ModelIR = {
    format: IR_FORMAT,
    version: IR_VERSION,
    activity: 'mask', // the training layers carry the validity bit (docs/semantics.md)
    name: options.name ?? model.name,
    input: { name: irInputName, shape: input.shape.slice(1) as number[], type: formatType(inputType) },
    layers,
    outputs: model.outputLayers.map((l) => irName.get(l.name)!),
    ...(options.build ? { build: options.build } : {}),
  };
  return doc;
}
