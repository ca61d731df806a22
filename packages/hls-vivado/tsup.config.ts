import { cpSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The C++ headers ship inside the package (hls-include/), copied from the monorepo's single copy.
export default defineConfig(
  packageBuild({
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
    shims: true,
    onSuccess: async () => {
      rmSync('hls-include', { recursive: true, force: true });
      cpSync('../../hls-include', 'hls-include', { recursive: true });
    },
  }),
);
