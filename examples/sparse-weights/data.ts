import { createRng } from '@sparsepixels/ir/testing';

/**
 * A small seeded 2-class dataset of sparse 16x16 images, generated here (nothing is downloaded):
 * class 0 "track", a straight line of 5 to 9 hits at a random angle; class 1 "blob", 9 to 14 hits
 * packed around a centre (most within one pixel of it, so neighbours are many). Both get 0 to 2 faint noise hits. Values lie in (0.2, 1]; everything
 * else is 0, so about 4 % of the pixels are active.
 */
export const SIZE = 16;

export interface Dataset {
  /** count * 16 * 16 values, event-major, (h, w) order, one channel. */
  readonly x: Float32Array;
  readonly y: Int32Array;
}

export function generate(count: number, seed: number): Dataset {
  // the test helpers' seeded generator (mulberry32), reproducible across platforms
  const rng = createRng(seed);
  const r = rng.next;
  const int = rng.int;
  const x = new Float32Array(count * SIZE * SIZE);
  const y = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    const img = x.subarray(e * SIZE * SIZE, (e + 1) * SIZE * SIZE);
    const put = (h: number, w: number, v: number) => {
      if (h >= 0 && h < SIZE && w >= 0 && w < SIZE) img[h * SIZE + w] = Math.max(img[h * SIZE + w]!, v);
    };
    const label = (y[e] = e % 2 === 0 ? int(0, 1) : 1 - y[e - 1]!);
    if (label === 0) {
      const angle = r() * Math.PI;
      const [h0, w0] = [int(3, 12), int(3, 12)];
      const len = int(5, 9);
      for (let k = 0; k < len; k++) {
        const t = k - len / 2;
        put(Math.round(h0 + t * Math.sin(angle)), Math.round(w0 + t * Math.cos(angle)), 0.3 + 0.7 * r());
      }
    } else {
      const [h0, w0] = [int(2, 13), int(2, 13)];
      const hits = int(9, 14);
      for (let k = 0; k < hits; k++)
        put(
          h0 + int(-1, 1) + (r() < 0.3 ? int(-1, 1) : 0),
          w0 + int(-1, 1) + (r() < 0.3 ? int(-1, 1) : 0),
          0.3 + 0.7 * r(),
        );
    }
    for (let k = int(0, 2); k > 0; k--) put(int(0, SIZE - 1), int(0, SIZE - 1), 0.2 + 0.2 * r());
  }
  return { x, y };
}
