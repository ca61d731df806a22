// The README's example (example/quick-start.ts, shown verbatim in README.md) runs and gives the
// convolution of the textbook formula.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { quickStart } from '../example/quick-start';
import { fromDense } from './dense';
import { naiveDenseConvolve } from './naive-dense';

it('the README example runs and matches the dense formula in both modes', () => {
  const { same, full } = quickStart();
  // prettier-ignore
  const x = fromDense(Float64Array.from([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0]), { height: 4, width: 5 });
  const kernel = { height: 3, width: 3, data: [1, 2, 1, 0, 0, 0, -1, -2, -1] };
  const dense = (mode: 'same' | 'full', h: number, w: number): number[] => {
    const o = naiveDenseConvolve(x, kernel, mode);
    const d = new Array<number>(2 * h * w).fill(0);
    for (let i = 0; i < 2; i++)
      for (let p = o.indptr[i]!; p < o.indptr[i + 1]!; p++) d[i * h * w + o.indices[p]!] = o.data[p]!;
    return d;
  };
  expect(Array.from(same)).toEqual(dense('same', 4, 5));
  expect(Array.from(full)).toEqual(dense('full', 6, 7));
  expect(same[1 * 5 + 1]).toBe(0); // the pixel itself: middle kernel row is zero
  expect(same[0 * 5 + 1]).toBe(2); // row above the 1: k[0][1] = 2 (true convolution: kernel flipped)
  expect(same[2 * 5 + 1]).toBe(-2); // row below: k[2][1] = -2
});

it('README.md shows the example file verbatim', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('../example/quick-start.ts', import.meta.url), 'utf8');
  expect(readme).toContain(example.trim());
});
