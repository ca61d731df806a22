import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

export default defineConfig(packageBuild({ shims: true, entry: { index: 'src/index.ts', 'verilog-lib': 'src/verilog-lib.ts' } }));
