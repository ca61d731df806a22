import { SparsePixelsError } from '@sparsepixels/core';
import { crc32, listZipEntries, memberDataOffset, readZipEntry, type ZipEntry } from '@sparsepixels/import';
import { NPY_PREFIX_MAX, parseNpyLayout, type NpyLayout } from './npy';
import { dtypeInfo, type NpyData, type NpyDtype } from './npy-dtype';
import { readRange, withFileSource } from './read-input-file';

/**
 * An array in a file, read by element ranges (memory bounded by the slice, not the file): an
 * .npy, a stored .npz member (both read with positional reads), or a DEFLATE .npz member (unpacked
 * in memory once, up to MAX_INFLATED bytes).
 */
export interface ArraySlices {
  readonly dtype: NpyDtype;
  readonly shape: readonly number[];
  /** The file, or `file:member.npy`, for error messages. */
  readonly source: string;
  /** Elements [start, start + n), as a new typed array of the dtype. */
  read(start: number, n: number): NpyData;
}

/** Compressed members are unpacked whole; larger ones are refused with a hint to store them. */
export const MAX_INFLATED = 2 ** 30;

/** Byte access to an array's container: `read(offset, length)` relative to the .npy's first byte. */
interface NpyBytes {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

function slicesOver(bytes: NpyBytes, source: string): ArraySlices {
  const first = bytes.read(0, Math.min(bytes.size, NPY_PREFIX_MAX));
  const layout: NpyLayout = parseNpyLayout(first, bytes.size, source, (n) => bytes.read(0, n));
  const info = dtypeInfo(layout.dtype);
  const count = layout.dataBytes / layout.itemSize;
  return {
    dtype: layout.dtype,
    shape: layout.shape,
    source,
    read(start, n) {
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(n) || start < 0 || n < 0 || start + n > count)
        throw new RangeError(`elements [${start}, ${start + n}) outside 0..${count}`);
      const raw = bytes.read(layout.dataStart + start * layout.itemSize, n * layout.itemSize);
      if (raw.length !== n * layout.itemSize)
        throw new SparsePixelsError('SP_NPY_FORMAT', 'the file was cut short while it was read', source);
      return info.view(raw);
    },
  };
}

/**
 * Positional reads of [base, base + size) of a file. Reads that continue where the checked part
 * ends (overlaps allowed) extend a running CRC-32, so a member read through in order is checked
 * against `crc` at its last byte, without a separate pass over a large file.
 */
function fileBytes(path: string, base: number, size: number, source: string, crc?: number): NpyBytes {
  let next = 0;
  let running = 0;
  return {
    size,
    read(offset, length) {
      const bytes = readRange(path, base + offset, Math.min(length, size - offset));
      if (crc !== undefined && offset <= next && offset + bytes.length > next) {
        running = crc32(bytes.subarray(next - offset), running);
        next = offset + bytes.length;
        if (next === size && running !== crc)
          throw new SparsePixelsError(
            'SP_NPZ_FORMAT',
            'the member is corrupt: its CRC-32 does not match',
            source,
          );
      }
      return bytes;
    },
  };
}

/** An .npy file, read in slices. */
export function openNpySlices(path: string): ArraySlices {
  const size = withFileSource(path, 'an .npy file', (src) => src.size);
  return slicesOver(fileBytes(path, 0, size, path), path);
}

/** The arrays of an .npz by name, each opened in slices only when asked for. */
export function openNpzSlices(path: string): { names: readonly string[]; open(name: string): ArraySlices } {
  const entries = withFileSource(path, 'an .npz file', (src) => listZipEntries(src, path));
  for (const e of entries) {
    if (!e.name.endsWith('.npy'))
      throw new SparsePixelsError(
        'SP_NPZ_FORMAT',
        `member '${e.name}' is not an .npy array (an .npz holds <name>.npy members only)`,
        path,
      );
  }
  const byName = new Map(entries.map((e) => [e.name.slice(0, -4), e]));
  return {
    names: [...byName.keys()],
    open(name) {
      const e = byName.get(name);
      if (!e) throw new SparsePixelsError('SP_NPZ_FORMAT', `the .npz has no array '${name}'`, path);
      return openMember(path, e);
    },
  };
}

function openMember(path: string, e: ZipEntry): ArraySlices {
  const source = `${path}:${e.name}`;
  if (e.flags & 1)
    throw new SparsePixelsError(
      'SP_NPZ_FORMAT',
      'the member is encrypted; encrypted archives are not supported',
      source,
    );
  if (e.method === 0) {
    const start = withFileSource(path, 'an .npz file', (src) => memberDataOffset(src, e, path));
    if (start + e.compressedSize > withFileSource(path, 'an .npz file', (src) => src.size))
      throw new SparsePixelsError(
        'SP_NPZ_FORMAT',
        `the member is truncated: it should end at byte ${start + e.compressedSize}`,
        source,
      );
    return slicesOver(fileBytes(path, start, e.size, source, e.crc), source);
  }
  if (e.size > MAX_INFLATED)
    throw new SparsePixelsError(
      'SP_NPZ_TOO_LARGE',
      `the member is compressed and unpacks to ${e.size} bytes; compressed members are read whole, up to ${MAX_INFLATED} bytes: save it uncompressed (np.savez, not savez_compressed) to read it in slices`,
      source,
    );
  const bytes = withFileSource(path, 'an .npz file', (src) => readZipEntry(src, e, path));
  return slicesOver({ size: bytes.length, read: (o, n) => bytes.subarray(o, o + n) }, source);
}
