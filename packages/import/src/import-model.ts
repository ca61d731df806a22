import { formatType, fracBits, parseType } from '@sparsepixels/core';
import { formatDiagnostic, isLayerOf, prepareModel, type Activity, type BuildIR, type LayerIR, type ModelIR } from '@sparsepixels/ir';
import { agreementOf, agreementText, modelDecisions, type Agreement } from './agreement';
import { architectureModel, fillArchitectureWeights } from './architectures';
import { calibrateInputType, type CalibrationResult, type CalibrationStep } from './calibrate-input';
import { applyHlsConfig } from './hls-config/apply-hls-config';
import { floatWeightType, readHlsConfig, type HlsConfig } from './hls-config/read-hls-config';
import { importError } from './import-error';
import { refinementGap, refinementMessage, refiningType } from './input-reduce-cast';
import { irRead, isMaxPooling, toDocument } from './ir-build/ir-builder';
import { convertGraph, type ReduceQuantizer } from './keras/convert-graph';
import { floatTypes } from './keras/converters/mac';
import { readModelFile } from './keras/read-model-file';
import { snapThresholds } from './snap-threshold';
import { sparsifyLayers } from './sparsify';

/** Events for calibration or for the agreement report: count events of the model's input size, flattened. */
export interface EventData {
  readonly x: Float64Array;
  readonly count: number;
  readonly source: string;
}

export interface ImportOptions {
  /** hls4ml config (path or parsed) applied on top. */
  readonly hlsConfig?: string | HlsConfig;
  /** Sparsify a standard CNN: pixel budget and threshold of the InputReduce put in front. */
  readonly nMax?: number;
  readonly threshold?: number;
  /** Input type when the model has no input quantizer (and no calibration). */
  readonly inputType?: string;
  /** Picks the input type from these events (when the model has no input quantizer). */
  readonly calibrate?: EventData;
  /** Events on which to report the agreement of the firmware with the float model. */
  readonly data?: EventData;
  /** Architecture for a weights-only .h5 (`neutrino-sparse-m-8b`, ...). */
  readonly architecture?: string;
  /** Sigmoid/softmax table entries (the IR's default when absent). */
  readonly tableSize?: number;
  /** The final sigmoid/softmax outputs logits (`output: "logits"`, no table; decisions: > 0, argmax). */
  readonly logits?: boolean;
  readonly name?: string;
  /** Reads calibrate/data events once the model's input shape is known (the CLI's files). */
  readonly loadEvents?: (inputShape: readonly number[]) => { calibrate?: EventData; data?: EventData };
  /** Called with each calibration width as it is tried. */
  readonly onCalibrationStep?: (s: CalibrationStep) => void;
}

export interface ImportResult {
  readonly model: ModelIR;
  readonly format: string;
  readonly kerasVersion?: string;
  /** Where the input type came from. */
  readonly inputTypeSource: 'quantizer' | 'option' | 'hls-config' | 'calibration' | 'architecture';
  readonly calibration?: CalibrationResult;
  /** Firmware vs float model (before sparsifying, when sparsified) on `data`. */
  readonly agreement?: Agreement;
  readonly warnings: readonly string[];
}

interface Imported {
  name: string;
  inputName: string;
  inputShape: readonly number[];
  inputType?: string;
  reduceQuantizer?: ReduceQuantizer;
  layers: LayerIR[];
  output: string;
  warnings: string[];
  format: string;
  kerasVersion?: string;
  fromArchitecture: boolean;
}

