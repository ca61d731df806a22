// Written by benchmarks/sparse-conv-fit.ts from a benchmark run; do not edit by hand.
// Coefficients (ms per unit of each feature in FEATURE_NAMES order) per method.
import type { Method } from '../types';

export const FITTED: {
  source: string;
  methods: Record<Method, number[]>;
  minThreadedMs: number;
  maxThreads: number;
} = {
  source: 'benchmarks/sparse-conv.ts, 294 rows, load average 24.3 22.3 20.0 at the end',
  methods: {
    direct: [0.02612, 0.0001306, 0, 0.000009844, 0.000007642, 0, 0],
    precomputed: [0.00542, 0, 0.00001053, 0.000007078, 0.00001337, 0.00007081, 0],
    lazy: [0.004055, 0.000112, 0.000004542, 0.000007986, 5.38e-7, 0, 0.000012],
    'gather-scatter': [0, 0, 0.000001653, 0.00001939, 0.000002326, 0, 0],
  },
  minThreadedMs: 344,
  maxThreads: 8,
};
