import { isObject, type JsonObject, type Migration } from './migration';

/** The v1 constants made explicit (docs/semantics.md, v1 as the "nonzero" mode). */
const V1_RECIPROCAL_BITS = 10;
const V1_TABLE_SIZE = 1024;
const TABLE_ACTIVATIONS = new Set(['sigmoid', 'softmax']);

/** Attributes whose v1 value was a constant and whose v2 default is inferred: written out explicitly. */
function upAttrs(op: unknown, attrs: JsonObject): JsonObject {
  const out = { ...attrs };
  const avgPool = op === 'AveragePooling2D' || (op === 'SparsePooling2D' && attrs['mode'] === 'avg');
  if (avgPool && out['reciprocalBits'] === undefined) out['reciprocalBits'] = V1_RECIPROCAL_BITS;
  const activation = op === 'Activation' || op === 'SparseActivation';
  const tables = activation && typeof attrs['activation'] === 'string' && TABLE_ACTIVATIONS.has(attrs['activation']);
  if (tables && out['tableSize'] === undefined) out['tableSize'] = V1_TABLE_SIZE;
  return out;
}

function upLayer(layer: unknown): unknown {
  if (!isObject(layer)) return layer;
  const attrs = layer['attrs'];
  return isObject(attrs) ? { ...layer, attrs: upAttrs(layer['op'], attrs) } : layer;
}

/**
 * Version 1 -> 2 (sparse semantics v2, docs/semantics.md). Keeps every v1 document's exact meaning:
 * `activity: 'nonzero'` (the v1 activity rule), each average pooling's 10-bit reciprocal
 * (`reciprocalBits: 10`) and each sigmoid/softmax table's 1024 entries (`tableSize: 1024`) are
 * written out, since version 2 infers them when absent.
 */
export const v1ToV2: Migration = {
  from: 1,
  description: "v1 -> v2: activity 'nonzero', explicit 10-bit pooling reciprocals and 1024-entry tables",
  up(doc) {
    const { layers, ...rest } = doc;
    const out: JsonObject = { ...rest, version: 2, activity: 'nonzero' };
    if (layers !== undefined) out['layers'] = Array.isArray(layers) ? layers.map(upLayer) : layers;
    return out;
  },
};
