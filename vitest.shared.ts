import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';

type TestOptions = NonNullable<ViteUserConfig['test']>;

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
      ...overrides,
    },
  });
}
