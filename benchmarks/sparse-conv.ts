// Speed of @sparsepixels/sparse-conv on the sparse_convolution side-by-side workloads: every
// workload x mode, ms per call of each method (one thread; `direct` also on two threads) and of
// the `auto` choice, beside sparse_convolution's measured times on this machine (numba `direct`,
// one and two threads); the six scaling sweeps as JSON (and SVG plots); allocated memory against
// the output size. Prints one machine-readable line per workload x mode x method:
//   SC_RESULT {"workload":..,"mode":..,"impl":..,"call_ms":..,"call_min_ms":..,"init_ms":..,"threads":..,"agrees":..}
// call_ms = median wall time over >= SC_MIN_TIME seconds (default 1) and >= 5 calls after 2 warm-up
// calls, the whole batch being one call; agrees = out_nnz and pattern hash exact, checksums within
// 1e-12 relative of the folder's index.json (and stored outputs element-wise within 1e-12).
//
// Usage: node benchmarks/run.mjs benchmarks/sparse-conv.ts [--only a,b] [--impls direct,auto] [--fit-data f.json]
// Env: SC_WORKLOADS (workload folder; unset: generated into a temporary folder, removed after),
//      SC_MIN_TIME (seconds), SC_PLOTS (folder for sweep JSON/SVG, default: none).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConvolver,
  shutdownThreads,
  type Convolver,
  type Method,
  type Mode,
  type SparseImages,
} from '@sparsepixels/sparse-conv';
import {
  checksums,
  checksumsAgree,
  readWorkload,
  WORKLOADS,
  writeWorkloads,
  type LoadedWorkload,
} from '@sparsepixels/sparse-conv/workloads';
import { peerRow } from './sparse-conv-peer';
import { sweepSeries, writeSweeps } from './sparse-conv-plots';
import { measure, medianOf, peakRssChild } from './sparse-conv-timing';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const MIN_TIME = Number(process.env.SC_MIN_TIME ?? 1);
if (arg('memory-child')) await peakRssChild(arg('memory-child')!); // a child process of this benchmark: measure and exit
const only = arg('only')?.split(',');
interface Impl {
  impl: string;
  method: Method | 'auto';
  threads: number | 'auto';
}
const ALL_IMPLS: Impl[] = [
  { impl: 'direct', method: 'direct', threads: 1 },
  { impl: 'direct', method: 'direct', threads: 2 },
  { impl: 'precomputed', method: 'precomputed', threads: 1 },
  { impl: 'lazy', method: 'lazy', threads: 1 },
  { impl: 'gather-scatter', method: 'gather-scatter', threads: 1 },
  { impl: 'auto', method: 'auto', threads: 'auto' },
];
const implFilter = arg('impls')?.split(',');
const IMPLS = ALL_IMPLS.filter(
  (i) => !implFilter || implFilter.includes(i.impl) || implFilter.includes(`${i.impl}@${i.threads}`),
);

