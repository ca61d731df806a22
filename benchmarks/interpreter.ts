// Events per second of the bit-exact IR interpreter on one core (README.md#measured-figures: >= 50,000 events/s on
// the paper's neutrino sparse-m model), beside the standard CNN of the same base architecture and
// the float reference interpreter. Models: docs/paper-models.md#architectures with random weights on the
// grid of the paper's 8-bit types (inputs ap_ufixed<8,1>, weights quantized_bits(8,2) -> ap_fixed<8,3>,
// ReLU quantized_relu(8,2) -> ap_ufixed<8,2,AP_RND_CONV,AP_SAT>); events: 63x63 images with 5..30
// active pixels (the paper keeps windows with < 1 % occupancy).
// Usage: node benchmarks/run.mjs benchmarks/interpreter.ts [seconds per case, default 2]
import { createFloatInterpreter, createInterpreter, type ModelIR } from '@sparsepixels/ir';
import { buildPaperModel, randomSparseEvents } from '../packages/ir/src/testing/index';

const seconds = Number(process.argv[2] ?? 2);
const BATCH = 500;

interface Runner {
  run(inputs: ArrayLike<number>, batchSize: number): unknown;
}

/** CPU seconds of this process (user + system): robust to other processes sharing the cores. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Events per CPU second and per wall second of `runner` over `seconds` of wall time, after a
 * warm-up of a quarter of that. The machine is shared: the CPU-time figure is the one-core rate.
 */
function eventsPerSecond(runner: Runner, events: Float64Array, batch: number): { cpu: number; wall: number } {
  const measure = (ms: number) => {
    const wall0 = performance.now();
    const cpu0 = cpuSeconds();
    let n = 0;
    while (performance.now() - wall0 < ms) {
      runner.run(events, batch);
      n += batch;
    }
    return { cpu: n / (cpuSeconds() - cpu0), wall: (n / (performance.now() - wall0)) * 1000 };
  };
  measure((seconds * 1000) / 4);
  return measure(seconds * 1000);
}

function row(name: string, model: ModelIR, batch: number, float = false): number {
  const events = randomSparseEvents({ h: 63, w: 63, count: batch, active: [5, 30], seed: 7 });
  const runner = float ? createFloatInterpreter(model) : createInterpreter(model);
  const { cpu, wall } = eventsPerSecond(runner, events, batch);
  const f = (v: number) => v.toFixed(0).padStart(9);
  console.log(`${name.padEnd(46)} ${f(cpu)} ${f(wall)} ${(1e6 / cpu).toFixed(1).padStart(10)}`);
  return cpu;
}

const sparse = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8, seed: 1 });
const standard = buildPaperModel({ dataset: 'neutrino', variant: 'standard', bits: 8, seed: 1 });
const sparse16 = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 16, seed: 1 });

console.log(`interpreter throughput on one core, node ${process.version}, ${seconds} s per case`);
console.log(`${'model'.padEnd(46)} ${'ev/cpu-s'.padStart(9)} ${'ev/wall-s'.padStart(9)} ${'us/event'.padStart(10)}`);
const s = row('neutrino sparse-m (N=16), 8-bit, bit-exact', sparse, BATCH);
row('neutrino sparse-m (N=16), 8-bit, float', sparse, BATCH, true);
row('neutrino sparse-m (N=16), 16-bit, bit-exact', sparse16, BATCH);
const d = row('neutrino standard CNN, 8-bit, bit-exact', standard, 20);
row('neutrino standard CNN, 8-bit, float', standard, 20, true);
console.log(`sparse-m / standard (bit-exact): x${(s / d).toFixed(0)}; target >= 50,000 events/s: ${s >= 50000 ? 'met' : 'NOT met'}`);
