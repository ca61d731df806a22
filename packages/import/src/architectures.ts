import { parseType } from '@sparsepixels/core';
import type { LayerIR, ModelIR } from '@sparsepixels/ir';
import { buildPaperModel, PAPER_N_MAX, type PaperDataset } from '@sparsepixels/ir/testing';
import { importError } from './import-error';
import type { H5Reader } from './hdf5/h5-file';
import { quantizeValues } from './quantizers/quantizer';

/** `neutrino-sparse-m-8b`, `jet-standard-16b`, ...: the paper architectures a weights-only .h5 can fill. */
export const ARCHITECTURE_PATTERN = /^(neutrino|jet|mnist)-(standard|sparse-[tsml])-(8|16)b$/;

export function architectureNames(): string[] {
  const out: string[] = [];
  for (const d of ['neutrino', 'jet', 'mnist'])
    for (const v of ['standard', 'sparse-t', 'sparse-s', 'sparse-m', 'sparse-l']) for (const b of [8, 16]) out.push(`${d}-${v}-${b}b`);
  return out;
}

/** The IR of a named architecture (weights still to fill), quantizers as the paper's: quantized_bits(B, I). */
export function architectureModel(name: string): ModelIR {
  const m = ARCHITECTURE_PATTERN.exec(name);
  if (!m) throw importError('--arch', `unknown architecture '${name}'; use <neutrino|jet|mnist>-<standard|sparse-t|sparse-s|sparse-m|sparse-l>-<8|16>b`);
  const variant = m[2]!;
  const sparse = variant !== 'standard';
  const nMax = sparse ? PAPER_N_MAX[variant.slice(-1) as keyof typeof PAPER_N_MAX] : undefined;
  return buildPaperModel({ dataset: m[1] as PaperDataset, variant: sparse ? 'sparse' : 'standard', ...(nMax ? { nMax } : {}), bits: Number(m[3]) as 8 | 16, name: name.replace(/-/g, '_') });
}

/** Weighted layer groups of a legacy weights file, in its `layer_names` order. */
function weightedGroups(r: H5Reader): { name: string; arrays: { shape: readonly number[]; values: Float64Array }[] }[] {
  const names = r.attr('/', 'layer_names');
  const order = Array.isArray(names) ? names.map(String) : r.keys('/');
  return order
    .map((name) => {
      const wn = r.attr(`/${name}`, 'weight_names');
      const list = Array.isArray(wn) ? wn.map(String) : [];
      return { name, arrays: list.map((w) => r.read(`/${name}/${w}`)) };
    })
    .filter((g) => g.arrays.length > 0);
}

/**
 * Fills the conv/dense weights of `model` (in layer order) from the weighted groups of a
 * weights-only .h5 (in its order), quantized to each layer's declared weight grid with
 * quantized_bits rounding (half to even, saturating).
 */
export function fillArchitectureWeights(model: ModelIR, r: H5Reader): ModelIR {
  const groups = weightedGroups(r);
  const macs = model.layers.filter((l) => l.weights);
  if (groups.length !== macs.length)
    throw importError(r.source, `holds ${groups.length} layers with weights (${groups.map((g) => g.name).join(', ')}); the architecture '${model.name}' has ${macs.length}`);
  let k = 0;
  const layers = model.layers.map((l): LayerIR => {
    if (!l.weights) return l;
    const g = groups[k++]!;
    const weights: NonNullable<LayerIR['weights']> = {};
    for (const [wname, w] of Object.entries(l.weights)) {
      const found = g.arrays.filter((a) => a.shape.join(',') === w.shape.join(','));
      if (found.length !== 1)
        throw importError(`${r.source}:/${g.name}`, `expected one ${wname} of shape [${w.shape.join(', ')}] for layer "${l.name}", found ${found.length}`);
      const grid = parseType(l.precision![wname === 'kernel' ? 'weight' : 'bias']!);
      const q = { type: { ...grid, quant: 'AP_RND_CONV' as const, overflow: 'AP_SAT' as const }, text: 'quantized_bits' };
      weights[wname] = { shape: [...w.shape], values: quantizeValues(q, found[0]!.values) };
    }
    return { ...l, weights };
  });
  return { ...model, layers };
}
