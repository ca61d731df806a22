import { didYouMean, type LayerIR } from '@sparsepixels/ir';
import type { FixedType } from '@sparsepixels/core';
import { importError, layerWhere } from '../import-error';
import { irLayers, irRead } from '../ir-build/ir-builder';
import type { ConvertContext, ConvertOptions, GraphTensor } from './convert-context';
import { CONVERTERS, SUPPORTED_CLASSES } from './converters/index';
import type { LayerVars, WeightLayout } from './layer-weights';
import type { KerasModel, TensorRef } from './model-config';

/** The converted graph: IR layers in order, the input and what the model's quantizers fixed. */
export interface ConvertedGraph {
  readonly name: string;
  readonly inputName: string;
  readonly inputShape: readonly number[];
  /** The input type when the model quantizes its input (QActivation/Quantizer after the input, or an HGQ2 iq). */
  readonly inputType?: FixedType;
  /** A quantizer on InputReduce's output (HGQ2 `iq` of the first sparse conv): InputReduce's result type. */
  readonly reduceQuantizer?: ReduceQuantizer;
  readonly layers: LayerIR[];
  readonly output: string;
  readonly warnings: string[];
}

/** Where a Keras quantizer cast the kept pixels after InputReduce's comparison. */
export interface ReduceQuantizer {
  readonly layer: string;
  readonly type: FixedType;
  /** `layer "conv1" (QConv2DSparse) input quantizer`, for refusals. */
  readonly what: string;
}

const key = (r: TensorRef) => `${r.layer}#${r.node}#${r.tensor}`;
const sanitize = (n: string) => (/^[A-Za-z_]/.test(n) ? n : `l_${n}`).replace(/[^A-Za-z0-9_]/g, '_');

function inputShapeOf(cfg: Readonly<Record<string, unknown>>, where: string): number[] {
  const s = cfg['batch_input_shape'] ?? cfg['batch_shape'] ?? cfg['input_shape'];
  if (!Array.isArray(s)) throw importError(where, 'the input shape (batch_input_shape) is missing');
  const dims = (s[0] === null ? s.slice(1) : s) as unknown[];
  if (!dims.every((d) => Number.isInteger(d) && (d as number) > 0) || (dims.length !== 3 && dims.length !== 1))
    throw importError(where, `input shape ${JSON.stringify(s)} is not supported ([None, H, W, C] images or [None, n] vectors of known size)`);
  return dims as number[];
}

/** Walks the Keras graph in config order and converts every layer with its converter. */
export function convertGraph(model: KerasModel, layout: WeightLayout, options: ConvertOptions): ConvertedGraph {
  const tensors = new Map<string, GraphTensor>();
  const layers: LayerIR[] = [];
  const names = new Set<string>();
  const warnings: string[] = [];
  let input: { name: string; shape: number[]; type?: FixedType } | undefined;
  const producers = new Map<string, number>(); // IR name -> index in layers
  let reduceQuantizer: ReduceQuantizer | undefined;

  for (const kl of model.layers) {
    const where = layerWhere(kl.name, kl.className);
    if (kl.className === 'InputLayer') {
      if (input) throw importError(where, 'a second model input (one input only)');
      const name = sanitize(kl.name);
      input = { name, shape: inputShapeOf(kl.config, where) };
      names.add(name);
      tensors.set(key({ layer: kl.name, node: 0, tensor: 0 }), { kind: 'dense', ir: name, shape: input.shape });
      continue;
    }
    const conv = CONVERTERS.find((c) => c.classNames.includes(kl.className));
    if (!conv)
      throw importError(where, `the Keras class '${kl.className}' is not supported${didYouMean(kl.className, SUPPORTED_CLASSES)} (supported: ${SUPPORTED_CLASSES.join(', ')})`);
    const inputs = kl.inputs.map((r) => {
      const t = tensors.get(key(r));
      if (!t) throw importError(where, `reads tensor ${r.tensor} of "${r.layer}", which is not produced before it`);
      return t;
    });
    let vars: LayerVars | undefined;
    const ctx: ConvertContext = {
      layer: kl,
      where,
      inputs,
      options,
      vars: () => (vars ??= layout.vars(kl, where)),
      emit(l, kind, shape, maskId) {
        layers.push(l);
        producers.set(l.name, layers.length - 1);
        return { kind, ir: l.name, shape: [...shape], ...(maskId ? { maskId } : {}) };
      },
      name(suffix) {
        const base = sanitize(suffix ? `${kl.name}_${suffix}` : kl.name);
        let n = base;
        for (let i = 1; names.has(n); i++) n = `${base}_${i}`;
        names.add(n);
        return n;
      },
      quantizeTensor(t, type, what) {
        if (t.kind === 'mask') throw importError(where, 'cannot quantize a keep-mask');
        if (input && t.ir === input.name) {
          if (input.type) throw importError(where, `the input is quantized twice (${what})`);
          input.type = type;
          return t;
        }
        const at = producers.get(t.ir);
        const producer = at === undefined ? undefined : layers[at]!;
        const r = producer?.precision?.result;
        if (producer?.op === 'InputReduce' && at !== undefined && (r === undefined || r === 'auto')) {
          // Keras compares the float input with the threshold and quantizes the kept pixels afterwards:
          // the comparison stays in the (wider) input type, the features are cast to InputReduce's result type
          layers[at] = irRead.setResult(producer, type);
          reduceQuantizer = { layer: producer.name, type, what: `${where} ${what}` };
          return t;
        }
        if (producer && at === layers.length - 1 && (r === undefined || r === 'auto') && producer.op !== 'InputReduce') {
          layers[at] = irRead.setResult(producer, type);
          return t;
        }
        const l = irLayers.activation(t.kind === 'sparse', this.name('quant'), t.ir, 'linear', type);
        return this.emit(l, t.kind, t.shape, t.maskId);
      },
      isInput: (t) => !!input && t.ir === input.name,
      warn: (line) => warnings.push(line),
    };
    if (!input) throw importError(where, 'comes before the InputLayer');
    let outs: GraphTensor[];
    try {
      outs = conv.convert(ctx);
    } catch (err) {
      if (err instanceof Error && err.message === 'mask') throw importError(where, 'reads a keep-mask as features');
      throw err;
    }
    outs.forEach((t, i) => tensors.set(key({ layer: kl.name, node: 0, tensor: i }), t));
  }
  if (!input) throw importError(model.name, 'the model has no InputLayer');
  if (model.outputs.length !== 1) throw importError(model.name, `the model has ${model.outputs.length} outputs (one output only)`);
  const out = tensors.get(key(model.outputs[0]!));
  if (!out) throw importError(model.name, `the output "${model.outputs[0]!.layer}" is not produced`);
  if (out.kind !== 'dense' || out.shape.length !== 1) throw importError(model.name, 'the model output must be a vector (after Flatten and Dense)');
  if (out.ir === input.name) throw importError(model.name, 'the model has no layers');
  return {
    name: sanitize(model.name),
    inputName: input.name,
    inputShape: input.shape,
    ...(input.type ? { inputType: input.type } : {}),
    ...(reduceQuantizer ? { reduceQuantizer } : {}),
    layers,
    output: out.ir,
    warnings,
  };
}
