import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNpy } from '../src/io/npy';
import { readNpz, writeNpz } from '../src/io/npz';
import { buildCliForTest } from './build-cli';
import { expectUsageError, subprocessCli } from './cli-runner';

// Issue 14 items 5, 8-12 and profiling, as users meet them: the bin file in a subprocess.
let bin = '';
let root = '';
let work = '';

const cli = subprocessCli(() => ({ bin, cwd: work }), { timeout: 180_000 });

const json = (r: ReturnType<typeof cli>) => JSON.parse(r.stdout) as Record<string, unknown>;
const SHARED = ['command', 'exitCode', 'ok', 'seconds', 'input', 'out', 'events', 'timings', 'warnings'];

beforeAll(async () => {
  ({ bin, dir: root } = await buildCliForTest(`hard-${process.pid}`));
  work = join(root, 'work');
  mkdirSync(work, { recursive: true });
  expect(cli(['generate', 'neutrino', '-n', '200', '-s', '2', '-o', 'nu.npz']).code).toBe(0);
  const t = cli(['train', '--dataset', 'neutrino', '--events', '200', '--epochs', '2', '--out', 'm']);
  expect(t.code, t.stderr).toBe(0);
}, 240_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('item 5: exit codes, and a damaged weights.bin is bad input naming the file', () => {
  it.each([
    ['cut', (f: string) => truncateSync(f, 100), 'the weights file is truncated: model.json lists'],
    [
      'padded',
      (f: string) => appendFileSync(f, 'garbage'),
      'the weights file has trailing bytes: model.json lists',
    ],
    ['missing', (f: string) => unlinkSync(f), 'cannot read the weights: no such file'],
  ])('%s weights.bin -> exit 2', (name, damage, text) => {
    cpSync(join(work, 'm/tfjs'), join(work, `w-${name}`), { recursive: true });
    damage(join(work, `w-${name}/weights.bin`));
    const r = cli(['inspect', `w-${name}`]);
    expectUsageError(r, `${join(work, `w-${name}/weights.bin`)}: ${text}`);
    expect(r.stderr).not.toContain('Based on the provided shape');
  });
});

describe('item 9: errors that say where', () => {
  it('names the file, event and pixel of a NaN, accepts a single event, never prints raw bytes', () => {
    const x = readNpz(join(work, 'nu.npz')).x!;
    const bad = Float32Array.from((x.data as Float32Array).subarray(0, 4 * 3969));
    bad[3 * 3969 + 10 * 63 + 20] = NaN;
    writeNpy(join(work, 'nan.npy'), { dtype: 'float32', shape: [4, 63, 63, 1], data: bad });
    expectUsageError(
      cli(['predict', 'm/model.json', '--input', 'nan.npy']),
      `${join(work, 'nan.npy')}: event 3 pixel (10, 20, 0) is NaN`,
    );
    writeNpy(join(work, 'one.npy'), { dtype: 'float32', shape: [63, 63, 1], data: bad.subarray(0, 3969) });
    const one = cli(['predict', 'm/model.json', '--input', 'one.npy']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain('1 events through');
    writeFileSync(
      join(work, 'bin.json'),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x1b, 0x5b, 0x32, 0x4a]),
    );
    for (const args of [
      ['inspect', 'bin.json'],
      ['predict', 'nu.npz', '--input', 'one.npy'],
    ]) {
      const r = cli(args);
      expectUsageError(r, /not a JSON model document \(it is a binary file, (an executable|a ZIP archive)/);
      expect(r.stderr).toMatch(/^[\x20-\x7e]*\n$/); // printable ASCII only
    }
  });

  it('a plain TensorFlow.js model (no QuantizeInput) gets advice that exists', async () => {
    const tf = await import('@tensorflow/tfjs');
    const { saveModel } = await import('@sparsepixels/layers');
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 1 })] });
    await saveModel(m, join(work, 'plain'));
    const r = cli(['inspect', 'plain']);
    expectUsageError(
      r,
      'the saved model has no QuantizeInput layer, so the fixed-point type of its input is unknown',
    );
    expect(r.stderr).not.toContain('{inputType}');
  });
});

