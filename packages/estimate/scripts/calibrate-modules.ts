/**
 * Laws the sweeps cannot identify, calibrated on the per-module breakdown of three published
 * models (post-synthesis figures of the released reports of hftsoi/sparse-pixels @ 4a81ebfe, listed
 * in MODULE_BREAKDOWN below): the extra cost of the models' rounding,
 * saturating conv accumulators, the P = 4, 7 pools' wider accumulators, the dense layers (no
 * sweep exists) and the FIFO cells between processes (top-level total minus the modules).
 */
import { buildPaperModel, type PaperDataset } from '@sparsepixels/ir/testing';
import { prepareModel } from '@sparsepixels/ir';
import type { Coefficients } from '../src/coefficients';
import { countFifos } from '../src/design/fifo';
import { estimateFacts } from '../src/design/estimate-design';
import { fitLaw } from '../src/fit/fit-law';
import { modelFacts, type LayerFacts } from '../src/ir-adapter';
import type { FittedLaw } from '../src/laws/law';
import {
  CONV_FF,
  CONV_LUT,
  CONV_SAT_FF,
  CONV_SAT_LUT,
  DENSE_FF,
  DENSE_LUT,
  POOL_LUT,
  POOL_WIDE_LUT,
} from '../src/laws/specs';
import { applyLaw } from '../src/laws/law';
import { convParams } from '../src/ops/sparse-conv2d';
import { denseParams } from '../src/ops/dense';
import { poolParams } from '../src/ops/sparse-pooling2d';

interface Module {
  readonly layer: string;
  readonly lut: number;
  readonly ff?: number;
}

interface PublishedModel {
  readonly dataset: PaperDataset;
  readonly bits: 8 | 16;
  readonly nMax: number;
  readonly totalLut: number;
  readonly totalFf?: number;
  /** Modules with their post-synthesis figures; layers not listed are small (< 0.5 % of the total). */
  readonly modules: readonly Module[];
}

export const MODULE_BREAKDOWN: readonly PublishedModel[] = [
  {
    dataset: 'neutrino',
    bits: 8,
    nMax: 20,
    totalLut: 362_637,
    totalFf: 110_212,
    modules: [
      { layer: 'reduce', lut: 98_305, ff: 46_318 },
      { layer: 'conv1', lut: 40_174, ff: 7_356 },
      { layer: 'relu1', lut: 16, ff: 161 },
      { layer: 'conv2', lut: 117_429, ff: 21_974 },
      { layer: 'relu2', lut: 81, ff: 481 },
      { layer: 'pool1', lut: 12_782, ff: 3_766 },
      { layer: 'flatten', lut: 3_969, ff: 2_251 },
      { layer: 'fc1', lut: 45_792, ff: 17_609 },
    ],
  },
  {
    dataset: 'neutrino',
    bits: 16,
    nMax: 20,
    totalLut: 482_468,
    modules: [
      { layer: 'reduce', lut: 217_429, ff: 85_772 },
      { layer: 'conv1', lut: 31_227 },
      { layer: 'conv2', lut: 86_242 },
      { layer: 'pool1', lut: 31_496 },
      { layer: 'flatten', lut: 11_834 },
      { layer: 'fc1', lut: 86_210 },
    ],
  },
  {
    dataset: 'jet',
    bits: 16,
    nMax: 20,
    totalLut: 453_111,
    modules: [
      { layer: 'reduce', lut: 170_208 },
      { layer: 'conv1', lut: 87_062 },
      { layer: 'conv2', lut: 61_609 },
      { layer: 'pool1', lut: 11_208 },
      { layer: 'flatten', lut: 14_461 },
      { layer: 'fc1', lut: 88_259 },
    ],
  },
];

const SOURCE =
  'per-module post-synthesis figures of three published models (neutrino 8/16-bit and jet 16-bit sparse-l)';

function facts(m: PublishedModel) {
  return modelFacts(
    prepareModel(buildPaperModel({ dataset: m.dataset, variant: 'sparse', nMax: m.nMax, bits: m.bits }))
      .model,
  );
}

