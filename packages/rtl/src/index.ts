import './register';

export { rtlBackend } from './backend';
export type { RtlBackend } from './backend';
export { emitRtlProject, renderRtlProject } from './project/emit-project';
export type { RtlEmitOptions, RtlEmitResult } from './project/emit-project';
export { runRtlSim, buildRtlSim, loadRtlProject, readRtlMarker } from './sim/run-rtl-sim';
export type { RtlSimOptions, RtlSimResult, MeasuredCycles } from './sim/run-rtl-sim';
export { measureRtlProject } from './synth/measure';
export type { RtlReport, RtlLayerReport, MeasureOptions } from './synth/measure';
export { scheduleModel } from './top/schedule';
export type { DesignOptions, Schedule, ScheduledLayer } from './top/schedule';
export { describeModel } from './model/adapter';
export type { ModelDesc, LayerDesc } from './model/adapter';
export { RTL_OPS } from './layers/registry';
export { MARKER_FILE, IR_FILE as RTL_IR_FILE } from './project/project-files';
export type { ProjectMarker } from './project/project-files';
export { verilogLibDir, QUANT_CODE, OVERFLOW_CODE } from './verilog-lib';
