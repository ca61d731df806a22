/**
 * The compressed weight store of a whole model (docs/weight-store.md): one folder per MAC layer
 * with core's per-layer files, and weights_manifest.json listing the layers with their base offsets
 * (layers concatenated in model order). Pure: files are returned as (path, bytes | text) pairs and
 * read through a callback, so the CLI owns the file system.
 */
import {
  decodeWeightStore,
  decodeWeightStoreHex,
  encodeWeightStore,
  SparsePixelsError,
  type DecodedWeightStore,
  type EncodedWeightStore,
} from '@sparsepixels/core';
import { prepareModel, type ModelIR } from '@sparsepixels/ir';
import { macLayers, withLayerWeights, type MacLayer, type ModelInput } from '../ir-adapter';

export const MANIFEST_FILE = 'weights_manifest.json';
export const MANIFEST_FORMAT = 'sparsepixels-weight-store-manifest';

/** The files of one layer's folder. */
export const LAYER_FILES = {
  metadata: 'weights_metadata.json',
  indices: 'weights_indices.bin',
  values: 'weights_values.bin',
  bias: 'bias_values.bin',
  indicesHex: 'weights_indices.hex',
  valuesHex: 'weights_values.hex',
  entriesHex: 'weights_entries.hex',
  segmentsHex: 'weights_segments.hex',
  biasHex: 'bias_values.hex',
} as const;

export interface LayerStore {
  readonly layer: MacLayer;
  readonly encoded: EncodedWeightStore;
}

export interface ModelStore {
  readonly model: string;
  readonly layers: readonly LayerStore[];
  /** Entries of all layers (the size of a model-wide store). */
  readonly totalEntries: number;
}

export interface ManifestLayer {
  readonly layer: string;
  readonly op: string;
  readonly dir: string;
  readonly base_offset: number;
  readonly count: number;
  readonly nnz: number;
}

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: 1;
  readonly model: string;
  readonly total_entries: number;
  readonly layers: readonly ManifestLayer[];
}

export interface StoreFile {
  /** Relative path with '/' separators. */
  readonly path: string;
  readonly data: Uint8Array | string;
}

function fail(message: string, where?: string): never {
  throw new SparsePixelsError('SP_WEIGHT_STORE', message, where);
}

/** Compresses the kernels (and biases) of the model's MAC layers, or only of `only`. */
export function compressModel(doc: ModelInput, only?: readonly string[]): ModelStore {
  const prepared = prepareModel(doc);
  const all = macLayers(prepared);
  for (const n of only ?? []) {
    if (!all.some((l) => l.name === n))
      fail(
        `layer "${n}" is not a Dense, Conv2D or SparseConv2D layer of the model; those are: ${all.map((l) => l.name).join(', ')}`,
      );
  }
  let base = 0;
  const layers = all
    .filter((l) => !only || only.includes(l.name))
    .map((layer): LayerStore => {
      const encoded = encodeWeightStore({
        layer: layer.name,
        op: layer.op,
        shape: layer.kernelShape,
        type: layer.types.weight,
        raws: layer.kernel,
        ...(layer.bias ? { bias: { type: layer.types.bias, raws: layer.bias } } : {}),
        baseOffset: base,
      });
      base += encoded.metadata.nnz;
      return { layer, encoded };
    });
  return { model: prepared.model.name, layers, totalEntries: base };
}

export function manifestOf(store: ModelStore): Manifest {
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    model: store.model,
    total_entries: store.totalEntries,
    layers: store.layers.map(({ encoded: { metadata: m } }) => ({
      layer: m.layer,
      op: m.op,
      dir: m.layer,
      base_offset: m.base_offset,
      count: m.count,
      nnz: m.nnz,
    })),
  };
}

