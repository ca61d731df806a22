/** Resource totals of the parts the report knows (AMD/Xilinx data sheets). */
export interface DeviceTotals {
  readonly part: string;
  readonly lut: number | null;
  readonly ff: number | null;
  readonly dsp: number | null;
  readonly bram18: number | null;
}

const DEVICES: readonly (Omit<DeviceTotals, 'part'> & { prefix: string })[] = [
  // Alveo U250 (xcu250): the part of the published designs
  { prefix: 'xcu250', lut: 1_728_000, ff: 3_456_000, dsp: 12_288, bram18: 5_376 },
  // Virtex UltraScale+ VU13P (hls4ml's default part)
  { prefix: 'xcvu13p', lut: 1_728_000, ff: 3_456_000, dsp: 12_288, bram18: 5_376 },
];

/** The totals of `part`, or nulls when the part is not in the table. */
export function deviceTotals(part: string): DeviceTotals {
  const d = DEVICES.find((x) => part.toLowerCase().startsWith(x.prefix));
  return d ? { part, lut: d.lut, ff: d.ff, dsp: d.dsp, bram18: d.bram18 } : { part, lut: null, ff: null, dsp: null, bram18: null };
}
