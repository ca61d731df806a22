/**
 * The compressed (index, value) weight store: the metadata document and the widths of its binary
 * and hex files. The format is specified in docs/weight-store.md; this file is its single source in
 * code (encoder, decoder and the RTL test vectors all take the widths from here).
 */
import { SparsePixelsError } from '../errors';
import { fracBits, type FixedType } from '../fixed/fixed-type';
import { formatType } from '../fixed/format-type';

export const WEIGHT_STORE_FORMAT = 'sparsepixels-weight-store';
export const WEIGHT_STORE_VERSION = 1;

/** The entries of one output channel: `length` entries from `offset` (relative to the layer's first). */
export interface ChannelSegment {
  readonly channel: number;
  readonly offset: number;
  readonly length: number;
}

/** A fixed-point tensor's element encoding in the .bin and .hex files. */
export interface ValueEncoding {
  /** Canonical type string (parseType reads it back). */
  readonly type: string;
  readonly width: number;
  readonly signed: boolean;
  readonly frac_bits: number;
  /** Bytes per value in .bin files: 1, 2, 4 or 8 (two's complement sign extension when signed). */
  readonly bytes: number;
}

/** weights_metadata.json (snake_case field names, as the files are read from Python and Verilog flows too). */
export interface WeightStoreMetadata {
  readonly format: typeof WEIGHT_STORE_FORMAT;
  readonly version: typeof WEIGHT_STORE_VERSION;
  readonly layer: string;
  readonly op: string;
  /** Keras layout of the dense tensor; the output channel is the last axis. */
  readonly shape: readonly number[];
  /** Weights per output channel (product of the other axes): indices lie in 0..fan_in-1. */
  readonly fan_in: number;
  readonly channels: number;
  readonly count: number;
  /** Non-zero weights stored. */
  readonly nnz: number;
  readonly value: ValueEncoding;
  readonly index: { readonly width: number; readonly bytes: number };
  /** Address of this layer's first entry in the model-wide store (layers concatenated in order). */
  readonly base_offset: number;
  readonly channel_segments: readonly ChannelSegment[];
  /** Bit widths of the packed words of weights_segments.hex: {offset, length}. */
  readonly segment: { readonly offset_width: number; readonly length_width: number };
  /** The bias (dense, one value per channel), when the layer has one. */
  readonly bias: (ValueEncoding & { readonly count: number }) | null;
}

/** Smallest of 1, 2, 4, 8 bytes holding `bits` bits. */
export function storageBytes(bits: number): number {
  for (const b of [1, 2, 4, 8]) if (bits <= 8 * b) return b;
  throw new SparsePixelsError(
    'SP_WEIGHT_STORE',
    `${bits}-bit values do not fit 8 bytes; allowed widths 1..64`,
  );
}

/** Bits of an index in 0..fanIn-1 (at least 1). */
export function indexWidth(fanIn: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, fanIn))));
}

export function valueEncoding(t: FixedType): ValueEncoding {
  return {
    type: formatType(t),
    width: t.width,
    signed: t.signed,
    frac_bits: fracBits(t),
    bytes: storageBytes(t.width),
  };
}

/** Hex digits of a `bits`-wide word in a .hex file. */
export function hexDigits(bits: number): number {
  return Math.ceil(bits / 4);
}

/** Widths of the packed segment words: offsets 0..nnz, lengths 0..fanIn. */
export function segmentWidths(nnz: number, fanIn: number): { offset_width: number; length_width: number } {
  return {
    offset_width: Math.max(1, Math.ceil(Math.log2(nnz + 1))),
    length_width: Math.max(1, Math.ceil(Math.log2(fanIn + 1))),
  };
}
