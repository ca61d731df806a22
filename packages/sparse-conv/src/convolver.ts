import { SparsePixelsError } from '@sparsepixels/core';
import { chooseMethod, type CallFeatures, type Choice } from './auto/cost-model';
import { execute } from './execute';
import { geometry, MODES, type Geometry } from './geometry';
import { kernelTaps, readKernel, type Kernel2d, type KernelTaps } from './kernel-taps';
import { METHODS } from './methods';
import type { ConvJob, DirectSources } from './methods/job';
import { directSources } from './methods/direct';
import { buildToeplitz, type ToeplitzTable } from './methods/precomputed';
import type { ConvolveOptions, Dtype, KernelInput, Mode, SparseImages } from './types';
import { checkImages, checkShape } from './validate';

/** Per-call options of a Convolver (the shape, kernel and dtype are fixed when it is created). */
export type CallOptions = Pick<ConvolveOptions, 'mode' | 'method' | 'threads'>;

/**
 * A convolution set up once for one image shape and kernel, then called on any number of batches
 * (as sparse_convolution's Toeplitz_convolution2d). Only `precomputed` does work ahead of a call:
 * its table is built on first use per mode (or by `prepare`) and kept.
 */
export interface Convolver {
  readonly height: number;
  readonly width: number;
  readonly kernel: Readonly<Kernel2d>;
  readonly dtype: Dtype;
  readonly mode: Mode;
  /** Output image shape for a mode (default: the convolver's). */
  outputShape(mode?: Mode): { height: number; width: number };
  /** Convolves every image of the batch; CSR in, CSR out. */
  convolve(images: SparseImages, options?: CallOptions): SparseImages;
  /** What `auto` would run for this batch: method, threads, and each method's predicted time. */
  choose(images: SparseImages, options?: CallOptions): Choice;
  /** Builds the `precomputed` table for a mode now; returns the milliseconds it took (0 if built). */
  prepare(mode?: Mode): number;
}

const DTYPES: readonly Dtype[] = ['float64', 'float32'];

export function createConvolver(
  shape: { height: number; width: number },
  kernel: KernelInput,
  options: ConvolveOptions = {},
): Convolver {
  checkShape(shape?.height, shape?.width);
  const { height, width } = shape;
  const k = readKernel(kernel);
  const defaults = checkOptions(options);
  const dtype = options.dtype ?? 'float64';
  if (!DTYPES.includes(dtype))
    throw new SparsePixelsError('SC_DTYPE', `dtype must be float64 or float32, got ${JSON.stringify(dtype)}`);
  const taps: KernelTaps = kernelTaps(k, dtype);
  const tables = new Map<Mode, ToeplitzTable>();
  let sources: DirectSources | undefined; // direct's generated scatters: one set for every mode
  const geometries = new Map<Mode, Geometry>();
  const geom = (mode: Mode): Geometry => {
    let g = geometries.get(mode);
    if (!g) geometries.set(mode, (g = geometry(height, width, k.height, k.width, mode)));
    return g;
  };
  const mode0 = defaults.mode ?? 'same';
  geom(mode0); // refuses `valid` with a kernel larger than the image now, not at the first call

  const prepare = (mode: Mode = mode0): number => {
    if (tables.has(mode)) return 0;
    const t0 = performance.now();
    tables.set(mode, buildToeplitz(geom(mode), taps));
    return performance.now() - t0;
  };

  const resolve = (images: SparseImages, call: CallOptions): { mode: Mode; choice: Choice } => {
    checkImages(images, height, width);
    const o = { ...defaults, ...checkOptions(call) };
    const mode = o.mode ?? 'same';
    const g = geom(mode);
    const features: CallFeatures = {
      nImages: images.nImages,
      nnz: images.indptr[images.nImages]! - images.indptr[0]!,
      taps: taps.count,
      inPixels: height * width,
      outPixels: g.outHeight * g.outWidth,
      tableBuilt: tables.has(mode),
    };
    const methods = o.method && o.method !== 'auto' ? [o.method] : METHODS;
    return { mode, choice: chooseMethod(features, methods, o.threads ?? 'auto') };
  };

  return {
    height,
    width,
    kernel: k,
    dtype,
    mode: mode0,
    outputShape: (mode = mode0) => ({ height: geom(mode).outHeight, width: geom(mode).outWidth }),
    choose: (images, call = {}) => resolve(images, call).choice,
    prepare,
    convolve(images, call = {}) {
      const { mode, choice } = resolve(images, call);
      const g = geom(mode);
      if (choice.method === 'precomputed') prepare(mode);
      const table = tables.get(mode);
      const f32 = dtype === 'float32';
      // float32 arithmetic reads float32 inputs; float64 inputs are rounded once, here.
      const data =
        f32 && !(images.data instanceof Float32Array) ? Float32Array.from(images.data) : images.data;
      const job: ConvJob = {
        height,
        width,
        outHeight: g.outHeight,
        outWidth: g.outWidth,
        top: g.top,
        left: g.left,
        kernelHeight: k.height,
        f32,
        indptr: images.indptr,
        indices: images.indices,
        data,
        tapRowStart: taps.rowStart,
        tapCol: taps.col,
        tapVal: taps.val,
        ...(table && choice.method === 'precomputed'
          ? { tablePtr: table.ptr, tableCol: table.col, tableVal: table.val }
          : {}),
        ...(choice.method === 'direct'
          ? {
              directSources: (sources ??= directSources({
                width,
                tapRowStart: taps.rowStart,
                tapCol: taps.col,
                tapVal: taps.val,
                f32,
              })),
            }
          : {}),
        chunkImages: Math.max(
          1,
          Math.floor((defaults.maxBufferBytes ?? 256 * 2 ** 20) / (8 * g.outHeight * g.outWidth)),
        ),
      };
      const out = execute(choice.method, job, images.nImages, choice.threads);
      return { nImages: images.nImages, height: g.outHeight, width: g.outWidth, ...out };
    },
  };
}

