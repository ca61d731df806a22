/** The element types this project reads and writes in .npy files (little-endian, C order). */
export type NpyDtype = 'float32' | 'float64' | 'int32' | 'int64' | 'uint8' | 'bool';

/** Typed array holding an array's elements; `bool` uses one byte (0/1) per element. */
export type NpyData = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array;

interface DtypeInfo {
  readonly dtype: NpyDtype;
  /** The numpy `descr` this project writes. */
  readonly descr: string;
  /** Other spellings numpy may write for the same type ('|' and '<' are both fine for 1 byte). */
  readonly aliases: readonly string[];
  readonly itemSize: number;
  /** Copies `byteLength` bytes at `bytes` into a new, aligned typed array. */
  view(bytes: Uint8Array): NpyData;
}

function copied(bytes: Uint8Array): ArrayBuffer {
  const buf = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buf).set(bytes);
  return buf;
}

/** The dtype table: one row per supported type (an explicit registry). */
export const DTYPES: readonly DtypeInfo[] = [
  { dtype: 'float32', descr: '<f4', aliases: [], itemSize: 4, view: (b) => new Float32Array(copied(b)) },
  { dtype: 'float64', descr: '<f8', aliases: [], itemSize: 8, view: (b) => new Float64Array(copied(b)) },
  { dtype: 'int32', descr: '<i4', aliases: [], itemSize: 4, view: (b) => new Int32Array(copied(b)) },
  { dtype: 'int64', descr: '<i8', aliases: [], itemSize: 8, view: (b) => new BigInt64Array(copied(b)) },
  {
    dtype: 'uint8',
    descr: '|u1',
    aliases: ['<u1', '=u1'],
    itemSize: 1,
    view: (b) => new Uint8Array(copied(b)),
  },
  {
    dtype: 'bool',
    descr: '|b1',
    aliases: ['<b1', '=b1', '?'],
    itemSize: 1,
    view: (b) => new Uint8Array(copied(b)),
  },
];

export function dtypeInfo(dtype: NpyDtype): DtypeInfo {
  return DTYPES.find((d) => d.dtype === dtype)!;
}

export function dtypeFromDescr(descr: string): DtypeInfo | undefined {
  return DTYPES.find((d) => d.descr === descr || d.aliases.includes(descr));
}

/** The dtype whose typed array class matches `data` (bool cannot be told from uint8: gives uint8). */
export function dtypeOfData(data: NpyData): NpyDtype {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof BigInt64Array) return 'int64';
  return 'uint8';
}

/** True when the typed array class can hold elements of `dtype`. */
export function dataMatchesDtype(data: NpyData, dtype: NpyDtype): boolean {
  return dtype === 'bool'
    ? data instanceof Uint8Array
    : dtypeOfData(data) === dtype && !(data instanceof Uint8ClampedArray);
}
