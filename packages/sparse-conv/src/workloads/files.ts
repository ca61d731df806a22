// Workload folders as the side-by-side run lays them out (one folder per workload):
//   meta.json; x.npz + k.npy (for Python); raw little-endian x_indptr.i32, x_indices.i32 (flat pixel
//   row*W + col, ascending per image), x_data.f64, k.f64 (row-major); for outputs of at most 300 000
//   values the reference output as out_<mode>_indptr.i32, out_<mode>_indices.i32, out_<mode>_data.f64;
// plus index.json (every workload, its seed and per mode the reference checksums) and README.txt.
// The reader accepts the field spellings of both sides (snake_case or camelCase).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { geometry } from '../geometry';
import type { Mode, SparseImages } from '../types';
import { checksums, type Checksums } from './checksums';
import { generateWorkload, type Workload } from './generate';
import { csrNpz, npyBytes, npyShape } from './npy';
import { referenceConvolve } from './reference';
import { WORKLOADS, type WorkloadSpec } from './workload-list';

/** Largest output (values) whose reference arrays are written next to the checksums. */
export const MAX_STORED_OUTPUT = 300_000;

const bytes = (a: Int32Array | Float64Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export interface ReferenceMode extends Checksums {
  outHeight: number;
  outWidth: number;
}

/** Writes every workload (or `specs`) under `dir`; returns the index written to index.json. */
export function writeWorkloads(
  dir: string,
  specs: readonly WorkloadSpec[] = WORKLOADS,
  log?: (line: string) => void,
): unknown {
  mkdirSync(dir, { recursive: true });
  const index: { name: string; seed: number; modes: Record<string, unknown> }[] = [];
  for (const spec of specs) {
    const w = generateWorkload(spec);
    const d = join(dir, spec.name);
    mkdirSync(d, { recursive: true });
    const { images: x, kernel: k } = w;
    writeFileSync(join(d, 'x_indptr.i32'), bytes(x.indptr));
    writeFileSync(join(d, 'x_indices.i32'), bytes(x.indices));
    writeFileSync(join(d, 'x_data.f64'), bytes(x.data));
    writeFileSync(join(d, 'k.f64'), bytes(k.data));
    writeFileSync(join(d, 'k.npy'), npyBytes(k.data, [k.height, k.width]));
    writeFileSync(join(d, 'x.npz'), csrNpz(x.indptr, x.indices, x.data, x.nImages, x.height * x.width));
    const modes: Record<string, unknown> = {};
    for (const mode of spec.modes) {
      const g = geometry(x.height, x.width, k.height, k.width, mode);
      const out = referenceConvolve(x, k, g.top, g.left, g.outHeight, g.outWidth);
      const c = checksums(out);
      modes[mode] = {
        out_shape: [g.outHeight, g.outWidth],
        out_nnz: c.outNnz,
        checksum: c.checksum,
        wchecksum: c.wchecksum,
        pattern_hash: c.patternHash,
      };
      if (c.outNnz <= MAX_STORED_OUTPUT) {
        writeFileSync(join(d, `out_${mode}_indptr.i32`), bytes(out.indptr));
        writeFileSync(join(d, `out_${mode}_indices.i32`), bytes(out.indices));
        writeFileSync(join(d, `out_${mode}_data.f64`), bytes(out.data));
      }
    }
    const meta = {
      name: spec.name,
      group: spec.group,
      seed: spec.seed,
      x_shape: [spec.height, spec.width],
      k_shape: [spec.kernelHeight, spec.kernelWidth],
      density: spec.density,
      batch: spec.batch,
      batching: spec.batching,
      in_nnz: x.indices.length,
      modes: spec.modes,
    };
    writeFileSync(join(d, 'meta.json'), JSON.stringify(meta, null, 1) + '\n');
    index.push({ name: spec.name, seed: spec.seed, modes });
    log?.(`${spec.name}: ${x.indices.length} input non-zeros`);
  }
  const doc = {
    generator: '@sparsepixels/sparse-conv/workloads (numpy default_rng stream)',
    reference: 'plain float64 scatter',
    workloads: index,
  };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(doc, null, 1) + '\n');
  writeFileSync(join(dir, 'README.txt'), README);
  return doc;
}

const README = `Sparse convolution benchmark workloads (one folder per workload).
meta.json: name, group, seed, x_shape [H, W], k_shape [kH, kW], density, batch, batching, in_nnz, modes.
x.npz: scipy.sparse CSR (batch, H*W); k.npy: the kernel (kH, kW).
x_indptr.i32, x_indices.i32 (flat pixel row*W + col, ascending per image), x_data.f64, k.f64 (row-major):
raw little-endian arrays. out_<mode>_{indptr,indices}.i32 and out_<mode>_data.f64: the reference output
(CSR (batch, H_out*W_out), flat row*W_out + col) when it has at most ${MAX_STORED_OUTPUT} values.
index.json: every workload with its seed and, per mode, out_shape, out_nnz, checksum (math.fsum of the
values), wchecksum (fsum of v*(1 + (g mod 1021)/1021)), pattern_hash ((sum of g*2654435761 mod 2^32) mod 2^32),
g = image*H_out*W_out + flat output index.
`;