/** Every file of the store, manifest first. */
export function storeFiles(store: ModelStore): StoreFile[] {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const files: StoreFile[] = [{ path: MANIFEST_FILE, data: json(manifestOf(store)) }];
  for (const { encoded: e } of store.layers) {
    const d = e.metadata.layer;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(d))
      fail(`layer name "${d}" is not a safe folder name (letters, digits, '_')`);
    const f = LAYER_FILES;
    files.push(
      { path: `${d}/${f.metadata}`, data: json(e.metadata) },
      { path: `${d}/${f.indices}`, data: e.indices },
      { path: `${d}/${f.values}`, data: e.values },
      { path: `${d}/${f.indicesHex}`, data: e.hex.indices },
      { path: `${d}/${f.valuesHex}`, data: e.hex.values },
      { path: `${d}/${f.entriesHex}`, data: e.hex.entries },
      { path: `${d}/${f.segmentsHex}`, data: e.hex.segments },
    );
    if (e.bias && e.hex.bias)
      files.push({ path: `${d}/${f.bias}`, data: e.bias }, { path: `${d}/${f.biasHex}`, data: e.hex.bias });
  }
  return files;
}

/** Reads a file of the store: its bytes, or undefined when it does not exist. */
export type StoreReader = (path: string) => Uint8Array | undefined;

function parseJson(bytes: Uint8Array | undefined, path: string): unknown {
  if (!bytes) fail('is missing', path);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (e) {
    return fail(`is not JSON (${(e as Error).message})`, path);
  }
}

function readManifest(read: StoreReader): Manifest {
  const m = parseJson(read(MANIFEST_FILE), MANIFEST_FILE) as Partial<Manifest>;
  if (m?.format !== MANIFEST_FORMAT || m.version !== 1 || !Array.isArray(m.layers)) {
    fail(`is not a version 1 "${MANIFEST_FORMAT}" document`, MANIFEST_FILE);
  }
  m.layers.forEach((l, i) => {
    if (typeof l?.dir !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(l.dir))
      fail(`dir ${JSON.stringify(l?.dir)} is not a layer folder name`, `${MANIFEST_FILE}#/layers/${i}/dir`);
  });
  return m as Manifest;
}

/** Reads every layer of a store back (from the .bin files, or from the .hex files with `hex`). */
export function readStore(read: StoreReader, o: { hex?: boolean } = {}): Map<string, DecodedWeightStore> {
  const out = new Map<string, DecodedWeightStore>();
  for (const l of readManifest(read).layers) {
    const at = (f: string) => `${l.dir}/${f}`;
    const f = LAYER_FILES;
    const metadata = parseJson(read(at(f.metadata)), at(f.metadata));
    const need = (p: string) => read(at(p)) ?? fail('is missing', at(p));
    const withWhere = <T>(fn: () => T): T => {
      try {
        return fn();
      } catch (e) {
        if (e instanceof SparsePixelsError)
          throw new SparsePixelsError(e.code, e.message.replace(/^(weights_|bias_)/, `${l.dir}/$1`));
        throw e;
      }
    };
    const biasFile = read(at(o.hex ? f.biasHex : f.bias));
    const decoded = withWhere(() =>
      o.hex
        ? decodeWeightStoreHex({
            metadata,
            entries: new TextDecoder().decode(need(f.entriesHex)),
            ...(biasFile ? { bias: new TextDecoder().decode(biasFile) } : {}),
          })
        : decodeWeightStore({
            metadata,
            indices: need(f.indices),
            values: need(f.values),
            ...(biasFile ? { bias: biasFile } : {}),
          }),
    );
    if (decoded.metadata.layer !== l.layer)
      fail(`holds layer "${decoded.metadata.layer}", the manifest says "${l.layer}"`, at(f.metadata));
    out.set(l.layer, decoded);
  }
  return out;
}

/** The model with every stored layer's weights taken from the store (for bit-identity checks). */
export function modelFromStore(doc: ModelIR, store: ReadonlyMap<string, DecodedWeightStore>): ModelIR {
  let m = doc;
  for (const [name, d] of store) m = withLayerWeights(m, name, d.raws, d.bias?.raws);
  return m;
}

/** The model's store encoded and decoded in memory: what the files would give back. */
export function roundTripStore(store: ModelStore): Map<string, DecodedWeightStore> {
  const files = new Map(
    storeFiles(store).map((f) => [
      f.path,
      typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data,
    ]),
  );
  return readStore((p) => files.get(p));
}
