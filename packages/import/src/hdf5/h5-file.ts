import { closeSync, mkdtempSync, openSync as openFile, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import h5wasm, { Dataset, Group, type File as H5WasmFile } from 'h5wasm/node';
import { importError } from '../import-error';

let ready: Promise<void> | undefined;
let loaded = false;

/** Loads the HDF5 library once; its errors then throw instead of printing to stderr. */
function init(): Promise<void> {
  ready ??= h5wasm.ready.then((m) => {
    (m as unknown as { activate_throwing_error_handler(): void }).activate_throwing_error_handler();
    loaded = true;
  });
  return ready;
}

/** Loads the HDF5 library (WebAssembly) so that withH5FileSync can be used. */
export function loadHdf5(): Promise<void> {
  return init();
}

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** HDF5 files start with an 8-byte signature at offset 0 (or 512, 1024, ... with a user block). */
export function isHdf5(bytes: Uint8Array): boolean {
  for (let at = 0; at + 8 <= bytes.length; at = at === 0 ? 512 : at * 2)
    if (SIGNATURE.every((b, i) => bytes[at + i] === b)) return true;
  return false;
}

/** A dataset's values as float64 (integers widened), with its shape and HDF5 dtype (`<f`, `|u1`, ...). */
export interface H5Array {
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly values: Float64Array;
}

/** Read access to an open HDF5 file by absolute path ('/a/b'). */
export interface H5Reader {
  readonly source: string;
  has(path: string): boolean;
  isGroup(path: string): boolean;
  isDataset(path: string): boolean;
  /** Child names of a group, in the file's order. */
  keys(path: string): string[];
  /** An attribute's value (strings, numbers, arrays of them), or undefined. */
  attr(path: string, name: string): unknown;
  read(path: string): H5Array;
  /** A dataset's shape, without reading it. */
  shape(path: string): readonly number[];
  /** Rows [start, start + count) along the first axis (the whole of the other axes), as float64. */
  readRows(path: string, start: number, count: number): H5Array;
}

/**
 * A typed array's values as float64. Number arrays are copied by the typed-array constructor:
 * `Float64Array.from(v, Number)` takes the slow generic path (about 40x slower on 4M values).
 */
function asFloat64(v: unknown): Float64Array | undefined {
  if (v instanceof BigInt64Array || v instanceof BigUint64Array) return Float64Array.from(v, Number);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return new Float64Array(v as unknown as ArrayLike<number>);
  return undefined;
}

function reader(f: H5WasmFile, source: string): H5Reader {
  const get = (path: string) => {
    try {
      return path === '/' ? f : f.get(path);
    } catch {
      return null;
    }
  };
  return {
    source,
    has: (p) => get(p) !== null,
    isGroup: (p) => get(p) instanceof Group,
    isDataset: (p) => get(p) instanceof Dataset,
    keys(p) {
      const g = get(p);
      return g instanceof Group ? g.keys() : [];
    },
    attr(p, name) {
      const g = get(p);
      if (!(g instanceof Group || g instanceof Dataset) || !(name in g.attrs)) return undefined;
      const v = g.attrs[name]!.value;
      return ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v;
    },
    shape(p) {
      const d = get(p);
      if (!(d instanceof Dataset)) throw importError(`${source}:${p}`, 'expected a dataset here');
      return d.shape ?? [];
    },
    readRows(p, start, count) {
      const d = get(p);
      if (!(d instanceof Dataset)) throw importError(`${source}:${p}`, 'expected a dataset here');
      const shape = d.shape ?? [];
      if (shape.length === 0 || start < 0 || start + count > shape[0]!) throw importError(`${source}:${p}`, `rows ${start}..${start + count - 1} are outside the dataset's ${shape[0] ?? 0}`);
      const v = d.slice([[start, start + count]]);
      const values = asFloat64(v);
      if (!values) throw importError(`${source}:${p}`, `dataset of type ${String(d.dtype)} is not numeric`);
      return { shape: [count, ...shape.slice(1)], dtype: String(d.dtype), values };
    },
    read(p) {
      const d = get(p);
      if (!(d instanceof Dataset)) throw importError(`${source}:${p}`, 'expected a dataset here');
      const v = d.value;
      const values =
        typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean'
          ? Float64Array.of(Number(v))
          : asFloat64(v);
      if (!values) throw importError(`${source}:${p}`, `dataset of type ${String(d.dtype)} is not numeric`);
      return { shape: d.shape ?? [], dtype: String(d.dtype), values };
    },
  };
}

/** Runs `use` on a temporary copy of `bytes` (h5wasm reads files through the real file system). */
function withTempFile<T>(bytes: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'sparsepixels-h5-'));
  try {
    const path = join(dir, 'data.h5');
    writeFileSync(path, bytes);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens HDF5 bytes (a file's, or a member of a .keras zip) read-only and runs `use` on them. */
export async function withH5Bytes<T>(bytes: Uint8Array, source: string, use: (r: H5Reader) => T): Promise<T> {
  if (!isHdf5(bytes)) throw importError(source, 'not an HDF5 file (no HDF5 signature)');
  await init();
  return withTempFile(bytes, (path) => openSync(path, source, use));
}

function openSync<T>(path: string, source: string, use: (r: H5Reader) => T): T {
  let f: H5WasmFile;
  try {
    f = new h5wasm.File(path, 'r');
  } catch (err) {
    throw importError(source, `cannot open the HDF5 file (${firstLine(err)})`);
  }
  try {
    return use(reader(f, source));
  } finally {
    f.close();
  }
}

/** The first `n` bytes of a file (fewer when it is shorter). */
function readHead(path: string, n: number): Uint8Array {
  const fd = openFile(path, 'r');
  try {
    const buf = new Uint8Array(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** Opens an HDF5 file by path once loadHdf5() has resolved (synchronous readers such as the CLI's data input). */
export function withH5FileSync<T>(path: string, use: (r: H5Reader) => T): T {
  if (!loaded) throw new Error('HDF5 is not loaded: await loadHdf5() first');
  // only the signature is read here: h5wasm then reads the file through the file system by ranges
  let head: Uint8Array;
  try {
    head = readHead(path, 4096);
  } catch (err) {
    throw importError(path, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? firstLine(err)})`);
  }
  if (!isHdf5(head)) throw importError(path, 'not an HDF5 file (no HDF5 signature)');
  return openSync(path, path, use);
}

/** Opens an HDF5 file by path. */
export async function withH5File<T>(path: string, use: (r: H5Reader) => T): Promise<T> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw importError(path, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? firstLine(err)})`);
  }
  return withH5Bytes(bytes, path, use);
}

function firstLine(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  const minor = /minor: ([^\n]+)/.exec(m);
  return (minor ? minor[1]! : m.split('\n')[0]!).trim();
}

/** Builds an HDF5 file: groups are created with their parents; datasets are float32 unless typed. */
export interface H5Writer {
  group(path: string): void;
  dataset(path: string, data: Float32Array | Float64Array | Uint8Array | Int32Array | Uint32Array, shape: readonly number[]): void;
  attr(path: string, name: string, value: string | string[] | number | number[]): void;
}

/** Writes an HDF5 file in memory and returns its bytes. */
export async function buildH5(build: (w: H5Writer) => void): Promise<Uint8Array> {
  await init();
  const dir = mkdtempSync(join(tmpdir(), 'sparsepixels-h5-'));
  try {
    const path = join(dir, 'out.h5');
    const f = new h5wasm.File(path, 'w');
    try {
      const groupAt = (p: string): Group => {
        let g: Group = f;
        for (const part of p.split('/').filter(Boolean)) {
          const child = g.get(part);
          g = child instanceof Group ? child : g.create_group(part);
        }
        return g;
      };
      const split = (p: string): [string, string] => {
        const i = p.lastIndexOf('/');
        return [p.slice(0, Math.max(0, i)), p.slice(i + 1)];
      };
      build({
        group: (p) => void groupAt(p),
        dataset(p, data, shape) {
          const [parent, name] = split(p);
          groupAt(parent).create_dataset({ name, data, shape: [...shape] });
        },
        attr(p, name, value) {
          const target = p === '/' || p === '' ? f : f.get(p);
          if (!target) throw new Error(`no HDF5 object at ${p}`);
          (target as Group).create_attribute(name, value);
        },
      });
    } finally {
      f.close();
    }
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
