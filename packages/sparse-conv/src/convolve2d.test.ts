// Property tests against the naive dense convolution (naive-dense.ts) for random image shapes,
// kernels (odd, even, non-square, larger than the image, with zero taps), densities, batches,
// modes, methods and both dtypes. Every method sums each output pixel's terms over input pixels in
// row-major order, the order of the oracle, so the comparison is exact (bitwise values, exact
// pattern), in float64 and in float32 alike, including sums that cancel to zero (dropped).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConvolver, METHODS, type Method, type Mode, type SparseImages } from './index';
import { naiveDenseConvolve } from './naive-dense';

interface Case {
  height: number;
  width: number;
  kh: number;
  kw: number;
  kernel: number[];
  images: number[][];
  mode: Mode;
  method: Method | 'auto';
}

const caseArb = (value: fc.Arbitrary<number>, zeroRate: number): fc.Arbitrary<Case> =>
  fc
    .record({
      height: fc.integer({ min: 1, max: 9 }),
      width: fc.integer({ min: 1, max: 9 }),
      kh: fc.integer({ min: 1, max: 6 }),
      kw: fc.integer({ min: 1, max: 6 }),
      batch: fc.integer({ min: 1, max: 3 }),
      density: fc.double({ min: 0, max: 1, noNaN: true }),
      mode: fc.constantFrom<Mode>('full', 'same', 'valid'),
      method: fc.constantFrom<Method | 'auto'>(...METHODS, 'auto'),
      seed: fc.integer(),
    })
    .chain((c) =>
      fc.record({
        height: fc.constant(c.height),
        width: fc.constant(c.width),
        kh: fc.constant(c.kh),
        kw: fc.constant(c.kw),
        mode: fc.constant(c.mode),
        method: fc.constant(c.method),
        kernel: fc.array(
          zeroRate > 0
            ? fc.oneof({ weight: zeroRate, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: value })
            : value,
          {
            minLength: c.kh * c.kw,
            maxLength: c.kh * c.kw,
          },
        ),
        images: fc.array(
          fc
            .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), value), {
              minLength: c.height * c.width,
              maxLength: c.height * c.width,
            })
            .map((px) => px.map(([u, v]) => (u < c.density ? v : 0))),
          { minLength: c.batch, maxLength: c.batch },
        ),
      }),
    );

/** CSR of the dense images, non-zeros only, plus an explicit stored zero now and then. */
function toCsr(c: Case, f32: boolean): SparseImages {
  const indptr = [0];
  const indices: number[] = [];
  const data: number[] = [];
  c.images.forEach((img, i) => {
    img.forEach((v, p) => {
      if (v !== 0 || (p + i) % 17 === 3) {
        indices.push(p);
        data.push(v);
      }
    });
    indptr.push(indices.length);
  });
  return {
    nImages: c.images.length,
    height: c.height,
    width: c.width,
    indptr: Int32Array.from(indptr),
    indices: Int32Array.from(indices),
    data: f32 ? Float32Array.from(data) : Float64Array.from(data),
  };
}

function check(c: Case, f32: boolean): void {
  const x = toCsr(c, f32);
  const kernel = { height: c.kh, width: c.kw, data: c.kernel };
  if (c.mode === 'valid' && (c.kh > c.height || c.kw > c.width)) {
    expect(() => createConvolver(x, kernel, { mode: 'valid' })).toThrow(/mode "valid" needs the kernel/);
    return;
  }
  const conv = createConvolver(x, kernel, { mode: c.mode, dtype: f32 ? 'float32' : 'float64' });
  const got = conv.convolve(x, { method: c.method, threads: 1 });
  const want = naiveDenseConvolve(x, kernel, c.mode, f32);
  expect(got.data).toBeInstanceOf(f32 ? Float32Array : Float64Array);
  expect([got.nImages, got.height, got.width]).toEqual([want.nImages, want.height, want.width]);
  expect(Array.from(got.indptr)).toEqual(Array.from(want.indptr));
  expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
  expect(Array.from(got.data)).toEqual(Array.from(want.data));
}

