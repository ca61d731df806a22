/**
 * Training throughput (events/s, forward + backward + Adam update, batch 128) of the paper's
 * neutrino sparse-m model (63x63, N = 16, 8-bit) and of the standard CNN of the same base
 * architecture, on synthetic sparse events. Wall-clock events/s (including batching and the
 * per-batch tensor copies of fit) and events per CPU second (robust when other processes share
 * the machine).
 *   node benchmarks/run.mjs benchmarks/training.ts [--events 2048] [--backend cpu|wasm|auto]
 */
import { buildCnn, fit, NEUTRINO, selectBackend, backendInfo, type Dataset } from '@sparsepixels/layers';
import * as tf from '@tensorflow/tfjs';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** Neutrino-like windows: a cluster of hits (label 1) or straight tracks plus noise (label 0). */
function syntheticEvents(count: number, seed: number): Dataset {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const [h, w] = [63, 63];
  const x = new Float32Array(count * h * w);
  const y = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    y[e] = e % 2;
    const hits = 10 + Math.floor(rnd() * 30);
    const [h0, w0] = [8 + rnd() * 47, 8 + rnd() * 47];
    const slope = rnd() * 2 - 1;
    for (let k = 0; k < hits; k++) {
      const [ph, pw] = y[e] ? [h0 + (rnd() - 0.5) * 12, w0 + (rnd() - 0.5) * 12] : [rnd() * h, w0 + slope * (rnd() * h - h0)];
      const [ih, iw] = [Math.floor(ph), Math.floor(pw)];
      if (ih >= 0 && ih < h && iw >= 0 && iw < w) x[e * h * w + ih * w + iw] = 0.22 + 0.78 * rnd();
    }
  }
  return { x, y };
}

/** Trains `epochs` epochs (after a warm-up); events per wall-clock second and per CPU second. */
async function throughput(label: string, nMax: number | undefined, data: Dataset, epochs: number): Promise<number> {
  const model = buildCnn(NEUTRINO, { nMax, bits: 8, integer: 2 });
  const warm: Dataset = { x: data.x.subarray(0, 256 * 3969), y: Array.from(data.y).slice(0, 256) };
  await fit(model, warm, { epochs: 1, progress: false, earlyStopping: false });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const h = await fit(model, data, { epochs, progress: false, earlyStopping: false });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const events = data.y.length * epochs;
  const rate = events / wall;
  const cpuRate = events / ((c.user + c.system) / 1e6);
  console.log(`${label.padEnd(34)} ${Math.round(rate).toString().padStart(7)} events/s  (${Math.round(cpuRate)} per CPU-second; loss ${h.epochs.at(-1)!.loss.toFixed(4)})`);
  return rate;
}

/** Reference: the same two convolutions with the stock tfjs conv2d (forward + backward, Adam). */
function stockConvRate(data: Dataset, count: number): number {
  const x = tf.tensor4d(data.x.subarray(0, count * 3969), [count, 63, 63, 1]);
  const w1 = tf.variable(tf.randomNormal([7, 7, 1, 1], 0, 0.2));
  const w2 = tf.variable(tf.randomNormal([7, 7, 1, 3], 0, 0.2));
  const opt = tf.train.adam(1e-3);
  const loss = () => tf.mean(tf.avgPool(tf.relu(tf.conv2d(tf.relu(tf.conv2d(x, w1, 1, 'same')), w2, 1, 'same')), 7, 7, 'valid')) as tf.Scalar;
  opt.minimize(loss);
  const t0 = performance.now();
  opt.minimize(loss);
  return count / ((performance.now() - t0) / 1000);
}

const events = Number(arg('events', '2048'));
const choice = await selectBackend({ prefer: arg('backend', 'auto') as 'auto' });
console.log(`backend: ${backendInfo().name} (${choice.reason}); ${events} events per epoch, batch 128`);
const data = syntheticEvents(events, 1219);
const sparse = await throughput('neutrino sparse-m (N=16, 8-bit)', 16, data, 2);
const std = await throughput('neutrino standard CNN (8-bit)', undefined, { x: data.x.subarray(0, 512 * 3969), y: Array.from(data.y).slice(0, 512) }, 1);
if (tf.getBackend() === 'cpu') console.log(`${'reference: stock tfjs conv2d, 2 convs only'.padEnd(34)} ${Math.round(stockConvRate(data, 32)).toString().padStart(7)} events/s`);
console.log(`targets: sparse >= 5000 events/s (${sparse >= 5000 ? 'met' : 'NOT met'}), standard >= 200 events/s (${std >= 200 ? 'met' : 'NOT met'})`);