export interface LoadedWorkload extends Workload {
  /** Reference checksums per mode from index.json (absent when the index does not list them). */
  reference: Partial<Record<Mode, ReferenceMode>>;
  /** The stored reference output of a mode, when the folder has it. */
  storedOutput(mode: Mode): SparseImages<Float64Array> | null;
}

const num = (o: Record<string, unknown>, ...keys: string[]): number | undefined => {
  for (const k of keys) if (typeof o[k] === 'number') return o[k] as number;
  return undefined;
};

const pair = (o: Record<string, unknown>, ...keys: string[]): [number, number] | undefined => {
  for (const k of keys) {
    const v = o[k];
    if (Array.isArray(v) && v.length === 2 && v.every(Number.isInteger)) return v as [number, number];
  }
  return undefined;
};

/** Reads one workload folder of `dir` (written by writeWorkloads or by the Python side). */
export function readWorkload(dir: string, spec: WorkloadSpec): LoadedWorkload {
  const d = join(dir, spec.name);
  const meta = existsSync(join(d, 'meta.json'))
    ? (JSON.parse(readFileSync(join(d, 'meta.json'), 'utf8')) as Record<string, unknown>)
    : {};
  const [H, W] = pair(meta, 'x_shape', 'image_shape', 'shape') ?? [
    num(meta, 'H', 'height') ?? spec.height,
    num(meta, 'W', 'width') ?? spec.width,
  ];
  const kshape =
    pair(meta, 'k_shape', 'kernel_shape') ??
    (existsSync(join(d, 'k.npy'))
      ? (npyShape(readFileSync(join(d, 'k.npy'))) as [number, number])
      : undefined);
  const [kH, kW] = kshape ?? [spec.kernelHeight, spec.kernelWidth];
  const i32 = (f: string): Int32Array => {
    const b = readFileSync(join(d, f));
    return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  };
  const f64 = (f: string): Float64Array => {
    const b = readFileSync(join(d, f));
    return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  };
  const indptr = i32('x_indptr.i32');
  const images: SparseImages<Float64Array> = {
    nImages: indptr.length - 1,
    height: H,
    width: W,
    indptr,
    indices: i32('x_indices.i32'),
    data: f64('x_data.f64'),
  };
  const kernel = { height: kH, width: kW, data: f64('k.f64') };
  if (kernel.data.length !== kH * kW)
    throw new Error(`${d}/k.f64 has ${kernel.data.length} values, expected ${kH}x${kW}`);
  return {
    spec: { ...spec, height: H, width: W, kernelHeight: kH, kernelWidth: kW, batch: images.nImages },
    images,
    kernel,
    reference: readReference(dir, spec.name),
    storedOutput(mode) {
      if (!existsSync(join(d, `out_${mode}_data.f64`))) return null;
      const g = geometry(H, W, kH, kW, mode);
      const oi = i32(`out_${mode}_indptr.i32`);
      return {
        nImages: oi.length - 1,
        height: g.outHeight,
        width: g.outWidth,
        indptr: oi,
        indices: i32(`out_${mode}_indices.i32`),
        data: f64(`out_${mode}_data.f64`),
      };
    },
  };
}

function readReference(dir: string, name: string): Partial<Record<Mode, ReferenceMode>> {
  const file = join(dir, 'index.json');
  if (!existsSync(file)) return {};
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const list = (doc.workloads ?? doc) as unknown;
  const entry = (
    Array.isArray(list) ? list.find((e) => e?.name === name) : (list as Record<string, unknown>)[name]
  ) as Record<string, unknown> | undefined;
  if (!entry) return {};
  const modes = (entry.modes ?? entry.checksums ?? {}) as Record<string, Record<string, unknown>>;
  const out: Partial<Record<Mode, ReferenceMode>> = {};
  for (const [mode, m] of Object.entries(modes)) {
    const c = (m.checksums ?? m) as Record<string, unknown>;
    const shape = pair(c, 'out_shape', 'outShape') ?? [
      num(c, 'outHeight', 'out_height') ?? NaN,
      num(c, 'outWidth', 'out_width') ?? NaN,
    ];
    const outNnz = num(c, 'out_nnz', 'outNnz');
    const patternHash = num(c, 'pattern_hash', 'patternHash');
    const checksum = num(c, 'checksum');
    const wchecksum = num(c, 'wchecksum');
    if (
      outNnz === undefined ||
      patternHash === undefined ||
      checksum === undefined ||
      wchecksum === undefined
    )
      continue;
    out[mode as Mode] = { outNnz, patternHash, checksum, wchecksum, outHeight: shape[0], outWidth: shape[1] };
  }
  return out;
}
