import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getBackend, listBackends, registerBackend } from '@sparsepixels/ir';
import { afterAll, describe, expect, it } from 'vitest';
import { tinySparseModel, tinyStandardModel } from '../../../examples/custom-backend/src/models';
import { summaryBackend } from '../../../examples/custom-backend/src/summary-backend';
import { runProcess } from '../src/csim/compile';
import '../src';

// examples/custom-backend: an outside backend that depends on @sparsepixels/ir only, registered
// next to the built-in ones and used through the registry. Run here so CI exercises the example,
// both in-process and as the script a user runs.
const repo = resolve(__dirname, '../../..');
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

  it('runs as a script (node benchmarks/run.mjs examples/custom-backend/src/main.ts)', async () => {
    const out = join(root, 'script');
    const r = await runProcess(
      process.execPath,
      ['benchmarks/run.mjs', 'examples/custom-backend/src/main.ts', out],
      repo,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('registered backends: summary');
    expect(r.stdout).toContain(`wrote SUMMARY.md to ${out}`);
    expect(r.stdout).toContain(
      'standard model refused: backend \'summary\' does not support layer "conv1" (Conv2D)',
    );
  });
});
