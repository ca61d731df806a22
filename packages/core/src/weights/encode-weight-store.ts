/**
 * encodeWeightStore: a dense weight tensor (raws in Keras layout, output channel last) into the
 * compressed (index, value) store of docs/weight-store.md: per output channel, the non-zero weights
 * in ascending index order (the accumulation order of Dense and Conv2D), as bytes and hex text.
 */
import { SparsePixelsError } from '../errors';
import type { FixedType } from '../fixed/fixed-type';
import { rawMaxBig, rawMinBig } from '../fixed/type-range';
import { formatReadmemh, writeLeWords } from './le-words';
import {
  indexWidth,
  segmentWidths,
  storageBytes,
  valueEncoding,
  WEIGHT_STORE_FORMAT,
  WEIGHT_STORE_VERSION,
  type ChannelSegment,
  type WeightStoreMetadata,
} from './weight-store-format';

type Raws = ArrayLike<number> | readonly bigint[];

export interface WeightStoreInput {
  readonly layer: string;
  readonly op: string;
  /** Keras layout; the last axis is the output channel. */
  readonly shape: readonly number[];
  readonly type: FixedType;
  readonly raws: Raws;
  readonly bias?: { readonly type: FixedType; readonly raws: Raws };
  /** Address of the layer's first entry in the model-wide store (default 0). */
  readonly baseOffset?: number;
}

/** The text of the five (six with a bias) `$readmemh` files. */
export interface WeightStoreHex {
  readonly indices: string;
  readonly values: string;
  /** One word per entry: {index, value} (index in the high bits). */
  readonly entries: string;
  /** One word per channel: {offset, length} (offset in the high bits). */
  readonly segments: string;
  readonly bias?: string;
}

export interface EncodedWeightStore {
  readonly metadata: WeightStoreMetadata;
  /** weights_indices.bin */
  readonly indices: Uint8Array;
  /** weights_values.bin */
  readonly values: Uint8Array;
  /** bias_values.bin */
  readonly bias?: Uint8Array;
  readonly hex: WeightStoreHex;
}

function fail(message: string, layer: string): never {
  throw new SparsePixelsError('SP_WEIGHT_STORE', message, `layer "${layer}"`);
}

/** Raws as bigints, each checked to lie in the type's raw range. */
export function checkedRaws(raws: Raws, t: FixedType, what: string, layer: string): bigint[] {
  const lo = rawMinBig(t);
  const hi = rawMaxBig(t);
  return Array.from(raws as ArrayLike<number | bigint>, (r, i) => {
    const v = typeof r === 'bigint' ? r : Number.isInteger(r) ? BigInt(r) : undefined;
    if (v === undefined || v < lo || v > hi)
      fail(`${what}[${i}] raw ${String(r)} is not an integer in ${lo}..${hi}`, layer);
    return v;
  });
}

export function encodeWeightStore(input: WeightStoreInput): EncodedWeightStore {
  const { layer, shape, type } = input;
  const count = shape.reduce((a, b) => a * b, 1);
  const channels = shape[shape.length - 1] ?? 0;
  if (shape.length < 1 || channels < 1 || shape.some((d) => !Number.isInteger(d) || d < 1))
    fail(`shape [${shape.join(', ')}] is not a tensor shape`, layer);
  if (input.raws.length !== count)
    fail(`${input.raws.length} weights for shape [${shape.join(', ')}] (${count})`, layer);
  const raws = checkedRaws(input.raws, type, 'weights', layer);
  const fanIn = count / channels;
  const idx: bigint[] = [];
  const vals: bigint[] = [];
  const segments: ChannelSegment[] = [];
  for (let o = 0; o < channels; o++) {
    const offset = idx.length;
    for (let i = 0; i < fanIn; i++) {
      const v = raws[i * channels + o]!;
      if (v !== 0n) {
        idx.push(BigInt(i));
        vals.push(v);
      }
    }
    segments.push({ channel: o, offset, length: idx.length - offset });
  }
  const value = valueEncoding(type);
  const iw = indexWidth(fanIn);
  const index = { width: iw, bytes: storageBytes(iw) };
  let bias: WeightStoreMetadata['bias'] = null;
  let biasRaws: bigint[] | undefined;
  if (input.bias) {
    if (input.bias.raws.length !== channels)
      fail(`${input.bias.raws.length} bias values for ${channels} output channels`, layer);
    biasRaws = checkedRaws(input.bias.raws, input.bias.type, 'bias', layer);
    bias = { ...valueEncoding(input.bias.type), count: channels };
  }
  const metadata: WeightStoreMetadata = {
    format: WEIGHT_STORE_FORMAT,
    version: WEIGHT_STORE_VERSION,
    layer,
    op: input.op,
    shape: [...shape],
    fan_in: fanIn,
    channels,
    count,
    nnz: vals.length,
    value,
    index,
    base_offset: input.baseOffset ?? 0,
    channel_segments: segments,
    segment: segmentWidths(vals.length, fanIn),
    bias,
  };
  const seg = { offset: metadata.segment.offset_width, length: metadata.segment.length_width };
  const what = `layer ${layer}, ${vals.length} of ${count} weights non-zero`;
  const hex: WeightStoreHex = {
    indices: formatReadmemh(idx, iw, `${what}; indices, ${iw} bits`),
    values: formatReadmemh(
      vals,
      value.width,
      `${what}; values ${value.type}, ${value.width}-bit raw patterns`,
    ),
    entries: formatReadmemh(
      idx.map((i, k) => (i << BigInt(value.width)) | BigInt.asUintN(value.width, vals[k]!)),
      iw + value.width,
      `${what}; entries {index[${iw}], value[${value.width}]}`,
    ),
    segments: formatReadmemh(
      segments.map((s) => (BigInt(s.offset) << BigInt(seg.length)) | BigInt(s.length)),
      seg.offset + seg.length,
      `${what}; channel segments {offset[${seg.offset}], length[${seg.length}]}`,
    ),
    ...(biasRaws && bias
      ? {
          bias: formatReadmemh(
            biasRaws,
            bias.width,
            `layer ${layer}; bias ${bias.type}, ${bias.width}-bit raw patterns`,
          ),
        }
      : {}),
  };
  return {
    metadata,
    indices: writeLeWords(idx, index.bytes),
    values: writeLeWords(vals, value.bytes),
    ...(biasRaws && bias ? { bias: writeLeWords(biasRaws, bias.bytes) } : {}),
    hex,
  };
}
