import { parseType, quantizeNumber, rawToNumber } from '@sparsepixels/core';
import { prepareModel, type BuiltinOpType, type LayerIR, type LayerOfType, type ModelIR } from '@sparsepixels/ir';
import { importError, layerWhere } from '../import-error';
import { currentVersion, irRead } from '../ir-build/ir-builder';
import { toSnakeCase } from '../keras/model-config';
import { writeKerasZip, type VarToWrite } from '../keras/write-keras-file';
import { hlsConfigOf } from './hls-config-text';
import { functionalConfig, inputEntry, layerEntry, poolConfig, qconv2dConfig, type Json, type KerasRef } from './keras-entries';
import { quantizedBitsFor, quantizedReluFor, weightGrid } from './qkeras-config';

/** A Keras model of an IR document: the `.keras` bytes and the hls4ml config holding the firmware types. */
export interface KerasExport {
  readonly keras: Uint8Array;
  /** The hls4ml config (an object; `hlsConfigYaml` gives its text). */
  readonly hlsConfig: Record<string, unknown>;
  readonly warnings: readonly string[];
}

/** Where an IR tensor lives in the Keras graph: its features, and for sparse tensors the keep-mask. */
interface Tensor {
  readonly features: KerasRef;
  readonly mask?: KerasRef;
}

/** A stored variable of a layer: its path below the layer's weight group. */
interface LayerVar {
  readonly sub: string;
  readonly shape: readonly number[];
  readonly values: readonly number[];
}

interface Emitted {
  readonly entry: Json;
  readonly vars?: readonly LayerVar[];
  readonly out: Tensor;
}

interface Ctx<L extends LayerIR = LayerIR> {
  readonly l: L;
  readonly x: Tensor;
  readonly inputType: string;
  /** A Keras layer name not used by any IR layer. */
  freshName(base: string): string;
}

/** Kernel (and bias) with their QKeras quantizers; values must survive Keras' float32 storage. */
function macParts(c: Ctx): { kq: unknown; bq: unknown; vars: LayerVar[]; useBias: boolean } {
  const kernel = irRead.weight(c.l, 'kernel')!;
  const bias = irRead.weight(c.l, 'bias');
  for (const w of bias ? [kernel, bias] : [kernel]) {
    const bad = w.values.find((v) => Math.fround(v) !== v);
    if (bad !== undefined)
      throw importError(layerWhere(c.l.name, c.l.op), `weight value ${bad} is not exactly a float32, which is how Keras stores weights`);
  }
  const kq = quantizedBitsFor(weightGrid(irRead.precision(c.l, 'weight'), kernel.values));
  const bq = quantizedBitsFor(weightGrid(irRead.precision(c.l, 'bias'), bias?.values ?? [0]));
  const vars = [{ sub: 'kernel', shape: kernel.shape, values: kernel.values }];
  if (bias) vars.push({ sub: 'bias', shape: bias.shape, values: bias.values });
  return { kq, bq, vars, useBias: bias !== undefined };
}

const features = (name: string, mask?: KerasRef): Tensor => ({ features: { layer: name, tensor: 0 }, ...(mask ? { mask } : {}) });

function activation(c: Ctx<LayerOfType<'Activation'> | LayerOfType<'SparseActivation'>>, sparse: boolean): Emitted[] {
  const act = c.l.attrs.activation;
  const relu = act === 'relu' ? quantizedReluFor(irRead.precision(c.l, 'result')) : undefined;
  const entry = relu
    ? layerEntry('QActivation', c.l.name, { activation: relu }, [c.x.features])
    : layerEntry('Activation', c.l.name, { activation: act }, [c.x.features]);
  const out: Emitted[] = [{ entry, out: features(c.l.name, c.x.mask) }];
  // sigmoid/softmax of 0 is not 0: mask the dropped pixels again, as the IR computes kept slots only
  if (sparse && act !== 'relu' && act !== 'linear') {
    const name = c.freshName(`${c.l.name}_remask`);
    out.push({ entry: layerEntry('RemoveDilatedPixels', name, {}, [{ layer: c.l.name, tensor: 0 }, c.x.mask!]), out: features(name, c.x.mask) });
  }
  return out;
}

