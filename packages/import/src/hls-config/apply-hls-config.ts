import { formatType, quantizeNumber, rawToNumber } from '@sparsepixels/core';
import { didYouMean, findOp, type BuildIR, type LayerIR, type PrecisionKey } from '@sparsepixels/ir';
import { importError } from '../import-error';
import { irRead } from '../ir-build/ir-builder';
import { hlsType, type HlsActivity, type HlsConfig } from './read-hls-config';

const PRECISION_KEYS: readonly PrecisionKey[] = ['result', 'accum', 'weight', 'bias', 'table'];

/** The result of applying a config: layers with its precisions, build hints, and the input type if it sets one. */
export interface AppliedHlsConfig {
  readonly layers: LayerIR[];
  readonly build: BuildIR;
  readonly inputType?: string;
  /** The document's activity rule when the config sets one (`Model.Activity`). */
  readonly activity?: HlsActivity;
  readonly warnings: string[];
}

function checkOnGrid(l: LayerIR, key: 'weight' | 'bias', type: string, where: string): void {
  const w = l.weights?.[key === 'weight' ? 'kernel' : 'bias'];
  if (!w) return;
  const t = hlsType(type, where);
  const off = w.values.findIndex((v) => rawToNumber(quantizeNumber(v, { ...t, quant: 'AP_TRN', overflow: 'AP_SAT' }), t) !== v);
  if (off >= 0)
    throw importError(where, `${key} value ${w.values[off]} of layer "${l.name}" is not exactly representable in ${formatType(t)}; the config would change the trained weights`);
}

function setPrecisions(l: LayerIR, p: Readonly<Record<string, string>>, where: string): LayerIR {
  const op = findOp(l.op);
  let out = l;
  for (const [k, v] of Object.entries(p)) {
    if (k === 'default') {
      for (const key of op?.precisions ?? []) if (key !== 'weight' && key !== 'bias') out = irRead.setPrecision(out, key, v === 'auto' ? 'auto' : formatType(hlsType(v, `${where}.default`)));
      continue;
    }
    const key = k as PrecisionKey;
    if (!PRECISION_KEYS.includes(key) || (op && !op.precisions.includes(key)))
      throw importError(`${where}.${k}`, `layer "${l.name}" (${l.op}) has no '${k}' precision (it has ${(op?.precisions ?? []).join(', ')})`);
    if (v !== 'auto' && (key === 'weight' || key === 'bias')) checkOnGrid(out, key, v, `${where}.${k}`);
    out = irRead.setPrecision(out, key, v === 'auto' ? 'auto' : formatType(hlsType(v, `${where}.${k}`)));
  }
  return out;
}

function checkStrategy(s: string, where: string): 'latency' | 'resource' {
  const st = s.toLowerCase();
  if (st !== 'latency' && st !== 'resource') throw importError(where, `'${s}' is not supported (Latency, Resource)`);
  return st;
}

const unset = (l: LayerIR, k: PrecisionKey) => {
  const v = l.precision?.[k];
  return v === undefined || v === 'auto';
};

/**
 * Applies hls4ml settings on top of an imported model: LayerName precisions (result, accum,
 * weight, bias, table; weights must stay exact), TableSize, ReciprocalBits (average pooling); the Model precision for every result
 * and accumulator still 'auto' (as hls4ml's default type); Model ReuseFactor and Strategy as the
 * model's build hints, a layer's own as its `build` (backends honour or refuse them per op);
 * IOType, Part, ClockPeriod; the Model's Activity as the document's activity rule.
 */
