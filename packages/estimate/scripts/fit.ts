/**
 * Fits the estimator's coefficients and writes src/laws/coefficients.json.
 *
 *   node benchmarks/run.mjs packages/estimate/scripts/fit.ts [<dir with scaling.csv and scaling_instances.csv>]
 *
 * Default data folder: ../shared/data/fpga beside the repository (the published sweeps of
 * hftsoi/sparse-pixels, see packages/estimate/test/fixtures/README.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Coefficients } from '../src/coefficients';
import { parseCsv, type CsvRow } from '../src/fit/csv';
import { scheduleOverheads } from '../src/fit/schedule-overheads';
import { fitSweep } from '../src/fit/fit-sweep';
import { calibrateModules } from './calibrate-modules';

// run.mjs bundles this file into a temp folder: the repository is the working directory
const repo = process.cwd();
const dataDir = resolve(process.argv[2] ?? join(repo, '..', 'shared', 'data', 'fpga'));
const out = join(repo, 'packages', 'estimate', 'src', 'laws', 'coefficients.json');

const read = (name: string): CsvRow[] => parseCsv(readFileSync(join(dataDir, name), 'utf8'));
const designs = read('scaling.csv');
const instances = read('scaling_instances.csv');

const sweep = fitSweep(instances);
const overheads = scheduleOverheads(designs, instances);
const base: Coefficients = {
  source:
    'hftsoi/sparse-pixels @ 4a81ebfef04ec918949b50571cb3ae6d7871d1a0 (tag v0.2.1): per-layer sweeps (scaling_instances.csv) and the per-module breakdown of three published models',
  laws: sweep.laws,
  calibration: {
    fifoLutPerCell: 0,
    fifoFfPerBit: 0,
    stageOverheadCycles: overheads.stage,
    iiOverheadCycles: overheads.ii,
  },
  heldOut: sweep.heldOut,
};
const coef = calibrateModules(base);
writeFileSync(out, `${JSON.stringify(coef, null, 1)}\n`);
console.log(`wrote ${out}`);
for (const [name, l] of Object.entries(coef.laws)) {
  console.log(
    `${name.padEnd(26)} ${l.features.map((f, i) => `${l.coef[i]} ${f}`).join(' + ')}   (n ${l.rows}, median ${(100 * l.median).toFixed(1)} %, max ${(100 * l.max).toFixed(1)} %)`,
  );
}
console.log('calibration', coef.calibration);