describe('item 8: training data', () => {
  it('splits a class-sorted file by a stratified shuffle: every part holds both classes', () => {
    const d = readNpz(join(work, 'nu.npz'));
    const y = d.y!.data as Int32Array;
    const order = [...y.keys()].sort((a, b) => y[a]! - y[b]!); // all cosmic, then all neutrino
    const xs = new Float32Array(200 * 3969);
    order.forEach((e, k) => xs.set((d.x!.data as Float32Array).subarray(e * 3969, (e + 1) * 3969), k * 3969));
    const ys = Int32Array.from(order, (e) => y[e]!);
    writeNpz(join(work, 'sorted.npz'), {
      x: { dtype: 'float32', shape: [200, 63, 63, 1], data: xs },
      y: { dtype: 'int32', shape: [200], data: ys },
    });
    writeNpz(join(work, 'one-class.npz'), {
      x: { dtype: 'float32', shape: [30, 63, 63, 1], data: xs.subarray(0, 30 * 3969) },
      y: { dtype: 'int32', shape: [30], data: ys.subarray(0, 30) },
    });
    const r = cli('train --dataset neutrino --data sorted.npz --epochs 2 --out sorted-m --json'.split(' '));
    expect(r.code, r.stderr).toBe(0);
    const j = json(r);
    expect(j['split']).toEqual({ train: 140, validation: 20, test: 40 });
    expect((j['firmware'] as { auc: number }).auc).toBeGreaterThan(0); // both classes in the test part
    expect(j['bestEpoch']).toBeGreaterThanOrEqual(1);
  }, 240_000);

  it('warns on a one-class test set and prints no AUC NaN; keeps the best-validation epoch', () => {
    const r = cli(
      'train --dataset neutrino --data sorted.npz --test-data one-class.npz --validation-data nu.npz --epochs 3 --out oc'.split(
        ' ',
      ),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'sparsepixels: warning: the 30 test events all have class cosmic: accuracy is one-sided and AUC is undefined',
    );
    expect(r.stdout).toContain('AUC n/a (the test events hold one class only)');
    expect(r.stdout).not.toContain('NaN');
    expect(r.stdout).toMatch(/: 200 train \/ 200 validation \/ 30 test events/);
    expect(r.stdout).toMatch(/^kept the weights of epoch [123] of 3 \(lowest validation loss\)$/m);
  }, 240_000);

  it('refuses an --out that cannot be written before training starts', () => {
    const t0 = Date.now();
    const r = cli(['train', '--dataset', 'neutrino', '--events', '4000', '--out', '/sys/sparsepixels-model']);
    expectUsageError(
      r,
      /\/sys\/sparsepixels-model: cannot create the output folder here: (operation not permitted|read-only file system|permission denied)/,
    );
    expect(r.stdout).toBe('');
    expect(Date.now() - t0).toBeLessThan(30_000); // no data generated, no training
  });
});

describe('item 10: one --json schema', () => {
  it('every command reports the shared fields first, with the same names', () => {
    const conv = cli(
      'convert m/model.json --backend vivado --out jprj --tb nu.npz --tb-events 20 --json'.split(' '),
    );
    const runs: [string, ReturnType<typeof cli>][] = [
      ['generate', cli(['generate', 'digits', '-n', '5', '-o', 'g.npz', '--json'])],
      ['convert', conv],
      ['csim', cli(['csim', 'jprj', '--json'])],
      ['predict', cli(['predict', 'm/model.json', '--input', 'nu.npz', '--json'])],
      ['inspect', cli(['inspect', 'm/model.json', '--json'])],
      ['validate', cli(['validate', 'm/model.json', '--json'])],
      ['profile', cli(['profile', 'm/model.json', '--input', 'nu.npz', '--json'])],
      ['report', cli(['report', 'm/model.json', '--json'])],
      ['export', cli(['export', 'm/model.json', '--out', 'm.keras', '--json'])],
      ['preprocess', cli(['preprocess', 'nu.npz', '--scale', '2', '--out', 'pp.npz', '--json'])],
    ];
    for (const [command, r] of runs) {
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
      const j = json(r);
      expect(Object.keys(j).slice(0, SHARED.length), command).toEqual(SHARED);
      expect(j).toMatchObject({ command, exitCode: 0, ok: true });
      expect(typeof j['seconds']).toBe('number');
    }
    const [, c] = runs[1]!;
    expect(json(c)).toMatchObject({ input: join(work, 'm/model.json'), out: join(work, 'jprj'), events: 20 });
    // report keeps its own published fields beside the shared ones
    const report = json(runs.find(([c]) => c === 'report')![1]);
    expect(report).toMatchObject({ input: join(work, 'm/model.json'), out: null, source: 'estimate' });
    for (const k of ['estimate', 'layers', 'device']) expect(report).toHaveProperty(k);
    expect(json(runs.find(([c]) => c === 'preprocess')![1])).toMatchObject({ out: join(work, 'pp.npz'), events: 200 });
    expect(json(runs[2]![1])).toMatchObject({
      input: join(work, 'jprj'),
      out: null,
      events: 20,
      timings: { compile: expect.any(Number) },
    });
  }, 300_000);
});

