import { describe, expect, it } from 'vitest';
import { PREPROCESS_STEPS, type Image } from './image-steps';

const step = (flag: string, value: string) => PREPROCESS_STEPS.find((s) => s.flag === flag)!.parse(value);
const img = (h: number, w: number, values: number[], c = 1): Image => ({ h, w, c, data: Float64Array.from(values) });
const apply = (flag: string, value: string, i: Image) => {
  const s = step(flag, value);
  const out = s.apply(i);
  expect(s.shape(i.h, i.w, i.c)).toEqual([out.h, out.w, out.c]);
  return { ...out, data: Array.from(out.data) };
};

// a 4 x 4 image with values 1..16 in raster order
const ramp = img(4, 4, Array.from({ length: 16 }, (_, i) => i + 1));

describe('preprocess steps (hand-computed)', () => {
  it('crop keeps Python slices of rows and columns', () => {
    expect(apply('crop', '1:3,2:4', ramp)).toEqual({ h: 2, w: 2, c: 1, data: [7, 8, 11, 12] });
    expect(apply('crop', ':2,-1:', ramp).data).toEqual([4, 8]);
    expect(() => step('crop', '3:1,0:4').apply(ramp)).toThrow(/^--crop: 3:1,0:4 leaves nothing of a 4 x 4 image$/);
    expect(() => step('crop', '1:3')).toThrow(/'1:3' is not rows,columns/);
  });

  it('pad centres the image (floor before, the rest after)', () => {
    const out = apply('pad', '5x4', img(2, 2, [1, 2, 3, 4]));
    expect(out).toEqual({ h: 5, w: 4, c: 1, data: [0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(() => step('pad', '1x1').apply(ramp)).toThrow(/1x1 is smaller than the 4 x 4 image/);
  });

  it('downsample sums, maxes or averages blocks, dropping what does not fill a block', () => {
    expect(apply('downsample', '2', ramp).data).toEqual([1 + 2 + 5 + 6, 3 + 4 + 7 + 8, 9 + 10 + 13 + 14, 11 + 12 + 15 + 16]);
    expect(apply('downsample', '2x4:max', ramp).data).toEqual([8, 16]);
    expect(apply('downsample', '3:avg', ramp)).toEqual({ h: 1, w: 1, c: 1, data: [(1 + 2 + 3 + 5 + 6 + 7 + 9 + 10 + 11) / 9] });
    // channels are pooled separately
    expect(apply('downsample', '1x2', img(1, 2, [1, 10, 2, 20], 2)).data).toEqual([3, 30]);
    expect(() => step('downsample', '2:mean')).toThrow(/mode 'mean' is not sum, max or avg/);
  });

  it('scale multiplies, or multiplies then divides (x / 1200 exactly as numpy)', () => {
    expect(apply('scale', '0.5', img(1, 2, [3, -1])).data).toEqual([1.5, -0.5]);
    expect(apply('scale', '1/1200', img(1, 2, [7, 1199])).data).toEqual([7 / 1200, 1199 / 1200]);
    expect(() => step('scale', '1/0')).toThrow(/division by zero/);
  });

  it('normalize max divides by the image maximum; all-zero images stay zero', () => {
    expect(apply('normalize', 'max', img(1, 3, [0, 2, 8])).data).toEqual([0, 0.25, 1]);
    expect(apply('normalize', 'max', img(1, 2, [0, 0])).data).toEqual([0, 0]);
  });

  it('clip caps; threshold zeroes <= t; min-value zeroes < t', () => {
    expect(apply('clip', '1', img(1, 3, [0.5, 1, 7])).data).toEqual([0.5, 1, 1]);
    expect(apply('threshold', '0.003', img(1, 3, [0.003, 0.0031, 0.002])).data).toEqual([0, 0.0031, 0]);
    expect(apply('min-value', '0.4', img(1, 3, [0.4, 0.39, 1])).data).toEqual([0.4, 0, 1]);
  });

  it('inflate spreads non-zero pixels about the centre (ties to even), later pixels overwrite', () => {
    // 5 x 5, centre 2, factor 2: (1,1) -> (0,0); (2,3) -> (2,4); (0,3) -> (-2 clipped to 0, 4); (1,3) -> (0,4) too
    const i = img(5, 5, new Array(25).fill(0));
    i.data[1 * 5 + 1] = 1;
    i.data[2 * 5 + 3] = 2;
    i.data[0 * 5 + 3] = 3;
    i.data[1 * 5 + 3] = 4;
    const out = apply('inflate', '2', i);
    expect(out.data[0]).toBe(1);
    expect(out.data[2 * 5 + 4]).toBe(2);
    expect(out.data[0 * 5 + 4]).toBe(4); // (0,3) and (1,3) both land on (0,4); (1,3) comes later
    expect(out.data.filter((v) => v !== 0)).toHaveLength(3);
    expect(() => step('inflate', '2').shape(5, 5, 2)).toThrow(/needs one channel, the images have 2/);
  });
});
