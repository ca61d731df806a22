// Estimate a model's latency, II and resources before synthesis, per layer and for the whole
// design, and trade the pixel budget N_max against them.
// Run: node benchmarks/run.mjs packages/estimate/examples/estimate-paper-model.ts
import { buildPaperModel } from '@sparsepixels/ir/testing';
import { estimateDocument, standardTwin, withNMax } from '../src/index';

const model = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 }); // any IR document

// 1. The design our backends emit, on the IR's part and clock (U250, 5 ns), layer by layer.
const e = estimateDocument(model);
for (const l of e.layers)
  console.log(
    `${l.name.padEnd(9)} ${l.op.padEnd(17)} ${String(l.latencyCycles).padStart(3)} cycles  ${String(l.lut).padStart(7)} LUT  ${l.dsp} DSP`,
  );
console.log(
  `total: ${e.estimate.latencyCycles} cycles = ${e.estimate.latencyUs} us, II ${e.estimate.ii}, ${e.estimate.lut} LUT (${((100 * e.estimate.lut) / e.device.lut).toFixed(1)} % of ${e.device.part})`,
);

// 2. Another part and clock; the published reference kernels instead of ours.
const vu9p = estimateDocument(model, { part: 'xcvu9p-flga2104-2L-e', clockPeriod: 4 });
const ref = estimateDocument(model, { kernels: 'reference' });
console.log(
  `VU9P at 4 ns: ${vu9p.estimate.latencyUs} us; reference kernels: ${ref.estimate.latencyCycles} cycles, ${ref.estimate.lut} LUT`,
);

// 3. N_max versus latency, II and LUT; the standard CNN of the same architecture.
for (const n of [8, 12, 16, 20]) {
  const v = estimateDocument(withNMax(model, n)).estimate;
  console.log(`N = ${n}: ${v.latencyCycles} cycles, II ${v.ii}, ${v.lut} LUT`);
}
const standard = estimateDocument(standardTwin(model)!).estimate;
console.log(`standard CNN (io_stream): ${standard.latencyUs} us, ${standard.lut} LUT`);
export { e };
