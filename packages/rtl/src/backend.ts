import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend, Measurement, ModelIR, PreparedModel } from '@sparsepixels/ir';
import { RTL_OPS } from './layers/registry';
import { emitRtlProject, type RtlEmitOptions, type RtlEmitResult } from './project/emit-project';
import { MARKER_FILE } from './project/project-files';
import { runRtlSim, type RtlSimOptions, type RtlSimResult } from './sim/run-rtl-sim';
import { measureRtlProject, toMeasurement } from './synth/measure';

/** The RTL backend: ir's Backend contract with the csim (Verilator) and measure (Yosys) hooks. */
export interface RtlBackend extends Backend {
  emit(model: PreparedModel | ModelIR | unknown, outDir: string, options?: RtlEmitOptions): Promise<RtlEmitResult>;
  csim(projectDir: string, options?: RtlSimOptions): Promise<RtlSimResult>;
  measure(projectDir: string): Promise<Measurement>;
}

export const rtlBackend: RtlBackend = Object.freeze({
  name: 'rtl',
  description: 'Synthesizable Verilog (Verilator simulation, Yosys synthesis) of the sparse path and the dense head',
  supportsOp: (op: string) => RTL_OPS.includes(op),
  emit: (model: unknown, outDir: string, options?: RtlEmitOptions) => emitRtlProject(model, outDir, options),
  simulation: 'RTL simulation',
  ownsProject: (dir: string) => existsSync(join(dir, MARKER_FILE)),
  csim: (dir: string, options?: RtlSimOptions) => runRtlSim(dir, options),
  // ir's report hook: the full figures are measureRtlProject's (sparsepixels report prints them)
  measure: async (dir: string) => toMeasurement(await measureRtlProject(dir)),
});
