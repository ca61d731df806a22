// The cost model behind `method: "auto"` and `threads: "auto"`: a linear model per method over a
// few features of the call, fitted by non-negative least squares on the benchmark's measurements
// (benchmarks/sparse-conv-fit.ts writes ./fitted.ts; the package README shows the numbers).
import { availableParallelism, loadavg } from 'node:os';
import type { Method } from '../types';
import { FITTED } from './fitted';

/** What the model knows about a call before running it. */
export interface CallFeatures {
  nImages: number;
  /** Input non-zeros in the batch. */
  nnz: number;
  /** Non-zero kernel taps. */
  taps: number;
  inPixels: number;
  outPixels: number;
  /** `precomputed` only: its table is already built (no init cost). */
  tableBuilt: boolean;
}

export const FEATURE_NAMES = [
  'call',
  'images',
  'macs',
  'outEst',
  'frames',
  'tableEntries',
  'sortWork',
] as const;

/**
 * Expected output non-zeros if the input pixels were spread at random: each output pixel is
 * reached by `taps` input positions, so it stays empty with probability (1 - density)^taps.
 */
export function estimateOutput(f: CallFeatures): number {
  if (f.nImages === 0 || f.nnz === 0) return 0;
  const density = Math.min(1, f.nnz / (f.nImages * f.inPixels));
  const touched = 1 - Math.pow(1 - density, f.taps);
  return Math.min(f.nnz * f.taps, f.nImages * f.outPixels * touched);
}

/** The model's feature vector for one method (FEATURE_NAMES order). */
export function featureVector(method: Method, f: CallFeatures): number[] {
  const macs = f.nnz * f.taps;
  const frames = f.nImages * f.outPixels;
  const passes = Math.max(1, Math.ceil(Math.log2(Math.max(2, f.outPixels)) / 8));
  return [
    1,
    f.nImages,
    macs,
    estimateOutput(f),
    method === 'gather-scatter' ? frames : frames / 32, // gather-scatter reads whole frames; the others a bitmap
    method === 'precomputed' && !f.tableBuilt ? f.inPixels * f.taps : 0,
    method === 'lazy' ? macs * passes : 0,
  ];
}

export function predictMs(method: Method, f: CallFeatures): number {
  const coef = FITTED.methods[method];
  return featureVector(method, f).reduce((s, x, i) => s + x * coef[i]!, 0);
}

export interface Choice {
  method: Method;
  threads: number;
  /** Predicted single-thread milliseconds of each method. */
  predictedMs: Record<Method, number>;
}

/**
 * Picks the method with the least predicted time; with threads 'auto', then one thread per core
 * that the 1-minute load average leaves free, when the call is long enough to pay for the split.
 */
export function chooseMethod(f: CallFeatures, methods: readonly Method[], threads: number | 'auto'): Choice {
  const predictedMs = Object.fromEntries(methods.map((m) => [m, predictMs(m, f)])) as Record<Method, number>;
  let method = methods[0]!;
  for (const m of methods) if (predictedMs[m] < predictedMs[method]) method = m;
  let t = typeof threads === 'number' ? threads : 1;
  if (threads === 'auto' && f.nImages >= 2 && predictedMs[method] >= FITTED.minThreadedMs) {
    // Only cores that other jobs leave free (plus the caller's own): on a saturated machine a second
    // thread is one more runnable job, and the call waits for whichever thread runs last.
    const cores = availableParallelism();
    const free = Math.floor(cores - loadavg()[0]! + 1);
    t = Math.max(1, Math.min(cores, free, f.nImages, FITTED.maxThreads));
  }
  return { method, threads: t, predictedMs };
}
