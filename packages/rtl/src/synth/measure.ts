/**
 * measureRtlProject: the figures of an emitted RTL project, measured with open tools. Cycles come
 * from the Verilator simulation (events fed back to back; latency from the cycle an event is
 * accepted to the cycle out_valid shows it; II the accept interval), checked bit for bit against
 * the interpreter on the same events; resources are Yosys synth_xilinx (UltraScale+, ABC9) counts
 * per layer module and in total; the timing proxy is the most LUTs between registers.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Measurement, SimulateOptions } from '@sparsepixels/ir';
import { readRtlMarker, runRtlSim } from '../sim/run-rtl-sim';
import { ZERO_COUNTS, type ResourceCounts } from './cell-counts';
import { deviceTotals, type DeviceTotals } from './devices';
import { runYosys } from './yosys-synth';

export interface MeasureOptions extends SimulateOptions {
  /** Skip Yosys (cycles only). */
  readonly noSynth?: boolean;
  /** Verilator make jobs. */
  readonly jobs?: number;
}

export interface RtlLayerReport extends Omit<ResourceCounts, 'muxf' | 'lutMemory'> {
  readonly name: string;
  readonly op: string;
  readonly module: string;
  readonly core: string;
  readonly latencyCycles: number;
  readonly ii: number;
  readonly startCycle: number;
}

export interface RtlReport {
  readonly estimate: {
    readonly latencyCycles: number;
    readonly latencyUs: number;
    readonly ii: number;
    readonly lut: number | null;
    readonly ff: number | null;
    readonly dsp: number | null;
    readonly bram18: number | null;
    readonly carry: number | null;
    readonly lutLevels: number | null;
    readonly yosys: boolean;
  };
  readonly layers: readonly RtlLayerReport[];
  readonly device: DeviceTotals;
  readonly source: 'rtl';
  readonly simulation: {
    readonly events: number;
    readonly bitExact: boolean;
    readonly mismatchCount: number;
    readonly latencyMin: number;
    readonly latencyMax: number;
    readonly iiMin: number;
    readonly iiMax: number;
    readonly clockNs: number;
  };
  readonly yosys?: {
    readonly version: string;
    readonly seconds: number;
    readonly command: string;
    readonly lutMemory: number;
    readonly muxf: number;
    /** Primitive types along the deepest LUT path (timing proxy at the model's clock). */
    readonly deepestPath: readonly string[];
    readonly note: string;
  };
}

export async function measureRtlProject(projectDir: string, options: MeasureOptions = {}): Promise<RtlReport> {
  const dir = resolve(projectDir);
  const marker = readRtlMarker(dir);
  const work = mkdtempSync(join(tmpdir(), 'sp-rtl-measure-'));
  try {
    const sim = await runRtlSim(dir, options);
    let yosys: Awaited<ReturnType<typeof runYosys>> | undefined;
    if (!options.noSynth) {
      const ywork = join(work, 'yosys');
      mkdirSync(ywork);
      yosys = await runYosys(dir, marker.project, ywork);
    }
    const layers = marker.layers.map((l, k): RtlLayerReport => {
      const c = sim.measured.layers[k];
      const counts = yosys?.modules.get(l.module) ?? ZERO_COUNTS;
      const { muxf: _m, lutMemory: _lm, ...res } = l.synthesized ? counts : ZERO_COUNTS;
      return {
        name: l.name,
        op: l.op,
        module: l.module,
        core: l.core,
        startCycle: c?.start ?? l.start,
        latencyCycles: c ? c.done - c.start : l.done - l.start,
        ii: marker.ii,
        ...res,
      };
    });
    const t = yosys?.total;
    return {
      estimate: {
        latencyCycles: sim.measured.latencyMax,
        latencyUs: (sim.measured.latencyMax * marker.clockPeriod) / 1000,
        ii: sim.measured.iiMax || marker.ii,
        lut: t?.lut ?? null,
        ff: t?.ff ?? null,
        dsp: t?.dsp ?? null,
        bram18: t?.bram18 ?? null,
        carry: t?.carry ?? null,
        lutLevels: yosys?.lutLevels.levels ?? null,
        yosys: yosys !== undefined,
      },
      layers,
      device: deviceTotals(marker.part),
      source: 'rtl',
      simulation: {
        events: sim.events,
        bitExact: sim.bitExact,
        mismatchCount: sim.mismatchCount,
        latencyMin: sim.measured.latencyMin,
        latencyMax: sim.measured.latencyMax,
        iiMin: sim.measured.iiMin,
        iiMax: sim.measured.iiMax,
        clockNs: marker.clockPeriod,
      },
      ...(yosys
        ? {
            yosys: {
              version: yosys.version,
              seconds: yosys.seconds,
              command: `synth_xilinx -family xcup -abc9 -noiopad -top ${marker.project}`,
              lutMemory: yosys.total.lutMemory,
              muxf: yosys.total.muxf,
              deepestPath: yosys.lutLevels.path,
              note: 'Yosys counts (synth_xilinx), not Vivado post-synthesis figures; LUT includes SRL/LUTRAM',
            },
          }
        : {}),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The report in ir's generic Measurement shape (source "rtl"), for tools that read any backend. */
export function toMeasurement(r: RtlReport): Measurement {
  const e = r.estimate;
  const cost = (c: { latencyCycles: number; ii: number; lut: number | null; ff: number | null; dsp: number | null; bram18: number | null }) => ({
    latencyCycles: c.latencyCycles,
    ii: c.ii,
    ...(c.lut !== null ? { lut: c.lut } : {}),
    ...(c.ff !== null ? { ff: c.ff } : {}),
    ...(c.dsp !== null ? { dsp: c.dsp } : {}),
    ...(c.bram18 !== null ? { bram18: c.bram18 } : {}),
  });
  return {
    source: 'rtl',
    files: [],
    part: r.device.part,
    clockPeriod: r.simulation.clockNs,
    totals: cost(e),
    layers: r.layers.map((l) => ({ name: l.name, ...cost(l) })),
  };
}