function consumersOf(all: readonly LayerFacts[], l: LayerFacts): LayerFacts[] {
  return all.filter((x) => l.consumers.includes(x.name));
}

/** Fills the module-calibrated laws and constants into `base` (whose sweep laws are already fitted). */
export function calibrateModules(base: Coefficients): Coefficients {
  const sat: { family: string; params: ReturnType<typeof convParams>; y: number; yff?: number }[] = [];
  const pool: { family: string; params: ReturnType<typeof poolParams>; y: number }[] = [];
  const dense: { family: string; params: ReturnType<typeof denseParams>; y: number; yff?: number }[] = [];
  for (const m of MODULE_BREAKDOWN) {
    const f = facts(m);
    const ref = { kernels: 'reference' as const, dataBits: f.input.type.width };
    for (const mod of m.modules) {
      const l = f.layers.find((x) => x.name === mod.layer)!;
      const family = `${m.dataset}-${m.bits}b`;
      if (l.op === 'SparseConv2D') {
        const p = convParams(l, { ...ref, consumers: consumersOf(f.layers, l) });
        sat.push({
          family,
          params: p,
          y: mod.lut - applyLaw(CONV_LUT, base.laws[CONV_LUT.name], p),
          ...(mod.ff !== undefined ? { yff: mod.ff - applyLaw(CONV_FF, base.laws[CONV_FF.name], p) } : {}),
        });
      } else if (l.op === 'SparsePooling2D') {
        const p = poolParams(l, ref);
        pool.push({ family, params: p, y: mod.lut - applyLaw(POOL_LUT, base.laws[POOL_LUT.name], p) });
      } else if (l.op === 'Dense') {
        dense.push({
          family,
          params: denseParams(l, ref),
          y: mod.lut,
          ...(mod.ff !== undefined ? { yff: mod.ff } : {}),
        });
      }
    }
  }
  const laws: Record<string, FittedLaw> = { ...base.laws };
  laws[CONV_SAT_LUT.name] = fitLaw(CONV_SAT_LUT, sat, SOURCE, 1000);
  laws[CONV_SAT_FF.name] = fitLaw(
    CONV_SAT_FF,
    sat.filter((s) => s.yff !== undefined).map((s) => ({ ...s, y: s.yff! })),
    SOURCE,
    1000,
  );
  laws[POOL_WIDE_LUT.name] = fitLaw(POOL_WIDE_LUT, pool, SOURCE, 1000);
  laws[DENSE_LUT.name] = fitLaw(DENSE_LUT, dense, SOURCE, 1000);
  laws[DENSE_FF.name] = fitLaw(
    DENSE_FF,
    dense.filter((d) => d.yff !== undefined).map((d) => ({ ...d, y: d.yff! })),
    SOURCE,
    1000,
  );
  const withLaws: Coefficients = { ...base, laws };
  // FIFO cells: what the top level holds beyond the modules and the small layers we estimate
  let remLut = 0;
  let cellsSum = 0;
  let remFf = 0;
  let bitsFf = 0;
  for (const m of MODULE_BREAKDOWN) {
    const f = facts(m);
    const e = estimateFacts(f, {
      kernels: 'reference',
      coefficients: {
        ...withLaws,
        calibration: { ...withLaws.calibration, fifoLutPerCell: 0, fifoFfPerBit: 0 },
      },
    });
    const listed = new Set(m.modules.map((x) => x.layer));
    const small = e.layers.filter((l) => !listed.has(l.name));
    const fifo = countFifos(f, 'reference', 10, false);
    remLut += m.totalLut - m.modules.reduce((a, x) => a + x.lut, 0) - small.reduce((a, l) => a + l.lut, 0);
    cellsSum += fifo.cells;
    if (m.totalFf !== undefined && m.modules.every((x) => x.ff !== undefined)) {
      remFf += m.totalFf - m.modules.reduce((a, x) => a + x.ff!, 0) - small.reduce((a, l) => a + l.ff, 0);
      bitsFf += fifo.bits;
    }
  }
  return {
    ...withLaws,
    calibration: {
      ...withLaws.calibration,
      fifoLutPerCell: round(remLut / cellsSum),
      fifoFfPerBit: round(remFf / bitsFf),
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
