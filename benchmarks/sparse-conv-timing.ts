// Timing and memory helpers of benchmarks/sparse-conv.ts.

export interface Timing {
  /** Median and minimum wall-clock milliseconds per call. */
  median: number;
  min: number;
  /** Median CPU milliseconds of this process per call (user + system; all threads). */
  cpuMedian: number;
  calls: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Times `fn` after `warmup` calls: at least `minCalls` calls and `minSeconds` of wall time. */
export function measure(fn: () => unknown, minSeconds: number, warmup = 2, minCalls = 5): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (wall.length < minCalls || performance.now() - start < minSeconds * 1000) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { median: median(wall), min: Math.min(...wall), cpuMedian: median(cpu), calls: wall.length };
}

/** Median of `n` timed runs of `fn` (ms), each after a fresh setup, for init costs. */
export function medianOf(n: number, fn: () => number): number {
  return median(Array.from({ length: n }, fn));
}

/** A worker that samples the process's resident set size every 0.2 ms while shared[0] is 1. */
const SAMPLER = `
const { workerData } = require('node:worker_threads');
const s = workerData;
Atomics.store(s, 2, 1);
while (Atomics.load(s, 0) !== 2) {
  if (Atomics.load(s, 0) === 1) {
    const mib = Math.ceil(process.memoryUsage.rss() / 65536);
    if (mib > Atomics.load(s, 1)) Atomics.store(s, 1, mib);
  }
  Atomics.wait(s, 3, 0, 0.2);
}`;

/**
 * Child-process side of the memory figure (run with --expose-gc): reads one workload, makes one
 * warm-up call (compilation, the reused frame), drops its output and collects garbage, then runs
 * one single-threaded direct call while a worker samples the resident set size, and prints
 * `SC_MEMORY {"outBytes":..,"peakBytes":..}` (peak RSS during the call minus RSS just before it,
 * 64 KiB resolution): the memory a call in a steady loop needs, output included.
 */
export async function peakRssChild(request: string): Promise<never> {
  const { dir, name, mode } = JSON.parse(request) as {
    dir: string;
    name: string;
    mode: 'full' | 'same' | 'valid';
  };
  const { Worker } = await import('node:worker_threads');
  const { createConvolver } = await import('@sparsepixels/sparse-conv');
  const { readWorkload, workloadByName } = await import('@sparsepixels/sparse-conv/workloads');
  const w = readWorkload(dir, workloadByName(name));
  const conv = createConvolver(w.images, w.kernel, { mode });
  conv.convolve(w.images, { method: 'direct', threads: 1 });
  (globalThis as unknown as { gc: () => void }).gc();
  const shared = new Int32Array(new SharedArrayBuffer(16));
  const sampler = new Worker(SAMPLER, { eval: true, workerData: shared });
  while (Atomics.load(shared, 2) === 0) await new Promise((r) => setTimeout(r, 1));
  const before = process.memoryUsage.rss();
  Atomics.store(shared, 0, 1);
  const out = conv.convolve(w.images, { method: 'direct', threads: 1 });
  Atomics.store(shared, 0, 2);
  await sampler.terminate();
  const peakBytes = Math.max(0, Atomics.load(shared, 1) * 65536 - before);
  const outBytes = out.indptr.byteLength + out.indices.byteLength + out.data.byteLength;
  console.log(`SC_MEMORY ${JSON.stringify({ outBytes, peakBytes })}`);
  process.exit(0);
}
