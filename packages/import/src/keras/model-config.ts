import { importError } from '../import-error';

/** One tensor of the Keras graph: output `tensor` of call `node` of layer `layer`. */
export interface TensorRef {
  readonly layer: string;
  readonly node: number;
  readonly tensor: number;
}

/** A layer entry of config.json: its class, name, kwargs and the tensors its (single) call reads. */
export interface KerasLayer {
  readonly className: string;
  readonly module?: string;
  readonly name: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly inputs: readonly TensorRef[];
}

/** The architecture of a Functional or Sequential model, layers in topological order. */
export interface KerasModel {
  readonly name: string;
  readonly layers: readonly KerasLayer[];
  readonly inputs: readonly TensorRef[];
  readonly outputs: readonly TensorRef[];
}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `[name, node, tensor(, kwargs)]` (Keras 2) or a Keras 3 `__keras_tensor__` with keras_history. */
function tensorRefs(v: unknown, out: TensorRef[]): void {
  if (Array.isArray(v)) {
    if (v.length >= 3 && typeof v[0] === 'string' && typeof v[1] === 'number' && typeof v[2] === 'number') {
      out.push({ layer: v[0], node: v[1], tensor: v[2] });
      return;
    }
    for (const x of v) tensorRefs(x, out);
    return;
  }
  if (!isObj(v)) return;
  if (v['class_name'] === '__keras_tensor__' && isObj(v['config'])) {
    const h = v['config']['keras_history'];
    if (Array.isArray(h) && typeof h[0] === 'string')
      out.push({ layer: h[0], node: Number(h[1] ?? 0), tensor: Number(h[2] ?? 0) });
    return;
  }
  if ('args' in v) tensorRefs(v['args'], out);
}

function inboundInputs(layer: Json, where: string): TensorRef[] {
  const nodes = layer['inbound_nodes'];
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  if (nodes.length > 1) throw importError(where, `the layer is called ${nodes.length} times (shared layers are not supported)`);
  const out: TensorRef[] = [];
  tensorRefs(nodes[0], out);
  return out;
}

function refList(v: unknown): TensorRef[] {
  const out: TensorRef[] = [];
  tensorRefs(v, out);
  return out;
}

function layerEntry(raw: unknown, i: number, source: string): Json {
  if (!isObj(raw) || typeof raw['class_name'] !== 'string')
    throw importError(`${source}: config.layers[${i}]`, 'expected a layer entry with a class_name');
  return raw;
}

function layerName(l: Json, i: number): string {
  const c = isObj(l['config']) ? l['config'] : {};
  const n = l['name'] ?? c['name'];
  return typeof n === 'string' ? n : `layer_${i}`;
}

/**
 * Reads the architecture from config.json (.keras) or the `model_config` attribute (legacy .h5):
 * Functional models (Keras 2 `inbound_nodes` lists or Keras 3 `args` with keras tensors) and
 * Sequential models (layers chained in order).
 */
export function parseModelConfig(json: unknown, source: string): KerasModel {
  if (!isObj(json) || !isObj(json['config']))
    throw importError(source, 'the model config has no "config" object (is this a Keras model file?)');
  const cls = String(json['class_name']);
  const cfg = json['config'];
  const rawLayers = cfg['layers'];
  if (!Array.isArray(rawLayers)) throw importError(source, `the ${cls} config has no "layers" list`);
  const name = typeof cfg['name'] === 'string' ? cfg['name'] : 'model';
  const entries = rawLayers.map((l, i) => layerEntry(l, i, source));
  if (cls === 'Sequential') return sequential(entries, name, cfg);
  if (cls !== 'Functional' && cls !== 'Model')
    throw importError(source, `the model class '${cls}' is not supported (Functional and Sequential are)`);
  const layers = entries.map((l, i): KerasLayer => {
    const n = layerName(l, i);
    return {
      className: String(l['class_name']),
      ...(typeof l['module'] === 'string' ? { module: l['module'] } : {}),
      name: n,
      config: isObj(l['config']) ? l['config'] : {},
      inputs: inboundInputs(l, `layer "${n}"`),
    };
  });
  return { name, layers, inputs: refList(cfg['input_layers']), outputs: refList(cfg['output_layers']) };
}

/** A Sequential model: an InputLayer from batch_input_shape when the list has none, then a chain. */
function sequential(entries: Json[], name: string, cfg: Json): KerasModel {
  const layers: KerasLayer[] = [];
  let prev: string | undefined;
  entries.forEach((l, i) => {
    const n = layerName(l, i);
    const config = isObj(l['config']) ? l['config'] : {};
    if (i === 0 && l['class_name'] !== 'InputLayer') {
      const shape = config['batch_input_shape'] ?? config['batch_shape'] ?? cfg['build_input_shape'];
      layers.push({ className: 'InputLayer', name: 'input', config: { batch_input_shape: shape }, inputs: [] });
      prev = 'input';
    }
    layers.push({
      className: String(l['class_name']),
      ...(typeof l['module'] === 'string' ? { module: l['module'] } : {}),
      name: n,
      config,
      inputs: prev ? [{ layer: prev, node: 0, tensor: 0 }] : [],
    });
    prev = n;
  });
  const first = layers[0];
  const last = layers[layers.length - 1];
  return {
    name,
    layers,
    inputs: first ? [{ layer: first.name, node: 0, tensor: 0 }] : [],
    outputs: last ? [{ layer: last.name, node: 0, tensor: 0 }] : [],
  };
}

/** Keras' class-name-to-snake-case rule (the .keras weight groups of Keras 2 are named with it). */
export function toSnakeCase(name: string): string {
  const a = name.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2');
  const b = a.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return b.startsWith('_') ? `private${b}` : b;
}
