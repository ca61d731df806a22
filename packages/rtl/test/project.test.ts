import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinySparseModel, tinyStandardModel } from '@sparsepixels/ir/testing';
import { emitRtlProject, measureRtlProject, rtlBackend, runRtlSim } from '../src';
import { expectCleanProject } from './lint-project';

const root = mkdtempSync(join(tmpdir(), 'sp-rtl-prj-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an emitted RTL project', () => {
  const dir = join(root, 'tiny');
  let emitted: Awaited<ReturnType<typeof emitRtlProject>>;
  beforeAll(async () => {
    emitted = await emitRtlProject(tinySparseModel(), dir);
  });

  it('holds one module per layer, the top, the library, the test bench and the data', () => {
    for (const f of ['rtl/myproject.v', 'rtl/myproject_conv.v', 'rtl/lib/sp_reduce.v', 'sim/tb_config.h', 'sim/sp_tb_main.cpp']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    for (const f of ['tb_data/tb_input_features.dat', 'tb_data/tb_output_predictions.dat', 'model.ir.json', 'rtl-project.json', 'build_sim.sh', 'synth.ys']) {
      expect(emitted.files).toContain(f);
    }
    expect(rtlBackend.ownsProject!(dir)).toBe(true);
  });

  it('passes verilator --lint-only -Wall, Yosys read_verilog + hierarchy -check + check -assert, and iverilog -g2005', async () => {
    await expectCleanProject(dir);
  });

  it('names the first diverging layer when the hardware differs (a corrupted conv weight)', async () => {
    const bad = join(root, 'tiny-bad');
    await emitRtlProject(tinySparseModel(), bad);
    const file = join(bad, 'rtl/myproject_conv.v');
    const text = readFileSync(file, 'utf8');
    const m = /\.WEIGHTS\((\d+)'h([0-9a-f]+)\)/.exec(text)!;
    const flipped = (BigInt(`0x${m[2]}`) ^ 0b100n).toString(16);
    writeFileSync(file, text.replace(m[0], `.WEIGHTS(${m[1]}'h${flipped})`));
    const r = await runRtlSim(bad);
    expect(r.bitExact).toBe(false);
    expect(r.divergences.length).toBeGreaterThan(0);
    expect(r.divergences[0]!.layer).toBe('conv');
  });

  it('measures cycles in simulation and Yosys counts per layer (report JSON)', async () => {
    const r = await measureRtlProject(dir);
    expect(r.source).toBe('rtl');
    expect(r.simulation.bitExact).toBe(true);
    expect(r.estimate.latencyCycles).toBe(emitted.schedule.latency);
    expect(r.estimate.ii).toBe(emitted.schedule.ii);
    expect(r.estimate.yosys).toBe(true);
    expect(r.estimate.lut).toBeGreaterThan(0);
    expect(r.estimate.ff).toBeGreaterThan(0);
    expect(r.estimate.lutLevels).toBeGreaterThan(0);
    const conv = r.layers.find((l) => l.name === 'conv')!;
    expect(conv.lut).toBeGreaterThan(0);
    // layers add up to no more than the top (which also holds the glue)
    expect(r.layers.reduce((a, l) => a + l.lut, 0)).toBeLessThanOrEqual(r.estimate.lut!);
    expect(r.device.lut).toBe(1_728_000);
    expect(Object.keys(r.estimate).sort()).toEqual(['bram18', 'carry', 'dsp', 'ff', 'ii', 'latencyCycles', 'latencyUs', 'lut', 'lutLevels', 'yosys']);
  });
});

describe('refusals, one line each', () => {
  it('refuses ops without RTL and names that are not Verilog identifiers', async () => {
    await expect(emitRtlProject(tinyStandardModel(), join(root, 'std'))).rejects.toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: layer "conv": op Conv2D has no RTL implementation (the rtl backend emits the sparse path and the dense head)]`,
    );
    const m = tinySparseModel();
    await expect(emitRtlProject({ ...m, build: { ...m.build, project: 'module' } }, join(root, 'kw'))).rejects.toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: build.project 'module' is a Verilog/SystemVerilog keyword; choose another name]`,
    );
    await expect(emitRtlProject({ ...m, build: { ...m.build, reuseFactor: 4 } }, join(root, 'rf'))).rejects.toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: /build/reuseFactor is not supported by the rtl backend: 4 (the design schedules its own sharing: beats)]`,
    );
    expect(existsSync(join(root, 'std'))).toBe(false);
    expect(existsSync(join(root, 'kw'))).toBe(false);
  });

  it('refuses a non-empty output folder without force, and with force one sparsepixels did not write; leaves it alone', async () => {
    const out = join(root, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'keep');
    await expect(emitRtlProject(tinySparseModel(), out)).rejects.toThrow(/not empty/);
    await expect(emitRtlProject(tinySparseModel(), out, { force: true })).rejects.toThrow(/not written by sparsepixels/);
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('keep');
  });

  it('replaces with force a project it wrote', async () => {
    const out = join(root, 'again');
    await emitRtlProject(tinySparseModel(), out);
    const again = await emitRtlProject(tinySparseModel(), out, { force: true });
    expect(existsSync(join(again.outDir, 'rtl-project.json'))).toBe(true);
  });
});
