/**
 * Sparse weights end to end on a tiny CNN: train one model per pruning ratio (same seed), then take
 * the 70 % model through the compressed weight store, the zero-skip simulation and the Verilog
 * blocks, and plot what pruning buys. See README.md.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { estimateDocument } from '@sparsepixels/estimate';
import type { ModelIR } from '@sparsepixels/ir';
import { buildCnn, evaluate, fit, type CnnArchitecture, type PruneReport } from '@sparsepixels/layers';
import { comparisonBars, linePanels, renderSvg } from '@sparsepixels/plot';
import {
  chooseLayers,
  compressModel,
  prepareSims,
  readStore,
  simulateDotProduct,
  storeFiles,
  unitVectors,
  walkLayerEvents,
  zeroSkipSimulate,
  type DotVector,
  type ZeroSkipReport,
} from '@sparsepixels/sparse-weights';
import { generate, SIZE } from './data';

/**
 * The tiny CNN: 16x16 -> InputReduce(N = 16) -> conv 2 filters 3x3 (relu) -> avg pool 2 -> flatten
 * (8x8x2) -> dense 16 (relu) -> dense 1 (sigmoid); 2,082 weights, 2,048 of them in the hidden dense.
 */
export const TINY_CNN: CnnArchitecture = {
  name: 'tiny',
  input: [SIZE, SIZE, 1],
  threshold: 0,
  blocks: [{ conv: { filters: 2, kernelSize: 3 } }, { pool: 2 }],
  hidden: [16],
  outputUnits: 1,
  outputActivation: 'sigmoid',
};

export interface Options {
  readonly mode: 'ci' | 'full';
  readonly outDir: string;
  readonly log?: (line: string) => void;
}

export interface RatioResult {
  readonly ratio: number;
  readonly accuracy: number;
  readonly auc: number;
  readonly prune?: PruneReport;
  readonly nonZero: number;
  readonly weights: number;
  readonly zeroSkip: ZeroSkipReport;
  readonly estimate: { readonly latencyCycles: number; readonly lut: number };
  readonly ir: ModelIR;
}

export interface RtlLayerResult {
  readonly layer: string;
  readonly vectors: number;
  readonly bitExact: boolean;
  readonly macsMatch: boolean;
  /** Mean cycles per vector of sparse_dot_product. */
  readonly cycles: number;
  /** SparseConv2D units whose window is not in raster order (left out: the block streams in tap order). */
  readonly reordered: number;
}

export interface ExampleResult {
  readonly ratios: RatioResult[];
  readonly chosen: number;
  readonly storeReadBack: boolean;
  readonly storeZeroSkip: ZeroSkipReport;
  readonly rtl: RtlLayerResult[];
  readonly plots: string[];
}

const RATIOS = [0, 0.3, 0.5, 0.7, 0.9];
const SIZES = {
  ci: { train: 2000, test: 400, epochs: 12, rtlEvents: 12 },
  full: { train: 8000, test: 2000, epochs: 16, rtlEvents: 60 },
};

async function trainRatio(ratio: number, o: Options): Promise<RatioResult> {
  const s = SIZES[o.mode];
  const train = generate(s.train, 1);
  const test = generate(s.test, 2);
  const model = buildCnn(TINY_CNN, {
    nMax: 16,
    bits: 8,
    integer: 1,
    seed: 7,
    name: `tiny_p${Math.round(ratio * 100)}`,
  });
  // prune gradually over the first half, fine-tune with fixed masks in the second
  const prune =
    ratio > 0
      ? { sparsity: ratio, schedule: { kind: 'polynomial' as const, beginEpoch: 1, endEpoch: s.epochs / 2 } }
      : undefined;
  const h = await fit(model, train, {
    epochs: s.epochs,
    batchSize: 32,
    learningRate: 1e-2,
    earlyStopping: false,
    progress: false,
    seed: 3,
    ...(prune ? { prune } : {}),
  });
  const ev = evaluate(model, test);
  const ir = ev.ir;
  const zeroSkip = zeroSkipSimulate(ir, test.x, s.test);
  const e = estimateDocument(ir).estimate;
  const weights = zeroSkip.layers.reduce((a, l) => a + l.weights, 0);
  const nonZero = zeroSkip.layers.reduce((a, l) => a + l.nonZeroWeights, 0);
  if (h.prune)
    o.log?.(
      `  masks: ${h.prune.tensors.map((t) => `${t.layer} ${t.masked}/${t.count}`).join(', ')} (one global threshold)`,
    );
  o.log?.(
    `ratio ${ratio}: firmware accuracy ${ev.firmware.accuracy.toFixed(3)}, AUC ${ev.firmware.auc!.toFixed(3)}, ${nonZero}/${weights} non-zero weights`,
  );
  return {
    ratio,
    accuracy: ev.firmware.accuracy,
    auc: ev.firmware.auc!,
    ...(h.prune ? { prune: h.prune } : {}),
    nonZero,
    weights,
    zeroSkip,
    estimate: { latencyCycles: e.latencyCycles, lut: e.lut },
    ir,
  };
}

function writeStore(dir: string, ir: ModelIR): boolean {
  const store = compressModel(ir);
  for (const f of storeFiles(store)) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.data);
  }
  const back = readStore((p) =>
    existsSync(join(dir, p)) ? new Uint8Array(readFileSync(join(dir, p))) : undefined,
  );
  return store.layers.every(
    ({ layer }) =>
      JSON.stringify(back.get(layer.name)!.raws.map(String)) === JSON.stringify(layer.kernel.map(String)),
  );
}

