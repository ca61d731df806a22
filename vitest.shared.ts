import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';

type TestOptions = NonNullable<ViteUserConfig['test']>;

const repoRoot = dirname(fileURLToPath(import.meta.url));

/**
 * Folders outside any package that tests need, handed to every test file through vitest's
 * `inject('hlsIncludeDir')`, so that no package reaches them by a relative path of its own.
 * Product code finds the C++ headers with `hlsIncludeDir()` of @sparsepixels/hls-vivado instead;
 * core's tests cannot depend on that package (it depends on core).
 */
export const REPO_PATHS = {
  /** The monorepo's root folder (benchmarks/run.mjs, examples/). */
  repoRoot,
  /** The C++ headers: hls-include/ap_types and hls-include/nnet_utils. */
  hlsIncludeDir: join(repoRoot, 'hls-include'),
};

declare module 'vitest' {
  export interface ProvidedContext {
    repoRoot: string;
    hlsIncludeDir: string;
  }
}

/** Tests read workspace packages from source through the `sparsepixels-source` export condition. */
export function packageTests(name: string, overrides: TestOptions = {}): ViteUserConfig {
  const conditions = ['sparsepixels-source', ...defaultServerConditions];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['sparsepixels-source'] } },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      pool: 'forks',
      provide: { ...REPO_PATHS },
      ...overrides,
    },
  });
}