async function readImported(file: string, o: ImportOptions, hls: HlsConfig | undefined): Promise<Imported> {
  const mf = await readModelFile(file);
  const base = { format: mf.format, ...(mf.kerasVersion ? { kerasVersion: mf.kerasVersion } : {}) };
  if (!mf.model) {
    if (!o.architecture) throw importError(file, 'is a weights-only .h5 (no model_config): give the architecture with --arch (e.g. neutrino-sparse-m-8b)');
    const arch = architectureModel(o.architecture);
    const filled = await mf.withWeights([], (_l, r) => fillArchitectureWeights(arch, r));
    return { ...base, name: filled.name, inputName: filled.input.name, inputShape: filled.input.shape, inputType: filled.input.type, layers: filled.layers, output: filled.outputs[0]!, warnings: [], fromArchitecture: true };
  }
  if (o.architecture) throw importError('--arch', `${file} holds its own architecture; --arch is for weights-only .h5 files`);
  const model = mf.model;
  floatTypes.current = (layer, key) => floatWeightType(hls, layer, key);
  const g = await mf.withWeights(model.layers, (layout) => convertGraph(model, layout, { ...(o.tableSize ? { tableSize: o.tableSize } : {}) }));
  for (const kl of model.layers)
    if (kl.className === 'InputReduce' && (kl.config['threshold'] === null || kl.config['threshold'] === undefined) && g.inputType?.signed)
      throw importError(`layer "${kl.name}" (InputReduce)`, 'threshold None keeps negative pixels (x != 0); the IR keeps x > threshold: give a non-negative input type');
  return { ...base, name: g.name, inputName: g.inputName, inputShape: g.inputShape, ...(g.inputType ? { inputType: formatType(g.inputType) } : {}), ...(g.reduceQuantizer ? { reduceQuantizer: g.reduceQuantizer } : {}), layers: g.layers, output: g.output, warnings: [...g.warnings], fromArchitecture: false };
}

/** The final sigmoid/softmax with `output: "logits"`: its input passes unchanged (no table, no precisions). */
function logitsHead(layers: LayerIR[], output: string): { layers: LayerIR[]; output: string } {
  const last = layers[layers.length - 1];
  if (!last || last.name !== output || !isLayerOf(last, 'Activation') || !irRead.hasTables(last))
    throw importError('--logits', 'the model does not end in a sigmoid/softmax activation');
  const { precision: _precision, ...rest } = last;
  const head: LayerIR = { ...rest, attrs: { activation: last.attrs.activation, output: 'logits' } };
  return { layers: [...layers.slice(0, -1), head], output };
}

/** Refuses layers the IR cannot hold (standard max pooling exists only sparse). */
function checkOps(layers: readonly LayerIR[]): void {
  const max = layers.find(isMaxPooling);
  if (max) throw importError(`layer "${max.name}" (MaxPooling2D)`, 'standard max pooling has no IR op; sparsify the model (--n-max) or use average pooling');
}

/** Input type of the float reference model: the float interpreter ignores it; narrow keeps inferred types small. */
const FLOAT_REFERENCE_INPUT = 'ap_fixed<2,2>';

/**
 * Reads a Keras model file (.keras from Keras 2.13+/3 with QKeras, HGQ2 or sparsepixels layers; a
 * legacy .h5; or a weights-only .h5 with `architecture`) into an IR document, optionally applying
 * an hls4ml config, sparsifying a standard CNN, and choosing the input type (quantizer, option,
 * hls4ml config or calibration). With `data`, reports how often the firmware's decisions equal the
 * float model's.
 */
