/**
 * The `report --json` document's own fields (the CLI adds the shared ones beside them: command,
 * exitCode, ok, seconds, input, out, events, timings, warnings). The fields of `estimate`,
 * `layers[]`, `device` and `source` are a public interface (used by outside tools): add fields,
 * never rename.
 */
import type { DesignEstimate } from '@sparsepixels/estimate';
import type { MeasuredCost } from '@sparsepixels/ir';
import type { ReportData } from './build-report';

const pick = (e: DesignEstimate['estimate']) => ({
  latencyCycles: e.latencyCycles,
  latencyUs: e.latencyUs,
  ii: e.ii,
  lut: e.lut,
  ff: e.ff,
  dsp: e.dsp,
  bram18: e.bram18,
});

const percent = (used: number, total: number) => Math.round((1000 * used) / total) / 10;

function actual(m: MeasuredCost, clock: number | undefined) {
  return {
    ...m,
    ...(m.latencyCycles !== undefined && clock !== undefined
      ? { latencyUs: Math.round(m.latencyCycles * clock) / 1000 }
      : {}),
  };
}

export function reportJson(r: ReportData) {
  const e = r.estimate;
  const m = r.measurement;
  const measured = new Map((m?.layers ?? []).map((l) => [l.name, l]));
  return {
    command: 'report',
    model: r.name,
    estimate: pick(e.estimate),
    layers: e.layers.map((l) => {
      const a = measured.get(l.name);
      const { name: _n, ...act } = a ?? { name: '' };
      return {
        name: l.name,
        op: l.op,
        latencyCycles: l.latencyCycles,
        ii: l.ii,
        lut: l.lut,
        ff: l.ff,
        dsp: l.dsp,
        bram18: l.bram18,
        notes: l.notes,
        ...(a ? { actual: act } : {}),
      };
    }),
    device: {
      part: e.device.part,
      lut: e.device.lut,
      ff: e.device.ff,
      dsp: e.device.dsp,
      bram18: e.device.bram18,
    },
    source: m?.source ?? 'estimate',
    ...(m
      ? {
          actual: {
            ...actual(m.totals, m.clockPeriod ?? e.clockPeriod),
            files: m.files,
            ...(m.stages ? { stages: m.stages } : {}),
          },
        }
      : {}),
    utilization: {
      lut: percent(e.estimate.lut, e.device.lut),
      ff: percent(e.estimate.ff, e.device.ff),
      dsp: percent(e.estimate.dsp, e.device.dsp),
      bram18: percent(e.estimate.bram18, e.device.bram18),
    },
    kernels: e.kernels,
    clockPeriod: e.clockPeriod,
    fifo: e.fifo,
    notes: e.notes,
    variants: r.variants.map((v) => ({ label: v.label, nMax: v.nMax, ...pick(v.estimate.estimate) })),
    ...(r.standard ? { standard: pick(r.standard.estimate) } : {}),
    ...(r.roc
      ? { roc: { events: r.roc.events, floatAuc: r.roc.float.auc, firmwareAuc: r.roc.firmware.auc } }
      : {}),
    ...(r.macs ? { macs: r.macs } : {}),
  };
}
