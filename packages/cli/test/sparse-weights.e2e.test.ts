import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliForTest } from './build-cli';
import { expectUsageError, subprocessCli } from './cli-runner';

// train --prune, export-weights, zero-skip and prune-sweep as users run them (the bin in a subprocess).
let bin = '';
let root = '';
let work = '';

const cli = subprocessCli(() => ({ bin, cwd: work }), { timeout: 300_000 });

/** The small training both train --prune and prune-sweep run: 80 digits events, sparse-t, then the epochs. */
const SMALL_TRAINING = ['--dataset', 'digits', '--model', 'sparse-t', '--events', '80', '--epochs'];

let trained = { code: 0 as number | null, stdout: '', stderr: '' };

beforeAll(async () => {
  ({ bin, dir: root } = await buildCliForTest(`sw-${process.pid}`));
  work = join(root, 'work');
  mkdirSync(work, { recursive: true });
  trained = cli([
    'train',
    ...SMALL_TRAINING,
    '3',
    '--prune',
    '0.7',
    '--prune-schedule',
    'polynomial:1,2',
    '--out',
    'pruned',
    '--json',
  ]);
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('train --prune', () => {
  it('reaches the sparsity exactly and the IR has the pruned weights as zeros', () => {
    expect(trained.code, trained.stderr).toBe(0);
    const r = JSON.parse(trained.stdout);
    expect(r.prune.masked).toBe(Math.round(0.7 * r.prune.count));
    expect(r.prune.schedule).toEqual({ kind: 'polynomial', beginEpoch: 1, endEpoch: 2 });
    expect(r.epochs.map((e: { sparsity: number }) => Math.round(e.sparsity * r.prune.count))).toEqual([
      0,
      r.prune.masked,
      r.prune.masked,
    ]);
    const ir = JSON.parse(readFileSync(join(work, 'pruned/model.json'), 'utf8'));
    const kernels = ir.layers.filter((l: { weights?: { kernel?: unknown } }) => l.weights?.kernel);
    const zeros = kernels.reduce(
      (a: number, l: { weights: { kernel: { values: number[] } } }) =>
        a + l.weights.kernel.values.filter((v) => v === 0).length,
      0,
    );
    expect(zeros).toBe(r.prune.zeros);
    expect(zeros).toBeGreaterThanOrEqual(r.prune.masked);
  });

  it('refuses pruning options that would be ignored or cannot be met, in one line', () => {
    expectUsageError(
      cli(['train', '--dataset', 'digits', '--prune-schedule', 'one-shot', '--out', 'x']),
      '--prune-schedule needs --prune <sparsity>',
    );
    expectUsageError(
      cli(['train', '--dataset', 'digits', '--prune', '1', '--out', 'x']),
      "option '--prune <sparsity>' argument '1' is invalid",
    );
    expectUsageError(
      cli([
        'train',
        '--dataset',
        'digits',
        '--prune',
        '0.5',
        '--epochs',
        '3',
        '--prune-schedule',
        'polynomial:1,5',
        '--out',
        'x',
      ]),
      '--prune-schedule polynomial:1,5: end epoch 5 is not allowed; expected an integer 1..3 (with --epochs 3)',
    );
    expectUsageError(
      cli(['train', '--dataset', 'digits', '--prune', '0.5', '--prune-schedule', 'cubic', '--out', 'x']),
      '"cubic" is not a schedule; use one-shot[:epoch] or polynomial[:begin,end[,frequency]]',
    );
    expectUsageError(
      cli(['train', '--dataset', 'digits', '--prune', '0.5', '--prune-scope', 'model', '--out', 'x']),
      "--prune-scope 'model' is not allowed; use global or layer",
    );
    expect(existsSync(join(work, 'x'))).toBe(false);
  });
});

describe('inspect and report show the MACs per event', () => {
  it('counts what the zero-skip engine performs, in text and --json, beside the existing report fields', () => {
    const ev = ['--events', '40', '--seed', '3'];
    const ins = cli(['inspect', 'pruned/model.json', ...ev, '--json']);
    expect(ins.code, ins.stderr).toBe(0);
    const macs = JSON.parse(ins.stdout).macs;
    expect(macs.events).toBe(40);
    const ops = macs.layers.map((l: { op: string }) => l.op);
    expect(new Set(ops)).toEqual(new Set(['SparseConv2D', 'Dense'])); // every MAC layer of sparse-t, no other
    // 70 % of the weights are zero: the zero-skip count is well below the input-sparse one
    expect(macs.total.inputAndWeightSparse).toBeLessThan(0.6 * macs.total.inputSparse);
    expect(macs.total.inputSparse).toBeLessThanOrEqual(macs.total.dense);
    // the same events through the zero-skip simulation (which skips for real) give the same means
    const zs = JSON.parse(cli(['zero-skip', 'pruned/model.json', ...ev, '--json']).stdout);
    expect(
      zs.layers.map((l: { name: string; macs: unknown }) => ({ name: l.name, ...(l.macs as object) })),
    ).toEqual(macs.layers.map(({ op: _op, ...l }: { op: string }) => l));
    const rep = cli(['report', 'pruned/model.json', ...ev, '--json']);
    expect(rep.code, rep.stderr).toBe(0);
    const r = JSON.parse(rep.stdout);
    expect(r.macs).toEqual(macs);
    for (const k of ['estimate', 'layers', 'device', 'source']) expect(r).toHaveProperty(k);
    expect(r.estimate).toHaveProperty('latencyCycles');
    const text = cli(['report', 'pruned/model.json', ...ev]).stdout;
    expect(text).toContain('MACs per event (mean of 40 events, generated (seed 3))');
    expect(cli(['inspect', 'pruned/model.json', ...ev]).stdout).toMatch(/^total\s+\S+\s+\S+\s+\S+/m);
  });
});

describe('export-weights and zero-skip', () => {
  it('writes the compressed store, reads it back, and zero-skip on it is bit-exact', () => {
    const e = cli([
      'export-weights',
      'pruned/model.json',
      '--format',
      'compressed',
      '--out',
      'store',
      '--json',
    ]);
    expect(e.code, e.stderr).toBe(0);
    const r = JSON.parse(e.stdout);
    expect(r.readBack).toBe(true);
    expect(readdirSync(join(work, 'store')).sort()).toEqual(
      [...r.layers.map((l: { layer: string }) => l.layer), 'weights_manifest.json', '.sparsepixels-output.json'].sort(),
    );
    // --force replaces the store sparsepixels wrote, but never a folder holding a file it did not write
    const args = ['export-weights', 'pruned/model.json', '--format', 'compressed', '--out', 'store', '--force'];
    expect(cli(args).code).toBe(0);
    writeFileSync(join(work, 'store', 'notes.txt'), 'mine');
    const refused = cli(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/notes\.txt/);
    expect(readFileSync(join(work, 'store', 'notes.txt'), 'utf8')).toBe('mine');
    rmSync(join(work, 'store', 'notes.txt'));
    expect(readdirSync(join(work, 'store', r.layers[0].layer))).toContain('weights_entries.hex');
    const z = cli([
      'zero-skip',
      'pruned/model.json',
      '--store',
      'store',
      '--events',
      '40',
      '--macs-per-cycle',
      '2',
      '--clock',
      '4',
    ]);
    expect(z.code, z.stderr).toBe(0);
    expect(z.stdout).toContain(
      'every output of the dense and the zero-skip runs equals the interpreter, bit for bit',
    );
    expect(z.stdout).toMatch(/at 2 MAC\/cycle and 4 ns: [\d.]+ cycles/);
    const j = JSON.parse(
      cli(['zero-skip', 'pruned/model.json', '--layer', r.layers[0].layer, '--events', '20', '--json'])
        .stdout,
    );
    expect(j.layers).toHaveLength(1);
    expect(j.bitExact).toBe(true);
    expect(j.layers[0].macs.inputAndWeightSparse).toBeLessThanOrEqual(j.layers[0].macs.inputSparse);
  });

  it('exits 1 when a store file does not hold the model weights; refuses bad input in one line', () => {
    // a store whose values were changed on disk (every stored weight of every layer: still non-zero
    // and in range, so the files are consistent, but they no longer hold the model's weights)
    spawnSync('cp', ['-r', join(work, 'store'), join(work, 'bad')]);
    for (const layer of readdirSync(join(work, 'bad')).filter((f) => !f.endsWith('.json'))) {
      const file = join(work, 'bad', layer, 'weights_values.bin');
      writeFileSync(
        file,
        readFileSync(file).map((b) => (b === 1 ? 2 : 1)),
      );
    }
    const z = cli(['zero-skip', 'pruned/model.json', '--store', 'bad', '--events', '30']);
    expect(z.code, z.stderr).toBe(1);
    expect(z.stdout).toContain('MISMATCH');
    expectUsageError(
      cli(['export-weights', 'pruned/model.json', '--format', 'dense', '--out', 's2']),
      "--format 'dense' is not supported; use compressed",
    );
    expectUsageError(
      cli(['export-weights', 'pruned/model.json', '--out', 'store']),
      'the output folder is not empty; pass --force',
    );
    expectUsageError(
      cli(['export-weights', 'pruned/model.json', '--out', 's3', '--layer', 'nope']),
      'layer "nope" is not a Dense, Conv2D or SparseConv2D layer of the model',
    );
    expectUsageError(
      cli(['zero-skip', 'pruned/model.json', '--store', 'missing']),
      'cannot read the weight store: no such folder',
    );
    rmSync(join(work, 'bad/fc1/weights_indices.bin'));
    expectUsageError(
      cli(['zero-skip', 'pruned/model.json', '--store', 'bad']),
      'fc1/weights_indices.bin: is missing',
    );
    expect(existsSync(join(work, 's2')) || existsSync(join(work, 's3'))).toBe(false);
  });
});

describe('prune-sweep', () => {
  it('trains one model per ratio and prints accuracy, non-zero weights and MACs, with a plot', () => {
    const r = cli([
      'prune-sweep',
      ...SMALL_TRAINING,
      '2',
      '--ratios',
      '0,0.8',
      '--plot',
      'sweep.svg',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.rows.map((x: { ratio: number }) => x.ratio)).toEqual([0, 0.8]);
    const [a, b] = j.rows;
    expect(b.nonZero).toBeLessThanOrEqual(Math.round(0.2 * b.weights));
    expect(b.macs.inputAndWeightSparse).toBeLessThanOrEqual(a.macs.inputAndWeightSparse);
    expect(a.macs.dense).toBe(b.macs.dense);
    expect(a.estimate.latencyCycles).toBeGreaterThan(0);
    expect(b.estimate.lut).toBeLessThanOrEqual(a.estimate.lut); // fewer non-zero dense weights, fewer LUTs
    expect(j.rows.every((x: { zeroSkipBitExact: boolean }) => x.zeroSkipBitExact)).toBe(true);
    const svg = readFileSync(join(work, 'sweep.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('MACs per event');
    expectUsageError(
      cli(['prune-sweep', '--dataset', 'digits', '--ratios', '0,1.5']),
      '--ratios value 1.5 is not allowed',
    );
    expectUsageError(
      cli(['prune-sweep', '--dataset', 'digits', '--ratios', '0,0.5', '--plot', 'sweep.svg']),
      'the file already exists; pass --force',
    );
  });
});
