import { SparsePixelsError } from '@sparsepixels/core';
import { writeFileAtomic } from './atomic-write';
import { checkNpyArray, decodeNpy, encodeNpyHeader, npyDataBytes, type NpyArray } from './npy';
import { encodeZip, listZipEntries, readZipEntry, writeZip, type ZipMemberInput } from '@sparsepixels/import';
import { bufferSource, withFileSource, type ByteSource } from './read-input-file';

/** Arrays by name, as `np.savez(file, **arrays)` takes them and `np.load(file)` returns them. */
export type NpzArrays = Readonly<Record<string, NpyArray>>;

function members(arrays: NpzArrays, where: string): ZipMemberInput[] {
  return Object.entries(arrays).map(([name, arr]) => {
    if (name.length === 0)
      throw new SparsePixelsError('SP_NPZ_NAME', 'an array name is empty; give every array a name', where);
    checkNpyArray(arr, `${where}:${name}`);
    return { name: `${name}.npy`, parts: [encodeNpyHeader(arr), npyDataBytes(arr)] };
  });
}

/** An .npz (ZIP of .npy members named `<name>.npy`, stored without compression) in memory. */
export function encodeNpz(arrays: NpzArrays, where = '<npz>'): Uint8Array {
  return encodeZip(members(arrays, where), where);
}

/** Writes an .npz atomically, streaming each array's bytes (no copy of the data). */
export function writeNpz(path: string, arrays: NpzArrays): void {
  const list = members(arrays, path);
  writeFileAtomic(path, (sink) => writeZip(sink, list, path));
}

function decodeFrom(src: ByteSource, source: string): Record<string, NpyArray> {
  const out: Record<string, NpyArray> = {};
  for (const entry of listZipEntries(src, source)) {
    if (!entry.name.endsWith('.npy')) {
      throw new SparsePixelsError(
        'SP_NPZ_FORMAT',
        `member '${entry.name}' is not an .npy array (an .npz holds <name>.npy members only)`,
        source,
      );
    }
    const bytes = readZipEntry(src, entry, source);
    out[entry.name.slice(0, -4)] = decodeNpy(bytes, `${source}:${entry.name}`);
  }
  return out;
}

/** Parses an .npz held in memory (stored or DEFLATE members, as np.savez / np.savez_compressed write). */
export function decodeNpz(bytes: Uint8Array, source: string): Record<string, NpyArray> {
  return decodeFrom(bufferSource(bytes), source);
}

/** Reads an .npz file, one member at a time. */
export function readNpz(path: string): Record<string, NpyArray> {
  return withFileSource(path, 'an .npz file', (src) => decodeFrom(src, path));
}
