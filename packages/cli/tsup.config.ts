import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// src/main.ts is the CLI entry that bin/sparsepixels.js imports (dist/main.js).
export default defineConfig(packageBuild({ entry: ['src/index.ts', 'src/main.ts'] }));
