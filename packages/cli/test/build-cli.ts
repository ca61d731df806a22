import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'vitest';

const PKG = fileURLToPath(new URL('..', import.meta.url));
const ROOT = inject('repoRoot');

/**
 * The source file of a workspace import such as `@sparsepixels/rtl/verilog-lib`: the target of the
 * `sparsepixels-source` condition in that package's `exports` (the same map Vitest resolves with).
 */
function workspaceSource(specifier: string): string {
  const [pkg, sub] = specifier.slice('@sparsepixels/'.length).split('/');
  const dir = join(ROOT, 'packages', pkg!);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
  const entry = manifest.exports?.[sub ? `./${sub}` : '.'] as Record<string, unknown> | undefined;
  const source = entry?.['sparsepixels-source'];
  if (typeof source !== 'string') throw new Error(`${specifier}: no "sparsepixels-source" export in ${join(dir, 'package.json')}`);
  return join(dir, source);
}

/**
 * Builds the CLI the way users run it, for subprocess tests: `bin/sparsepixels.js` (the real file)
 * next to `dist/main.js` bundled from `src/main.ts`, inside `packages/cli/.vitest-tmp/<name>/`.
 * Workspace packages are bundled from source (tests never run a stale dist/ of another package);
 * npm dependencies stay external, resolved to absolute paths from the package that imports them.
 * Returns the path of the bin file.
 */
export async function buildCliForTest(name: string): Promise<{ dir: string; bin: string }> {
  const dir = join(PKG, '.vitest-tmp', name);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  await build({
    entryPoints: [join(PKG, 'src/main.ts')],
    outdir: join(dir, 'dist'),
    // split chunks, so TensorFlow.js loads only for the commands that train (as in the tsup build)
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'workspace-sources',
        setup(b) {
          b.onResolve({ filter: /^@sparsepixels\/[a-z-]+(\/[a-z-]+)?$/ }, (args) => ({ path: workspaceSource(args.path) }));
          // npm packages stay external, resolved from the importing package (ir's ajv is not the root's)
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('node:')) return { path: args.path, external: true };
            try {
              const req = createRequire(join(args.resolveDir || PKG, 'index.js'));
              return { path: pathToFileURL(req.resolve(args.path)).href, external: true };
            } catch {
              return { path: args.path, external: true };
            }
          });
        },
      },
    ],
  });
  const bin = join(dir, 'bin/sparsepixels.js');
  copyFileSync(join(PKG, 'bin/sparsepixels.js'), bin);
  chmodSync(bin, 0o755);
  return { dir, bin };
}
