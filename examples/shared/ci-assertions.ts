/** What every example's CI test checks on its run (used by examples/<name>/<name>.test.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ExampleConfig } from './example-config';
import type { ExampleResult } from './run-example';
import { modelName } from './train-variant';

export function expectBitExactCiRun(config: ExampleConfig, r: ExampleResult): void {
  const mode = config.ci;
  expect(r.rows.map((row) => row.label)).toEqual(mode.variants.map((v) => v.label));
  for (const [i, row] of r.rows.entries()) {
    expect(row.csim.map((c) => c.backend)).toEqual(['vivado', 'vitis']);
    for (const c of row.csim) {
      expect(c.bitExact, `${row.label} ${c.backend}: ${c.firstProblem}`).toBe(true);
      expect(c.events).toBe(mode.csimEvents);
      expect(existsSync(join(c.projectDir, 'firmware', 'defines.h'))).toBe(true);
    }
    expect(existsSync(join(r.outDir, `${modelName(config, mode.variants[i]!)}.ir.json`))).toBe(true);
  }
  const md = readFileSync(r.resultsPath, 'utf8');
  expect(md).toContain(`# ${config.title}: results (ci mode)`);
  for (const row of r.rows) expect(md).toMatch(new RegExp(`^\\| ${row.label} \\| .* \\| yes \\(${mode.csimEvents} events, vivado \\+ vitis\\) \\|$`, 'm'));
  // The sparse models compute on N pixels instead of the whole image.
  const standard = r.rows.find((row) => row.nMax === undefined)!;
  for (const row of r.rows.filter((x) => x.nMax !== undefined)) {
    expect(row.params).toBe(standard.params);
    expect(row.opsPerEvent * 10).toBeLessThan(standard.opsPerEvent);
  }
}
