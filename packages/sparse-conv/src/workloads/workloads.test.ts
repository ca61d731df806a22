// Every benchmark workload, drawn by the TypeScript generator, convolved by the package and checked
// against reference-checksums.json (numpy's generator + scipy.signal.convolve2d, written by
// scripts/reference-checksums.py): out_nnz and pattern hash exact, sums within 1e-12 relative;
// and out_nnz against the count the sparse_convolution run reported for the same workload.
// `direct` (the default) and `auto` run on all 49 workload x mode cases; the other three methods
// on every case with at most 1e6 output values (38 of 49; the benchmark checks all of them).
import { describe, expect, it } from 'vitest';
import { createConvolver, METHODS, type Method } from '../index';
import {
  checksums,
  checksumsAgree,
  generateWorkload,
  referenceConvolve,
  WORKLOADS,
  type Checksums,
} from './index';
import reference from './reference-checksums.json';

type RefModes = Record<string, Checksums & { outHeight: number; outWidth: number; noteOutNnz: number }>;
const REF = reference.workloads as unknown as Record<string, { seed: number; modes: RefModes }>;
const SMALL_OUTPUT = 1e6;

describe('benchmark workloads', () => {
  it('the fixture covers every workload and mode, and agrees with the peer run on out_nnz', () => {
    expect(Object.keys(REF)).toEqual(WORKLOADS.map((w) => w.name));
    let cases = 0;
    for (const w of WORKLOADS) {
      expect(REF[w.name]!.seed).toBe(w.seed);
      expect(Object.keys(REF[w.name]!.modes)).toEqual(w.modes);
      for (const m of w.modes) {
        expect(REF[w.name]!.modes[m]!.outNnz).toBe(REF[w.name]!.modes[m]!.noteOutNnz);
        cases++;
      }
    }
    expect(cases).toBe(49);
  });

  for (const spec of WORKLOADS) {
    it(`${spec.name}: every mode and method reproduces the reference checksums`, () => {
      const w = generateWorkload(spec);
      const conv = createConvolver(w.images, w.kernel);
      for (const mode of spec.modes) {
        const want = REF[spec.name]!.modes[mode]!;
        expect(conv.outputShape(mode)).toEqual({ height: want.outHeight, width: want.outWidth });
        const methods: (Method | 'auto')[] =
          want.outNnz <= SMALL_OUTPUT ? [...METHODS, 'auto'] : ['direct', 'auto'];
        for (const method of methods) {
          const got = checksums(conv.convolve(w.images, { mode, method, threads: 1 }));
          expect(
            checksumsAgree(got, want),
            `${mode} ${method}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`,
          ).toBe(true);
        }
      }
    });
  }

  it('the plain reference scatter of the workload files agrees with scipy too', () => {
    for (const name of ['batch_b10', 'modes_k3x6', 'oned_1x10000_k1x5', 'single_200x200_k4x4']) {
      const w = generateWorkload(WORKLOADS.find((s) => s.name === name)!);
      for (const mode of w.spec.modes) {
        const want = REF[name]!.modes[mode]!;
        const g = createConvolver(w.images, w.kernel, { mode });
        const top = mode === 'full' ? 0 : mode === 'same' ? (w.kernel.height - 1) >> 1 : w.kernel.height - 1;
        const left = mode === 'full' ? 0 : mode === 'same' ? (w.kernel.width - 1) >> 1 : w.kernel.width - 1;
        const out = referenceConvolve(
          w.images,
          w.kernel,
          top,
          left,
          g.outputShape().height,
          g.outputShape().width,
        );
        expect(checksumsAgree(checksums(out), want)).toBe(true);
      }
    }
  });
});