let dir = process.env.SC_WORKLOADS;
let tempDir: string | undefined;
const specs = WORKLOADS.filter((w) => !only || only.includes(w.name));
if (!dir) {
  dir = tempDir = mkdtempSync(join(tmpdir(), 'sc_workloads-'));
  const t0 = performance.now();
  writeWorkloads(dir, specs);
  console.log(
    `generated ${specs.length} workloads into ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
console.log(
  `sparse-conv benchmark: ${specs.length} workloads from ${dir}; SC_MIN_TIME ${MIN_TIME} s; Node ${process.version}; ` +
    `${availableParallelism()} CPUs; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);

interface Row {
  workload: string;
  mode: Mode;
  impl: string;
  threads: number;
  chosen?: string;
  callMs: number;
  callMinMs: number;
  cpuMs: number;
  initMs: number;
  agrees: boolean;
  features: Record<string, number>;
  load1: number;
}
const rows: Row[] = [];
const memory: { workload: string; mode: Mode; outBytes: number; peakBytes: number }[] = [];

/** out_nnz and pattern hash exact, sums within 1e-12; stored outputs element-wise within 1e-12. */
function agrees(w: LoadedWorkload, mode: Mode, out: SparseImages): boolean {
  const ref = w.reference[mode];
  if (!ref) return false;
  if (!checksumsAgree(checksums(out), ref)) return false;
  const stored = w.storedOutput(mode);
  if (!stored) return true;
  for (let i = 0; i < stored.indices.length; i++) {
    if (stored.indices[i] !== out.indices[i]) return false;
    const a = stored.data[i]!;
    if (Math.abs(a - out.data[i]!) > 1e-12 * Math.abs(a)) return false;
  }
  return stored.indptr.every((v, i) => v === out.indptr[i]);
}

const fmt = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
const opt = (r: { callMs: number } | undefined): string => (r ? fmt(r.callMs) : '');

for (const spec of specs) {
  const w = readWorkload(dir, spec);
  const nnz = w.images.indptr[w.images.nImages]!;
  for (const mode of spec.modes) {
    for (const impl of IMPLS) {
      let conv: Convolver = createConvolver(w.images, w.kernel, { mode });
      // init: what the method does before a call (the precomputed table; nothing for the others).
      const initMs =
        impl.method === 'precomputed'
          ? medianOf(5, () => createConvolver(w.images, w.kernel, { mode }).prepare())
          : medianOf(5, () => {
              const t0 = performance.now();
              conv = createConvolver(w.images, w.kernel, { mode });
              return performance.now() - t0;
            });
      const opts = { method: impl.method, threads: impl.threads };
      const choice = conv.choose(w.images, opts);
      const out = conv.convolve(w.images, opts);
      const ok = agrees(w, mode, out);
      const t = measure(() => conv.convolve(w.images, opts), MIN_TIME);
      const after = conv.choose(w.images, opts); // auto may change its mind once the table exists
      const row: Row = {
        workload: spec.name,
        mode,
        impl: impl.impl,
        threads: after.threads,
        ...(impl.method === 'auto'
          ? { chosen: `${after.method}${after.threads > 1 ? `@${after.threads}` : ''}` }
          : {}),
        callMs: t.median,
        callMinMs: t.min,
        cpuMs: t.cpuMedian,
        initMs,
        agrees: ok,
        features: {
          nImages: w.images.nImages,
          nnz,
          taps: w.kernel.data.filter((v) => v !== 0).length,
          inPixels: spec.height * spec.width,
          outPixels: out.height * out.width,
          outNnz: out.indices.length,
        },
        load1: loadavg()[0]!,
      };
      void choice;
      rows.push(row);
      const result = {
        workload: row.workload,
        mode,
        impl: row.impl,
        call_ms: +row.callMs.toFixed(4),
        call_min_ms: +row.callMinMs.toFixed(4),
        init_ms: +row.initMs.toFixed(4),
        threads: row.threads,
        agrees: ok,
      };
      console.log(`SC_RESULT ${JSON.stringify(result)}`);
    }
    // Memory: peak RSS growth during one direct call (1 thread) after a warm-up, against the output.
    const child = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        fileURLToPath(import.meta.url),
        '--memory-child',
        JSON.stringify({ dir, name: spec.name, mode }),
      ],
      {
        encoding: 'utf8',
      },
    );
    const line = child.stdout.split('\n').find((l) => l.startsWith('SC_MEMORY '));
    if (line)
      memory.push({
        workload: spec.name,
        mode,
        ...(JSON.parse(line.slice(10)) as { outBytes: number; peakBytes: number }),
      });
    else
      console.log(
        `memory child failed for ${spec.name} ${mode}: ${child.stderr.trim().split('\n').slice(0, 5).join(' / ')}`,
      );
  }
}
await shutdownThreads();