describe('item 11: next-step hints', () => {
  it('print npx sparsepixels and quote a path with spaces', () => {
    const r = cli(['convert', 'm/model.json', '--out', 'my prj']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("next: npx sparsepixels csim 'my prj'    #");
  });
});

describe('profile, and overflow warnings of train / predict / convert --tb', () => {
  it('flags a narrowed dense accumulator and inputs 50 times too large; exit 1', () => {
    const ok = cli(['profile', 'm/model.json', '--input', 'nu.npz', '--json']);
    const report = json(ok) as {
      ok: boolean;
      layers: { name: string; op: string; integerBitsNeeded: number }[];
    };
    expect(report.ok).toBe(true);
    const fc = report.layers.find((l) => l.op === 'Dense')!;
    const doc = JSON.parse(readFileSync(join(work, 'm/model.json'), 'utf8'));
    const layer = doc.layers.find((l: { name: string }) => l.name === fc.name);
    const narrow = fc.integerBitsNeeded - 2; // two integer bits fewer than its sums need
    layer.precision = { ...layer.precision, accum: `ap_fixed<16,${narrow}>` };
    writeFileSync(join(work, 'narrow.json'), JSON.stringify(doc));
    expect(cli(['validate', 'narrow.json']).code).toBe(0); // valid: nothing but data can tell
    const p = cli(['profile', 'narrow.json', '--input', 'nu.npz']);
    expect(p.code, p.stderr).toBe(1);
    expect(p.stdout).toMatch(
      new RegExp(
        `^OVERFLOW on 200 events: ${fc.name} ap_fixed<16,${narrow}>: \\d+ wrapped of \\d+ values`,
        'm',
      ),
    );
    const x = readNpz(join(work, 'nu.npz'));
    const big = Float32Array.from(x.x!.data as Float32Array, (v) => v * 50);
    writeNpz(join(work, 'x50.npz'), { x: { ...x.x!, data: big }, y: x.y! });
    const p50 = cli(['profile', 'm/model.json', '--input', 'x50.npz']);
    expect(p50.code).toBe(1);
    expect(p50.stdout).toMatch(
      /^OVERFLOW on 200 events: input ap_ufixed<8,1>: \d+ wrapped of \d+ values; values reach [\d.]+..50, the type holds 0..1.99219, needs 6 integer bits \(has 1\)/m,
    );
    expect(p50.stdout).toMatch(/^x_in +input +ap_ufixed<8,1> +0..1.9921875 /m);
  }, 240_000);

  it('predict, convert --tb and train warn when the data overflows', () => {
    const warning =
      /sparsepixels: warning: values overflow their types on 200 events of '?[\w. ]+'?: input ap_ufixed<8,1>: \d+ wrapped/;
    const p = cli(['predict', 'm/model.json', '--input', 'x50.npz']);
    expect(p.code).toBe(0);
    expect(p.stderr).toMatch(warning);
    const c = cli(['convert', 'm/model.json', '--out', 'p50', '--tb', 'x50.npz']);
    expect(c.code).toBe(0);
    expect(c.stderr).toMatch(warning);
    const t = cli(['train', '--dataset', 'neutrino', '--data', 'x50.npz', '--epochs', '1', '--out', 't50']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stderr).toMatch(
      /sparsepixels: warning: values overflow their types on 40 events of the test events: input ap_ufixed<8,1>/,
    );
    expect(cli(['predict', 'm/model.json', '--input', 'nu.npz']).stderr).toBe('');
  }, 240_000);
});

describe('item 12: outside backends through convert --plugin', () => {
  const plugin = (name: string, body: string) => writeFileSync(join(work, name), body);

  it('loads an ES module that registers a backend, and uses it with --backend', () => {
    plugin(
      'sheet.mjs',
      [
        "import { mkdirSync, writeFileSync } from 'node:fs';",
        "import { join } from 'node:path';",
        "import { prepareModel, registerBackend } from '@sparsepixels/ir';",
        'registerBackend({',
        "  name: 'sheet', description: 'layer names', supportsOp: () => true,",
        '  async emit(doc, outDir) {',
        '    const { model } = prepareModel(doc);',
        '    mkdirSync(outDir, { recursive: true });',
        "    writeFileSync(join(outDir, 'LAYERS.txt'), model.layers.map((l) => l.name).join('\\n'));",
        "    return { outDir, files: ['LAYERS.txt'] };",
        '  },',
        '});',
      ].join('\n'),
    );
    const r = cli(
      'convert m/model.json --plugin ./sheet.mjs --backend sheet --out sheet-out --json'.split(' '),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({
      command: 'convert',
      backend: 'sheet',
      files: ['LAYERS.txt'],
      out: join(work, 'sheet-out'),
    });
    expect(readFileSync(join(work, 'sheet-out/LAYERS.txt'), 'utf8').split('\n')[0]).toBe('reduce');
  });

  it('refuses a missing plugin, one that fails, one with a bad name and one that adds nothing, in one line', () => {
    plugin('throws.mjs', "throw new Error('plugin bug\\nsecond line');");
    plugin(
      'bad-name.mjs',
      "import { registerBackend } from '@sparsepixels/ir';\nregisterBackend({ name: 'Bad Name', description: '', supportsOp: () => true, emit: async () => ({ outDir: '', files: [] }) });",
    );
    plugin('nothing.mjs', 'export const x = 1;');
    const base = ['convert', 'm/model.json', '--backend', 'sheet', '--out', 'never'];
    expectUsageError(
      cli([...base, '--plugin', './nope.mjs']),
      `${join(work, 'nope.mjs')}: cannot load plugin: no such file`,
    );
    expectUsageError(
      cli([...base, '--plugin', 'no-such-sparsepixels-plugin']),
      "no-such-sparsepixels-plugin: cannot load plugin: package 'no-such-sparsepixels-plugin' is not installed here",
    );
    expectUsageError(
      cli([...base, '--plugin', './throws.mjs']),
      './throws.mjs: plugin failed to load: plugin bug',
    );
    expectUsageError(
      cli([...base, '--plugin', './bad-name.mjs']),
      /bad-name.mjs: plugin failed: backend name "Bad Name" must be lower-case letters/,
    );
    expectUsageError(
      cli([...base, '--plugin', './nothing.mjs']),
      './nothing.mjs: the plugin registered no backend',
    );
    expectUsageError(
      cli(base),
      "unknown backend 'sheet'; choose one of vivado, vitis, rtl (load an outside backend with --plugin <package-or-path>)",
    );
    expect(existsSync(join(work, 'never'))).toBe(false);
  });
});

describe('progress bars for convert and csim on a terminal', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)(
    'draw under script(1), and never under --json',
    () => {
      const tty = (args: string) =>
        spawnSync('script', ['-qec', `"${process.execPath}" "${bin}" ${args}`, '/dev/null'], {
          cwd: work,
          encoding: 'utf8',
        });
      const c = tty('convert m/model.json --backend vivado --out tty-prj --tb nu.npz');
      expect(c.status, c.stdout).toBe(0);
      expect(c.stdout).toMatch(/writing the test bench \[=+\s*\] 100% \| 400\/400/);
      const s = tty('csim tty-prj');
      expect(s.status, s.stdout).toBe(0);
      expect(s.stdout).toMatch(/C simulation \[=+\s*\] 100% \| 200\/200/);
      const j = tty('csim tty-prj --json');
      expect(j.stdout).not.toContain('C simulation [');
    },
    240_000,
  );
});
