import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDigits } from '../src/data/digits';
import { readNpz } from '../src/io/npz';
import { buildCliForTest } from './build-cli';
import { subprocessCli } from './cli-runner';

/** Byte equality of typed arrays (fast, unlike a deep toEqual over ~10^5 elements). */
const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

// Runs the real bin file (bin/sparsepixels.js -> dist/main.js) as a subprocess, as users run it.
let bin = '';
let root = '';
let work = '';

beforeAll(async () => {
  ({ bin, dir: root } = await buildCliForTest(`e2e-${process.pid}`));
  work = join(root, 'work');
  mkdirSync(work, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cli = subprocessCli(() => ({ bin, cwd: work }), { timeout: 60_000 });

describe('sparsepixels (subprocess)', () => {
  it('prints help with the command list and examples, exit 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: sparsepixels \[options\] \[command\]/);
    expect(r.stdout).toMatch(/^\s+generate \[options\] <dataset>/m);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(
      'Exit codes: 0 ok, 1 a check failed (e.g. a C-simulation mismatch), 2 bad usage or input, 3 internal error.',
    );
    const g = cli(['generate', '--help']);
    expect(g.code).toBe(0);
    expect(g.stdout).toContain('$ npx sparsepixels generate neutrino --count 2000 --seed 7 --out nu.npz');
    expect(g.stdout).toContain('--json');
    expect(cli(['help', 'generate']).stdout).toBe(g.stdout);
    expect(cli(['-V']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['genrate'], "sparsepixels: error: unknown command 'genrate'; did you mean 'generate'?"],
    [
      ['generate', 'digits', '-o', 'a.npz', '--cuont', '5'],
      "sparsepixels: error: unknown option '--cuont'; did you mean '--count'?",
    ],
    [['generate', 'digits'], "sparsepixels: error: required option '-o, --out <file.npz>' not specified"],
    [['generate', '-o', 'a.npz'], "sparsepixels: error: missing required argument 'dataset'"],
    [
      ['generate', 'digits', '-o', 'a.npz', '-n', 'ten'],
      "sparsepixels: error: option '-n, --count <n>' argument 'ten' is invalid. Use an integer 1..1000000.",
    ],
    [
      ['generate', 'digits', '-o', 'a.npz', '-s', '-3'],
      "sparsepixels: error: option '-s, --seed <seed>' argument '-3' is invalid. Use an integer >= 0.",
    ],
    [
      ['generate', 'digts', '-o', 'a.npz'],
      "sparsepixels: error: unknown dataset 'digts'; choose one of neutrino, jet, digits; did you mean 'digits'?",
    ],
    [
      ['generate', 'digits', '-o', 'a.csv'],
      "sparsepixels: error: --out must name an .npz file (x and y are written as two arrays), got 'a.csv'",
    ],
    [
      ['generate', 'digits', 'jet', '-o', 'a.npz'],
      "sparsepixels: error: too many arguments for 'generate'. Expected 1 argument but got 2.",
    ],
    [[], "sparsepixels: error: no command given; run 'npx sparsepixels --help' to list the commands"],
  ])('bad usage %j -> one line, exit 2, nothing written', (args, line) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(line);
    if (args.length > 0) expect(r.stderr).toBe(`${line}\n`);
    expect(readdirSync(work)).toEqual([]);
  });

  it('writes an .npz that holds exactly the generated dataset, and prints occupancy', () => {
    const r = cli(['generate', 'digits', '--count', '60', '--seed', '3', '--out', 'd.npz']);
    expect(r.stderr).toBe(''); // no progress bar without a terminal
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('generated 60 digits events (seed 3) -> d.npz');
    expect(r.stdout).toMatch(/active pixels per event \(value > 0\.4\): mean \d+\.\d, median/);
    expect(r.stdout).toMatch(
      /events with more than N active pixels: N=8 [\d.]+ %, N=12 [\d.]+ %, N=16 [\d.]+ %, N=20 [\d.]+ %/,
    );
    const { x, y, ...rest } = readNpz(join(work, 'd.npz'));
    expect(rest).toEqual({});
    const want = generateDigits({ count: 60, seed: 3 });
    expect([x?.dtype, x?.shape, y?.dtype, y?.shape]).toEqual(['float32', [60, 48, 48, 1], 'int32', [60]]);
    expect(sameBytes(x!.data, want.x)).toBe(true);
    expect(sameBytes(y!.data, want.y)).toBe(true);
    expect(readdirSync(work)).toEqual(['d.npz']); // no temporary file left behind
  });

  it('gives the same bytes for the same seed, refuses to overwrite without --force', () => {
    const first = readFileSync(join(work, 'd.npz'));
    const again = cli(['generate', 'digits', '-n', '60', '-s', '3', '-o', 'd.npz']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `sparsepixels: error: ${join(work, 'd.npz')}: the file already exists; pass --force to overwrite it\n`,
    );
    expect(cli(['generate', 'digits', '-n', '60', '-s', '3', '-o', 'd.npz', '--force']).code).toBe(0);
    expect(readFileSync(join(work, 'd.npz')).equals(first)).toBe(true);
    expect(cli(['generate', 'digits', '-n', '60', '-s', '4', '-o', 'd.npz', '-f']).code).toBe(0);
    expect(readFileSync(join(work, 'd.npz')).equals(first)).toBe(false);
  });

  it('--json prints only the JSON report; --one-hot writes float32 one-hot labels', () => {
    const r = cli(['generate', 'neutrino', '-n', '20', '-o', 'nu.npz', '--json', '--one-hot']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      command: 'generate',
      exitCode: 0,
      ok: true,
      input: null,
      out: join(work, 'nu.npz'),
      events: 20,
      warnings: [],
      dataset: 'neutrino',
      seed: 1,
      arrays: { x: { dtype: 'float32', shape: [20, 63, 63, 1] }, y: { dtype: 'float32', shape: [20, 2] } },
      classes: [
        { label: 0, name: 'cosmic', count: 10 },
        { label: 1, name: 'neutrino', count: 10 },
      ],
    });
    expect(Object.keys(report.occupancy.fractionAbove)).toEqual(['8', '12', '16', '20']);
    const y = readNpz(join(work, 'nu.npz')).y!;
    const rows = Array.from({ length: 20 }, (_, i) => [
      ...(y.data as Float32Array).subarray(2 * i, 2 * i + 2),
    ]);
    expect(rows.every((row) => row.sort().join() === '0,1')).toBe(true);
  });

  it('fails cleanly on an unwritable path and shows a stack only with SPARSEPIXELS_DEBUG=1', () => {
    const r = cli(['generate', 'jet', '-n', '5', '-o', 'missing-dir/j.npz']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `sparsepixels: error: ${join(work, 'missing-dir/j.npz')}: cannot write the file: directory '${join(work, 'missing-dir')}' does not exist\n`,
    );
    expect(existsSync(join(work, 'missing-dir'))).toBe(false);
    const debug = cli(['generate', 'jet', '-n', '5', '-o', 'missing-dir/j.npz'], { SPARSEPIXELS_DEBUG: '1' });
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toBe(r.stderr.trimEnd());
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('draws a progress bar on a terminal (run under script(1) for a pty)', () => {
    const r = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${bin}" generate digits -n 600 -o tty.npz`, '/dev/null'],
      { cwd: work, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/generating digits \[=+\s*\] 100% \| 600\/600/);
    expect(r.stdout).toContain('generated 600 digits events');
  });

  it('--json reports errors as JSON too (stdout), beside the one line on stderr', () => {
    const r = cli(['generate', 'digits', '-o', 'a.csv', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "sparsepixels: error: --out must name an .npz file (x and y are written as two arrays), got 'a.csv'\n",
    );
    expect(JSON.parse(r.stdout)).toEqual({
      command: 'generate',
      exitCode: 2,
      ok: false,
      seconds: expect.any(Number),
      input: null,
      out: null,
      events: null,
      timings: {},
      warnings: [],
      error: {
        code: 'SP_CLI_USAGE',
        message: "--out must name an .npz file (x and y are written as two arrays), got 'a.csv'",
        where: null,
      },
    });
    const usage = cli(['generate', 'digits', '-o', 'a.npz', '--cuont', '5', '--json']);
    expect(JSON.parse(usage.stdout)).toMatchObject({
      command: 'generate',
      exitCode: 2,
      error: { code: 'SP_CLI_USAGE', message: "unknown option '--cuont'; did you mean '--count'?" },
    });
    const file = cli(['generate', 'jet', '-n', '5', '-o', 'missing-dir/j.npz', '--json']);
    expect(JSON.parse(file.stdout).error).toEqual({
      code: 'SP_FILE_WRITE',
      message: `cannot write the file: directory '${join(work, 'missing-dir')}' does not exist`,
      where: join(work, 'missing-dir/j.npz'),
    });
  });
});
