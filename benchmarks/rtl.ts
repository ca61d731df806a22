// RTL backend figures (issue 12): for the paper's 8-bit sparse designs (neutrino sparse-t/s/m/l,
// jet and digits sparse-m) the emitted Verilog is simulated with Verilator (events back to back:
// latency from accept to out_valid, II, every output bit compared with the interpreter) and
// synthesized with Yosys synth_xilinx -family xcup -abc9 (LUT/FF/DSP/BRAM18/CARRY and the most
// LUTs between registers). Printed beside the published designs' figures (Vivado/Vitis HLS +
// Vivado synthesis, research notes of the paper: arXiv 2512.06208, their released reports).
// Yosys counts are Yosys', not Vivado's. The machine is shared: times are wall-clock.
// Usage: node benchmarks/run.mjs benchmarks/rtl.ts [--only neutrino-m,jet-m] [--events 2000] [--no-synth]
//        [--activity mask|nonzero] (docs/semantics.md section 5; default nonzero, the paper models' rule)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emitRtlProject, measureRtlProject, type RtlReport } from '@sparsepixels/rtl';
import { buildPaperModel, paperInput, randomSparseEvents, type PaperDataset } from '@sparsepixels/ir/testing';

interface Published {
  readonly latency: number;
  readonly ii: number;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  readonly bram36: number;
}

/** Published 8-bit sparse designs (Vitis HLS 2023.1 C synthesis + Vivado 2023.1 synth_design). */
const PUBLISHED: Readonly<Record<string, Published>> = {
  'neutrino-t': { latency: 69, ii: 35, lut: 184_216, ff: 78_863, dsp: 24, bram36: 0.5 },
  'neutrino-s': { latency: 90, ii: 52, lut: 222_475, ff: 84_960, dsp: 36, bram36: 28.5 },
  'neutrino-m': { latency: 111, ii: 67, lut: 287_361, ff: 96_764, dsp: 48, bram36: 35 },
  'neutrino-l': { latency: 133, ii: 84, lut: 362_637, ff: 110_212, dsp: 60, bram36: 39 },
  'jet-m': { latency: 119, ii: 67, lut: 323_718, ff: 98_975, dsp: 5, bram36: 81 },
  'digits-m': { latency: 124, ii: 67, lut: 258_747, ff: 83_874, dsp: 10, bram36: 34.5 },
};

const DESIGNS: readonly { key: string; dataset: PaperDataset; nMax: number }[] = [
  { key: 'neutrino-t', dataset: 'neutrino', nMax: 8 },
  { key: 'neutrino-s', dataset: 'neutrino', nMax: 12 },
  { key: 'neutrino-m', dataset: 'neutrino', nMax: 16 },
  { key: 'neutrino-l', dataset: 'neutrino', nMax: 20 },
  { key: 'jet-m', dataset: 'jet', nMax: 16 },
  { key: 'digits-m', dataset: 'mnist', nMax: 16 },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const only = arg('--only')?.split(',');
const eventCount = Number(arg('--events') ?? 2000);
const noSynth = process.argv.includes('--no-synth');
const activity = arg('--activity') ?? 'nonzero';
if (activity !== 'mask' && activity !== 'nonzero') throw new Error(`--activity ${activity}: allowed mask, nonzero`);
const root = mkdtempSync(join(tmpdir(), 'sp-bench-rtl-'));

const k = (v: number | null) => (v === null ? '-' : v >= 10_000 ? `${(v / 1000).toFixed(1)}k` : String(v));

try {
  const rows: string[] = [];
  for (const d of DESIGNS.filter((x) => !only || only.includes(x.key))) {
    const model = buildPaperModel({ dataset: d.dataset, variant: 'sparse', nMax: d.nMax, bits: 8, seed: d.nMax * 100 + 8, activity });
    const g = paperInput(d.dataset);
    const events = randomSparseEvents({ ...g, count: eventCount, active: [0, 2 * d.nMax + 2], seed: 2024, type: model.input.type });
    const t0 = performance.now();
    const emitted = await emitRtlProject(model, join(root, d.key), { testInputs: events });
    const emitMs = performance.now() - t0;
    const t1 = performance.now();
    const r: RtlReport = await measureRtlProject(emitted.outDir, { noSynth, jobs: 1 });
    const totalS = (performance.now() - t1) / 1000;
    const p = PUBLISHED[d.key]!;
    const e = r.estimate;
    const line = [
      d.key.padEnd(11),
      `${e.latencyCycles} (${p.latency})`.padEnd(10),
      `${e.ii} (${p.ii})`.padEnd(9),
      `${k(e.lut)} (${k(p.lut)})`.padEnd(16),
      `${k(e.ff)} (${k(p.ff)})`.padEnd(16),
      `${k(e.dsp)} (${p.dsp})`.padEnd(10),
      `${e.bram18 === null ? '-' : e.bram18 / 2} (${p.bram36})`.padEnd(12),
      String(e.carry ?? '-').padEnd(7),
      String(e.lutLevels ?? '-').padEnd(6),
      `${r.simulation.bitExact ? 'yes' : 'NO'} / ${r.simulation.events}`.padEnd(12),
      `${(emitMs / 1000).toFixed(1)} s emit, ${r.yosys ? `${r.yosys.seconds.toFixed(0)} s Yosys, ` : ''}${totalS.toFixed(0)} s measure`,
    ].join(' ');
    rows.push(line);
    console.log(line);
    if (r.yosys) console.log(`  deepest LUT path: ${r.yosys.deepestPath.join(' > ')}`);
    for (const l of r.layers) console.log(`  ${l.name.padEnd(10)} ${l.core.padEnd(16)} start ${String(l.startCycle).padStart(3)} cycles ${String(l.latencyCycles).padStart(3)} LUT ${k(l.lut)} FF ${k(l.ff)} DSP ${l.dsp} BRAM18 ${l.bram18}`);
  }
  console.log(`\nactivity "${activity}"`);
  console.log('8-bit sparse designs: ours (published). Latency and II in cycles at 5 ns; LUT/FF/DSP/BRAM36 ours are Yosys');
  console.log('synth_xilinx -abc9 counts, published are Vivado post-synthesis; CARRY and LUT levels are Yosys only.');
  console.log(`${'design'.padEnd(11)} ${'latency'.padEnd(10)} ${'II'.padEnd(9)} ${'LUT'.padEnd(16)} ${'FF'.padEnd(16)} ${'DSP'.padEnd(10)} ${'BRAM36'.padEnd(12)} ${'CARRY'.padEnd(7)} ${'levels'.padEnd(6)} ${'bit-exact'.padEnd(12)} time`);
  for (const r of rows) console.log(r);
} finally {
  rmSync(root, { recursive: true, force: true });
}
