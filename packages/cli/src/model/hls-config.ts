/**
 * hls4ml-style per-layer configuration (`convert --hls-config config.yml`), applied to the IR before
 * emitting. Honoured: `Model: { ReuseFactor, Strategy }` and `LayerName: { <layer>: { Precision,
 * ReuseFactor, Strategy } }` with Precision a type string (the result type) or a map of
 * result / accum / weight / bias / table types. Everything else is refused in one line naming
 * the key (hls4ml's Model.Precision default would replace types that precision inference derives
 * exactly; LayerType sections are not supported).
 */
import { readFileSync } from 'node:fs';
import { SparsePixelsError } from '@sparsepixels/core';
import { didYouMean, type LayerIR, type ModelIR, type PrecisionIR } from '@sparsepixels/ir';
import { parseDocument } from 'yaml';
import { fileError } from '../io/file-errors';

type Dict = Record<string, unknown>;

const PRECISION_KEYS = ['result', 'accum', 'weight', 'bias', 'table'] as const;

function fail(file: string, where: string, message: string): never {
  throw new SparsePixelsError('SP_HLS_CONFIG', `${where}: ${message}`, file);
}

function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(file: string, where: string, d: Dict, allowed: readonly string[], why = ''): void {
  for (const k of Object.keys(d)) {
    if (!allowed.includes(k))
      fail(
        file,
        `${where}${where ? '.' : ''}${k}`,
        `not supported${why}; use ${allowed.join(', ')}${didYouMean(k, [...allowed])}`,
      );
  }
}

function reuse(file: string, where: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1_000_000)
    fail(file, where, `ReuseFactor ${JSON.stringify(v)} must be an integer 1..1000000`);
  return v;
}

function strategy(file: string, where: string, v: unknown): 'latency' | 'resource' {
  const s = String(v).toLowerCase();
  if (s !== 'latency' && s !== 'resource')
    fail(file, where, `Strategy ${JSON.stringify(v)} must be Latency or Resource`);
  return s;
}

function precision(file: string, where: string, v: unknown): PrecisionIR {
  if (typeof v === 'string') return { result: v };
  if (!isDict(v))
    fail(file, where, 'Precision must be a type string or a map of result/accum/weight/bias/table types');
  checkKeys(file, where, v, PRECISION_KEYS);
  const out: PrecisionIR = {};
  for (const [k, t] of Object.entries(v)) {
    if (typeof t !== 'string') fail(file, `${where}.${k}`, `${JSON.stringify(t)} is not a type string`);
    out[k as (typeof PRECISION_KEYS)[number]] = t;
  }
  return out;
}

function layerConfig(file: string, name: string, cfg: unknown, layer: LayerIR): LayerIR {
  const where = `LayerName.${name}`;
  if (!isDict(cfg)) fail(file, where, 'must be a map of Precision, ReuseFactor, Strategy');
  checkKeys(file, where, cfg, ['Precision', 'ReuseFactor', 'Strategy']);
  const build = {
    ...layer.build,
    ...(cfg['ReuseFactor'] !== undefined
      ? { reuseFactor: reuse(file, `${where}.ReuseFactor`, cfg['ReuseFactor']) }
      : {}),
    ...(cfg['Strategy'] !== undefined
      ? { strategy: strategy(file, `${where}.Strategy`, cfg['Strategy']) }
      : {}),
  };
  const prec = cfg['Precision'] !== undefined ? precision(file, `${where}.Precision`, cfg['Precision']) : {};
  return {
    ...layer,
    ...(Object.keys(prec).length ? { precision: { ...layer.precision, ...prec } } : {}),
    ...(Object.keys(build).length ? { build } : {}),
  };
}

/** Applies an hls4ml-style configuration (already parsed) to an IR document. */
export function applyHlsConfig(doc: ModelIR, config: unknown, file: string): ModelIR {
  if (!isDict(config)) fail(file, '(document)', 'expected a map with Model and/or LayerName sections');
  checkKeys(
    file,
    '',
    config,
    ['Model', 'LayerName'],
    ' (LayerType sections are not supported: name the layers)',
  );
  let out: ModelIR = doc;
  const model = config['Model'];
  if (model !== undefined) {
    if (!isDict(model)) fail(file, 'Model', 'must be a map of ReuseFactor, Strategy');
    checkKeys(
      file,
      'Model',
      model,
      ['ReuseFactor', 'Strategy'],
      " (Model.Precision: 'auto' types are inferred exactly; set types per layer under LayerName)",
    );
    out = {
      ...out,
      build: {
        ...out.build,
        ...(model['ReuseFactor'] !== undefined
          ? { reuseFactor: reuse(file, 'Model.ReuseFactor', model['ReuseFactor']) }
          : {}),
        ...(model['Strategy'] !== undefined
          ? { strategy: strategy(file, 'Model.Strategy', model['Strategy']) }
          : {}),
      },
    };
  }
  const layers = config['LayerName'];
  if (layers !== undefined) {
    if (!isDict(layers)) fail(file, 'LayerName', 'must be a map from layer names to their settings');
    const names = out.layers.map((l) => l.name);
    for (const name of Object.keys(layers)) {
      if (!names.includes(name))
        fail(file, `LayerName.${name}`, `the model has no layer '${name}'${didYouMean(name, names)}`);
    }
    out = {
      ...out,
      layers: out.layers.map((l) => (l.name in layers ? layerConfig(file, l.name, layers[l.name], l) : l)),
    };
  }
  return out;
}

/** Reads a YAML file (one-line errors with the line number) and applies it. */
export function readHlsConfig(doc: ModelIR, file: string): ModelIR {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw fileError(err, 'read', file);
  }
  const parsed = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const e = parsed.errors[0];
  if (e) {
    const line = e.linePos?.[0]?.line;
    throw new SparsePixelsError(
      'SP_HLS_CONFIG',
      `not valid YAML: ${e.message.split('\n')[0]}`,
      line ? `${file}:${line}` : file,
    );
  }
  return applyHlsConfig(doc, parsed.toJS(), file);
}
