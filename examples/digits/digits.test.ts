import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectBitExactCiRun } from '../shared/ci-assertions';
import { runExample } from '../shared/run-example';
import { digitsExample } from './config';

const out = mkdtempSync(join(tmpdir(), 'sp-example-digits-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('examples/digits (CI mode)', () => {
  it('trains standard, sparse-t and sparse-m; both backends are bit-exact in C simulation', async () => {
    const r = await runExample(digitsExample, { mode: 'ci', outDir: out, progress: false, log: () => {} });
    expectBitExactCiRun(digitsExample, r);
    // docs/paper-models.md#parameters: 50 + 78 + 3,924 + 370 parameters.
    expect(r.rows.map((row) => row.params)).toEqual([4422, 4422, 4422]);
    // 10 balanced classes: chance is 0.1; the best model is well above it at this size.
    expect(Math.max(...r.rows.map((row) => row.firmware.accuracy))).toBeGreaterThan(0.3);
  });
});
