/**
 * The `measure` hook of the HLS backends: finds the synthesis reports in a project folder
 * (`<project>_prj/solution<n>/syn/report/<module>_csynth.xml` from csynth_design, `vivado_synth.rpt` from
 * the project's vivado_synth.tcl) and reads them. Latency and II come from C synthesis; LUT, FF,
 * DSP and BRAM18 from Vivado when it ran (post-synthesis), else from C synthesis. Layers are
 * matched through their config struct (`config<k>` is layer k - 2 of the IR, as the emitter counts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MeasuredCost, Measurement } from '@sparsepixels/ir';
import { IR_FILE } from '../render-project';
import { parseCsynthXml, type CsynthReport } from './csynth-report';
import { parseVivadoUtilization, type UtilizationReport } from './vivado-utilization';

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** Report folders of every solution, newest first. */
function reportDirs(projectDir: string): string[] {
  const roots = [
    projectDir,
    ...readdirSync(projectDir)
      .filter((n) => n.endsWith('_prj'))
      .map((n) => join(projectDir, n)),
  ].filter(isDir);
  const dirs: string[] = [];
  for (const root of roots) {
    for (const sol of readdirSync(root).filter((n) => n.startsWith('solution'))) {
      const d = join(root, sol, 'syn', 'report');
      if (isDir(d)) dirs.push(d);
    }
  }
  return dirs.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

function projectName(projectDir: string): string | undefined {
  const tcl = join(projectDir, 'project.tcl');
  if (!existsSync(tcl)) return undefined;
  return /set\s+project_name\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/.exec(readFileSync(tcl, 'utf8'))?.[1];
}

function layerNames(projectDir: string): string[] {
  const file = join(projectDir, IR_FILE);
  if (!existsSync(file)) return [];
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { layers?: { name?: unknown }[] };
    return (doc.layers ?? []).map((l) => String(l.name));
  } catch {
    return [];
  }
}

function costOf(r: {
  latencyCycles?: number;
  ii?: number;
  lut?: number;
  ff?: number;
  dsp?: number;
  bram18?: number;
}): MeasuredCost {
  const out: Record<string, number> = {};
  for (const k of ['latencyCycles', 'ii', 'lut', 'ff', 'dsp', 'bram18'] as const)
    if (r[k] !== undefined) out[k] = r[k]!;
  return out;
}

/** The layer index a module or instance name carries (`..._config5_...` -> 5). */
function configIndex(name: string): number | undefined {
  const m = /config(\d+)(?!\d)/.exec(name);
  return m ? Number(m[1]) : undefined;
}

function readCsynth(
  dir: string,
  project: string | undefined,
): { top: CsynthReport; file: string; modules: CsynthReport[] } | undefined {
  const files = readdirSync(dir).filter((n) => n.endsWith('csynth.xml'));
  const parsed = files.flatMap((f) => {
    try {
      return [{ file: join(dir, f), report: parseCsynthXml(readFileSync(join(dir, f), 'utf8')) }];
    } catch {
      return [];
    }
  });
  if (parsed.length === 0) return undefined;
  const whole = parsed.find((p) => p.file.endsWith('/csynth.xml'));
  const named = project ? parsed.find((p) => p.report.module === project) : undefined;
  const top = whole ?? named ?? parsed.reduce((a, b) => ((b.report.lut ?? 0) > (a.report.lut ?? 0) ? b : a));
  const modules = parsed.filter((p) => p.report.module !== top.report.module).map((p) => p.report);
  return { top: top.report, file: top.file, modules };
}

function readVivado(projectDir: string): { report: UtilizationReport; file: string } | undefined {
  const file = join(projectDir, 'vivado_synth.rpt');
  if (!existsSync(file)) return undefined;
  try {
    return { report: parseVivadoUtilization(readFileSync(file, 'utf8')), file };
  } catch {
    return undefined;
  }
}

export async function measureHlsProject(projectDir: string): Promise<Measurement | undefined> {
  if (!isDir(projectDir)) return undefined;
  const project = projectName(projectDir);
  const dir = reportDirs(projectDir)[0];
  const cs = dir ? readCsynth(dir, project) : undefined;
  const viv = readVivado(projectDir);
  if (!cs && !viv) return undefined;
  const names = layerNames(projectDir);
  const layers = new Map<string, MeasuredCost>();
  const put = (idx: number | undefined, cost: MeasuredCost) => {
    const name = idx === undefined ? undefined : names[idx - 2];
    if (name !== undefined) layers.set(name, { ...layers.get(name), ...cost });
  };
  for (const m of cs?.modules ?? [])
    put(configIndex(m.module), { latencyCycles: m.latencyCycles, ii: m.ii } as MeasuredCost);
  for (const row of viv?.report.rows ?? [])
    if (row.depth === 1) put(configIndex(row.module || row.instance), costOf(row));
  const csynthCost = cs ? costOf(cs.top) : undefined;
  const vivadoCost = viv ? costOf(viv.report.top) : undefined;
  const totals: MeasuredCost = {
    ...csynthCost,
    ...vivadoCost,
    ...(cs ? costOf({ latencyCycles: cs.top.latencyCycles, ii: cs.top.ii }) : {}),
  };
  const clockPeriod = cs?.top.targetClock;
  const part = cs?.top.part ?? viv?.report.device;
  return {
    source: 'csynth',
    files: [cs?.file, viv?.file]
      .filter((f): f is string => f !== undefined)
      .map((f) => relative(projectDir, f)),
    ...(part ? { part } : {}),
    ...(clockPeriod !== undefined ? { clockPeriod } : {}),
    totals,
    layers: [...layers.entries()].map(([name, c]) => ({ name, ...c })),
    stages: { ...(csynthCost ? { csynth: csynthCost } : {}), ...(vivadoCost ? { vivado: vivadoCost } : {}) },
  };
}
