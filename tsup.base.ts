import type { Options } from 'tsup';

/** Shared tsup settings: ESM + CJS + .d.ts from src/index.ts (each package config is a few lines). */
export function packageBuild(overrides: Partial<Options> = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    outDir: 'dist',
    ...overrides,
  };
}