// ---- table beside the peer ----
const pick = (wl: string, mode: string, impl: string, threads?: number): Row | undefined =>
  rows.find(
    (r) =>
      r.workload === wl &&
      r.mode === mode &&
      r.impl === impl &&
      (threads === undefined || r.threads === threads),
  );
console.log(
  '\nms per call (median wall; cpu = median CPU ms of the 1-thread direct call, steadier on a shared machine); peer = sparse_convolution direct+numba (its 1T/2T figures on this machine)',
);
const header = [
  'workload',
  'mode',
  'batch',
  'out nnz',
  'direct 1T',
  '(cpu)',
  'direct 2T',
  'precomp (init)',
  'lazy',
  'g-s',
  'auto (choice)',
  'agrees',
  'peer 1T',
  'peer 2T',
  'ours/peer 1T',
  '(cpu/peer 1T)',
  'ours 2T/peer 2T',
  'load',
];
console.log(header.join(' | '));
for (const spec of specs)
  for (const mode of spec.modes) {
    const d1 = pick(spec.name, mode, 'direct', 1);
    const d2 = rows.find(
      (r) => r.workload === spec.name && r.mode === mode && r.impl === 'direct' && r.threads > 1,
    );
    const pc = pick(spec.name, mode, 'precomputed');
    const au = pick(spec.name, mode, 'auto');
    const peer = peerRow(spec.name, mode);
    const mine = rows.filter((r) => r.workload === spec.name && r.mode === mode);
    const cells = [
      spec.name,
      mode,
      String(spec.batch),
      String(d1?.features.outNnz ?? mine[0]?.features.outNnz ?? ''),
      d1 ? fmt(d1.callMs) : '',
      d1 ? fmt(d1.cpuMs) : '',
      d2 ? fmt(d2.callMs) : '',
      pc ? `${fmt(pc.callMs)} (${fmt(pc.initMs)})` : '',
      opt(pick(spec.name, mode, 'lazy')),
      opt(pick(spec.name, mode, 'gather-scatter')),
      au ? `${fmt(au.callMs)} (${au.chosen})` : '',
      mine.every((r) => r.agrees) ? 'yes' : 'NO',
      peer ? String(peer.direct1T) : '',
      peer ? String(peer.direct2T) : '',
      peer && d1 ? (d1.callMs / peer.direct1T).toFixed(2) : '',
      peer && d1 ? (d1.cpuMs / peer.direct1T).toFixed(2) : '',
      peer && d2 ? (d2.callMs / peer.direct2T).toFixed(2) : '',
      (mine[0]?.load1 ?? 0).toFixed(1),
    ];
    console.log(cells.join(' | '));
  }

console.log(
  '\nmemory: peak RSS growth during one direct call (1 thread, after a warm-up call and a GC) / bytes of its output (indptr + indices + data)',
);
for (const m of memory)
  console.log(
    `${m.workload} ${m.mode}: ${(m.peakBytes / 2 ** 20).toFixed(2)} MiB / ${(m.outBytes / 2 ** 20).toFixed(2)} MiB = ${(m.peakBytes / m.outBytes).toFixed(2)}x`,
  );

// ---- sweeps ----
const series = sweepSeries(rows);
if (process.env.SC_PLOTS)
  console.log(`\nsweeps written: ${(await writeSweeps(process.env.SC_PLOTS, series)).join(', ')}`);
const fitData = arg('fit-data');
if (fitData) {
  writeFileSync(fitData, JSON.stringify({ loadavg: loadavg(), rows }, null, 1) + '\n');
  console.log(
    `fit data written to ${fitData} (node benchmarks/run.mjs benchmarks/sparse-conv-fit.ts ${fitData})`,
  );
}
const bad = rows.filter((r) => !r.agrees);
console.log(
  bad.length
    ? `\n${bad.length} results do NOT agree with the reference`
    : `\nall ${rows.length} results agree with the reference`,
);
if (tempDir) rmSync(tempDir, { recursive: true, force: true });
if (bad.length) process.exitCode = 1;
