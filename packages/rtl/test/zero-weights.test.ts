import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCsimReport, prepareModel, type LayerIR, type ModelIR } from '@sparsepixels/ir';
import { randomInputs, tinySparseModel } from '@sparsepixels/ir/testing';
import { emitRtlProject, runRtlSim } from '../src';
import { runTool } from '../src/sim/run-process';
import { runYosys } from '../src/synth/yosys-synth';

// Issue 13 item 2 in the RTL: a weight that is exactly zero gets no multiplier and a constant 0
// term (dense: per weight; conv and the fused dense: per kernel slice / channel-output pair, since
// their weights are looked up per neighbour or pixel). Checked on the elaborated netlist (before
// any optimisation: the $mul cells the Verilog itself asks for), with Yosys synth_xilinx counts of
// a 70 %-pruned dense layer against the unpruned one, and bit-exact in Verilator.
const root = mkdtempSync(join(tmpdir(), 'sp-rtl-zero-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const VERILATOR = 600_000;

/** Dense 16 -> 8 on ap_fixed<8,3>; `keep(e)` says which weights stay (the others are 0). */
function denseModel(keep: (e: number) => boolean): ModelIR {
  const kernel = Array.from({ length: 16 * 8 }, (_, e) => (keep(e) ? (((e * 37) % 60) - 29.5) / 16 : 0));
  return {
    format: 'sparsepixels-ir',
    version: 2,
    name: 'dense_prune',
    input: { name: 'x', shape: [16], type: 'ap_fixed<8,3>' },
    layers: [
      {
        name: 'fc',
        op: 'Dense',
        inputs: ['x'],
        attrs: { units: 8 },
        precision: { weight: 'ap_fixed<8,3>', bias: 'ap_fixed<8,3>' },
        weights: { kernel: { shape: [16, 8], values: kernel }, bias: { shape: [8], values: [0.5, -0.25, 0, 1, 0, 0.125, -1, 0.75] } },
      },
      { name: 'out', op: 'Activation', inputs: ['fc'], attrs: { activation: 'linear' } },
    ],
    outputs: ['out'],
  };
}

/** $mul cells of the elaborated design (hierarchy + proc, no optimisation). */
async function elaboratedMultipliers(dir: string): Promise<number> {
  const r = await runTool('yosys', ['-p', 'read_verilog rtl/lib/*.v rtl/*.v; hierarchy -top myproject; proc; flatten; select -count t:$mul'], dir, 'yosys');
  expect(r.status, r.stderr).toBe(0);
  const m = /(\d+) objects\./.exec(r.stdout);
  expect(m, 'yosys select -count output').not.toBeNull();
  return Number(m![1]);
}

describe('rtl: constant-zero weights cost nothing', () => {
  it(
    'a 70 %-pruned dense layer: one multiplier per non-zero weight, fewer Yosys cells, bit-exact',
    async () => {
      const full = denseModel(() => true);
      const pruned = denseModel((e) => e % 10 >= 7); // 30 % of the weights kept
      const kept = prepareModel(pruned).layers[0]!.layer.weights!['kernel']!.values.filter((v) => v !== 0).length;
      const counts: Record<string, { mul: number; lut: number; carry: number; dsp: number }> = {};
      for (const [name, model] of [['full', full], ['pruned', pruned]] as const) {
        const dir = join(root, name);
        const emitted = await emitRtlProject(model, dir, { testInputs: randomInputs(prepareModel(model).model, 40, 3) });
        const sim = await runRtlSim(dir);
        expect(sim.bitExact, formatCsimReport(sim, name)).toBe(true);
        // the shorter trees are padded to the full tree's latency: same cycles
        expect([sim.measured.latencyMax, sim.measured.iiMax]).toEqual([emitted.schedule.latency, emitted.schedule.ii]);
        const work = join(root, `${name}-yosys`);
        mkdirSync(work);
        const y = await runYosys(dir, 'myproject', work);
        counts[name] = { mul: await elaboratedMultipliers(dir), lut: y.total.lut, carry: y.total.carry, dsp: y.total.dsp };
      }
      console.log(`zero-weight skip, Dense 16 -> 8 (Yosys counts): ${JSON.stringify(counts)}`);
      expect(counts['full']!.mul).toBe(16 * 8);
      expect(counts['pruned']!.mul).toBe(kept);
      // hierarchical synthesis: the sum tree of each output is a module of its own, so only a tree
      // without the zero terms saves its adders (LUTs, carries, pipeline registers)
      expect(counts['pruned']!.dsp).toBe(kept);
      expect(counts['pruned']!.lut).toBeLessThan(counts['full']!.lut / 2);
      expect(counts['pruned']!.carry).toBeLessThan(counts['full']!.carry / 2);
    },
    VERILATOR,
  );

  it(
    'a sparse model with a zero conv filter and a zero channel of the fused dense stays bit-exact',
    async () => {
      const base = tinySparseModel();
      const model: ModelIR = {
        ...base,
        activity: 'mask',
        layers: base.layers.map((l): LayerIR => {
          if (l.name === 'conv') {
            // filter 1 all zero: (kh, kw, cin, cout) with cout fastest
            const taps = [0, 0, 0, 0, 1, 0.5, 0, -0.25, 0];
            return { ...l, op: 'SparseConv2D', attrs: { filters: 2, kernelSize: 3 }, weights: { kernel: { shape: [3, 3, 1, 2], values: taps.flatMap((t) => [t, 0]) }, bias: { shape: [2], values: [0.25, 0.5] } } };
          }
          if (l.name === 'fc') {
            // flattened index (pixel, channel): channel 1's weights towards output 0 are zero
            const w = Array.from({ length: 8 * 2 }, (_, e) => (Math.floor(e / 2) % 2 === 1 && e % 2 === 0 ? 0 : ((e % 5) - 2) / 4));
            return { ...l, weights: { kernel: { shape: [8, 2], values: w }, bias: { shape: [2], values: [0, -0.5] } } };
          }
          return l;
        }),
      };
      const dir = join(root, 'sparse');
      const emitted = await emitRtlProject(model, dir, { testInputs: randomInputs(prepareModel(model).model, 40, 9) });
      const nz = emitted.schedule.layers.map((l) => l.plan.params['NZ']).filter((v) => v !== undefined);
      expect(nz).toEqual([{ width: 2, value: 1n }, { width: 4, value: 0b1011n }]);
      const sim = await runRtlSim(dir);
      expect(sim.bitExact, formatCsimReport(sim, 'sparse')).toBe(true);
      expect(await elaboratedMultipliers(dir)).toBeGreaterThan(0);
    },
    VERILATOR,
  );
});
