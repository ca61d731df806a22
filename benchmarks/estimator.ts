// Estimator figures (issue 11): accuracy of the sweep laws on held-out sweep families, the
// estimate of the reference design of each of the paper's models against the published
// whole-model figures, and the time of a report per model (target < 200 ms: the estimate, the
// four pixel budgets, the standard twin and the HTML charts).
// Usage: node benchmarks/run.mjs benchmarks/estimator.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPaperModel } from '../packages/ir/src/testing/index';
import { parseCsv } from '../packages/estimate/src/fit/csv';
import { fitSweep } from '../packages/estimate/src/fit/fit-sweep';
import { compareModel, medianAbs, publishedModels } from '../packages/estimate/test/published';
import { buildReport } from '../packages/cli/src/report/build-report';
import { reportHtml } from '../packages/cli/src/report/report-html';

const fixtures = join(process.cwd(), 'packages/estimate/test/fixtures');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

console.log('== held-out sweep families (fit on the other families of the same layer kind) ==');
const fit = fitSweep(parseCsv(readFileSync(join(fixtures, 'scaling_instances.csv'), 'utf8')));
console.log('law                        family             rows   median      max');
for (const h of fit.heldOut) {
  console.log(
    `${h.law.padEnd(26)} ${h.family.padEnd(17)} ${String(h.n).padStart(5)} ${pct(h.median).padStart(8)} ${pct(h.max).padStart(8)}`,
  );
}

console.log(
  '\n== published models: estimate of the reference design vs published (post-synthesis LUT/FF, C-synthesis cycles) ==',
);
// the per-module breakdown of these three calibrates the saturating conv, dense and FIFO costs
const calibration = new Set(['neutrino-8-20', 'neutrino-16-20', 'jet-16-20']);
const rows = publishedModels(fixtures).map(compareModel);
console.log(
  'dataset  bits model      latency est/pub     err     II est/pub   err       LUT est/pub           err       FF est/pub            err     DSP est/pub   ms',
);
for (const r of rows) {
  const p = r.published;
  const e = r.estimate.estimate;
  const tag = calibration.has(`${p.dataset}-${p.bits}-${p.nMax}`) ? ' *' : '';
  console.log(
    `${p.dataset.padEnd(8)} ${String(p.bits).padStart(2)}   ${(p.model + tag).padEnd(10)} ${`${e.latencyCycles}/${p.latencyCycles}`.padStart(11)} ${pct(r.error.latency).padStart(8)}  ${`${e.ii}/${p.ii}`.padStart(9)} ${pct(r.error.ii).padStart(7)}  ${`${e.lut}/${p.lut}`.padStart(15)} ${pct(r.error.lut).padStart(8)}  ${`${e.ff}/${p.ff}`.padStart(15)} ${pct(r.error.ff).padStart(8)}  ${`${e.dsp}/${p.dsp}`.padStart(11)} ${r.ms.toFixed(1).padStart(5)}`,
  );
}
const summary = (label: string, set: typeof rows) =>
  console.log(
    `${label.padEnd(44)} n ${String(set.length).padStart(2)}: median |error| latency ${pct(medianAbs(set.map((r) => r.error.latency)))}, II ${pct(medianAbs(set.map((r) => r.error.ii)))}, LUT ${pct(medianAbs(set.map((r) => r.error.lut)))} (max ${pct(Math.max(...set.map((r) => Math.abs(r.error.lut))))}), FF ${pct(medianAbs(set.map((r) => r.error.ff)))}`,
  );
const sparse = rows.filter((r) => r.published.nMax !== null);
summary('24 sparse models (acceptance: 10 / 10 / 25 %)', sparse);
summary(
  '21 sparse models not used for calibration',
  sparse.filter((r) => !calibration.has(`${r.published.dataset}-${r.published.bits}-${r.published.nMax}`)),
);
summary(
  '6 standard CNNs (io_stream, not calibrated)',
  rows.filter((r) => r.published.nMax === null),
);
console.log(
  '* = one of the three models whose per-module breakdown calibrates the saturating-conv, dense and FIFO laws',
);

console.log(
  '\n== report time per model (estimate + 4 pixel budgets + standard twin, then the HTML charts) ==',
);
for (const dataset of ['neutrino', 'jet', 'mnist'] as const) {
  for (const bits of [8, 16] as const) {
    const doc = buildPaperModel({ dataset, variant: 'sparse', nMax: 16, bits });
    const times: number[] = [];
    const html: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const data = buildReport(doc, {});
      const t1 = performance.now();
      await reportHtml(data);
      times.push(t1 - t0);
      html.push(performance.now() - t1);
    }
    const best = (xs: number[]) => Math.min(...xs).toFixed(1);
    console.log(
      `${doc.name.padEnd(26)} estimate ${fmt(sparse.find((r) => r.published.dataset === dataset && r.published.bits === bits)?.ms)} ms; report data ${best(times)} ms (target < 200); HTML charts ${best(html)} ms (best of 5)`,
    );
  }
}

function fmt(x: number | undefined): string {
  return x === undefined ? '-' : x.toFixed(1);
}
