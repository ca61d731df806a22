// Acceptance: the estimate of the reference design of each of the paper's 24 sparse models against
// the published whole-model figures (fixtures/paper-results.json).
import { describe, expect, it } from 'vitest';
import { compareModel, medianAbs, publishedModels } from './published';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

describe("the paper's 24 sparse models", () => {
  const rows = publishedModels()
    .filter((m) => m.nMax !== null)
    .map(compareModel);

  it('covers 3 datasets x 2 widths x 4 pixel budgets', () => {
    expect(rows).toHaveLength(24);
  });

  it('lands within 10 % median on latency and II and 25 % on LUT', () => {
    const lines = ['dataset  bits model     latency (ours/published)    II            LUT (ours/published)'];
    for (const r of rows) {
      const p = r.published;
      const e = r.estimate.estimate;
      lines.push(
        `${p.dataset.padEnd(8)} ${String(p.bits).padStart(2)}   ${p.model.padEnd(9)} ${String(e.latencyCycles).padStart(4)}/${String(p.latencyCycles).padEnd(4)} ${pct(r.error.latency).padStart(7)}  ${String(e.ii).padStart(3)}/${String(p.ii).padEnd(3)} ${pct(r.error.ii).padStart(7)}  ${String(e.lut).padStart(7)}/${String(p.lut).padEnd(7)} ${pct(r.error.lut).padStart(7)}`,
      );
    }
    const med = {
      latency: medianAbs(rows.map((r) => r.error.latency)),
      ii: medianAbs(rows.map((r) => r.error.ii)),
      lut: medianAbs(rows.map((r) => r.error.lut)),
    };
    lines.push(`median |error|: latency ${pct(med.latency)}, II ${pct(med.ii)}, LUT ${pct(med.lut)}`);
    console.log(lines.join('\n'));
    expect(med.latency).toBeLessThan(0.1);
    expect(med.ii).toBeLessThan(0.1);
    expect(med.lut).toBeLessThan(0.25);
  });

  it('gets the DSP count of the 8-bit designs exactly (pooling by 7 and the softmax normalisation are the only multipliers)', () => {
    for (const r of rows.filter((x) => x.published.bits === 8))
      expect(r.estimate.estimate.dsp, r.published.dataset).toBe(r.published.dsp);
  });
});
