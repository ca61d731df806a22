import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

// A fresh Node process that imports the package (bundled from source, npm packages such as
// TensorFlow.js left to Node) and computes with it must print nothing on stderr: no "running
// TensorFlow.js in Node.js" banner. The bundle sits inside the package so Node finds its deps.
const pkg = resolve(__dirname, '../..');
mkdirSync(join(pkg, '.vitest-tmp'), { recursive: true });
const dir = mkdtempSync(join(pkg, '.vitest-tmp', 'banner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('importing @sparsepixels/layers', () => {
  it("prints no TensorFlow.js banner, also when tensors are made on the 'cpu' backend", async () => {
    const entry = join(dir, 'main.ts');
    writeFileSync(
      entry,
      [
        `import * as tf from '@tensorflow/tfjs';`,
        `import { buildCnn, NEUTRINO, selectBackend } from ${JSON.stringify(resolve(__dirname, '../index.ts'))};`,
        // no setBackend: the engine picks (and creates) its default backend on the first tensor
        `const m = buildCnn(NEUTRINO, { nMax: 8, bits: 8, integer: 2 });`,
        `(m.predict(tf.zeros([2, 63, 63, 1])) as tf.Tensor).dataSync();`,
        `await selectBackend({ prefer: 'cpu' });`,
        `tf.ones([3]).dataSync();`,
        `console.log('ok', tf.getBackend());`,
      ].join('\n'),
    );
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: join(dir, 'main.mjs'),
      conditions: ['sparsepixels-source'],
      logLevel: 'error',
      plugins: [
        {
          name: 'npm-external',
          setup(b) {
            // an npm package is resolved from the file importing it (ir has its own ajv) and left to Node
            b.onResolve({ filter: /^[^./]/ }, (a) => {
              if (a.path.startsWith('@sparsepixels/')) return undefined;
              if (a.path.startsWith('node:')) return { path: a.path, external: true };
              return {
                path: pathToFileURL(createRequire(join(a.resolveDir, 'x.js')).resolve(a.path)).href,
                external: true,
              };
            });
          },
        },
      ],
    });
    const r = spawnSync(process.execPath, [join(dir, 'main.mjs')], { encoding: 'utf8', cwd: pkg });
    expect(r.stdout.trim(), r.stderr).toBe('ok cpu');
    expect(r.stderr).toBe('');
  });
});
