import { buildH5 } from '../hdf5/h5-file';
import { encodeZip } from '../zip/zip-write';

/** A variable to store: its HDF5 path and values (float32 unless `dtype` says otherwise). */
export interface VarToWrite {
  readonly path: string;
  readonly shape: readonly number[];
  readonly values: ArrayLike<number>;
  readonly dtype?: 'float32' | 'uint8' | 'uint32';
}

function data(v: VarToWrite): Float32Array | Uint8Array | Uint32Array {
  return v.dtype === 'uint8' ? Uint8Array.from(v.values) : v.dtype === 'uint32' ? Uint32Array.from(v.values) : Float32Array.from(v.values);
}

/** A `.keras` archive: metadata.json, config.json and model.weights.h5 holding `vars` (and the empty `groups`). */
export async function writeKerasZip(config: unknown, vars: readonly VarToWrite[], kerasVersion: string, groups: readonly string[] = []): Promise<Uint8Array> {
  const weights = await buildH5((w) => {
    for (const g of groups) w.group(g);
    for (const v of vars) w.dataset(v.path, data(v), v.shape);
  });
  const text = (s: string) => new TextEncoder().encode(s);
  return encodeZip([
    { name: 'metadata.json', parts: [text(JSON.stringify({ keras_version: kerasVersion, date_saved: '2025-01-01@00:00:00' }))] },
    { name: 'config.json', parts: [text(JSON.stringify(config))] },
    { name: 'model.weights.h5', parts: [weights] },
  ]);
}

/** A group of a legacy Keras HDF5 file: a layer and its weights in `weight_names` order. */
export interface LegacyLayerWeights {
  readonly layer: string;
  readonly weights: readonly { readonly name: string; readonly shape: readonly number[]; readonly values: ArrayLike<number> }[];
}

/**
 * A legacy Keras HDF5 file: `model.save('x.h5')` (model_config attribute and a model_weights group)
 * when `config` is given, else `save_weights('x.h5')` (layer groups at the root).
 */
export async function writeLegacyH5(config: unknown | undefined, layers: readonly LegacyLayerWeights[], kerasVersion = '2.14.0'): Promise<Uint8Array> {
  return buildH5((w) => {
    const root = config === undefined ? '' : '/model_weights';
    if (config !== undefined) {
      w.attr('/', 'model_config', JSON.stringify(config));
      w.attr('/', 'keras_version', kerasVersion);
      w.attr('/', 'backend', 'tensorflow');
      w.group(root);
    } else {
      w.attr('/', 'keras_version', kerasVersion);
      w.attr('/', 'backend', 'tensorflow');
    }
    const at = root || '/';
    w.attr(at, 'layer_names', layers.map((l) => l.layer));
    for (const l of layers) {
      w.group(`${root}/${l.layer}`);
      for (const v of l.weights) w.dataset(`${root}/${l.layer}/${v.name}`, Float32Array.from(v.values), v.shape);
      w.attr(`${root}/${l.layer}`, 'weight_names', l.weights.map((v) => v.name));
    }
  });
}
