/**
 * What `report` was given: an IR document, a saved model, or a project folder some backend wrote.
 * A project's backend comes from its project.tcl (`set backend "<name>"`, written by the HLS
 * backends) and is looked up in ir's backend registry, so any backend with a `measure` hook (HLS
 * reports today, RTL simulation later) plugs into `report` without changes here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IR_FILE } from '@sparsepixels/hls-vivado';
import { listBackends, type Backend, type Measurement } from '@sparsepixels/ir';

export interface ProjectInfo {
  /** The IR document the project was made from. */
  readonly irFile: string;
  readonly backend?: Backend;
}

function backendName(dir: string): string | undefined {
  const tcl = join(dir, 'project.tcl');
  if (!existsSync(tcl)) return undefined;
  return /^\s*set\s+backend\s+"?([a-z][a-z0-9-]*)"?/m.exec(readFileSync(tcl, 'utf8'))?.[1];
}

/** The project behind `path`, when it is a folder holding an emitted project's IR. */
export function findProject(path: string): ProjectInfo | undefined {
  if (!existsSync(path) || !statSync(path).isDirectory() || !existsSync(join(path, IR_FILE)))
    return undefined;
  const name = backendName(path);
  const backend = listBackends().find((b) => b.name === name);
  return { irFile: join(path, IR_FILE), ...(backend ? { backend } : {}) };
}

export async function measureProject(dir: string, info: ProjectInfo): Promise<Measurement | undefined> {
  return info.backend?.measure ? info.backend.measure(dir) : undefined;
}