/**
 * One Keras layer (or two) per IR op that has a Keras twin, and the variables it stores; each sees
 * its op's typed layer. An op without an entry has none (SparseGlobalPooling2D: Keras' global
 * pooling of the masked image reads the zeros of dropped pixels) and is refused by layer name.
 */
const EXPORTERS: { readonly [T in BuiltinOpType]?: (c: Ctx<LayerOfType<T>>) => Emitted[] } = {
  InputReduce(c) {
    const t = parseType(c.inputType);
    // the threshold the firmware compares with: the model's threshold cast to the input type
    const threshold = rawToNumber(quantizeNumber(c.l.attrs.threshold, t), t);
    const entry = layerEntry('InputReduce', c.l.name, { n_max_pixels: c.l.attrs.nMax, threshold }, [c.x.features]);
    return [{ entry, out: { features: { layer: c.l.name, tensor: 0 }, mask: { layer: c.l.name, tensor: 1 } } }];
  },
  SparseConv2D(c) {
    const m = macParts(c);
    const conv = qconv2dConfig(c.l.name, c.l.attrs.filters, c.l.attrs.kernelSize, false, m.kq, m.kq);
    const cfg: Json = { conv_config: { class_name: 'QConv2D', config: conv }, bias_quantizer: m.bq, ...(m.useBias ? {} : { use_bias: false }) };
    // the wrapper holds its own bias; the inner conv (attribute `conv`) the kernel
    const vars = m.vars.map((v) => ({ ...v, sub: v.sub === 'bias' ? 'vars/0' : 'conv/vars/0' }));
    return [{ entry: layerEntry('QConv2DSparse', c.l.name, cfg, [c.x.features, c.x.mask!]), vars, out: features(c.l.name, c.x.mask) }];
  },
  Conv2D(c) {
    const m = macParts(c);
    const cfg = qconv2dConfig(c.l.name, c.l.attrs.filters, c.l.attrs.kernelSize, m.useBias, m.kq, m.bq);
    return [{ entry: layerEntry('QConv2D', c.l.name, cfg, [c.x.features]), vars: m.vars.map((v, i) => ({ ...v, sub: `vars/${i}` })), out: features(c.l.name) }];
  },
  Dense(c) {
    const m = macParts(c);
    const cfg = { units: c.l.attrs.units, activation: 'linear', use_bias: m.useBias, kernel_quantizer: m.kq, bias_quantizer: m.bq };
    return [{ entry: layerEntry('QDense', c.l.name, cfg, [c.x.features]), vars: m.vars.map((v, i) => ({ ...v, sub: `vars/${i}` })), out: features(c.l.name) }];
  },
  SparseActivation: (c) => activation(c, true),
  Activation: (c) => activation(c, false),
  SparsePooling2D(c) {
    const cls = c.l.attrs.mode === 'max' ? 'MaxPooling2DSparse' : 'AveragePooling2DSparse';
    const entry = layerEntry(cls, c.l.name, { pool_config: poolConfig(c.l.name, c.l.attrs.poolSize) }, [c.x.features, c.x.mask!]);
    return [{ entry, out: { features: { layer: c.l.name, tensor: 0 }, mask: { layer: c.l.name, tensor: 1 } } }];
  },
  AveragePooling2D(c) {
    const p = c.l.attrs.poolSize;
    return [{ entry: layerEntry('AveragePooling2D', c.l.name, poolConfig(c.l.name, p), [c.x.features]), out: features(c.l.name) }];
  },
  SparseFlatten: (c) => [{ entry: layerEntry('Flatten', c.l.name, { data_format: 'channels_last' }, [c.x.features]), out: features(c.l.name) }],
  Flatten: (c) => [{ entry: layerEntry('Flatten', c.l.name, { data_format: 'channels_last' }, [c.x.features]), out: features(c.l.name) }],
};

/** The ops the exporter writes; any other op (SparseGlobalPooling2D, an outside op) is refused by layer name. */
export const EXPORTED_OPS: readonly string[] = Object.keys(EXPORTERS);

