import type { H5Array, H5Reader } from '../hdf5/h5-file';
import { importError } from '../import-error';
import { toSnakeCase, type KerasLayer } from './model-config';

/** One stored variable of a layer: its path below the layer's group and its values. */
export interface StoredVar {
  readonly path: string;
  readonly array: H5Array;
}

/** Every variable stored for one layer (its own and its sub-layers'), in storage order. */
export interface LayerVars {
  readonly where: string;
  readonly vars: readonly StoredVar[];
}

/** Where a file keeps the variables of each layer. */
export interface WeightLayout {
  readonly description: string;
  vars(layer: KerasLayer, where: string): LayerVars;
}

/** Datasets below `root`: a group's `vars/<n>` in numeric order first, then its sub-groups by name. */
function collect(r: H5Reader, root: string, rel: string, out: StoredVar[]): void {
  const keys = r.keys(root);
  const numeric = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);
  const datasets = keys.filter((k) => r.isDataset(`${root}/${k}`)).sort(numeric);
  for (const k of datasets) out.push({ path: rel ? `${rel}/${k}` : k, array: r.read(`${root}/${k}`) });
  for (const k of keys.filter((k) => r.isGroup(`${root}/${k}`)).sort((a, b) => (a === 'vars' ? -1 : b === 'vars' ? 1 : a.localeCompare(b))))
    collect(r, `${root}/${k}`, rel ? `${rel}/${k}` : k, out);
}

/**
 * The .keras weights file (Keras 2.13+ under `/_layer_checkpoint_dependencies`, Keras 3 under
 * `/layers`): one group per layer named after its class in snake case with a counter per class
 * (`q_conv2d`, `q_conv2d_1`, ...) in the order of config.layers; a group named after the layer is
 * accepted too.
 */
export function kerasZipLayout(r: H5Reader, layers: readonly KerasLayer[]): WeightLayout {
  const root = ['/_layer_checkpoint_dependencies', '/layers'].find((p) => r.isGroup(p));
  const groupOf = new Map<string, string>();
  const used = new Map<string, number>();
  for (const l of layers) {
    const snake = toSnakeCase(l.className);
    const n = used.get(snake);
    used.set(snake, n === undefined ? 0 : n + 1);
    groupOf.set(l.name, n === undefined ? snake : `${snake}_${n + 1}`);
  }
  return {
    description: root ? `.keras weights (${root})` : '.keras weights',
    vars(layer, where) {
      const out: StoredVar[] = [];
      if (root) {
        const byClass = `${root}/${groupOf.get(layer.name)}`;
        const byName = `${root}/${layer.name}`;
        const g = r.isGroup(byClass) ? byClass : r.isGroup(byName) ? byName : undefined;
        if (g) collect(r, g, '', out);
      }
      return { where, vars: out };
    },
  };
}

/**
 * Legacy Keras HDF5 (`model.save('x.h5')` under `/model_weights`, or `save_weights` at the root):
 * one group per layer name whose `weight_names` attribute lists its datasets in order.
 */
export function legacyH5Layout(r: H5Reader, root: string): WeightLayout {
  return {
    description: 'legacy Keras HDF5 weights',
    vars(layer, where) {
      const g = `${root === '/' ? '' : root}/${layer.name}`;
      if (!r.isGroup(g)) return { where, vars: [] };
      const names = r.attr(g, 'weight_names');
      const list = Array.isArray(names) ? names.map(String) : [];
      const vars = list.map((n) => {
        const p = `${g}/${n}`;
        if (!r.isDataset(p)) throw importError(`${r.source}:${p}`, `weight '${n}' of layer "${layer.name}" is listed but missing`);
        return { path: n, array: r.read(p) };
      });
      return { where, vars };
    },
  };
}

const QUANTIZER_SEGMENT = /(^|_)(iq|kq|bq|oq)$/;

/** The sub-path segment naming an HGQ2 quantizer ('kq', '_kq', 'conv1_bq', ...), if any. */
export function quantizerSegment(path: string): string | undefined {
  for (const seg of path.split('/')) {
    const m = QUANTIZER_SEGMENT.exec(seg);
    if (m) return m[2];
  }
  return undefined;
}

/** The variables of a layer outside any quantizer sub-layer (kernels, biases). */
export function plainVars(v: LayerVars): StoredVar[] {
  return v.vars.filter((x) => quantizerSegment(x.path) === undefined);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The one variable of `shape` (outside quantizers), preferring a path that mentions `hint`
 * ('kernel', 'bias') when several have the shape; undefined when none has it.
 */
export function findVar(v: LayerVars, shape: readonly number[], hint: string, exclude?: StoredVar): StoredVar | undefined {
  const c = plainVars(v).filter((x) => x !== exclude && sameShape(x.array.shape, shape));
  if (c.length <= 1) return c[0];
  const named = c.filter((x) => x.path.includes(hint));
  if (named.length === 1) return named[0];
  throw importError(v.where, `${c.length} stored variables have the ${hint} shape [${shape.join(', ')}]; cannot tell which is the ${hint}`);
}

/** Variables of the quantizer sub-layer `q` ('kq', 'bq', 'iq'), in storage order. */
export function quantizerVars(v: LayerVars, q: string): StoredVar[] {
  return v.vars.filter((x) => quantizerSegment(x.path) === q);
}
