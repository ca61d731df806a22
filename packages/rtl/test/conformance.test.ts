import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCsimReport, prepareModel, type ModelIR } from '@sparsepixels/ir';
import {
  buildPaperModel,
  paperInput,
  randomInputs,
  randomModelV1,
  randomSparseEvents,
  randomSparseModel,
  type ModelIRv1,
} from '@sparsepixels/ir/testing';
import { emitRtlProject, runRtlSim } from '../src';

// Every model is emitted, built with Verilator for real and simulated with its events fed back to
// back; every output bit is compared with the interpreter, and the measured latency and II with
// the design's schedule. The random models were picked so that together they use every core
// (and both forms of each: gather/scatter, order-free/stepwise, avg/max); their types span 3 to
// 24 bits, signed and unsigned, with every quantization and overflow mode.

const root = mkdtempSync(join(tmpdir(), 'sp-rtl-conf-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Case {
  readonly name: string;
  readonly model: ModelIR | ModelIRv1;
  readonly events: Float64Array;
}

const RANDOM: readonly Case[] = [
  ...[48, 3, 1].map((seed) => {
    const model = randomSparseModel(seed, 'nonzero'); // the rtl backend implements activity 'nonzero'
    return { name: `conformance ${seed}`, model, events: randomInputs(model, 40, seed) };
  }),
  ...[39, 7].map((seed) => {
    const model = randomModelV1({ seed, variant: 'sparse' }); // v1 documents: 'nonzero', 10-bit reciprocal
    return { name: `ir random ${seed}`, model, events: randomInputs(prepareModel(model).model, 40, seed) };
  }),
  {
    // N_MAX 9 on a 4x3 image: the slot index is wider than a pixel offset (a concatenation in
    // sp_reduce once took the wider width and shifted every field after it)
    name: 'reduce with N_MAX near the pixel count',
    model: nearFullReduce(),
    events: randomInputs(nearFullReduce(), 24, 5),
  },
];

function nearFullReduce(): ModelIR {
  return {
    format: 'sparsepixels-ir',
    version: 2,
    activity: 'mask',
    name: 'near_full_reduce',
    input: { name: 'x', shape: [4, 3, 2], type: 'ap_ufixed<9,1,AP_RND_CONV,AP_SAT>' },
    layers: [
      { name: 'reduce', op: 'InputReduce', inputs: ['x'], attrs: { nMax: 9, threshold: 0 } },
      { name: 'flat', op: 'SparseFlatten', inputs: ['reduce'] },
    ],
    outputs: ['flat'],
  };
}

const used = new Set<string>();

async function check(c: Case): Promise<void> {
  const emitted = await emitRtlProject(c.model, join(root, c.name.replace(/ /g, '_')), { testInputs: c.events });
  for (const l of emitted.schedule.layers) {
    const p = l.plan.params;
    used.add(`${l.plan.core}${p['MODE'] !== undefined ? `:${String(p['MODE'])}` : ''}${p['MAX'] !== undefined ? `:max${String(p['MAX'])}` : ''}`);
  }
  const r = await runRtlSim(emitted.outDir);
  expect(r.bitExact, `${c.name}: ${formatCsimReport(r, 'RTL simulation')}`).toBe(true);
  expect(r.events).toBe(c.events.length / c.model.input.shape.reduce((a, b) => a * b, 1));
  expect(r.measured.latencyMin).toBe(emitted.schedule.latency);
  expect(r.measured.latencyMax).toBe(emitted.schedule.latency);
  expect(r.measured.iiMax).toBe(emitted.schedule.ii);
  r.measured.layers.forEach((m, k) => {
    const s = emitted.schedule.layers[k]!;
    expect({ layer: s.layer.name, start: m.start, done: m.done }).toEqual({ layer: s.layer.name, start: s.start, done: s.done });
  });
}

describe('random models of every op, Verilator vs interpreter', () => {
  for (const c of RANDOM) it(c.name, () => check(c));

  it('used every core in both of its forms', () => {
    expect([...used].sort()).toEqual([
      'sp_act_elem',
      'sp_act_sigmoid',
      'sp_act_softmax',
      'sp_conv_gather',
      'sp_conv_scatter:0',
      'sp_conv_scatter:1',
      'sp_dense_seq',
      'sp_dense_sparse',
      'sp_flatten',
      'sp_pool_gather:max0',
      'sp_pool_gather:max1',
      'sp_pool_scatter:max0',
      'sp_pool_scatter:max1',
      'sp_reduce',
    ]);
  });
});

describe('the paper architecture, Verilator vs interpreter', () => {
  it('neutrino sparse-t (63x63, N = 8) at 8 bits, 200 events', async () => {
    const model = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 8, bits: 8, seed: 808 });
    const g = paperInput('neutrino');
    const events = randomSparseEvents({ ...g, count: 200, active: [0, 18], seed: 8, type: model.input.type });
    await check({ name: 'neutrino_sparse_t_8b', model, events });
  });
});
