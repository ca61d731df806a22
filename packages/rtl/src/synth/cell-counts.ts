/**
 * Resource counts from Yosys `stat -json` after synth_xilinx: per module (its own cells plus its
 * submodules' counts times their instances), in the categories Vivado reports, but counted by
 * Yosys (a different tool: the numbers are estimates of the same kind, not Vivado's).
 */
export interface ResourceCounts {
  /** LUT1..LUT6 plus LUTs used as memory (SRL16E/SRLC32E shift registers, LUTRAM). */
  readonly lut: number;
  readonly lutMemory: number;
  readonly ff: number;
  readonly dsp: number;
  /** RAMB18 equivalents (a RAMB36 counts 2). */
  readonly bram18: number;
  /** CARRY4/CARRY8 carry-chain cells. */
  readonly carry: number;
  /** MUXF7/MUXF8 (wide multiplexers; not LUTs). */
  readonly muxf: number;
}

export const ZERO_COUNTS: ResourceCounts = Object.freeze({ lut: 0, lutMemory: 0, ff: 0, dsp: 0, bram18: 0, carry: 0, muxf: 0 });

/** What each primitive adds. */
function countsOf(type: string): Partial<Record<keyof ResourceCounts, number>> | undefined {
  if (/^LUT[1-6]$/.test(type) || type === 'INV') return { lut: 1 };
  if (/^(SRL16E|SRLC32E|SRLC16E)$/.test(type)) return { lut: 1, lutMemory: 1 };
  if (/^RAM(32|64|128|256)X1[SD]$/.test(type) || /^RAM(32M|64M|32M16|64M8)$/.test(type)) return { lut: ramLuts(type), lutMemory: ramLuts(type) };
  if (/^FD[RSCP]E(_1)?$/.test(type) || /^LD[CP]E$/.test(type)) return { ff: 1 };
  if (/^DSP48E[12]$/.test(type) || type === 'DSP48A1') return { dsp: 1 };
  if (/^RAMB18E[12]$/.test(type)) return { bram18: 1 };
  if (/^RAMB36E[12]$/.test(type)) return { bram18: 2 };
  if (/^CARRY[48]$/.test(type)) return { carry: 1 };
  if (/^MUXF[78]$/.test(type) || type === 'MUXF9') return { muxf: 1 };
  return undefined;
}

function ramLuts(type: string): number {
  const table: Record<string, number> = {
    RAM32X1S: 1, RAM32X1D: 2, RAM64X1S: 1, RAM64X1D: 2, RAM128X1S: 2, RAM128X1D: 4, RAM256X1S: 4, RAM256X1D: 8,
    RAM32M: 4, RAM64M: 4, RAM32M16: 8, RAM64M8: 8,
  };
  return table[type] ?? 1;
}

export function addCounts(a: ResourceCounts, b: ResourceCounts, times = 1): ResourceCounts {
  return {
    lut: a.lut + b.lut * times,
    lutMemory: a.lutMemory + b.lutMemory * times,
    ff: a.ff + b.ff * times,
    dsp: a.dsp + b.dsp * times,
    bram18: a.bram18 + b.bram18 * times,
    carry: a.carry + b.carry * times,
    muxf: a.muxf + b.muxf * times,
  };
}

export interface StatJson {
  readonly modules?: Record<string, { readonly num_cells_by_type?: Record<string, number> }>;
}

/**
 * Per-module totals (own primitives plus submodule instances, recursively) from `stat -json`.
 * Module names are Yosys' (parameterized cores appear as `$paramod...\sp_conv_gather`).
 */
export function moduleTotals(stat: StatJson): Map<string, ResourceCounts> {
  const mods = stat.modules ?? {};
  const names = Object.keys(mods);
  const memo = new Map<string, ResourceCounts>();
  const key = (n: string) => n.replace(/^\\/, '');
  const byKey = new Map(names.map((n) => [key(n), n]));
  const total = (name: string, depth: number): ResourceCounts => {
    const k = key(name);
    const hit = memo.get(k);
    if (hit) return hit;
    let c: ResourceCounts = ZERO_COUNTS;
    const cells = mods[byKey.get(k) ?? name]?.num_cells_by_type ?? {};
    for (const [type, n] of Object.entries(cells)) {
      const prim = countsOf(type);
      if (prim) c = addCounts(c, { ...ZERO_COUNTS, ...prim }, n);
      else if (byKey.has(key(type)) && depth < 64) c = addCounts(c, total(type, depth + 1), n);
    }
    memo.set(k, c);
    return c;
  };
  for (const n of names) total(n, 0);
  return memo;
}

/**
 * Parses the output of `stat -json`. Yosys 0.23 also prints the text hierarchy listing
 * (`<module> <count>` lines) inside the "design" entry, which is not JSON: such lines are dropped.
 */
export function parseStatJson(text: string): StatJson {
  const start = text.indexOf('{');
  const lines = text
    .slice(start)
    .split('\n')
    .filter((l) => !/^\s+[^\s"{}]+\s+\d+\s*$/.test(l));
  return JSON.parse(lines.join('\n')) as StatJson;
}
