import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildH5 } from '@sparsepixels/import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvents } from '../model/read-events';
import { h5Slices, openH5Datasets, prepareH5Inputs } from './h5-data';

// 7 events of 3x4x1 and int32 labels; values are their own flat index so a misplaced slice shows.
const COUNT = 7;
const SIZE = 12;
const x = Float32Array.from({ length: COUNT * SIZE }, (_, i) => i / 4);
const y = Int32Array.from({ length: COUNT }, (_, i) => i % 2);
let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sp-h5-data-'));
  file = join(dir, 'events.h5');
  writeFileSync(
    file,
    await buildH5((w) => {
      w.dataset('/images', x, [COUNT, 3, 4]);
      w.dataset('/y', y, [COUNT]);
    }),
  );
  await prepareH5Inputs([file]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HDF5 event files are read by slices', () => {
  it('every element range, across row boundaries, equals the same range of the whole dataset', () => {
    const { x: d } = openH5Datasets(file, { x: 'images' });
    const slices = h5Slices(d, file);
    expect(slices.shape).toEqual([COUNT, 3, 4]);
    for (const [start, n] of [[0, 84], [5, 7], [11, 2], [12, 12], [13, 30], [83, 1], [40, 0]] as const)
      expect(Array.from(slices.read(start, n))).toEqual(Array.from(x.subarray(start, start + n)));
    expect(() => slices.read(80, 5)).toThrow(/values 80..84 are outside dataset 'images' \(84 values\)/);
  });

  it('openEvents reads an .h5 like the other formats: counts, slices and the labels', () => {
    const ev = openEvents(file, [3, 4, 1], { x: 'images' });
    expect(ev.count).toBe(COUNT);
    expect(Array.from(ev.events.read(2, 3))).toEqual(Array.from(x.subarray(2 * SIZE, 5 * SIZE)));
    expect(Array.from(ev.y!.data as Float64Array)).toEqual(Array.from(y));
  });

  it('names a missing dataset and lists the ones there are', () => {
    expect(() => openH5Datasets(file, { x: 'x' })).toThrow("no dataset 'x' in the file (datasets at the top: images, y)");
    expect(() => openH5Datasets(file, { x: 'images', y: 'labels' })).toThrow("no dataset 'labels'");
  });
});
