import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildH5 } from '@sparsepixels/import';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInTempDir } from '../cli/run-cli.test-util';
import { writeNpy } from '../io/npy';
import { readNpz, writeNpz } from '../io/npz';

const { dir, run } = cliInTempDir('sp-pre-');


/** 1500 events (more than one read of 1024) of 6 x 6, event e has value e + r*6 + c + 1 at (r, c) when r == c, else 0. */
const EVENTS = 1500;
function diagonal(e: number): number[] {
  return Array.from({ length: 36 }, (_, i) => (Math.floor(i / 6) === i % 6 ? e + i + 1 : 0));
}

beforeAll(async () => {
  const x = new Float32Array(EVENTS * 36);
  for (let e = 0; e < EVENTS; e++) x.set(diagonal(e), e * 36);
  const y = Int32Array.from({ length: EVENTS }, (_, e) => e % 5);
  writeFileSync(join(dir, 'events.h5'), await buildH5((w) => {
    w.dataset('/images', x, [EVENTS, 6, 6]);
    w.dataset('/labels', y, [EVENTS]);
  }));
  // a neutrino-like window: 8 x 16, one 4 x 8 block summing to 699 (cut) and one to 1600 (kept)
  const win = new Float32Array(8 * 16);
  win[0] = 699;
  win[4 * 16 + 8] = 1000;
  win[7 * 16 + 15] = 600;
  writeNpy(join(dir, 'window.npy'), { dtype: 'float32', shape: [1, 8, 16], data: win });
});

describe('preprocess command', () => {
  it('runs the steps in command-line order on every event of an .h5 read in slices, with its labels', async () => {
    const r = await run(['preprocess', 'events.h5', '--x-key', 'images', '--y-key', 'labels', '--crop', '1:5,1:5', '--threshold', '3000', '--scale', '1/2', '--downsample', '2:max', '-o', 'a.npz']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { x, y } = readNpz(join(dir, 'a.npz'));
    expect(x!.shape).toEqual([EVENTS, 2, 2, 1]);
    expect(y).toEqual({ dtype: 'int32', shape: [EVENTS], data: Int32Array.from({ length: EVENTS }, (_, e) => e % 5) });
    // event e after the crop: diagonal (1,1),(2,2),(3,3),(4,4) of the 6 x 6 = e + 8, e + 15, e + 22, e + 29;
    // <= 3000 zeroed, halved, then 2 x 2 max: [(e+8)/2 or 0 at top-left block ... ]
    for (const e of [0, 1023, 1024, 1499]) {
      const keep = (v: number) => (v <= 3000 ? 0 : v / 2);
      expect(Array.from(x!.data.subarray(e * 4, e * 4 + 4) as Float32Array)).toEqual([Math.max(keep(e + 8), keep(e + 15)), 0, 0, Math.max(keep(e + 22), keep(e + 29))]);
    }
    expect(r.stdout).toContain('--crop 1:5,1:5 -> --threshold 3000 -> --scale 1/2 -> --downsample 2:max');
  });

  it('the order matters: scale then threshold is not threshold then scale', async () => {
    // event 1400: diagonal values 1401, 1408, ..., 1436
    const nonZero = async (args: string[], out: string) => {
      expect((await run(['preprocess', 'events.h5', '--x-key', 'images', '--start', '1400', '--count', '1', ...args, '-o', out])).code).toBe(0);
      return Array.from(readNpz(join(dir, out)).x!.data as Float64Array).filter((v) => v !== 0);
    };
    expect(await nonZero(['--scale', '1/2', '--threshold', '710', '--dtype', 'float64'], 'b1.npz')).toEqual([711, 714.5, 718]);
    expect(await nonZero(['--threshold', '710', '--scale', '1/2', '--dtype', 'float64'], 'b2.npz')).toEqual([700.5, 704, 707.5, 711, 714.5, 718]);
  });

  it('expresses the neutrino preprocessing (4 x 8 sums, < 700 zeroed, crop, / 3200), hand-computed', async () => {
    const r = await run(['preprocess', 'window.npy', '--downsample', '4x8', '--min-value', '700', '--crop', ':2,:2', '--scale', '1/3200', '-o', 'nu.npz', '--json']);
    expect(r.code).toBe(0);
    const x = readNpz(join(dir, 'nu.npz')).x!;
    expect(x.shape).toEqual([1, 2, 2, 1]);
    // blocks: (0,0) = 699 -> cut; (1,1) = 1000 + 600 = 1600 -> 0.5
    expect(Array.from(x.data as Float32Array)).toEqual([0, 0, 0, 0.5]);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ command: 'preprocess', steps: ['--downsample 4x8', '--min-value 700', '--crop :2,:2', '--scale 1/3200'], arrays: { x: { dtype: 'float32', shape: [1, 2, 2, 1] } } });
    expect(j.occupancy.mean).toBe(1);
  });

  it('reads an .npz (array named by --x-key, labels y) whole', async () => {
    writeNpz(join(dir, 'd.npz'), {
      images: { dtype: 'uint8', shape: [2, 2, 3], data: Uint8Array.from([0, 255, 51, 0, 0, 102, 255, 0, 0, 0, 0, 0]) },
      y: { dtype: 'int32', shape: [2], data: Int32Array.from([7, 3]) },
    });
    const r = await run(['preprocess', 'd.npz', '--x-key', 'images', '--scale', '1/255', '--min-value', '0.4', '-o', 'd2.npz']);
    expect(r.code).toBe(0);
    const d = readNpz(join(dir, 'd2.npz'));
    expect(Array.from(d.x!.data as Float32Array)).toEqual([0, 1, 0, 0, 0, 0.4000000059604645, 1, 0, 0, 0, 0, 0]); // 102/255 = 0.4 as float32
    expect(d.y).toEqual({ dtype: 'int32', shape: [2], data: Int32Array.from([7, 3]) });
    const miss = await run(['preprocess', 'd.npz', '-o', 'd3.npz']);
    expect(miss.stderr).toMatch(/no array 'x' in the \.npz \(arrays: images, y\); name it with --x-key/);
  });

  const refusals: [string, string[], RegExp][] = [
    ['a non-.npz output', ['window.npy', '-o', 'x.npy'], /--out must name an \.npz file/],
    ['a crop outside the image', ['window.npy', '--crop', '9:10,0:2', '-o', 'c.npz'], /--crop: 9:10,0:2 leaves nothing of a 8 x 16 image/],
    ['too many events', ['window.npy', '--start', '1', '-o', 'c.npz'], /--start 1 --count 0 selects no events or more than the 1 of 'x'/],
    ['a missing dataset', ['events.h5', '-o', 'c.npz'], /no dataset 'x' in the file \(datasets at the top: images, labels\)/],
    ['an unknown mode', ['window.npy', '--downsample', '2:median', '-o', 'c.npz'], /mode 'median' is not sum, max or avg/],
  ];
  for (const [what, args, re] of refusals)
    it(`refuses ${what} with one line and exit 2, writing nothing`, async () => {
      const r = await run(['preprocess', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, 'c.npz'))).toBe(false);
    });
});