/** Refuses unknown option values (an accepted option is always honoured). */
function checkOptions(o: ConvolveOptions): ConvolveOptions {
  if (o.mode !== undefined && !MODES.includes(o.mode))
    throw new SparsePixelsError(
      'SC_MODE',
      `mode must be one of ${MODES.join(', ')}, got ${JSON.stringify(o.mode)}`,
    );
  if (o.method !== undefined && o.method !== 'auto' && !METHODS.includes(o.method))
    throw new SparsePixelsError(
      'SC_METHOD',
      `method must be auto or one of ${METHODS.join(', ')}, got ${JSON.stringify(o.method)}`,
    );
  if (
    o.threads !== undefined &&
    o.threads !== 'auto' &&
    !(Number.isInteger(o.threads) && o.threads >= 1 && o.threads <= 256)
  )
    throw new SparsePixelsError(
      'SC_THREADS',
      `threads must be "auto" or an integer 1..256, got ${JSON.stringify(o.threads)}`,
    );
  if (o.maxBufferBytes !== undefined && !(Number.isFinite(o.maxBufferBytes) && o.maxBufferBytes > 0))
    throw new SparsePixelsError(
      'SC_OPTION',
      `maxBufferBytes must be a positive number, got ${o.maxBufferBytes}`,
    );
  const known = new Set(['mode', 'method', 'dtype', 'threads', 'maxBufferBytes']);
  for (const key of Object.keys(o))
    if (!known.has(key))
      throw new SparsePixelsError('SC_OPTION', `unknown option "${key}"; known: ${[...known].join(', ')}`);
  return o;
}

/**
 * One call: convolves a batch of sparse images (CSR) with `kernel`. The arithmetic type is
 * `options.dtype`, by default float32 when `images.data` is a Float32Array, else float64.
 */
export function convolve2d(
  images: SparseImages,
  kernel: KernelInput,
  options: ConvolveOptions = {},
): SparseImages {
  const dtype = options.dtype ?? (images?.data instanceof Float32Array ? 'float32' : 'float64');
  const { mode, method, threads, ...setup } = options;
  const conv = createConvolver({ height: images?.height, width: images?.width }, kernel, {
    ...setup,
    dtype,
    ...(mode ? { mode } : {}),
  });
  return conv.convolve(images, {
    ...(method ? { method } : {}),
    ...(threads !== undefined ? { threads } : {}),
  });
}
