import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInterpreter, formatCsimReport, prepareModel } from '@sparsepixels/ir';
import { randomInputs } from '@sparsepixels/ir/testing';
import { emitRtlProject, runRtlSim } from '../src';
import { DOCS_EXAMPLE_EVENT, docsExampleModel, gpoolModel, type GpoolCase } from './global-pool-models';
import { expectCleanProject } from './lint-project';

// SparseGlobalPooling2D in the RTL (docs/semantics.md 5.6): random models with global average and
// max pooling in both activity modes, both cores (sp_gpool_tree after an all-at-once producer,
// sp_gpool_step after a progressive one or with an order-dependent accumulator), built with
// Verilator; every output bit compared with the interpreter, latency and II with the schedule.
const root = mkdtempSync(join(tmpdir(), 'sp-rtl-gpool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const VERILATOR = 900_000;

const usedCores = new Set<string>();
let folders = 0;

/** Emits, simulates 24 events (event 0 has no active pixel: k = 0), compares every bit; returns the pooled raws per event. */
async function bitExact(k: GpoolCase): Promise<number[][]> {
  const model = gpoolModel(k);
  const prepared = prepareModel(model).model;
  const events = randomInputs(prepared, 24, k.seed);
  const emitted = await emitRtlProject(model, join(root, `${model.name}_${folders++}`), { testInputs: events });
  const gp = emitted.schedule.layers.find((l) => l.layer.op === 'SparseGlobalPooling2D')!;
  usedCores.add(`${gp.plan.core}:${k.mode}:${k.activity}`);
  if (k.convScatter) expect(emitted.schedule.layers.find((l) => l.layer.name === 'conv')!.plan.core).toBe('sp_conv_scatter');
  const r = await runRtlSim(emitted.outDir);
  expect(r.bitExact, `${model.name}: ${formatCsimReport(r, 'RTL simulation')}`).toBe(true);
  expect(r.events).toBe(24);
  expect(r.measured.latencyMax).toBe(emitted.schedule.latency);
  expect(r.measured.iiMax).toBe(emitted.schedule.ii);
  const raw = Array.from(createInterpreter(model, { trace: true }).run(events, 24).trace!['gpool']!.raw as ArrayLike<number | bigint>, Number);
  const c = raw.length / 24;
  return Array.from({ length: 24 }, (_, e) => raw.slice(e * c, (e + 1) * c));
}

describe('rtl: SparseGlobalPooling2D', () => {
  for (const activity of ['mask', 'nonzero'] as const) {
    for (const mode of ['avg', 'max'] as const) {
      it(
        `${mode}, activity '${activity}': after InputReduce and after a conv, random widths`,
        async () => {
          const seed = mode === 'avg' ? 3 : 4;
          const direct = await bitExact({ seed, activity, mode, after: 'reduce', dense: true });
          expect(direct[0]!.every((v) => v === 0)).toBe(true); // event 0: no active slot, k = 0
          await bitExact({ seed: seed + 10, activity, mode, after: 'conv' });
          // a scatter conv's all-at-once output into the tree core ('nonzero' reaches it from InputReduce)
          if (activity === 'mask') await bitExact({ seed: seed + 20, activity, mode, after: 'conv', convScatter: true });
        },
        VERILATOR,
      );
    }
  }

  it(
    'saturation: a narrow AP_SAT result, and a narrow AP_SAT accumulator (stepwise, both input forms)',
    async () => {
      const sat = 'ap_fixed<4,1,AP_TRN,AP_SAT>';
      for (const mode of ['avg', 'max'] as const) {
        const outs = await bitExact({ seed: 21, activity: 'mask', mode, after: 'conv', precision: { result: sat }, reciprocalBits: mode === 'avg' ? 7 : undefined });
        // some value reached a saturation bound, raw 7 (0.875) or -8 (-1): the case saturates
        expect(outs.flat().some((v) => v === 7 || v === -8)).toBe(true);
      }
      const accum = { accum: 'ap_fixed<6,2,AP_RND,AP_SAT>', result: 'ap_fixed<8,2,AP_RND_CONV,AP_SAT_SYM>' };
      await bitExact({ seed: 22, activity: 'nonzero', mode: 'avg', after: 'reduce', precision: accum, reciprocalBits: 12 });
      await bitExact({ seed: 23, activity: 'mask', mode: 'avg', after: 'conv', precision: accum, reciprocalBits: 12, dense: true });
      expect([...usedCores].filter((u) => u.startsWith('sp_gpool_step:avg')).length).toBeGreaterThan(0);
    },
    VERILATOR,
  );

  it(
    "docs/semantics.md 5.6's example: a valid all-zero slot takes part under 'mask', not under 'nonzero'",
    async () => {
      // the documented raws (result ap_fixed<8,3>, 5 fraction bits): avg 6, -14 and max 32, 0
      // under 'mask' (k = 4); avg 7, -19 and max 32, -8 under 'nonzero' (k = 3)
      const expected = { mask: { avg: [6, -14], max: [32, 0] }, nonzero: { avg: [7, -19], max: [32, -8] } };
      const random = randomInputs(prepareModel(docsExampleModel('mask', 'avg', false)).model, 11, 7);
      const events = Float64Array.from([...DOCS_EXAMPLE_EVENT, ...random]);
      for (const activity of ['mask', 'nonzero'] as const) {
        for (const mode of ['avg', 'max'] as const) {
          // 'nonzero' through the step core: the random conv cases
          for (const identity of activity === 'mask' ? [false, true] : [false]) {
            const model = docsExampleModel(activity, mode, identity);
            const raws = createInterpreter(model).run(events, 12).raw[0]!;
            expect([Number(raws[0]), Number(raws[1])]).toEqual(expected[activity][mode]);
            const emitted = await emitRtlProject(model, join(root, `${model.name}_${folders++}`), { testInputs: events });
            expect(emitted.schedule.layers.at(-1)!.plan.core).toBe(identity ? 'sp_gpool_step' : 'sp_gpool_tree');
            const r = await runRtlSim(emitted.outDir);
            expect(r.bitExact, `${model.name}: ${formatCsimReport(r, 'RTL simulation')}`).toBe(true);
          }
        }
      }
    },
    VERILATOR,
  );

  it(
    'a project with both cores passes Verilator lint, Yosys read/check and iverilog',
    async () => {
      // a gather conv feeds the step core; a Dense head reads the pooled vector
      const dir = join(root, 'lint_gpool');
      const emitted = await emitRtlProject(gpoolModel({ seed: 31, activity: 'mask', mode: 'avg', after: 'conv', dense: true }), dir);
      expect(emitted.schedule.layers.map((l) => l.plan.core)).toContain('sp_gpool_step');
      await expectCleanProject(dir, 'gp');
      const dir2 = join(root, 'lint_gpool_tree');
      const emitted2 = await emitRtlProject(gpoolModel({ seed: 32, activity: 'nonzero', mode: 'max', after: 'reduce' }), dir2);
      expect(emitted2.schedule.layers.map((l) => l.plan.core)).toContain('sp_gpool_tree');
      await expectCleanProject(dir2, 'gp');
    },
    VERILATOR,
  );

  it('used both cores for both modes and both activity rules', () => {
    for (const core of ['sp_gpool_tree', 'sp_gpool_step'])
      for (const mode of ['avg', 'max'])
        for (const activity of ['mask', 'nonzero']) expect(usedCores.has(`${core}:${mode}:${activity}`), `${core} ${mode} ${activity}`).toBe(true);
  });
});
