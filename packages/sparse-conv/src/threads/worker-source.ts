// The worker threads run the same kernel functions as the calling thread, from their source text:
// no separate worker file has to be found at run time, whether the package runs from its bundle
// (dist), from a benchmark bundle or from TypeScript sources under vitest. Each kernel function
// only calls other listed functions, so concatenating their text gives a complete script. Bundlers
// may rename a function (consistently in all its callers); the table of entry points below is
// therefore written from the functions' actual names.
import { DIRECT_FUNCTIONS, directCount, directFill } from '../methods/direct';
import { DIRECT_CODEGEN_FUNCTIONS } from '../methods/direct-codegen';
import {
  countAndClearBits,
  storeFill,
  emitBits,
  imageRowSpan,
  newCsrStore,
  reserveCsrStore,
  setBitRun,
  wordFirst,
  wordLast,
} from '../methods/frame';
import { GATHER_SCATTER_FUNCTIONS, gatherScatterCount } from '../methods/gather-scatter';
import { LAZY_FUNCTIONS, lazyCount } from '../methods/lazy';
import { PRECOMPUTED_FUNCTIONS, precomputedCount, precomputedFill } from '../methods/precomputed';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the list mixes every kernel signature
type AnyFunction = (...args: any[]) => unknown;

const FUNCTIONS: AnyFunction[] = [
  setBitRun,
  wordFirst,
  wordLast,
  countAndClearBits,
  emitBits,
  imageRowSpan,
  newCsrStore,
  reserveCsrStore,
  storeFill,
  ...DIRECT_CODEGEN_FUNCTIONS,
  ...DIRECT_FUNCTIONS,
  ...PRECOMPUTED_FUNCTIONS,
  ...LAZY_FUNCTIONS,
  ...GATHER_SCATTER_FUNCTIONS,
];

const ENTRY_POINTS: Record<string, [AnyFunction, AnyFunction]> = {
  direct: [directCount, directFill],
  precomputed: [precomputedCount, precomputedFill],
  lazy: [lazyCount, storeFill],
  'gather-scatter': [gatherScatterCount, storeFill],
};

/** Messages a worker receives. Arrays are views of SharedArrayBuffers. */
export interface WorkerTask {
  phase: 'count' | 'fill';
  method: string;
  /** Job arrays and numbers (see methods/job.ts). */
  job: unknown;
  i0: number;
  i1: number;
  counts?: Int32Array;
  outIndptr?: Int32Array;
  outIndices?: Int32Array;
  outData?: Float64Array | Float32Array;
  written?: Int32Array;
  /** The worker stores `seq` into signal[slot] when done (-seq on error, the message on its port). */
  signal: Int32Array;
  slot: number;
  seq: number;
}

/** Vitest's transform writes imported names as `(0,__vite_ssr_import_3__.name)`; the worker knows them by name. */
function plainSource(f: AnyFunction): string {
  return f
    .toString()
    .replace(/\(0,\s*__vite_ssr_import_\d+__\.([A-Za-z_$][\w$]*)\)/g, '$1')
    .replace(/__vite_ssr_import_\d+__\.([A-Za-z_$][\w$]*)/g, '$1');
}

/** The worker's message loop (runs in the worker; its text is part of the script). */
function workerMain(
  threads: typeof import('node:worker_threads'),
  kernels: Record<string, [AnyFunction, AnyFunction]>,
): void {
  const { parentPort, workerData } = threads;
  const reply = workerData.port;
  if (!parentPort) return;
  let pending: unknown = null;
  parentPort.on('message', (t: WorkerTask) => {
    try {
      const [count, fill] = kernels[t.method]!;
      if (t.phase === 'count') pending = count(t.job, t.i0, t.i1, t.counts);
      else {
        fill(t.job, t.i0, t.i1, pending, t.outIndptr, t.outIndices, t.outData, t.written);
        pending = null;
      }
      Atomics.store(t.signal, t.slot, t.seq);
    } catch (e) {
      pending = null;
      reply.postMessage(String((e as Error)?.stack ?? e));
      Atomics.store(t.signal, t.slot, -t.seq);
    }
    Atomics.notify(t.signal, t.slot);
  });
}

let cached: string | undefined;

export function workerSource(): string {
  if (cached) return cached;
  const table = Object.entries(ENTRY_POINTS)
    .map(([method, [count, fill]]) => `${JSON.stringify(method)}: [${count.name}, ${fill.name}]`)
    .join(', ');
  cached = [
    '"use strict";',
    ...FUNCTIONS.map(plainSource),
    plainSource(workerMain),
    // An eval'd worker is a CommonJS script: `require` is its own, untouched by any bundler.
    `${workerMain.name}(require('node:worker_threads'), { ${table} });`,
  ].join('\n');
  return cached;
}
