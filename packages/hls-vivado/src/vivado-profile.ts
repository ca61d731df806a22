import { join } from 'node:path';
import { templatesDir } from './paths';
import type { ProjectFileSpec, ToolProfile } from './tool-profile';

/** The files every HLS project has (hls4ml layout, packages/hls-vivado/README.md, "What is emitted"). */
export const BASE_PROJECT_FILES: readonly ProjectFileSpec[] = Object.freeze([
  { template: 'firmware/project.cpp.hbs', path: 'firmware/{project}.cpp' },
  { template: 'firmware/project.h.hbs', path: 'firmware/{project}.h' },
  { template: 'firmware/defines.h.hbs', path: 'firmware/defines.h' },
  { template: 'firmware/parameters.h.hbs', path: 'firmware/parameters.h' },
  { template: 'project_test.cpp.hbs', path: '{project}_test.cpp' },
  { template: 'project.tcl.hbs', path: 'project.tcl' },
  { template: 'build_prj.tcl.hbs', path: 'build_prj.tcl' },
  { template: 'vivado_synth.tcl.hbs', path: 'vivado_synth.tcl' },
  { template: 'build_csim.sh.hbs', path: 'build_csim.sh', executable: true },
  { template: 'README.md.hbs', path: 'README.md' },
]);

/** Vivado HLS (2020.1-era): vivado_hls with options on the command line, 12.5 % clock uncertainty. */
export const vivadoProfile: ToolProfile = Object.freeze({
  name: 'vivado',
  title: 'Vivado HLS',
  description: 'Vivado HLS project (hls4ml layout) with a bit-exact C simulation',
  backendTcl: 'vivado',
  clockUncertainty: '12.5%',
  pragmas: Object.freeze({
    reshape: '#pragma HLS ARRAY_RESHAPE',
    partition: '#pragma HLS ARRAY_PARTITION',
    interface: '#pragma HLS INTERFACE ap_vld',
    dataflow: '#pragma HLS DATAFLOW',
    pipeline: '#pragma HLS PIPELINE',
    stream: '#pragma HLS INTERFACE axis',
  }),
  usage: Object.freeze([
    '    vivado_hls -f build_prj.tcl "csim=1 synth=1 cosim=0 validation=0 export=0 vsynth=0"',
  ]),
  templateDirs: Object.freeze([join(templatesDir())]),
  files: BASE_PROJECT_FILES,
});
