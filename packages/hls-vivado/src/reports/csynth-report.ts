/**
 * Reads an HLS C-synthesis XML report (`solution<n>/syn/report/<module>_csynth.xml`, Vivado HLS and
 * Vitis HLS): worst-case latency and interval in cycles, clocks, part and the estimated resources.
 * The reports are flat, fixed-layout XML written by the tools; only the named elements are read.
 */
export interface CsynthReport {
  /** `TopModelName`: the function (module) the report describes. */
  readonly module: string;
  readonly version?: string;
  readonly part?: string;
  readonly targetClock?: number;
  readonly estimatedClock?: number;
  readonly latencyCycles?: number;
  readonly bestLatencyCycles?: number;
  /** Worst-case initiation interval (Interval-max), when the tool reports one. */
  readonly ii?: number;
  readonly lut?: number;
  readonly ff?: number;
  /** `DSP` (Vitis HLS) or `DSP48E` (Vivado HLS). */
  readonly dsp?: number;
  readonly bram18?: number;
  readonly uram?: number;
}

function section(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m?.[1];
}

function text(xml: string | undefined, tag: string): string | undefined {
  if (xml === undefined) return undefined;
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return m?.[1]?.trim();
}

function int(xml: string | undefined, tag: string): number | undefined {
  const t = text(xml, tag);
  return t !== undefined && /^\d+$/.test(t) ? Number(t) : undefined;
}

function float(xml: string | undefined, tag: string): number | undefined {
  const t = text(xml, tag);
  const n = t === undefined ? NaN : Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Parses the report text; throws when it is not a C-synthesis report. */
export function parseCsynthXml(xml: string): CsynthReport {
  const user = section(xml, 'UserAssignments');
  const module = text(user, 'TopModelName');
  if (!xml.includes('<profile>') || module === undefined)
    throw new Error('not an HLS C-synthesis report (no <profile>/<TopModelName>)');
  const perf = section(xml, 'PerformanceEstimates');
  const overall = section(perf ?? '', 'SummaryOfOverallLatency');
  const area = section(section(xml, 'AreaEstimates') ?? '', 'Resources');
  return defined({
    module,
    version: text(section(xml, 'ReportVersion'), 'Version'),
    part: text(user, 'Part'),
    targetClock: float(user, 'TargetClockPeriod'),
    estimatedClock: float(section(perf ?? '', 'SummaryOfTimingAnalysis'), 'EstimatedClockPeriod'),
    latencyCycles: int(overall, 'Worst-caseLatency'),
    bestLatencyCycles: int(overall, 'Best-caseLatency'),
    ii: int(overall, 'Interval-max'),
    lut: int(area, 'LUT'),
    ff: int(area, 'FF'),
    dsp: int(area, 'DSP') ?? int(area, 'DSP48E'),
    bram18: int(area, 'BRAM_18K'),
    uram: int(area, 'URAM'),
  });
}