const smallInt = fc.integer({ min: -3, max: 3 });
const real = fc
  .tuple(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.boolean())
  .map(([v, neg]) => (neg ? -v : v));

describe('convolve against the naive dense convolution', () => {
  it('small integers (exact sums, cancellations to zero dropped), float64, every mode and method', () => {
    fc.assert(
      fc.property(caseArb(smallInt, 1), (c) => check(c, false)),
      { numRuns: 400 },
    );
  });

  it('real values, float64: bitwise equal', () => {
    fc.assert(
      fc.property(caseArb(real, 0), (c) => check(c, false)),
      { numRuns: 400 },
    );
  });

  it('real values, float32 arithmetic (products and sums rounded to float32): bitwise equal', () => {
    fc.assert(
      fc.property(caseArb(real, 0), (c) => check(c, true)),
      { numRuns: 300 },
    );
  });
});

describe('large kernels', () => {
  // Kernel rows wider than 32 pixels (bitmap runs over several words) and kernels of more than 1024
  // taps (direct's scatter then loops over tables instead of one statement per tap).
  for (const [kh, kw] of [
    [3, 40],
    [33, 33],
  ] as const)
    it(`${kh}x${kw} kernel with zero taps, every mode and method, float64 and float32`, () => {
      let seed = kh * 1000 + kw;
      const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
      const kernel = Array.from({ length: kh * kw }, (_, i) => (i % 7 === 3 ? 0 : rnd()));
      const images = Array.from({ length: 2 }, () =>
        Array.from({ length: 40 * 45 }, () => (Math.abs(rnd()) < 0.02 ? rnd() : 0)),
      );
      for (const mode of ['full', 'same', 'valid'] as const)
        for (const method of [...METHODS, 'auto'] as const)
          for (const f32 of [false, true])
            check({ height: 40, width: 45, kh, kw, kernel, images, mode, method }, f32);
    });
});

describe('geometry and orientation', () => {
  it("'same' with an even kernel: a single 1 at (3, 3) of a 7x7 image spreads to rows and columns 2..5, out[3][3] = k[1][1]", () => {
    const k = Array.from({ length: 16 }, (_, i) => i + 1);
    const x: SparseImages = {
      nImages: 1,
      height: 7,
      width: 7,
      indptr: Int32Array.of(0, 1),
      indices: Int32Array.of(24),
      data: Float64Array.of(1),
    };
    const out = createConvolver(x, { height: 4, width: 4, data: k }).convolve(x);
    const rows = new Set(Array.from(out.indices, (p) => Math.floor(p / 7)));
    const cols = new Set(Array.from(out.indices, (p) => p % 7));
    expect([...rows].sort()).toEqual([2, 3, 4, 5]);
    expect([...cols].sort()).toEqual([2, 3, 4, 5]);
    expect(out.data[Array.from(out.indices).indexOf(3 * 7 + 3)]).toBe(k[1 * 4 + 1]);
  });

  it('true convolution (kernel flipped): an impulse reproduces the kernel in full mode', () => {
    const x: SparseImages = {
      nImages: 1,
      height: 1,
      width: 1,
      indptr: Int32Array.of(0, 1),
      indices: Int32Array.of(0),
      data: Float64Array.of(1),
    };
    const k = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const out = createConvolver(x, k, { mode: 'full' }).convolve(x);
    expect([out.height, out.width]).toEqual([2, 3]);
    expect(Array.from(out.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('output shapes of the three modes', () => {
    const conv = createConvolver(
      { height: 10, width: 7 },
      { height: 4, width: 3, data: new Array(12).fill(1) },
    );
    expect(conv.outputShape('full')).toEqual({ height: 13, width: 9 });
    expect(conv.outputShape('same')).toEqual({ height: 10, width: 7 });
    expect(conv.outputShape('valid')).toEqual({ height: 7, width: 5 });
  });
});
