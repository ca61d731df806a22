import { cell, type CsvRow } from './csv';
import { median } from './fit-law';

/**
 * Cycles of hand-over per DATAFLOW process (design latency minus the sum of the processes'
 * latencies, per process) and the II above the slowest process, medians over the sweep designs.
 */
export function scheduleOverheads(
  designs: readonly CsvRow[],
  instances: readonly CsvRow[],
): { stage: number; ii: number } {
  const groups = new Map<string, CsvRow[]>();
  for (const r of instances) {
    const k = `${r['kind']}|${r['bits']}|${r['point']}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const stage: number[] = [];
  const ii: number[] = [];
  for (const d of designs) {
    const parts = groups.get(`${d['kind']}|${d['bits']}|${d['point']}`) ?? [];
    const stages = parts.filter((p) => p['role'] !== 'glue');
    if (stages.length === 0) continue;
    stage.push(
      (cell(d, 'design_latency_max') - parts.reduce((a, p) => a + cell(p, 'lat_max'), 0)) / stages.length,
    );
    ii.push(cell(d, 'design_ii_max') - Math.max(...parts.map((p) => cell(p, 'ii_max'))));
  }
  return { stage: median(stage), ii: median(ii) };
}
