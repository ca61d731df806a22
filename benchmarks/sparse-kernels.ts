// Events per second of the core reference kernels chained as the paper's neutrino sparse-m model:
// 63x63x1 -> InputReduce(N=16) -> SparseConv2D 7x7 1->1 -> ReLU -> SparseConv2D 7x7 1->3 -> ReLU
// -> SparsePooling2D avg 7 -> SparseFlatten (9x9x3 = 243) -> Dense 16 -> ReLU -> Dense 1 -> sigmoid,
// 8-bit feature/weight types. Runs the float forms, the bit-exact forms with accumulators that cannot
// overflow (exact-number strategy) and with narrow user-fixed accumulators (step-number strategy).
// The fixed chains take the float image (quantized inside InputReduce) and reuse output buffers.
// Usage: node benchmarks/run.mjs benchmarks/sparse-kernels.ts [events]
import {
  apFixed,
  apUfixed,
  denseFixed,
  denseFloat,
  getActivation,
  inputReduceFloat,
  prepareDenseFixed,
  prepareSparseConv2dFixed,
  createSparseTensor,
  inputReduceFixedFromFloat,
  sigmoidFixed,
  sigmoidFloat,
  sigmoidTable,
  sparseActivationFixed,
  sparseActivationFloat,
  sparseConv2dFixed,
  sparseConv2dFloat,
  sparseFlattenFixed,
  sparseFlattenFloat,
  sparsePool2dFixed,
  sparsePool2dFloat,
  type FixedType,
} from '@sparsepixels/core';

const EVENTS = Number(process.argv[2] ?? 20000);
const [H, W, N] = [63, 63, 16];
let seed = 7;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** 64 distinct synthetic events with 10..40 active pixels each (some overflow N = 16). */
function events(): Float64Array[] {
  return Array.from({ length: 64 }, () => {
    const img = new Float64Array(H * W);
    const count = 10 + Math.floor(rnd() * 30);
    const [cy, cx] = [10 + Math.floor(rnd() * 43), 10 + Math.floor(rnd() * 43)];
    for (let k = 0; k < count; k++) {
      const y = Math.min(H - 1, Math.max(0, cy + Math.floor((rnd() - 0.5) * 20)));
      const x = Math.min(W - 1, Math.max(0, cx + Math.floor((rnd() - 0.5) * 20)));
      img[y * W + x] = 0.05 + rnd() * 1.9;
    }
    return img;
  });
}

const w8 = apFixed(8, 1); // weights in [-1, 1), F = 7
const weights = (n: number, scale = 1): number[] =>
  Array.from({ length: n }, () => Math.round((rnd() - 0.5) * 200 * scale));
const conv1W = weights(49);
const conv2W = weights(147);
const fc1W = weights(243 * 16, 0.2);
const fc2W = weights(16);
const bias = (n: number): number[] => weights(n, 0.1);
const [b1, b2, b3, b4] = [bias(1), bias(3), bias(16), bias(1)];
const real = (a: number[]): number[] => a.map((v) => v / 128);

