import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend, Measurement, ModelIR, PreparedModel } from '@sparsepixels/ir';
import { runCsim, type CsimOptions, type CsimResult } from './csim/run-csim';
import { emitProject, type EmitOptions, type EmitProjectResult } from './emit-project';
import { findEmitter } from './emitters';
import { IR_FILE } from './render-project';
import { measureHlsProject } from './reports/measure-project';
import type { ToolProfile } from './tool-profile';
import { vivadoProfile } from './vivado-profile';

/** An HLS backend: the ir Backend contract plus the C simulation of what it emitted. */
export interface HlsBackend extends Backend {
  readonly profile: ToolProfile;
  /** Takes a PreparedModel (prepared once by the caller) or a document, which it prepares. */
  emit(model: PreparedModel | ModelIR | unknown, outDir: string, options?: EmitOptions): Promise<EmitProjectResult>;
  csim(projectDir: string, options?: CsimOptions): Promise<CsimResult>;
  /** Synthesis results found in a project folder (C synthesis, Vivado utilization), or undefined. */
  measure(projectDir: string): Promise<Measurement | undefined>;
}

/** Builds the backend object of a tool profile (Vivado here; the Vitis package passes its own). */
export function createHlsBackend(profile: ToolProfile): HlsBackend {
  return Object.freeze({
    name: profile.name,
    description: profile.description,
    profile,
    supportsOp: (op: string) => findEmitter(op) !== undefined,
    emit: async (model: unknown, outDir: string, options?: EmitOptions) => emitProject(profile, model, outDir, options),
    csim: (projectDir: string, options?: CsimOptions) => runCsim(projectDir, options),
    simulation: 'C simulation',
    ownsProject: (projectDir: string) => isHlsProject(projectDir),
    measure: (projectDir: string) => measureHlsProject(projectDir),
  });
}

/** An HLS project (either tool): the IR it came from, firmware/ and the HLS driver script. */
export function isHlsProject(dir: string): boolean {
  return [IR_FILE, 'firmware', 'build_prj.tcl'].every((f) => existsSync(join(dir, f)));
}

/** The Vivado HLS backend (registered with ir's backend registry as "vivado" by register.ts). */
export const vivadoBackend: HlsBackend = createHlsBackend(vivadoProfile);
