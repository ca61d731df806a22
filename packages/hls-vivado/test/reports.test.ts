import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { measureHlsProject, parseCsynthXml, parseVivadoUtilization, vivadoBackend } from '../src/index';

const FIX = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));
const read = (d: string, f: string) => readFileSync(join(FIX, d, f), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'sp-reports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A project folder as it looks after csynth_design and vivado_synth.tcl. */
function projectWith(design: string, withVivado = true): string {
  const dir = join(tmp, `${design}-${withVivado}`);
  const rep = join(dir, 'hls_dummy_prj', 'solution1', 'syn', 'report');
  mkdirSync(rep, { recursive: true });
  for (const f of readdirSync(join(FIX, design)).filter((n) => n.endsWith('.xml')))
    cpSync(join(FIX, design, f), join(rep, f));
  if (withVivado) cpSync(join(FIX, design, 'vivado_synth.rpt'), join(dir, 'vivado_synth.rpt'));
  return dir;
}

describe('parseCsynthXml', () => {
  it('reads the whole design of a Vitis HLS 2023.1 report', () => {
    expect(parseCsynthXml(read('reduction-8b-in100-out10', 'hls_dummy_csynth.xml'))).toEqual({
      module: 'hls_dummy',
      version: '2023.1',
      part: 'xcu250-figd2104-2L-e',
      targetClock: 5,
      estimatedClock: 3.039,
      latencyCycles: 23,
      bestLatencyCycles: 23,
      ii: 23,
      lut: 8493,
      ff: 1708,
      dsp: 0,
      bram18: 0,
      uram: 0,
    });
  });

  it('reads a layer module report (the 16-bit conv: one DSP per pixel pair)', () => {
    const dir = 'conv-p10-c1-f1-16b';
    const file = readdirSync(join(FIX, dir)).find((f) => f.startsWith('sparse_conv'))!;
    const r = parseCsynthXml(read(dir, file));
    expect(r).toMatchObject({
      module: 'sparse_conv_ap_fixed_ap_fixed_ap_uint_ap_fixed_ap_fixed_10_1_1_3_s',
      latencyCycles: 3,
      ii: 3,
      dsp: 100,
      lut: 15702,
      ff: 1715,
    });
  });

  it('refuses a file that is not a C-synthesis report', () => {
    expect(() => parseCsynthXml(read('conv-p10-c1-f1-16b', 'vivado_synth.rpt'))).toThrow(
      /not an HLS C-synthesis report/,
    );
  });
});

describe('parseVivadoUtilization', () => {
  it('reads the hierarchical post-synthesis utilisation (top row and every instance)', () => {
    const r = parseVivadoUtilization(read('conv-p10-c1-f1-16b', 'vivado_synth.rpt'));
    expect(r.design).toBe('hls_dummy');
    expect(r.device).toBe('xcu250-figd2104-2L-e');
    expect(r.top).toEqual({ lut: 10364, ff: 5331, dsp: 100, bram18: 0 });
    expect(r.rows[0]).toMatchObject({ instance: 'hls_dummy', depth: 0 });
    const conv = r.rows.find((x) => x.instance.startsWith('sparse_conv'))!;
    expect(conv.depth).toBe(1);
    expect(conv.dsp).toBe(100);
    expect(r.rows.filter((x) => x.depth === 1).reduce((a, x) => a + x.lut, 0)).toBeGreaterThan(
      r.top.lut * 0.95,
    );
  });
});

describe('measure hook', () => {
  it('finds the reports of a synthesised project: cycles from C synthesis, resources from Vivado', async () => {
    const m = await vivadoBackend.measure(projectWith('reduction-8b-in100-out10'));
    expect(m).toMatchObject({
      source: 'csynth',
      part: 'xcu250-figd2104-2L-e',
      clockPeriod: 5,
      totals: { latencyCycles: 23, ii: 23, lut: 2356, ff: 1438, dsp: 0, bram18: 0 },
      stages: { csynth: { lut: 8493, ff: 1708 }, vivado: { lut: 2356, ff: 1438 } },
    });
    expect(m!.files).toEqual(['hls_dummy_prj/solution1/syn/report/hls_dummy_csynth.xml', 'vivado_synth.rpt']);
  });

  it('falls back to the C-synthesis resources without a Vivado run', async () => {
    const m = await measureHlsProject(projectWith('conv-p10-c1-f1-16b', false));
    expect(m!.totals).toMatchObject({ lut: expect.any(Number), dsp: 100 });
    expect(m!.stages).not.toHaveProperty('vivado');
  });

  it('reports nothing for a project that was never synthesised', async () => {
    const dir = join(tmp, 'empty');
    mkdirSync(dir);
    expect(await measureHlsProject(dir)).toBeUndefined();
  });
});
