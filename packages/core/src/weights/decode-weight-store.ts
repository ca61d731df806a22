/**
 * Reads a compressed weight store (docs/weight-store.md) back into the dense tensor it came from,
 * bit for bit, from the metadata and either the .bin bytes or the .hex text. Pure: the caller
 * reads the files. Every inconsistency is one SparsePixelsError naming the file (and JSON pointer
 * or line).
 */
import { SparsePixelsError } from '../errors';
import type { FixedType } from '../fixed/fixed-type';
import { formatType } from '../fixed/format-type';
import { parseType } from '../fixed/parse-type';
import { checkedRaws } from './encode-weight-store';
import { parseReadmemh, readLeWords } from './le-words';
import {
  indexWidth,
  segmentWidths,
  storageBytes,
  WEIGHT_STORE_FORMAT,
  WEIGHT_STORE_VERSION,
  type ValueEncoding,
  type WeightStoreMetadata,
} from './weight-store-format';

export const METADATA_FILE = 'weights_metadata.json';

export interface DecodedWeightStore {
  readonly metadata: WeightStoreMetadata;
  readonly type: FixedType;
  /** Dense raws in Keras layout (output channel fastest), zeros where nothing is stored. */
  readonly raws: bigint[];
  /** The stored entries in store order (channel segments one after the other, indices ascending). */
  readonly entries: { readonly index: readonly number[]; readonly value: readonly bigint[] };
  readonly bias?: { readonly type: FixedType; readonly raws: bigint[] };
}

export interface WeightStoreBytes {
  /** The parsed weights_metadata.json. */
  readonly metadata: unknown;
  readonly indices: Uint8Array;
  readonly values: Uint8Array;
  readonly bias?: Uint8Array;
}

export interface WeightStoreText {
  readonly metadata: unknown;
  /** weights_entries.hex */
  readonly entries: string;
  /** bias_values.hex */
  readonly bias?: string;
}

function fail(message: string, where: string): never {
  throw new SparsePixelsError('SP_WEIGHT_STORE', message, where);
}