export function applyHlsConfig(layers: readonly LayerIR[], c: HlsConfig, inputName: string, inputTypeFixed: boolean): AppliedHlsConfig {
  const warnings = c.ignored.length ? [`${c.source}: ignored (file and writer settings): ${c.ignored.join(', ')}`] : [];
  const names = layers.map((l) => l.name);
  let inputType: string | undefined;
  const byName = new Map(layers.map((l, i) => [l.name, i]));
  const out = [...layers];
  for (const [name, s] of Object.entries(c.layers)) {
    const where = `${c.source}: LayerName.${name}`;
    if (name === inputName) {
      const r = s.precision['result'] ?? s.precision['default'];
      if (r && r !== 'auto') inputType = formatType(hlsType(r, `${where}.Precision`));
      continue;
    }
    const i = byName.get(name);
    if (i === undefined) throw importError(where, `no layer "${name}" in the model${didYouMean(name, [...names, inputName])}`);
    let l = setPrecisions(out[i]!, s.precision, `${where}.Precision`);
    if (s.tableSize !== undefined) {
      if (!irRead.hasTables(l))
        throw importError(`${where}.TableSize`, `layer "${name}" has no table`);
      l = irRead.withTableSize(l, s.tableSize);
    }
    if (s.reciprocalBits !== undefined) {
      if (!irRead.hasReciprocal(l)) throw importError(`${where}.ReciprocalBits`, `layer "${name}" (${l.op}) is not an average pooling`);
      l = irRead.withReciprocalBits(l, s.reciprocalBits);
    }
    if (s.reuseFactor !== undefined || s.strategy) {
      const strategy = s.strategy ? checkStrategy(s.strategy, `${where}.Strategy`) : undefined;
      l = { ...l, build: { ...l.build, ...(s.reuseFactor !== undefined ? { reuseFactor: s.reuseFactor } : {}), ...(strategy ? { strategy } : {}) } };
    }
    out[i] = l;
  }
  const dflt = c.model.precision['default'];
  const modelP = c.model.precision;
  for (const k of Object.keys(modelP)) if (k !== 'default' && !PRECISION_KEYS.includes(k as PrecisionKey)) throw importError(`${c.source}: Model.Precision.${k}`, 'is not a precision key (default, result, accum, weight, bias, table)');
  out.forEach((l, i) => {
    if (l.op === 'InputReduce') return;
    const op = findOp(l.op);
    for (const key of ['result', 'accum', 'table'] as const) {
      const t = modelP[key] ?? dflt;
      if (!t || t === 'auto' || !op?.precisions.includes(key) || !unset(out[i]!, key)) continue;
      if (key === 'table' && !irRead.hasTables(l)) continue;
      if (c.layers[l.name]?.precision[key] === 'auto') continue;
      out[i] = irRead.setPrecision(out[i]!, key, formatType(hlsType(t, `${c.source}: Model.Precision`)));
    }
  });
  if (!inputType && !inputTypeFixed && dflt && dflt !== 'auto') inputType = formatType(hlsType(dflt, `${c.source}: Model.Precision`));
  const build: BuildIR = {};
  if (c.model.reuseFactor !== undefined) build.reuseFactor = c.model.reuseFactor;
  if (c.model.strategy) build.strategy = checkStrategy(c.model.strategy, `${c.source}: Model.Strategy`);
  const io = c.top.ioType;
  if (io) {
    if (io !== 'io_parallel' && io !== 'io_stream') throw importError(`${c.source}: IOType`, `'${io}' is not supported (io_parallel, io_stream)`);
    build.ioType = io;
  }
  const ps = c.model.pipelineStyle?.toLowerCase();
  if (ps) {
    if (ps !== 'dataflow' && ps !== 'pipeline' && ps !== 'auto') throw importError(`${c.source}: Model.PipelineStyle`, `'${ps}' is not supported (auto, dataflow, pipeline)`);
    build.pipelineStyle = ps;
  }
  if (c.top.part) build.part = c.top.part;
  if (c.top.clockPeriod !== undefined) build.clockPeriod = c.top.clockPeriod;
  if (c.top.project) build.project = c.top.project;
  if (c.top.clockUncertainty) build.clockUncertainty = c.top.clockUncertainty;
  const activity = c.model.activity;
  return { layers: out, build, ...(inputType ? { inputType } : {}), ...(activity ? { activity } : {}), warnings };
}
