#!/usr/bin/env node
// Runs a TypeScript benchmark from source: bundles it with esbuild (workspace packages resolved
// through the `sparsepixels-source` condition, npm dependencies left external) and executes it.
// Usage: node benchmarks/run.mjs benchmarks/<name>.ts [args...]
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node benchmarks/run.mjs <benchmark.ts> [args...]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'sp-bench-'));
const outfile = join(dir, 'bench.mjs');
try {
  await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    conditions: ['sparsepixels-source'],
    plugins: [workspaceSources()],
    logLevel: 'error',
  });
  process.argv = [process.argv[0], resolve(entry), ...args];
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Bundle our own workspace packages from source; every other bare import stays external. */
function workspaceSources() {
  const root = resolve(new URL('..', import.meta.url).pathname);
  return {
    name: 'workspace-sources',
    setup(b) {
      // `@sparsepixels/<pkg>[/<sub>]` -> the `sparsepixels-source` target of that export in packages/<pkg>/package.json
      b.onResolve({ filter: /^@sparsepixels\/[a-z-]+(\/[a-z-]+)?$/ }, (args) => {
        const [pkg, sub] = args.path.slice('@sparsepixels/'.length).split('/');
        const dir = join(root, 'packages', pkg);
        const source = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports?.[sub ? `./${sub}` : '.']?.['sparsepixels-source'];
        if (typeof source !== 'string') return { errors: [{ text: `${args.path}: no "sparsepixels-source" export in ${join(dir, 'package.json')}` }] };
        return { path: join(dir, source) };
      });
      b.onResolve({ filter: /^sparsepixels$/ }, () => ({ path: join(root, 'packages/cli/src/index.ts') }));
      // Keep npm packages external but resolved to absolute paths: the bundle runs from a temp dir.
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        try {
          const req = createRequire(join(args.resolveDir || root, 'index.js'));
          return { path: pathToFileURL(req.resolve(args.path)).href, external: true };
        } catch {
          // ESM-only packages (exports without a require condition, e.g. h5wasm)
          try {
            return { path: import.meta.resolve(args.path), external: true };
          } catch {
            return { path: args.path, external: true };
          }
        }
      });
    },
  };
}
