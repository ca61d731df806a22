import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import '@sparsepixels/hls-vivado'; // registers the built-in vivado backend
import { getBackend, listBackends, registerBackend } from '@sparsepixels/ir';
import { build } from 'esbuild';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { tinySparseModel, tinyStandardModel } from './src/models';
import { summaryBackend } from './src/summary-backend';

// An outside backend that depends on @sparsepixels/ir only, registered next to the built-in ones
// and used through the registry; run in-process, as the script a user runs (`npm start`), and as
// a downstream project built from packed tarballs.
const run = promisify(execFile);
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

  it('runs as a script (node ../../benchmarks/run.mjs src/main.ts)', async () => {
    const out = join(root, 'script');
    const runner = join(inject('repoRoot'), 'benchmarks', 'run.mjs');
    const r = await run(process.execPath, [runner, 'src/main.ts', out], { cwd: __dirname });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('registered backends: summary');
    expect(r.stdout).toContain(`wrote SUMMARY.md to ${out}`);
    expect(r.stdout).toContain(
      'standard model refused: backend \'summary\' does not support layer "conv1" (Conv2D)',
    );
  }, 60_000);

  // A downstream project: the example folder on its own, with @sparsepixels/core and /ir installed
  // from `npm pack` tarballs (what a registry would serve, built dist/ and all), compiled by tsc with
  // node16 module resolution and bundled by esbuild, then run. Needs the packages built (npm test
  // builds first) and npm's cache or registry for ajv.
  it('builds and runs in a downstream project from packed tarballs (tsc node16 and esbuild)', async () => {
    const repo = inject('repoRoot');
    const down = join(root, 'downstream');
    mkdirSync(down);
    await run('npm', ['pack', '--silent', '--pack-destination', down, '-w', 'packages/core', '-w', 'packages/ir'], { cwd: repo });
    for (const f of ['src', 'package.json', 'tsconfig.json']) cpSync(join(__dirname, f), join(down, f), { recursive: true });
    const tarballs = readdirSync(down).filter((f) => f.endsWith('.tgz'));
    expect(tarballs.sort()).toEqual(['sparsepixels-core-0.1.0.tgz', 'sparsepixels-ir-0.1.0.tgz']);
    await run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs.map((t) => `./${t}`)], { cwd: down });
    // the project's own tsconfig (node16); TypeScript and @types/node from this repository
    const tsc = await run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--typeRoots', join(repo, 'node_modules/@types')], { cwd: down });
    expect(tsc.stdout + tsc.stderr).toBe('');
    await build({ entryPoints: [join(down, 'src/main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(down, 'bundle/main.mjs'), logLevel: 'error' });
    for (const entry of ['dist/main.js', 'bundle/main.mjs']) {
      const out = join(down, `out-${entry.split('/')[0]}`);
      const r = await run(process.execPath, [entry, out], { cwd: down });
      expect(r.stderr, entry).toBe('');
      expect(r.stdout).toContain('registered backends: summary');
      expect(r.stdout).toContain(`wrote SUMMARY.md to ${out}`);
      expect(r.stdout).toContain('standard model refused: backend \'summary\' does not support layer "conv1" (Conv2D)');
    }
  }, 180_000);
});
