import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getBackend, listBackends, registerBackend } from '@sparsepixels/ir';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { tinySparseModel, tinyStandardModel } from '../../../examples/custom-backend/src/models';
import { summaryBackend } from '../../../examples/custom-backend/src/summary-backend';
import { runProcess } from '../src/csim/compile';
import '../src';

// examples/custom-backend: an outside backend that depends on @sparsepixels/ir only, registered
// next to the built-in ones and used through the registry. Run here so CI exercises the example,
// both in-process and as a downstream project builds and runs it.
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

  // A downstream project: the example folder on its own, with @sparsepixels/core and /ir installed
  // from `npm pack` tarballs (what a registry would serve, built dist/ and all), compiled by tsc with
  // node16 module resolution and bundled by esbuild, then run. Needs the packages built (npm test
  // builds first) and npm's cache or registry for ajv.
  it('builds and runs in a downstream project from packed tarballs (tsc node16 and esbuild)', async () => {
    const down = join(root, 'downstream');
    mkdirSync(down);
    const npm = (args: string[], cwd: string) => runProcess('npm', args, cwd);
    const pack = await npm(['pack', '--silent', '--pack-destination', down, '-w', 'packages/core', '-w', 'packages/ir'], repo);
    expect(pack.status, pack.stderr).toBe(0);
    const example = join(repo, 'examples/custom-backend');
    for (const f of ['src', 'package.json', 'tsconfig.json']) cpSync(join(example, f), join(down, f), { recursive: true });
    const tarballs = readdirSync(down).filter((f) => f.endsWith('.tgz'));
    expect(tarballs.sort()).toEqual(['sparsepixels-core-0.1.0.tgz', 'sparsepixels-ir-0.1.0.tgz']);
    const install = await npm(['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs.map((t) => `./${t}`)], down);
    expect(install.status, install.stderr).toBe(0);
    // the project's own tsconfig (node16); TypeScript and @types/node from this repository
    const tsc = await runProcess(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--typeRoots', join(repo, 'node_modules/@types')], down);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    await build({ entryPoints: [join(down, 'src/main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(down, 'bundle/main.mjs'), logLevel: 'error' });
    for (const entry of ['dist/main.js', 'bundle/main.mjs']) {
      const out = join(down, `out-${entry.split('/')[0]}`);
      const r = await runProcess(process.execPath, [entry, out], down);
      expect(r.stderr, entry).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('registered backends: summary');
      expect(r.stdout).toContain(`wrote SUMMARY.md to ${out}`);
      expect(r.stdout).toContain('standard model refused: backend \'summary\' does not support layer "conv1" (Conv2D)');
    }
  }, 180_000);
});
