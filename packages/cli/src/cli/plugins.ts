import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SparsePixelsError } from '@sparsepixels/core';
import { listBackends, registerBackend, type Backend } from '@sparsepixels/ir';

const looksLikePath = (spec: string) => spec.startsWith('.') || isAbsolute(spec) || /\.[cm]?js$/.test(spec);

/** The entry file of an installed package, found from `cwd` upwards (ESM-only packages too). */
function packageEntry(name: string, cwd: string): string | undefined {
  try {
    return createRequire(join(cwd, 'noop.js')).resolve(name);
  } catch {
    // an ESM-only package ("exports" with an "import" condition only): read its package.json
  }
  for (let dir = cwd; ; dir = dirname(dir)) {
    const pkg = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(pkg)) {
      const json = JSON.parse(readFileSync(pkg, 'utf8')) as {
        exports?: unknown;
        module?: string;
        main?: string;
      };
      const root = (json.exports as Record<string, unknown> | undefined)?.['.'] ?? json.exports;
      const pick = (v: unknown): string | undefined =>
        typeof v === 'string'
          ? v
          : v && typeof v === 'object'
            ? pick((v as Record<string, unknown>)['import'] ?? (v as Record<string, unknown>)['default'])
            : undefined;
      return join(dirname(pkg), pick(root) ?? json.module ?? json.main ?? 'index.js');
    }
    if (dirname(dir) === dir) return undefined;
  }
}

const isBackend = (v: unknown): v is Backend =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Backend).name === 'string' &&
  typeof (v as Backend).emit === 'function';

/**
 * Loads `--plugin` modules: an ES module (a package name, or a path to a .js/.mjs file) that
 * registers one or more backends with @sparsepixels/ir's registerBackend when imported, or exports
 * one (as `default` or `backend`), which is registered here. Returns the names it added. A
 * missing module, one that fails to load, or one that adds no backend is a one-line error.
 */
export async function loadPlugin(spec: string, cwd: string): Promise<string[]> {
  const file = looksLikePath(spec) ? resolve(cwd, spec) : packageEntry(spec, cwd);
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    const hint = looksLikePath(spec)
      ? 'no such file'
      : `package '${spec}' is not installed here (npm install it, or give a path)`;
    throw new SparsePixelsError(
      'SP_PLUGIN',
      `cannot load plugin: ${hint}`,
      looksLikePath(spec) ? resolve(cwd, spec) : spec,
    );
  }
  const before = new Set(listBackends().map((b) => b.name));
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (err) {
    // the plugin's own copy of @sparsepixels/core may hold another SparsePixelsError class
    const sp = err as { name?: string; code?: string; message?: string };
    if (sp?.name === 'SparsePixelsError' && typeof sp.code === 'string')
      throw new SparsePixelsError(sp.code, `plugin failed: ${String(sp.message).split('\n')[0]}`, spec);
    const why = String((err as Error)?.message ?? err).split('\n')[0];
    throw new SparsePixelsError('SP_PLUGIN', `plugin failed to load: ${why}`, spec);
  }
  for (const candidate of [mod['default'], mod['backend']]) {
    if (isBackend(candidate) && !listBackends().some((b) => b.name === candidate.name)) {
      try {
        registerBackend(candidate);
      } catch (err) {
        throw new SparsePixelsError(
          'SP_PLUGIN',
          `plugin's backend is refused: ${(err as Error).message}`,
          spec,
        );
      }
    }
  }
  const added = listBackends()
    .map((b) => b.name)
    .filter((n) => !before.has(n));
  if (added.length === 0)
    throw new SparsePixelsError(
      'SP_PLUGIN',
      "the plugin registered no backend (call registerBackend from '@sparsepixels/ir', or export the backend as default)",
      spec,
    );
  return added;
}
