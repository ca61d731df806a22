// `sparsepixels report` and the build knobs of `convert`, as users run them (the bin file in a subprocess).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPaperModel } from '@sparsepixels/ir/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCliForTest } from './build-cli';
import { subprocessCli } from './cli-runner';

let bin = '';
let root = '';
let work = '';

const cli = subprocessCli(() => ({ bin, cwd: work }), { timeout: 120_000 });

beforeAll(async () => {
  ({ bin, dir: root } = await buildCliForTest(`report-${process.pid}`));
  work = join(root, 'work');
  mkdirSync(work, { recursive: true });
  writeFileSync(
    join(work, 'nu.json'),
    JSON.stringify(buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 })),
  );
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('report', () => {
  it('prints the per-layer table and totals', () => {
    const r = cli(['report', 'nu.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^layer +op +latency +II +LUT +FF +DSP +BRAM18$/m);
    expect(r.stdout).toMatch(/^reduce +InputReduce +\d+/m);
    expect(r.stdout).toMatch(/^latency \d+ cycles = [\d.]+ us, II \d+ cycles; LUT [\d.]+ %/m);
    expect(r.stdout).toContain('standard CNN of the same architecture');
  });

  it('--json keeps the published field names', () => {
    const r = cli(['report', 'nu.json', '--json', '--clock', '4']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & {
      estimate: object;
      layers: object[];
      device: object;
    };
    expect(Object.keys(j.estimate)).toEqual([
      'latencyCycles',
      'latencyUs',
      'ii',
      'lut',
      'ff',
      'dsp',
      'bram18',
    ]);
    for (const k of ['name', 'op', 'latencyCycles', 'ii', 'lut', 'ff', 'dsp', 'bram18'])
      expect(j.layers[0]).toHaveProperty(k);
    expect(Object.keys(j.device)).toEqual(['part', 'lut', 'ff', 'dsp', 'bram18']);
    expect(j.source).toBe('estimate');
    expect(j.clockPeriod).toBe(4);
    const e = j.estimate as { latencyCycles: number; latencyUs: number };
    expect(e.latencyUs).toBeCloseTo((e.latencyCycles * 4) / 1000, 9);
  });

  it('refuses an unknown part in one line (exit 2)', () => {
    const r = cli(['report', 'nu.json', '--part', 'xcvu9q']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--part 'xcvu9q' is not a known device; .*did you mean/);
  });

  it('shows measured figures beside the estimate when the project holds synthesis reports', () => {
    expect(cli(['convert', 'nu.json', '--backend', 'vitis', '--out', 'prj']).code).toBe(0);
    expect(JSON.parse(cli(['report', 'prj', '--json']).stdout).source).toBe('estimate');
    const fix = join(inject('repoRoot'), 'packages/hls-vivado/test/fixtures/reports/conv-p10-c1-f1-16b');
    const rep = join(work, 'prj', 'myproject_prj', 'solution1', 'syn', 'report');
    mkdirSync(rep, { recursive: true });
    for (const f of readdirSync(fix))
      cpSync(join(fix, f), f.endsWith('.xml') ? join(rep, f) : join(work, 'prj', f));
    const r = cli(['report', 'prj', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { source: string; actual: Record<string, unknown> };
    expect(j.source).toBe('csynth');
    expect(j.actual).toMatchObject({
      lut: 10364,
      ff: 5331,
      dsp: 100,
      files: ['myproject_prj/solution1/syn/report/hls_dummy_csynth.xml', 'vivado_synth.rpt'],
    });
    expect(cli(['report', 'prj']).stdout).toMatch(/^measured \(csynth\) +\d+/m);
  });

  it('writes the HTML report and SVG files; another file is not overwritten without --force', () => {
    const r = cli(['report', 'nu.json', '--html', 'r.html', '--svg', 'svg']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(work, 'r.html'), 'utf8')).toContain('<figure data-plot="lut-per-layer"');
    expect(readdirSync(join(work, 'svg')).sort()).toEqual([
      '.sparsepixels-output.json',
      'latency-per-layer.svg',
      'lut-per-layer.svg',
      'standard-vs-sparse.svg',
      'versus-nmax.svg',
    ]);
    expect(cli(['report', 'nu.json', '--html', 'r.html']).code).toBe(0); // our own report: replaced
    writeFileSync(join(work, 'notes.html'), '<p>mine</p>');
    const refused = cli(['report', 'nu.json', '--html', 'notes.html']);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(work, 'notes.html'), 'utf8')).toBe('<p>mine</p>');
    expect(existsSync(join(work, '.notes.html.tmp'))).toBe(false);
  });
});

describe('convert build knobs', () => {
  it('honours --part, --clock, --reuse-factor and --hls-config, and stays bit-exact', () => {
    writeFileSync(
      join(work, 'cfg.yml'),
      'LayerName:\n  conv2:\n    ReuseFactor: 8\n    Precision:\n      accum: ap_fixed<24,12>\n',
    );
    const args = [
      'convert',
      'nu.json',
      '--out',
      'knobs',
      '--backend',
      'vivado',
      '--part',
      'xcvu9p-flga2104-2L-e',
      '--clock',
      '4',
    ];
    const r = cli([...args, '--reuse-factor', '2', '--hls-config', 'cfg.yml', '--threshold-input']);
    expect(r.code, r.stderr).toBe(0);
    const tcl = readFileSync(join(work, 'knobs', 'project.tcl'), 'utf8');
    expect(tcl).toMatch(/set part "xcvu9p-flga2104-2L-e"/);
    expect(tcl).toMatch(/set clock_period "4"$/m); // build values are quoted Tcl words
    const params = readFileSync(join(work, 'knobs', 'firmware', 'parameters.h'), 'utf8');
    expect(params.match(/reuse_factor = (\d+);/g)).toEqual([
      'reuse_factor = 2;',
      'reuse_factor = 8;',
      'reuse_factor = 2;',
      'reuse_factor = 2;',
    ]);
    expect(readFileSync(join(work, 'knobs', 'firmware', 'defines.h'), 'utf8')).toContain('ap_fixed<24,12>');
    expect(readFileSync(join(work, 'knobs', 'firmware', 'myproject.cpp'), 'utf8')).toContain(
      'input_t threshold_in,',
    );
    const csim = cli(['csim', 'knobs']);
    expect(csim.code, csim.stdout + csim.stderr).toBe(0);
    const j = JSON.parse(cli(['report', 'knobs', '--json']).stdout) as {
      device: { part: string };
      clockPeriod: number;
      layers: { name: string; ii: number }[];
    };
    expect(j.device.part).toBe('xcvu9p-flga2104-2L-e');
    expect(j.clockPeriod).toBe(4);
    expect(j.layers.find((l) => l.name === 'conv2')!.ii).toBeGreaterThanOrEqual(8);
  }, 240_000); // csim compiles the project with g++

  it('refuses knobs it cannot honour in one line (exit 2)', () => {
    for (const [args, text] of [
      [['--part', 'xc"; exec rm'], /--part 'xc"; exec rm' is not allowed/],
      [['--reuse-factor', '0'], /reuse-factor/],
      [['--hls-config', 'missing.yml'], /missing.yml/],
    ] as const) {
      const r = cli(['convert', 'nu.json', '--out', 'refused', ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(text);
      expect(existsSync(join(work, 'refused'))).toBe(false);
    }
  });
});
