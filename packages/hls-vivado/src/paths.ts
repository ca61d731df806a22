import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SparsePixelsError } from '@sparsepixels/core';

/**
 * The folder of the package named `name` that contains the calling module: walks up from `from`
 * (an import.meta.url) to the first package.json with that name, which works from src/ and from
 * any file under dist/. Code bundled elsewhere (e.g. a benchmark bundle in a temp folder) falls
 * back to resolving `<name>/package.json` from the working directory.
 */
export function findPackageRoot(from: string, name: string): string {
  for (let dir = dirname(fileURLToPath(from)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name
    )
      return dir;
    if (dirname(dir) === dir) break;
  }
  try {
    return dirname(createRequire(join(process.cwd(), 'index.js')).resolve(`${name}/package.json`));
  } catch {
    throw new SparsePixelsError(
      'SP_HLS_INCLUDE',
      `cannot find the folder of package ${name} (looked above ${from} and from ${process.cwd()})`,
    );
  }
}

/** Root of this package. */
export function packageRoot(): string {
  return findPackageRoot(import.meta.url, '@sparsepixels/hls-vivado');
}

/** The templates/ folder shipped with this package. */
export function templatesDir(): string {
  return join(packageRoot(), 'templates');
}

const isHeaderDir = (dir: string): boolean =>
  existsSync(join(dir, 'ap_types', 'ap_fixed.h')) && existsSync(join(dir, 'nnet_utils', 'sp_common.h'));

/**
 * The shared C++ headers (ap_types/ and nnet_utils/). In the monorepo they live once at
 * `<repo>/hls-include` and are used from there (so edits are picked up without a build); a
 * published package carries a copy in `<package>/hls-include`, made by tsup's onSuccess hook.
 */
export function hlsIncludeDir(): string {
  const root = packageRoot();
  const repo = resolve(root, '..', '..');
  const candidates = [join(repo, 'hls-include'), join(root, 'hls-include')];
  const inRepo = existsSync(join(repo, 'nx.json'));
  for (const dir of inRepo ? candidates : candidates.slice(1)) if (isHeaderDir(dir)) return dir;
  throw new SparsePixelsError(
    'SP_HLS_INCLUDE',
    `cannot find the HLS headers (ap_types/, nnet_utils/); looked in ${candidates.join(' and ')}`,
  );
}
