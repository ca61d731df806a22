// Fits the cost model behind `method: "auto"` (packages/sparse-conv/src/auto/cost-model.ts) on a
// benchmark run and writes packages/sparse-conv/src/auto/fitted.ts:
//   node benchmarks/run.mjs benchmarks/sparse-conv.ts --fit-data /tmp/sc-fit.json
//   node benchmarks/run.mjs benchmarks/sparse-conv-fit.ts /tmp/sc-fit.json
// Per method, non-negative least squares on relative error (each call time weighted by 1/t) of the
// median CPU time of its single-thread calls (steadier than wall time on a shared machine) against
// the method's features with its table already built; the precomputed table's cost per entry from
// its init times; the thread threshold from direct's CPU times on 1 and 2 threads.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FEATURE_NAMES, featureVector, type CallFeatures, type Method } from '@sparsepixels/sparse-conv';
import type { SweepInput } from './sparse-conv-plots';

interface Row extends SweepInput {
  initMs: number;
  features: { nImages: number; nnz: number; taps: number; inPixels: number; outPixels: number };
}
const file = process.argv[2];
if (!file) {
  console.error('usage: node benchmarks/run.mjs benchmarks/sparse-conv-fit.ts <fit-data.json>');
  process.exit(2);
}
const data = JSON.parse(readFileSync(file, 'utf8')) as { loadavg: number[]; rows: Row[] };
const features = (r: Row): CallFeatures => ({ ...r.features, tableBuilt: true });

