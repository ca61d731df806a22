import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInTempDir, sameBytes } from '../cli/run-cli.test-util';
import { oneHot } from '../data/dataset';
import { generateJet } from '../data/jet';
import { generateNeutrino } from '../data/neutrino';
import { encodeNpz, readNpz } from '../io/npz';


const { dir, run } = cliInTempDir('sp-gen-');


describe('generate command', () => {
  it('writes x/y for the named dataset and reports the same statistics in text and JSON', async () => {
    const text = await run(['generate', 'jet', '-n', '25', '-s', '9', '-o', 'j.npz']);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'generated 25 jet events (seed 9) -> j.npz',
      '  x: float32 (25, 56, 56, 1)   y: int32 (25,)',
      '  classes: 0=g (5), 1=q (5), 2=W (5), 3=Z (5), 4=t (5)',
    ]);
    const arrays = readNpz(join(dir, 'j.npz'));
    expect(sameBytes(arrays.x!.data, generateJet({ count: 25, seed: 9 }).x)).toBe(true);
    const json = await run(['generate', 'jet', '-n', '25', '-s', '9', '-o', 'j.npz', '--force', '--json']);
    const report = JSON.parse(json.stdout);
    expect(lines[3]).toContain(`mean ${report.occupancy.mean.toFixed(1)}, median ${report.occupancy.median}`);
    expect(report.out).toBe(join(dir, 'j.npz'));
  });

  it('streams the file: byte-identical to the dataset encoded in memory, with one-hot labels too', async () => {
    const r = await run(['generate', 'neutrino', '-n', '700', '-s', '3', '-o', 'nu.npz', '--one-hot']);
    expect(r.code, r.stderr).toBe(0);
    const d = generateNeutrino({ count: 700, seed: 3 }); // 700 events: three chunks of the writer
    const expected = encodeNpz({
      x: { dtype: 'float32', shape: d.shape, data: d.x },
      y: { dtype: 'float32', shape: [700, 2], data: oneHot(d.y, 2) },
    });
    expect(readFileSync(join(dir, 'nu.npz')).equals(Buffer.from(expected))).toBe(true);
  });

  it('takes up to 1,000,000 events (written as they are drawn) and refuses more before any work', async () => {
    const r = await run(['generate', 'neutrino', '-n', '1000001', '-o', 'big.npz']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "sparsepixels: error: option '-n, --count <n>' argument '1000001' is invalid. Use an integer 1..1000000.\n",
    );
    expect(existsSync(join(dir, 'big.npz'))).toBe(false);
  });
});
