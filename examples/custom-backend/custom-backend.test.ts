import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import '@sparsepixels/hls-vivado'; // registers the built-in vivado backend
import { getBackend, listBackends, registerBackend } from '@sparsepixels/ir';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { tinySparseModel, tinyStandardModel } from './src/models';
import { summaryBackend } from './src/summary-backend';

// An outside backend that depends on @sparsepixels/ir only, registered next to the built-in ones
// and used through the registry; run both in-process and as the script a user runs (`npm start`).
const root = mkdtempSync(join(tmpdir(), 'sp-example-backend-'));
const unregister = registerBackend(summaryBackend);
afterAll(() => {
  unregister();
  rmSync(root, { recursive: true, force: true });
});

describe('examples/custom-backend', () => {
  it('registers beside vivado', () => {
    expect(listBackends().map((b) => b.name)).toEqual(['vivado', 'summary']);
    expect(getBackend('summary')).toBe(summaryBackend);
    expect(() => getBackend('sumary')).toThrow(/unknown backend 'sumary'.*summary/);
  });

  it('writes its datasheet with the resolved types', async () => {
    const r = await getBackend('summary').emit(tinySparseModel(), join(root, 'a'));
    expect(r.files).toEqual(['SUMMARY.md']);
    const text = readFileSync(join(root, 'a', 'SUMMARY.md'), 'utf8');
    expect(text).toContain('| reduce | InputReduce | [8, 8, 1] | 4 | `ap_ufixed<8,1>` |  |');
    // 9 products of ufixed<8,1> x fixed<8,3> plus a bias: exact accumulator ap_fixed<20,8>.
    expect(text).toContain('| conv1 | SparseConv2D | [8, 8, 1] | 4 | `ap_fixed<20,8>` | `ap_fixed<20,8>` |');
  });

  it('refuses a layer it does not support, naming it', async () => {
    await expect(getBackend('summary').emit(tinyStandardModel(), join(root, 'b'))).rejects.toThrow(
      `backend 'summary' does not support layer "conv1" (Conv2D)`,
    );
  });

  it('runs as a script (npm start = node ../../benchmarks/run.mjs src/main.ts)', async () => {
    const out = join(root, 'script');
    const runner = join(inject('repoRoot'), 'benchmarks', 'run.mjs');
    const r = await promisify(execFile)(process.execPath, [runner, 'src/main.ts', out], { cwd: __dirname });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('registered backends: summary');
    expect(r.stdout).toContain(`wrote SUMMARY.md to ${out}`);
    expect(r.stdout).toContain(
      'standard model refused: backend \'summary\' does not support layer "conv1" (Conv2D)',
    );
  });
});
