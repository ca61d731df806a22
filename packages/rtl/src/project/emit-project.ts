import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import {
  allEventValues,
  defaultEvents,
  formatDiagnostic,
  formatInputEvents,
  formatOutputs,
  interpretEvents,
  outputSpecs,
  prepareModel,
  type EmitOptions,
  type EmitResult,
  type PreparedModel,
} from '@sparsepixels/ir';
import { tbConfigHeader } from '../bench/tb-config';
import { describeModel, type ModelDesc } from '../model/adapter';
import { cppLibDir, verilogLibDir } from '../paths';
import { scheduleModel, type DesignOptions, type Schedule } from '../top/schedule';
import { topModule } from '../top/top-module';
import { wrapperModule, wrapperName } from '../top/wrappers';
import { checkIdentifier } from '../verilog/identifiers';
import { IR_FILE, LIB_DIR, MARKER_FILE, MARKER_FORMAT, SIM_DIR, TB_EXPECTED, TB_INPUT, type ProjectMarker } from './project-files';
import { projectReadme } from './project-readme';
import { buildSimScript, lintScript, yosysScript } from './scripts';
import { writeProjectFolder, type FolderFile } from './write-folder';

export interface RtlEmitOptions extends EmitOptions, DesignOptions {}

export interface RtlEmitResult extends EmitResult {
  readonly project: string;
  readonly eventCount: number;
  readonly schedule: Schedule;
  readonly warnings: readonly string[];
}

/** Module names of the library (a generated name must not collide with them). */
function libraryModules(): Set<string> {
  const names = new Set<string>();
  for (const f of readdirSync(verilogLibDir())) if (f.endsWith('.v')) names.add(f.slice(0, -2));
  return names;
}

function checkNames(model: ModelDesc, s: Schedule): void {
  checkIdentifier(model.project, 'build.project');
  if (model.project.includes('__')) {
    throw new SparsePixelsError('SP_RTL_NAME', `build.project '${model.project}' contains '__', which Verilator reserves; choose another name`);
  }
  const taken = libraryModules();
  for (const l of s.layers) {
    const name = wrapperName(s, l);
    checkIdentifier(l.layer.name, 'layer name', `layer "${l.layer.name}"`);
    if (taken.has(name) || name.startsWith('sp_')) {
      throw new SparsePixelsError('SP_RTL_NAME', `module name '${name}' clashes with the Verilog library (sp_*); rename the project or the layer`, `layer "${l.layer.name}"`);
    }
    taken.add(name);
  }
}

function marker(s: Schedule): ProjectMarker {
  const m = s.model;
  return {
    format: MARKER_FORMAT,
    version: 1,
    backend: 'rtl',
    project: m.project,
    model: m.name,
    lanes: s.lanes,
    beats: s.beats,
    ii: s.ii,
    latency: s.latency,
    clockPeriod: m.clockPeriod,
    part: m.part,
    layers: s.layers.map((l) => ({
      name: l.layer.name,
      op: l.layer.op,
      module: wrapperName(s, l),
      core: l.plan.core,
      form: l.plan.form,
      start: l.start,
      done: l.done,
      synthesized: l.synthesized,
    })),
  };
}

/**
 * The whole project as files (Verilog, test bench, data, scripts, README, IR, marker), from a
 * PreparedModel or a document (prepared here, once); the test-bench outputs come from the
 * interpreter on the same PreparedModel.
 */
export function renderRtlProject(
  doc: PreparedModel | unknown,
  options: RtlEmitOptions = {},
): { files: FolderFile[]; schedule: Schedule; eventCount: number; warnings: string[] } {
  const prepared = prepareModel(doc);
  const desc = describeModel(prepared);
  const s = scheduleModel(desc, options);
  checkNames(desc, s);
  const top = topModule(s);
  const files: FolderFile[] = [{ path: `rtl/${desc.project}.v`, content: top.module.text() }];
  for (const l of s.layers) {
    files.push({ path: `rtl/${wrapperName(s, l)}.v`, content: wrapperModule(s, l).text() });
    for (const f of l.plan.files ?? []) files.push(f);
  }
  files.push({ path: `${SIM_DIR}/tb_config.h`, content: tbConfigHeader(s, top.ports) });
  const inputSize = prepared.input.tensor.size;
  const events = options.testInputs === undefined ? defaultEvents(prepared) : allEventValues(options.testInputs);
  if (events.length % inputSize !== 0 || (options.testBatchSize !== undefined && options.testBatchSize * inputSize !== events.length)) {
    throw new SparsePixelsError('SP_CSIM_EVENTS', `testInputs has ${events.length} values, not a whole number of events of ${inputSize}`);
  }
  const raws = interpretEvents(prepared, Float64Array.from(events), inputSize).outputs;
  files.push(
    { path: TB_INPUT, content: formatInputEvents(events, inputSize) },
    { path: TB_EXPECTED, content: formatOutputs(raws, outputSpecs(prepared)) },
    // the document as the user gave it (not the prepared one), as the project's source
    { path: IR_FILE, content: `${JSON.stringify(prepared.source, null, 2)}\n` },
    { path: MARKER_FILE, content: `${JSON.stringify(marker(s), null, 2)}\n` },
    { path: 'build_sim.sh', content: buildSimScript(s), executable: true },
    { path: 'lint.sh', content: lintScript(s), executable: true },
    { path: 'synth.ys', content: yosysScript(s) },
    { path: 'README.md', content: projectReadme(s) },
  );
  return { files, schedule: s, eventCount: events.length / inputSize, warnings: prepared.warnings.map(formatDiagnostic) };
}

/** Emits the project into `outDir` (atomically; `force` replaces only a project sparsepixels wrote). */
export async function emitRtlProject(doc: PreparedModel | unknown, outDir: string, options: RtlEmitOptions = {}): Promise<RtlEmitResult> {
  const r = renderRtlProject(doc, options);
  const copies = [
    { from: verilogLibDir(), to: LIB_DIR },
    ...['sp_tb_main.cpp', 'sp_fixed_io.h', 'sp_vbits.h'].map((f) => ({ from: join(cppLibDir(), f), to: `${SIM_DIR}/${f}` })),
  ];
  const dir = await writeProjectFolder(outDir, r.files, copies, { force: options.force === true, inputFiles: options.inputFiles ?? [] });
  const libFiles = readdirSync(verilogLibDir()).map((f) => `${LIB_DIR}/${f}`);
  return {
    outDir: dir,
    project: r.schedule.model.project,
    files: [...r.files.map((f) => f.path), ...libFiles, `${SIM_DIR}/sp_tb_main.cpp`, `${SIM_DIR}/sp_fixed_io.h`, `${SIM_DIR}/sp_vbits.h`].sort(),
    eventCount: r.eventCount,
    schedule: r.schedule,
    warnings: r.warnings,
  };
}
