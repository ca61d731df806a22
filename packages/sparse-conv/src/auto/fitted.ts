// Written by benchmarks/sparse-conv-fit.ts from a benchmark run; do not edit by hand.
// Coefficients (ms per unit of each feature in FEATURE_NAMES order) per method.
import type { Method } from '../types';

export const FITTED: {
  source: string;
  methods: Record<Method, number[]>;
  minThreadedMs: number;
  maxThreads: number;
} = {
  source: 'benchmarks/sparse-conv.ts, 294 rows, load average 17.2 19.6 20.8 at the end',
  methods: {
    direct: [0.002759, 0.0001414, 0, 0.000008154, 0.000005836, 0, 0],
    precomputed: [0.0063, 0, 0.0000114, 0.00000385, 0.000008274, 0.00006817, 0],
    lazy: [0.002267, 0.0004575, 0, 0.000002915, 0.000001647, 0, 0.00001574],
    'gather-scatter': [0, 0, 0.00000229, 0.00001829, 0.00000219, 0, 0],
  },
  minThreadedMs: 0.563,
  maxThreads: 8,
};