/** Lawson-Hanson non-negative least squares: min |Ax - b| subject to x >= 0. */
function nnls(A: number[][], b: number[]): number[] {
  const n = A[0]!.length;
  const x = new Array<number>(n).fill(0);
  const passive = new Array<boolean>(n).fill(false);
  const grad = (): number[] => {
    const r = b.map((bi, i) => bi - A[i]!.reduce((s, a, j) => s + a * x[j]!, 0));
    return Array.from({ length: n }, (_, j) => A.reduce((s, row, i) => s + row[j]! * r[i]!, 0));
  };
  const solvePassive = (): number[] => {
    const idx = [...passive.keys()].filter((j) => passive[j]);
    const m = idx.length;
    const M = idx.map((p) => idx.map((q) => A.reduce((s, row) => s + row[p]! * row[q]!, 0)));
    const v = idx.map((p) => A.reduce((s, row, i) => s + row[p]! * b[i]!, 0));
    for (let c = 0; c < m; c++) {
      let piv = c;
      for (let r = c + 1; r < m; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
      [M[c], M[piv]] = [M[piv]!, M[c]!];
      [v[c], v[piv]] = [v[piv]!, v[c]!];
      const d = M[c]![c]! || 1e-300;
      for (let r = 0; r < m; r++) {
        if (r === c) continue;
        const f = M[r]![c]! / d;
        for (let k = c; k < m; k++) M[r]![k]! -= f * M[c]![k]!;
        v[r]! -= f * v[c]!;
      }
    }
    const z = new Array<number>(n).fill(0);
    idx.forEach((p, i) => (z[p] = v[i]! / (M[i]![i]! || 1e-300)));
    return z;
  };
  for (let iter = 0; iter < 100; iter++) {
    const w = grad();
    let best = -1;
    for (let j = 0; j < n; j++) if (!passive[j] && w[j]! > 1e-12 && (best < 0 || w[j]! > w[best]!)) best = j;
    if (best < 0) break;
    passive[best] = true;
    for (;;) {
      const z = solvePassive();
      if ([...passive.keys()].every((j) => !passive[j] || z[j]! > 0)) {
        z.forEach((v, j) => (x[j] = v));
        break;
      }
      let alpha = 1;
      for (let j = 0; j < n; j++)
        if (passive[j] && z[j]! <= 0) alpha = Math.min(alpha, x[j]! / (x[j]! - z[j]!));
      for (let j = 0; j < n; j++) {
        x[j] = x[j]! + alpha * (z[j]! - x[j]!);
        if (passive[j] && x[j]! <= 1e-15) passive[j] = false;
      }
    }
  }
  return x;
}

const methods: Method[] = ['direct', 'precomputed', 'lazy', 'gather-scatter'];
const fitted: Record<string, number[]> = {};
for (const method of methods) {
  const rows = data.rows
    .filter((r) => r.impl === method && r.threads === 1)
    .map((r) => ({ ...r, callMs: r.cpuMs }));
  if (rows.length === 0) throw new Error(`no 1-thread rows for ${method} in ${file}`);
  // Columns scaled to unit norm for conditioning; each row divided by its time (relative error).
  const raw = rows.map((r) => featureVector(method, features(r)));
  const scale = FEATURE_NAMES.map((_, j) => Math.hypot(...raw.map((f, i) => f[j]! / rows[i]!.callMs)) || 1);
  const A = raw.map((f, i) => f.map((v, j) => v / rows[i]!.callMs / scale[j]!));
  const coef = nnls(
    A,
    rows.map(() => 1),
  ).map((c, j) => c / scale[j]!);
  if (method === 'precomputed') {
    // Table build: init_ms per table entry (inPixels * taps), least squares through the origin.
    const pts = rows.map((r) => [r.features.inPixels * r.features.taps, r.initMs] as const);
    coef[FEATURE_NAMES.indexOf('tableEntries')] =
      pts.reduce((s, [x, y]) => s + x * y, 0) / pts.reduce((s, [x]) => s + x * x, 0);
  }
  fitted[method] = coef.map((c) => Number(c.toPrecision(4)));
  const errs = rows.map((r) => {
    const pred = featureVector(method, features(r)).reduce((s, v, j) => s + v * coef[j]!, 0);
    return Math.abs(pred / r.callMs - 1);
  });
  errs.sort((a, b) => a - b);
  console.log(
    `${method}: ${FEATURE_NAMES.map((n, j) => `${n} ${fitted[method]![j]}`).join(', ')}; relative error median ${(errs[errs.length >> 1]! * 100).toFixed(0)} %, max ${(errs.at(-1)! * 100).toFixed(0)} %`,
  );
}

// Threads, for a machine whose cores are free (threads 'auto' also checks the load at run time):
// a 2-thread call then takes about half its total CPU time plus two worker round trips (about
// 0.05 ms each measured here). The threshold is the smallest single-thread CPU time from which that
// estimate beats one thread on at least 3 of 4 workloads (CPU times: steadier than wall times on a
// shared machine, where a second thread mostly waits for the scheduler).
const ROUND_TRIPS_MS = 0.1;
const paying = data.rows
  .filter((r) => r.impl === 'direct' && r.threads === 1)
  .map((r) => {
    const two = data.rows.find(
      (q) => q.impl === 'direct' && q.threads === 2 && q.workload === r.workload && q.mode === r.mode,
    );
    return { t1: r.cpuMs, pays: two !== undefined && two.cpuMs / 2 + ROUND_TRIPS_MS < r.cpuMs };
  })
  .sort((a, b) => a.t1 - b.t1);
let minThreadedMs = 1e9;
for (let i = 0; i < paying.length; i++) {
  const rest = paying.slice(i);
  if (rest.filter((p) => p.pays).length >= 0.75 * rest.length) {
    minThreadedMs = Number(paying[i]!.t1.toPrecision(3));
    break;
  }
}
console.log(`threads: from ${minThreadedMs} ms of single-thread CPU time, 2 threads pay on free cores`);

const out = `// Written by benchmarks/sparse-conv-fit.ts from a benchmark run; do not edit by hand.
// Coefficients (ms per unit of each feature in FEATURE_NAMES order) per method.
import type { Method } from '../types';

export const FITTED: {
  source: string;
  methods: Record<Method, number[]>;
  minThreadedMs: number;
  maxThreads: number;
} = {
  source: ${JSON.stringify(`benchmarks/sparse-conv.ts, ${data.rows.length} rows, load average ${data.loadavg.map((l) => l.toFixed(1)).join(' ')} at the end`)},
  methods: {
${methods.map((m) => `    ${m.includes('-') ? `'${m}'` : m}: [${fitted[m]!.join(', ')}],`).join('\n')}
  },
  minThreadedMs: ${minThreadedMs},
  maxThreads: 8,
};
`;
writeFileSync(resolve('packages/sparse-conv/src/auto/fitted.ts'), out);
console.log('wrote packages/sparse-conv/src/auto/fitted.ts');
