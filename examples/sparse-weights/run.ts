// node benchmarks/run.mjs examples/sparse-weights/run.ts [--ci] [--out dir]
import { join } from 'node:path';
import { runSparseWeights } from './sparse-weights';

const argv = process.argv.slice(2);
const ci = argv.includes('--ci');
const at = argv.indexOf('--out');
const outDir = at >= 0 && argv[at + 1] ? argv[at + 1]! : join(process.cwd(), 'examples/sparse-weights/out');
const r = await runSparseWeights({ mode: ci ? 'ci' : 'full', outDir, log: (l) => console.log(l) });
const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
console.log(
  '\n| ratio | accuracy | AUC | non-zero weights | MACs/event dense | input-sparse | zero-skip | est. latency (cycles) | est. LUT |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const x of r.ratios) {
  const m = x.zeroSkip.total.macs;
  console.log(
    `| ${x.ratio} | ${x.accuracy.toFixed(3)} | ${x.auc.toFixed(3)} | ${x.nonZero}/${x.weights} | ${f(m.dense)} | ${f(m.inputSparse)} | ${f(m.inputAndWeightSparse)} | ${x.estimate.latencyCycles} | ${x.estimate.lut} |`,
  );
}
console.log(`\nplots: ${r.plots.join(', ')}`);
if (!r.storeReadBack || !r.storeZeroSkip.bitExact || !r.rtl.every((l) => l.bitExact && l.macsMatch))
  process.exitCode = 1;