/**
 * A Keras 2.14 `.keras` (QKeras-era sparsepixels layers, config.json + model.weights.h5) of an IR
 * document, with an hls4ml config that carries what Keras cannot hold (input type, accumulator
 * and result types, table sizes, explicit pooling reciprocals, the activity rule, build hints).
 * Importing the pair gives the document back (an older version as migrated; thresholds written as
 * the input-type value the firmware compares with).
 */
export async function exportKeras(given: ModelIR): Promise<KerasExport> {
  prepareModel(given); // a valid document (throws one error listing every problem); written as given, not as prepared
  const model = currentVersion(given); // an older version's implicit constants written out
  const warnings: string[] = [];
  // the Keras sparsepixels layers carry InputReduce's keep-mask; the config's Model.Activity keeps the document's rule
  if (model.activity === 'nonzero' && model.layers.some((l) => l.op === 'InputReduce'))
    warnings.push(
      "activity 'nonzero' (v1 sparse semantics) is kept only by the hls4ml config (Model.Activity): the Keras model itself " +
        "computes with InputReduce's keep-mask ('mask'), so its outputs in Python can differ (docs/semantics.md)",
    );
  if (model.description) warnings.push('the description is not part of a Keras model and is left out');
  if (model.outputs.length !== 1) throw importError(model.name, 'a Keras export needs exactly one output');
  const used = new Set([model.input.name, ...model.layers.map((l) => l.name)]);
  const freshName = (base: string) => {
    let n = base;
    for (let i = 1; used.has(n); i++) n = `${base}_${i}`;
    used.add(n);
    return n;
  };
  const tensors = new Map<string, Tensor>([[model.input.name, features(model.input.name)]]);
  const entries: Json[] = [inputEntry(model.input.name, model.input.shape)];
  const varsOf = new Map<string, readonly LayerVar[]>();
  for (const l of model.layers) {
    // the op picks its exporter, which is typed by that op (an outside op has none)
    const exporter = (EXPORTERS as Readonly<Record<string, ((c: Ctx) => Emitted[]) | undefined>>)[l.op];
    if (!exporter) throw importError(layerWhere(l.name, l.op), `the op has no Keras equivalent in the exporter (it exports ${EXPORTED_OPS.join(', ')})`);
    if (l.inputs.length !== 1) throw importError(layerWhere(l.name, l.op), 'layers with several inputs are not exported');
    const x = tensors.get(l.inputs[0]!)!;
    for (const e of exporter({ l, x, inputType: model.input.type, freshName })) {
      entries.push(e.entry);
      if (e.vars) varsOf.set(String(e.entry['name']), e.vars);
      tensors.set(l.name, e.out);
    }
  }
  const config = functionalConfig(model.name, entries, model.input.name, tensors.get(model.outputs[0]!)!.features);
  return { keras: await writeKerasZip(config, weightVars(entries, varsOf), '2.14.0', groupsOf(entries)), hlsConfig: hlsConfigOf(model), warnings };
}

/** Keras 2.14 weight groups: `/_layer_checkpoint_dependencies/<class in snake case>[_<n>]`, counted per class in layer order. */
function groupNames(entries: readonly Json[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const snake = toSnakeCase(String(e['class_name']));
    const n = seen.get(snake);
    seen.set(snake, n === undefined ? 0 : n + 1);
    return `/_layer_checkpoint_dependencies/${n === undefined ? snake : `${snake}_${n + 1}`}`;
  });
}

function groupsOf(entries: readonly Json[]): string[] {
  return ['/vars', ...groupNames(entries).map((g) => `${g}/vars`)];
}

function weightVars(entries: readonly Json[], varsOf: ReadonlyMap<string, readonly LayerVar[]>): VarToWrite[] {
  const names = groupNames(entries);
  return entries.flatMap((e, i) => (varsOf.get(String(e['name'])) ?? []).map((v) => ({ path: `${names[i]}/${v.sub}`, shape: v.shape, values: v.values })));
}
