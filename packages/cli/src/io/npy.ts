import { SparsePixelsError } from '@sparsepixels/core';
import { writeFileAtomic } from './atomic-write';
import {
  DTYPES,
  dataMatchesDtype,
  dtypeFromDescr,
  dtypeInfo,
  type NpyData,
  type NpyDtype,
} from './npy-dtype';
import { formatNpyHeader, parseNpyHeader } from './npy-header';
import { readInputFile } from './read-input-file';

/** An n-dimensional array as stored in an .npy file: C order, little-endian. */
export interface NpyArray {
  readonly dtype: NpyDtype;
  readonly shape: readonly number[];
  readonly data: NpyData;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Checks that `arr.data` has the class and length its dtype and shape call for. */
export function checkNpyArray(arr: NpyArray, where: string): void {
  if (!arr.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new SparsePixelsError(
      'SP_NPY_SHAPE',
      `shape ${JSON.stringify(arr.shape)} must list non-negative integers`,
      where,
    );
  }
  if (!dataMatchesDtype(arr.data, arr.dtype)) {
    throw new SparsePixelsError(
      'SP_NPY_DTYPE',
      `data is a ${arr.data.constructor.name}, which cannot hold dtype ${arr.dtype}`,
      where,
    );
  }
  const n = elementCount(arr.shape);
  if (arr.data.length !== n) {
    throw new SparsePixelsError(
      'SP_NPY_SHAPE',
      `data has ${arr.data.length} elements but shape ${shapeText(arr.shape)} needs ${n}`,
      where,
    );
  }
}

/** The bytes before the data: magic, version (1.0, or 2.0 for a header over 64 KiB), length, dict. */
export function encodeNpyHeader(arr: Pick<NpyArray, 'dtype' | 'shape'>): Uint8Array {
  const header = { descr: dtypeInfo(arr.dtype).descr, fortranOrder: false, shape: arr.shape };
  let text = formatNpyHeader(header, 10);
  const v2 = text.length > 0xffff;
  if (v2) text = formatNpyHeader(header, 12);
  const prefix = v2 ? 12 : 10;
  const out = new Uint8Array(prefix + text.length);
  out.set(MAGIC, 0);
  out[6] = v2 ? 2 : 1;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (v2) view.setUint32(8, text.length, true);
  else view.setUint16(8, text.length, true);
  out.set(Buffer.from(text, 'latin1'), prefix);
  return out;
}

/** The array's element bytes (a view, no copy). */
export function npyDataBytes(arr: NpyArray): Uint8Array {
  return new Uint8Array(arr.data.buffer, arr.data.byteOffset, arr.data.byteLength);
}

/** A complete .npy file in memory. */
export function encodeNpy(arr: NpyArray, where = '<array>'): Uint8Array {
  checkHost(where);
  checkNpyArray(arr, where);
  const header = encodeNpyHeader(arr);
  const out = new Uint8Array(header.length + arr.data.byteLength);
  out.set(header, 0);
  out.set(npyDataBytes(arr), header.length);
  return out;
}

/** Where an .npy file's elements start and what they are, from its first bytes. */
export interface NpyLayout {
  readonly dtype: NpyDtype;
  readonly descr: string;
  readonly shape: readonly number[];
  readonly itemSize: number;
  /** Byte offset of the first element. */
  readonly dataStart: number;
  /** Bytes of element data the shape calls for. */
  readonly dataBytes: number;
}

/** The fixed prefix: magic, version, header length (10 bytes for 1.0, 12 for 2.0 / 3.0). */
export const NPY_PREFIX_MAX = 12;

/**
 * Parses the prefix and header of an .npy file. `bytes` holds at least the file's first
 * NPY_PREFIX_MAX bytes, or the whole file if it is shorter; when the header is longer than `bytes`,
 * `more(n)` is asked for the first n bytes. `fileSize` is the size of the whole file.
 */
export function parseNpyLayout(
  bytes: Uint8Array,
  fileSize: number,
  source: string,
  more: (n: number) => Uint8Array = () => bytes,
): NpyLayout {
  checkHost(source);
  const fail = (code: string, what: string): never => {
    throw new SparsePixelsError(code, what, source);
  };
  if (fileSize < 10 || bytes.length < 10 || !MAGIC.every((b, i) => bytes[i] === b)) {
    fail(
      'SP_NPY_FORMAT',
      `not an .npy file: it does not start with the \\x93NUMPY magic (${fileSize} bytes)`,
    );
  }
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (![1, 2, 3].includes(major) || minor !== 0) {
    fail('SP_NPY_FORMAT', `.npy format version ${major}.${minor} is not supported; supported: 1.0, 2.0, 3.0`);
  }
  const prefix = major === 1 ? 10 : 12;
  if (fileSize < prefix) fail('SP_NPY_FORMAT', `the header length field is cut off (${fileSize} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = prefix + headerLength;
  if (fileSize < dataStart) {
    fail(
      'SP_NPY_FORMAT',
      `the header is cut off: it declares ${headerLength} bytes but the file has ${fileSize - prefix} after the prefix`,
    );
  }
  const all = bytes.length >= dataStart ? bytes : more(dataStart);
  const text = Buffer.from(all.subarray(prefix, dataStart)).toString(major === 3 ? 'utf8' : 'latin1');
  const header = parseNpyHeader(text, source);
  const info = dtypeFromDescr(header.descr);
  if (!info) {
    const big = header.descr.startsWith('>')
      ? ' (big-endian data is not supported; save it little-endian)'
      : '';
    const allowed = DTYPES.map((d) => `${d.dtype} '${d.descr}'`).join(', ');
    return fail('SP_NPY_DTYPE', `dtype '${header.descr}' is not supported${big}; supported: ${allowed}`);
  }
  if (header.fortranOrder && header.shape.length > 1) {
    fail(
      'SP_NPY_ORDER',
      `Fortran-order array of shape ${shapeText(header.shape)} is not supported; save a C-order array (np.ascontiguousarray)`,
    );
  }
  const dataBytes = elementCount(header.shape) * info.itemSize;
  const have = fileSize - dataStart;
  if (have !== dataBytes) {
    const what = have < dataBytes ? 'data is truncated' : 'data has trailing bytes';
    fail(
      'SP_NPY_FORMAT',
      `${what}: shape ${shapeText(header.shape)} of ${header.descr} needs ${dataBytes} bytes, the file has ${have}`,
    );
  }
  return {
    dtype: info.dtype,
    descr: header.descr,
    shape: header.shape,
    itemSize: info.itemSize,
    dataStart,
    dataBytes,
  };
}

/** Parses an .npy file held in memory; `source` names it in error messages. */
export function decodeNpy(bytes: Uint8Array, source: string): NpyArray {
  const layout = parseNpyLayout(bytes, bytes.length, source);
  const info = dtypeInfo(layout.dtype);
  return { dtype: layout.dtype, shape: layout.shape, data: info.view(bytes.subarray(layout.dataStart)) };
}

/** Reads an .npy file. */
export function readNpy(path: string): NpyArray {
  return decodeNpy(readInputFile(path, 'an .npy file'), path);
}

/** Writes an .npy file atomically (temporary name, then rename). */
export function writeNpy(path: string, arr: NpyArray): void {
  checkHost(path);
  checkNpyArray(arr, path);
  writeFileAtomic(path, (sink) => {
    sink.write(encodeNpyHeader(arr));
    sink.write(npyDataBytes(arr));
  });
}

export function checkHost(where: string): void {
  if (!LITTLE_ENDIAN_HOST)
    throw new SparsePixelsError(
      'SP_NPY_HOST',
      'this machine is big-endian; .npy I/O supports little-endian hosts only',
      where,
    );
}