const isInt = (v: unknown, lo = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo;

function field<T>(
  o: Record<string, unknown>,
  key: string,
  ok: (v: unknown) => v is T,
  expected: string,
  at: string,
): T {
  const v = o[key];
  if (!ok(v))
    fail(
      `${JSON.stringify(v) ?? 'missing'} is not allowed; expected ${expected}`,
      `${METADATA_FILE}#${at}/${key}`,
    );
  return v;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function encodingOf(o: unknown, at: string): { enc: ValueEncoding; type: FixedType } {
  if (!isObj(o)) fail('is not an object', `${METADATA_FILE}#${at}`);
  const text = field(o, 'type', (v): v is string => typeof v === 'string', 'a type string', at);
  let type: FixedType;
  try {
    type = parseType(text);
  } catch (e) {
    fail((e as Error).message, `${METADATA_FILE}#${at}/type`);
  }
  const enc = {
    type: formatType(type),
    width: type.width,
    signed: type.signed,
    frac_bits: type.width - type.integer,
    bytes: storageBytes(type.width),
  };
  for (const k of ['width', 'signed', 'frac_bits', 'bytes'] as const) {
    if (o[k] !== enc[k])
      fail(
        `${JSON.stringify(o[k])} disagrees with ${text} (${k} ${String(enc[k])})`,
        `${METADATA_FILE}#${at}/${k}`,
      );
  }
  return { enc, type };
}

/** Checks weights_metadata.json field by field and returns it typed. */
export function parseWeightStoreMetadata(json: unknown): {
  metadata: WeightStoreMetadata;
  type: FixedType;
  biasType?: FixedType;
} {
  if (!isObj(json)) fail('is not a JSON object', METADATA_FILE);
  if (json['format'] !== WEIGHT_STORE_FORMAT)
    fail(
      `format ${JSON.stringify(json['format'])} is not "${WEIGHT_STORE_FORMAT}"`,
      `${METADATA_FILE}#/format`,
    );
  if (json['version'] !== WEIGHT_STORE_VERSION)
    fail(
      `version ${JSON.stringify(json['version'])} is not supported; this reader reads version ${WEIGHT_STORE_VERSION}`,
      `${METADATA_FILE}#/version`,
    );
  const str = (v: unknown): v is string => typeof v === 'string';
  const layer = field(json, 'layer', str, 'a layer name', '');
  const op = field(json, 'op', str, 'an op name', '');
  const shape = field(
    json,
    'shape',
    (v): v is number[] => Array.isArray(v) && v.length > 0 && v.every((d) => isInt(d, 1)),
    'positive integer dimensions',
    '',
  );
  const count = shape.reduce((a, b) => a * b, 1);
  const channels = shape[shape.length - 1]!;
  const fanIn = count / channels;
  for (const [k, want] of [
    ['count', count],
    ['channels', channels],
    ['fan_in', fanIn],
  ] as const) {
    if (json[k] !== want)
      fail(
        `${JSON.stringify(json[k])} disagrees with shape [${shape.join(', ')}] (${want})`,
        `${METADATA_FILE}#/${k}`,
      );
  }
  const nnz = field(json, 'nnz', (v): v is number => isInt(v) && v <= count, `an integer 0..${count}`, '');
  const { enc: value, type } = encodingOf(json['value'], '/value');
  const iw = indexWidth(fanIn);
  const index = field(
    json,
    'index',
    (v): v is { width: number; bytes: number } =>
      isObj(v) && v['width'] === iw && v['bytes'] === storageBytes(iw),
    `{ "width": ${iw}, "bytes": ${storageBytes(iw)} }`,
    '',
  );
  const base_offset = field(json, 'base_offset', (v): v is number => isInt(v), 'an integer >= 0', '');
  const seg = segmentWidths(nnz, fanIn);
  const segment = field(
    json,
    'segment',
    (v): v is typeof seg =>
      isObj(v) && v['offset_width'] === seg.offset_width && v['length_width'] === seg.length_width,
    JSON.stringify(seg),
    '',
  );
  const segs = field(
    json,
    'channel_segments',
    (v): v is unknown[] => Array.isArray(v) && v.length === channels,
    `${channels} segments`,
    '',
  );
  let next = 0;
  const channel_segments = segs.map((s, o) => {
    const at = `/channel_segments/${o}`;
    if (
      !isObj(s) ||
      s['channel'] !== o ||
      s['offset'] !== next ||
      !isInt(s['length']) ||
      s['length'] > fanIn
    ) {
      fail(
        `${JSON.stringify(s)} is not { "channel": ${o}, "offset": ${next}, "length": 0..${fanIn} } (segments are contiguous, in channel order)`,
        `${METADATA_FILE}#${at}`,
      );
    }
    next += s['length'];
    return { channel: o, offset: s['offset'], length: s['length'] };
  });
  if (next !== nnz)
    fail(`segments hold ${next} entries but nnz is ${nnz}`, `${METADATA_FILE}#/channel_segments`);
  let bias: WeightStoreMetadata['bias'] = null;
  let biasType: FixedType | undefined;
  if (json['bias'] !== null && json['bias'] !== undefined) {
    const b = encodingOf(json['bias'], '/bias');
    if ((json['bias'] as Record<string, unknown>)['count'] !== channels)
      fail(`count is not ${channels}`, `${METADATA_FILE}#/bias/count`);
    bias = { ...b.enc, count: channels };
    biasType = b.type;
  }
  const metadata: WeightStoreMetadata = {
    format: WEIGHT_STORE_FORMAT,
    version: WEIGHT_STORE_VERSION,
    layer,
    op,
    shape,
    fan_in: fanIn,
    channels,
    count,
    nnz,
    value,
    index,
    base_offset,
    channel_segments,
    segment,
    bias,
  };
  return { metadata, type, ...(biasType ? { biasType } : {}) };
}

/** Entries (index, value) placed into the dense tensor, with the ordering rules checked. */
function scatter(
  m: WeightStoreMetadata,
  type: FixedType,
  idx: readonly bigint[],
  vals: readonly bigint[],
  file: string,
): Pick<DecodedWeightStore, 'raws' | 'entries'> {
  if (idx.length !== m.nnz || vals.length !== m.nnz)
    fail(`holds ${Math.min(idx.length, vals.length)} entries; the metadata says nnz ${m.nnz}`, file);
  const checked = checkedRaws(vals, type, 'value', m.layer);
  const raws = new Array<bigint>(m.count).fill(0n);
  for (const s of m.channel_segments) {
    let last = -1;
    for (let k = s.offset; k < s.offset + s.length; k++) {
      const i = Number(idx[k]!);
      if (i <= last || i >= m.fan_in)
        fail(
          `entry ${k}: index ${i} of channel ${s.channel} is not in ${last + 1}..${m.fan_in - 1} (ascending within a segment)`,
          file,
        );
      if (checked[k] === 0n) fail(`entry ${k}: value is 0 (the store holds non-zero weights only)`, file);
      raws[i * m.channels + s.channel] = checked[k]!;
      last = i;
    }
  }
  return { raws, entries: { index: idx.map(Number), value: checked } };
}

function biasOf(
  m: WeightStoreMetadata,
  biasType: FixedType | undefined,
  words: bigint[] | undefined,
  file: string,
): DecodedWeightStore['bias'] {
  if (!m.bias || !biasType) {
    if (words) fail('is given but the metadata has no bias', file);
    return undefined;
  }
  if (!words) fail('is missing (the metadata declares a bias)', file);
  if (words.length !== m.channels) fail(`holds ${words.length} values for ${m.channels} channels`, file);
  return { type: biasType, raws: checkedRaws(words, biasType, 'bias', m.layer) };
}

/** The dense tensor from weights_metadata.json + weights_indices.bin + weights_values.bin (+ bias_values.bin). */
export function decodeWeightStore(f: WeightStoreBytes): DecodedWeightStore {
  const { metadata: m, type, biasType } = parseWeightStoreMetadata(f.metadata);
  const idx = readLeWords(f.indices, m.index.bytes, false, 'weights_indices.bin');
  const vals = readLeWords(f.values, m.value.bytes, m.value.signed, 'weights_values.bin');
  const dense = scatter(m, type, idx, vals, 'weights_values.bin');
  const biasWords =
    f.bias && m.bias
      ? readLeWords(f.bias, m.bias.bytes, m.bias.signed, 'bias_values.bin')
      : f.bias
        ? []
        : undefined;
  const bias = biasOf(m, biasType, biasWords, 'bias_values.bin');
  return { metadata: m, type, ...dense, ...(bias ? { bias } : {}) };
}

/** The same tensor from weights_metadata.json + weights_entries.hex (+ bias_values.hex). */
export function decodeWeightStoreHex(f: WeightStoreText): DecodedWeightStore {
  const { metadata: m, type, biasType } = parseWeightStoreMetadata(f.metadata);
  const vw = m.value.width;
  const words = parseReadmemh(f.entries, m.index.width + vw, 'weights_entries.hex');
  const idx = words.map((w) => w >> BigInt(vw));
  const vals = words.map((w) => (m.value.signed ? BigInt.asIntN(vw, w) : BigInt.asUintN(vw, w)));
  const dense = scatter(m, type, idx, vals, 'weights_entries.hex');
  const biasWords =
    f.bias === undefined
      ? undefined
      : m.bias
        ? parseReadmemh(f.bias, m.bias.width, 'bias_values.hex').map((w) =>
            m.bias!.signed ? BigInt.asIntN(m.bias!.width, w) : w,
          )
        : [];
  const bias = biasOf(m, biasType, biasWords, 'bias_values.hex');
  return { metadata: m, type, ...dense, ...(bias ? { bias } : {}) };
}
