/**
 * Resources of common AMD/Xilinx parts, from the vendor product tables: UltraScale+ (DS923 Virtex
 * UltraScale+, DS891 Zynq UltraScale+ MPSoC, DS962 Alveo U250/U55C data sheets), UltraScale (DS890)
 * and 7 series (DS180). BRAM18 = 2 x the 36 Kb block RAMs. A part matches by its device prefix, so
 * any package/speed grade of a listed device is recognised.
 */
export interface Device {
  /** The part as given by the user (or the table's example part). */
  readonly part: string;
  readonly family: string;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  readonly bram18: number;
}

interface DeviceRow extends Omit<Device, 'part'> {
  readonly prefix: string;
  readonly example: string;
}

export const DEVICES: readonly DeviceRow[] = Object.freeze([
  {
    prefix: 'xcu250',
    example: 'xcu250-figd2104-2L-e',
    family: 'Alveo U250 (Virtex UltraScale+)',
    lut: 1_728_000,
    ff: 3_456_000,
    dsp: 12_288,
    bram18: 5_376,
  },
  {
    prefix: 'xcu200',
    example: 'xcu200-fsgd2104-2-e',
    family: 'Alveo U200 (Virtex UltraScale+)',
    lut: 1_182_240,
    ff: 2_364_480,
    dsp: 6_840,
    bram18: 4_320,
  },
  {
    prefix: 'xcu55c',
    example: 'xcu55c-fsvh2892-2L-e',
    family: 'Alveo U55C (Virtex UltraScale+ HBM)',
    lut: 1_303_680,
    ff: 2_607_360,
    dsp: 9_024,
    bram18: 4_032,
  },
  {
    prefix: 'xcvu13p',
    example: 'xcvu13p-flga2577-2-e',
    family: 'Virtex UltraScale+ VU13P',
    lut: 1_728_000,
    ff: 3_456_000,
    dsp: 12_288,
    bram18: 5_376,
  },
  {
    prefix: 'xcvu9p',
    example: 'xcvu9p-flga2104-2L-e',
    family: 'Virtex UltraScale+ VU9P',
    lut: 1_182_240,
    ff: 2_364_480,
    dsp: 6_840,
    bram18: 4_320,
  },
  {
    prefix: 'xcku115',
    example: 'xcku115-flvb2104-2-e',
    family: 'Kintex UltraScale KU115',
    lut: 663_360,
    ff: 1_326_720,
    dsp: 5_520,
    bram18: 4_320,
  },
  {
    prefix: 'xczu9eg',
    example: 'xczu9eg-ffvb1156-2-e',
    family: 'Zynq UltraScale+ ZU9EG',
    lut: 274_080,
    ff: 548_160,
    dsp: 2_520,
    bram18: 1_824,
  },
  {
    prefix: 'xc7k325t',
    example: 'xc7k325tffg900-2',
    family: 'Kintex-7 325T',
    lut: 203_800,
    ff: 407_600,
    dsp: 840,
    bram18: 890,
  },
  {
    prefix: 'xc7a100t',
    example: 'xc7a100tcsg324-1',
    family: 'Artix-7 100T',
    lut: 63_400,
    ff: 126_800,
    dsp: 240,
    bram18: 270,
  },
]);

/** The device of `part`, or undefined when no listed device matches. */
export function findDevice(part: string): Device | undefined {
  const p = part.trim().toLowerCase();
  const row = DEVICES.find((d) => p.startsWith(d.prefix));
  if (!row) return undefined;
  const { prefix: _p, example: _e, ...rest } = row;
  return { part, ...rest };
}

export function knownParts(): string[] {
  return DEVICES.map((d) => d.example);
}