function fixedModel(narrow: boolean) {
  const input = apUfixed(8, 1); // F = 7
  const feat = apUfixed(8, 4); // after ReLU, F = 4
  const pooledT = apUfixed(10, 2); // F = 8
  const acc = (f: number, i: number): FixedType =>
    narrow ? apFixed(12, 12 - f, 'AP_RND', 'AP_SAT') : apFixed(i + f, i);
  const conv1 = prepareSparseConv2dFixed({
    k: 7,
    cin: 1,
    cout: 1,
    weights: conv1W,
    bias: b1,
    types: { input, weight: w8, bias: w8, accum: acc(14, 10), result: apFixed(10, 4) },
  });
  const conv2 = prepareSparseConv2dFixed({
    k: 7,
    cin: 1,
    cout: 3,
    weights: conv2W,
    bias: b2,
    types: { input: feat, weight: w8, bias: w8, accum: acc(12, 12), result: apFixed(10, 4) },
  });
  const relu = getActivation('relu').prepareFixed({ input: apFixed(10, 4), result: feat });
  const fc1 = prepareDenseFixed({
    nIn: 243,
    nOut: 16,
    weights: fc1W,
    bias: b3,
    types: { input: pooledT, weight: w8, bias: w8, accum: acc(15, 12), result: apFixed(10, 5) },
  });
  const fc2 = prepareDenseFixed({
    nIn: 16,
    nOut: 1,
    weights: fc2W,
    bias: b4,
    types: { input: apUfixed(8, 4), weight: w8, bias: w8, accum: acc(11, 10), result: apFixed(10, 5) },
  });
  const table = sigmoidTable();
  const strategies = [conv1, conv2, fc1, fc2].map((l) => l.strategy).join(', ');
  const relu2 = getActivation('relu').prepareFixed({ input: apFixed(10, 5), result: apUfixed(8, 4) });
  const poolParams = { p: 7, mode: 'avg' as const, types: { input: feat, result: pooledT } };
  const flatParams = { types: { input: pooledT } };
  const reduceOpts = { h: H, w: W, c: 1, nMax: N, threshold: 0, input };
  const sigmoidTypes = { input: apFixed(10, 5), result: apUfixed(8, 0), table };
  // buffers allocated once, as the interpreter does
  const reduced = createSparseTensor({ nMax: N, c: 1, h: H, w: W });
  const [c1out, a1out, c2out, a2out] = [N, N, 3 * N, 3 * N].map((k) => new Float64Array(k)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const [poolOut, poolHash, flatOut] = [
    new Float64Array(3 * N),
    new Int32Array(2 * N),
    new Float64Array(243),
  ];
  const [h1, r1, o1, s1] = [
    new Float64Array(16),
    new Float64Array(16),
    new Float64Array(1),
    new Float64Array(1),
  ];
  const run = (img: Float64Array): number => {
    const x = inputReduceFixedFromFloat(img, reduceOpts, reduced).tensor;
    const y1 = sparseActivationFixed(sparseConv2dFixed(x, conv1, c1out), relu, a1out);
    const y2 = sparseActivationFixed(sparseConv2dFixed(y1, conv2, c2out), relu, a2out);
    const pooled = sparsePool2dFixed(y2, poolParams, poolOut, poolHash);
    const flat = sparseFlattenFixed(pooled, flatParams, flatOut);
    relu2.run(denseFixed(flat, fc1, h1), r1, 0, 16);
    return sigmoidFixed(denseFixed(r1, fc2, o1), sigmoidTypes, s1)[0]!;
  };
  return { run, strategies };
}

const [c1, c2, f1, f2] = [conv1W, conv2W, fc1W, fc2W].map(real) as [number[], number[], number[], number[]];
const [rb1, rb2, rb3, rb4] = [b1, b2, b3, b4].map(real) as [number[], number[], number[], number[]];
const relu = getActivation('relu');

function floatRun(img: Float64Array): number {
  const x = inputReduceFloat(img, { h: H, w: W, c: 1, nMax: N, threshold: 0 }).tensor;
  const y1 = sparseActivationFloat(
    sparseConv2dFloat(x, { k: 7, cin: 1, cout: 1, weights: c1, bias: rb1 }),
    relu,
  );
  const y2 = sparseActivationFloat(
    sparseConv2dFloat(y1, { k: 7, cin: 1, cout: 3, weights: c2, bias: rb2 }),
    relu,
  );
  const flat = sparseFlattenFloat(sparsePool2dFloat(y2, { p: 7, mode: 'avg' }));
  const h1 = denseFloat(flat, { nIn: 243, nOut: 16, weights: f1, bias: rb3 });
  const r1 = new Float64Array(16);
  relu.float(h1, r1, 0, 16);
  return sigmoidFloat(denseFloat(r1, { nIn: 16, nOut: 1, weights: f2, bias: rb4 }))[0]!;
}

function measure(name: string, inputs: Float64Array[], run: (img: Float64Array) => number): number {
  let sink = 0;
  for (let e = 0; e < 2000; e++) sink += run(inputs[e % inputs.length]!); // warm-up
  const t0 = performance.now();
  for (let e = 0; e < EVENTS; e++) sink += run(inputs[e % inputs.length]!);
  const rate = EVENTS / ((performance.now() - t0) / 1000);
  console.log(
    `${name.padEnd(44)} ${Math.round(rate).toString().padStart(8)} events/s   (checksum ${sink.toFixed(3)})`,
  );
  return rate;
}

const imgs = events();
console.log(`paper sparse-m chain, ${EVENTS} events, one core`);
const floatRate = measure('float kernels', imgs, floatRun);
const exact = fixedModel(false);
const exactRate = measure(`fixed, wide accumulators [${exact.strategies}]`, imgs, exact.run);
const narrow = fixedModel(true);
const narrowRate = measure(`fixed, narrow accumulators [${narrow.strategies}]`, imgs, narrow.run);
console.log(
  `ratios: fixed-exact / float = ${(exactRate / floatRate).toFixed(2)}, fixed-narrow / fixed-exact = ${(narrowRate / exactRate).toFixed(2)}`,
);
