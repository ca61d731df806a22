import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterpreter } from '@sparsepixels/ir';
import { tinySparseModel } from '@sparsepixels/ir/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNpy } from '../src/io/npy';
import { readNpz } from '../src/io/npz';
import { buildCliForTest } from './build-cli';
import { expectUsageError, subprocessCli } from './cli-runner';

// Every command as users run it: the bin file in a subprocess, on files the CLI itself wrote.
let bin = '';
let root = '';
let work = '';

const cli = subprocessCli(() => ({ bin, cwd: work }), { timeout: 120_000, drop: ['CXX'] });

const noTempLeft = () => expect(readdirSync(work).filter((f) => f.startsWith('.'))).toEqual([]);

let demo = { code: 0 as number | null, stdout: '', stderr: '' };

beforeAll(async () => {
  ({ bin, dir: root } = await buildCliForTest(`cmds-${process.pid}`));
  work = join(root, 'work');
  mkdirSync(work, { recursive: true });
  demo = cli(['demo', '--small', '--out', 'demo']);
  // events for convert / csim / predict, and events of another shape
  expect(cli(['generate', 'neutrino', '-n', '30', '-s', '5', '-o', 'nu.npz']).code).toBe(0);
  expect(cli(['generate', 'digits', '-n', '5', '-o', 'digits.npz']).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('demo --small', () => {
  it('trains a model that learns, emits a Vitis project and reports a bit-exact C simulation', () => {
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr).toBe('');
    expect(demo.stdout).toContain('every output bit of all 50 events equals the interpreter');
    const auc = /test: firmware accuracy ([\d.]+) \(float [\d.]+\), AUC ([\d.]+)/.exec(demo.stdout);
    expect(auc, demo.stdout).not.toBeNull();
    expect(Number(auc![2])).toBeGreaterThan(0.65); // the sparse CNN learned (0.5 = chance)
    expect(demo.stdout).toContain('where to go next:');
    for (const f of [
      'model.ir.json',
      'build_opt.tcl',
      'firmware/myproject.cpp',
      'tb_data/tb_input_features.dat',
    ])
      expect(existsSync(join(work, 'demo', f)), f).toBe(true);
    expect(
      readFileSync(join(work, 'demo/tb_data/tb_input_features.dat'), 'utf8').trim().split('\n'),
    ).toHaveLength(50);
  });

  it('refuses a non-empty output folder without --force, before doing any work', () => {
    const r = cli(['demo', '--small', '--out', 'demo']);
    expectUsageError(
      r,
      `${join(work, 'demo')}: the output folder is not empty; pass --force to replace a folder that sparsepixels wrote`,
    );
    expect(r.stdout).toBe('');
  });
});

describe('validate', () => {
  it('accepts the demo IR (exit 0) and reports every problem of a broken one with pointer and layer (exit 2)', () => {
    const ok = cli(['validate', 'demo/model.ir.json']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^demo\/model.ir.json: valid \(\d+ layers; 0 errors, 0 warnings\)$/m);
    const doc = JSON.parse(readFileSync(join(work, 'demo/model.ir.json'), 'utf8'));
    const conv = doc.layers.findIndex((l: { op: string }) => l.op === 'SparseConv2D');
    doc.layers[conv].op = 'SparseConv2d';
    doc.input.shap = doc.input.shape;
    writeFileSync(join(work, 'broken.json'), JSON.stringify(doc));
    const bad = cli(['validate', 'broken.json']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(
      `error SP2005 /layers/${conv}/op (layer "${doc.layers[conv].name}"): unknown op 'SparseConv2d'; did you mean 'SparseConv2D'?`,
    );
    expect(bad.stdout).toMatch(/^error SP2003 \/input.*'shap'/m);
    expect(bad.stdout.trim().split('\n').at(-1)).toMatch(
      /^broken.json: invalid \([2-9] errors, 0 warnings\)$/,
    );
    const json = JSON.parse(cli(['validate', 'broken.json', '--json']).stdout);
    expect(json.valid).toBe(false);
    expect(json.diagnostics.find((d: { code: string }) => d.code === 'SP2005').layer).toBe(
      doc.layers[conv].name,
    );
  });

  it('refuses what is not an IR document: a missing file, a file that is not JSON', () => {
    expectUsageError(
      cli(['validate', 'nope.json']),
      `${join(work, 'nope.json')}: cannot read the model: no such file or directory`,
    );
    const notJson = cli(['validate', 'nu.npz']);
    expect(notJson.code).toBe(2);
    expect(notJson.stdout).toContain('error SP1001 (document): the document is not valid JSON');
  });
});

describe('inspect', () => {
  it("prints the layer table of the demo project with the paper's parameter count", () => {
    const r = cli(['inspect', 'demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^layer\s+op\s+output\s+result type\s+accum type\s+weight type\s+params\s+ops\/event$/m,
    );
    expect(r.stdout).toMatch(/^reduce\s+InputReduce\s+63x63x1 \(16 slots\)\s+ap_ufixed<8,1>/m);
    const t = JSON.parse(cli(['inspect', 'demo', '--json']).stdout);
    // docs/paper-models.md#parameters: the neutrino architecture has 4121 parameters (sparse and standard alike)
    expect(t.totals.params).toBe(4121);
    expect(t.totals.params).toBe(t.layers.reduce((a: number, l: { params: number }) => a + l.params, 0));
    expect(r.stdout).toContain(`${t.totals.params} parameters, ${t.totals.ops} operations`);
    const conv1 = t.layers.find((l: { op: string }) => l.op === 'SparseConv2D');
    expect(conv1).toMatchObject({ shape: [63, 63, 1], nMax: 16, weight: 'ap_fixed<8,3>' });
    expect(conv1.ops).toBe(16 * 16 * 1 * 1); // N slots x N neighbours x Cin x Cout, worst case
  });
});

describe('convert and csim', () => {
  it('emits a Vivado project whose test bench holds the given events, and its csim is bit-exact', () => {
    const r = cli([
      'convert',
      'demo/model.ir.json',
      '--backend',
      'vivado',
      '--out',
      'prj',
      '--tb',
      'nu.npz',
      '--tb-events',
      '20',
      '--project',
      'trig',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^wrote Vivado HLS project 'trig' to prj \(\d+ files, 20 test-bench events, \d+ ms\)$/m,
    );
    expect(existsSync(join(work, 'prj/firmware/trig.cpp'))).toBe(true);
    expect(existsSync(join(work, 'prj/build_opt.tcl'))).toBe(false); // a Vitis-only file
    const c = cli(['csim', 'prj', '--input', 'nu.npz', '--json']);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ events: 30, bitExact: true, mismatchCount: 0 });
    noTempLeft();
  });

  it('exits 1 with a per-output report when the firmware no longer computes what the IR says', () => {
    cpSync(join(work, 'prj'), join(work, 'bad-prj'), { recursive: true });
    const file = join(work, 'bad-prj/firmware/weights');
    const bias = readdirSync(file)
      .filter((f) => /^b\d+\.h$/.test(f))
      .sort((a, b) => Number(b.slice(1, -2)) - Number(a.slice(1, -2)))[0]!;
    const text = readFileSync(join(file, bias), 'utf8');
    const m = /= \{\s*(-?[\d.]+)/.exec(text)!;
    writeFileSync(
      join(file, bias),
      text.replace(m[0], m[0].replace(m[1]!, Number(m[1]) > 0 ? '-3.5' : '3.5')),
    );
    const r = cli(['csim', 'bad-prj']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/C simulation differs from the interpreter: \d+ output values over 20 events/);
    expect(r.stdout).toMatch(/^ {2}output \w+: \d+ of 20 values differ$/m);
    expect(r.stdout).toMatch(/first difference at layer "\w+"/);
    // more mismatches than the 100 listed: the per-output count is the full count, as mismatchCount
    const j = cli(['csim', 'bad-prj', '--events', '400', '--json']);
    expect(j.code, j.stderr).toBe(1);
    const report = JSON.parse(j.stdout);
    expect(report).toMatchObject({
      command: 'csim',
      exitCode: 1,
      ok: false,
      events: 400,
      bitExact: false,
      mismatchesListed: 100,
    });
    expect(report.mismatchCount).toBeGreaterThan(100);
    expect(report.outputs[0].mismatches).toBe(report.mismatchCount);
    expect(report.mismatches).toHaveLength(100);
  }, 240_000);

  it('exits 2 with one line for a folder that is not a project, a project that does not compile, and no g++', () => {
    mkdirSync(join(work, 'empty-dir'));
    expectUsageError(
      cli(['csim', 'empty-dir']),
      'not a sparsepixels HLS or RTL project: model.ir.json, firmware, tb_data missing',
    );
    expectUsageError(cli(['csim', 'nu.npz']), 'not a sparsepixels project: it is a file, not a folder');
    expectUsageError(cli(['csim', 'no-such-dir']), 'cannot read the project: no such folder');
    cpSync(join(work, 'prj'), join(work, 'broken-prj'), { recursive: true });
    unlinkSync(join(work, 'broken-prj/firmware/parameters.h'));
    expectUsageError(cli(['csim', 'broken-prj']), /g\+\+ failed \(\d+ errors?\); first: .*parameters\.h/);
    // a real subprocess whose PATH has no compiler (node itself is started by absolute path)
    const r = cli(['csim', 'prj'], { PATH: join(work, 'empty-dir') });
    expectUsageError(r, 'C++ compiler "g++" not found on PATH; install g++');
  });

  it('refuses bad convert input before writing anything', () => {
    expectUsageError(
      cli(['convert', 'demo/model.ir.json', '--out', 'p2', '--tb', 'digits.npz']),
      "array 'x' has shape (5, 48, 48, 1) but the model takes events of shape (63, 63, 1)",
    );
    expectUsageError(
      cli(['convert', 'demo/model.ir.json', '--out', 'p2', '--backend', 'vivdo']),
      "unknown backend 'vivdo'; choose one of vivado, vitis, rtl; did you mean 'vivado'?",
    );
    expectUsageError(
      cli(['convert', 'broken.json', '--out', 'p2']),
      /broken.json: 2 errors in the model; first: SP200\d error \/.*; run 'npx sparsepixels validate .*broken.json' for the full list$/m,
    );
    expectUsageError(
      cli(['convert', 'demo/model.ir.json', '--out', 'prj']),
      'the output folder is not empty; pass --force',
    );
    expect(existsSync(join(work, 'p2'))).toBe(false);
    noTempLeft();
  });
});

describe('convert --backend rtl, csim and report', () => {
  it('emits Verilog for a small sparse model, simulates it bit-exactly with Verilator and reports its cycles', () => {
    writeFileSync(join(work, 'tiny.json'), JSON.stringify(tinySparseModel()));
    const r = cli(['convert', 'tiny.json', '--backend', 'rtl', '--out', 'rtl-prj', '--tb-events', '15']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote RTL \(Verilog\) project 'myproject' to rtl-prj \(\d+ files, 15 test-bench events, \d+ ms\)$/m);
    expect(r.stdout).toContain('next: npx sparsepixels csim rtl-prj    # build with Verilator');
    expect(existsSync(join(work, 'rtl-prj/rtl/myproject.v'))).toBe(true);
    const c = cli(['csim', 'rtl-prj', '--json'], {}, 600_000);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ backend: 'rtl', events: 15, bitExact: true, mismatchCount: 0 });
    const rep = cli(['report', 'rtl-prj', '--no-synth', '--json'], {}, 600_000);
    expect(rep.code, rep.stderr).toBe(0);
    const j = JSON.parse(rep.stdout);
    expect(j).toMatchObject({ command: 'report', source: 'rtl', estimate: { yosys: false, lut: null }, simulation: { bitExact: true } });
    expect(j.estimate.latencyCycles).toBeGreaterThan(0);
    expect(j.estimate.ii).toBeGreaterThan(0);
    expect(j.layers.map((l: { name: string }) => l.name)).toEqual(tinySparseModel().layers.map((l) => l.name));
    noTempLeft();
  }, 900_000); // two Verilator builds (csim, report) on a shared machine

  it('report refuses estimate options on an RTL project and --no-synth elsewhere, with one line', () => {
    expectUsageError(cli(['report', 'rtl-prj', '--html', 'r.html']), '--html does not apply to an RTL project');
    expectUsageError(cli(['report', 'prj', '--no-synth']), '--no-synth applies to RTL projects only');
  });
});

describe('predict', () => {
  it("writes the interpreter's outputs bit for bit, as values or raw bits", () => {
    const ir = JSON.parse(readFileSync(join(work, 'demo/model.ir.json'), 'utf8'));
    const x = readNpz(join(work, 'nu.npz')).x!;
    const want = createInterpreter(ir).run(x.data as Float32Array, 30);
    const r = cli(['predict', 'demo', '--input', 'nu.npz', '--out', 'p.npy']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/accuracy against the file's y: [\d.]+ %/);
    const p = readNpy(join(work, 'p.npy'));
    expect([p.dtype, p.shape]).toEqual(['float64', [30, 1]]);
    expect(Array.from(p.data as Float64Array)).toEqual(Array.from(want.values[0]!));
    expect(cli(['predict', 'demo', '--input', 'nu.npz', '--out', 'raw.npy', '--raw']).code).toBe(0);
    const raw = readNpy(join(work, 'raw.npy'));
    expect(raw.dtype).toBe('int64');
    expect(Array.from(raw.data as BigInt64Array, Number)).toEqual(Array.from(want.raw[0]! as Float64Array));
    const shown = cli(['predict', 'demo/model.ir.json', '--input', 'nu.npz']);
    expect(shown.stdout).toContain(`  event 0: ${want.values[0]![0]}`);
    expect(shown.stdout).toContain('... 20 more events');
  });

  it('refuses input of the wrong shape or format, and an existing --out, with one line', () => {
    expectUsageError(
      cli(['predict', 'demo', '--input', 'digits.npz']),
      `${join(work, 'digits.npz')}: array 'x' has shape (5, 48, 48, 1) but the model takes events of shape (63, 63, 1); expected (count, 63, 63, 1)`,
    );
    expectUsageError(
      cli(['predict', 'demo', '--input', 'demo/model.ir.json']),
      "unsupported input file type '.json'; use .npy, .npz or .h5",
    );
    writeFileSync(join(work, 'junk.npy'), 'not an npy file at all');
    expectUsageError(cli(['predict', 'demo', '--input', 'junk.npy']), 'junk.npy');
    expectUsageError(
      cli(['predict', 'demo', '--input', 'nu.npz', '--out', 'p.npy']),
      'the file already exists; pass --force',
    );
    expectUsageError(cli(['predict', 'nu.npz', '--input', 'nu.npz']), 'not a JSON model document');
  });
});

describe('train', () => {
  it('trains a tiny model, saves the IR and the TensorFlow.js model, which inspect reads alike', () => {
    const r = cli([
      'train',
      '--dataset',
      'digits',
      '--model',
      'sparse-t',
      '--events',
      '60',
      '--epochs',
      '1',
      '--out',
      'tiny',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^test \(10 events\): firmware accuracy [\d.]+ \(float [\d.]+\);/m); // 1 of 6 per class
    expect(readdirSync(join(work, 'tiny')).sort()).toEqual(['.sparsepixels-output.json', 'model.json', 'report.html', 'tfjs']);
    const fromIr = JSON.parse(cli(['inspect', 'tiny/model.json', '--json']).stdout);
    const fromTfjs = JSON.parse(cli(['inspect', 'tiny/tfjs', '--json']).stdout);
    expect(fromTfjs.source).toBe('saved-model');
    expect(fromTfjs.layers).toEqual(fromIr.layers);
    expect(fromIr.layers[0]).toMatchObject({ op: 'InputReduce', nMax: 8 });
    noTempLeft();
  });

  it.each([
    [
      ['train', '--dataset', 'digts'],
      "unknown dataset 'digts'; choose one of neutrino, jet, digits; did you mean 'digits'?",
    ],
    [
      ['train', '--dataset', 'jet', '--model', 'sparse-x'],
      "unknown model 'sparse-x'; choose one of sparse-t, sparse-s, sparse-m, sparse-l, standard",
    ],
    [['train', '--dataset', 'jet', '--bits', '12'], '--bits 12 is not allowed; use 8 or 16'],
    [
      ['train', '--dataset', 'jet', '--data', 'nu.npz'],
      "array 'x' has shape (30, 63, 63, 1) but the model takes events of shape (56, 56, 1)",
    ],
    [
      ['train', '--dataset', 'jet', '--learning-rate', 'fast'],
      "option '--learning-rate <lr>' argument 'fast' is invalid",
    ],
  ])('bad usage %j -> one line, exit 2', (args, text) => {
    expectUsageError(cli(args), text);
    expect(existsSync(join(work, 'sparsepixels-model'))).toBe(false);
  });
});

describe('usage errors', () => {
  it.each([
    [['conver', 'x'], "unknown command 'conver'; did you mean 'convert'?"],
    [['csim', 'prj', '--event', '3'], "unknown option '--event'; did you mean '--events'?"],
    [['inspect', 'missing.json'], `${'missing.json'}: cannot read the model: no such file or directory`],
    [['predict', 'demo'], 'give the input events with --input or --data (one of them)'],
  ])('%j -> one line, exit 2', (args, text) => {
    expectUsageError(cli(args), text);
  });
});