/** Every MAC layer's sparse_dot_product in Icarus on vectors from the zero-skip simulation. */
async function simulateRtl(
  ir: ModelIR,
  x: Float32Array,
  events: number,
  dir: string,
): Promise<RtlLayerResult[]> {
  const store = compressModel(ir);
  const sims = prepareSims(ir, chooseLayers(ir, undefined));
  const vectors = new Map(sims.map((s) => [s.layer.name, { list: [] as DotVector[], reordered: 0 }]));
  walkLayerEvents(ir, sims, x, events, (e) => {
    const v = unitVectors(e.sim.layer, e.x, e.result, e.hash);
    const entry = vectors.get(e.sim.layer.name)!;
    entry.list.push(...v.vectors);
    entry.reordered += v.reordered;
  });
  const out: RtlLayerResult[] = [];
  for (const { layer, encoded } of store.layers) {
    const { list, reordered } = vectors.get(layer.name)!;
    const d = join(dir, layer.name);
    mkdirSync(d, { recursive: true });
    const run = await simulateDotProduct(
      layer,
      encoded,
      list.map((v) => v.x),
      d,
    );
    const sim = sims.find((s) => s.layer.name === layer.name)!;
    const bitExact = list.every((v, i) => run.outputs[i]!.every((r, c) => r === v.expected[c]));
    const macsMatch = list.every((v, i) => run.macs[i] === sim.index.filter((idx) => v.x[idx] !== 0n).length);
    out.push({
      layer: layer.name,
      vectors: list.length,
      bitExact,
      macsMatch,
      cycles: run.cycles.reduce((a, c) => a + c, 0) / Math.max(1, list.length),
      reordered,
    });
  }
  return out;
}

async function plots(r: RatioResult[], chosen: RatioResult, dir: string): Promise<string[]> {
  const files: [string, Parameters<typeof renderSvg>[0]][] = [
    [
      'accuracy.svg',
      linePanels({
        title: 'firmware metric against the pruning ratio (tiny CNN, 8-bit)',
        xTitle: 'pruned fraction of the weights',
        panels: [
          {
            title: 'held-out events',
            yTitle: 'metric',
            points: r.flatMap((p) => [
              { x: p.ratio, y: p.accuracy, series: 'accuracy' },
              { x: p.ratio, y: p.auc, series: 'AUC' },
            ]),
          },
        ],
      }),
    ],
    [
      'macs.svg',
      comparisonBars({
        title: `MACs per event, ${Math.round(chosen.ratio * 100)} % pruned`,
        rows: chosen.zeroSkip.layers.flatMap((l) => [
          { metric: `${l.name} (${l.op})`, design: 'dense', value: l.macs.dense },
          { metric: `${l.name} (${l.op})`, design: 'input-sparse', value: l.macs.inputSparse },
          { metric: `${l.name} (${l.op})`, design: 'zero-skip', value: l.macs.inputAndWeightSparse },
        ]),
      }),
    ],
    [
      'latency.svg',
      linePanels({
        title: 'latency against the pruning ratio',
        xTitle: 'pruned fraction of the weights',
        panels: [
          {
            title: 'estimated latency (HLS design)',
            yTitle: 'cycles',
            points: r.map((p) => ({ x: p.ratio, y: p.estimate.latencyCycles, series: 'estimated latency' })),
          },
          {
            title: 'estimated LUT (HLS design)',
            yTitle: 'LUT',
            points: r.map((p) => ({ x: p.ratio, y: p.estimate.lut, series: 'estimated LUT' })),
          },
          {
            title: 'MAC engine, 1 MAC/cycle',
            yTitle: 'cycles per event',
            points: r.flatMap((p) => [
              { x: p.ratio, y: p.zeroSkip.total.cycles.inputSparse, series: 'input-sparse' },
              { x: p.ratio, y: p.zeroSkip.total.cycles.inputAndWeightSparse, series: 'zero-skip' },
            ]),
          },
        ],
      }),
    ],
  ];
  for (const [name, spec] of files) writeFileSync(join(dir, name), await renderSvg(spec));
  return files.map(([name]) => join(dir, name));
}

export async function runSparseWeights(o: Options): Promise<ExampleResult> {
  mkdirSync(o.outDir, { recursive: true });
  const ratios: RatioResult[] = [];
  for (const ratio of RATIOS) ratios.push(await trainRatio(ratio, o));
  const chosen = ratios.find((r) => r.ratio === 0.7)!;
  writeFileSync(join(o.outDir, 'model-70.ir.json'), `${JSON.stringify(chosen.ir, null, 2)}\n`);
  const storeDir = join(o.outDir, 'store');
  const storeReadBack = writeStore(storeDir, chosen.ir);
  const test = generate(SIZES[o.mode].test, 2);
  const storeZeroSkip = zeroSkipSimulate(chosen.ir, test.x, test.y.length, {
    store: readStore((p) =>
      existsSync(join(storeDir, p)) ? new Uint8Array(readFileSync(join(storeDir, p))) : undefined,
    ),
  });
  o.log?.(
    `70 % model: store read back ${storeReadBack ? 'identical' : 'DIFFERENT'}; zero-skip on the files bit-exact: ${storeZeroSkip.bitExact}`,
  );
  const rtl = await simulateRtl(chosen.ir, test.x, SIZES[o.mode].rtlEvents, join(o.outDir, 'rtl'));
  for (const l of rtl)
    o.log?.(
      `RTL ${l.layer}: ${l.vectors} vectors, bit-exact ${l.bitExact}, MAC counts ${l.macsMatch ? 'equal' : 'DIFFER'}, ${l.cycles.toFixed(1)} cycles per vector`,
    );
  const files = await plots(ratios, chosen, o.outDir);
  const result = { ratios, chosen: 0.7, storeReadBack, storeZeroSkip, rtl, plots: files };
  writeFileSync(
    join(o.outDir, 'results.json'),
    `${JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v), 2)}\n`,
  );
  return result;
}
