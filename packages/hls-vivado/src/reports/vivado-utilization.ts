/**
 * Reads a Vivado `report_utilization` text report (`vivado_synth.rpt`): the plain one (the
 * "CLB Logic" / "BLOCKRAM" / "ARITHMETIC" tables) or the hierarchical one (`-hierarchical`: one
 * row per instance). BRAM18 counts RAMB36 as two.
 */
export interface UtilizationRow {
  readonly instance: string;
  readonly module: string;
  /** Nesting level in the hierarchy (0 = the top). */
  readonly depth: number;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  readonly bram18: number;
}

export interface UtilizationReport {
  readonly design?: string;
  readonly device?: string;
  readonly top: Omit<UtilizationRow, 'instance' | 'module' | 'depth'>;
  /** Hierarchical reports only. */
  readonly rows: readonly UtilizationRow[];
}

function header(text: string, key: string): string | undefined {
  const m = new RegExp(`^\\|\\s*${key}\\s*:\\s*(.+?)\\s*$`, 'm').exec(text);
  return m?.[1];
}

function hierarchical(text: string): UtilizationRow[] | undefined {
  const lines = text.split(/\r?\n/);
  const head = lines.findIndex((l) => /^\|\s*Instance\s*\|\s*Module\s*\|/.test(l));
  if (head < 0) return undefined;
  const cols = lines[head]!.split('|').map((c) => c.trim());
  const at = (name: string) => cols.indexOf(name);
  const idx = {
    lut: at('Total LUTs'),
    ff: at('FFs'),
    dsp: at('DSP Blocks'),
    r36: at('RAMB36'),
    r18: at('RAMB18'),
  };
  const rows: UtilizationRow[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|');
    const raw = cells[1] ?? '';
    const num = (i: number) => (i < 0 ? 0 : Number((cells[i] ?? '').trim()) || 0);
    const indent = raw.length - raw.replace(/^\s+/, '').length;
    rows.push({
      instance: raw.trim(),
      module: (cells[2] ?? '').trim(),
      depth: Math.max(0, Math.round((indent - 1) / 2)),
      lut: num(idx.lut),
      ff: num(idx.ff),
      dsp: num(idx.dsp),
      bram18: 2 * num(idx.r36) + num(idx.r18),
    });
  }
  return rows;
}

function flatUsed(text: string, site: RegExp): number {
  const m = site.exec(text);
  return m ? Number(m[1]) : 0;
}

export function parseVivadoUtilization(text: string): UtilizationReport {
  if (!/report_utilization|Utilization Design Information/.test(text))
    throw new Error('not a Vivado utilization report');
  const design = header(text, 'Design');
  const device = header(text, 'Device');
  const rows = hierarchical(text);
  if (rows && rows.length > 0) {
    const { lut, ff, dsp, bram18 } = rows[0]!;
    return {
      ...(design ? { design } : {}),
      ...(device ? { device } : {}),
      top: { lut, ff, dsp, bram18 },
      rows,
    };
  }
  const top = {
    lut:
      flatUsed(text, /^\|\s*CLB LUTs\*?\s*\|\s*(\d+)/m) ||
      flatUsed(text, /^\|\s*Slice LUTs\*?\s*\|\s*(\d+)/m),
    ff:
      flatUsed(text, /^\|\s*CLB Registers\s*\|\s*(\d+)/m) ||
      flatUsed(text, /^\|\s*Slice Registers\s*\|\s*(\d+)/m),
    dsp: flatUsed(text, /^\|\s*DSPs\s*\|\s*(\d+)/m),
    bram18:
      2 * flatUsed(text, /^\|\s*RAMB36\/FIFO\*?\s*\|\s*(\d+)/m) +
      flatUsed(text, /^\|\s*RAMB18\s*\|\s*(\d+)/m),
  };
  return { ...(design ? { design } : {}), ...(device ? { device } : {}), top, rows: [] };
}
