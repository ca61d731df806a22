import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelIR } from '@sparsepixels/ir';
import { buildPaperModel, randomModel, tinySparseModel, tinyStandardModel } from '@sparsepixels/ir/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { compressModel } from '../store/model-store';
import { eventsFor, pruneIR } from '../testing/prune-ir.test-util';
import { chooseLayers, prepareSims, walkLayerEvents } from '../zero-skip/layer-events';
import { unitVectors, type DotVector } from './dot-product-vectors';
import { simulateDotProduct } from './simulate-dot-product';
import { dotProductParams } from './dot-product-design';
import { lintDotProduct } from './lint';

const work = mkdtempSync(join(tmpdir(), 'spw-dot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Vectors of every MAC layer (at most `cap` per layer) from the TypeScript simulation. */
function layerVectors(m: ModelIR, events: number, seed: number, cap: number) {
  const sims = prepareSims(m, chooseLayers(m, undefined));
  const byLayer = new Map(
    sims.map((s) => [s.layer.name, { sim: s, vectors: [] as DotVector[], reordered: 0 }]),
  );
  walkLayerEvents(m, sims, eventsFor(m, events, seed), events, (e) => {
    expect(e.result.zeroSkip).toEqual(e.reference); // the simulation itself agrees with the interpreter
    const v = unitVectors(e.sim.layer, e.x, e.result, e.hash, e.valid);
    const entry = byLayer.get(e.sim.layer.name)!;
    entry.vectors.push(...v.vectors.slice(0, cap - entry.vectors.length));
    entry.reordered += v.reordered;
  });
  return [...byLayer.values()];
}

let dirs = 0;
async function checkModel(m: ModelIR, events: number, seed: number, cap = 24) {
  const store = compressModel(m);
  let vectors = 0;
  let moded = 0;
  for (const { sim, vectors: vs } of layerVectors(m, events, seed, cap)) {
    if (!vs.length) continue;
    const dir = join(work, `d${dirs++}`);
    mkdirSync(dir);
    const encoded = store.layers.find((s) => s.layer.name === sim.layer.name)!.encoded;
    const run = await simulateDotProduct(
      sim.layer,
      encoded,
      vs.map((v) => v.x),
      dir,
    );
    vs.forEach((v, i) => {
      expect(run.outputs[i], `${m.name} ${sim.layer.name} vector ${i}`).toEqual(v.expected);
      // MACs: stored entries whose input is non-zero
      const performed = sim.index.filter((idx) => v.x[idx] !== 0n).length;
      expect(run.macs[i]).toBe(performed);
      expect(run.cycles[i]).toBe(encoded.metadata.nnz + 4 * sim.layer.cout + 1);
    });
    vectors += vs.length;
    const a = sim.layer.types.accum;
    if (a.quant !== 'AP_TRN' || a.overflow !== 'AP_WRAP') moded += vs.length;
  }
  lastModed = moded;
  return vectors;
}
/** Vectors of the last checkModel whose accumulator rounds or saturates (not AP_TRN/AP_WRAP). */
let lastModed = 0;

describe('sparse_dot_product (Icarus) against the TypeScript zero-skip simulation', () => {
  it('the tiny sparse and standard models, pruned: every output bit, MAC count and cycle count', async () => {
    expect(await checkModel(pruneIR(tinySparseModel(), 0.4, 1), 30, 1)).toBeGreaterThan(20);
    expect(await checkModel(pruneIR(tinyStandardModel(), 0.4, 2), 10, 2)).toBeGreaterThan(20);
  });

  it('random pruned models with every quantization/overflow mode and user-fixed accumulators', async () => {
    let vectors = 0;
    let moded = 0;
    for (const seed of [3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610]) {
      vectors += await checkModel(pruneIR(randomModel({ seed }), 0.6, seed), 12, seed, 12);
      moded += lastModed;
    }
    expect(vectors).toBeGreaterThan(60);
    expect(moded).toBeGreaterThan(5); // rounding / saturating accumulators are among them
  });

  it('the neutrino paper model pruned to 70 %: first conv and dense layers', async () => {
    const m = pruneIR(buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 }), 0.7, 4);
    expect(await checkModel(m, 6, 4, 8)).toBeGreaterThan(8);
  });

  it('lints clean with verilator -Wall, with default parameters and with the designs of real layers', async () => {
    expect(await lintDotProduct(undefined, work)).toEqual([]);
    for (const m of [
      pruneIR(randomModel({ seed: 5 }), 0.6, 5),
      pruneIR(buildPaperModel({ dataset: 'jet', variant: 'sparse', nMax: 12, bits: 16 }), 0.7, 2),
    ]) {
      for (const { layer, encoded } of compressModel(m).layers) {
        expect(
          await lintDotProduct(dotProductParams(layer, encoded, work), work),
          `${m.name} ${layer.name}`,
        ).toEqual([]);
      }
    }
  });
});
