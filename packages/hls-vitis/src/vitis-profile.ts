import { join } from 'node:path';
import { BASE_PROJECT_FILES, findPackageRoot, vivadoProfile, type ToolProfile } from '@sparsepixels/hls-vivado';

/** This package's templates/ (only the templates whose text differs from Vivado's). */
export function vitisTemplatesDir(): string {
  return join(findPackageRoot(import.meta.url, '@sparsepixels/hls-vitis'), 'templates');
}

/**
 * Vitis HLS = the Vivado profile plus the declared differences (packages/hls-vitis/README.md):
 * options come from build_opt.tcl instead of the command line (partial `build-options`), the tool
 * is `vitis-run --tcl build_prj.tcl --mode hls`, `set backend "vitis"`, clock uncertainty 27 %
 * instead of 12.5 %. Pragmas keep the positional forms, which Vitis HLS accepts as well.
 */
export const vitisProfile: ToolProfile = Object.freeze({
  ...vivadoProfile,
  name: 'vitis',
  title: 'Vitis HLS',
  description: 'Vitis HLS project (hls4ml layout) with a bit-exact C simulation',
  backendTcl: 'vitis',
  clockUncertainty: '27%',
  usage: Object.freeze([
    '    # choose the stages in build_opt.tcl, then',
    '    vitis-run --tcl build_prj.tcl --mode hls',
  ]),
  templateDirs: Object.freeze([vitisTemplatesDir(), ...vivadoProfile.templateDirs]),
  files: Object.freeze([...BASE_PROJECT_FILES, { template: 'build_opt.tcl.hbs', path: 'build_opt.tcl' }]),
});
