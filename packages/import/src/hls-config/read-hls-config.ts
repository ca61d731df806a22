import { readFileSync } from 'node:fs';
import { parseType, type FixedType } from '@sparsepixels/core';
import { MAX_RECIPROCAL_BITS } from '@sparsepixels/ir';
import { parse as parseYaml } from 'yaml';
import { importError } from '../import-error';

/** Precisions by key (result, accum, weight, bias, table; `default` on the model). */
export type PrecisionMap = Readonly<Record<string, string>>;

export interface HlsLayerSettings {
  readonly precision: PrecisionMap;
  readonly reuseFactor?: number;
  readonly strategy?: string;
  readonly tableSize?: number;
  /** sparsepixels key: an average pooling's reciprocal fraction bits (the IR's `reciprocalBits`). */
  readonly reciprocalBits?: number;
}

/** The sparse activity rule (sparsepixels key `Model.Activity`; the IR's `activity`). */
export type HlsActivity = 'mask' | 'nonzero';
const ACTIVITIES: readonly HlsActivity[] = ['mask', 'nonzero'];

/** An hls4ml configuration (the whole config or just its HLSConfig part), normalised. */
export interface HlsConfig {
  readonly source: string;
  readonly model: HlsLayerSettings & { readonly pipelineStyle?: string; readonly activity?: HlsActivity };
  readonly layers: Readonly<Record<string, HlsLayerSettings>>;
  readonly top: { ioType?: string; part?: string; clockPeriod?: number; project?: string; clockUncertainty?: string };
  /** Keys read but without meaning for the IR (file locations, writer options), named for the user. */
  readonly ignored: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const FILE_KEYS = ['OutputDir', 'KerasModel', 'InputData', 'OutputPredictions', 'WriterConfig', 'Version', 'Stamp', 'InputShapes', 'OutputShapes', 'Backend', 'Trace', 'TraceOutput', 'BitExact'];

function precisionMap(v: unknown, where: string): PrecisionMap {
  if (v === undefined) return {};
  if (typeof v === 'string') return { default: v };
  if (!isObj(v)) throw importError(where, 'Precision must be a type string or a map of them');
  const out: Record<string, string> = {};
  for (const [k, t] of Object.entries(v)) {
    if (typeof t !== 'string') throw importError(`${where}.${k}`, 'is not a type string');
    out[k] = t;
  }
  return out;
}

function settings(v: unknown, where: string, allowed: readonly string[], ignored: string[]): HlsLayerSettings {
  if (!isObj(v)) throw importError(where, 'must be a map');
  for (const k of Object.keys(v)) {
    if (FILE_KEYS.includes(k)) ignored.push(`${where}.${k}`);
    else if (!allowed.includes(k)) throw importError(`${where}.${k}`, `is not supported (supported: ${allowed.join(', ')})`);
  }
  const rf = v['ReuseFactor'];
  if (rf !== undefined && (!Number.isInteger(rf) || (rf as number) < 1)) throw importError(`${where}.ReuseFactor`, 'must be a positive integer');
  const ts = v['TableSize'];
  if (ts !== undefined && (!Number.isInteger(ts) || (ts as number) < 2)) throw importError(`${where}.TableSize`, 'must be an integer >= 2');
  const rb = v['ReciprocalBits'];
  if (rb !== undefined && (!Number.isInteger(rb) || (rb as number) < 0 || (rb as number) > MAX_RECIPROCAL_BITS))
    throw importError(`${where}.ReciprocalBits`, `must be an integer from 0 to ${MAX_RECIPROCAL_BITS}`);
  return {
    precision: precisionMap(v['Precision'], `${where}.Precision`),
    ...(rf !== undefined ? { reuseFactor: rf as number } : {}),
    ...(typeof v['Strategy'] === 'string' ? { strategy: v['Strategy'] } : {}),
    ...(ts !== undefined ? { tableSize: ts as number } : {}),
    ...(rb !== undefined ? { reciprocalBits: rb as number } : {}),
  };
}

/** Parses hls4ml config text (YAML, of which JSON is a subset). */
export function parseHlsConfig(text: string, source: string): HlsConfig {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw importError(source, `is not valid YAML/JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (!isObj(doc)) throw importError(source, 'must hold a map (HLSConfig, or Model/LayerName at the top)');
  const ignored: string[] = [];
  const hls = isObj(doc['HLSConfig']) ? doc['HLSConfig'] : doc;
  const topKeys = ['HLSConfig', 'IOType', 'Part', 'ClockPeriod', 'ProjectName', 'ClockUncertainty', 'Model', 'LayerName'];
  for (const k of Object.keys(doc)) {
    if (FILE_KEYS.includes(k)) ignored.push(k);
    else if (!topKeys.includes(k)) throw importError(`${source}: ${k}`, k === 'LayerType' ? 'LayerType is not supported; give per-layer settings under LayerName' : `is not a supported hls4ml config key (${topKeys.join(', ')})`);
  }
  if (hls !== doc) for (const k of Object.keys(hls)) if (!['Model', 'LayerName'].includes(k)) {
    if (k === 'LayerType') throw importError(`${source}: HLSConfig.LayerType`, 'is not supported; give per-layer settings under LayerName');
    throw importError(`${source}: HLSConfig.${k}`, 'is not supported (Model, LayerName)');
  }
  const modelRaw = hls['Model'] ?? {};
  const model = settings(modelRaw, `${source}: Model`, ['Precision', 'ReuseFactor', 'Strategy', 'PipelineStyle', 'Activity', 'BramFactor', 'TraceOutput', 'BitExact'], ignored);
  const bram = isObj(modelRaw) ? modelRaw['BramFactor'] : undefined;
  if (bram !== undefined && bram !== 1000000000) throw importError(`${source}: Model.BramFactor`, 'weights in BRAM are not supported (leave the default 1000000000)');
  const layers: Record<string, HlsLayerSettings> = {};
  const ln = hls['LayerName'];
  if (ln !== undefined) {
    if (!isObj(ln)) throw importError(`${source}: LayerName`, 'must be a map of layer names');
    for (const [name, v] of Object.entries(ln)) layers[name] = settings(v, `${source}: LayerName.${name}`, ['Precision', 'ReuseFactor', 'Strategy', 'TableSize', 'ReciprocalBits', 'Trace'], ignored);
  }
  const num = (k: string) => (typeof doc[k] === 'number' ? (doc[k] as number) : undefined);
  const str = (k: string) => (typeof doc[k] === 'string' ? (doc[k] as string) : undefined);
  const top = {
    ...(str('IOType') ? { ioType: str('IOType') } : {}),
    ...(str('Part') ? { part: str('Part') } : {}),
    ...(num('ClockPeriod') !== undefined ? { clockPeriod: num('ClockPeriod') } : {}),
    ...(str('ProjectName') ? { project: str('ProjectName') } : {}),
    ...(doc['ClockUncertainty'] !== undefined ? { clockUncertainty: String(doc['ClockUncertainty']) } : {}),
  };
  const pipelineStyle = isObj(modelRaw) && typeof modelRaw['PipelineStyle'] === 'string' ? modelRaw['PipelineStyle'] : undefined;
  const activity = isObj(modelRaw) ? modelRaw['Activity'] : undefined;
  if (activity !== undefined && !ACTIVITIES.includes(activity as HlsActivity))
    throw importError(`${source}: Model.Activity`, `'${String(activity)}' is not supported (${ACTIVITIES.join(', ')})`);
  return {
    source,
    model: { ...model, ...(pipelineStyle ? { pipelineStyle } : {}), ...(activity !== undefined ? { activity: activity as HlsActivity } : {}) },
    layers,
    top,
    ignored,
  };
}

/** Reads an hls4ml config file (.yml, .yaml or .json). */
export function readHlsConfig(path: string): HlsConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw importError(path, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return parseHlsConfig(text, path);
}

/** A type string of the config parsed (hls4ml spellings accepted), or a one-line refusal. */
export function hlsType(s: string, where: string): FixedType {
  try {
    return parseType(s);
  } catch (err) {
    throw importError(where, `'${s}' is not a fixed-point type (${(err as Error).message})`);
  }
}

/** The weight/bias type the config gives a layer whose weights are float (its own, else the model's). */
export function floatWeightType(c: HlsConfig | undefined, layer: string, key: 'weight' | 'bias'): FixedType | undefined {
  if (!c) return undefined;
  const own = c.layers[layer]?.precision[key];
  if (own && own !== 'auto') return hlsType(own, `${c.source}: LayerName.${layer}.Precision.${key}`);
  const m = c.model.precision[key] ?? c.model.precision['default'];
  return m && m !== 'auto' ? hlsType(m, `${c.source}: Model.Precision`) : undefined;
}
