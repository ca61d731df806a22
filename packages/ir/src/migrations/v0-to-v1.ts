import { camelCase, isObject, type JsonObject, type Migration } from './migration';

/**
 * Version 0 (the pre-release exporter format, kept for old files): Keras-like snake_case.
 * `input.precision`, `layers[].class_name`, `inbound`, `config` (snake_case; `n_max_pixels`,
 * `pool_mode: 'average'|'max'`), weights `{shape, data}`, and `hls` build hints
 * (`project_name`, `clock_period`, `strategy: 'Latency'`).
 */
const ATTR_RENAMES: Record<string, string> = { n_max_pixels: 'nMax', pool_mode: 'mode', table_size: 'tableSize' };
const MODE_VALUES: Record<string, string> = { average: 'avg', max: 'max' };
const BUILD_RENAMES: Record<string, string> = { project_name: 'project' };

function renameKeys(o: JsonObject, renames: Record<string, string>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) out[renames[k] ?? camelCase(k)] = v;
  return out;
}

function upAttrs(config: unknown): unknown {
  if (!isObject(config)) return config;
  const attrs = renameKeys(config, ATTR_RENAMES);
  const mode = attrs['mode'];
  if (typeof mode === 'string' && MODE_VALUES[mode]) attrs['mode'] = MODE_VALUES[mode];
  return attrs;
}

function upWeights(weights: unknown): unknown {
  if (!isObject(weights)) return weights;
  const out: JsonObject = {};
  for (const [name, w] of Object.entries(weights)) {
    out[name] = isObject(w) ? renameKeys(w, { data: 'values' }) : w;
  }
  return out;
}

function upLayer(layer: unknown): unknown {
  if (!isObject(layer)) return layer;
  const { class_name, inbound, config, weights, ...rest } = layer;
  const out: JsonObject = { ...rest };
  if (class_name !== undefined) out['op'] = class_name;
  if (inbound !== undefined) out['inputs'] = inbound;
  if (config !== undefined) out['attrs'] = upAttrs(config);
  if (weights !== undefined) out['weights'] = upWeights(weights);
  return out;
}

function upBuild(hls: unknown): unknown {
  if (!isObject(hls)) return hls;
  const build = renameKeys(hls, BUILD_RENAMES);
  if (typeof build['strategy'] === 'string') build['strategy'] = build['strategy'].toLowerCase();
  return build;
}

export const v0ToV1: Migration = {
  from: 0,
  description: 'snake_case v0 exporter format -> v1 (op/inputs/attrs, camelCase attributes, build hints)',
  up(doc) {
    const { hls, input, layers, ...rest } = doc;
    const out: JsonObject = { ...rest, version: 1 };
    if (isObject(input)) {
      const { precision, ...inp } = input;
      out['input'] = precision !== undefined ? { ...inp, type: precision } : inp;
    } else if (input !== undefined) out['input'] = input;
    if (layers !== undefined) out['layers'] = Array.isArray(layers) ? layers.map(upLayer) : layers;
    if (hls !== undefined) out['build'] = upBuild(hls);
    return out;
  },
};
