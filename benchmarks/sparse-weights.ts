// Sparse weights on the paper's neutrino sparse-m model (63x63, N = 16, 8-bit; random on-grid weights
// magnitude-pruned globally to each ratio): compressed store size and encode/decode time, MACs per
// event (dense, input-sparse, input-and-weight-sparse) and the zero-skip simulation's speed, the
// estimator's latency/LUT for the HLS design, and the Verilog sparse_dot_product of the two largest
// layers: cycles per output vector in Icarus and Yosys synth_xilinx resources (LUT, FF, BRAM18, DSP).
// Usage: node benchmarks/run.mjs benchmarks/sparse-weights.ts [events] [--no-synth]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateDocument } from '@sparsepixels/estimate';
import type { ModelIR } from '@sparsepixels/ir';
import { buildPaperModel, randomSparseEvents } from '@sparsepixels/ir/testing';
import { magnitudeMasks } from '@sparsepixels/layers';
import {
  chooseLayers,
  compressModel,
  dotProductParams,
  prepareSims,
  roundTripStore,
  simulateDotProduct,
  storeFiles,
  synthesizeDotProduct,
  unitVectors,
  walkLayerEvents,
  zeroSkipSimulate,
  type DotVector,
} from '@sparsepixels/sparse-weights';

const EVENTS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 500);
const SYNTH = !process.argv.includes('--no-synth');
const RATIOS = [0, 0.5, 0.7, 0.9];
const work = mkdtempSync(join(tmpdir(), 'sp-bench-sw-'));

/** Global magnitude pruning of every kernel of the IR (the training-side rule, on IR values). */
function pruned(doc: ModelIR, ratio: number): ModelIR {
  const m = structuredClone(doc);
  const kernels = m.layers
    .filter((l) => l.weights?.['kernel'] && l.op !== 'InputReduce')
    .map((l) => l.weights!['kernel']!);
  const abs = kernels.map((k) => k.values.map(Math.abs));
  const masks = magnitudeMasks(
    abs.map((a) => ({ magnitude: a, tieBreak: a })),
    ratio,
    'global',
  );
  kernels.forEach((k, i) => (k.values = k.values.map((v, j) => (masks[i]![j] ? v : 0))));
  return m;
}

const base = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 });
const events = randomSparseEvents({
  h: 63,
  w: 63,
  count: EVENTS,
  active: [8, 30],
  seed: 11,
  type: base.input.type,
});
const f1 = (v: number) => v.toFixed(1);
console.log(`neutrino sparse-m (N = 16, 8-bit), ${EVENTS} random events (8 to 30 active pixels)\n`);
console.log(
  '| ratio | non-zero weights | store bytes (bin) | encode + decode | MACs/event dense | input-sparse | zero-skip | zero-skip sim | est. latency | est. LUT |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const models = RATIOS.map((r) => [r, pruned(base, r)] as const);
compressModel(base); // warm-up: the first IR validation compiles the JSON Schema
for (const [ratio, m] of models) {
  const t0 = performance.now();
  const store = compressModel(m);
  const files = storeFiles(store);
  roundTripStore(store);
  const codec = performance.now() - t0;
  const bytes = files.filter((f) => f.path.endsWith('.bin')).reduce((a, f) => a + f.data.length, 0);
  const t1 = performance.now();
  const z = zeroSkipSimulate(m, events, EVENTS);
  const s = (performance.now() - t1) / 1000;
  if (!z.bitExact) throw new Error(`zero-skip differs at ratio ${ratio}`);
  const nnz = store.layers.reduce((a, l) => a + l.encoded.metadata.nnz, 0);
  const count = store.layers.reduce((a, l) => a + l.encoded.metadata.count, 0);
  const e = estimateDocument(m).estimate;
  const t = z.total.macs;
  console.log(
    `| ${ratio} | ${nnz}/${count} | ${bytes} | ${codec.toFixed(1)} ms | ${t.dense} | ${f1(t.inputSparse)} | ${f1(t.inputAndWeightSparse)} | ${Math.round(EVENTS / s)} events/s | ${e.latencyCycles} cycles | ${e.lut} |`,
  );
}

console.log(
  `\nsparse_dot_product (Icarus cycles per output vector; Yosys synth_xilinx -family xcup${SYNTH ? '' : ', skipped'}):\n`,
);
console.log('| layer | ratio | entries | vectors | cycles/vector | LUT | FF | BRAM18 | DSP | synth time |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [ratio, m] of models) {
  const store = compressModel(m, ['conv1', 'fc1']);
  const sims = prepareSims(m, chooseLayers(m, ['conv1', 'fc1']));
  const vectors = new Map<string, DotVector[]>(sims.map((s) => [s.layer.name, []]));
  walkLayerEvents(m, sims, events, Math.min(EVENTS, 40), (e) =>
    vectors.get(e.sim.layer.name)!.push(...unitVectors(e.sim.layer, e.x, e.result, e.hash).vectors),
  );
  for (const { layer, encoded } of store.layers) {
    const dir = mkdtempSync(join(work, `${layer.name}-`));
    const vs = vectors.get(layer.name)!.slice(0, 64);
    const run = await simulateDotProduct(
      layer,
      encoded,
      vs.map((v) => v.x),
      dir,
    );
    if (!vs.every((v, i) => run.outputs[i]!.every((r, c) => r === v.expected[c])))
      throw new Error(`RTL differs: ${layer.name} at ${ratio}`);
    const cycles = run.cycles.reduce((a, c) => a + c, 0) / Math.max(1, vs.length);
    let res = '| - | - | - | - | - |';
    if (SYNTH) {
      writeFileSync(join(dir, 'weights_entries.hex'), encoded.hex.entries);
      writeFileSync(join(dir, 'weights_segments.hex'), encoded.hex.segments);
      if (encoded.hex.bias) writeFileSync(join(dir, 'bias_values.hex'), encoded.hex.bias);
      const r = await synthesizeDotProduct(dotProductParams(layer, encoded, dir), dir);
      res = `| ${r.lut} | ${r.ff} | ${r.bram18} | ${r.dsp} | ${(r.ms / 1000).toFixed(1)} s |`;
    }
    console.log(`| ${layer.name} | ${ratio} | ${encoded.metadata.nnz} | ${vs.length} | ${f1(cycles)} ${res}`);
  }
}
rmSync(work, { recursive: true, force: true });
