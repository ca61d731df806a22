import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectBitExactCiRun } from '../shared/ci-assertions';
import { runExample } from '../shared/run-example';
import { jetExample } from './config';

const out = mkdtempSync(join(tmpdir(), 'sp-example-jet-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('examples/jet (CI mode)', () => {
  it('trains standard, sparse-t and sparse-m; both backends are bit-exact in C simulation', async () => {
    const r = await runExample(jetExample, { mode: 'ci', outDir: out, progress: false, log: () => {} });
    expectBitExactCiRun(jetExample, r);
    // docs/paper-models.md#parameters: 246 + 244 + 3,940 + 105 parameters.
    expect(r.rows.map((row) => row.params)).toEqual([4535, 4535, 4535]);
    // 5 balanced classes: chance is 0.2; the best model is well above it at this size.
    expect(Math.max(...r.rows.map((row) => row.firmware.accuracy))).toBeGreaterThan(0.35);
  });
});
