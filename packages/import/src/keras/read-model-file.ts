import { readFileSync } from 'node:fs';
import { importError } from '../import-error';
import { withH5Bytes, isHdf5, type H5Reader } from '../hdf5/h5-file';
import { bufferSource } from '../zip/byte-source';
import { listZipEntries, readZipEntry } from '../zip/zip-read';
import { kerasZipLayout, legacyH5Layout, type WeightLayout } from './layer-weights';
import { parseModelConfig, type KerasModel } from './model-config';

/** What a model file held: the architecture (absent for a weights-only .h5) and where its weights are. */
export interface ModelFile {
  readonly format: 'keras-zip' | 'legacy-h5' | 'weights-h5';
  readonly kerasVersion?: string;
  readonly model?: KerasModel;
  /** Runs `use` with the weight layout (the HDF5 file is open only during the call). */
  withWeights<T>(layers: KerasModel['layers'], use: (layout: WeightLayout, r: H5Reader) => T): Promise<T>;
}

function parseJson(bytes: Uint8Array | string, where: string): unknown {
  try {
    return JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw importError(where, `is not valid JSON (${(err as Error).message})`);
  }
}

function readKerasZip(bytes: Uint8Array, path: string): ModelFile {
  const src = bufferSource(bytes);
  const entries = listZipEntries(src, path, '.keras');
  const member = (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? readZipEntry(src, e, path) : undefined;
  };
  const config = member('config.json');
  if (!config) throw importError(path, `the .keras archive has no config.json (members: ${entries.map((e) => e.name).join(', ')})`);
  const weights = member('model.weights.h5');
  if (!weights) throw importError(path, 'the .keras archive has no model.weights.h5');
  const meta = member('metadata.json');
  const version = meta ? (parseJson(meta, `${path}:metadata.json`) as { keras_version?: unknown }).keras_version : undefined;
  const model = parseModelConfig(parseJson(config, `${path}:config.json`), `${path}:config.json`);
  return {
    format: 'keras-zip',
    ...(typeof version === 'string' ? { kerasVersion: version } : {}),
    model,
    withWeights: (layers, use) => withH5Bytes(weights, `${path}:model.weights.h5`, (r) => use(kerasZipLayout(r, layers), r)),
  };
}

async function readLegacyH5(bytes: Uint8Array, path: string): Promise<ModelFile> {
  const info = await withH5Bytes(bytes, path, (r) => ({
    config: r.attr('/', 'model_config'),
    version: r.attr('/', 'keras_version'),
    full: r.isGroup('/model_weights'),
  }));
  const version = typeof info.version === 'string' ? { kerasVersion: info.version } : {};
  const root = info.full ? '/model_weights' : '/';
  const withWeights: ModelFile['withWeights'] = (layers, use) => withH5Bytes(bytes, path, (r) => use(legacyH5Layout(r, root), r));
  if (info.config === undefined) return { format: 'weights-h5', ...version, withWeights };
  const model = parseModelConfig(parseJson(String(info.config), `${path}:model_config`), `${path}:model_config`);
  return { format: 'legacy-h5', ...version, model, withWeights };
}

/** Reads a .keras zip (Keras 2.13+ or 3), a legacy full-model .h5, or a weights-only .h5. */
export async function readModelFile(path: string): Promise<ModelFile> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw importError(path, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readKerasZip(bytes, path);
  if (isHdf5(bytes)) return readLegacyH5(bytes, path);
  throw importError(path, 'is neither a .keras archive (ZIP) nor a Keras HDF5 file');
}