export async function importModel(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const hls = typeof options.hlsConfig === 'string' ? readHlsConfig(options.hlsConfig) : options.hlsConfig;
  const im = await readImported(file, options, hls);
  const o: ImportOptions = { ...options, ...options.loadEvents?.(im.inputShape) };
  const warnings = [...im.warnings];
  let layers = im.layers;
  let output = im.output;
  let build: BuildIR | undefined;
  let activity: Activity | undefined;
  let inputType = im.inputType;
  let source: ImportResult['inputTypeSource'] = im.fromArchitecture ? 'architecture' : 'quantizer';
  if (hls) {
    const applied = applyHlsConfig(layers, hls, im.inputName, inputType !== undefined);
    layers = applied.layers;
    if (Object.keys(applied.build).length) build = applied.build;
    activity = applied.activity;
    warnings.push(...applied.warnings);
    if (applied.inputType && !inputType) {
      inputType = applied.inputType;
      source = 'hls-config';
    } else if (applied.inputType && inputType && applied.inputType !== inputType)
      throw importError(`${hls.source}: LayerName.${im.inputName}`, `sets the input type ${applied.inputType} but the model's input quantizer gives ${inputType}`);
  }
  if (o.inputType) {
    if (inputType && source !== 'hls-config') throw importError('--input-type', `the model quantizes its input already (${inputType})`);
    try {
      inputType = formatType(parseType(o.inputType));
    } catch (err) {
      throw importError('--input-type', `'${o.inputType}' is not a fixed-point type (${(err as Error).message})`);
    }
    source = 'option';
  }
  const floatLayers = layers;
  const floatOutput = output;
  if (o.nMax !== undefined) layers = sparsifyLayers(layers, im.inputName, { nMax: o.nMax, threshold: o.threshold ?? 0 });
  else if (o.threshold !== undefined) throw importError('--threshold', 'needs --n-max (the threshold is that of the InputReduce put in front when sparsifying)');
  checkOps(layers);
  if (o.logits) ({ layers, output } = logitsHead(layers, output));
  // firmware documents compare with the threshold snapped to the input grid and follow the config's activity rule;
  // the float reference keeps Keras' threshold and its keep-mask semantics
  const doc = (type: string, ls = layers, out = output, firmware = true) =>
    toDocument({
      name: o.name ?? im.name,
      inputName: im.inputName,
      inputShape: im.inputShape,
      inputType: type,
      layers: firmware ? snapThresholds(ls, type) : ls,
      outputs: [out],
      ...(build ? { build } : {}),
      ...(firmware && activity ? { activity } : {}),
    });
  const rq = im.reduceQuantizer;
  let calibration: CalibrationResult | undefined;
  if (o.calibrate) {
    if (inputType && source !== 'option') throw importError('--calibrate', `the input type is given already (${inputType}, from the ${source})`);
    if (o.inputType) throw importError('--calibrate', 'give either --input-type or --calibrate');
    checkOps(floatLayers);
    const candidate = rq ? (f: number, i: number, neg: boolean) => refiningType(rq.type, f, i, neg) : undefined;
    calibration = calibrateInputType((t) => doc(t), doc(FLOAT_REFERENCE_INPUT, floatLayers, floatOutput, false), o.calibrate.x, o.calibrate.count, o.onCalibrationStep, candidate);
    inputType = calibration.type;
    source = 'calibration';
    if (!calibration.reached) warnings.push(`no input width up to 24 fraction bits reaches 99.5 % agreement on ${o.calibrate.source}; using the widest, ${inputType}`);
  }
  if (!inputType) {
    if (rq)
      throw importError(file, `the model quantizes the pixels InputReduce keeps (${rq.what}, ${formatType(rq.type)}) but compares the float input with the threshold: give the input type of that comparison with --input-type (e.g. ${formatType(refiningType(rq.type, fracBits(rq.type) + 1, 0, false) ?? rq.type)}) or pick it from data with --calibrate x.npy`);
    throw importError(file, 'the model has no input quantizer: give the input type with --input-type (e.g. ap_ufixed<16,6>) or pick it from data with --calibrate x.npy');
  }
  if (rq) {
    const gap = refinementGap(parseType(inputType), rq.type);
    if (gap) throw importError(rq.what, refinementMessage(parseType(inputType), rq.type, gap));
  }
  const model = doc(inputType);
  const prepared = prepareModel(model); // throws one error listing every problem
  warnings.push(...prepared.warnings.map((w) => formatDiagnostic(w)));
  let agreement: Agreement | undefined;
  if (o.data) {
    checkOps(floatLayers);
    const floatRef = modelDecisions(doc(inputType, floatLayers, floatOutput, false), o.data.x, o.data.count, false);
    const fw = modelDecisions(model, o.data.x, o.data.count, true);
    agreement = agreementOf(fw, floatRef);
    if (agreement.fraction < 0.99) warnings.push(`the firmware decides as the float model on only ${agreementText(agreement)} of ${o.data.source}`);
  }
  return {
    model,
    format: im.format,
    ...(im.kerasVersion ? { kerasVersion: im.kerasVersion } : {}),
    inputTypeSource: source,
    ...(calibration ? { calibration } : {}),
    ...(agreement ? { agreement } : {}),
    warnings,
  };
}
